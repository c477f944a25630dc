#include "ui/views/shortcuts_help.h"

#include <imgui.h>

#include <GLFW/glfw3.h>  // key codes: io.KeysDown is indexed by GLFW key (ImGui 1.86 has no ImGuiKey_F1)

#include <algorithm>

#include "ui/widgets/buttons.h"
#include "ui/item_probe.h"
#include "ui/text_style.h"
#include "ui/theme.h"

namespace gw::ui {

namespace {
constexpr const char* kPopup = "Keyboard shortcuts";
bool g_open = false;  // the popup's open state lives in ImGui's context; this mirrors it for the page's key handler
bool g_pending = false;  // opened this frame: OpenPopup is issued where the modal is drawn, at the same ID stack
}  // namespace

const std::vector<ShortcutGroup>& shortcut_groups() {
    static const std::vector<ShortcutGroup> groups = {
        {"On a course page",
         {{"Right, Alt+Right, Ctrl+PageDown", "next page"},
          {"Left, Alt+Left, Ctrl+PageUp", "previous page"},
          {"Alt+Home / Alt+End", "first / last page"},
          {"Alt+Left, mouse back button", "after following a link: back to where you were"},
          {"Drag, double / triple click", "select text, a word, a paragraph (Shift+click extends)"},
          {"Ctrl+C / Ctrl+A", "copy the selected text / select the whole page"}}},
        {"Everywhere",
         {{"Up / Down", "scroll a little"},
          {"PageUp / PageDown, Space, Shift+Space", "scroll a screen"},
          {"Home / End", "top / bottom of the page"},
          {"Ctrl+F", "search the course and your work"},
          {"Ctrl+= / Ctrl+-, Ctrl and the wheel", "larger / smaller text"},
          {"Ctrl+0", "text at its usual size"},
          {"Escape", "close an open list or menu"},
          {"F1 or ?", "this list"},
          {"Ctrl+Q", "quit"}}},
        {"On an artifact's page",
         {{"Ctrl+Z", "outside a text field: bring back the table row just deleted, or remove the one just added"}}},
        {"In the reflection editor",
         {{"Ctrl+Left / Ctrl+Right", "move by word"},
          {"Ctrl+Z", "undo"},
          {"Ctrl+Y or Ctrl+Shift+Z", "redo"},
          {"Ctrl+C / Ctrl+X / Ctrl+V", "copy / cut / paste"},
          {"Escape", "leave the editor"}}},
    };
    return groups;
}

bool shortcuts_help_requested(bool text_focused) {
    if (ImGui::IsKeyPressed(GLFW_KEY_F1, false)) return true;
    if (text_focused) return false;
    for (ImWchar c : ImGui::GetIO().InputQueueCharacters)
        if (c == '?') return true;
    return false;
}

void open_shortcuts_help() { g_open = g_pending = true; }

bool shortcuts_help_open() { return g_open; }

void draw_shortcuts_help(const Fonts& fonts) {
    const bool opening = g_pending;  // the F1 that opened it must not close it in the same frame
    if (g_pending) {
        ImGui::OpenPopup(kPopup);
        g_pending = false;
    }
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    // Fits an 800x600 window; taller lists scroll inside it.
    ImGui::SetNextWindowSize(ImVec2(std::min(560.0f, display.x - 40), 0));
    ImGui::SetNextWindowSizeConstraints(ImVec2(0, 0), ImVec2(display.x - 40, display.y - 40));
    ImGui::SetNextWindowPos(ImVec2(display.x * 0.5f, display.y * 0.5f), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    if (!ImGui::BeginPopupModal(kPopup, nullptr, ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoMove)) {
        g_open = g_pending;
        return;
    }
    probe::last_item("shortcuts-help");
    const float keys_w = ImGui::GetContentRegionAvail().x * 0.52f;
    for (const ShortcutGroup& g : shortcut_groups()) {
        ImGui::Dummy(ImVec2(0, 4));
        StyledText(fonts.label, palette().accent, upper(g.title), false);
        for (const Shortcut& s : g.shortcuts) {
            ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + keys_w - 8);
            const float y = ImGui::GetCursorPosY();
            StyledText(fonts.ui.bold, palette().heading, s.keys);
            const float after = ImGui::GetCursorPosY();
            ImGui::PopTextWrapPos();
            ImGui::SetCursorPos(ImVec2(ImGui::GetCursorPosX() + keys_w, y));
            StyledText(fonts.ui.regular, palette().text, s.what);
            ImGui::SetCursorPosY(std::max(after, ImGui::GetCursorPosY()));
        }
    }
    ImGui::Dummy(ImVec2(0, 8));
    const bool close = PageButton("Close##close", ButtonKind::Quiet, fonts);
    probe::last_item("shortcuts-close");
    if (close || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false) ||
        (!opening && ImGui::IsKeyPressed(GLFW_KEY_F1, false))) {
        ImGui::CloseCurrentPopup();
        g_open = false;
    }
    ImGui::EndPopup();
}

}  // namespace gw::ui
