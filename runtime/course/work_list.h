#pragma once
// "My work": every reflection the learner has written, newest first, including work whose module has since been
// removed from the course (listed under the title it had when last opened).
#include <string>
#include <vector>

#include "progress/profile.h"
#include "runtime/course/course.h"

namespace gw {

struct WorkEntry {
    std::string id;
    std::string title;   // current title, or the remembered one when the module is gone
    std::string where;   // "Module 2", "Homework 1", or "No longer in the course"
    bool in_course = false;
    const Reflection* reflection = nullptr;  // points into the profile: valid until it changes
};

// `work` is the learner's work in `course` (Profile::work(course.id)); run apply_id_aliases first so that work under
// a renamed id is listed under its new item (runtime/course/id_aliases.h).
std::vector<WorkEntry> list_work(const CourseWork& work, const Course& course);

}  // namespace gw
