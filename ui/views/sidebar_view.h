#pragma once
// The left column: course and chapter, progress, categories with their modules, homework.
#include <functional>
#include <string>

#include "runtime/course/course.h"
#include "runtime/course/course_progress.h"
#include "ui/fonts.h"

namespace gw::ui {

// The page id the sidebar returns for its "My work" row; course ids cannot start with '@'.
inline constexpr const char* kMyWorkPage = "@my-work";
inline constexpr const char* kAccountsPage = "@accounts";
inline constexpr const char* kDashboardPage = "@dashboard";
inline constexpr const char* kArtifactPrefix = "@artifact:";  // followed by the artifact's id
inline constexpr const char* kRecordsPage = "@records";  // where learning records go (xAPI LRS)
inline constexpr const char* kCohortPage = "@cohort";    // the trainer's cohort report
inline constexpr const char* kSearchPage = "@search";    // search across the course and the learner's work
inline constexpr const char* kLibraryPage = "@library";  // the installed courses (issue 9)
// Not a page: draw_sidebar returns it when the Display row is clicked, and the host opens the Display popup.
inline constexpr const char* kDisplayMenu = "@display";

struct SidebarModel {
    const Course* course = nullptr;
    const std::string* current = nullptr;
    std::function<ItemState(const std::string& id)> item_state;           // optional
    std::function<ChapterProgress(const Chapter&)> chapter_progress;      // optional
    int work_count = -1;  // reflections and artifacts, for the "My work" row; -1 hides the learner's rows
    int account_count = 0;
    bool reveal_current = false;  // scroll the current page's row into view (after a jump, at start)
    bool has_dashboard = false;
    std::string dashboard_detail;  // "2 at risk"
    std::string records_detail;    // "off", "synced", "3 waiting", "needs key"
    int library_count = -1;        // installed courses, for the "Library" row under the course title; -1 hides it
    std::string display_detail;    // the Display row's "Dark · 125%"; "" hides the row
};

// The line under a row's title: "12 min  ·  started", "done", "has errors"; "homework" only for a homework row with
// nothing else to say; "" for a module without minutes: that is not started.
std::string item_row_detail(const CourseItem& item, ItemState state);

// Under the chapter's progress bar: "2/8 modules  ·  1/3 homework"; the homework part only when the chapter has some.
std::string chapter_counts(const ChapterProgress& p);

// Returns the page the learner clicked, or an empty string.
std::string draw_sidebar(const SidebarModel& model, const Fonts& fonts);

}  // namespace gw::ui
