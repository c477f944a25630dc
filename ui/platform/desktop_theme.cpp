#include "ui/platform/desktop_theme.h"

#include <cstdlib>
#include <cstring>
#include <iostream>
#include <mutex>
#include <string_view>

#include "runtime/platform/optional_module.h"
#include "ui/platform/desktop_module.h"

namespace gw::ui {

namespace {

// The GIO half, or nullptr when it cannot be loaded: then only GTK_THEME is asked, and stderr says why once.
const DesktopModule* desktop_module() {
    std::string error;
    const DesktopModule* module = optional_module<DesktopModule>("desktop", &error);
    static std::once_flag said;
    if (!module) std::call_once(said, [&] { std::cerr << "groundwork: not asking the desktop for light or dark: " << error << "\n"; });
    return module;
}

std::optional<Theme> portal_color_scheme() {
    if (!std::getenv("DBUS_SESSION_BUS_ADDRESS")) return std::nullopt;  // asking would autolaunch a bus
    const DesktopModule* module = desktop_module();
    if (!module) return std::nullopt;
    const int scheme = module->portal_color_scheme();
    if (scheme == 1) return Theme::Dark;
    if (scheme == 2) return Theme::Light;
    return std::nullopt;
}

std::optional<Theme> gsettings_theme() {
    const DesktopModule* module = desktop_module();
    std::string color_scheme, gtk_theme;
    if (!module || !module->gnome_interface(&color_scheme, &gtk_theme)) return std::nullopt;
    if (auto theme = theme_from_color_scheme(color_scheme.c_str())) return theme;
    return theme_from_gtk_theme_name(gtk_theme.c_str());
}

bool ends_with_ci(std::string_view s, std::string_view tail) {
    if (s.size() < tail.size()) return false;
    for (std::size_t i = 0; i < tail.size(); ++i) {
        char c = s[s.size() - tail.size() + i];
        if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
        if (c != tail[i]) return false;
    }
    return true;
}

}  // namespace

std::optional<Theme> theme_from_color_scheme(const char* color_scheme) {
    if (!color_scheme) return std::nullopt;
    const std::string_view s(color_scheme);
    if (s == "prefer-dark") return Theme::Dark;
    if (s == "prefer-light") return Theme::Light;
    return std::nullopt;  // "default": no preference, so the GTK theme may still say
}

std::optional<Theme> theme_from_gtk_theme_name(const char* name) {
    if (!name) return std::nullopt;
    if (ends_with_ci(name, "-dark") || ends_with_ci(name, "_dark")) return Theme::Dark;
    return std::nullopt;  // a light-looking name is no statement: most themes are light by default
}

std::optional<Theme> theme_from_gtk_theme_env(const char* value) {
    if (!value) return std::nullopt;
    const std::string_view s(value);
    const auto colon = s.find(':');
    if (colon != std::string_view::npos) return s.substr(colon + 1) == "dark" ? Theme::Dark : Theme::Light;
    return theme_from_gtk_theme_name(value);
}

std::optional<Theme> desktop_theme_preference() {
    if (auto t = portal_color_scheme()) return t;
    if (auto t = gsettings_theme()) return t;
    return theme_from_gtk_theme_env(std::getenv("GTK_THEME"));
}

}  // namespace gw::ui
