#pragma once
// Everything one frame needs, without GLFW or OpenGL: the window loop (app.cpp) and headless tests both drive it.
#include <cstdint>
#include <optional>
#include <string>

#include "progress/work_session.h"
#include "runtime/cli/app_options.h"
#include "runtime/course/course.h"
#include "runtime/course/page_navigator.h"
#include "ui/fonts.h"
#include "ui/markdown/link_opener.h"
#include "ui/platform/view_settings.h"
#include "ui/views/page_view.h"
#include "ui/views/accounts_view.h"
#include "ui/views/artifact_links_panel.h"
#include "ui/views/artifact_view.h"
#include "ui/views/health_dashboard_view.h"
#include "ui/views/my_work_view.h"
#include "ui/views/reflection_panel.h"
#include "ui/views/learning_records_view.h"
#include "ui/views/cohort_view.h"
#include "ui/views/recently_deleted_view.h"
#include "ui/views/search_view.h"
#include "ui/views/library_view.h"
#include "runtime/xapi/learning_records.h"

namespace gw::ui {

class ReaderApp {
public:
    // `session` may be null: the course is then only read (no editor, no progress).
    ReaderApp(AppOptions options, const Fonts& fonts, WorkSession* session = nullptr);
    ~ReaderApp();  // withdraws the page link describer it set (link_opener.h)
    ReaderApp(const ReaderApp&) = delete;
    ReaderApp& operator=(const ReaderApp&) = delete;

    // (Re)loads the course folder, keeping the open page when it still exists. The first load goes to --module,
    // or else back to where the learner left off: page, scroll position and the editor with its cursor.
    void load_content();
    void frame();  // builds the widgets of one frame, between ImGui::NewFrame and ImGui::Render

    // A message from opening the profile (moved aside, read-only...), shown until dismissed.
    void show_notice(const std::string& title, const std::string& text);

    // Where learning records go (issue 12); may stay null (a read-only profile, tests). Must outlive the app's
    // frames; the app hands it the course after each reload and the profile after each frame.
    void set_learning_records(xapi::LearningRecords* records);

    // Opens a reflection the way "My work" does: its page, scrolled to the editor, with the keyboard in it.
    void open_work(const std::string& id);

    // Opens another course folder (the Library page's "Open"): the content is loaded anew at its first page, the
    // profile stays, and an installed course becomes the one the next start opens (CourseLibrary::set_last_course).
    void open_course(const std::string& folder);
    // The folder shown now: options.content_dir until open_course. The window loop watches it for changes.
    const std::string& content_dir() const { return options_.content_dir; }
    bool showing_library() const { return view_ == View::Library; }
    const LibraryViewState& library_state() const { return library_; }
    // The Library page's titles and descriptions, and a number that changes each time they are read again: the
    // window loop hands new text to the font rebuilder (other courses may use letters this one does not).
    int library_revision() const { return library_revision_; }
    std::string library_text() const;

    const Course& course() const { return course_; }
    PageNavigator& navigator() { return nav_; }
    const PageViewState& page_state() const { return page_; }
    const ReflectionPanelState& reflection_state() const { return reflection_; }
    bool showing_my_work() const { return view_ == View::MyWork; }
    const std::string& removed_work_shown() const { return removed_id_; }  // "" unless a removed module's work is open
    std::string window_title() const;
    bool quit_requested() const { return quit_requested_; }  // Ctrl+Q

    // The learner's theme and text size (ui/platform/view_settings.h), and the desktop's light/dark preference
    // (nullopt: none). The theme is applied at the start of the next frame. Changes made in the app (the Display
    // popup, Ctrl+= / Ctrl+- / Ctrl+0, Ctrl+wheel) are applied the same way; the window loop rebuilds the fonts
    // for a new text size and saves the settings when take_view_settings_change() returns true (once per change).
    void set_view_settings(const ViewSettings& settings, std::optional<Theme> desktop);
    const ViewSettings& view_settings() const { return view_settings_; }
    bool take_view_settings_change();
    // True while a page change, scroll or focus request still has to settle: the window loop draws another frame
    // instead of sleeping.
    bool wants_another_frame() const { return redraw_frames_ > 0; }
    // Height (px) of what stood above the page in the last frame (notices, the way back after a link): the page
    // view's top edge in window coordinates.
    float notices_height() const { return notices_height_; }
    const std::string& artifact_shown() const { return artifact_id_; }  // "" unless an artifact page is open
    // The artifact kind whose empty form is previewed (--module artifact-kind:KIND), else "".
    std::string kind_previewed() const { return view_ == View::KindPreview ? preview_kind_ : std::string(); }

private:
    enum class View { Page, MyWork, RemovedWork, Accounts, Dashboard, Artifact, KindPreview, Records, Cohort, Search, Library };

    AppOptions options_;
    const Fonts& fonts_;
    WorkSession* session_;
    Course course_;
    PageNavigator nav_;
    PageViewState page_;
    ReflectionPanelState reflection_;
    View view_ = View::Page;
    std::string removed_id_;
    std::string artifact_id_;  // View::Artifact
    std::string preview_kind_;  // View::KindPreview: --module artifact-kind:KIND
    ArtifactViewState artifact_view_;
    ArtifactLinksState links_;
    AccountsViewState accounts_;
    HealthDashboardState dashboard_;
    MyWorkState my_work_;
    LearningRecordsViewState records_view_;
    CohortViewState cohort_view_;
    LibraryViewState library_;
    int library_count_ = -1;
    int library_revision_ = 0;  // the sidebar's "N courses", read at each content load and library refresh
    bool switching_course_ = false;  // the next load_content starts the new course at its first page
    xapi::LearningRecords* records_ = nullptr;
    struct LinkReturn {
        std::string from_page;   // a page id (module, homework, chapter)
        float from_scroll = 0;   // px from the top, as it was when the link was clicked
        std::string to_page;     // the page the link opened
    };
    std::optional<LinkReturn> link_return_;
    // Search: the course's index is built on first use after each load (folding the course is not start-up work);
    // Escape on the search page goes back to `search_from_`.
    SearchViewState search_;
    SearchIndex search_index_;
    bool search_index_built_ = false;
    std::string search_from_;
    void open_search();
    void draw_search_page(float width);
    void draw_export_all();  // My work's "Export all artifacts" button and what it wrote
    ViewSettings view_settings_;
    std::optional<Theme> desktop_theme_;
    bool theme_pending_ = true;           // apply the resolved theme at the next frame's start
    bool view_settings_changed_ = false;  // by the learner, since take_view_settings_change
    float wheel_zoom_carry_ = 0;          // a touchpad's part-notches of Ctrl+wheel
    void change_view_settings(const ViewSettings& next);
    void handle_zoom_keys();
    void draw_display_menu_popup();
    bool open_display_menu_ = false;
    float notices_height_ = 0;
    int redraw_frames_ = 0;  // after a jump, draw a few more frames so scrolling and focus settle
    std::string notice_title_, notice_text_;
    bool loaded_once_ = false;
    bool quit_requested_ = false;
    std::string pending_go_;
    std::string sidebar_shown_;  // the page the sidebar last highlighted
    ExportNotice export_notice_;  // after "Export all" on My work: what was written, and "Open folder"
    std::uint64_t work_count_revision_ = 0;  // the sidebar's "N pieces", cached per profile revision
    int work_count_ = 0;  // a page asked for from inside the page being drawn

    void go(const std::string& page_id);
    // A link clicked in a page's text: opens its page, then scrolls to its heading, if it names one.
    void open_page_link(const PageLink& link);
    // Back to where the learner was before the last link they followed in a page's text, as a browser's Back:
    // offered (a bar above the page, Alt+Left, the mouse's back button) while they are still on the page it opened.
    bool can_go_back() const;
    std::string describe_page_link(const std::string& page, const std::string& heading) const;
    void go_back();
    void leave_page();
    void handle_keys();
    void draw_page_column();
    float draw_notices(float x, float column_width);  // returns the height they took
    void draw_removed_work(float width);
    void record_resume();
    // The page id go() takes to come back here ("@my-work", an item id...); "" for a preview or the search page.
    std::string showing_page_id() const;
    std::string records_detail() const;  // the sidebar's "Learning records" line
    std::filesystem::path library_data_dir() const;  // the profile's data folder: where the library lives
    void refresh_library();  // reads the installed courses and the learner's progress in each
};

}  // namespace gw::ui
