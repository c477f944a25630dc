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

namespace {
// The locale name the date rules read: LC_ALL, then LC_TIME, then LANG; "" when none is set.
std::string time_locale_name() {
    for (const char* var : {"LC_ALL", "LC_TIME", "LANG"}) {
        const char* v = std::getenv(var);
        if (v && *v) return v;
    }
    return "";
}
}  // namespace

// Plain arithmetic on the proleptic Gregorian calendar (H. Hinnant's days_from_civil / civil_from_days): exact for
// every year, unlike timegm, whose range depends on time_t.
long first_day_of(YearMonth ym) {
    const long y = ym.year - (ym.month <= 2 ? 1 : 0);
    const long era = (y >= 0 ? y : y - 399) / 400;
    const long yoe = y - era * 400;
    const long mp = (ym.month + 9) % 12;  // March = 0
    const long doy = (153 * mp + 2) / 5;  // the 1st of the month
    const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

YearMonth year_month_of(long days) {
    const long z = days + 719468;
    const long era = (z >= 0 ? z : z - 146096) / 146097;
    const long doe = z - era * 146097;
    const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const long mp = (5 * doy + 2) / 153;
    const int month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    return {static_cast<int>(yoe + era * 400 + (month <= 2 ? 1 : 0)), month};
}

YearMonth add_months(YearMonth ym, int n) {
    const long index = static_cast<long>(ym.year) * 12 + (ym.month - 1) + n;
    const long year = index >= 0 ? index / 12 : (index - 11) / 12;
    return {static_cast<int>(year), static_cast<int>(index - year * 12) + 1};
}

int days_in_month(YearMonth ym) {
    return static_cast<int>(first_day_of(add_months(ym, 1)) - first_day_of(ym));
}

int weekday_of(long days) { return static_cast<int>(((days + 3) % 7 + 7) % 7); }  // 1970-01-01 was a Thursday

int locale_first_weekday() {
    const std::string locale = time_locale_name();
    for (const char* sunday : {"en_US", "en_CA", "en_PH", "ja_JP", "pt_BR", "he_IL", "es_MX"})
        if (locale.rfind(sunday, 0) == 0) return 6;
    return 0;
}

long month_grid_start(YearMonth ym, int first_weekday) {
    const long first = first_day_of(ym);
    return first - ((weekday_of(first) - first_weekday + 7) % 7);
}

DateOrder locale_date_order() {
    const std::string locale = time_locale_name();
    if (locale.empty()) return DateOrder::Unknown;
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
