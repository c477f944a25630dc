#pragma once
// A small coloured label with a dot: an artifact's status, a choice value in a table.
#include <string>

#include "ui/fonts.h"

namespace gw::ui {

// Draws at the cursor, on the current line. `color` is a content colour name (green, yellow, red, blue, grey).
void Chip(const std::string& label, const std::string& color, const Fonts& fonts);
float chip_width(const std::string& label, const Fonts& fonts);

}  // namespace gw::ui
