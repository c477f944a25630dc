#include "ui/reader_app.h"

#include <imgui.h>

#include "runtime/course_loader.h"
#include "ui/sidebar_view.h"
#include "ui/theme.h"

namespace gw::ui {

namespace {
constexpr float kSidebarWidth = 312.0f;
constexpr ImGuiWindowFlags kPlainWindow = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                          ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus;
}  // namespace

ReaderApp::ReaderApp(AppOptions options, const Fonts& fonts) : options_(std::move(options)), fonts_(fonts) {}

void ReaderApp::load_content() {
    std::string keep = nav_.current().empty() ? options_.start_item : nav_.current();
    course_ = load_course(options_.content_dir);
    nav_.reset(course_, keep);
    page_.body.invalidate();
}

std::string ReaderApp::window_title() const {
    std::string t = "Groundwork";
    if (!course_.title.empty()) t = course_.title + "  \xE2\x80\x94  Groundwork";
    return t;
}

void ReaderApp::go(const std::string& page_id) {
    if (page_id.empty() || page_id == nav_.current()) return;
    if (nav_.go(page_id)) page_.pending_scroll = 0;
}

void ReaderApp::handle_keys() {
    ImGuiIO& io = ImGui::GetIO();
    if (io.WantTextInput) return;  // the editor owns the keyboard while it has focus
    auto pressed = [](ImGuiKey key) { return ImGui::IsKeyPressed(ImGui::GetKeyIndex(key)); };
    bool moved = false;
    if ((io.KeyAlt && pressed(ImGuiKey_RightArrow)) || (io.KeyCtrl && pressed(ImGuiKey_PageDown)) ||
        (!io.KeyCtrl && !io.KeyAlt && pressed(ImGuiKey_RightArrow)))
        moved = nav_.next();
    else if ((io.KeyAlt && pressed(ImGuiKey_LeftArrow)) || (io.KeyCtrl && pressed(ImGuiKey_PageUp)) ||
             (!io.KeyCtrl && !io.KeyAlt && pressed(ImGuiKey_LeftArrow)))
        moved = nav_.previous();
    else if (io.KeyAlt && pressed(ImGuiKey_Home))
        moved = nav_.first();
    else if (io.KeyAlt && pressed(ImGuiKey_End))
        moved = nav_.last();
    if (moved) page_.pending_scroll = 0;
}

void ReaderApp::frame() {
    ImGuiIO& io = ImGui::GetIO();
    handle_keys();

    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(io.DisplaySize);
    ImGui::PushStyleColor(ImGuiCol_WindowBg, color::kPage);
    ImGui::Begin("##root", nullptr, kPlainWindow);
    ImGui::PopStyleColor();

    // Sidebar.
    ImGui::PushStyleColor(ImGuiCol_ChildBg, color::kSidebar);
    ImGui::BeginChild("##sidebar", ImVec2(kSidebarWidth, io.DisplaySize.y), false);
    SidebarModel sidebar;
    sidebar.course = &course_;
    sidebar.current = &nav_.current();
    std::string clicked = draw_sidebar(sidebar, fonts_);
    ImGui::EndChild();
    ImGui::PopStyleColor();
    go(clicked);

    // Reading column.
    ImGui::SameLine(0, 0);
    ImGui::BeginChild("##page", ImVec2(0, io.DisplaySize.y), false);
    if (!io.WantTextInput) {  // one window fills the screen: reading keys always scroll the page
        auto pressed = [](ImGuiKey key) { return ImGui::IsKeyPressed(ImGui::GetKeyIndex(key)); };
        float page_h = ImGui::GetWindowHeight() * 0.9f;
        if (pressed(ImGuiKey_DownArrow)) ImGui::SetScrollY(ImGui::GetScrollY() + 60);
        if (pressed(ImGuiKey_UpArrow)) ImGui::SetScrollY(ImGui::GetScrollY() - 60);
        if (pressed(ImGuiKey_PageDown) && !io.KeyCtrl) ImGui::SetScrollY(ImGui::GetScrollY() + page_h);
        if (pressed(ImGuiKey_Space)) ImGui::SetScrollY(ImGui::GetScrollY() + (io.KeyShift ? -page_h : page_h));
        if (pressed(ImGuiKey_PageUp) && !io.KeyCtrl) ImGui::SetScrollY(ImGui::GetScrollY() - page_h);
        if (pressed(ImGuiKey_Home) && !io.KeyAlt) ImGui::SetScrollY(0);
        if (pressed(ImGuiKey_End) && !io.KeyAlt) ImGui::SetScrollY(ImGui::GetScrollMaxY());
    }
    PageHooks hooks;
    go(draw_page(page_, course_, nav_, hooks, fonts_));
    ImGui::EndChild();
    ImGui::End();
}

}  // namespace gw::ui
