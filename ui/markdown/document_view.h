#pragma once
// Draws a laid-out block list inside the current window. Layout happens once per (blocks, width, fonts, theme); a frame
// emits only the primitives of blocks that intersect the visible area and skips the rest with cached heights.
#include <functional>
#include <vector>

#include "runtime/markdown/document.h"
#include "ui/markdown/block_layout.h"
#include "ui/images/image_cache.h"
#include "ui/theme.h"

namespace gw::ui {

struct DocumentDrawStats {
    int blocks_drawn = 0;
    int blocks_skipped = 0;
    int prims_emitted = 0;
};

class DocumentView {
public:
    // `after_block` runs right after a block is placed (drawn or skipped) so the host can put live widgets
    // (the reflection editor) under it; it is called for every block, visible or not.
    using AfterBlock = std::function<void(const Block&)>;

    void draw(const std::vector<Block>& blocks, const Fonts& fonts, float width, const AfterBlock& after_block = {});
    void invalidate() { blocks_ = nullptr; }
    const DocumentDrawStats& stats() const { return stats_; }
    // Where image textures come from; app_image_cache() unless set (tests give a cache with a fake backend). The
    // images of a page are held while it is shown and released when another page is laid out in this view.
    void set_image_cache(ImageCache* cache) { image_cache_ = cache; }
    const ImageHolds& images() const { return images_; }
    float total_height() const;  // of the laid-out blocks, without host widgets

private:
    const std::vector<Block>* blocks_ = nullptr;
    const Fonts* fonts_ = nullptr;
    float width_ = -1;
    Theme theme_ = Theme::Light;
    unsigned font_generation_ = 0;  // a zoom keeps the ImFont addresses and changes their sizes  // colours are baked into the layout: a theme switch lays out again
    std::vector<LaidOutBlock> laid_;
    DocumentDrawStats stats_;
    ImageCache* image_cache_ = nullptr;
    ImageHolds images_;

    void ensure_layout(const std::vector<Block>& blocks, const Fonts& fonts, float width);
    // A wide table (ScrollRegion) as a child window with a horizontal scrollbar: ImGui keeps its scroll position
    // and scrolls it with the scrollbar, shift+wheel and a horizontal wheel; a vertical wheel still scrolls the page.
    void draw_scrolling(const LaidOutBlock& block, const ScrollRegion& region, ImVec2 origin);
};

// Emits a laid-out block's primitives at `origin`, clipped to the draw list's clip rectangle. Images on screen are
// drawn from `images` (which then holds them); without it, or while one loads, its alt text is drawn instead. A
// wide table (ScrollRegion) shows its start, clipped to its viewport (DocumentView::draw lets it scroll).
int emit_block(const LaidOutBlock& block, ImVec2 origin, ImDrawList* dl, ImageHolds* images = nullptr);

// The scrolling table `region` of `block` scrolled `scroll_x` px to the right: the columns that scroll, clipped
// to the viewport right of the frozen first column, then that column at its place.
int emit_scroll_region(const LaidOutBlock& block, const ScrollRegion& region, ImVec2 origin, float scroll_x,
                       ImDrawList* dl, ImageHolds* images = nullptr);

}  // namespace gw::ui
