#pragma once
// Accounts by week, red / yellow / green from their health audits: the portfolio at a glance.
#include <string>

#include "progress/work_session.h"
#include "runtime/course/course.h"
#include "runtime/artifacts/health_dashboard.h"
#include "ui/fonts.h"

namespace gw::ui {

// Rules are evaluated once per change to the profile, not per frame.
struct HealthDashboardState {
    std::uint64_t revision = 0;
    long today = 0;
    int weeks = 0;
    const Course* course = nullptr;
    Dashboard dashboard;
};

// Returns an artifact id to open (an audit clicked, or a new one created), or "".
std::string draw_health_dashboard(HealthDashboardState& state, WorkSession& session, const Course& course,
                                  float width, const Fonts& fonts);

}  // namespace gw::ui
