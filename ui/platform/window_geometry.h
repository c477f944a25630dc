#pragma once
// Where the window was and how big: restored at start, saved when it changes and at quit.
#include <filesystem>
#include <string>
#include <vector>

namespace gw::ui {

// Pixels in the window system's virtual screen, GLFW's convention: (x, y) is the top-left of the window's content
// area, so a monitor left of (or above) the primary one has negative coordinates.
struct WindowGeometry {
    int x = -1, y = -1;         // meaningful only when has_position
    int width = 1280, height = 800;
    bool maximized = false;
    bool has_position = false;  // false: let the window system place it
};

// A connected monitor's work area (the monitor minus panels and docks), in the same pixels as WindowGeometry.
struct WorkArea {
    int x = 0, y = 0, width = 0, height = 0;
};

// The size limits a restored window is clamped to, and the coordinate range X11 can address (16-bit signed).
constexpr int kMinWidth = 640, kMinHeight = 480, kMaxSide = 8192;
constexpr int kMinCoordinate = -32768, kMaxCoordinate = 32767;

// Reads <data dir>/window.json. A missing file gives the defaults silently. A file that is not JSON, or a value of
// the wrong type or outside the ranges above (a string, 1e400, 12.5, 99999999999), costs only that value: the
// default is used and `problem` (when given) gets one line per value, e.g. `window.json: "x" is 1e+20, not a
// whole number of pixels between -32768 and 32767; using the default`. Never throws.
WindowGeometry load_window_geometry(const std::filesystem::path& file, std::string* problem = nullptr);
bool save_window_geometry(const std::filesystem::path& file, const WindowGeometry& g, std::string* error);

// Where to open the window, given where it was saved and the monitors connected now (`monitors[0]` is the
// primary one, as glfwGetMonitors orders them). A saved position is kept when the top strip of the window (where
// a title bar is grabbed) still lies, at least in part, on one monitor's work area: that includes negative
// positions on a monitor left of or above the primary. Otherwise (the monitor it was on is unplugged, the
// resolution shrank) the window is centred on the primary work area. Either way a window larger than the work
// area it lands on is shrunk to fit. Without a saved position, or with no monitor known, `saved` is returned
// unchanged. Pure: no window system calls, so it is tested headless.
WindowGeometry place_window(const WindowGeometry& saved, const std::vector<WorkArea>& monitors);

}  // namespace gw::ui
