#pragma once
// The learner's accounts: name, current and potential annual value (the gap is the opportunity), tier, notes,
// and the artifacts each one has.
#include <string>

#include "progress/work_session.h"
#include "runtime/course/course.h"
#include "ui/fonts.h"

namespace gw::ui {

struct AccountsViewState {
    std::string new_name;
};

// Returns an artifact id to open, or "".
std::string draw_accounts_view(AccountsViewState& state, WorkSession& session, const Course& course, float width,
                               const Fonts& fonts);

// "$1,250,000": money as the learner reads it.
std::string format_money(double value);

}  // namespace gw::ui
