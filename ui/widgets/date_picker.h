#pragma once
// A calendar button beside a date field that opens a month grid to pick a day from (issue 10): weekday headings
// starting on the locale's first day (calendar_date.h locale_first_weekday), previous/next month, today ringed,
// the chosen day filled, a click to pick, Escape or a click outside to close. Typing the date stays the other way in.
#include <string>

#include "ui/fonts.h"

namespace gw::ui {

// The square calendar button (as tall as a text field), and its popup when open. `value` is the field's stored
// "YYYY-MM-DD" ("" or unreadable: the grid opens on today's month). Returns true with *out set to the picked day as
// ISO "YYYY-MM-DD" when the learner clicked one. `id` must be unique in the current ID stack; the popup's shown
// month lives in ImGui's state storage under it, so it needs no state of the caller's.
// Probes for tests: `probe_name` (the button), "picker-prev", "picker-next", "picker-title" (the month heading),
// "picker-day:YYYY-MM-DD" (each day of the shown month), "picker-today".
bool date_picker_button(const char* id, const std::string& value, std::string* out, const Fonts& fonts,
                        const std::string& probe_name = "date-picker");

// True when a date picker's grid was drawn open in the current frame (between frames: the last one). For tests.
bool date_picker_open();

// Width the button takes beside a field, with the spacing before it (px).
float date_picker_button_width();

}  // namespace gw::ui
