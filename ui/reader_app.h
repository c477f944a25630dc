#pragma once
// Everything one frame needs, without GLFW or OpenGL: the window loop (app.cpp) and headless tests both drive it.
#include <string>

#include "runtime/app_options.h"
#include "runtime/course.h"
#include "runtime/page_navigator.h"
#include "ui/fonts.h"
#include "ui/page_view.h"

namespace gw::ui {

class ReaderApp {
public:
    ReaderApp(AppOptions options, const Fonts& fonts);

    void load_content();  // (re)loads the course folder, keeping the open page when it still exists
    void frame();         // builds the widgets of one frame, between ImGui::NewFrame and ImGui::Render

    const Course& course() const { return course_; }
    PageNavigator& navigator() { return nav_; }
    const PageViewState& page_state() const { return page_; }
    std::string window_title() const;

private:
    AppOptions options_;
    const Fonts& fonts_;
    Course course_;
    PageNavigator nav_;
    PageViewState page_;
    float sidebar_scroll_ = 0;

    void go(const std::string& page_id);
    void handle_keys();
};

}  // namespace gw::ui
