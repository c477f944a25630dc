#pragma once
// Where named widgets were drawn in the last frame, for headless tests that click like a user would. Recording is
// off unless a test turns it on, so the app pays one branch per named widget.
#include <imgui.h>

#include <optional>
#include <string>
#include <utility>

namespace gw::ui::probe {

void enable(bool on);
// Records ImGui's last item under `name` (call right after the widget).
void last_item(const std::string& name);
// The rectangle's centre, when the widget was drawn since enable().
std::optional<ImVec2> centre(const std::string& name);
// The rectangle (screen px, min then max), when the widget was drawn since enable().
std::optional<std::pair<ImVec2, ImVec2>> rect(const std::string& name);
void clear();

}  // namespace gw::ui::probe
