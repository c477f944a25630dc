#include "ui/editor/text_buffer.h"

#include "runtime/text/text_normalization.h"

#include <utf8cpp/utf8.h>

#include <iterator>

#include <algorithm>
#include <cmath>

namespace gw::ui {

// ---------------------------------------------------------------------------------------------------------------
// UTF-8

namespace utf8 {

namespace {
constexpr char32_t kReplacement = 0xFFFD;

bool is_continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

// Characters that belong to the one before them for the caret.
bool is_extender(char32_t cp) {
    return (cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x1AB0 && cp <= 0x1AFF) || (cp >= 0x1DC0 && cp <= 0x1DFF) ||
           (cp >= 0x20D0 && cp <= 0x20FF) || (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xFE20 && cp <= 0xFE2F) ||
           (cp >= 0x1F3FB && cp <= 0x1F3FF) || (cp >= 0xE0100 && cp <= 0xE01EF) || cp == 0x200D;
}
}  // namespace

Decoded decode(std::string_view s, size_t pos) {
    const auto c = static_cast<unsigned char>(s[pos]);
    if (c < 0x80) return {c, 1};
    // utfcpp's validator rejects truncated, overlong, surrogate and out-of-range sequences alike.
    auto it = s.begin() + static_cast<std::ptrdiff_t>(pos);
    std::uint32_t cp = 0;
    if (::utf8::internal::validate_next(it, s.end(), cp) != ::utf8::internal::UTF8_OK) return {kReplacement, 1};
    return {static_cast<char32_t>(cp), static_cast<size_t>(it - (s.begin() + static_cast<std::ptrdiff_t>(pos)))};
}

size_t next(std::string_view s, size_t pos) {
    if (pos >= s.size()) return s.size();
    return pos + decode(s, pos).len;
}

size_t prev(std::string_view s, size_t pos) {
    if (pos > s.size()) pos = s.size();
    if (pos == 0) return 0;
    for (size_t k = 1; k <= 4 && k <= pos; ++k) {
        const size_t q = pos - k;
        if (is_continuation(static_cast<unsigned char>(s[q]))) continue;
        return decode(s, q).len == k ? q : pos - 1;
    }
    return pos - 1;
}

size_t floor_boundary(std::string_view s, size_t pos) {
    if (pos >= s.size()) return s.size();
    if (!is_continuation(static_cast<unsigned char>(s[pos]))) return pos;
    for (size_t k = 1; k <= 3 && k <= pos; ++k) {
        const size_t q = pos - k;
        if (is_continuation(static_cast<unsigned char>(s[q]))) continue;
        return q + decode(s, q).len > pos ? q : pos;
    }
    return pos;
}

size_t next_cluster(std::string_view s, size_t pos) {
    size_t p = next(s, pos);
    while (p < s.size()) {
        const Decoded d = decode(s, p);
        if (d.cp == 0x200D) {  // a joiner takes the character after it along
            p = next(s, p + d.len);
            continue;
        }
        if (!is_extender(d.cp)) break;
        p += d.len;
    }
    return p;
}

size_t prev_cluster(std::string_view s, size_t pos) {
    size_t p = prev(s, pos);
    while (p > 0) {
        const size_t q = prev(s, p);
        if (is_extender(decode(s, p).cp) || decode(s, q).cp == 0x200D)
            p = q;
        else
            break;
    }
    return p;
}

void append(std::string& out, char32_t cp) {
    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = kReplacement;
    ::utf8::append(static_cast<std::uint32_t>(cp), std::back_inserter(out));
}

std::string encode(char32_t cp) {
    std::string s;
    append(s, cp);
    return s;
}

std::string sanitize(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (size_t p = 0; p < s.size();) {
        const Decoded d = decode(s, p);
        if (d.cp == '\r') {
            out.push_back('\n');
            if (p + 1 < s.size() && s[p + 1] == '\n') ++p;
        } else if (d.cp == '\t') {
            out.push_back(' ');
        } else if (d.cp == '\n' || (d.cp >= 0x20 && d.cp != 0x7F)) {
            if (d.cp == kReplacement && d.len == 1)
                append(out, kReplacement);
            else
                out.append(s.substr(p, d.len));
        }
        p += d.len;
    }
    return out;
}

}  // namespace utf8

// ---------------------------------------------------------------------------------------------------------------
// Words

bool is_unicode_space(char32_t cp) {
    return (cp >= 0x09 && cp <= 0x0D) || cp == 0x20 || cp == 0x85 || cp == 0xA0 || cp == 0x1680 ||
           (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F ||
           cp == 0x3000;
}

bool is_break_space(char32_t cp) {
    return cp != '\n' && cp != 0xA0 && cp != 0x2007 && cp != 0x202F && is_unicode_space(cp);
}

size_t count_words(std::string_view text) {
    size_t words = 0;
    bool in_word = false;
    for (size_t p = 0; p < text.size();) {
        const utf8::Decoded d = utf8::decode(text, p);
        const bool space = is_unicode_space(d.cp);
        if (!space && !in_word) ++words;
        in_word = !space;
        p += d.len;
    }
    return words;
}

std::string format_word_count(size_t words) {
    std::string digits = std::to_string(words);
    std::string grouped;
    for (size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) grouped.push_back(',');
        grouped.push_back(digits[i]);
    }
    return grouped + (words == 1 ? " word" : " words");
}

namespace {

bool is_punct(char32_t cp) {
    if (cp < 0x80)
        return !((cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || cp == '_');
    return (cp >= 0xA1 && cp <= 0xBF && cp != 0xAA && cp != 0xB5 && cp != 0xBA) || cp == 0xD7 || cp == 0xF7 ||
           (cp >= 0x2010 && cp <= 0x2027) || (cp >= 0x2030 && cp <= 0x205E) || (cp >= 0x20A0 && cp <= 0x20CF) ||
           (cp >= 0x2190 && cp <= 0x22FF) || (cp >= 0x2500 && cp <= 0x27BF) || (cp >= 0x3001 && cp <= 0x303F) ||
           (cp >= 0xFF01 && cp <= 0xFF0F);
}

CharClass raw_class(char32_t cp) {
    if (cp == '\n') return CharClass::Newline;
    if (is_unicode_space(cp)) return CharClass::Space;
    return is_punct(cp) ? CharClass::Punct : CharClass::Word;
}

bool is_blank(CharClass c) { return c == CharClass::Space || c == CharClass::Newline; }

}  // namespace

CharClass char_class_at(std::string_view s, size_t pos) {
    if (pos >= s.size()) return CharClass::Space;
    const char32_t cp = utf8::decode(s, pos).cp;
    CharClass c = raw_class(cp);
    if ((cp == '\'' || cp == 0x2019) && pos > 0) {
        const size_t after = utf8::next(s, pos);
        if (after < s.size() && raw_class(utf8::decode(s, utf8::prev(s, pos)).cp) == CharClass::Word &&
            raw_class(utf8::decode(s, after).cp) == CharClass::Word)
            c = CharClass::Word;
    }
    return c;
}

size_t prev_word_start(std::string_view s, size_t pos) {
    size_t p = utf8::floor_boundary(s, pos);
    while (p > 0 && is_blank(char_class_at(s, utf8::prev(s, p)))) p = utf8::prev(s, p);
    if (p == 0) return 0;
    const CharClass cls = char_class_at(s, utf8::prev(s, p));
    while (p > 0 && char_class_at(s, utf8::prev(s, p)) == cls) p = utf8::prev(s, p);
    return p;
}

size_t next_word_start(std::string_view s, size_t pos) {
    size_t p = utf8::floor_boundary(s, pos);
    if (p < s.size() && !is_blank(char_class_at(s, p))) {
        const CharClass cls = char_class_at(s, p);
        while (p < s.size() && char_class_at(s, p) == cls) p = utf8::next(s, p);
    }
    while (p < s.size() && is_blank(char_class_at(s, p))) p = utf8::next(s, p);
    return p;
}

size_t next_word_end(std::string_view s, size_t pos) {
    size_t p = utf8::floor_boundary(s, pos);
    while (p < s.size() && is_blank(char_class_at(s, p))) p = utf8::next(s, p);
    if (p >= s.size()) return s.size();
    const CharClass cls = char_class_at(s, p);
    while (p < s.size() && char_class_at(s, p) == cls) p = utf8::next(s, p);
    return p;
}

std::pair<size_t, size_t> word_at(std::string_view s, size_t pos) {
    size_t p = utf8::floor_boundary(s, pos);
    if (p == s.size() || char_class_at(s, p) == CharClass::Newline) {
        // Past the end of a line: the run just before it.
        if (p == 0 || char_class_at(s, utf8::prev(s, p)) == CharClass::Newline) return {p, p};
        p = utf8::prev(s, p);
    }
    const CharClass cls = char_class_at(s, p);
    size_t b = p;
    while (b > 0 && char_class_at(s, utf8::prev(s, b)) == cls) b = utf8::prev(s, b);
    size_t e = utf8::next(s, p);
    while (e < s.size() && char_class_at(s, e) == cls) e = utf8::next(s, e);
    return {b, e};
}

std::pair<size_t, size_t> paragraph_at(std::string_view s, size_t pos) {
    pos = std::min(pos, s.size());
    size_t b = pos == 0 ? std::string_view::npos : s.rfind('\n', pos - 1);
    b = b == std::string_view::npos ? 0 : b + 1;
    size_t e = s.find('\n', pos);
    if (e == std::string_view::npos) e = s.size();
    return {b, e};
}

// ---------------------------------------------------------------------------------------------------------------
// Wrapping

namespace {
constexpr float kFitSlack = 0.01f;  // float noise when a line fits exactly
}

void WrapLayout::build(std::string_view text, float width, MeasureFn measure) {
    lines_.clear();
    width_ = width;
    measure_ = std::move(measure);
    size_t pos = 0;
    for (;;) {
        size_t para_end = text.find('\n', pos);
        if (para_end == std::string_view::npos) para_end = text.size();
        wrap_paragraph(text, pos, para_end);
        if (para_end >= text.size()) break;
        pos = para_end + 1;
    }
}

void WrapLayout::wrap_paragraph(std::string_view text, size_t begin, size_t end) {
    if (begin == end) {
        lines_.push_back({begin, end, true});
        return;
    }
    const float limit = std::max(width_, 1.0f) + kFitSlack;
    const char* base = text.data();
    size_t line_start = begin;
    float x = 0;
    size_t p = begin;
    while (p < end) {
        if (is_break_space(utf8::decode(text, p).cp)) {
            // Spaces always stay on their line, hanging past the width if need be: a line never starts with the
            // space that separated it from the previous one.
            size_t q = p;
            while (q < end && is_break_space(utf8::decode(text, q).cp)) q = utf8::next(text, q);
            x += measure_(base + p, base + q);
            p = q;
            continue;
        }
        size_t q = p;
        while (q < end) {
            const utf8::Decoded d = utf8::decode(text, q);
            if (is_break_space(d.cp)) break;
            q += d.len;
        }
        q = std::min(q, end);
        const float word_w = measure_(base + p, base + q);
        if (x + word_w <= limit) {
            x += word_w;
            p = q;
            continue;
        }
        if (p > line_start) {  // wrap before the word
            lines_.push_back({line_start, p, false});
            line_start = p;
            x = 0;
            if (word_w <= limit) {
                x = word_w;
                p = q;
                continue;
            }
        }
        // A word wider than the whole line: break it between characters.
        while (p < q) {
            const size_t np = std::min(utf8::next(text, p), q);
            const float glyph_w = measure_(base + p, base + np);
            if (x + glyph_w > limit && p > line_start) {
                lines_.push_back({line_start, p, false});
                line_start = p;
                x = 0;
            }
            x += glyph_w;
            p = np;
        }
    }
    lines_.push_back({line_start, end, true});
}

size_t WrapLayout::line_of(size_t pos, bool upstream) const {
    auto it =
        std::upper_bound(lines_.begin(), lines_.end(), pos, [](size_t p, const VisualLine& l) { return p < l.begin; });
    size_t i = it == lines_.begin() ? 0 : static_cast<size_t>(it - lines_.begin()) - 1;
    if (upstream && i > 0 && lines_[i].begin == pos && !lines_[i - 1].hard_end && lines_[i - 1].end == pos) --i;
    return i;
}

float WrapLayout::x_of(std::string_view text, size_t line, size_t pos) const {
    if (line >= lines_.size() || !measure_) return 0;
    const VisualLine& l = lines_[line];
    pos = std::clamp(pos, l.begin, l.end);
    return pos == l.begin ? 0.0f : measure_(text.data() + l.begin, text.data() + pos);
}

size_t WrapLayout::pos_at_x(std::string_view text, size_t line, float x, bool* upstream) const {
    if (upstream) *upstream = false;
    if (line >= lines_.size()) return text.size();
    const VisualLine& l = lines_[line];
    if (x <= 0 || !measure_) return l.begin;
    float cx = 0;
    for (size_t p = l.begin; p < l.end;) {
        const size_t np = std::min(utf8::next_cluster(text, p), l.end);
        const float w = measure_(text.data() + p, text.data() + np);
        if (x < cx + w * 0.5f) return p;
        cx += w;
        p = np;
    }
    if (upstream && !l.hard_end) *upstream = true;
    return l.end;
}

size_t WrapLayout::hit_test(std::string_view text, float x, float y, float line_height, bool* upstream) const {
    size_t line = 0;
    if (y > 0 && line_height > 0) line = std::min(lines_.size() - 1, static_cast<size_t>(std::floor(y / line_height)));
    return pos_at_x(text, line, x, upstream);
}

// ---------------------------------------------------------------------------------------------------------------
// The edited text

namespace {
size_t step_bytes(const UndoStep& s) { return sizeof(UndoStep) + s.removed.size() + s.inserted.size(); }

char32_t last_char(std::string_view s) { return s.empty() ? 0 : utf8::decode(s, utf8::prev(s, s.size())).cp; }
}  // namespace

TextBuffer::TextBuffer(std::string text) : text_(std::move(text)) {}

void TextBuffer::set_text(std::string text) {
    text_ = std::move(text);
    ++revision_;
    clear_history();
    cursor_ = utf8::floor_boundary(text_, cursor_);
    anchor_ = utf8::floor_boundary(text_, anchor_);
    upstream_ = false;
    preferred_x_ = -1;
}

std::string TextBuffer::selected_text() const {
    return text_.substr(selection_begin(), selection_end() - selection_begin());
}

void TextBuffer::place(size_t pos, bool extend) {
    cursor_ = pos;
    if (!extend) anchor_ = pos;
    upstream_ = false;
    preferred_x_ = -1;
    break_undo_group();
}

void TextBuffer::set_cursor(size_t pos, bool extend) { place(utf8::floor_boundary(text_, pos), extend); }

void TextBuffer::set_selection(size_t anchor, size_t cursor) {
    place(utf8::floor_boundary(text_, cursor), false);
    anchor_ = utf8::floor_boundary(text_, anchor);
}

void TextBuffer::select_all() { set_selection(0, text_.size()); }

void TextBuffer::select_word_at(size_t pos) {
    auto [b, e] = word_at(text_, pos);
    set_selection(b, e);
}

void TextBuffer::select_paragraph_at(size_t pos) {
    auto [b, e] = paragraph_at(text_, pos);
    set_selection(b, e);
}

void TextBuffer::collapse_or(bool extend, size_t collapsed_pos, size_t moved_pos) {
    if (!extend && has_selection())
        place(collapsed_pos, false);
    else
        place(moved_pos, extend);
}

void TextBuffer::move_left(bool extend) { collapse_or(extend, selection_begin(), utf8::prev_cluster(text_, cursor_)); }

void TextBuffer::move_right(bool extend) { collapse_or(extend, selection_end(), utf8::next_cluster(text_, cursor_)); }

void TextBuffer::move_word_left(bool extend) { place(prev_word_start(text_, cursor_), extend); }

void TextBuffer::move_word_right(bool extend, bool to_word_end) {
    place(to_word_end ? next_word_end(text_, cursor_) : next_word_start(text_, cursor_), extend);
}

void TextBuffer::move_doc_start(bool extend) { place(0, extend); }

void TextBuffer::move_doc_end(bool extend) { place(text_.size(), extend); }

void TextBuffer::move_lines(const WrapLayout& layout, int delta, bool extend) {
    if (layout.line_count() == 0) return;
    const size_t line = layout.line_of(cursor_, upstream_);
    const float x = preferred_x_ >= 0 ? preferred_x_ : layout.x_of(text_, line, cursor_);
    const long target = static_cast<long>(line) + delta;
    size_t pos;
    bool up = false;
    if (target < 0)
        pos = 0;
    else if (target >= static_cast<long>(layout.line_count()))
        pos = text_.size();
    else
        pos = layout.pos_at_x(text_, static_cast<size_t>(target), x, &up);
    place(pos, extend);
    upstream_ = up;
    preferred_x_ = x;
}

void TextBuffer::move_line_start(const WrapLayout& layout, bool extend) {
    if (layout.line_count() == 0) return;
    place(layout.lines()[layout.line_of(cursor_, upstream_)].begin, extend);
}

void TextBuffer::move_line_end(const WrapLayout& layout, bool extend) {
    if (layout.line_count() == 0) return;
    const VisualLine& l = layout.lines()[layout.line_of(cursor_, upstream_)];
    place(std::min(l.end, text_.size()), extend);
    upstream_ = !l.hard_end;
}

void TextBuffer::replace(size_t pos, size_t len, std::string_view s, EditKind kind, double now, size_t cursor_after) {
    std::string removed = text_.substr(pos, len);
    UndoStep* top = undo_.empty() ? nullptr : &undo_.back();
    bool merged = false;
    if (top && top->open && top->kind == kind && now - top->time <= kBurstGap) {
        if (kind == EditKind::Typing && len == 0 && pos == top->pos + top->inserted.size()) {
            // A new word (a letter typed after a space) starts a new step: undo takes back a word at a time.
            const bool new_word =
                is_unicode_space(last_char(top->inserted)) && !s.empty() && !is_unicode_space(utf8::decode(s, 0).cp);
            if (!new_word) {
                top->inserted.append(s);
                merged = true;
            }
        } else if (kind == EditKind::Backspace && s.empty() && top->inserted.empty() && pos + len == top->pos) {
            top->removed.insert(0, removed);
            top->pos = pos;
            merged = true;
        } else if (kind == EditKind::DeleteForward && s.empty() && top->inserted.empty() && pos == top->pos) {
            top->removed.append(removed);
            merged = true;
        }
    }
    const size_t cursor_before = cursor_, anchor_before = anchor_;
    text_.replace(pos, len, s);
    ++revision_;
    cursor_ = anchor_ = cursor_after;
    upstream_ = false;
    preferred_x_ = -1;
    redo_.clear();
    if (merged) {
        top->cursor_after = top->anchor_after = cursor_after;
        top->time = now;
        history_bytes_ += s.size() + removed.size();
        trim_history();
        return;
    }
    UndoStep step;
    step.pos = pos;
    step.removed = std::move(removed);
    step.inserted = std::string(s);
    step.cursor_before = cursor_before;
    step.anchor_before = anchor_before;
    step.cursor_after = step.anchor_after = cursor_after;
    step.kind = kind;
    step.time = now;
    step.open = kind == EditKind::Typing || kind == EditKind::Backspace || kind == EditKind::DeleteForward;
    push_step(std::move(step));
}

void TextBuffer::push_step(UndoStep step) {
    break_undo_group();
    history_bytes_ += step_bytes(step);
    undo_.push_back(std::move(step));
    trim_history();
}

void TextBuffer::trim_history() {
    while (undo_.size() > max_steps_ || (history_bytes_ > max_bytes_ && undo_.size() > 1)) {
        history_bytes_ -= step_bytes(undo_.front());
        undo_.pop_front();
    }
}

bool TextBuffer::type(std::string_view s, double now) {
    if (s.empty()) return false;
    const size_t b = selection_begin();
    if (static_cast<unsigned char>(s[0]) >= 0x80 && b > 0) {
        // A typed combining mark (a keyboard without dead keys) joins the letter before it into one NFC
        // character, as the course's text is: `e` then U+0301 is stored as `é`.
        const size_t from = utf8::prev_cluster(text_, b);
        const std::string before = text_.substr(from, b - from);
        const std::string joined = to_nfc(before + std::string(s));
        if (joined != before + std::string(s)) {
            replace(from, selection_end() - from, joined, EditKind::Typing, now, from + joined.size());
            return true;
        }
    }
    const std::string nfc = to_nfc(s);
    replace(b, selection_end() - b, nfc, EditKind::Typing, now, b + nfc.size());
    return true;
}

bool TextBuffer::paste(std::string_view clipboard) { return insert(to_nfc(utf8::sanitize(clipboard))); }

bool TextBuffer::newline(double now) {
    const size_t b = selection_begin();
    replace(b, selection_end() - b, "\n", EditKind::Newline, now, b + 1);
    return true;
}

bool TextBuffer::insert(std::string_view s) {
    if (s.empty() && !has_selection()) return false;
    const size_t b = selection_begin();
    replace(b, selection_end() - b, s, EditKind::Other, 0, b + s.size());
    return true;
}

bool TextBuffer::backspace(bool word, double now) {
    if (has_selection()) return delete_selection();
    if (cursor_ == 0) return false;
    const size_t from = word ? prev_word_start(text_, cursor_) : utf8::prev_cluster(text_, cursor_);
    replace(from, cursor_ - from, "", word ? EditKind::Other : EditKind::Backspace, now, from);
    return true;
}

bool TextBuffer::delete_forward(bool word, double now) {
    if (has_selection()) return delete_selection();
    if (cursor_ >= text_.size()) return false;
    const size_t to = word ? next_word_start(text_, cursor_) : utf8::next_cluster(text_, cursor_);
    replace(cursor_, to - cursor_, "", word ? EditKind::Other : EditKind::DeleteForward, now, cursor_);
    return true;
}

bool TextBuffer::delete_selection() {
    if (!has_selection()) return false;
    const size_t b = selection_begin();
    replace(b, selection_end() - b, "", EditKind::Other, 0, b);
    return true;
}

std::string TextBuffer::cut() {
    std::string s = selected_text();
    delete_selection();
    return s;
}

bool TextBuffer::undo() {
    if (undo_.empty()) return false;
    UndoStep step = std::move(undo_.back());
    undo_.pop_back();
    history_bytes_ -= step_bytes(step);
    text_.replace(step.pos, step.inserted.size(), step.removed);
    ++revision_;
    cursor_ = step.cursor_before;
    anchor_ = step.anchor_before;
    upstream_ = false;
    preferred_x_ = -1;
    step.open = false;
    redo_.push_back(std::move(step));
    break_undo_group();  // typing after an undo never merges into the step before
    return true;
}

bool TextBuffer::redo() {
    if (redo_.empty()) return false;
    UndoStep step = std::move(redo_.back());
    redo_.pop_back();
    text_.replace(step.pos, step.removed.size(), step.inserted);
    ++revision_;
    cursor_ = step.cursor_after;
    anchor_ = step.anchor_after;
    upstream_ = false;
    preferred_x_ = -1;
    step.open = false;
    break_undo_group();
    history_bytes_ += step_bytes(step);
    undo_.push_back(std::move(step));
    trim_history();
    return true;
}

void TextBuffer::break_undo_group() {
    if (!undo_.empty()) undo_.back().open = false;
}

void TextBuffer::clear_history() {
    undo_.clear();
    redo_.clear();
    history_bytes_ = 0;
}

void TextBuffer::set_history_limits(size_t max_steps, size_t max_bytes) {
    max_steps_ = std::max<size_t>(max_steps, 1);
    max_bytes_ = max_bytes;
    trim_history();
}

}  // namespace gw::ui
