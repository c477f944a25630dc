#pragma once
// Counts in English labels: "1 account", "3 accounts", "0 accounts".
#include <string>

namespace gw::ui {

// `n` then the noun, singular only when n is exactly 1 (English usage: "0 accounts", "1 account"). The plural is
// given, not derived, so irregular nouns ("1 person", "2 people") need no rules.
std::string count_of(long long n, const char* singular, const char* plural);

}  // namespace gw::ui
