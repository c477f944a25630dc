// Dates as artifacts store them ("YYYY-MM-DD"), counted in whole days: parsing, formatting, the Monday of a week.
#include <doctest/doctest.h>

#include <cstdlib>
#include <string>

#include "runtime/artifacts/calendar_date.h"

using namespace gw;

namespace {

long day(const char* text) {
    auto d = parse_date(text);
    REQUIRE_MESSAGE(d.has_value(), "not a date: " << text);
    return *d;
}

}  // namespace

TEST_CASE("parse_date counts days from 1970-01-01") {
    CHECK(parse_date("1970-01-01") == 0L);
    CHECK(parse_date("1970-01-02") == 1L);
    CHECK(parse_date("1969-12-31") == -1L);
    CHECK(parse_date("2000-03-01") == 11017L);
    CHECK(parse_date("2026-11-24") == 20781L);
    CHECK(day("2027-01-01") - day("2026-12-31") == 1);
    CHECK(day("2026-03-01") - day("2026-02-28") == 1);  // 2026 is a common year
    CHECK(day("2028-03-01") - day("2028-02-28") == 2);  // 2028 is a leap year
    CHECK(day("2027-01-01") - day("2026-01-01") == 365);
    CHECK(day("2029-01-01") - day("2028-01-01") == 366);
}

TEST_CASE("parse_date accepts real calendar days only") {
    CHECK(parse_date("2024-02-29"));  // leap day
    CHECK(parse_date("2000-02-29"));  // divisible by 400: a leap year
    CHECK(parse_date("2026-12-31"));
    CHECK_FALSE(parse_date("2026-02-29"));  // not a leap year
    CHECK_FALSE(parse_date("1900-02-29"));  // divisible by 100 only: not a leap year
    CHECK_FALSE(parse_date("2026-02-30"));  // would normalise to March 2nd
    CHECK_FALSE(parse_date("2026-04-31"));
    CHECK_FALSE(parse_date("2026-13-01"));
    CHECK_FALSE(parse_date("2026-00-10"));
    CHECK_FALSE(parse_date("2026-01-00"));
    CHECK_FALSE(parse_date("2026-01-32"));
}

TEST_CASE("parse_date accepts only the YYYY-MM-DD shape") {
    for (const char* text : {"", "garbage", "abcdefghij", "2026-1-5", "2026-01-5", "26-01-05", "2026/01/05",
                             "05.01.2026", "2026-01-05 ", " 2026-01-05", "2026-01-05T10:00", "2026-01-0x",
                             "20260105", "2026-Jan-05", "----------"}) {
        CAPTURE(text);
        CHECK_FALSE(parse_date(text));
    }
}

// glibc's strptime skips blanks before a number, so "2026- 1- 5" reads as 2026-01-05. The app's date editor cannot
// type blanks, but a hand-edited or imported profile can: parse_date insists on digits.
TEST_CASE("parse_date rejects blanks padding the month or day") {
    CHECK_FALSE(parse_date("2026- 1- 5"));
    CHECK_FALSE(parse_date("2026-01- 5"));
}

TEST_CASE("format_date writes YYYY-MM-DD and round-trips with parse_date") {
    CHECK(format_date(0) == "1970-01-01");
    CHECK(format_date(-1) == "1969-12-31");
    CHECK(format_date(20781) == "2026-11-24");
    CHECK(format_date(day("2026-12-31") + 1) == "2027-01-01");
    CHECK(format_date(day("2028-02-28") + 1) == "2028-02-29");
    CHECK(format_date(day("2026-02-28") + 1) == "2026-03-01");
    for (const char* text : {"2026-01-05", "2024-02-29", "1999-12-31", "2000-01-01", "2038-01-19", "2038-01-20",
                             "2100-03-01"}) {
        CAPTURE(text);
        CHECK(format_date(day(text)) == text);
    }
    // Every day of several years, through leap days and year ends.
    const long from = day("2023-12-01"), to = day("2029-01-31");
    std::string previous = format_date(from - 1);
    for (long d = from; d <= to; ++d) {
        const std::string text = format_date(d);
        REQUIRE(text.size() == 10);
        REQUIRE(parse_date(text) == d);
        REQUIRE(text > previous);  // the text sorts as the days do
        previous = text;
    }
}

TEST_CASE("week_start gives the Monday of the week") {
    const long monday = day("2026-11-23");
    CHECK(week_start(day("2026-11-23")) == monday);  // a Monday is its own week start
    CHECK(week_start(day("2026-11-24")) == monday);  // Tuesday
    CHECK(week_start(day("2026-11-28")) == monday);  // Saturday
    CHECK(week_start(day("2026-11-29")) == monday);  // Sunday ends the week, it does not start one
    CHECK(week_start(day("2026-11-30")) == day("2026-11-30"));  // the next Monday
    CHECK(format_date(week_start(day("2026-11-29"))) == "2026-11-23");
}

TEST_CASE("week_start across a year end and before 1970") {
    // 2027-01-01 is a Friday; its week began on Monday 2026-12-28.
    CHECK(format_date(week_start(day("2027-01-01"))) == "2026-12-28");
    CHECK(format_date(week_start(day("2027-01-03"))) == "2026-12-28");  // Sunday
    CHECK(format_date(week_start(day("2027-01-04"))) == "2027-01-04");  // Monday
    CHECK(format_date(week_start(day("2026-01-01"))) == "2025-12-29");  // Thursday
    // 1970-01-01 was a Thursday: day 0 and the days just before it.
    CHECK(format_date(week_start(0)) == "1969-12-29");
    CHECK(format_date(week_start(-1)) == "1969-12-29");
    CHECK(format_date(week_start(-3)) == "1969-12-29");  // Monday 1969-12-29 itself
    CHECK(format_date(week_start(-4)) == "1969-12-22");  // Sunday 1969-12-28
}

TEST_CASE("week_start: seven days share a Monday, then the next week starts") {
    const long monday = day("2026-12-28");
    for (long d = monday; d < monday + 7; ++d) {
        CAPTURE(format_date(d));
        CHECK(week_start(d) == monday);
        CHECK(week_start(week_start(d)) == monday);
    }
    CHECK(week_start(monday - 1) == monday - 7);
    CHECK(week_start(monday + 7) == monday + 7);
    // Every result is a Monday: a whole number of weeks from Monday 1969-12-29 (day -3).
    for (long d = day("2025-01-01"); d < day("2027-01-01"); ++d) REQUIRE(((week_start(d) + 3) % 7 + 7) % 7 == 0);
}

TEST_CASE("today_days is a real, recent day") {
    const long today = today_days();
    CHECK(today > day("2025-01-01"));
    CHECK(today < day("2100-01-01"));
    CHECK(parse_date(format_date(today)) == today);
}

TEST_CASE("month arithmetic for the date picker: first days, lengths, weekdays, year ends") {
    CHECK(first_day_of({1970, 1}) == 0);
    CHECK(first_day_of({2026, 12}) == day("2026-12-01"));
    CHECK(first_day_of({1969, 12}) == day("1969-12-01"));
    CHECK(year_month_of(day("2026-12-31")) == YearMonth{2026, 12});
    CHECK(year_month_of(day("2027-01-01")) == YearMonth{2027, 1});
    CHECK(year_month_of(-1) == YearMonth{1969, 12});
    // Every day of four years round-trips through its month.
    for (long d = day("2027-01-01"); d < day("2031-01-01"); ++d) {
        const YearMonth ym = year_month_of(d);
        REQUIRE(d >= first_day_of(ym));
        REQUIRE(d < first_day_of(ym) + days_in_month(ym));
    }
    CHECK(add_months({2026, 12}, 1) == YearMonth{2027, 1});
    CHECK(add_months({2027, 1}, -1) == YearMonth{2026, 12});
    CHECK(add_months({2026, 5}, -17) == YearMonth{2024, 12});
    CHECK(add_months({2026, 5}, 24) == YearMonth{2028, 5});
    CHECK(days_in_month({2026, 2}) == 28);
    CHECK(days_in_month({2028, 2}) == 29);  // leap year
    CHECK(days_in_month({2000, 2}) == 29);  // divisible by 400
    CHECK(days_in_month({2100, 2}) == 28);  // a century
    CHECK(days_in_month({2026, 4}) == 30);
    CHECK(days_in_month({2026, 12}) == 31);
    CHECK(weekday_of(0) == 3);                  // 1970-01-01: Thursday
    CHECK(weekday_of(day("2026-11-30")) == 0);  // Monday
    CHECK(weekday_of(day("2026-12-06")) == 6);  // Sunday
}

TEST_CASE("the month grid starts on the week's first day on or before the 1st") {
    // December 2026 begins on a Tuesday.
    CHECK(month_grid_start({2026, 12}, 0) == day("2026-11-30"));  // Monday first
    CHECK(month_grid_start({2026, 12}, 6) == day("2026-11-29"));  // Sunday first
    // February 2027 begins on a Monday: a Monday-first grid starts on the 1st itself.
    CHECK(month_grid_start({2027, 2}, 0) == day("2027-02-01"));
    // Six rows of seven always hold the month.
    for (YearMonth ym{2026, 1}; !(ym == YearMonth{2029, 1}); ym = add_months(ym, 1))
        for (int first : {0, 6})
            CHECK(month_grid_start(ym, first) + 42 >= first_day_of(ym) + days_in_month(ym));
}

TEST_CASE("the week starts on Sunday in the US and on Monday by default") {
    const char* saved = std::getenv("LC_ALL");
    const std::string keep = saved ? saved : "";
    setenv("LC_ALL", "en_US.UTF-8", 1);
    CHECK(locale_first_weekday() == 6);
    setenv("LC_ALL", "de_DE.UTF-8", 1);
    CHECK(locale_first_weekday() == 0);
    setenv("LC_ALL", "C", 1);
    CHECK(locale_first_weekday() == 0);
    if (saved) setenv("LC_ALL", keep.c_str(), 1);
    else unsetenv("LC_ALL");
}
