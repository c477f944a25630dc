// Dates as a learner types them (issue 10: "10/12/2026" was shown red with no reason): ISO always, the locale's
// order for slashed and dotted dates, and a message naming the wanted form for anything else.
#include <doctest/doctest.h>

#include <cstdlib>

#include "runtime/artifacts/calendar_date.h"

using namespace gw;

namespace {

std::string read(const std::string& text, DateOrder order) {
    const TypedDate d = parse_typed_date(text, order);
    INFO("\"" << text << "\": " << d.error);
    REQUIRE(d.day.has_value());
    CHECK(d.error.empty());
    return format_date(*d.day);
}

std::string refused(const std::string& text, DateOrder order) {
    const TypedDate d = parse_typed_date(text, order);
    INFO("\"" << text << "\"");
    CHECK_FALSE(d.day.has_value());
    CHECK(d.error.find("2026-12-10") != std::string::npos);  // every message shows the form that works
    return d.error;
}

}  // namespace

TEST_CASE("ISO dates are read in every locale") {
    for (DateOrder o : {DateOrder::Unknown, DateOrder::DayMonthYear, DateOrder::MonthDayYear}) {
        CHECK(read("2026-12-10", o) == "2026-12-10");
        CHECK(read("2026/12/10", o) == "2026-12-10");
        CHECK(read(" 2026-1-5 ", o) == "2026-01-05");
    }
}

TEST_CASE("the locale's order reads 10/12/2026") {
    CHECK(read("10/12/2026", DateOrder::DayMonthYear) == "2026-12-10");
    CHECK(read("10.12.2026", DateOrder::DayMonthYear) == "2026-12-10");
    CHECK(read("10/12/2026", DateOrder::MonthDayYear) == "2026-10-12");
    CHECK(read("12-10-2026", DateOrder::MonthDayYear) == "2026-12-10");
}

TEST_CASE("without a locale order only an unambiguous date is read; the ambiguous one names both readings") {
    CHECK(read("25/12/2026", DateOrder::Unknown) == "2026-12-25");
    CHECK(read("12/25/2026", DateOrder::Unknown) == "2026-12-25");
    CHECK(read("05/05/2026", DateOrder::Unknown) == "2026-05-05");
    const std::string e = refused("10/12/2026", DateOrder::Unknown);
    CHECK(e.find("10 December") != std::string::npos);
    CHECK(e.find("12 October") != std::string::npos);
}

TEST_CASE("what is not a date says what to write") {
    refused("next tuesday", DateOrder::DayMonthYear);
    refused("10/12", DateOrder::DayMonthYear);
    CHECK(refused("10/12/26", DateOrder::DayMonthYear).find("four digits") != std::string::npos);
    refused("31/02/2026", DateOrder::DayMonthYear);
    refused("2026-02-30", DateOrder::Unknown);
    refused("10/12.2026", DateOrder::DayMonthYear);
    refused("13/13/2026", DateOrder::Unknown);
    CHECK_FALSE(parse_typed_date("   ", DateOrder::Unknown).day.has_value());
    CHECK(parse_typed_date("   ", DateOrder::Unknown).error.empty());
}

TEST_CASE("the order comes from LC_ALL, LC_TIME, then LANG") {
    const char* saved[3];
    const char* vars[] = {"LC_ALL", "LC_TIME", "LANG"};
    std::string keep[3];
    for (int i = 0; i < 3; ++i) {
        saved[i] = std::getenv(vars[i]);
        if (saved[i]) keep[i] = saved[i];
        unsetenv(vars[i]);
    }
    CHECK(locale_date_order() == DateOrder::Unknown);
    setenv("LANG", "en_US.UTF-8", 1);
    CHECK(locale_date_order() == DateOrder::MonthDayYear);
    setenv("LC_TIME", "de_DE.UTF-8", 1);
    CHECK(locale_date_order() == DateOrder::DayMonthYear);
    setenv("LC_ALL", "C.UTF-8", 1);
    CHECK(locale_date_order() == DateOrder::Unknown);
    for (int i = 0; i < 3; ++i) {
        if (saved[i]) setenv(vars[i], keep[i].c_str(), 1);
        else unsetenv(vars[i]);
    }
}
