#pragma once
// A word-wrapping prose editor for a learner's written reflection (Dear ImGui 1.86's InputTextMultiline does not
// wrap). The editing core (text, cursor, undo, wrapping) lives in ui/editor/text_buffer.h and has no ImGui in it.
//
//   static ProseEditorState editor;                    // one per editor, kept across frames
//   if (ProseEditor("##reflection", reflection.text, editor)) schedule_save();
//   ProseEditorFooter(editor, "Saved just now");       // "142 words · Saved just now"
//
// While the editor has focus it holds ImGui's active id, so io.WantCaptureKeyboard and io.WantTextInput are set
// from the next frame on, keyboard navigation leaves its keys alone, and AnyProseEditorFocused() is true. Hosts
// with their own shortcuts must check one of those before acting on a key.
#include <imgui.h>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "ui/editor/text_buffer.h"

namespace gw::ui {

struct ProseEditorStyle {
    float width = 0.0f;         // 0: the full available width
    int min_lines = 6;          // the box grows with its content from this height
    float line_spacing = 1.4f;  // line height as a multiple of the font size
    ImVec2 padding = ImVec2(16.0f, 12.0f);
    float rounding = 8.0f;
    ImFont* font = nullptr;  // nullptr: ImGui::GetFont()
    float font_size = 0.0f;  // 0: ImGui::GetFontSize()
    const char* placeholder = "Write your reflection here. It saves by itself.";
    float caret_width = 1.5f;  // never blinks: an idle app draws no frames
    float border_width = 1.0f;
    float focused_border_width = 1.5f;

    ImU32 background = IM_COL32(255, 255, 254, 255);
    ImU32 border = IM_COL32(222, 219, 211, 255);
    ImU32 border_hovered = IM_COL32(196, 192, 182, 255);
    ImU32 border_focused = IM_COL32(37, 99, 170, 210);
    ImU32 focus_ring = IM_COL32(37, 99, 170, 38);  // a soft halo outside the focused border
    ImU32 text = IM_COL32(38, 40, 46, 255);
    ImU32 placeholder_color = IM_COL32(150, 151, 158, 255);
    ImU32 selection = IM_COL32(196, 218, 246, 255);
    ImU32 selection_unfocused = IM_COL32(226, 226, 230, 255);
    ImU32 caret = IM_COL32(24, 30, 48, 255);

    ImFont* footer_font = nullptr;  // nullptr: the current font
    ImU32 footer_color = IM_COL32(110, 112, 120, 255);
};

// Per-editor view state: cursor, selection, undo history, the cached wrap layout. Keep one per editor across
// frames (not per text: switching the text an editor shows clears its undo history).
class ProseEditorState {
public:
    // True while the editor has the keyboard (written by ProseEditor every frame). Set it to true or false to
    // focus or unfocus the editor on its next frame.
    bool focused = false;

    // Cursor and selection anchor as byte offsets into the UTF-8 text (equal when nothing is selected). Persist
    // cursor() to restore it; set_cursor() applies on the next frame, once the text is known, clamped to the text
    // and to a character boundary, and scrolls the caret into view.
    size_t cursor() const;
    size_t anchor() const;
    void set_cursor(size_t cursor) { set_selection(cursor, cursor); }
    void set_selection(size_t anchor, size_t cursor) { pending_selection_ = std::make_pair(anchor, cursor); }

    // Words in the text as of the last frame (cached per revision).
    size_t word_count() const;
    // Height of the box drawn last frame (0 before the first frame).
    float height() const { return height_; }

    // The editing core, for Undo/Redo buttons and tests. Edits made here (after the first frame) reach the caller's
    // string on the next frame, and ProseEditor returns true then.
    TextBuffer& buffer() { return buffer_; }
    const TextBuffer& buffer() const { return buffer_; }
    const WrapLayout& layout() const { return layout_; }
    // How many times the text was wrapped: only text, width or font changes re-wrap.
    int layout_builds() const { return layout_builds_; }

private:
    friend bool ProseEditor(const char*, std::string&, ProseEditorState&, const ProseEditorStyle&);

    TextBuffer buffer_;
    bool adopted_ = false;  // buffer_ holds the caller's text
    uint64_t synced_revision_ = 0;  // buffer_'s revision when it last matched the caller's text
    WrapLayout layout_;
    struct LayoutKey {
        uint64_t revision = ~uint64_t{0};
        float width = -1;
        const ImFont* font = nullptr;
        float font_size = 0;
        unsigned font_generation = 0;  // ui/fonts.h: a rebuilt atlas changes glyph widths under the same ImFont*
        bool operator==(const LayoutKey& o) const {
            return revision == o.revision && width == o.width && font == o.font && font_size == o.font_size &&
                   font_generation == o.font_generation;
        }
    } layout_key_;
    int layout_builds_ = 0;
    mutable uint64_t words_revision_ = ~uint64_t{0};
    mutable size_t words_ = 0;
    bool focused_before_ = false;  // `focused` as the editor left it: a difference is a request from the host
    std::optional<std::pair<size_t, size_t>> pending_selection_;
    bool scroll_to_caret_ = false;
    bool dragging_ = false;
    int drag_unit_ = 0;                     // 0 characters, 1 words (double-click), 2 paragraphs (triple-click)
    size_t drag_begin_ = 0, drag_end_ = 0;  // the word/paragraph the drag started on
    float height_ = 0;
};

// Draws the editor at the cursor position. Returns true when the text changed this frame (`text` then holds the
// new text). `text` is the truth: when it changes from outside, the editor adopts it.
bool ProseEditor(const char* id, std::string& text, ProseEditorState& state,
                 const ProseEditorStyle& style = ProseEditorStyle());

// The quiet line under the box: "142 words · Saved just now" (status may be null or empty: "142 words").
std::string prose_footer_text(size_t words, std::string_view status);
void ProseEditorFooter(const ProseEditorState& state, const char* status,
                       const ProseEditorStyle& style = ProseEditorStyle());

// True when a prose editor had the keyboard at the end of the last frame, or at any moment of this one (so the key
// that unfocused it, e.g. Escape, is not acted on again by the host).
bool AnyProseEditorFocused();

}  // namespace gw::ui
