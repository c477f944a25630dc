#include "ui/platform/desktop_theme.h"

#include <gio/gio.h>

#include <cstdlib>
#include <cstring>
#include <string_view>

namespace gw::ui {

namespace {

// org.freedesktop.portal.Settings.Read wraps the value in one variant more than ReadOne does; unwrap whatever
// nesting comes back.
std::optional<Theme> portal_color_scheme() {
    if (!std::getenv("DBUS_SESSION_BUS_ADDRESS")) return std::nullopt;  // asking would autolaunch a bus
    GError* error = nullptr;
    GDBusConnection* bus = g_bus_get_sync(G_BUS_TYPE_SESSION, nullptr, &error);
    if (!bus) {
        g_clear_error(&error);
        return std::nullopt;
    }
    GVariant* reply = g_dbus_connection_call_sync(
        bus, "org.freedesktop.portal.Desktop", "/org/freedesktop/portal/desktop", "org.freedesktop.portal.Settings",
        "Read", g_variant_new("(ss)", "org.freedesktop.appearance", "color-scheme"), nullptr,
        G_DBUS_CALL_FLAGS_NO_AUTO_START, 250, nullptr, &error);
    g_object_unref(bus);
    if (!reply) {
        g_clear_error(&error);
        return std::nullopt;
    }
    std::optional<Theme> theme;
    GVariant* v = g_variant_get_child_value(reply, 0);
    while (v && g_variant_is_of_type(v, G_VARIANT_TYPE_VARIANT)) {
        GVariant* inner = g_variant_get_variant(v);
        g_variant_unref(v);
        v = inner;
    }
    if (v && g_variant_is_of_type(v, G_VARIANT_TYPE_UINT32)) {
        const guint32 scheme = g_variant_get_uint32(v);
        if (scheme == 1) theme = Theme::Dark;
        else if (scheme == 2) theme = Theme::Light;
    }
    if (v) g_variant_unref(v);
    g_variant_unref(reply);
    return theme;
}

std::optional<Theme> gsettings_theme() {
    GSettingsSchemaSource* source = g_settings_schema_source_get_default();
    if (!source) return std::nullopt;
    GSettingsSchema* schema = g_settings_schema_source_lookup(source, "org.gnome.desktop.interface", TRUE);
    if (!schema) return std::nullopt;
    std::optional<Theme> theme;
    GSettings* settings = g_settings_new_full(schema, nullptr, nullptr);
    if (g_settings_schema_has_key(schema, "color-scheme")) {
        gchar* scheme = g_settings_get_string(settings, "color-scheme");
        theme = theme_from_color_scheme(scheme);
        g_free(scheme);
    }
    if (!theme && g_settings_schema_has_key(schema, "gtk-theme")) {
        gchar* name = g_settings_get_string(settings, "gtk-theme");
        theme = theme_from_gtk_theme_name(name);
        g_free(name);
    }
    g_object_unref(settings);
    g_settings_schema_unref(schema);
    return theme;
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
