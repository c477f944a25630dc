#pragma once
// Lays the document model out at a given width into flat drawing primitives, once. A frame then only
// translates and emits the primitives of the blocks that are on screen (see DocumentView).
#include <imgui.h>

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
    ImFont* font = nullptr;
    const char* begin = nullptr;  // Text: points into the document model or LaidOutBlock::owned
    const char* end = nullptr;
    // Image: the picture drawn in the rectangle (a, b), from the document model. Any other primitive with `image`
    // set (the placeholder and the alt text under it) is drawn only while that picture is not: loading, failed.
    const ImageRef* image = nullptr;
};

struct LinkArea {
    ImVec2 min, max;
    const std::string* url;
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
    const Block* source = nullptr;
};

// The size an image of `width` x `height` pixels is drawn at in a column `column` pixels wide: the column's width,
// but never more than twice the image's pixel width; the aspect ratio is kept (docs/authoring.md, Images).
ImVec2 image_display_size(int width, int height, float column);

// Lays out one top-level block at `width` pixels.
LaidOutBlock layout_block(const Block& block, const Fonts& fonts, float width);

// Wrapped text of a span list, from (x, y), wrapping at `width`; returns the height used. Exposed for views that
// lay out their own text (the chapter overview) and for tests.
struct TextStyle {
    const FontFamily* family;
    ImFont* font_override = nullptr;  // one face for all spans (headings)
    ImU32 color;
    float line_height;  // in multiples of the font size
};
float layout_spans(const std::vector<Span>& spans, const TextStyle& style, float x, float y, float width,
                   LaidOutBlock& out);

}  // namespace gw::ui
