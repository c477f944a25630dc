#pragma once
// The learner's accounts: name, current and potential annual value (the gap is the opportunity), tier, notes,
// and the artifacts each one has.
#include <string>

#include "progress/work_session.h"
#include "runtime/artifacts/money.h"
#include "runtime/course/course.h"
#include "ui/editor/field_editors.h"
#include "ui/fonts.h"

namespace gw::ui {

struct AccountsViewState {
    std::string new_name;
    std::string delete_account;  // the account whose delete waits for "Delete" or "Keep it"; "" = none
    TypedDrafts drafts;  // amounts typed that do not read yet, with their messages
};

// Returns an artifact id to open, or "".
std::string draw_accounts_view(AccountsViewState& state, WorkSession& session, const Course& course, float width,
                               const Fonts& fonts);

// "$1,250,000": money as the learner reads it, in US dollars (runtime/artifacts/money.h formats any currency).
std::string format_money(double value);

// The portfolio line under the title: "3 accounts · $1,250,000 today · $700,000 of room to grow". Sums only the
// amounts entered (an empty one is not 0) and says how many are missing; "—" when none is entered.
std::string portfolio_summary(const Profile& profile);

}  // namespace gw::ui
