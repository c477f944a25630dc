// Money as a salesperson types it (issue 10): shorthand, thousands separators by currency, a currency symbol, a
// message for what cannot be read, and an empty field that is not 0.
#include <doctest/doctest.h>

#include "runtime/artifacts/money.h"

using namespace gw;

namespace {

double amount(const std::string& text, const char* code = "USD") {
    const MoneyParse p = parse_money(text, currency_for(code));
    INFO("\"" << text << "\" in " << code << ": " << p.error);
    REQUIRE(p.ok());
    return p.value;
}

std::string refused(const std::string& text, const char* code = "USD") {
    const MoneyParse p = parse_money(text, currency_for(code));
    INFO("\"" << text << "\" in " << code << " gave " << p.value);
    REQUIRE(p.status == MoneyParse::Status::Error);
    CHECK(!p.error.empty());
    return p.error;
}

}  // namespace

TEST_CASE("shorthand k, m and bn in either case, with or without a space") {
    CHECK(amount("300k") == 300000);
    CHECK(amount("300K") == 300000);
    CHECK(amount("1.5m") == 1500000);
    CHECK(amount("1.5M") == 1500000);
    CHECK(amount("2 bn") == 2e9);
    CHECK(amount("2BN") == 2e9);
    CHECK(amount("3mn") == 3e6);
    CHECK(amount("1,5m", "EUR") == 1500000);
}

TEST_CASE("thousands separators follow the currency's convention") {
    CHECK(amount("12,000") == 12000);
    CHECK(amount("12 000") == 12000);
    CHECK(amount("12\xC2\xA0" "000") == 12000);  // no-break space, as pasted from a spreadsheet
    CHECK(amount("1'250'000") == 1250000);
    CHECK(amount("1,250,000.50") == doctest::Approx(1250000.5));
    CHECK(amount("12.000,50", "EUR") == doctest::Approx(12000.5));
    CHECK(amount("12.000", "EUR") == 12000);
    CHECK(amount("12 000,5", "EUR") == doctest::Approx(12000.5));
    CHECK(amount("0.5") == 0.5);
    CHECK(amount("120000") == 120000);
}

TEST_CASE("the currency's own symbol or code may come first or last; a sign before it") {
    CHECK(amount("$300k") == 300000);
    CHECK(amount("$ 1,200") == 1200);
    CHECK(amount("300k USD") == 300000);
    CHECK(amount("usd 5") == 5);
    CHECK(amount("-$5") == -5);
    CHECK(amount("$-5") == -5);
    CHECK(amount("\xE2\x82\xAC 12.000,50", "EUR") == doctest::Approx(12000.5));
    CHECK(amount("12.000,50 \xE2\x82\xAC", "EUR") == doctest::Approx(12000.5));
    CHECK(amount("\xC2\xA3" "2m", "GBP") == 2e6);
}

TEST_CASE("what cannot be read is refused with a message, never read as something else") {
    // The case: 300k was stored as 300.
    CHECK(parse_money("300k", currency_for("USD")).value != 300);
    CHECK(refused("abc").find("not an amount") != std::string::npos);
    CHECK(refused("300x").find("300k") != std::string::npos);
    CHECK(refused("1,2,3").find("12,000.50") != std::string::npos);  // not 123
    CHECK(refused("12.000,50").find("'.' marks the decimals") != std::string::npos);  // the euro way, in USD
    CHECK(refused("12,000.50", "EUR").find("',' marks the decimals") != std::string::npos);
    CHECK(refused("1.250.000").find("separates thousands") != std::string::npos);
    CHECK(refused("\xE2\x82\xAC" "300").find("not the currency you count in (USD)") != std::string::npos);
    CHECK(refused("$300", "EUR").find("EUR") != std::string::npos);
    CHECK(refused("5 kr").find("kr") != std::string::npos);
    refused("1e400");
    refused("9999999bn");
    refused("--5");
    refused("$");
    refused("k");
    refused("1.");
}

TEST_CASE("blank text is empty, not 0") {
    CHECK(parse_money("", currency_for("USD")).empty());
    CHECK(parse_money("   ", currency_for("USD")).empty());
    CHECK(parse_money("0", currency_for("USD")).ok());
    CHECK(format_money(std::optional<double>(), currency_for("USD")) == "\xE2\x80\x94");
    CHECK(format_money(std::optional<double>(0.0), currency_for("USD")) == "$0");
}

TEST_CASE("format_money groups and places the symbol as the currency writes it; edit text reads back") {
    CHECK(format_money(1250000.0, currency_for("USD")) == "$1,250,000");
    CHECK(format_money(-119700.0, currency_for("USD")) == "-$119,700");
    CHECK(format_money(5.5, currency_for("USD")) == "$5.50");
    CHECK(format_money(1250000.5, currency_for("EUR")) == "1.250.000,50\xC2\xA0\xE2\x82\xAC");
    CHECK(format_money(1000.0, currency_for("CHF")) == "CHF\xC2\xA0" "1,000");
    CHECK(currency_for("XYZ").code == "USD");
    for (const Currency& c : known_currencies())
        for (double v : {0.0, 5.5, 1250000.0, 1250000.25, -42.0}) {
            INFO(c.code << " " << v);
            const MoneyParse shown = parse_money(format_money(v, c), c);
            REQUIRE_MESSAGE(shown.ok(), shown.error);
            CHECK(shown.value == doctest::Approx(c.decimals ? v : std::round(v)));
            const MoneyParse edited = parse_money(money_edit_text(v, c), c);
            REQUIRE_MESSAGE(edited.ok(), edited.error);
            CHECK(edited.value == doctest::Approx(v));
        }
}
