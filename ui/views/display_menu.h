#pragma once
// The sidebar's "Display" popup: light, dark or the desktop's choice, and the reading text's size.
#include <optional>
#include <string>

#include "ui/fonts.h"
#include "ui/platform/view_settings.h"

namespace gw::ui {

// The sidebar row's detail: "Dark · 125%", "Light" at the default size.
std::string display_detail(const ViewSettings& settings, Theme in_force);

// The popup's content, inside an open ImGui popup. Edits `settings` and returns true when the learner changed
// something (the caller applies and saves it). `desktop`: what the desktop prefers, shown beside "Follow the
// desktop"; nullopt when it says nothing (then light).
bool draw_display_menu(ViewSettings& settings, std::optional<Theme> desktop, const Fonts& fonts);

}  // namespace gw::ui
