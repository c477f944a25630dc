#include "ui/reader_app.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <functional>
#include <optional>
#include <utility>

#include <sstream>

#include "runtime/artifacts/account_binding.h"
#include "runtime/artifacts/artifact_export.h"
#include "runtime/artifacts/calendar_date.h"
#include "runtime/cli/data_folder.h"
#include "runtime/course/course_library.h"
#include "runtime/course/course_loader.h"
#include "runtime/course/course_progress.h"
#include "runtime/course/id_aliases.h"
#include "runtime/course/work_list.h"
#include "ui/widgets/buttons.h"
#include "ui/widgets/completion_bar.h"
#include "ui/views/health_dashboard_view.h"
#include "ui/item_probe.h"
#include "ui/markdown/link_opener.h"
#include "ui/views/my_work_view.h"
#include "ui/widgets/notice_banner.h"
#include "ui/widgets/plural.h"
#include "ui/views/shortcuts_help.h"
#include "ui/views/display_menu.h"
#include "ui/widgets/export_notice.h"
#include "ui/views/sidebar_view.h"
#include "ui/theme.h"
#include "ui/text_style.h"

namespace gw::ui {

namespace {
// --module artifact-kind:KIND arrives here as "@artifact-kind:KIND".
constexpr const char* kKindPreviewPrefix = "@artifact-kind:";
// The sidebar gives way on narrow windows so the reading column keeps a usable width.
float sidebar_width(float display_width) { return std::clamp(display_width * 0.26f, 236.0f, 312.0f); }
// GLFW_KEY_KP_ADD, _SUBTRACT and _0: ImGui 1.86 indexes io.KeysDown by the backend's key codes.
constexpr int kKeypadAdd = 334, kKeypadSubtract = 333, kKeypad0 = 320;
constexpr ImGuiWindowFlags kPlainWindow = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                          ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus |
                                          ImGuiWindowFlags_NoScrollWithMouse;
}  // namespace

ReaderApp::ReaderApp(AppOptions options, const Fonts& fonts, WorkSession* session)
    : options_(std::move(options)), fonts_(fonts), session_(session) {}

ReaderApp::~ReaderApp() { set_page_link_describer(nullptr); }

namespace {

// The text of heading `id` among `blocks` (nested in quotes and lists too), or "".
std::string heading_text_of(const std::vector<Block>& blocks, const std::string& id) {
    for (const Block& b : blocks) {
        if (b.kind == BlockKind::Heading && b.id == id) return plain_text(b.spans);
        std::string nested = heading_text_of(b.children, id);
        if (!nested.empty()) return nested;
    }
    return {};
}

}  // namespace

std::string ReaderApp::describe_page_link(const std::string& page, const std::string& heading) const {
    const CourseItem* item = course_.find_item(page);
    const Chapter* chapter = item ? nullptr : find_chapter(course_, page);
    if (!item && !chapter) return {};
    const std::string title = item ? item->title : chapter->title;
    const std::string at = heading.empty() ? std::string() : heading_text_of(item ? item->blocks : chapter->introduction, heading);
    const bool here = view_ == View::Page && nav_.current() == page;
    if (here) return at.empty() ? "This page" : "Further on this page: " + at;
    return at.empty() ? "Opens " + title : "Opens " + title + ", at " + at;
}

void ReaderApp::load_content() {
    set_page_link_describer([this](const std::string& page, const std::string& heading) {
        return describe_page_link(page, heading);
    });
    // Switching to another course from the Library starts it where the learner left off in it (work is kept per
    // course), or at its first page.
    const bool switching = std::exchange(switching_course_, false);
    // A module whose front matter just broke (or was saved half-written) may come back under its file name
    // instead of its id: follow the file, not the first page.
    const std::string keep_file = loaded_once_ && !switching ? nav_.current_file(course_) : std::string();
    const std::string keep_chapter = loaded_once_ && !switching ? nav_.current_chapter(course_) : std::string();
    const std::string was_showing = switching ? std::string() : nav_.current();
    const std::string previous_id = course_.id;
    course_ = load_course(options_.content_dir);
    // course.md saved half-way while the app runs reads as "Untitled course" with another id: keep the work where
    // it is (under the id the course had) until the file is whole again, instead of switching to an empty course.
    const bool course_md_broken = std::any_of(course_.diagnostics.begin(), course_.diagnostics.end(), [](const Diagnostic& d) {
        return d.severity == Severity::Error && d.file == "course.md";
    });
    if (loaded_once_ && !switching && course_md_broken && !previous_id.empty()) course_.id = previous_id;
    library_count_ = session_ ? static_cast<int>(CourseLibrary(library_data_dir()).installed_ids().size()) : -1;
    if (session_) {
        // The learner's work in this course, with work kept under ids the course has since renamed (aliases:)
        // moved to the new ids; a change is saved at once through the store (atomic, with backups).
        session_->set_course(course_.id);
        session_->change_profile([this](Profile& p) { return apply_id_aliases(p, course_); });
        // Amounts that artifacts stored themselves before their field followed the account (account_field:) go
        // to an account that has none; where both differ, each keeps its own (runtime/artifacts/account_binding.h).
        session_->change_profile([this](Profile& p) { return adopt_account_amounts(course_.artifact_kinds, p); });
    }
    if (records_) records_->set_course(course_);  // a new id or version: statements from now on carry it
    // The page to stay on (a reload), or to start on: --module, else where the learner left off (page, scroll
    // position and the editor with its cursor). An id the course has renamed leads to its new page.
    std::string keep = current_page_id(course_, was_showing);
    std::optional<ResumePoint> resume;
    if (!loaded_once_ || switching) {
        keep = loaded_once_ ? std::string() : current_page_id(course_, options_.start_item);
        if (keep.empty() && session_ && !session_->work().resume.page_id.empty()) {
            resume = session_->work().resume;
            keep = resume->page_id;
        }
    }
    nav_.reset(course_, keep, keep_file, keep_chapter);
    if (view_ == View::RemovedWork && current_page_id(course_, removed_id_) != removed_id_)
        go(current_page_id(course_, removed_id_));  // the course now says where that work belongs
    page_.body.invalidate();
    search_index_built_ = false;  // rebuilt from the new course when next searched
    search_.searched.clear();     // and the hits with it, with or without a learner session
    search_.hits.clear();
    search_.cards.clear();
    search_.searched_revision = 0;
    search_.work_revision = 0;
    dashboard_ = HealthDashboardState();  // the declarations (levels, colours) may have changed
    my_work_ = MyWorkState();             // and titles
    artifact_view_ = ArtifactViewState();
    const bool first_load = !loaded_once_;
    loaded_once_ = true;
    if (first_load && !options_.start_item.empty() && nav_.current() != keep) {
        go("@" + options_.start_item);  // --module my-work, accounts, dashboard or artifact:ID
        return;
    }
    if (!resume) return;
    if (nav_.current() != resume->page_id) {
        // My work, accounts, the dashboard, an artifact, or work on a removed module: open it over the course.
        const ResumePoint saved = *resume;
        go(saved.page_id);
        if (view_ == View::Page) return;  // it no longer exists: the first page it is
        page_.pending_scroll = saved.scroll;
        return;
    }
    page_.pending_scroll = resume->scroll;
    reflection_.focus_on_open = resume->editing;
}

std::filesystem::path ReaderApp::library_data_dir() const {
    return session_ ? session_->store().data_dir() : data_folder_or_default(options_.data_dir);
}

void ReaderApp::refresh_library() {
    CourseLibrary library(library_data_dir());
    library_.loaded = true;
    library_.library_folder = library.root().string();
    library_.entries.clear();
    for (InstalledCourse& c : library.list()) {
        LibraryEntry e;
        if (session_) e.progress = whole_course_progress(session_->profile(), load_course(c.folder));
        e.course = std::move(c);
        library_.entries.push_back(std::move(e));
    }
    library_count_ = static_cast<int>(library_.entries.size());
    ++library_revision_;
}

std::string ReaderApp::library_text() const {
    std::string text;
    for (const LibraryEntry& e : library_.entries) text += e.course.title + "\n" + e.course.description + "\n";
    return text + library_.library_folder;
}

void ReaderApp::open_course(const std::string& folder) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(std::filesystem::path(folder) / "course.md", ec)) {
        refresh_library();  // uninstalled since the page was read
        library_.message = "That course is no longer installed.";
        return;
    }
    leave_page();
    CourseLibrary library(library_data_dir());
    const std::string id = library.id_of_folder(folder);
    if (!id.empty()) {
        std::string error;
        if (!library.set_last_course(id, &error)) library_.message = "The next start may open another course: " + error;
    }
    options_.content_dir = folder;
    options_.start_item.clear();
    switching_course_ = true;
    view_ = View::Page;
    reflection_.item_id.clear();
    links_ = ArtifactLinksState();
    page_.pending_scroll = 0;  // unless load_content resumes the course where the learner was
    load_content();
    redraw_frames_ = 4;
}

void ReaderApp::set_learning_records(xapi::LearningRecords* records) {
    records_ = records;
    if (records_) records_->set_course(course_);
}

std::string ReaderApp::records_detail() const {
    if (!records_ || !records_->enabled()) return "off";
    const xapi::SenderStatus s = records_->status();
    if (s.state == xapi::SenderState::Stopped) return "not sending";  // a read-only profile or a screenshot
    if (s.state == xapi::SenderState::NeedsCredentials) return "needs key";
    if (s.state == xapi::SenderState::Misconfigured) return "check address";
    if (s.counts.queued == 0) return "synced";
    return std::to_string(s.counts.queued) + " waiting";
}

void ReaderApp::show_notice(const std::string& title, const std::string& text) {
    notice_title_ = title;
    notice_text_ = text;
}

std::string ReaderApp::window_title() const {
    std::string t = "Groundwork";
    if (!course_.title.empty()) t = course_.title + "  \xE2\x80\x94  Groundwork";
    return t;
}

void ReaderApp::leave_page() {
    if (session_) session_->save_now();  // leaving a module is a natural moment to write
}

void ReaderApp::go(const std::string& page_id) {
    if (page_id.empty()) return;
    redraw_frames_ = 4;
    if (page_id == kAccountsPage || page_id == kDashboardPage || page_id == kRecordsPage || page_id == kCohortPage) {
        const View v = page_id == kAccountsPage    ? View::Accounts
                       : page_id == kDashboardPage ? View::Dashboard
                       : page_id == kRecordsPage   ? View::Records
                                                   : View::Cohort;
        if (view_ == v) return;
        leave_page();
        view_ = v;
        page_.pending_scroll = 0;
        return;
    }
    if (page_id == kSearchPage) {
        if (view_ != View::Search) {
            search_from_ = showing_page_id();
            leave_page();
            view_ = View::Search;
            page_.pending_scroll = 0;
        }
        search_.focus_input = true;
        return;
    }
    if (page_id == kLibraryPage) {
        if (view_ == View::Library) return;
        leave_page();
        view_ = View::Library;
        library_.message.clear();
        refresh_library();
        page_.pending_scroll = 0;
        return;
    }
    if (page_id.rfind(kKindPreviewPrefix, 0) == 0) {  // a trainer's preview: opened only by --module
        leave_page();
        view_ = View::KindPreview;
        preview_kind_ = page_id.substr(std::string(kKindPreviewPrefix).size());
        page_.pending_scroll = 0;
        return;
    }
    if (page_id.rfind(kArtifactPrefix, 0) == 0) {
        leave_page();
        view_ = View::Artifact;
        artifact_id_ = page_id.substr(std::string(kArtifactPrefix).size());
        page_.pending_scroll = 0;
        return;
    }
    if (page_id == kMyWorkPage) {
        if (view_ == View::MyWork) return;
        leave_page();
        view_ = View::MyWork;
        page_.pending_scroll = 0;
        return;
    }
    if (course_.find_item(page_id) || find_chapter(course_, page_id)) {
        if (view_ == View::Page && page_id == nav_.current()) return;
        leave_page();
        view_ = View::Page;
        if (nav_.go(page_id)) page_.pending_scroll = 0;
        return;
    }
    if (session_ && session_->work().reflection(page_id)) {  // work whose module left the course
        leave_page();
        view_ = View::RemovedWork;
        removed_id_ = page_id;
        page_.pending_scroll = 0;
    }
}

void ReaderApp::open_page_link(const PageLink& link) {
    if (link.page.empty()) return;
    const bool from_page = view_ == View::Page;
    LinkReturn back{nav_.current(), page_.scroll, link.page};
    go(link.page);
    if (view_ != View::Page || nav_.current() != link.page) return;
    if (from_page) link_return_ = std::move(back);
    if (link.heading.empty()) return;
    page_.pending_heading = link.heading;  // same page or a new one: page_view finds the heading in its layout
    redraw_frames_ = std::max(redraw_frames_, kHeadingScrollFrames + 1);
}

void ReaderApp::draw_search_page(float width) {
    if (!search_index_built_) {
        search_index_ = index_course(course_);
        search_index_built_ = true;
    }
    const SearchChoice c = draw_search(search_, search_index_, session_ ? &session_->profile() : nullptr,
                                       session_ ? session_->revision() : 0, course_, width, fonts_);
    if (!c.chosen) return;
    switch (c.kind) {
    case SearchDocument::Kind::Section: {
        go(c.target);
        if (view_ == View::Page && nav_.current() == c.target && !c.heading.empty()) {
            page_.pending_heading = c.heading;  // page_view scrolls the section's heading to the top
            redraw_frames_ = std::max(redraw_frames_, kHeadingScrollFrames + 1);
        }
        break;
    }
    case SearchDocument::Kind::Reflection: open_work(c.target); break;
    case SearchDocument::Kind::Artifact: go(kArtifactPrefix + c.target); break;
    }
}

void ReaderApp::draw_export_all() {
    if (session_->profile().artifacts.empty()) return;
    ImGui::Dummy(ImVec2(0, 16));
    if (PageButton("Export all artifacts (Markdown and CSV)##export", ButtonKind::Quiet, fonts_)) {
        const auto dir = session_->store().data_dir() / "exports" / format_date(today_days());
        std::ostringstream written;
        std::string error;
        int md = export_artifacts(session_->profile(), course_, "md", dir, written, &error);
        int csv = md < 0 ? -1 : export_artifacts(session_->profile(), course_, "csv", dir, written, &error);
        export_notice_.message = md < 0 || csv < 0 ? "Not exported: " + error
                                                   : "Wrote " + count_of(md + csv, "file", "files") + " in " + dir.string();
        export_notice_.folder = md + csv > 0 ? dir.string() : std::string();
    }
    probe::last_item("export-all");
    draw_export_notice(export_notice_, "open-export-folder", fonts_);
}

bool ReaderApp::can_go_back() const {
    return link_return_ && view_ == View::Page && nav_.current() == link_return_->to_page;
}

void ReaderApp::go_back() {
    if (!can_go_back()) return;
    const LinkReturn back = *std::exchange(link_return_, std::nullopt);
    go(back.from_page);
    if (view_ != View::Page || nav_.current() != back.from_page) return;
    page_.pending_heading.clear();
    page_.pending_scroll = back.from_scroll;
    redraw_frames_ = std::max(redraw_frames_, 4);
}

void ReaderApp::open_work(const std::string& id) {
    if (id.rfind(kArtifactPrefix, 0) == 0) return go(id);
    go(id);
    reflection_.item_id.clear();  // rebind, so the cursor comes from the stored reflection
    reflection_.focus_on_open = true;
    reflection_.scroll_into_view = true;
}

void ReaderApp::set_view_settings(const ViewSettings& settings, std::optional<Theme> desktop) {
    view_settings_ = settings;
    desktop_theme_ = desktop;
    theme_pending_ = true;
}

bool ReaderApp::take_view_settings_change() {
    const bool changed = view_settings_changed_;
    view_settings_changed_ = false;
    return changed;
}

void ReaderApp::change_view_settings(const ViewSettings& next) {
    if (next.theme == view_settings_.theme && next.text_zoom == view_settings_.text_zoom) return;
    view_settings_ = next;
    view_settings_changed_ = true;
    theme_pending_ = true;
    redraw_frames_ = std::max(redraw_frames_, 2);
}

// Zoom follows the browser's keys: Ctrl+= (and Ctrl++, the keypad's +) larger, Ctrl+- smaller, Ctrl+0 the default,
// and Ctrl with the wheel. In an editor too: none of these types anything. The keys are the ones that type "=",
// "-" and "0" in the learner's layout (ui/input/keyboard_layout.h).
void ReaderApp::handle_zoom_keys() {
    ImGuiIO& io = ImGui::GetIO();
    if (!io.KeyCtrl || io.KeyAlt) return;
    ViewSettings next = view_settings_;
    auto pressed = [](int key) { return ImGui::IsKeyPressed(key, true); };
    if (pressed('=') || pressed(kKeypadAdd)) next.text_zoom = step_zoom(next.text_zoom, +1);
    else if (pressed('-') || pressed(kKeypadSubtract)) next.text_zoom = step_zoom(next.text_zoom, -1);
    else if (pressed('0') || pressed(kKeypad0)) next.text_zoom = 1.0f;
    if (io.MouseWheel != 0.0f && !ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId)) {
        next.text_zoom = wheel_zoom(next.text_zoom, io.MouseWheel, &wheel_zoom_carry_);
        io.MouseWheel = 0.0f;  // a zoom, not a scroll
    }
    change_view_settings(next);
}

void ReaderApp::handle_keys() {
    ImGuiIO& io = ImGui::GetIO();
    // Escape closes an open popup or combo list (the Display menu, a field's choices), as in every desktop app:
    // ImGui 1.86 does that only with keyboard navigation on, which the reader keeps off. Modals (the shortcuts
    // list) handle their own Escape.
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false) &&
        ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId) && !shortcuts_help_open()) {
        ImGui::ClosePopupsExceptModals();
        // Consumed: the page below (a lesson's selection, the search page) must not take the same press as its own.
        io.KeysDownDuration[ImGui::GetKeyIndex(ImGuiKey_Escape)] = 1e-4f;
        return;
    }
    // 'Q' is GLFW_KEY_Q, which ui/input gives to the key that types q in the learner's layout (AZERTY's A key).
    if (io.KeyCtrl && ImGui::IsKeyPressed('Q', false)) quit_requested_ = true;
    const bool text_focused = io.WantTextInput || AnyProseEditorFocused();
    if (shortcuts_help_open()) return;  // the shortcuts list has the keyboard until Escape
    handle_zoom_keys();
    // 'F' is the key that types f in the learner's layout (ui/input), as for Ctrl+Q. Also from the editor: a
    // search box is where every desktop app sends Ctrl+F.
    if (io.KeyCtrl && ImGui::IsKeyPressed('F', false)) {
        go(kSearchPage);
        redraw_frames_ = 2;
        return;
    }
    if (view_ == View::Search && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false)) {
        go(search_from_.empty() ? nav_.current() : search_from_);
        return;
    }
    if (shortcuts_help_requested(text_focused)) {
        open_shortcuts_help();
        redraw_frames_ = 2;
        return;
    }
    if (text_focused) return;  // the editor owns the keyboard while it has focus
    // Turning pages belongs to the course: on My work, Accounts, the dashboard or an artifact, an arrow key must not
    // silently swap the learner's own page for a module.
    if (view_ != View::Page) return;
    auto pressed = [](ImGuiKey key) { return ImGui::IsKeyPressed(ImGui::GetKeyIndex(key)); };
    if (can_go_back() && ((io.KeyAlt && pressed(ImGuiKey_LeftArrow)) || ImGui::IsMouseClicked(3))) {
        go_back();  // after following a link, Alt+Left is a browser's Back; otherwise the previous page
        return;
    }
    const std::string before = nav_.current();
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
    if (moved) {
        redraw_frames_ = 4;
        leave_page();
        view_ = View::Page;
        page_.pending_scroll = 0;
    }
}

std::string ReaderApp::showing_page_id() const {
    switch (view_) {
    case View::Page: return nav_.current();
    case View::MyWork: return kMyWorkPage;
    case View::Accounts: return kAccountsPage;
    case View::Dashboard: return kDashboardPage;
    case View::Records: return kRecordsPage;
    case View::Cohort: return kCohortPage;
    case View::Library: return {};  // like search: the next start (or reopening this course) is where they read
    case View::Artifact: return kArtifactPrefix + artifact_id_;
    case View::RemovedWork: return removed_id_;
    case View::KindPreview: return {};
    case View::Search: return {};
    }
    return {};
}

void ReaderApp::record_resume() {
    // A preview or a search is not a place in the course: the next start goes back to where the learner was.
    if (!session_ || !options_.screenshot.empty()) return;
    const std::string page = showing_page_id();
    if (page.empty()) return;
    session_->set_resume({page, page_.scroll, view_ == View::Page && reflection_.editor.focused});
}

void ReaderApp::draw_removed_work(float width) {
    const Reflection* r = session_->work().reflection(removed_id_);
    const std::string title = r && !r->title.empty() ? r->title : removed_id_;
    StyledText(fonts_.label, palette().warning, "NO LONGER IN THE COURSE", false);
    ImGui::Dummy(ImVec2(0, 4));
    StyledText(fonts_.title, palette().heading, title);
    ImGui::Dummy(ImVec2(0, 8));
    StyledText(fonts_.body.regular, palette().muted, "The course was updated and this module was removed or given a new id. What you wrote "
                       "is kept here, and you can still edit or copy it.");
    ImGui::Dummy(ImVec2(0, 16));
    draw_reflection_panel(reflection_, *session_, removed_id_, title, width, fonts_);
    ImGui::Dummy(ImVec2(0, 16));
    if (PageButton("\xE2\x86\x90  Back to My work", ButtonKind::Quiet, fonts_)) go(kMyWorkPage);
}

float ReaderApp::draw_notices(float x, float column) {
    const float avail = column;
    const float width = reading_column_width(avail, fonts_.body.regular->FontSize);
    const float left = x + std::max(48.0f, (avail - width) * 0.5f);
    const float y0 = ImGui::GetCursorPosY();
    bool any = false;
    auto place = [&] {
        ImGui::SetCursorPos(ImVec2(left, ImGui::GetCursorPosY() + (any ? 0 : 16)));
        any = true;
    };
    if (!notice_text_.empty()) {
        place();
        if (draw_notice("##open", NoticeKind::Warning, notice_title_, notice_text_, width, fonts_, true))
            notice_text_.clear();
    }
    if (can_go_back()) {
        place();
        const CourseItem* item = course_.find_item(link_return_->from_page);
        const Chapter* chapter = item ? nullptr : find_chapter(course_, link_return_->from_page);
        const std::string title = item ? item->title : chapter ? chapter->title : link_return_->from_page;
        const bool same_page = link_return_->from_page == link_return_->to_page;
        const std::string label = std::string("\xE2\x86\x90  ") + (same_page ? "Back to where you were" : "Back to " + title) +
                                  "##link-back";
        ImGui::BeginGroup();  // a group of its own: the line it starts on is the sidebar's, 800 px tall
        if (PageButton(label.c_str(), ButtonKind::Quiet, fonts_)) go_back();
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Alt+Left, or the mouse's back button");
        ImGui::EndGroup();
        ImGui::SetCursorScreenPos(ImVec2(ImGui::GetItemRectMin().x, ImGui::GetItemRectMax().y));
        ImGui::Dummy(ImVec2(1, 10));
    }
    if (session_) {
        const SaveStatus s = session_->status();
        if (s.state == SaveState::Failed) {
            place();
            draw_notice("##save", NoticeKind::Error, "Not saved, retrying",
                        "Your writing is safe in this window and is saved as soon as the disk accepts it. " + s.error,
                        width, fonts_, false);
        }
    }
    return ImGui::GetCursorPosY() - y0;
}

void ReaderApp::draw_page_column() {
    const ImVec2 origin = ImGui::GetCursorPos();
    const float avail = ImGui::GetContentRegionAvail().x;
    const float width = reading_column_width(avail, fonts_.body.regular->FontSize);

    // My work and removed work use the reading column; the learner's own pages (tables, the dashboard) a wider
    // one. Course pages are drawn by page_view.
    const float wide = std::max(280.0f, std::min(avail - 96.0f, 1100.0f));
    auto in_column = [&](float column_width, const std::function<void()>& body) {
        const float x = std::max(48.0f, (avail - column_width) * 0.5f);
        ImGui::SetCursorPos(ImVec2(x, 44));
        ImGui::BeginGroup();
        ImGui::PushTextWrapPos(x + column_width);
        body();
        ImGui::Dummy(ImVec2(0, 64));
        ImGui::PopTextWrapPos();
        ImGui::EndGroup();
    };
    auto column = [&](const std::function<void()>& body) { in_column(width, body); };
    auto wide_column = [&](const std::function<void()>& body) { in_column(wide, body); };
    if (view_ == View::Search) {
        column([&] { draw_search_page(width); });
    } else if (view_ == View::MyWork && session_) {
        std::string open;
        column([&] {
            open = draw_my_work(my_work_, session_->profile(), session_->revision(), course_, width, fonts_);
            draw_export_all();
            draw_recently_deleted(*session_, course_, width, fonts_);
        });
        if (!open.empty()) open_work(open);
    } else if (view_ == View::RemovedWork && session_) {
        column([&] { draw_removed_work(width); });
    } else if (view_ == View::Accounts && session_) {
        std::string open;
        wide_column([&] { open = draw_accounts_view(accounts_, *session_, course_, wide, fonts_); });
        if (!open.empty()) go(kArtifactPrefix + open);
    } else if (view_ == View::Dashboard && session_) {
        std::string open;
        wide_column([&] { open = draw_health_dashboard(dashboard_, *session_, course_, wide, fonts_); });
        if (!open.empty()) go(kArtifactPrefix + open);
    } else if (view_ == View::Records && records_) {
        bool cohort = false;
        column([&] { cohort = draw_learning_records_view(records_view_, *records_, width, fonts_); });
        if (cohort) go(kCohortPage);
    } else if (view_ == View::Cohort) {
        wide_column([&] { draw_cohort_view(cohort_view_, course_, records_, wide, fonts_); });
    } else if (view_ == View::Library) {
        LibraryViewResult r;
        column([&] { r = draw_library_view(library_, options_.content_dir, course_.title, width, fonts_); });
        if (!r.open_folder.empty()) {
            open_course(r.open_folder);
            return;
        }
        if (r.back) {
            view_ = View::Page;
            page_.pending_scroll = 0;
            redraw_frames_ = 4;
            return;
        }
    } else if (view_ == View::KindPreview) {
        wide_column([&] { draw_artifact_kind_preview(page_.kind_preview, course_, preview_kind_, wide, fonts_); });
    } else if (view_ == View::Artifact && session_) {
        ArtifactViewResult r;
        wide_column([&] { r = draw_artifact_view(artifact_view_, *session_, course_, artifact_id_, wide, fonts_); });
        if (r.deleted) {
            artifact_view_ = ArtifactViewState();  // nothing of the deleted artifact's editors carries over
            go(kMyWorkPage);
        }
        else go(r.go);
    } else {
        PageHooks hooks;
        if (session_) {
            hooks.reflection_editor = [&](const CourseItem& item, float w) {
                draw_reflection_panel(reflection_, *session_, item.id, item.title, w, fonts_,
                                      item.kind == ItemKind::Homework
                                          ? "Your notes on this assignment: what you did, what you found. They save by themselves."
                                          : "");
                ImGui::Dummy(ImVec2(0, 10));
                const std::string open = draw_artifact_links(links_, *session_, course_, item, w, fonts_);
                if (!open.empty()) pending_go_ = kArtifactPrefix + open;
            };
            hooks.item_footer = [&](const CourseItem& item, float w) {
                draw_completion_bar(*session_, item, w, fonts_);
                ImGui::Dummy(ImVec2(0, 8));
                draw_save_page_pdf(page_.pdf, course_, item, session_->profile(),
                                   session_->store().data_dir() / "exports", fonts_);
            };
        }
        ImGui::SetCursorPos(origin);  // draw_page centres its column in the width it finds
        go(draw_page(page_, course_, nav_, hooks, fonts_));
        go(std::exchange(pending_go_, std::string()));
        open_page_link(take_page_link());  // an in-app link clicked in the page's text
        return;
    }
    if (page_.pending_scroll >= 0) {
        ImGui::SetScrollY(page_.pending_scroll);
        page_.pending_scroll = -1;
    }
    page_.scroll = ImGui::GetScrollY();
}

void ReaderApp::frame() {
    ImGuiIO& io = ImGui::GetIO();
    handle_keys();
    if (theme_pending_) {  // before anything is drawn: the whole frame in one palette
        use_theme(resolve_theme(view_settings_, desktop_theme_), &ImGui::GetStyle());
        theme_pending_ = false;
    }

    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(io.DisplaySize);
    // No background: the window loop clears to palette().page, and on software rendering a window-sized blended
    // quad over that clear was a fifth of what rasterising a frame cost.
    ImGui::Begin("##root", nullptr, kPlainWindow | ImGuiWindowFlags_NoBackground);

    // Sidebar.
    ImGui::PushStyleColor(ImGuiCol_ChildBg, palette().sidebar);
    const float sidebar_w = sidebar_width(io.DisplaySize.x);
    ImGui::BeginChild("##sidebar", ImVec2(sidebar_w, io.DisplaySize.y), false);
    SidebarModel sidebar;
    sidebar.course = &course_;
    const std::string current = view_ == View::MyWork      ? std::string(kMyWorkPage)
                                : view_ == View::Accounts  ? std::string(kAccountsPage)
                                : view_ == View::Dashboard ? std::string(kDashboardPage)
                                : view_ == View::Records   ? std::string(kRecordsPage)
                                : view_ == View::Search    ? std::string(kSearchPage)
                                : view_ == View::Library   ? std::string(kLibraryPage)
                                : view_ == View::Page      ? nav_.current()
                                                           : std::string();
    sidebar.current = &current;
    // Follow the page when it changed by keys, cards or resume (a click in the sidebar is already in view).
    sidebar.reveal_current = current != sidebar_shown_;
    sidebar_shown_ = current;
    if (session_) {
        const Profile& profile = session_->profile();
        const CourseWork& work = session_->work();
        sidebar.item_state = [&](const std::string& id) { return item_state(work, id); };
        sidebar.chapter_progress = [&](const Chapter& ch) { return chapter_progress(work, ch); };
        // Counting what has writing scans every reflection: once per change to the profile, not per frame.
        if (work_count_revision_ != session_->revision()) {
            work_count_ = static_cast<int>(list_work(work, course_).size() + profile.artifacts.size());
            work_count_revision_ = session_->revision();
        }
        sidebar.work_count = work_count_;
        sidebar.account_count = static_cast<int>(profile.accounts.size());
        for (const ArtifactKind& k : course_.artifact_kinds) sidebar.has_dashboard |= k.dashboard;
        sidebar.records_detail = records_detail();
        sidebar.library_count = library_count_;
    }
    sidebar.display_detail = display_detail(view_settings_, current_theme());
    std::string clicked = draw_sidebar(sidebar, fonts_);
    ImGui::EndChild();
    ImGui::PopStyleColor();
    if (clicked == kDisplayMenu) open_display_menu_ = true;
    else go(clicked);

    // Reading column: notices stay in view above it, whatever the scroll position.
    ImGui::SameLine(0, 0);
    const ImVec2 column_origin = ImGui::GetCursorPos();
    const float notices_h = notices_height_ =
        draw_notices(column_origin.x, io.DisplaySize.x - sidebar_w - ImGui::GetStyle().ScrollbarSize);
    ImGui::SetCursorPos(ImVec2(column_origin.x, column_origin.y + notices_h));
    // The root window must never have anything to scroll: the child ends exactly at the bottom edge.
    ImGui::BeginChild("##page", ImVec2(0, io.DisplaySize.y - notices_h - ImGui::GetStyle().ItemSpacing.y), false);
    if (!io.WantTextInput && !AnyProseEditorFocused() && !shortcuts_help_open()) {  // unless the editor has the keys
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
    draw_page_column();
    ImGui::EndChild();
    ImGui::End();
    draw_shortcuts_help(fonts_);  // outside every window: the modal is drawn over the whole app
    draw_display_menu_popup();

    if (session_) {
        record_resume();
        session_->tick();
        if (records_) {
            records_->observe(session_->profile(), now_millis());
            const std::string problem = records_->take_problem();
            if (!problem.empty()) show_notice("Learning records", problem);
        }
    }
    if (link_return_ && !can_go_back()) link_return_.reset();  // the learner moved on: the way back is gone
    if (redraw_frames_ > 0) --redraw_frames_;
}

void ReaderApp::draw_display_menu_popup() {
    if (open_display_menu_) {
        ImGui::OpenPopup("##display-menu");
        open_display_menu_ = false;
    }
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(16, 14));
    if (ImGui::BeginPopup("##display-menu")) {
        ViewSettings next = view_settings_;
        if (draw_display_menu(next, desktop_theme_, fonts_)) change_view_settings(next);
        ImGui::EndPopup();
    }
    ImGui::PopStyleVar();
}

}  // namespace gw::ui
