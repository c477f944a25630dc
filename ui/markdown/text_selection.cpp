#include "ui/markdown/text_selection.h"

#include <cfloat>
#include <cmath>

namespace gw::ui {

bool operator<(const TextPos& a, const TextPos& b) {
    if (a.block != b.block) return a.block < b.block;
    if (a.prim != b.prim) return a.prim < b.prim;
    return a.offset < b.offset;
}

bool operator==(const TextPos& a, const TextPos& b) {
    return a.block == b.block && a.prim == b.prim && a.offset == b.offset;
}

namespace {

std::size_t sel_prim_length(const Prim& p) { return std::size_t(p.end - p.begin); }

const char* sel_next_code_point(const char* p, const char* e) {
    ++p;
    while (p < e && (static_cast<unsigned char>(*p) & 0xC0) == 0x80) ++p;
    return p;
}

const char* sel_prev_code_point(const char* b, const char* p) {
    --p;
    while (p > b && (static_cast<unsigned char>(*p) & 0xC0) == 0x80) --p;
    return p;
}

float sel_text_width(const Prim& p, const char* b, const char* e) {
    return p.font->CalcTextSizeA(p.font->FontSize, FLT_MAX, 0.0f, b, e).x;
}

// Letters, digits and anything beyond ASCII (accented letters, other scripts) make words; a double click takes them.
bool sel_word_byte(unsigned char c) {
    return c >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

}  // namespace

bool is_frozen_copy(const LaidOutBlock& block, std::size_t i) {
    for (const ScrollRegion& r : block.scrolls)
        if (i >= r.frozen && i < r.end) return true;
    return false;
}

std::size_t original_prim(const LaidOutBlock& block, std::size_t i) {
    for (const ScrollRegion& r : block.scrolls) {
        if (i < r.frozen || i >= r.end) continue;
        // The copy was made from a cell of [begin, frozen): the same text, at the same place.
        const Prim& copy = block.prims[i];
        for (std::size_t j = r.begin; j < r.frozen; ++j) {
            const Prim& p = block.prims[j];
            if (p.type == Prim::Text && p.begin == copy.begin && p.end == copy.end && p.a.y == copy.a.y) return j;
        }
    }
    return i;
}

bool selectable(const LaidOutBlock& block, std::size_t i) {
    const Prim& p = block.prims[i];
    return p.type == Prim::Text && p.flow != kNoFlow && !is_frozen_copy(block, i);
}

TextHit hit_test_block(const LaidOutBlock& block, ImVec2 point) {
    TextHit best;
    float best_dy = FLT_MAX, best_dx = FLT_MAX;
    float best_x0 = 0;
    std::size_t best_index = 0;
    std::size_t region = 0;  // the scroll region at or after the primitive
    for (std::size_t i = 0; i < block.prims.size(); ++i) {
        const Prim& p = block.prims[i];
        if (p.type != Prim::Text || p.flow == kNoFlow) continue;
        while (region < block.scrolls.size() && i >= block.scrolls[region].end) ++region;
        float shift = 0;
        if (region < block.scrolls.size() && i >= block.scrolls[region].begin) {
            const ScrollRegion& r = block.scrolls[region];
            const bool in_frozen_column =
                r.frozen_width > 0 && point.x < r.min.x + r.frozen_width && r.frozen < r.end;
            if (i < r.frozen) {
                if (in_frozen_column) continue;  // the frozen copies cover these here
                shift = -r.scroll_x;
            } else if (!in_frozen_column) {
                continue;
            }
        }
        const float fs = p.font->FontSize;
        const float top = p.a.y - fs * 0.25f, bottom = p.a.y + fs * 1.25f;
        const float dy = point.y < top ? top - point.y : point.y > bottom ? point.y - bottom : 0;
        if (dy > best_dy) continue;
        const float x0 = p.a.x + shift;
        const float w = sel_text_width(p, p.begin, p.end);
        const float dx = point.x < x0 ? x0 - point.x : point.x > x0 + w ? point.x - x0 - w : 0;
        if (dy == best_dy && dx >= best_dx) continue;
        best_dy = dy;
        best_dx = dx;
        best_x0 = x0;
        best_index = i;
        best.found = true;
    }
    if (!best.found) return best;
    const Prim& p = block.prims[best_index];
    // The character boundary nearest the point: past a character's middle the boundary after it.
    float x = best_x0;
    const char* at = p.begin;
    while (at < p.end) {
        const char* n = sel_next_code_point(at, p.end);
        const float w = sel_text_width(p, at, n);
        if (point.x < x + w * 0.5f) break;
        x += w;
        at = n;
    }
    best.prim = original_prim(block, best_index);
    best.offset = std::size_t(at - p.begin);
    best.distance = best_dy + best_dx;
    return best;
}

void word_at(const std::vector<LaidOutBlock>& blocks, TextPos pos, TextPos* from, TextPos* to) {
    *from = *to = pos;
    if (pos.block >= blocks.size() || pos.prim >= blocks[pos.block].prims.size()) return;
    const Prim& p = blocks[pos.block].prims[pos.prim];
    if (p.begin == p.end) return;
    const char* at = p.begin + std::min(pos.offset, sel_prim_length(p));
    if (at == p.end) at = sel_prev_code_point(p.begin, at);  // after the last character: the word it ends
    const char* b = at;
    const char* e = sel_next_code_point(at, p.end);
    if (sel_word_byte(static_cast<unsigned char>(*at))) {
        while (b > p.begin && sel_word_byte(static_cast<unsigned char>(b[-1]))) --b;
        while (e < p.end && sel_word_byte(static_cast<unsigned char>(*e))) ++e;
        while (b > p.begin && (static_cast<unsigned char>(*b) & 0xC0) == 0x80) --b;  // whole code points only
    }
    from->offset = std::size_t(b - p.begin);
    to->offset = std::size_t(e - p.begin);
}

void flow_at(const std::vector<LaidOutBlock>& blocks, TextPos pos, TextPos* from, TextPos* to) {
    *from = *to = pos;
    if (pos.block >= blocks.size() || pos.prim >= blocks[pos.block].prims.size()) return;
    const LaidOutBlock& l = blocks[pos.block];
    const std::uint32_t flow = l.prims[pos.prim].flow;
    if (flow == kNoFlow) return;
    bool seen = false;
    for (std::size_t i = 0; i < l.prims.size(); ++i) {
        if (!selectable(l, i) || l.prims[i].flow != flow) continue;
        if (!seen) *from = TextPos{pos.block, i, 0};
        *to = TextPos{pos.block, i, sel_prim_length(l.prims[i])};
        seen = true;
    }
}

bool whole_text(const std::vector<LaidOutBlock>& blocks, TextPos* from, TextPos* to) {
    bool seen = false;
    for (std::size_t b = 0; b < blocks.size(); ++b)
        for (std::size_t i = 0; i < blocks[b].prims.size(); ++i) {
            if (!selectable(blocks[b], i)) continue;
            if (!seen) *from = TextPos{b, i, 0};
            *to = TextPos{b, i, sel_prim_length(blocks[b].prims[i])};
            seen = true;
        }
    return seen;
}

bool selected_part(const TextSelection& sel, const LaidOutBlock& laid, std::size_t block, std::size_t prim,
                   std::size_t* lo, std::size_t* hi) {
    if (sel.empty()) return false;
    const TextPos first = sel.first(), last = sel.last();
    if (block < first.block || block > last.block) return false;
    if (block == first.block && prim < first.prim) return false;
    if (block == last.block && prim > last.prim) return false;
    const std::size_t len = sel_prim_length(laid.prims[prim]);
    *lo = block == first.block && prim == first.prim ? std::min(first.offset, len) : 0;
    *hi = block == last.block && prim == last.prim ? std::min(last.offset, len) : len;
    return *lo < *hi;
}

namespace {

// What separates two pieces of one run of text that the layout put in two primitives: `prev` ends a piece, `next`
// starts the following one. The text after prev's end is read up to a string's terminating NUL at most: text
// primitives point into std::strings (the document model's spans, LaidOutBlock::owned), which always have one.
std::string join_in_flow(const Prim& prev, const Prim& next) {
    const char* p = prev.end;
    bool newline = false, space = false;
    // The bytes a wrap left out: spaces (a soft wrap) or a hard break. Bounded: a run of spaces is never long.
    for (int n = 0; n < 256 && p != next.begin && (*p == ' ' || *p == '\n'); ++n, ++p) {
        if (*p == '\n')
            newline = true;
        else
            space = true;
    }
    if (p == next.begin) {  // the same string: exactly what lies between, spaces before a hard break dropped
        if (!newline) return std::string(prev.end, next.begin);
        std::string out;
        for (const char* q = prev.end; q != next.begin; ++q)
            if (*q == '\n') out += '\n';
        return out;
    }
    // Another span: it starts after whatever prev's span had left after the text drawn.
    return newline ? "\n" : space ? " " : "";
}

}  // namespace

std::string selected_text(const std::vector<LaidOutBlock>& blocks, TextPos from, TextPos to) {
    std::string out;
    if (to < from || from.block >= blocks.size()) return out;
    const Prim* prev = nullptr;
    std::size_t prev_block = 0;
    for (std::size_t b = from.block; b <= to.block && b < blocks.size(); ++b) {
        const LaidOutBlock& l = blocks[b];
        const std::size_t first = b == from.block ? from.prim : 0;
        const std::size_t last = b == to.block ? std::min(to.prim + 1, l.prims.size()) : l.prims.size();
        for (std::size_t i = first; i < last; ++i) {
            if (!selectable(l, i)) continue;
            const Prim& p = l.prims[i];
            const std::size_t len = sel_prim_length(p);
            const std::size_t lo = b == from.block && i == from.prim ? std::min(from.offset, len) : 0;
            const std::size_t hi = b == to.block && i == to.prim ? std::min(to.offset, len) : len;
            if (lo >= hi) continue;
            if (prev) {
                if (prev_block != b)
                    out += '\n';
                else if (prev->flow != p.flow)
                    out += l.flow_after[prev->flow];
                else
                    out += join_in_flow(*prev, p);
            }
            out.append(p.begin + lo, p.begin + hi);
            prev = &p;
            prev_block = b;
        }
    }
    return out;
}

}  // namespace gw::ui
