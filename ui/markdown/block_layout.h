#pragma once
// Lays the document model out at a given width into flat drawing primitives, once. A frame then only
// translates and emits the primitives of the blocks that are on screen (see DocumentView).
#include <imgui.h>

#include <cstdint>
#include <deque>
#include <string>
#include <vector>

#include "runtime/markdown/document.h"
#include "ui/fonts.h"

namespace gw::ui {

struct Prim {
    enum Type : unsigned char { Text, RectFilled, Rect, Line, CircleFilled, Image } type = Text;
    ImVec2 a, b;  // Text: position. Rect*: min, max. Line: from, to. Circle: centre, (radius, 0).
    ImU32 color = 0;
    float rounding = 0;  // Rect*: corner rounding. Line/Rect: thickness
    // Text: the run of text it belongs to (LaidOutBlock::flow_after), or kNoFlow for a decoration (an icon, a
    // tick, a quotation mark) that is neither selected nor copied.
    std::uint32_t flow = 0;  // (in the padding before `font`: a Prim stays 64 bytes)
    ImFont* font = nullptr;
    const char* begin = nullptr;  // Text: points into the document model or LaidOutBlock::owned
    const char* end = nullptr;
    // Image: the picture drawn in the rectangle (a, b), from the document model. Any other primitive with `image`
    // set (the placeholder and the alt text under it) is drawn only while that picture is not: loading, failed.
    const ImageRef* image = nullptr;
};

constexpr std::uint32_t kNoFlow = 0xFFFFFFFFu;

struct LinkArea {
    ImVec2 min, max;
    const std::string* url;
};

// A table too wide for the reading column: drawn in a viewport as wide as the column that scrolls sideways, with
// its first column frozen at the viewport's left edge. Everything in block coordinates; the prims [begin, frozen)
// are the whole table and move with the scroll, [frozen, end) are the first column again, drawn over them at a
// fixed place (so a scrolled cell slides under it). Links follow the same split.
struct ScrollRegion {
    ImVec2 min, max;         // the viewport: the column's width, the table's height plus the scrollbar under it
    float content_width;     // the whole table, px
    float frozen_width;      // the first column, px: kept in view
    float scrollbar;         // height of the scrollbar strip at the viewport's bottom, px
    std::size_t begin, frozen, end;                // prims
    std::size_t links_begin, links_frozen, links_end;
    const void* key;         // the table in the document model: the scroll position survives a new layout
    float scroll_x = 0;      // how far it was scrolled when last drawn, px (DocumentView): where a click falls
};

// Text primitives point into the document model or into `owned`; a std::deque never moves its elements, so a
// LaidOutBlock may be moved (into a vector that grows) but never copied: a copy's primitives would still point into
// the original's `owned`.
struct LaidOutBlock {
    LaidOutBlock() = default;
    LaidOutBlock(LaidOutBlock&&) = default;
    LaidOutBlock& operator=(LaidOutBlock&&) = default;
    LaidOutBlock(const LaidOutBlock&) = delete;
    LaidOutBlock& operator=(const LaidOutBlock&) = delete;

    float height = 0;             // including the space after it
    std::vector<Prim> prims;      // relative to the block's top-left corner
    std::vector<LinkArea> links;  // same coordinates
    std::deque<std::string> owned;  // text the layout made up (titles in caps, list numbers)
    std::vector<ScrollRegion> scrolls;  // tables that scroll sideways, in prim order
    // One entry per run of text (a paragraph, a heading, a table cell, a code block, a list number, a title), in
    // reading order, indexed by Prim::flow: what separates the run from the next one when selected text is copied
    // ('\n'; '\t' after a table cell that is not the last of its row; ' ' after a list number). Within a run,
    // the source text says it (a space at a soft wrap, '\n' at a hard break or a code line's end).
    std::vector<char> flow_after;
    const Block* source = nullptr;
};

// The size an image of `width` x `height` pixels is drawn at in a column `column` pixels wide: the column's width,
// but never more than twice the image's pixel width; the aspect ratio is kept (docs/authoring.md, Images).
ImVec2 image_display_size(int width, int height, float column);

// Lays out one top-level block at `width` pixels.
LaidOutBlock layout_block(const Block& block, const Fonts& fonts, float width);

// The images a block's inline content holds (Block::images). The parser leaves an image inside a table cell, a
// heading or a link's text in the spans as a span of its own holding its description in brackets ("[alt]",
// italic) and the image's index here (Span::image); layout_spans draws the picture in its place when it can.
struct InlineImages {
    const std::vector<ImageRef>* refs = nullptr;
};

// The size (px) an image of `width` x `height` pixels takes in running text whose lines are `line_height` px
// tall and `room` px wide: one no taller than two lines sits on the line, shrunk to fit it (an icon, a badge);
// a bigger one gets lines of its own, as wide as the room allows, at most its pixel size and 12 lines tall.
// Never scaled up. Zero for an empty image.
ImVec2 inline_image_size(int width, int height, float line_height, float room);

// Wrapped text of a span list, from (x, y), wrapping at `width`; returns the height used. Exposed for views that
// lay out their own text (the chapter overview) and for tests.
struct TextStyle {
    const FontFamily* family;
    ImFont* font_override = nullptr;  // one face for all spans (headings)
    ImU32 color;
    float line_height;  // in multiples of the font size
};
// With `images`, the images of the block the spans belong to are drawn where they were written (see InlineImages):
// over a shaded box holding their alt text, which is what shows while a picture loads or when it fails.
float layout_spans(const std::vector<Span>& spans, const TextStyle& style, float x, float y, float width,
                   LaidOutBlock& out, InlineImages* images = nullptr);

}  // namespace gw::ui
