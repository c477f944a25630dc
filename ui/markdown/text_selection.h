#pragma once
// Selecting a page's text with the mouse: where a point falls in the laid-out text, what a double or triple click
// takes, and the plain text a selection copies as. Everything works on laid-out blocks (block_layout.h) and plain
// numbers, so it is tested without a window; DocumentView feeds it mouse events and draws the highlight.
#include <imgui.h>

#include <cstddef>
#include <string>
#include <vector>

#include "ui/markdown/block_layout.h"

namespace gw::ui {

// A place between two characters of the laid-out text: before byte `offset` of the text primitive `prim` of the
// top-level block `block`. Positions order as the text reads (blocks in order, then primitives, then bytes).
// An offset is always at a UTF-8 code point boundary, 0 <= offset <= the primitive's length.
struct TextPos {
    std::size_t block = 0;
    std::size_t prim = 0;
    std::size_t offset = 0;
};
bool operator<(const TextPos& a, const TextPos& b);
bool operator==(const TextPos& a, const TextPos& b);
inline bool operator!=(const TextPos& a, const TextPos& b) { return !(a == b); }
inline bool operator<=(const TextPos& a, const TextPos& b) { return !(b < a); }

// The selection of one page: from `anchor` (where the mouse went down) to `focus` (where it is now, or where a
// Shift+click put it), in either order. Its positions name primitives of one layout: they are cleared or moved
// (DocumentView) whenever the page is laid out again.
struct TextSelection {
    TextPos anchor, focus;
    bool active = false;  // false: nothing selected, and anchor/focus mean nothing

    bool empty() const { return !active || anchor == focus; }
    TextPos first() const { return focus < anchor ? focus : anchor; }
    TextPos last() const { return focus < anchor ? anchor : focus; }
    void clear() { active = false; }
    void set(TextPos a, TextPos f) {
        anchor = a;
        focus = f;
        active = true;
    }
};

// Where a point falls in one laid-out block. `point` is in the block's coordinates (its top-left corner is 0,0).
// A wide table is taken as scrolled by its ScrollRegion::scroll_x.
// The nearest selectable text wins: the line the point is on (or the nearest line), then the nearest
// character boundary on it; `distance` says how far (px, 0 when the point is on the text's line and within it).
// A point in a frozen table column falls on that column's cells, whatever the scroll. found is false when the
// block has no selectable text.
struct TextHit {
    bool found = false;
    std::size_t prim = 0;
    std::size_t offset = 0;
    float distance = 0;
};
TextHit hit_test_block(const LaidOutBlock& block, ImVec2 point);

// True when `i` is a primitive a frozen table column draws again over its scrolling table (ScrollRegion
// [frozen, end)); such copies are never selected themselves: original_prim(block, i) is the cell they repeat.
bool is_frozen_copy(const LaidOutBlock& block, std::size_t i);
std::size_t original_prim(const LaidOutBlock& block, std::size_t i);

// True for a primitive that can be selected: text that belongs to a run (not a decoration), not a frozen copy.
bool selectable(const LaidOutBlock& block, std::size_t i);

// The word around `pos` (a double click): letters, digits and any non-ASCII character; on punctuation or space,
// that one character. Within the one primitive.
void word_at(const std::vector<LaidOutBlock>& blocks, TextPos pos, TextPos* from, TextPos* to);

// The run of text around `pos` (a triple click): its paragraph, heading, table cell, list number or code block.
void flow_at(const std::vector<LaidOutBlock>& blocks, TextPos pos, TextPos* from, TextPos* to);

// Everything (Select all): from the first selectable character to the last. False when there is none.
bool whole_text(const std::vector<LaidOutBlock>& blocks, TextPos* from, TextPos* to);

// The selected text as plain text, [from, to): runs of text are separated as LaidOutBlock::flow_after says and
// top-level blocks by '\n'; within a run, a soft wrap is the source's space (or nothing, inside a word broken
// between characters), a hard break or a code line's end is '\n'. Decorations are left out. Positions must name
// text primitives of `blocks`; from > to gives "".
std::string selected_text(const std::vector<LaidOutBlock>& blocks, TextPos from, TextPos to);

// The part [*lo, *hi) of text primitive `prim` of block `block` that `sel` covers; false when none of it is.
bool selected_part(const TextSelection& sel, const LaidOutBlock& laid, std::size_t block, std::size_t prim,
                   std::size_t* lo, std::size_t* hi);

}  // namespace gw::ui
