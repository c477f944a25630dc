#pragma once
// Money as a salesperson types and reads it: "300k", "$1.2m", "12,000", "12 000", "12.000,50 €". Domain code, so
// the same rule serves the accounts table, artifact money fields and exports, and is tested without a window.
//
// The rule for separators (one per currency, never guessed from the digits):
// - Each currency reads its amounts one way. Decimal-point currencies (USD, GBP, CAD, AUD, JPY, INR, CHF...) take
//   '.' for decimals and ',' for thousands; decimal-comma currencies (EUR, SEK, NOK, DKK, PLN, BRL...) take ','
//   for decimals and '.' for thousands. This follows the usage of the currency's main markets (CLDR), and a
//   learner picks the currency once, so "1.250" is never ambiguous.
// - A space (also U+00A0 and U+202F, as French and Swiss software writes them) or an apostrophe (1'000) separates
//   thousands in every currency.
// - Thousands separators must split the whole part into groups of three ("1,2,3" is refused, not read as 123).
// - Shorthand after the number, any case, a space allowed before it: k = thousand, m or mn = million, bn =
//   billion ("300k", "1.5M", "2 bn").
// - The currency's symbol or code may come first or last ("$300k", "300k USD", "-$5", "€ 12.000,50"); another
//   currency's symbol is refused, so an amount is never silently counted in the wrong currency.
#include <optional>
#include <string>
#include <vector>

namespace gw {

struct Currency {
    std::string code;          // ISO 4217: "USD"
    std::string symbol;        // "$", "€", "kr"
    bool decimal_comma = false;  // true: "1.250.000,50"; false: "1,250,000.50"
    bool symbol_after = false;   // true: "1.250 €"; false: "$1,250"
    int decimals = 2;            // digits shown after the separator when an amount has cents (JPY: 0)
};

// The currencies a learner can choose from, USD first (the app's default and what profiles before schema 3 meant).
const std::vector<Currency>& known_currencies();
// The currency with this ISO code; USD for "" or a code the app does not know (profiles keep the code as written).
const Currency& currency_for(const std::string& code);

struct MoneyParse {
    enum class Status { Empty, Ok, Error };
    Status status = Status::Empty;
    double value = 0;   // when Ok
    std::string error;  // when Error: one sentence saying what was not understood and how to write it
    bool ok() const { return status == Status::Ok; }
    bool empty() const { return status == Status::Empty; }
};

// Reads `text` (UTF-8, as typed) under the rule above. Blank text is Empty (not 0). Amounts beyond 1e15 and
// anything else that cannot be read are Error with a message; nothing is ever rounded away or guessed.
MoneyParse parse_money(const std::string& text, const Currency& currency);

// "$1,250,000", "1.250.000 €", "-$5.50": grouped, symbol placed as the currency writes it, cents only when there
// are any. Non-finite values give "".
std::string format_money(double value, const Currency& currency);
// The same, "—" for an empty amount: an empty field is never shown as 0.
std::string format_money(const std::optional<double>& value, const Currency& currency);
// The amount as a field shows it for editing, without symbol or grouping ("1250000", "1250000,5"): parse_money
// reads it back to the same value. "" for empty.
std::string money_edit_text(const std::optional<double>& value, const Currency& currency);

}  // namespace gw
