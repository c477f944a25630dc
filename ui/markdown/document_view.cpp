#include "ui/markdown/document_view.h"

#include <imgui.h>

#include "ui/markdown/link_opener.h"
#include "ui/markdown/text_range_check.h"

namespace gw::ui {

void DocumentView::ensure_layout(const std::vector<Block>& blocks, const Fonts& fonts, float width) {
    if (blocks_ == &blocks && fonts_ == &fonts && width_ == width) return;
    blocks_ = &blocks;
    fonts_ = &fonts;
    width_ = width;
    images_.release_all();  // the page was left or re-laid out: what it still shows is held again as it is drawn
    laid_.clear();
    laid_.reserve(blocks.size());
    for (const Block& b : blocks) laid_.push_back(layout_block(b, fonts, width));
}

float DocumentView::total_height() const {
    float h = 0;
    for (const auto& l : laid_) h += l.height;
    return h;
}

int emit_block(const LaidOutBlock& block, ImVec2 o, ImDrawList* dl, ImageHolds* images) {
    const ImVec4 clip = dl->_ClipRectStack.Size ? dl->_ClipRectStack.back() : ImVec4(-1e9f, -1e9f, 1e9f, 1e9f);
    int emitted = 0;
    const ImageRef* drawn_image = nullptr;  // the picture just drawn: its placeholder and alt text are skipped
    for (const Prim& p : block.prims) {
        ImVec2 a(o.x + p.a.x, o.y + p.a.y);
        if (p.image && p.type != Prim::Image && p.image == drawn_image) continue;
        switch (p.type) {
        case Prim::Image: {
            drawn_image = nullptr;
            const ImVec2 b(o.x + p.b.x, o.y + p.b.y);
            if (a.y > clip.w || b.y < clip.y) continue;  // only images on screen are decoded
            const ImageCache::Texture* tex = images ? images->use(*p.image) : nullptr;
            if (!tex) continue;
            dl->AddImage(tex->id, a, b);
            drawn_image = p.image;
            break;
        }
        case Prim::Text:
            if (a.y > clip.w || a.y + p.font->FontSize < clip.y) continue;
            check_text_range(p.begin, p.end, "a laid-out text primitive");
            dl->AddText(p.font, p.font->FontSize, a, p.color, p.begin, p.end);
            break;
        case Prim::RectFilled:
            dl->AddRectFilled(a, ImVec2(o.x + p.b.x, o.y + p.b.y), p.color, p.rounding);
            break;
        case Prim::Rect:
            dl->AddRect(a, ImVec2(o.x + p.b.x, o.y + p.b.y), p.color, p.rounding, 0, 1.0f);
            break;
        case Prim::Line:
            dl->AddLine(a, ImVec2(o.x + p.b.x, o.y + p.b.y), p.color, p.rounding > 0 ? p.rounding : 1.0f);
            break;
        case Prim::CircleFilled:
            dl->AddCircleFilled(a, p.b.x, p.color, 0);
            break;
        }
        ++emitted;
    }
    return emitted;
}

void DocumentView::draw(const std::vector<Block>& blocks, const Fonts& fonts, float width,
                        const AfterBlock& after_block) {
    images_.set_cache(image_cache_ ? image_cache_ : &app_image_cache());
    ensure_layout(blocks, fonts, width);
    stats_ = {};
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec4 clip = dl->_ClipRectStack.back();
    const bool hovered = ImGui::IsWindowHovered();
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    const ImVec2 start = ImGui::GetCursorScreenPos();
    float y = start.y;  // blocks are placed by hand: an off-screen block costs one comparison

    for (std::size_t i = 0; i < laid_.size(); ++i) {
        const LaidOutBlock& l = laid_[i];
        ImVec2 origin(start.x, y);
        if (origin.y > clip.w || origin.y + l.height < clip.y) {
            ++stats_.blocks_skipped;
        } else {
            stats_.prims_emitted += emit_block(l, origin, dl, &images_);
            ++stats_.blocks_drawn;
            for (const LinkArea& link : l.links) {
                ImVec2 a(origin.x + link.min.x, origin.y + link.min.y), b(origin.x + link.max.x, origin.y + link.max.y);
                if (hovered && mouse.x >= a.x && mouse.x < b.x && mouse.y >= a.y && mouse.y < b.y) {
                    ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
                    ImGui::SetTooltip("%s", link.url->c_str());
                    if (ImGui::IsMouseClicked(0)) open_url(*link.url);
                }
            }
        }
        y += l.height;
        if (after_block) {
            ImGui::SetCursorScreenPos(ImVec2(start.x, y));
            after_block(blocks[i]);
            y = ImGui::GetCursorScreenPos().y;
        }
    }
    ImGui::SetCursorScreenPos(ImVec2(start.x, y));
    ImGui::Dummy(ImVec2(width, 0));  // tells the window how far the content reaches
    images_.cache()->collect();  // textures of a page left this frame go now; re-laid-out ones were held again
}

}  // namespace gw::ui
