#pragma once
// "Library": the installed courses (issue 9), as the course web page's course index shows them: title, version,
// description and the learner's progress in each, and a button that opens one. The list is read by ReaderApp
// (CourseLibrary, runtime/course/course_library.h) when the page opens; this view only draws it.
#include <string>
#include <vector>

#include "runtime/course/course_library.h"
#include "runtime/course/course_progress.h"
#include "ui/fonts.h"

namespace gw::ui {

struct LibraryEntry {
    InstalledCourse course;
    ChapterProgress progress;  // whole_course_progress of the learner's profile
};

struct LibraryViewState {
    bool loaded = false;
    std::vector<LibraryEntry> entries;
    std::string library_folder;  // <data>/courses, shown so a trainer knows where installs go
    std::string message;         // why the last open failed, or ""
};

struct LibraryViewResult {
    std::string open_folder;  // the course the learner asked to open, or ""
    bool back = false;        // "Back to <course>"
};

// `current_folder`: the folder of the course open now (its card says so instead of offering to open it);
// `current_title`: its title, for the back link.
LibraryViewResult draw_library_view(const LibraryViewState& state, const std::string& current_folder,
                                    const std::string& current_title, float width, const Fonts& fonts);

}  // namespace gw::ui
