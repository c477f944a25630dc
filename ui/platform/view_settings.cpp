#include "ui/platform/view_settings.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <system_error>

#include "progress/atomic_file.h"

namespace gw::ui {

namespace {

using nlohmann::json;

std::string shown_setting(const json& v) {
    std::string s = v.dump(-1, ' ', false, json::error_handler_t::replace);
    if (s.size() > 40) s = s.substr(0, 37) + "...";
    return s;
}

}  // namespace

float step_zoom(float zoom, int direction) {
    constexpr float kSlack = 0.001f;  // a stored 1.1 reads back as 1.10000002
    if (direction > 0) {
        for (float s : kZoomSteps)
            if (s > zoom + kSlack) return s;
        return std::min(std::max(zoom, kMinZoom), kMaxZoom);
    }
    if (direction < 0) {
        for (auto it = std::rbegin(kZoomSteps); it != std::rend(kZoomSteps); ++it)
            if (*it < zoom - kSlack) return *it;
        return std::min(std::max(zoom, kMinZoom), kMaxZoom);
    }
    return zoom;
}

float wheel_zoom(float zoom, float notches, float* carry) {
    *carry += notches;
    while (*carry >= 1.0f) {
        zoom = step_zoom(zoom, +1);
        *carry -= 1.0f;
    }
    while (*carry <= -1.0f) {
        zoom = step_zoom(zoom, -1);
        *carry += 1.0f;
    }
    return zoom;
}

ViewSettings load_view_settings(const std::filesystem::path& file, std::string* problem) {
    ViewSettings s;
    if (problem) problem->clear();
    std::error_code ec;
    if (!std::filesystem::exists(file, ec)) return s;
    std::string text, error, problems;
    if (!read_file(file, &text, &error)) {
        problems = "settings.json: " + error + "; using the default theme and text size";
    } else {
        const json j = json::parse(text, nullptr, false);
        if (!j.is_object()) {
            problems = "settings.json is not a JSON object; using the default theme and text size";
        } else {
            if (auto it = j.find("theme"); it != j.end()) {
                const std::optional<Theme> t = it->is_string() ? parse_theme(it->get<std::string>()) : std::nullopt;
                if (t) s.theme = t;
                else if (!(it->is_string() && it->get<std::string>() == "system"))
                    problems += "settings.json: \"theme\" is " + shown_setting(*it) +
                                ", not \"light\", \"dark\" or \"system\"; following the desktop\n";
            }
            if (auto it = j.find("text_zoom"); it != j.end()) {
                const double z = it->is_number() ? it->get<double>() : 0.0;
                if (it->is_number() && z >= kMinZoom - 1e-3 && z <= kMaxZoom + 1e-3) s.text_zoom = float(z);
                else
                    problems += "settings.json: \"text_zoom\" is " + shown_setting(*it) +
                                ", not a text size between 0.8 and 2; using 1\n";
            }
            if (!problems.empty() && problems.back() == '\n') problems.pop_back();
        }
    }
    if (problem) *problem = problems;
    return s;
}

bool save_view_settings(const std::filesystem::path& file, const ViewSettings& settings, std::string* error) {
    json j;
    j["theme"] = settings.theme ? theme_name(*settings.theme) : "system";
    j["text_zoom"] = std::round(double(settings.text_zoom) * 100.0) / 100.0;
    std::error_code ec;
    std::filesystem::create_directories(file.parent_path(), ec);  // a first run: the data folder may not exist
    return write_file_atomic(file, j.dump(2) + "\n", error);
}

Theme resolve_theme(const ViewSettings& settings, std::optional<Theme> desktop) {
    if (settings.theme) return *settings.theme;
    return desktop.value_or(Theme::Light);
}

}  // namespace gw::ui
