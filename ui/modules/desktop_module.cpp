// groundwork-desktop.so: the desktop's light/dark preference through GIO (see ui/platform/desktop_module.h).
#include <gio/gio.h>

#include "ui/platform/desktop_module.h"

namespace gw::ui {

namespace {

// org.freedesktop.portal.Settings.Read wraps the value in one variant more than ReadOne does; unwrap whatever
// nesting comes back.
int desktop_portal_color_scheme() {
    GError* error = nullptr;
    GDBusConnection* bus = g_bus_get_sync(G_BUS_TYPE_SESSION, nullptr, &error);
    if (!bus) {
        g_clear_error(&error);
        return -1;
    }
    GVariant* reply = g_dbus_connection_call_sync(
        bus, "org.freedesktop.portal.Desktop", "/org/freedesktop/portal/desktop", "org.freedesktop.portal.Settings",
        "Read", g_variant_new("(ss)", "org.freedesktop.appearance", "color-scheme"), nullptr,
        G_DBUS_CALL_FLAGS_NO_AUTO_START, 250, nullptr, &error);
    g_object_unref(bus);
    if (!reply) {
        g_clear_error(&error);
        return -1;
    }
    int scheme = -1;
    GVariant* v = g_variant_get_child_value(reply, 0);
    while (v && g_variant_is_of_type(v, G_VARIANT_TYPE_VARIANT)) {
        GVariant* inner = g_variant_get_variant(v);
        g_variant_unref(v);
        v = inner;
    }
    if (v && g_variant_is_of_type(v, G_VARIANT_TYPE_UINT32)) scheme = static_cast<int>(g_variant_get_uint32(v));
    if (v) g_variant_unref(v);
    g_variant_unref(reply);
    return scheme;
}

bool desktop_gnome_interface(std::string* color_scheme, std::string* gtk_theme) {
    GSettingsSchemaSource* source = g_settings_schema_source_get_default();
    if (!source) return false;
    GSettingsSchema* schema = g_settings_schema_source_lookup(source, "org.gnome.desktop.interface", TRUE);
    if (!schema) return false;
    GSettings* settings = g_settings_new_full(schema, nullptr, nullptr);
    auto read = [&](const char* key, std::string* out) {
        out->clear();
        if (!g_settings_schema_has_key(schema, key)) return;
        gchar* value = g_settings_get_string(settings, key);
        if (value) *out = value;
        g_free(value);
    };
    read("color-scheme", color_scheme);
    read("gtk-theme", gtk_theme);
    g_object_unref(settings);
    g_settings_schema_unref(schema);
    return true;
}

}  // namespace

}  // namespace gw::ui

// The module's one entry point (runtime/platform/optional_module.h).
extern "C" __attribute__((visibility("default"))) const void* groundwork_module_desktop() {
    static const gw::ui::DesktopModule table{&gw::ui::desktop_portal_color_scheme, &gw::ui::desktop_gnome_interface};
    return &table;
}
