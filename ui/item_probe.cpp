#include "ui/item_probe.h"

#include <map>

namespace gw::ui::probe {

namespace {
bool g_enabled = false;
std::map<std::string, std::pair<ImVec2, ImVec2>>& rects() {
    static std::map<std::string, std::pair<ImVec2, ImVec2>> r;
    return r;
}
}  // namespace

void enable(bool on) {
    g_enabled = on;
    rects().clear();
}

void last_item(const std::string& name) {
    if (!g_enabled) return;
    ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    rects()[name] = {a, b};
}

std::optional<ImVec2> centre(const std::string& name) {
    auto it = rects().find(name);
    if (it == rects().end()) return std::nullopt;
    const auto& [a, b] = it->second;
    return ImVec2((a.x + b.x) * 0.5f, (a.y + b.y) * 0.5f);
}

std::optional<std::pair<ImVec2, ImVec2>> rect(const std::string& name) {
    auto it = rects().find(name);
    if (it == rects().end()) return std::nullopt;
    return it->second;
}

void clear() { rects().clear(); }

}  // namespace gw::ui::probe
