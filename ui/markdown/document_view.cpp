#include "ui/markdown/document_view.h"

#include <imgui.h>

#include "ui/markdown/link_opener.h"
#include "ui/markdown/text_range_check.h"

namespace gw::ui {

void DocumentView::ensure_layout(const std::vector<Block>& blocks, const Fonts& fonts, float width) {
    if (blocks_ == &blocks && fonts_ == &fonts && width_ == width && theme_ == current_theme() &&
        font_generation_ == font_generation())
        return;
    blocks_ = &blocks;
    fonts_ = &fonts;
    width_ = width;
    theme_ = current_theme();
    font_generation_ = font_generation();
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

namespace {

// Emits prims [from, to) of `block` at `o`, skipping what lies outside the clip rectangle.
int emit_range(const LaidOutBlock& block, std::size_t from, std::size_t to, ImVec2 o, ImDrawList* dl,
               ImageHolds* images) {
    const ImVec4 clip = dl->_ClipRectStack.Size ? dl->_ClipRectStack.back() : ImVec4(-1e9f, -1e9f, 1e9f, 1e9f);
    int emitted = 0;
    const ImageRef* drawn_image = nullptr;  // the picture just drawn: its placeholder and alt text are skipped
    for (std::size_t i = from; i < to; ++i) {
        const Prim& p = block.prims[i];
        ImVec2 a(o.x + p.a.x, o.y + p.a.y);
        if (p.image && p.type != Prim::Image && p.image == drawn_image) continue;
        switch (p.type) {
        case Prim::Image: {
            drawn_image = nullptr;
            const ImVec2 b(o.x + p.b.x, o.y + p.b.y);
            if (a.y > clip.w || b.y < clip.y || a.x > clip.z || b.x < clip.x) continue;  // only images on screen are decoded
            const ImageCache::Texture* tex = images ? images->use(*p.image) : nullptr;
            if (!tex) continue;
            dl->AddImage(tex->id, a, b);
            drawn_image = p.image;
            break;
        }
        case Prim::Text:
            if (a.y > clip.w || a.y + p.font->FontSize < clip.y) continue;
            // In a scrolling table a text knows its right end (b.x): cells scrolled out at either side are skipped.
            if (p.b.x > p.a.x && (a.x > clip.z || o.x + p.b.x < clip.x)) continue;
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

bool inside(ImVec2 p, ImVec2 a, ImVec2 b) { return p.x >= a.x && p.x < b.x && p.y >= a.y && p.y < b.y; }

// A hovered link shows its target and the hand cursor; a click opens it (open_url refuses what is not openable).
void hover_link(const LinkArea& link, ImVec2 origin, ImVec2 mouse) {
    const ImVec2 a(origin.x + link.min.x, origin.y + link.min.y), b(origin.x + link.max.x, origin.y + link.max.y);
    if (!inside(mouse, a, b)) return;
    ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    ImGui::SetTooltip("%s", link_tooltip(*link.url).c_str());
    if (ImGui::IsMouseClicked(0)) open_url(*link.url);
}

}  // namespace

int emit_scroll_region(const LaidOutBlock& block, const ScrollRegion& r, ImVec2 o, float scroll_x, ImDrawList* dl,
                       ImageHolds* images) {
    const ImVec2 view_min(o.x + r.min.x, o.y + r.min.y), view_max(o.x + r.max.x, o.y + r.max.y - r.scrollbar);
    dl->PushClipRect(ImVec2(view_min.x + r.frozen_width, view_min.y), view_max, true);
    int emitted = emit_range(block, r.begin, r.frozen, ImVec2(o.x - scroll_x, o.y), dl, images);
    dl->PopClipRect();
    dl->PushClipRect(view_min, view_max, true);
    emitted += emit_range(block, r.frozen, r.end, o, dl, images);
    dl->PopClipRect();
    return emitted;
}

int emit_block(const LaidOutBlock& block, ImVec2 o, ImDrawList* dl, ImageHolds* images) {
    int emitted = 0;
    std::size_t at = 0;
    for (const ScrollRegion& r : block.scrolls) {
        emitted += emit_range(block, at, r.begin, o, dl, images);
        emitted += emit_scroll_region(block, r, o, 0, dl, images);
        at = r.end;
    }
    return emitted + emit_range(block, at, block.prims.size(), o, dl, images);
}

void DocumentView::draw_scrolling(const LaidOutBlock& block, const ScrollRegion& r, ImVec2 origin) {
    const ImVec2 view_min(origin.x + r.min.x, origin.y + r.min.y);
    ImGui::SetCursorScreenPos(view_min);
    ImGui::PushID(r.key);
    ImGui::PushStyleVar(ImGuiStyleVar_ScrollbarSize, r.scrollbar);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    // Always shown: the layout gave the scrollbar its strip, and it tells the reader there is more to the right.
    ImGui::BeginChild("##wide-table", ImVec2(r.max.x - r.min.x, r.max.y - r.min.y), false,
                      ImGuiWindowFlags_AlwaysHorizontalScrollbar | ImGuiWindowFlags_NoNav);
    const float scroll = ImGui::GetScrollX();
    ImGui::Dummy(ImVec2(r.content_width, r.max.y - r.min.y - r.scrollbar));  // what there is to scroll over
    stats_.prims_emitted += emit_scroll_region(block, r, origin, scroll, ImGui::GetWindowDrawList(), &images_);
    if (ImGui::IsWindowHovered()) {
        const ImVec2 mouse = ImGui::GetIO().MousePos;
        const ImVec2 view_max(origin.x + r.max.x, origin.y + r.max.y - r.scrollbar);
        // A scrolled cell's link counts only where the cell is seen: right of the frozen column.
        if (inside(mouse, ImVec2(view_min.x + r.frozen_width, view_min.y), view_max))
            for (std::size_t i = r.links_begin; i < r.links_frozen; ++i)
                hover_link(block.links[i], ImVec2(origin.x - scroll, origin.y), mouse);
        if (inside(mouse, view_min, view_max))
            for (std::size_t i = r.links_frozen; i < r.links_end; ++i) hover_link(block.links[i], origin, mouse);
    }
    ImGui::EndChild();
    ImGui::PopStyleVar(2);
    ImGui::PopID();
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
            // The block's prims in order; a wide table's go to its own scrolling child window.
            std::size_t at = 0, link = 0;
            for (const ScrollRegion& r : l.scrolls) {
                stats_.prims_emitted += emit_range(l, at, r.begin, origin, dl, &images_);
                draw_scrolling(l, r, origin);
                at = r.end;
                if (hovered)
                    for (; link < r.links_begin; ++link) hover_link(l.links[link], origin, mouse);
                link = r.links_end;
            }
            stats_.prims_emitted += emit_range(l, at, l.prims.size(), origin, dl, &images_);
            ++stats_.blocks_drawn;
            if (hovered)
                for (; link < l.links.size(); ++link) hover_link(l.links[link], origin, mouse);
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
