#include "ui/markdown/document_view.h"

#include <imgui.h>

#include <cfloat>
#include <cmath>
#include <functional>

#include "ui/markdown/link_opener.h"
#include "ui/markdown/text_range_check.h"

namespace gw::ui {

void DocumentView::ensure_layout(const std::vector<Block>& blocks, const Fonts& fonts, float width) {
    if (blocks_ == &blocks && fonts_ == &fonts && width_ == width && theme_ == current_theme() &&
        font_generation_ == font_generation())
        return;
    const bool same_blocks = blocks_ == &blocks && laid_.size() == blocks.size();
    std::vector<LaidOutBlock> old;
    old.swap(laid_);  // kept until the selection has been moved onto the new layout
    blocks_ = &blocks;
    fonts_ = &fonts;
    width_ = width;
    theme_ = current_theme();
    font_generation_ = font_generation();
    images_.release_all();  // the page was left or re-laid out: what it still shows is held again as it is drawn
    laid_.reserve(blocks.size());
    for (const Block& b : blocks) laid_.push_back(layout_block(b, fonts, width));
    remap_selection(same_blocks, old);
}

void DocumentView::remap_selection(bool same_blocks, std::vector<LaidOutBlock>& old) {
    pressed_link_ = hovered_link_ = nullptr;
    if (!selection_.active) return;
    // The same blocks: the text a position points at is the same bytes of the model, found again by address. Text
    // the layout made up (list numbers, titles) is new; a position there is lost, and so is the selection.
    auto find = [&](const TextPos& pos, TextPos* out) {
        if (pos.block >= old.size() || pos.prim >= old[pos.block].prims.size()) return false;
        const Prim& was = old[pos.block].prims[pos.prim];
        const char* at = was.begin + pos.offset;
        const LaidOutBlock& now = laid_[pos.block];
        const std::less_equal<const char*> le;
        for (std::size_t i = 0; i < now.prims.size(); ++i) {
            const Prim& p = now.prims[i];
            if (!selectable(now, i) || !le(p.begin, at) || !le(at, p.end)) continue;
            *out = TextPos{pos.block, i, std::size_t(at - p.begin)};
            return true;
        }
        return false;
    };
    TextPos anchor, focus;
    if (same_blocks && find(selection_.anchor, &anchor) && find(selection_.focus, &focus)) {
        selection_.set(anchor, focus);
    } else {
        selection_.clear();
        selecting_ = false;
    }
}

std::string DocumentView::selected_text() const {
    if (selection_.empty()) return "";
    return gw::ui::selected_text(laid_, selection_.first(), selection_.last());
}

void DocumentView::select_all() {
    TextPos from, to;
    if (whole_text(laid_, &from, &to))
        selection_.set(from, to);
    else
        selection_.clear();
}

float DocumentView::total_height() const {
    float h = 0;
    for (const auto& l : laid_) h += l.height;
    return h;
}

namespace {

// The highlight behind the selected part of text primitive `i` (drawn at `a`), if any.
void paint_selected(const LaidOutBlock& block, std::size_t i, ImVec2 a, ImDrawList* dl, const SelectionPaint& paint) {
    std::size_t lo = 0, hi = 0;
    if (!selected_part(*paint.selection, block, paint.block, original_prim(block, i), &lo, &hi)) return;
    const Prim& p = block.prims[i];
    const float fs = p.font->FontSize;
    const float x0 = lo ? p.font->CalcTextSizeA(fs, FLT_MAX, 0.0f, p.begin, p.begin + lo).x : 0;
    float x1 = p.font->CalcTextSizeA(fs, FLT_MAX, 0.0f, p.begin, p.begin + hi).x;
    // Selected on past its end: the space before the next piece of the same line (a bold word, a link) is too,
    // so the highlight has no hole where the text has a space.
    const TextPos last = paint.selection->last();
    if (hi == std::size_t(p.end - p.begin) && (paint.block < last.block || original_prim(block, i) < last.prim))
        for (std::size_t j = i + 1; j < block.prims.size(); ++j) {
            const Prim& q = block.prims[j];
            if (q.type != Prim::Text) continue;
            if (q.flow == p.flow && std::fabs(q.a.y - p.a.y) < fs * 0.5f && q.a.x > p.a.x + x1)
                x1 = q.a.x - p.a.x;
            break;
        }
    dl->AddRectFilled(ImVec2(a.x + x0, a.y - fs * 0.2f), ImVec2(a.x + x1, a.y + fs * 1.2f), palette().selection);
}

// Emits prims [from, to) of `block` at `o`, skipping what lies outside the clip rectangle; with `paint`, the
// selection is highlighted behind the text (over backgrounds drawn before it: a callout, a code span).
int emit_range(const LaidOutBlock& block, std::size_t from, std::size_t to, ImVec2 o, ImDrawList* dl,
               ImageHolds* images, const SelectionPaint* paint) {
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
            if (paint && p.flow != kNoFlow) paint_selected(block, i, a, dl, *paint);
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

// A hovered link shows its target and the hand cursor, and becomes `*hovered`; DocumentView follows it when a
// press on it is released without a drag (open_url refuses what is not openable).
void hover_link(const LinkArea& link, ImVec2 origin, ImVec2 mouse, const std::string** hovered) {
    const ImVec2 a(origin.x + link.min.x, origin.y + link.min.y), b(origin.x + link.max.x, origin.y + link.max.y);
    if (!inside(mouse, a, b)) return;
    ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    ImGui::SetTooltip("%s", link_tooltip(*link.url).c_str());
    *hovered = link.url;
}

}  // namespace

int emit_scroll_region(const LaidOutBlock& block, const ScrollRegion& r, ImVec2 o, float scroll_x, ImDrawList* dl,
                       ImageHolds* images, const SelectionPaint* paint) {
    const ImVec2 view_min(o.x + r.min.x, o.y + r.min.y), view_max(o.x + r.max.x, o.y + r.max.y - r.scrollbar);
    dl->PushClipRect(ImVec2(view_min.x + r.frozen_width, view_min.y), view_max, true);
    int emitted = emit_range(block, r.begin, r.frozen, ImVec2(o.x - scroll_x, o.y), dl, images, paint);
    dl->PopClipRect();
    dl->PushClipRect(view_min, view_max, true);
    emitted += emit_range(block, r.frozen, r.end, o, dl, images, paint);
    dl->PopClipRect();
    return emitted;
}

int emit_block(const LaidOutBlock& block, ImVec2 o, ImDrawList* dl, ImageHolds* images, const SelectionPaint* paint) {
    int emitted = 0;
    std::size_t at = 0;
    for (const ScrollRegion& r : block.scrolls) {
        emitted += emit_range(block, at, r.begin, o, dl, images, paint);
        emitted += emit_scroll_region(block, r, o, 0, dl, images, paint);
        at = r.end;
    }
    return emitted + emit_range(block, at, block.prims.size(), o, dl, images, paint);
}

void DocumentView::draw_scrolling(const LaidOutBlock& block, ScrollRegion& r, ImVec2 origin, std::size_t index) {
    const ImVec2 view_min(origin.x + r.min.x, origin.y + r.min.y);
    ImGui::SetCursorScreenPos(view_min);
    ImGui::PushID(r.key);
    ImGui::PushStyleVar(ImGuiStyleVar_ScrollbarSize, r.scrollbar);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    // Always shown: the layout gave the scrollbar its strip, and it tells the reader there is more to the right.
    ImGui::BeginChild("##wide-table", ImVec2(r.max.x - r.min.x, r.max.y - r.min.y), false,
                      ImGuiWindowFlags_AlwaysHorizontalScrollbar | ImGuiWindowFlags_NoNav);
    const float scroll = r.scroll_x = ImGui::GetScrollX();
    ImGui::Dummy(ImVec2(r.content_width, r.max.y - r.min.y - r.scrollbar));  // what there is to scroll over
    const SelectionPaint paint{&selection_, index};
    const bool painted = !selection_.empty() && index >= selection_.first().block && index <= selection_.last().block;
    stats_.prims_emitted += emit_scroll_region(block, r, origin, scroll, ImGui::GetWindowDrawList(), &images_,
                                               painted ? &paint : nullptr);
    if (ImGui::IsWindowHovered()) {
        const ImVec2 mouse = ImGui::GetIO().MousePos;
        const ImVec2 view_max(origin.x + r.max.x, origin.y + r.max.y - r.scrollbar);
        // A scrolled cell's link counts only where the cell is seen: right of the frozen column.
        if (inside(mouse, ImVec2(view_min.x + r.frozen_width, view_min.y), view_max))
            for (std::size_t i = r.links_begin; i < r.links_frozen; ++i)
                hover_link(block.links[i], ImVec2(origin.x - scroll, origin.y), mouse, &hovered_link_);
        if (inside(mouse, view_min, view_max))
            for (std::size_t i = r.links_frozen; i < r.links_end; ++i)
                hover_link(block.links[i], origin, mouse, &hovered_link_);
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
    const ImGuiIO& io = ImGui::GetIO();
    const bool hovered = ImGui::IsWindowHovered();
    // The page or a wide table's viewport, and no widget (an editor, a button, a scrollbar): a press there is ours.
    const bool free_hover = ImGui::IsWindowHovered(ImGuiHoveredFlags_ChildWindows) && !ImGui::IsAnyItemHovered();
    const bool press = free_hover && (ImGui::IsMouseClicked(0) || ImGui::IsMouseClicked(1));
    const bool moved = io.MouseDelta.x != 0 || io.MouseDelta.y != 0 || io.MouseWheel != 0 || io.MouseWheelH != 0;
    // Hit-testing only on mouse events: a press, a drag, a move over the page (for the cursor's shape).
    const bool want_hit = press || (selecting_ && (moved || ImGui::IsMouseReleased(0))) || (free_hover && moved);
    const bool any_selection = !selection_.empty();
    const ImVec2 mouse = io.MousePos;
    const ImVec2 start = ImGui::GetCursorScreenPos();
    float y = start.y;  // blocks are placed by hand: an off-screen block costs one comparison
    hovered_link_ = nullptr;
    TextPos hit;
    TextHit best;
    best.distance = FLT_MAX;

    for (std::size_t i = 0; i < laid_.size(); ++i) {
        LaidOutBlock& l = laid_[i];
        ImVec2 origin(start.x, y);
        if (origin.y > clip.w || origin.y + l.height < clip.y) {
            ++stats_.blocks_skipped;
        } else {
            const SelectionPaint paint{&selection_, i};
            const SelectionPaint* painted =
                any_selection && i >= selection_.first().block && i <= selection_.last().block ? &paint : nullptr;
            // The block's prims in order; a wide table's go to its own scrolling child window.
            std::size_t at = 0, link = 0;
            for (ScrollRegion& r : l.scrolls) {
                stats_.prims_emitted += emit_range(l, at, r.begin, origin, dl, &images_, painted);
                draw_scrolling(l, r, origin, i);
                at = r.end;
                if (hovered)
                    for (; link < r.links_begin; ++link) hover_link(l.links[link], origin, mouse, &hovered_link_);
                link = r.links_end;
            }
            stats_.prims_emitted += emit_range(l, at, l.prims.size(), origin, dl, &images_, painted);
            ++stats_.blocks_drawn;
            if (hovered)
                for (; link < l.links.size(); ++link) hover_link(l.links[link], origin, mouse, &hovered_link_);
            if (want_hit) {
                const TextHit h = hit_test_block(l, ImVec2(mouse.x - origin.x, mouse.y - origin.y));
                if (h.found && h.distance < best.distance) {
                    best = h;
                    hit = TextPos{i, h.prim, h.offset};
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
    if (want_hit) over_text_ = best.found && best.distance == 0;
    if (want_hit || selecting_ || any_selection || menu_open_ || (over_text_ && free_hover))
        handle_selection_input(want_hit && best.found ? &hit : nullptr, press, free_hover);
    else if (io.KeyCtrl && !io.WantTextInput && ImGui::IsKeyPressed('A', false) &&
             ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows))
        select_all();  // 'A' is the key that types a in the learner's layout (ui/input)
    images_.cache()->collect();  // textures of a page left this frame go now; re-laid-out ones were held again
}

void DocumentView::handle_selection_input(const TextPos* hit, bool press, bool free_hover) {
    const ImGuiIO& io = ImGui::GetIO();
    if (over_text_ && free_hover && !hovered_link_) ImGui::SetMouseCursor(ImGuiMouseCursor_TextInput);
    ImGui::PushID(this);
    if (press && ImGui::IsMouseClicked(0)) {
        const int clicks = ImGui::GetMouseClickedCount(0);
        pressed_link_ = nullptr;
        if (!hit) {
            selection_.clear();
        } else if (io.KeyShift && selection_.active) {
            selection_.focus = *hit;  // Shift+click: the selection reaches to here from where it started
            selecting_ = past_threshold_ = true;
        } else if (clicks == 2 || clicks >= 3) {
            TextPos from, to;
            if (clicks == 2)
                word_at(laid_, *hit, &from, &to);
            else
                flow_at(laid_, *hit, &from, &to);
            selection_.set(from, to);
            selecting_ = false;
        } else {
            selection_.set(*hit, *hit);
            selecting_ = true;
            past_threshold_ = false;
            press_pos_ = io.MousePos;
            pressed_link_ = hovered_link_;
        }
    } else if (press && ImGui::IsMouseClicked(1)) {
        ImGui::OpenPopup("##text-menu");
        menu_open_ = true;
    }
    if (selecting_) {
        ImGui::SetMouseCursor(pressed_link_ && !past_threshold_ ? ImGuiMouseCursor_Hand : ImGuiMouseCursor_TextInput);
        const float dx = io.MousePos.x - press_pos_.x, dy = io.MousePos.y - press_pos_.y;
        if (dx * dx + dy * dy >= io.MouseDragThreshold * io.MouseDragThreshold) past_threshold_ = true;
        if (hit && past_threshold_) selection_.focus = *hit;
        // Dragging past the top or bottom edge scrolls the page, as far as the mouse is past it.
        const float top = ImGui::GetWindowPos().y, bottom = top + ImGui::GetWindowHeight();
        if (past_threshold_ && io.MousePos.y < top) ImGui::SetScrollY(ImGui::GetScrollY() - (top - io.MousePos.y));
        if (past_threshold_ && io.MousePos.y > bottom)
            ImGui::SetScrollY(ImGui::GetScrollY() + (io.MousePos.y - bottom));
        if (!io.MouseDown[0]) {
            selecting_ = false;
            // A press and release on a link without a drag is a click on it.
            if (pressed_link_ && !past_threshold_ && pressed_link_ == hovered_link_) {
                selection_.clear();
                open_url(*pressed_link_);
            }
            pressed_link_ = nullptr;
        }
    }
    if (menu_open_) {
        ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(10, 8));
        const bool shown = ImGui::BeginPopup("##text-menu");
        ImGui::PopStyleVar();
        if (shown) {
            if (ImGui::MenuItem("Copy", "Ctrl+C", false, !selection_.empty()))
                ImGui::SetClipboardText(selected_text().c_str());
            if (ImGui::MenuItem("Select all", "Ctrl+A")) select_all();
            ImGui::EndPopup();
        } else {
            menu_open_ = false;
        }
    }
    ImGui::PopID();
    // Keys, while no text field has them. 'C' and 'A' are the keys that type c and a in the learner's layout:
    // ui/input renames keys after what they type, so AZERTY's and QWERTZ's Ctrl+C and Ctrl+A work here too.
    if (io.WantTextInput || !ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows)) return;
    if (io.KeyCtrl && ImGui::IsKeyPressed('C', false) && !selection_.empty())
        ImGui::SetClipboardText(selected_text().c_str());
    if (io.KeyCtrl && ImGui::IsKeyPressed('A', false)) select_all();
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false) && selection_.active) {
        selection_.clear();
        selecting_ = false;
    }
}

}  // namespace gw::ui
