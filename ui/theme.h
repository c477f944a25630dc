#pragma once
// The reader's palettes and ImGui style: a calm light theme and a dark one, each with one accent and a tint per
// callout kind.
#include <imgui.h>

#include <optional>
#include <string>
#include <string_view>

#include "runtime/markdown/document.h"

namespace gw::ui {

struct CalloutColors {
    ImU32 background;
    ImU32 accent;  // bar, icon and title
    ImU32 border;
};

namespace color {
constexpr ImU32 rgb(unsigned r, unsigned g, unsigned b, unsigned a = 255) {
    return (a << 24) | (b << 16) | (g << 8) | r;
}
// `c` with its alpha replaced (0-255).
constexpr ImU32 with_alpha(ImU32 c, unsigned a) {
    return (c & 0x00FFFFFFu) | (a << 24);
}
}  // namespace color

// Light follows the desktop unless the learner chose; Dark is the same roles on a dark page.
enum class Theme { Light, Dark };

// Every colour a view draws with, by role. Views ask palette() each frame, so a theme switch shows on the next
// frame without a restart; no view keeps a colour of its own.
struct Palette {
    ImU32 page;          // the reading column and window background
    ImU32 sidebar;
    ImU32 surface;       // cards, form fields, popups: one step off the page
    ImU32 surface_alt;   // zebra rows, quiet panels
    ImU32 track;         // progress tracks, chip backgrounds, the selected sidebar row's neighbours
    ImU32 text;
    ImU32 muted;         // secondary text
    ImU32 faint;         // placeholders, disabled
    ImU32 heading;
    ImU32 accent;
    ImU32 accent_hover;  // a filled accent button under the mouse
    ImU32 accent_held;
    ImU32 accent_soft;   // hover fill, selected rows
    ImU32 accent_border; // a hovered card's outline
    ImU32 on_accent;     // ink on an accent or done fill
    ImU32 link;
    ImU32 rule;          // hairlines, borders
    ImU32 code_bg;
    ImU32 done;
    ImU32 done_hover;
    ImU32 done_soft;     // a finished card's fill
    ImU32 done_border;
    ImU32 error;
    ImU32 error_bg;
    ImU32 warning;
    ImU32 warning_bg;
    ImU32 selection;     // selected text
};

// The active palette. Never null; Light until use_theme says otherwise.
const Palette& palette();
// The theme palette() answers with now (use_theme sets it; Light at start).
Theme current_theme();
// Switches the palette and, when `style` is given, ImGui's colours with it (apply_style).
void use_theme(Theme theme, ImGuiStyle* style = nullptr);
// "light" or "dark", as settings store it.
const char* theme_name(Theme theme);
// The reverse of theme_name; nullopt for anything else.
std::optional<Theme> parse_theme(std::string_view name);

CalloutColors callout_colors(CalloutKind kind);

// The colours content may name for choice options and rule results (green, yellow, red, blue, grey).
struct ChipColors {
    ImU32 background;
    ImU32 ink;
    ImU32 dot;
};
ChipColors chip_colors(const std::string& name);
// The icon shown before a callout's title ("" for none).
const char* callout_icon(CalloutKind kind);

// ImGui's sizes and the active palette's colours.
void apply_style(ImGuiStyle& style);
struct ProseEditorStyle;
// The editor widget's colours from the active palette (the widget itself knows no theme).
void apply_palette(ProseEditorStyle& style);
ImVec4 to_vec4(ImU32 c);

}  // namespace gw::ui
