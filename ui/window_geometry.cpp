#include "ui/window_geometry.h"

#include <nlohmann/json.hpp>

#include <algorithm>

#include "progress/atomic_file.h"

namespace gw::ui {

WindowGeometry load_window_geometry(const std::filesystem::path& file) {
    WindowGeometry g;
    std::string text, error;
    if (!read_file(file, &text, &error)) return g;
    auto j = nlohmann::json::parse(text, nullptr, false);
    if (!j.is_object()) return g;  // a damaged settings file only costs the window's position
    // A hand-edited file with a wrong type costs that value, never the start of the app.
    auto integer = [&](const char* key, int fallback) {
        auto it = j.find(key);
        return it != j.end() && it->is_number_integer() ? it->get<int>() : fallback;
    };
    g.x = integer("x", g.x);
    g.y = integer("y", g.y);
    g.width = std::clamp(integer("width", g.width), 640, 8192);
    g.height = std::clamp(integer("height", g.height), 480, 8192);
    auto max = j.find("maximized");
    g.maximized = max != j.end() && max->is_boolean() && max->get<bool>();
    return g;
}

bool save_window_geometry(const std::filesystem::path& file, const WindowGeometry& g, std::string* error) {
    nlohmann::json j = {{"x", g.x}, {"y", g.y}, {"width", g.width}, {"height", g.height}, {"maximized", g.maximized}};
    std::error_code ec;
    std::filesystem::create_directories(file.parent_path(), ec);
    return write_file_atomic(file, j.dump(2) + "\n", error);
}

}  // namespace gw::ui
