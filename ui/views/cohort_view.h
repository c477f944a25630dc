#pragma once
// "Cohort": the trainer's report in the app (issue 12), the same rows as `groundwork cohort`: per learner, modules
// and homework done, chapter progress, last activity and health audits, read from a folder of learners' export
// files or from the LRS set under Learning records. Reading happens on a worker thread; the view only draws.
#include <future>
#include <optional>
#include <string>

#include "runtime/course/course.h"
#include "runtime/xapi/cohort_report.h"
#include "runtime/xapi/learning_records.h"
#include "ui/fonts.h"

namespace gw::ui {

struct CohortViewState {
    std::string folder;                           // the export-files folder typed in
    std::future<xapi::CohortReport> loading;      // a read in progress
    std::optional<xapi::CohortReport> report;     // the last one read
    std::string source;                           // "from /path" or "from the LRS"
    std::string error;                            // why the last read failed
    std::vector<size_t> order;                    // rows in the table's sort order (indices into report->learners)
};

// `records` may be null (no LRS source then).
void draw_cohort_view(CohortViewState& state, const Course& course, const xapi::LearningRecords* records, float width,
                      const Fonts& fonts);

// The share of the course's modules and homework a learner has done, 0..100, rounded to nearest.
int course_share_done(const xapi::LearnerReport& learner, const Course& course);

}  // namespace gw::ui
