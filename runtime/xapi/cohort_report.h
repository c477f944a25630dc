#pragma once
// The trainer's cohort report (issue 12): per learner, what they have done in a course, read from xAPI statements
// (an LRS's or a file's) or from learners' `groundwork export` files (runtime/xapi/cohort_report_files.h). Pure:
// no network, no files; runtime/cli/cohort_command reads, runtime/xapi/cohort_report_format prints.
#include <nlohmann/json.hpp>

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "runtime/xapi/statement.h"

namespace gw::xapi {

// One health audit's latest colour, as the health dashboard colours it: red, yellow, green or grey.
struct HealthAuditStatus {
    std::string name;    // the account's name (or the artifact's title when a statement names no account)
    std::string colour;  // red / yellow / green / grey
    Millis when = 0;     // the statement's timestamp, or the audit's date (midnight UTC) in an export file
};

struct LearnerReport {
    std::string key;   // who: "account:<homePage>|<name>", "mbox:<mailto:...>", or "file:<name>" for an export file
    std::string name;  // the display name when the statements give one, else the account name or mbox; file stem
    std::vector<std::string> modules_done;   // item ids, sorted; completions voided later are not here
    std::vector<std::string> homework_done;  // item ids, sorted
    std::map<std::string, int> chapter_progress;  // chapter id -> the latest progress, 0..100
    Millis last_activity = 0;                     // the newest timestamp seen; 0 = none in the window
    std::vector<HealthAuditStatus> health_audits;  // sorted by name
};

struct CohortReport {
    std::vector<LearnerReport> learners;  // sorted by name, then key
    // Inputs that could not be read, each "what: why" (a file name and its reason). The rest of the report stands.
    std::vector<std::string> problems;
    // What was left out on purpose and why: a file not ending in .json, statements naming no learner. Shown to the
    // trainer, but nothing failed to read.
    std::vector<std::string> notes;
};

// Which statements count.
struct CohortFilter {
    // Only activities under this course id ("<base><course-id>/<kind>/<id>", statement.h activity_iri); "" = all.
    std::string course_id;
    // When not empty, the activity IRI must also start with this base (course.md xapi_base:, else kDefaultIriBase).
    std::string iri_base;
    // Only what happened at or after this time (statement timestamp; an export file's done_at / edited / audit date).
    std::optional<Millis> since;
    // Artifact kinds that are health audits (the course's `dashboard: true` kinds). An artifact statement whose
    // `kind` status extension names another kind is not a health audit; one without a `kind` extension counts when
    // it carries a colour.
    std::set<std::string> health_kinds;
};

// "<base><course>/<kind>/<id>" taken apart, the segments percent-decoded. `kind` is "" for a course IRI
// ("<base><course>"), in which case `course` is its last segment. nullopt when the IRI has no such shape.
struct ActivityIriParts {
    std::string base;  // up to and including the '/' before the course segment
    std::string course;
    std::string kind;  // module, homework, chapter, reflection, artifact, or "" for the course itself
    std::string id;
};
std::optional<ActivityIriParts> parse_activity_iri(const std::string& iri);

// ISO 8601 date-time as xAPI timestamps are written (2026-11-30T07:41:05.123Z, offsets such as +02:00 and
// -0500, fractions of any length, a space instead of 'T') or a plain date "YYYY-MM-DD" (midnight UTC), in
// milliseconds since the Unix epoch. nullopt for anything else, including impossible dates.
std::optional<Millis> parse_timestamp(const std::string& text);

// The report from statements as an LRS lists them (any order, duplicates by id allowed: paging may repeat one).
// Per actor (account homePage + name, else mbox; statements without either are skipped, and counted in notes):
// completed minus voided completions (a `voided` statement's StatementRef removes the completion it names, for
// statements read from files: an LRS already leaves voided ones out of its lists), module vs homework from the
// activity IRI's kind, the latest `progressed` per chapter (cmi5 progress extension), the latest timestamp, and
// each health audit's latest colour from artifact statements' status extensions (kExtensionBase + "colour", or
// "color"; the account from "account", else the object's name, else its id; see docs/xapi.md "Cohort report").
CohortReport cohort_from_statements(const std::vector<nlohmann::json>& statements, const CohortFilter& filter);

// Sorts learners by name then key, their ids and audits too: every source ends with this.
void sort_report(CohortReport& report);

}  // namespace gw::xapi
