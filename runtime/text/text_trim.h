#pragma once
// Trimming, shared by the loaders and the exporters (and needed once per program: unity builds put their sources
// in one translation unit, where two private copies would collide).
#include <string>
#include <string_view>

namespace gw {

// `s` without the leading and trailing characters listed in `blanks` (spaces and tabs unless told otherwise).
inline std::string trim(std::string_view s, std::string_view blanks = " \t") {
    const std::size_t b = s.find_first_not_of(blanks);
    if (b == std::string_view::npos) return "";
    return std::string(s.substr(b, s.find_last_not_of(blanks) - b + 1));
}

}  // namespace gw
