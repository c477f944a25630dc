#pragma once
// Text that follows another item on the same line only when it fits there. ImGui wraps even TextUnformatted at the
// pushed wrap position, so a note placed with SameLine near the column's right edge was wrapped to the few pixels
// left: one letter per line down the page ("from Module 2 · edited ..." on My work).
#include <imgui.h>

#include <string>

namespace gw::ui {

// The room (px) from the cursor to the line's right end: the pushed wrap position, else the content region.
float room_on_line();

// After an item: continues the line (spacing `gap` px) when `width` px fit on the rest of it, else starts a new
// line. Returns true when it stayed on the same line.
bool SameLineIfFits(float width, float gap = 8);

// A note in `font` and `color` after the previous item: on the same line, nudged down `baseline` px, when it fits
// whole; else on its own line, wrapped at the column's width.
void TextAfter(ImFont* font, ImU32 color, const std::string& text, float baseline = 0, float gap = 8);

// A longer note beside the previous item, as a block wrapped at the column's right edge, when at least
// `min_width` px are left on the line (nudged down `baseline` px); else on its own line, wrapped at the column's
// width. The minimum keeps the block from being wrapped to a letter or two per line.
void TextBeside(ImFont* font, ImU32 color, const std::string& text, float min_width, float baseline = 0,
                float gap = 8);

}  // namespace gw::ui
