#pragma once
// What the learner has done, counted the way the course page shows it: "N / 13 · P%", "N/10 modules · N/3
// homework", and a state per item.
#include <string>

#include "progress/profile.h"
#include "runtime/course/course.h"

namespace gw {

enum class ItemState { NotStarted, Started, Done };

// Done wins; a reflection with any writing in it counts as started.
ItemState item_state(const CourseWork& work, const std::string& id);

struct ChapterProgress {
    int modules_done = 0, modules_total = 0;
    int homework_done = 0, homework_total = 0;
    int done() const { return modules_done + homework_done; }
    int total() const { return modules_total + homework_total; }
    int percent() const { return total() ? (done() * 100 + total() / 2) / total() : 0; }
};

// `work` is the learner's work in the chapter's course (Profile::work(course.id)).
ChapterProgress chapter_progress(const CourseWork& work, const Chapter& chapter);

}  // namespace gw
