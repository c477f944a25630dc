#pragma once
// Accounts by week, red / yellow / green from their health audits: the portfolio at a glance.
#include <string>

#include "progress/work_session.h"
#include "runtime/course.h"
#include "ui/fonts.h"

namespace gw::ui {

// Returns an artifact id to open (an audit clicked, or a new one created), or "".
std::string draw_health_dashboard(WorkSession& session, const Course& course, float width, const Fonts& fonts);

}  // namespace gw::ui
