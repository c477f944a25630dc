#pragma once
// Where the window was and how big: restored at start, saved when it changes and at quit.
#include <filesystem>
#include <string>

namespace gw::ui {

struct WindowGeometry {
    int x = -1, y = -1;  // -1: let the window system place it
    int width = 1280, height = 800;
    bool maximized = false;
};

WindowGeometry load_window_geometry(const std::filesystem::path& file);
bool save_window_geometry(const std::filesystem::path& file, const WindowGeometry& g, std::string* error);

}  // namespace gw::ui
