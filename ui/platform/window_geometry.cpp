#include "ui/platform/window_geometry.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdint>
#include <system_error>

#include "progress/atomic_file.h"

namespace gw::ui {

namespace {

using nlohmann::json;

// A value as the learner wrote it, short enough for one line of a message.
std::string shown(const json& v) {
    std::string s = v.dump(-1, ' ', false, json::error_handler_t::replace);
    if (s.size() > 40) s = s.substr(0, 37) + "...";
    return s;
}

// Reads one whole number in [lo, hi]. Absent: `fallback`, silently. Anything else (a string, a fraction, a number
// too large for an int, which nlohmann reads as unsigned or as a double): `fallback`, and a line in `problems`.
std::int64_t whole(const json& j, const char* key, std::int64_t lo, std::int64_t hi, std::int64_t fallback,
                   std::string* problems) {
    auto it = j.find(key);
    if (it == j.end()) return fallback;
    // Signed and unsigned are read separately: get<int64_t> on 2^64-1 would wrap to -1, a plausible coordinate.
    bool in_range = false;
    std::int64_t value = 0;
    if (it->is_number_unsigned()) {
        const std::uint64_t u = it->get<std::uint64_t>();
        in_range = u <= static_cast<std::uint64_t>(hi);
        value = in_range ? static_cast<std::int64_t>(u) : 0;
    } else if (it->is_number_integer()) {
        value = it->get<std::int64_t>();
        in_range = value >= lo && value <= hi;
    }
    if (in_range) return value;
    *problems += "window.json: \"" + std::string(key) + "\" is " + shown(*it) +
                 ", not a whole number of pixels between " + std::to_string(lo) + " and " + std::to_string(hi) +
                 "; using the default\n";
    return fallback;
}

constexpr int kGrip = 32;        // the strip at the top of a window a person grabs to move it
constexpr int kMinGrippable = 64;  // how much of that strip must be on a monitor to count as reachable

bool grippable_on(const WindowGeometry& g, const WorkArea& a) {
    // 64-bit sums: coordinates and sizes are bounded on load, but monitors come from the window system.
    const std::int64_t left = std::max<std::int64_t>(g.x, a.x);
    const std::int64_t right = std::min<std::int64_t>(std::int64_t{g.x} + g.width, std::int64_t{a.x} + a.width);
    const std::int64_t top = std::max<std::int64_t>(g.y, a.y);
    const std::int64_t bottom = std::min<std::int64_t>(std::int64_t{g.y} + kGrip, std::int64_t{a.y} + a.height);
    return right - left >= std::min(kMinGrippable, g.width) && bottom - top >= kGrip / 2;
}

void shrink_to(WindowGeometry* g, const WorkArea& a) {
    g->width = std::min(g->width, a.width);
    g->height = std::min(g->height, a.height);
}

}  // namespace

WindowGeometry load_window_geometry(const std::filesystem::path& file, std::string* problem) {
    WindowGeometry g;
    if (problem) problem->clear();
    std::string problems;
    std::string text, error;
    std::error_code ec;
    const bool exists = std::filesystem::exists(file, ec);
    if (!exists) return g;  // first run: nothing to say
    if (!read_file(file, &text, &error)) {
        problems = "window.json: " + error + "; the window opens at its default size\n";
    } else {
        const json j = json::parse(text, nullptr, false);
        if (!j.is_object()) {
            // nlohmann refuses numbers a double cannot hold (1e400), so they land here too.
            problems = std::string("window.json is ") + (j.is_discarded() ? "not valid JSON" : "not a JSON object") +
                       "; the window opens at its default size\n";
        } else {
            // A hand-edited file with a wrong or hostile value costs that value, never the start of the app.
            const std::int64_t x = whole(j, "x", kMinCoordinate, kMaxCoordinate, INT64_MIN, &problems);
            const std::int64_t y = whole(j, "y", kMinCoordinate, kMaxCoordinate, INT64_MIN, &problems);
            if (x != INT64_MIN && y != INT64_MIN) {
                g.x = static_cast<int>(x);
                g.y = static_cast<int>(y);
                g.has_position = true;
            }
            // Sizes: anything a monitor could show is clamped to sane limits; nonsense is reported.
            g.width = static_cast<int>(std::clamp<std::int64_t>(
                whole(j, "width", 1, kMaxCoordinate, g.width, &problems), kMinWidth, kMaxSide));
            g.height = static_cast<int>(std::clamp<std::int64_t>(
                whole(j, "height", 1, kMaxCoordinate, g.height, &problems), kMinHeight, kMaxSide));
            auto max = j.find("maximized");
            if (max != j.end() && !max->is_boolean())
                problems += "window.json: \"maximized\" is " + shown(*max) + ", not true or false; using false\n";
            g.maximized = max != j.end() && max->is_boolean() && max->get<bool>();
        }
    }
    if (!problems.empty()) problems.pop_back();  // the caller adds its own line end
    if (problem) *problem = problems;
    return g;
}

bool save_window_geometry(const std::filesystem::path& file, const WindowGeometry& g, std::string* error) {
    json j = {{"width", g.width}, {"height", g.height}, {"maximized", g.maximized}};
    if (g.has_position) {
        j["x"] = g.x;
        j["y"] = g.y;
    }
    std::error_code ec;
    std::filesystem::create_directories(file.parent_path(), ec);
    return write_file_atomic(file, j.dump(2) + "\n", error);
}

WindowGeometry place_window(const WindowGeometry& saved, const std::vector<WorkArea>& monitors) {
    std::vector<WorkArea> usable;
    for (const WorkArea& a : monitors)
        if (a.width > 0 && a.height > 0) usable.push_back(a);
    if (!saved.has_position || usable.empty()) return saved;
    WindowGeometry g = saved;
    for (const WorkArea& a : usable)
        if (grippable_on(g, a)) {
            shrink_to(&g, a);
            return g;
        }
    // The monitor it was on is gone: the primary one is where a person looks first.
    const WorkArea& primary = usable.front();
    shrink_to(&g, primary);
    g.x = primary.x + (primary.width - g.width) / 2;
    g.y = primary.y + (primary.height - g.height) / 2;
    return g;
}

}  // namespace gw::ui
