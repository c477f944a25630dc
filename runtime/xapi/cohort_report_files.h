#pragma once
// The cohort report for trainers without an LRS: from a folder of learners' `groundwork export` files (one JSON
// profile each, progress/profile_json.h), read against the course they work through.
#include <filesystem>

#include "runtime/course/course.h"
#include "runtime/xapi/cohort_report.h"

namespace gw::xapi {

// Largest export file read (bytes): a real profile is a few hundred KB; anything far bigger is not one.
inline constexpr std::uintmax_t kMaxExportFileBytes = 64u * 1024 * 1024;

// One learner per `*.json` file directly in `folder` (not below it), named by the file name without ".json"
// (key "file:<name>"). From each: modules and homework done (an id is homework when `course` says so, else a
// module: work on a module the trainer removed still counts), each chapter's progress as the course page counts it
// (runtime/course/course_progress.h), the last activity (the newest done_at or edited time of progress,
// reflections, accounts and artifacts), and each account's latest health audit colour, as the health dashboard
// computes it from the audits' values for every `dashboard: true` kind (runtime/artifacts/health_dashboard.h).
// `filter.since` keeps only items done, edits and audits dated at or after it; course_id and iri_base do not
// apply (an export file holds no course id). A file that cannot be read or is not a profile becomes a problem
// "<path>: <reason>" and the other files still make the report; so does a missing or unreadable folder, and any
// other entry (a file not ending in .json, a sub-folder) is named in notes as skipped.
CohortReport cohort_from_export_folder(const std::filesystem::path& folder, const Course& course,
                                       const CohortFilter& filter);

}  // namespace gw::xapi
