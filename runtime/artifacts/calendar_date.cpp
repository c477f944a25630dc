#include "runtime/artifacts/calendar_date.h"

#include <ctime>

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

long today_days() {
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    local.tm_hour = local.tm_min = local.tm_sec = 0;
    return static_cast<long>(timegm(&local) / kSecondsPerDay);
}

}  // namespace gw
