#pragma once
// How the learner likes to read: the theme and the text size, kept in <data dir>/settings.json beside window.json.
#include <filesystem>
#include <optional>
#include <string>

#include "ui/theme.h"

namespace gw::ui {

struct ViewSettings {
    std::optional<Theme> theme;  // nullopt: follow the desktop's light or dark preference
    float text_zoom = 1.0f;      // the reading column's text size, 1 = 17 px body text at the window's content scale
};

// The text sizes Ctrl+= and Ctrl+- step through, as a browser's zoom does: 80% to 200%.
constexpr float kZoomSteps[] = {0.8f, 0.9f, 1.0f, 1.1f, 1.25f, 1.5f, 1.75f, 2.0f};
constexpr float kMinZoom = 0.8f, kMaxZoom = 2.0f;

// The next step above (or, for `direction` < 0, below) `zoom`; `zoom` itself at either end. A zoom between steps
// (written by hand in settings.json) goes to the nearest step in that direction.
float step_zoom(float zoom, int direction);
// Ctrl+wheel: `notches` of the mouse wheel (fractional on touchpads, + for up) as steps; a touchpad's small deltas
// add up in `carry` until they make a whole notch, so a slow swipe zooms as a wheel does.
float wheel_zoom(float zoom, float notches, float* carry);

// Reads <data dir>/settings.json. A missing file gives the defaults silently; a file that is not JSON, or a value
// that cannot be read ("theme": "blue", "text_zoom": 9), costs only that value: the default is used and `problem`
// gets a line naming the file, the key and what was found. Never throws.
ViewSettings load_view_settings(const std::filesystem::path& file, std::string* problem = nullptr);
// Writes the file atomically (progress/atomic_file.h). False with `error` set when it cannot be written.
bool save_view_settings(const std::filesystem::path& file, const ViewSettings& settings, std::string* error);

// The theme in force: the learner's choice, else the desktop's preference, else light.
Theme resolve_theme(const ViewSettings& settings, std::optional<Theme> desktop);

}  // namespace gw::ui
