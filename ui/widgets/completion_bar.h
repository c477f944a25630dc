#pragma once
// The end of a module or homework page: mark it done (or not done again).
#include <string>

#include "progress/work_session.h"
#include "runtime/course/course.h"
#include "ui/fonts.h"

namespace gw::ui {

void draw_completion_bar(WorkSession& session, const CourseItem& item, float width, const Fonts& fonts);

}  // namespace gw::ui
