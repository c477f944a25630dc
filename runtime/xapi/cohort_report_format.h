#pragma once
// The cohort report printed for a trainer: CSV for a spreadsheet, a Markdown table, or JSON for scripts.
#include <string>

#include "runtime/xapi/cohort_report.h"

namespace gw::xapi {

enum class CohortFormat { Csv, Markdown, Json };

// "csv", "md" or "json"; nullopt for anything else.
std::optional<CohortFormat> cohort_format_named(const std::string& name);

// One row per learner, in the report's order (by name), with the columns learner, modules done, homework done
// (counts), chapter progress ("40%", or "ch-a 40%; ch-b 10%" for several chapters), last activity (ISO 8601 UTC,
// empty when none) and health audits ("Acme: red; Globex: green").
// - Csv: RFC 4180 after a UTF-8 byte order mark, every cell through csv_field (runtime/artifacts/export_escaping.h:
//   a learner or account name cannot run as a spreadsheet formula); counts are numbers, the rest text.
// - Markdown: a GFM table, every cell through markdown_text(TableCell); a line says so when there are no learners.
// - Json: {"learners": [{"learner", "key", "modules_done": [ids], "homework_done": [ids], "chapter_progress":
//   {chapter: percent}, "last_activity": ISO or null, "health_audits": [{"account", "colour", "at"}]}],
//   "problems": [text]}: the ids themselves, not only their counts.
// Problems are not in the csv and md output (the command prints them to standard error).
std::string format_cohort_report(const CohortReport& report, CohortFormat format);

}  // namespace gw::xapi
