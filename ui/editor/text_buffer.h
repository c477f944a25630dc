#pragma once
// The prose editor's core, without ImGui: UTF-8 stepping, words, the edited text with its cursor, selection and
// undo history, and word wrapping given a text-measure callback. Positions are byte offsets into UTF-8 text and
// always sit on character boundaries.
#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace gw::ui {

// ---------------------------------------------------------------------------------------------------------------
// UTF-8
namespace utf8 {

struct Decoded {
    char32_t cp;  // U+FFFD for a malformed sequence
    size_t len;   // bytes consumed: 1 for a malformed byte, so stepping always advances
};
// The character starting at pos (pos < s.size()).
Decoded decode(std::string_view s, size_t pos);
// The next / previous character boundary (clamped to [0, s.size()]).
size_t next(std::string_view s, size_t pos);
size_t prev(std::string_view s, size_t pos);
// pos clamped to the text and moved back to the start of the character it falls inside.
size_t floor_boundary(std::string_view s, size_t pos);
// Like next/prev, but keeping a character together with the combining marks, variation selectors, skin tones and
// zero-width-joined characters that follow it: what the caret steps over and Backspace/Delete remove.
size_t next_cluster(std::string_view s, size_t pos);
size_t prev_cluster(std::string_view s, size_t pos);
void append(std::string& out, char32_t cp);
std::string encode(char32_t cp);
// Text from outside (the clipboard) made fit to insert: valid UTF-8 (bad bytes become U+FFFD), CRLF and CR become
// LF, a tab becomes a space, other control characters are dropped.
std::string sanitize(std::string_view s);

}  // namespace utf8

// ---------------------------------------------------------------------------------------------------------------
// Words

// Unicode White_Space (spaces, tabs, line and paragraph separators, NBSP, ideographic space...).
bool is_unicode_space(char32_t cp);
// Where a line may wrap: white space except the no-break spaces (U+00A0, U+2007, U+202F) and newlines.
bool is_break_space(char32_t cp);
// Words are runs of anything but Unicode white space: "don't" and "e-mail" are one word each.
size_t count_words(std::string_view text);
// "0 words", "1 word", "142 words", "12,408 words".
std::string format_word_count(size_t words);

enum class CharClass { Space, Newline, Word, Punct };
// The class of the character at pos, seen in context: an apostrophe between letters ("don't") is part of the word.
CharClass char_class_at(std::string_view s, size_t pos);

// Word-wise stepping for Ctrl+Left/Right and Ctrl+Backspace/Delete.
size_t prev_word_start(std::string_view s, size_t pos);  // start of this or the previous word
size_t next_word_start(std::string_view s, size_t pos);  // past this word and the spaces after it (Windows style)
size_t next_word_end(std::string_view s, size_t pos);    // end of this or the next word (macOS style)
// The run a double-click at pos selects: the word, a run of spaces, or a run of punctuation.
std::pair<size_t, size_t> word_at(std::string_view s, size_t pos);
// The paragraph (between hard newlines, newline excluded) around pos: a triple-click selects it.
std::pair<size_t, size_t> paragraph_at(std::string_view s, size_t pos);

// ---------------------------------------------------------------------------------------------------------------
// Wrapping

// Width in pixels of the text [begin, end) on one line. Must be additive (w(a,c) == w(a,b) + w(b,c)), as ImGui's
// CalcTextSizeA is (no kerning).
using MeasureFn = std::function<float(const char* begin, const char* end)>;

struct VisualLine {
    size_t begin = 0;
    size_t end = 0;        // excludes the '\n'; trailing spaces of a wrapped line hang past the width
    bool hard_end = true;  // ends at a '\n' or the end of the text (false: a soft wrap, next line starts at end)
};

// The text broken into visual lines at a width. Breaks only at spaces; a word wider than the line breaks between
// characters. The text itself is never changed: wrapping is layout only.
class WrapLayout {
public:
    void build(std::string_view text, float width, MeasureFn measure);

    const std::vector<VisualLine>& lines() const { return lines_; }
    size_t line_count() const { return lines_.size(); }
    float width() const { return width_; }
    const MeasureFn& measure() const { return measure_; }

    // The visual line showing pos. At a soft wrap the position is both the end of one line and the start of the
    // next: `upstream` picks the end of the earlier line (where End and a click past a line's end put the caret).
    size_t line_of(size_t pos, bool upstream = false) const;
    // x of pos within visual line `line` (0 at the line's start).
    float x_of(std::string_view text, size_t line, size_t pos) const;
    // The position in `line` nearest to x. *upstream is set when it is the end of a soft-wrapped line.
    size_t pos_at_x(std::string_view text, size_t line, float x, bool* upstream = nullptr) const;
    // Hit test in layout coordinates (0,0 at the first line's top-left), lines line_height apart.
    size_t hit_test(std::string_view text, float x, float y, float line_height, bool* upstream = nullptr) const;

private:
    void wrap_paragraph(std::string_view text, size_t begin, size_t end);

    std::vector<VisualLine> lines_{VisualLine{}};
    float width_ = 0;
    MeasureFn measure_;
};

// ---------------------------------------------------------------------------------------------------------------
// The edited text

enum class EditKind { Typing, Newline, Backspace, DeleteForward, Other };

struct UndoStep {
    size_t pos = 0;        // where the change starts
    std::string removed;   // text that was at pos before
    std::string inserted;  // text at pos after
    size_t cursor_before = 0, anchor_before = 0;
    size_t cursor_after = 0, anchor_after = 0;
    EditKind kind = EditKind::Other;
    double time = 0;    // of the last merged edit
    bool open = false;  // later typing of the same kind may still merge into it
};

class TextBuffer {
public:
    TextBuffer() = default;
    explicit TextBuffer(std::string text);

    const std::string& text() const { return text_; }
    // Counts every change to the text (edits, undo, redo, set_text): a cache key for layout and word count.
    uint64_t revision() const { return revision_; }
    // Replaces the text from outside (load, restore): the history is cleared and the cursor clamped.
    void set_text(std::string text);

    // Cursor and selection. The selection runs between anchor and cursor; without one they are equal.
    size_t cursor() const { return cursor_; }
    size_t anchor() const { return anchor_; }
    bool has_selection() const { return cursor_ != anchor_; }
    size_t selection_begin() const { return cursor_ < anchor_ ? cursor_ : anchor_; }
    size_t selection_end() const { return cursor_ < anchor_ ? anchor_ : cursor_; }
    std::string selected_text() const;
    // Positions are clamped and moved back onto a character boundary.
    void set_cursor(size_t pos, bool extend = false);
    void set_selection(size_t anchor, size_t cursor);
    void select_all();
    void select_word_at(size_t pos);
    void select_paragraph_at(size_t pos);

    // Caret placement at a soft wrap (see WrapLayout::line_of) and the x kept by vertical moves.
    bool upstream() const { return upstream_; }
    void set_upstream(bool u) { upstream_ = u; }
    float preferred_x() const { return preferred_x_; }

    // Moves. `extend` keeps the anchor (Shift held); without it a selection collapses first.
    void move_left(bool extend);
    void move_right(bool extend);
    void move_word_left(bool extend);
    void move_word_right(bool extend, bool to_word_end = false);
    void move_doc_start(bool extend);
    void move_doc_end(bool extend);
    // By visual lines of a layout built on this text, keeping the preferred x. Past the first/last line the
    // cursor goes to the start/end of the text.
    void move_lines(const WrapLayout& layout, int delta, bool extend);
    void move_line_start(const WrapLayout& layout, bool extend);
    void move_line_end(const WrapLayout& layout, bool extend);

    // Edits; each returns true when the text changed. `now` (seconds) groups typing into bursts.
    bool type(std::string_view utf8, double now = 0);  // typed characters; replaces the selection
    bool newline(double now = 0);
    bool insert(std::string_view utf8);  // one undo step of its own, e.g. a paste (not sanitized)
    // Clipboard text, sanitized and in NFC (runtime/text/text_normalization.h) like the course: one spelling per letter.
    bool paste(std::string_view clipboard);
    bool backspace(bool word = false, double now = 0);
    bool delete_forward(bool word = false, double now = 0);
    bool delete_selection();
    std::string cut();  // the removed text ("" without a selection)

    bool undo();
    bool redo();
    bool can_undo() const { return !undo_.empty(); }
    bool can_redo() const { return !redo_.empty(); }
    size_t undo_depth() const { return undo_.size(); }
    size_t redo_depth() const { return redo_.size(); }
    // Ends the current typing group: the next edit starts a new undo step (cursor moves and clicks do this).
    void break_undo_group();
    void clear_history();
    // Bounded history: the oldest steps go first when there are more than max_steps or they hold more than
    // max_bytes of text.
    void set_history_limits(size_t max_steps, size_t max_bytes);

    // Seconds of pause after which typing starts a new undo step even within a word.
    static constexpr double kBurstGap = 1.5;

private:
    void collapse_or(bool extend, size_t collapsed_pos, size_t moved_pos);
    void place(size_t pos, bool extend);  // sets cursor, resets affinity and preferred x
    // Replaces [pos, pos+len) with s as an edit of `kind`, merging into the open step when allowed.
    void replace(size_t pos, size_t len, std::string_view s, EditKind kind, double now, size_t cursor_after);
    void push_step(UndoStep step);
    void trim_history();

    std::string text_;
    uint64_t revision_ = 0;
    size_t cursor_ = 0;
    size_t anchor_ = 0;
    bool upstream_ = false;
    float preferred_x_ = -1;
    std::deque<UndoStep> undo_;
    std::vector<UndoStep> redo_;
    size_t history_bytes_ = 0;
    size_t max_steps_ = 1000;
    size_t max_bytes_ = 8u << 20;
};

}  // namespace gw::ui
