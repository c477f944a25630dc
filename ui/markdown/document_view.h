#pragma once
// Draws a laid-out block list inside the current window. Layout happens once per (blocks, width, fonts, theme); a frame
// emits only the primitives of blocks that intersect the visible area and skips the rest with cached heights.
#include <functional>
#include <string>
#include <vector>

#include "runtime/markdown/document.h"
#include "ui/markdown/block_layout.h"
#include "ui/markdown/text_selection.h"
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

    // Text selection (the learner's mouse; see README, Reading). A press on text and a drag select, a double click a
    // word, a triple click its paragraph, Shift+click extends; a right click offers Copy and Select all; Ctrl+C
    // copies and Ctrl+A selects the page while no text field has the keyboard; Escape or a click elsewhere clears.
    // A press on a link that is released within the drag threshold follows the link instead. A new layout of the
    // same blocks (a width, a theme) keeps the selection on the same text; other blocks clear it.
    const TextSelection& selection() const { return selection_; }
    std::string selected_text() const;  // "" when nothing is selected
    void select_all();
    void clear_selection() { selection_.clear(); }
    const std::vector<LaidOutBlock>& laid_out() const { return laid_; }

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
    TextSelection selection_;
    bool selecting_ = false;      // the left button is down after a press that started or extended a selection
    bool past_threshold_ = false;  // ... and has moved past ImGui's drag threshold since
    ImVec2 press_pos_;
    // The link under the press that started the selection: followed at the release if the mouse did not move. It
    // points into laid_ or the model, and is dropped whenever either is laid out again.
    const std::string* pressed_link_ = nullptr;
    const std::string* hovered_link_ = nullptr;  // this frame's, set while drawing
    bool over_text_ = false;  // the mouse was over text when it last moved: the I-beam cursor
    bool menu_open_ = false;  // the right-click menu was opened and has not been closed yet

    // A new layout: the selection is moved onto the same text of the new one when the blocks are the same, else
    // cleared (layout positions name primitives, which a new layout renumbers).
    void remap_selection(bool same_blocks, std::vector<LaidOutBlock>& old);
    // Mouse and key handling, with `hit` the nearest text to the mouse this frame (found false when not looked for).
    void handle_selection_input(const TextPos* hit, bool free_press, bool hovered);

    void ensure_layout(const std::vector<Block>& blocks, const Fonts& fonts, float width);
    // A wide table (ScrollRegion) as a child window with a horizontal scrollbar: ImGui keeps its scroll position
    // and scrolls it with the scrollbar, shift+wheel and a horizontal wheel; a vertical wheel still scrolls the page.
    void draw_scrolling(const LaidOutBlock& block, ScrollRegion& region, ImVec2 origin, std::size_t index);
};

// The selection to paint in one block while emitting it: highlight behind the selected part of each text.
struct SelectionPaint {
    const TextSelection* selection;
    std::size_t block;  // the block's index, as TextPos::block
};

// Emits a laid-out block's primitives at `origin`, clipped to the draw list's clip rectangle. Images on screen are
// drawn from `images` (which then holds them); without it, or while one loads, its alt text is drawn instead. A
// wide table (ScrollRegion) shows its start, clipped to its viewport (DocumentView::draw lets it scroll).
int emit_block(const LaidOutBlock& block, ImVec2 origin, ImDrawList* dl, ImageHolds* images = nullptr,
               const SelectionPaint* paint = nullptr);

// The scrolling table `region` of `block` scrolled `scroll_x` px to the right: the columns that scroll, clipped
// to the viewport right of the frozen first column, then that column at its place.
int emit_scroll_region(const LaidOutBlock& block, const ScrollRegion& region, ImVec2 origin, float scroll_x,
                       ImDrawList* dl, ImageHolds* images = nullptr, const SelectionPaint* paint = nullptr);

}  // namespace gw::ui
