#include "runtime/course/work_list.h"

#include <algorithm>

namespace gw {

std::vector<WorkEntry> list_work(const CourseWork& work, const Course& course) {
    std::vector<WorkEntry> out;
    for (const auto& [id, reflection] : work.reflections) {
        if (!work.has_writing(id)) continue;
        WorkEntry e;
        e.id = id;
        e.reflection = &reflection;
        if (const CourseItem* item = course.find_item(id)) {
            e.in_course = true;
            e.title = item->title;
            e.where = (item->kind == ItemKind::Homework ? "Homework " : "Module ") + std::to_string(item->number);
        } else {
            e.title = reflection.title.empty() ? id : reflection.title;
            e.where = "No longer in the course";
        }
        out.push_back(std::move(e));
    }
    std::stable_sort(out.begin(), out.end(), [](const WorkEntry& a, const WorkEntry& b) {
        return a.reflection->edited > b.reflection->edited;
    });
    return out;
}

}  // namespace gw
