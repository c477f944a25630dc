#pragma once
// Small text helpers every view uses: capitals for labels, a local date for "last edited", a line of text in a
// given face and colour.
#include <imgui.h>

#include <string>

#include "progress/profile.h"

namespace gw::ui {

// ASCII capitals for small-caps labels (titles are ASCII in practice; other letters are left as they are).
std::string upper(std::string s);

// A moment as local time through strftime, e.g. time_text(ms, "%e %b %Y, %H:%M").
std::string time_text(Millis ms, const char* format);

// The text, cut with an ellipsis to fit `width` pixels in `font` (at a UTF-8 character boundary).
std::string fit_text(ImFont* font, std::string text, float width);

// One text item in `font` and `color`. `wrapped` wraps at the current wrap position; otherwise the text stays on one
// line and is cut with an ellipsis where the line has no more room (the whole text in a tooltip), so it never runs
// out of its column and is never wrapped a letter per line.
void StyledText(ImFont* font, ImU32 color, const std::string& text, bool wrapped = true);

}  // namespace gw::ui
