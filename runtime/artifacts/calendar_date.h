#pragma once
// Dates as the artifacts store them: "YYYY-MM-DD" text, counted in whole days for rules and the dashboard.
#include <optional>
#include <string>

namespace gw {

// Days since 1970-01-01 for a valid "YYYY-MM-DD"; nullopt for anything else (including 2026-02-30).
std::optional<long> parse_date(const std::string& text);
std::string format_date(long days);
// Monday of the week the day falls in: the dashboard's columns.
long week_start(long days);
long today_days();

}  // namespace gw
