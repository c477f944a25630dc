#pragma once
// The boundary between desktop_theme.cpp (in the executable) and groundwork-desktop.so
// (ui/modules/desktop_module.cpp), which holds the only calls to GIO (GDBus and GSettings), loaded the first time
// the app asks the desktop for its light/dark preference (runtime/platform/optional_module.h). The rules that turn
// the answers into a theme stay in desktop_theme.cpp.
#include <string>

namespace gw::ui {

// What groundwork_module_desktop() returns.
struct DesktopModule {
    // The XDG desktop portal's org.freedesktop.appearance color-scheme over the session bus (250 ms timeout, no bus
    // or portal started for the question): 0 no preference, 1 prefer dark, 2 prefer light; -1 when nothing answered.
    int (*portal_color_scheme)();
    // GSettings org.gnome.desktop.interface: its color-scheme and gtk-theme keys, "" for a key the installed schema
    // lacks. False when the schema is not installed.
    bool (*gnome_interface)(std::string* color_scheme, std::string* gtk_theme);
};

}  // namespace gw::ui
