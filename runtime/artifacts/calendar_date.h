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

// The order a learner writes day, month and year in when not writing ISO dates. From the POSIX locale variables
// (LC_ALL, then LC_TIME, then LANG): US, Philippine and Canadian English write month first; every other named
// locale day first (CLDR's short date patterns); C/POSIX or none: unknown, so only an unambiguous date is read.
enum class DateOrder { Unknown, DayMonthYear, MonthDayYear };
DateOrder locale_date_order();

struct TypedDate {
    std::optional<long> day;  // days since 1970-01-01 when read
    std::string error;        // otherwise, when the text is not blank: what was not understood and what to write
};
// A date as a learner types it: ISO "2026-12-10" (also "2026/12/10") always; "10/12/2026", "10.12.2026" or
// "10-12-2026" in `order`. With order Unknown a day above 12 settles it ("25/12/2026"); "10/12/2026" is refused
// with a message naming both readings and the ISO form. Years must have four digits. Blank: neither day nor error.
TypedDate parse_typed_date(const std::string& text, DateOrder order);

}  // namespace gw
