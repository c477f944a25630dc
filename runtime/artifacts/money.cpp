#include "runtime/artifacts/money.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace gw {

namespace {

constexpr double kMaxAmount = 1e15;  // beyond this a double no longer holds every cent

bool starts_with_ci(const std::string& s, const std::string& prefix) {
    if (prefix.empty() || s.size() < prefix.size()) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i) {
        char a = s[i], b = prefix[i];
        if (a >= 'a' && a <= 'z') a = static_cast<char>(a - 'a' + 'A');
        if (b >= 'a' && b <= 'z') b = static_cast<char>(b - 'a' + 'A');
        if (a != b) return false;
    }
    return true;
}

bool ends_with_ci(const std::string& s, const std::string& suffix) {
    return s.size() >= suffix.size() && starts_with_ci(s.substr(s.size() - suffix.size()), suffix);
}

// Spaces as typed or pasted: ASCII, no-break (U+00A0) and narrow no-break (U+202F) all become ' '.
std::string normalise_spaces(const std::string& in) {
    std::string out;
    for (std::size_t i = 0; i < in.size(); ++i) {
        if (in.compare(i, 2, "\xC2\xA0") == 0) out += ' ', ++i;
        else if (in.compare(i, 3, "\xE2\x80\xAF") == 0) out += ' ', i += 2;
        else if (in.compare(i, 3, "\xE2\x88\x92") == 0) out += '-', i += 2;  // U+2212 MINUS SIGN
        else if (in[i] == '\t') out += ' ';
        else out += in[i];
    }
    return out;
}

std::string trim(const std::string& s) {
    const std::size_t a = s.find_first_not_of(' ');
    if (a == std::string::npos) return "";
    return s.substr(a, s.find_last_not_of(' ') - a + 1);
}

// "12,000.50" in the currency's own convention, for messages.
std::string example(const Currency& c) {
    return c.decimal_comma ? "12.000,50" : "12,000.50";
}

std::string how_to_write(const Currency& c) {
    return "write it as 300000, " + std::string(c.decimal_comma ? "300.000" : "300,000") + ", " + example(c) +
           ", 300k or " + (c.decimal_comma ? "1,5m" : "1.5m");
}

// Strips the currency's symbol or code from either end; reports a known other currency's instead.
bool strip_currency(std::string& s, const Currency& c, std::string* foreign) {
    for (int end = 0; end < 2; ++end) {
        s = trim(s);
        for (const std::string& mark : {c.code, c.symbol}) {
            if (end == 0 && starts_with_ci(s, mark)) {
                s = s.substr(mark.size());
                break;
            }
            if (end == 1 && ends_with_ci(s, mark)) {
                s.resize(s.size() - mark.size());
                break;
            }
        }
    }
    s = trim(s);
    for (const Currency& other : known_currencies()) {
        if (other.code == c.code) continue;
        for (const std::string& mark : {other.symbol, other.code}) {
            // Symbols are punctuation-like ($, €, £); codes and letter symbols (kr, zł) only as a whole word at an end.
            const bool letters = (mark[0] >= 'A' && mark[0] <= 'Z') || (mark[0] >= 'a' && mark[0] <= 'z');
            const bool found = letters ? starts_with_ci(s, mark) || ends_with_ci(s, mark) : s.find(mark) != std::string::npos;
            if (found && mark != c.symbol) {
                *foreign = mark;
                return false;
            }
        }
    }
    return true;
}

// The whole part's digits once its thousands separators are checked: groups of three after the first.
bool read_whole_part(const std::string& s, char group, std::string* digits) {
    std::size_t group_len = 0, groups = 1;
    bool first_group_done = false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char ch = s[i];
        if (ch >= '0' && ch <= '9') {
            *digits += ch;
            ++group_len;
            continue;
        }
        if (ch != group && ch != ' ' && ch != '\'') return false;
        // A separator: the group before it must be 1-3 digits (the first) or exactly 3.
        if (group_len == 0 || group_len > 3 || (first_group_done && group_len != 3)) return false;
        first_group_done = true;
        group_len = 0;
        ++groups;
    }
    if (groups > 1 && group_len != 3) return false;
    return true;
}

}  // namespace

const std::vector<Currency>& known_currencies() {
    static const std::vector<Currency> all = {
        {"USD", "$", false, false, 2},         {"EUR", "\xE2\x82\xAC", true, true, 2},
        {"GBP", "\xC2\xA3", false, false, 2},  {"CHF", "CHF", false, false, 2},
        {"CAD", "CA$", false, false, 2},       {"AUD", "A$", false, false, 2},
        {"JPY", "\xC2\xA5", false, false, 0},  {"INR", "\xE2\x82\xB9", false, false, 2},
        {"SEK", "kr", true, true, 2},          {"NOK", "kr", true, true, 2},
        {"DKK", "kr.", true, true, 2},         {"PLN", "z\xC5\x82", true, true, 2},
        {"BRL", "R$", true, false, 2},
    };
    return all;
}

const Currency& currency_for(const std::string& code) {
    for (const Currency& c : known_currencies())
        if (c.code == code) return c;
    return known_currencies().front();
}

MoneyParse parse_money(const std::string& typed, const Currency& c) {
    MoneyParse r;
    std::string s = trim(normalise_spaces(typed));
    if (s.empty()) return r;
    auto fail = [&](std::string message) {
        r.status = MoneyParse::Status::Error;
        r.error = std::move(message);
        return r;
    };
    const std::string unreadable = "\"" + trim(typed) + "\" is not an amount: " + how_to_write(c);

    bool negative = false;
    if (!s.empty() && s[0] == '-') negative = true, s = s.substr(1);
    std::string foreign;
    if (!strip_currency(s, c, &foreign))
        return fail(foreign + " is not the currency you count in (" + c.code +
                    "): write the amount in " + c.code + ", or change the currency on the Accounts page");
    if (!s.empty() && s[0] == '-') {
        if (negative) return fail(unreadable);
        negative = true;
        s = trim(s.substr(1));
    }

    // Shorthand: trailing letters.
    std::size_t letters = s.size();
    while (letters > 0 && ((s[letters - 1] >= 'a' && s[letters - 1] <= 'z') || (s[letters - 1] >= 'A' && s[letters - 1] <= 'Z')))
        --letters;
    std::string suffix = s.substr(letters);
    for (char& ch : suffix) ch = static_cast<char>(ch >= 'A' && ch <= 'Z' ? ch - 'A' + 'a' : ch);
    double scale = 1;
    if (suffix.empty()) scale = 1;
    else if (suffix == "k") scale = 1e3;
    else if (suffix == "m" || suffix == "mn") scale = 1e6;
    else if (suffix == "bn") scale = 1e9;
    else return fail(unreadable + " (k thousand, m million, bn billion)");
    s = trim(s.substr(0, letters));
    if (s.empty()) return fail(unreadable);

    const char decimal = c.decimal_comma ? ',' : '.';
    const char group = c.decimal_comma ? '.' : ',';
    const std::size_t dot = s.find(decimal);
    if (dot != std::string::npos && s.find(decimal, dot + 1) != std::string::npos) {
        // "1.250.000" in USD: the other convention's thousands. Say which one this currency uses.
        return fail("\"" + trim(typed) + "\": in " + c.code + " amounts '" + std::string(1, decimal) +
                    "' marks the decimals and '" + std::string(1, group) + "' separates thousands, as in " + example(c));
    }
    std::string digits;
    const std::string whole = dot == std::string::npos ? s : s.substr(0, dot);
    const std::string fraction = dot == std::string::npos ? "" : s.substr(dot + 1);
    bool fraction_ok = dot == std::string::npos || !fraction.empty();
    for (char ch : fraction) fraction_ok &= ch >= '0' && ch <= '9';
    if (!read_whole_part(trim(whole), group, &digits) || !fraction_ok || (digits.empty() && fraction.empty())) {
        // Would the other convention have read it? Then the message names the convention, not just "unreadable".
        Currency other = c;
        other.decimal_comma = !c.decimal_comma;
        std::string ignored;
        if (read_whole_part(trim(whole), other.decimal_comma ? '.' : ',', &ignored) || s.find(group) != std::string::npos)
            if (s.find_first_not_of("0123456789.,' ") == std::string::npos)
                return fail("\"" + trim(typed) + "\": in " + c.code + " amounts '" + std::string(1, decimal) +
                            "' marks the decimals and '" + std::string(1, group) +
                            "' separates groups of three digits, as in " + example(c));
        return fail(unreadable);
    }
    const std::string number = (digits.empty() ? "0" : digits) + (fraction.empty() ? "" : "." + fraction);
    const double value = std::strtod(number.c_str(), nullptr) * scale;
    if (!std::isfinite(value) || value > kMaxAmount)
        return fail("\"" + trim(typed) + "\" is more than an account can be worth: at most 1,000,000,000,000,000");
    r.status = MoneyParse::Status::Ok;
    r.value = negative && value != 0 ? -value : value;
    return r;
}

std::string format_money(double value, const Currency& c) {
    if (!std::isfinite(value)) return "";
    const double rounded = c.decimals > 0 ? std::round(value * 100) / 100 : std::round(value);
    const bool cents = c.decimals > 0 && std::fabs(rounded - std::round(rounded)) >= 0.005;
    char buf[64];
    std::snprintf(buf, sizeof buf, cents ? "%.2f" : "%.0f", std::fabs(rounded));
    std::string s = buf, whole = s.substr(0, s.find('.')), out;
    for (std::size_t i = 0; i < whole.size(); ++i) {
        if (i > 0 && (whole.size() - i) % 3 == 0) out += c.decimal_comma ? '.' : ',';
        out += whole[i];
    }
    if (cents) out += (c.decimal_comma ? "," : ".") + s.substr(s.find('.') + 1);
    const std::string sign = rounded < 0 ? "-" : "";
    if (c.symbol_after) return sign + out + "\xC2\xA0" + c.symbol;
    const bool letters = !c.symbol.empty() && ((c.symbol[0] >= 'A' && c.symbol[0] <= 'Z'));
    return sign + c.symbol + (letters && c.symbol.back() >= 'A' ? "\xC2\xA0" : "") + out;
}

std::string format_money(const std::optional<double>& value, const Currency& c) {
    return value ? format_money(*value, c) : std::string("\xE2\x80\x94");
}

std::string money_edit_text(const std::optional<double>& value, const Currency& c) {
    if (!value || !std::isfinite(*value)) return "";
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.2f", *value);
    std::string s = buf;
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
    if (s == "-0") s = "0";
    if (c.decimal_comma)
        for (char& ch : s)
            if (ch == '.') ch = ',';
    return s;
}

}  // namespace gw
