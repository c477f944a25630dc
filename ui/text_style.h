#pragma once
// Small text helpers every view uses: capitals for labels, a local date for "last edited", a line of text in a
// given face and colour.
#include <imgui.h>

#include <string>
#include <vector>

#include "progress/profile.h"

namespace gw::ui {

// Capitals for small-caps labels, in any script: Unicode's case mapping through utf8proc (UnicodeData.txt's simple
// upper-case mapping, plus SpecialCasing.txt's unconditional expansions of 'ß' and the Latin ligatures, e.g.
// "straße" -> "STRASSE", "łódź" -> "ŁÓDŹ", "категория" -> "КАТЕГОРИЯ"). UTF-8 in, UTF-8 out; bytes that are not
// valid UTF-8 are copied as they are. Not locale-aware (Turkish 'i' becomes 'I', not 'İ').
std::string upper(std::string s);

// Adds to `code_points` (sorted and unique after the call) every code point upper() can turn them into: the
// label face must hold 'Ł' when the text only says 'ł' (ui/fonts.cpp builds it from these).
void add_upper_case_forms(std::vector<char32_t>& code_points);

// A moment as local time through strftime, e.g. time_text(ms, "%e %b %Y, %H:%M").
std::string time_text(Millis ms, const char* format);

// The text, cut with an ellipsis to fit `width` pixels in `font` (at a UTF-8 character boundary).
std::string fit_text(ImFont* font, std::string text, float width);

// One text item in `font` and `color`. `wrapped` wraps at the current wrap position; otherwise the text stays on one
// line and is cut with an ellipsis where the line has no more room (the whole text in a tooltip), so it never runs
// out of its column and is never wrapped a letter per line.
void StyledText(ImFont* font, ImU32 color, const std::string& text, bool wrapped = true);

}  // namespace gw::ui
