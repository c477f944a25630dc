#include "runtime/artifacts/calendar_date.h"

#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <vector>

namespace gw {

namespace {
constexpr long kSecondsPerDay = 86400;
}

std::optional<long> parse_date(const std::string& text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    for (int i : {0, 1, 2, 3, 5, 6, 8, 9})  // strptime would accept "2026- 1- 5"
        if (text[i] < '0' || text[i] > '9') return std::nullopt;
    std::tm tm{};
    const char* end = strptime(text.c_str(), "%Y-%m-%d", &tm);
    if (!end || *end) return std::nullopt;
    const int day = tm.tm_mday, month = tm.tm_mon;
    const std::time_t t = timegm(&tm);  // normalises 02-30 to 03-02: compare to reject it
    std::tm back{};
    gmtime_r(&t, &back);
    if (back.tm_mday != day || back.tm_mon != month) return std::nullopt;
    return static_cast<long>(t / kSecondsPerDay);
}

std::string format_date(long days) {
    const std::time_t t = static_cast<std::time_t>(days) * kSecondsPerDay;
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[16];
    std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
    return buf;
}

long week_start(long days) {
    // 1970-01-01 was a Thursday: shift so that Monday is 0.
    long weekday = ((days + 3) % 7 + 7) % 7;
    return days - weekday;
}

DateOrder locale_date_order() {
    const char* name = nullptr;
    for (const char* var : {"LC_ALL", "LC_TIME", "LANG"}) {
        const char* v = std::getenv(var);
        if (v && *v) {
            name = v;
            break;
        }
    }
    if (!name) return DateOrder::Unknown;
    const std::string locale = name;
    if (locale == "C" || locale == "POSIX" || locale.rfind("C.", 0) == 0) return DateOrder::Unknown;
    for (const char* mdy : {"en_US", "en_PH", "en_CA"})
        if (locale.rfind(mdy, 0) == 0) return DateOrder::MonthDayYear;
    return DateOrder::DayMonthYear;
}

namespace {

const char* const kMonths[] = {"January", "February", "March",     "April",   "May",      "June",
                               "July",    "August",   "September", "October", "November", "December"};

std::optional<long> from_parts(int year, int month, int day) {
    if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 || day > 31) return std::nullopt;
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
    return parse_date(buf);
}

std::string spoken(int day, int month) { return std::to_string(day) + " " + kMonths[month - 1]; }

}  // namespace

TypedDate parse_typed_date(const std::string& typed, DateOrder order) {
    TypedDate r;
    const std::size_t a = typed.find_first_not_of(" \t");
    if (a == std::string::npos) return r;
    const std::string text = typed.substr(a, typed.find_last_not_of(" \t") - a + 1);
    const std::string wanted = "write the date as 2026-12-10 (year-month-day)";
    // Three runs of digits split by one kind of separator.
    std::vector<std::string> parts(1);
    char sep = 0;
    for (char ch : text) {
        if (ch >= '0' && ch <= '9') {
            parts.back() += ch;
        } else if ((ch == '-' || ch == '/' || ch == '.') && (sep == 0 || sep == ch) && !parts.back().empty()) {
            sep = ch;
            parts.emplace_back();
        } else {
            r.error = "\"" + text + "\" is not a date: " + wanted;
            return r;
        }
    }
    if (parts.size() != 3 || parts[2].empty()) {
        r.error = "\"" + text + "\" is not a whole date: " + wanted;
        return r;
    }
    auto num = [](const std::string& s) { return s.size() > 4 ? -1 : std::atoi(s.c_str()); };
    if (parts[0].size() == 4) {  // year first: ISO, whatever the separator
        r.day = from_parts(num(parts[0]), num(parts[1]), num(parts[2]));
        if (!r.day) r.error = "\"" + text + "\" is not a day of the calendar: " + wanted;
        return r;
    }
    if (parts[2].size() != 4) {
        r.error = "\"" + text + "\": write the year with four digits, or " + wanted;
        return r;
    }
    const int first = num(parts[0]), second = num(parts[1]), year = num(parts[2]);
    DateOrder use = order;
    if (use == DateOrder::Unknown) {
        if (first > 12 && second <= 12) use = DateOrder::DayMonthYear;
        else if (second > 12 && first <= 12) use = DateOrder::MonthDayYear;
        else if (first == second) use = DateOrder::DayMonthYear;  // 05/05/2026 reads the same either way
    }
    if (use == DateOrder::Unknown) {
        if (first >= 1 && first <= 12 && second >= 1 && second <= 12)
            r.error = "\"" + text + "\" could be " + spoken(first, second) + " or " + spoken(second, first) + ": " +
                      wanted;
        else
            r.error = "\"" + text + "\" is not a day of the calendar: " + wanted;
        return r;
    }
    r.day = use == DateOrder::DayMonthYear ? from_parts(year, second, first) : from_parts(year, first, second);
    if (!r.day)
        r.error = "\"" + text + "\" is not a day of the calendar (read as " +
                  (use == DateOrder::DayMonthYear ? "day/month/year" : "month/day/year") + "): " + wanted;
    return r;
}

long today_days() {
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    local.tm_hour = local.tm_min = local.tm_sec = 0;
    return static_cast<long>(timegm(&local) / kSecondsPerDay);
}

}  // namespace gw
