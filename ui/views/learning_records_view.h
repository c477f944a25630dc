#pragma once
// "Learning records": where the learner's progress goes (an xAPI LRS), what is shared, and whether it has gone.
// The view only draws and edits a draft; runtime/xapi/learning_records.h does the saving and sending.
#include <string>

#include "runtime/xapi/learning_records.h"
#include "ui/fonts.h"

namespace gw::ui {

// The form's draft, kept across frames; loaded from the service's settings the first time it is drawn.
struct LearningRecordsViewState {
    bool loaded = false;
    std::string endpoint, key, secret, display_name;
    int sharing = 0;  // 0 progress only, 1 progress and writing
    std::string message;  // after Save / Turn off
    bool message_is_error = false;
};

// Returns true when the trainer's "Cohort report" link was clicked.
bool draw_learning_records_view(LearningRecordsViewState& state, xapi::LearningRecords& records, float width,
                                const Fonts& fonts);

}  // namespace gw::ui
