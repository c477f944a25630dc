#include "ui/views/display_menu.h"

#include <imgui.h>

#include <cmath>
#include <cstdio>

#include "ui/item_probe.h"
#include "ui/text_style.h"
#include "ui/theme.h"
#include "ui/widgets/buttons.h"

namespace gw::ui {

namespace {

std::string percent(float zoom) {
    char s[16];
    std::snprintf(s, sizeof s, "%d%%", int(std::lround(zoom * 100)));
    return s;
}

bool theme_choice(const char* label, const char* probe_name, bool active) {
    const bool clicked = ImGui::RadioButton(label, active);
    probe::last_item(probe_name);
    return clicked && !active;
}

}  // namespace

std::string display_detail(const ViewSettings& settings, Theme in_force) {
    std::string d = in_force == Theme::Dark ? "Dark" : "Light";
    if (std::fabs(settings.text_zoom - 1.0f) > 0.001f) d += "  \xC2\xB7  " + percent(settings.text_zoom);
    return d;
}

bool draw_display_menu(ViewSettings& settings, std::optional<Theme> desktop, const Fonts& fonts) {
    bool changed = false;
    ImGui::Dummy(ImVec2(260, 0));  // the popup's minimum width, so the labels never wrap to a word a line
    StyledText(fonts.label, palette().muted, "THEME", false);
    const std::string follow = std::string("Follow the desktop (") +
                               (desktop.value_or(Theme::Light) == Theme::Dark ? "dark" : "light") + ")";
    if (theme_choice(follow.c_str(), "display-theme-system", !settings.theme)) {
        settings.theme.reset();
        changed = true;
    }
    if (theme_choice("Light", "display-theme-light", settings.theme == Theme::Light)) {
        settings.theme = Theme::Light;
        changed = true;
    }
    if (theme_choice("Dark", "display-theme-dark", settings.theme == Theme::Dark)) {
        settings.theme = Theme::Dark;
        changed = true;
    }
    ImGui::Dummy(ImVec2(0, 6));
    StyledText(fonts.label, palette().muted, "TEXT SIZE", false);
    ImGui::BeginDisabled(settings.text_zoom <= kMinZoom + 0.001f);
    if (ImGui::Button("A\xE2\x88\x92##smaller")) {  // A−
        settings.text_zoom = step_zoom(settings.text_zoom, -1);
        changed = true;
    }
    probe::last_item("display-smaller");
    ImGui::EndDisabled();
    ImGui::SameLine();
    const std::string now = percent(settings.text_zoom);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(now.c_str());
    ImGui::SameLine();
    ImGui::BeginDisabled(settings.text_zoom >= kMaxZoom - 0.001f);
    if (ImGui::Button("A+##larger")) {
        settings.text_zoom = step_zoom(settings.text_zoom, +1);
        changed = true;
    }
    probe::last_item("display-larger");
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::BeginDisabled(std::fabs(settings.text_zoom - 1.0f) < 0.001f);
    if (ImGui::Button("Reset##zoom")) {
        settings.text_zoom = 1.0f;
        changed = true;
    }
    probe::last_item("display-reset");
    ImGui::EndDisabled();
    // Two short lines: one long one was cut to "or Ctrl..." at the popup's width.
    StyledText(fonts.small, palette().muted, "Ctrl+= / Ctrl+\xE2\x88\x92, or Ctrl and the wheel;", false);
    StyledText(fonts.small, palette().muted, "Ctrl+0 for the usual size.", false);
    return changed;
}

}  // namespace gw::ui
