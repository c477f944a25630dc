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

// A month of the Gregorian calendar, for the date picker's grid. month is 1..12.
struct YearMonth {
    int year = 1970;
    int month = 1;
    bool operator==(const YearMonth& o) const { return year == o.year && month == o.month; }
};
// The month a day (days since 1970-01-01) falls in.
YearMonth year_month_of(long days);
// `n` months later (earlier when negative), across year ends: add_months({2026, 12}, 1) is {2027, 1}.
YearMonth add_months(YearMonth ym, int n);
// 28 to 31; February has 29 in leap years (every fourth year, but not centuries unless divisible by 400).
int days_in_month(YearMonth ym);
// Days since 1970-01-01 of the month's first day.
long first_day_of(YearMonth ym);
// 0 = Monday ... 6 = Sunday.
int weekday_of(long days);
// The weekday a learner's calendar starts its weeks on (0 = Monday, 6 = Sunday), from the POSIX locale variables as
// locale_date_order reads them: Sunday for the US, Canada, the Philippines, Japan, Brazil, Israel and Mexico (CLDR's
// firstDay), Monday for every other named locale and for C/POSIX or none (ISO 8601).
int locale_first_weekday();
// The first day the month's grid shows: the `first_weekday` on or before the month's first day, so a grid of six
// rows of seven days from it holds the whole month.
long month_grid_start(YearMonth ym, int first_weekday);

struct TypedDate {
    std::optional<long> day;  // days since 1970-01-01 when read
    std::string error;        // otherwise, when the text is not blank: what was not understood and what to write
};
// A date as a learner types it: ISO "2026-12-10" (also "2026/12/10") always; "10/12/2026", "10.12.2026" or
// "10-12-2026" in `order`. With order Unknown a day above 12 settles it ("25/12/2026"); "10/12/2026" is refused
// with a message naming both readings and the ISO form. Years must have four digits. Blank: neither day nor error.
TypedDate parse_typed_date(const std::string& text, DateOrder order);

}  // namespace gw
