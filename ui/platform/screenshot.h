#pragma once
#include <string>

namespace gw::ui {

// Writes the current OpenGL back buffer (after rendering, before the swap) as a PNG.
bool write_back_buffer_png(const std::string& path, int width, int height, std::string* error);

}  // namespace gw::ui
