#include "ui/editor/prose_editor.h"

#include <imgui.h>
#include <imgui_internal.h>
#include "ui/fonts.h"

#include <algorithm>
#include <cfloat>
#include <cmath>

namespace gw::ui {

size_t ProseEditorState::cursor() const { return pending_selection_ ? pending_selection_->second : buffer_.cursor(); }

size_t ProseEditorState::anchor() const { return pending_selection_ ? pending_selection_->first : buffer_.anchor(); }

size_t ProseEditorState::word_count() const {
    if (words_revision_ != buffer_.revision()) {
        words_ = count_words(buffer_.text());
        words_revision_ = buffer_.revision();
    }
    return words_;
}

namespace {

// Which editor has the keyboard, for AnyProseEditorFocused().
struct FocusTracker {
    ImGuiContext* ctx = nullptr;
    ImGuiID id = 0;  // the focused editor at the end of its last frame, 0 for none
    int frame = -1;  // the last frame in which an editor had focus at any moment
};
FocusTracker g_tracker;

void track_focus(ImGuiContext& g, ImGuiID id, bool had_focus, bool has_focus) {
    if (g_tracker.ctx != &g) {
        g_tracker = FocusTracker{&g, 0, -1};
        // Forget the context when it is destroyed: a later one may be allocated at the same address.
        const ImGuiID owner = ImHashStr("gw::ui::ProseEditor");
        bool hooked = false;
        for (const ImGuiContextHook& h : g.Hooks) hooked |= h.Owner == owner && h.Type == ImGuiContextHookType_Shutdown;
        if (!hooked) {
            ImGuiContextHook hook;
            hook.Type = ImGuiContextHookType_Shutdown;
            hook.Owner = owner;
            hook.Callback = [](ImGuiContext* ctx, ImGuiContextHook*) {
                if (g_tracker.ctx == ctx) g_tracker = FocusTracker{};
            };
            ImGui::AddContextHook(&g, &hook);
        }
    }
    if (had_focus || has_focus) g_tracker.frame = g.FrameCount;
    if (has_focus)
        g_tracker.id = id;
    else if (g_tracker.id == id)
        g_tracker.id = 0;
}

bool pressed(ImGuiKey key) { return ImGui::IsKeyPressedMap(key, true); }

}  // namespace

bool AnyProseEditorFocused() {
    ImGuiContext* ctx = ImGui::GetCurrentContext();
    if (!ctx || g_tracker.ctx != ctx) return false;
    if (g_tracker.frame == ctx->FrameCount) return true;
    return g_tracker.id != 0 && ctx->ActiveId == g_tracker.id;
}

bool ProseEditor(const char* label, std::string& text, ProseEditorState& state, const ProseEditorStyle& style) {
    ImGuiContext& g = *GImGui;
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    if (window->SkipItems) return false;
    ImGuiIO& io = g.IO;
    const ImGuiID id = window->GetID(label);
    TextBuffer& buf = state.buffer_;

    ImFont* font = style.font ? style.font : ImGui::GetFont();
    const float font_size = style.font_size > 0 ? style.font_size : ImGui::GetFontSize();
    const float line_h = std::max(1.0f, std::floor(font_size * style.line_spacing + 0.5f));

    // The caller's string is the truth: adopt it when it changed from outside (first frame, a different
    // reflection loaded, a restore). Comparing costs microseconds even for a long reflection.
    // Edits made through state.buffer() between frames (an Undo button) win over the caller's copy.
    bool edited_outside = false;
    if (state.adopted_ && buf.revision() != state.synced_revision_) {
        text = buf.text();
        edited_outside = true;
    } else if (!state.adopted_ || text.size() != buf.text().size() || text != buf.text()) {
        buf.set_text(text);
        state.adopted_ = true;
        state.dragging_ = false;
    }
    if (state.pending_selection_) {
        buf.set_selection(state.pending_selection_->first, state.pending_selection_->second);
        state.pending_selection_.reset();
        state.scroll_to_caret_ = true;
    }
    const uint64_t revision_before = buf.revision();

    // Geometry: the box spans the given or available width; the text column sits inside the padding.
    const ImVec2 pos = window->DC.CursorPos;
    float width = style.width > 0 ? style.width : ImGui::GetContentRegionAvail().x;
    width = std::max(width, style.padding.x * 2 + font_size * 4);
    const float text_w = width - style.padding.x * 2;
    const ImVec2 origin(pos.x + style.padding.x, pos.y + style.padding.y);  // top-left of the first line

    auto ensure_layout = [&] {
        const ProseEditorState::LayoutKey key{buf.revision(), text_w, font, font_size, font_generation()};
        if (key == state.layout_key_) return;
        state.layout_.build(buf.text(), text_w, [font, font_size](const char* b, const char* e) {
            return font->CalcTextSizeA(font_size, FLT_MAX, 0.0f, b, e).x;
        });
        state.layout_key_ = key;
        ++state.layout_builds_;
    };

    // Focus bookkeeping: lost to another widget or window, or requested by the host through `focused`.
    const bool had_focus = g.ActiveId == id;
    bool active = had_focus;
    if (!active && state.focused_before_) {
        state.dragging_ = false;
        buf.break_undo_group();
    }
    bool want_focus = false;
    auto blur = [&] {
        if (g.ActiveId == id) ImGui::ClearActiveID();
        active = false;
        state.dragging_ = false;
        buf.break_undo_group();
    };
    if (state.focused != state.focused_before_) {
        if (state.focused && !active) want_focus = true;
        if (!state.focused && active) blur();
    }

    // Keyboard, while focused.
    if (active) {
        const bool osx = io.ConfigMacOSXBehaviors;
        const bool shortcut = osx ? (io.KeySuper && !io.KeyCtrl) : (io.KeyCtrl && !io.KeySuper);
        const bool word_mod = osx ? io.KeyAlt : io.KeyCtrl;
        const bool line_mod = osx && io.KeySuper && !io.KeyCtrl && !io.KeyAlt;  // Cmd+arrows on macOS
        const bool shift = io.KeyShift;
        const double now = ImGui::GetTime();
        bool moved = false;
        auto copy = [&] {
            if (buf.has_selection()) ImGui::SetClipboardText(buf.selected_text().c_str());
        };
        auto cut = [&] {
            if (buf.has_selection()) ImGui::SetClipboardText(buf.cut().c_str());
        };
        auto paste = [&] {
            const char* clip = ImGui::GetClipboardText();
            if (clip && *clip) buf.paste(clip);
        };

        if (pressed(ImGuiKey_LeftArrow)) {
            if (line_mod) {
                ensure_layout();
                buf.move_line_start(state.layout_, shift);
            } else if (word_mod) {
                buf.move_word_left(shift);
            } else {
                buf.move_left(shift);
            }
            moved = true;
        }
        if (pressed(ImGuiKey_RightArrow)) {
            if (line_mod) {
                ensure_layout();
                buf.move_line_end(state.layout_, shift);
            } else if (word_mod) {
                buf.move_word_right(shift, osx);
            } else {
                buf.move_right(shift);
            }
            moved = true;
        }
        if (pressed(ImGuiKey_UpArrow)) {
            if (line_mod) {
                buf.move_doc_start(shift);
            } else {
                ensure_layout();
                buf.move_lines(state.layout_, -1, shift);
            }
            moved = true;
        }
        if (pressed(ImGuiKey_DownArrow)) {
            if (line_mod) {
                buf.move_doc_end(shift);
            } else {
                ensure_layout();
                buf.move_lines(state.layout_, +1, shift);
            }
            moved = true;
        }
        if (pressed(ImGuiKey_Home)) {
            if (io.KeyCtrl) {
                buf.move_doc_start(shift);
            } else {
                ensure_layout();
                buf.move_line_start(state.layout_, shift);
            }
            moved = true;
        }
        if (pressed(ImGuiKey_End)) {
            if (io.KeyCtrl) {
                buf.move_doc_end(shift);
            } else {
                ensure_layout();
                buf.move_line_end(state.layout_, shift);
            }
            moved = true;
        }
        if (pressed(ImGuiKey_PageUp) || pressed(ImGuiKey_PageDown)) {
            const float view_h =
                window->InnerClipRect.GetHeight() > 0 ? window->InnerClipRect.GetHeight() : io.DisplaySize.y;
            const int page = std::max(1, static_cast<int>(view_h / line_h) - 1);
            ensure_layout();
            buf.move_lines(state.layout_, pressed(ImGuiKey_PageUp) ? -page : page, shift);
            moved = true;
        }
        if (pressed(ImGuiKey_Backspace)) buf.backspace(word_mod, now);
        if (pressed(ImGuiKey_Delete)) {
            if (shift && !shortcut && buf.has_selection())
                cut();  // Shift+Delete
            else
                buf.delete_forward(word_mod, now);
        }
        if (pressed(ImGuiKey_Enter) || pressed(ImGuiKey_KeyPadEnter)) buf.newline(now);
        if (pressed(ImGuiKey_Insert)) {
            if (io.KeyCtrl && !shift) copy();
            if (shift && !io.KeyCtrl) paste();
        }
        if (shortcut && !io.KeyAlt) {
            if (pressed(ImGuiKey_A)) {
                buf.select_all();
                moved = true;
            }
            if (pressed(ImGuiKey_C)) copy();
            if (pressed(ImGuiKey_X)) cut();
            if (pressed(ImGuiKey_V)) paste();
            if (pressed(ImGuiKey_Z)) {
                if (shift)
                    buf.redo();
                else
                    buf.undo();
            }
            if (pressed(ImGuiKey_Y) && !shift) buf.redo();
        }
        // Tab inserts nothing and keeps nothing: ImGui's tabbing moves focus on to the next text field.
        if (pressed(ImGuiKey_Escape)) blur();

        // Typed characters (Ctrl+letter shortcuts produce none on most backends, but some do).
        const bool ignore_chars = (io.KeyCtrl && !io.KeyAlt) || (osx && io.KeySuper);
        if (active && !ignore_chars) {
            char32_t high_surrogate = 0;
            for (int i = 0; i < io.InputQueueCharacters.Size; ++i) {
                char32_t c = io.InputQueueCharacters[i];
                if (c >= 0xD800 && c <= 0xDBFF) {
                    high_surrogate = c;
                    continue;
                }
                if (c >= 0xDC00 && c <= 0xDFFF) {
                    if (!high_surrogate) continue;
                    c = 0x10000 + ((high_surrogate - 0xD800) << 10) + (c - 0xDC00);
                }
                high_surrogate = 0;
                if (c == '\n') {
                    buf.newline(now);
                    continue;
                }
                // Control characters (Enter and Tab come as keys), the private-use characters some platforms send
                // for function keys, and U+FFFD: with Debian's 16-bit ImWchar, ImGui queues it for any character
                // beyond U+FFFF (a typed emoji), and a replacement mark is never what was meant.
                if (c < 0x20 || c == 0x7F || (c >= 0xE000 && c <= 0xF8FF) || c == 0xFFFD) continue;
                buf.type(utf8::encode(c), now);
            }
        }
        if (active) io.InputQueueCharacters.resize(0);  // consumed: no other widget types them again
        if (moved || buf.revision() != revision_before) state.scroll_to_caret_ = true;
    }

    // The item: its height follows the wrapped text.
    ensure_layout();
    const WrapLayout& layout = state.layout_;
    const size_t shown_lines = std::max<size_t>(layout.line_count(), static_cast<size_t>(std::max(style.min_lines, 1)));
    const float height = shown_lines * line_h + style.padding.y * 2;
    const ImRect bb(pos, ImVec2(pos.x + width, pos.y + height));
    state.height_ = height;
    ImGui::ItemSize(bb);
    const bool visible = ImGui::ItemAdd(bb, id, nullptr, ImGuiItemFlags_Inputable);
    if ((g.LastItemData.StatusFlags & ImGuiItemStatusFlags_FocusedByTabbing) || g.NavActivateInputId == id ||
        g.NavActivateId == id)
        want_focus = true;
    const bool hovered = visible && ImGui::ItemHoverable(bb, id);

    auto focus = [&] {
        ImGui::SetActiveID(id, window);
        ImGui::SetFocusID(id, window);
        ImGui::FocusWindow(window);
        active = true;
        buf.break_undo_group();
    };
    const std::string_view doc = buf.text();
    auto hit = [&](ImVec2 mouse, bool clamp_outside, bool* upstream) {
        *upstream = false;
        const float y = mouse.y - origin.y;
        if (clamp_outside && mouse.y < bb.Min.y) return size_t{0};
        if (clamp_outside && mouse.y >= bb.Max.y) return doc.size();
        if (y >= static_cast<float>(layout.line_count()) * line_h) return doc.size();  // below the last line
        return layout.hit_test(doc, mouse.x - origin.x, y, line_h, upstream);
    };
    auto unit_at = [&](size_t p) { return state.drag_unit_ == 2 ? paragraph_at(doc, p) : word_at(doc, p); };

    // Mouse: click places the caret, drag selects, double-click a word, triple-click a paragraph.
    if (hovered && io.MouseClicked[0]) {
        if (!active) focus();
        want_focus = false;
        bool up;
        const size_t p = hit(io.MousePos, false, &up);
        const int clicks = io.MouseClickedCount[0];
        if (clicks >= 2) {
            state.drag_unit_ = clicks == 2 ? 1 : 2;
            const auto [b, e] = unit_at(p);
            buf.set_selection(b, e);
            state.drag_begin_ = b;
            state.drag_end_ = e;
        } else {
            state.drag_unit_ = 0;
            buf.set_cursor(p, io.KeyShift);
            buf.set_upstream(up);
        }
        state.dragging_ = true;
    } else if (state.dragging_) {
        if (!active || !io.MouseDown[0]) {
            state.dragging_ = false;
        } else if (io.MouseDelta.x != 0 || io.MouseDelta.y != 0 || state.drag_unit_ == 0) {
            bool up;
            const size_t p = hit(io.MousePos, true, &up);
            if (state.drag_unit_ == 0) {
                if (p != buf.cursor() || up != buf.upstream()) {
                    buf.set_cursor(p, true);
                    buf.set_upstream(up);
                    state.scroll_to_caret_ = true;
                }
            } else {
                const auto [b, e] = unit_at(p);
                if (b < state.drag_begin_)
                    buf.set_selection(state.drag_end_, b);
                else
                    buf.set_selection(state.drag_begin_, std::max(e, state.drag_end_));
                state.scroll_to_caret_ = true;
            }
        }
    } else if (active && io.MouseClicked[0] && !hovered) {
        blur();  // a click anywhere else
    }
    if (want_focus && !active) focus();
    if (hovered || state.dragging_) ImGui::SetMouseCursor(ImGuiMouseCursor_TextInput);

    // Hand the text back.
    const bool changed = buf.revision() != revision_before || edited_outside;
    state.synced_revision_ = buf.revision();
    if (changed) {
        text = buf.text();
        ImGui::MarkItemEdited(id);
        ensure_layout();
    }

    // Caret geometry (screen space).
    const size_t caret_line = layout.line_of(buf.cursor(), buf.upstream());
    const float caret_x =
        origin.x + std::min(layout.x_of(doc, caret_line, buf.cursor()), text_w + style.padding.x * 0.5f);
    const float caret_top = origin.y + caret_line * line_h;

    if (active) {
        // Keys stay with the editor: no keyboard navigation on arrows, Home/End, PageUp/Down or Escape, and the
        // host sees io.WantTextInput / io.WantCaptureKeyboard from the next frame on.
        g.ActiveIdUsingNavDirMask |=
            (1 << ImGuiDir_Left) | (1 << ImGuiDir_Right) | (1 << ImGuiDir_Up) | (1 << ImGuiDir_Down);
        g.ActiveIdUsingNavInputMask |= (1 << ImGuiNavInput_Cancel);
        g.ActiveIdUsingKeyInputMask |= (ImU64(1) << ImGuiKey_Home) | (ImU64(1) << ImGuiKey_End) |
                                       (ImU64(1) << ImGuiKey_PageUp) | (ImU64(1) << ImGuiKey_PageDown);
        // Another widget may take the active id (a click on a button ends the editing), and stays hoverable.
        g.ActiveIdAllowOverlap = !state.dragging_;
        g.WantTextInputNextFrame = 1;
        g.PlatformImePos = ImVec2(caret_x - 1.0f, caret_top);
        if (state.scroll_to_caret_) {
            const ImRect caret_rect(ImVec2(caret_x, caret_top - style.padding.y * 0.5f),
                                    ImVec2(caret_x + 1, caret_top + line_h + style.padding.y));
            if (caret_rect.Min.y < window->InnerClipRect.Min.y || caret_rect.Max.y > window->InnerClipRect.Max.y)
                ImGui::ScrollToRect(window, caret_rect, ImGuiScrollFlags_KeepVisibleEdgeY | ImGuiScrollFlags_NoScrollParent);
        }
    }
    state.scroll_to_caret_ = false;
    track_focus(g, id, had_focus, active);
    state.focused = state.focused_before_ = active;

    if (!visible) return changed;

    // Drawing.
    ImDrawList* dl = window->DrawList;
    dl->AddRectFilled(bb.Min, bb.Max, style.background, style.rounding);
    if (active) {
        dl->AddRect(ImVec2(bb.Min.x - 2, bb.Min.y - 2), ImVec2(bb.Max.x + 2, bb.Max.y + 2), style.focus_ring,
                    style.rounding + 2, 0, 3.0f);
        const float inset = style.focused_border_width * 0.5f;
        dl->AddRect(ImVec2(bb.Min.x + inset, bb.Min.y + inset), ImVec2(bb.Max.x - inset, bb.Max.y - inset),
                    style.border_focused, style.rounding, 0, style.focused_border_width);
    } else {
        const float inset = style.border_width * 0.5f;
        dl->AddRect(ImVec2(bb.Min.x + inset, bb.Min.y + inset), ImVec2(bb.Max.x - inset, bb.Max.y - inset),
                    hovered ? style.border_hovered : style.border, style.rounding, 0, style.border_width);
    }

    // Only the lines inside the clip rect are drawn (a long reflection scrolls in its window).
    const ImVec2 clip_min = dl->GetClipRectMin(), clip_max = dl->GetClipRectMax();
    const size_t n = layout.line_count();
    const float first_f = std::floor((std::max(clip_min.y, bb.Min.y) - origin.y) / line_h);
    const float last_f = std::floor((std::min(clip_max.y, bb.Max.y) - origin.y) / line_h);
    if (last_f < 0 || first_f >= static_cast<float>(n) || n == 0) return changed;
    const size_t first = first_f < 0 ? 0 : static_cast<size_t>(first_f);
    const size_t last = std::min(n - 1, static_cast<size_t>(std::max(0.0f, last_f)));

    dl->PushClipRect(ImVec2(bb.Min.x + 1, bb.Min.y + 1), ImVec2(bb.Max.x - 1, bb.Max.y - 1), true);
    const float text_dy = std::floor((line_h - font_size) * 0.5f);
    if (buf.has_selection()) {
        const size_t s0 = buf.selection_begin(), s1 = buf.selection_end();
        const float newline_w = font->CalcTextSizeA(font_size, FLT_MAX, 0.0f, " ").x * 0.6f;
        const ImU32 col = active ? style.selection : style.selection_unfocused;
        for (size_t i = first; i <= last; ++i) {
            const VisualLine& l = layout.lines()[i];
            const size_t line_next = i + 1 < n ? layout.lines()[i + 1].begin : doc.size() + 1;
            if (s1 <= l.begin || s0 >= line_next) continue;
            if (s0 >= l.end && !(s0 == l.end && s1 > l.end && l.hard_end)) continue;
            const float x0 = layout.x_of(doc, i, std::max(s0, l.begin));
            float x1 = layout.x_of(doc, i, std::min(s1, l.end));
            if (s1 > l.end && l.hard_end) x1 += newline_w;  // the selection takes the line break along
            const float y = origin.y + i * line_h;
            dl->AddRectFilled(ImVec2(origin.x + x0, y),
                              ImVec2(origin.x + std::min(x1, text_w + style.padding.x * 0.5f), y + line_h), col);
        }
    }
    if (doc.empty() && style.placeholder && *style.placeholder) {
        dl->AddText(font, font_size, ImVec2(origin.x, origin.y + text_dy), style.placeholder_color, style.placeholder,
                    nullptr, text_w);
    }
    for (size_t i = first; i <= last; ++i) {
        const VisualLine& l = layout.lines()[i];
        if (l.end <= l.begin) continue;
        dl->AddText(font, font_size, ImVec2(origin.x, origin.y + i * line_h + text_dy), style.text,
                    doc.data() + l.begin, doc.data() + l.end);
    }
    if (active) {
        const float caret_h = std::floor(font_size * 1.25f);
        const float y0 = caret_top + std::floor((line_h - caret_h) * 0.5f);
        const float x = std::floor(caret_x) + style.caret_width * 0.5f - 0.5f;  // AddLine centres on x + 0.5
        dl->AddLine(ImVec2(x, y0), ImVec2(x, y0 + caret_h), style.caret, style.caret_width);
    }
    dl->PopClipRect();
    return changed;
}

std::string prose_footer_text(size_t words, std::string_view status) {
    std::string s = format_word_count(words);
    if (!status.empty()) {
        s += " \xC2\xB7 ";  // middle dot
        s.append(status);
    }
    return s;
}

void ProseEditorFooter(const ProseEditorState& state, const char* status, const ProseEditorStyle& style) {
    const std::string line = prose_footer_text(state.word_count(), status ? status : "");
    if (style.footer_font) ImGui::PushFont(style.footer_font);
    ImGui::PushStyleColor(ImGuiCol_Text, style.footer_color);
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + style.padding.x);  // in line with the text in the box
    ImGui::TextUnformatted(line.data(), line.data() + line.size());
    ImGui::PopStyleColor();
    if (style.footer_font) ImGui::PopFont();
}

}  // namespace gw::ui
