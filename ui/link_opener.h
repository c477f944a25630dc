#pragma once
#include <string>

namespace gw::ui {

// Opens a web or mail link in the desktop's browser through xdg-open, without blocking the UI. Other schemes
// (file:, javascript:) are refused: course content must not be able to run things on the learner's machine.
bool open_url(const std::string& url);
bool is_openable_url(const std::string& url);

}  // namespace gw::ui
