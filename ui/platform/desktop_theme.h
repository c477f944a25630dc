#pragma once
// Whether the desktop asks apps for a dark look: the learner's system-wide choice, followed until they pick a
// theme in the app.
#include <optional>

#include "ui/theme.h"

namespace gw::ui {

// Steps 1 and 2 go through GIO in groundwork-desktop.so (desktop_module.h), loaded by the first question; without
// it only step 3 is asked. Asks, in order, and stops at the first that answers:
//  1. the XDG desktop portal's org.freedesktop.appearance color-scheme (GNOME 42+, KDE Plasma 5.24+; 1 = prefer
//     dark, 2 = prefer light, 0 = no preference), over the session bus with a 250 ms timeout, and only when a
//     session bus is set in DBUS_SESSION_BUS_ADDRESS (no bus is started for the question);
//  2. GSettings org.gnome.desktop.interface color-scheme ("prefer-dark"), then its gtk-theme ending in "-dark";
//  3. GTK_THEME in the environment ("Adwaita:dark").
// nullopt when none has a preference. Blocking (a bus round trip at most): call it off the UI thread at start.
std::optional<Theme> desktop_theme_preference();

// The rules of steps 2 and 3 on their text, for the tests: "prefer-dark" / "prefer-light" / "default" from
// color-scheme, a GTK theme name ("Adwaita-dark", "Yaru-dark" dark; others no answer), GTK_THEME ("Adwaita:dark").
std::optional<Theme> theme_from_color_scheme(const char* color_scheme);
std::optional<Theme> theme_from_gtk_theme_name(const char* name);
std::optional<Theme> theme_from_gtk_theme_env(const char* value);

}  // namespace gw::ui
