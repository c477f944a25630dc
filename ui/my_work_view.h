#pragma once
// "My work": every reflection the learner has written, newest first; a click opens it.
#include <string>

#include "progress/profile.h"
#include "runtime/course.h"
#include "ui/fonts.h"

namespace gw::ui {

// Returns the id of the reflection the learner clicked, or "".
std::string draw_my_work(const Profile& profile, const Course& course, float width, const Fonts& fonts);

// The opening of a text on one line, cut at a word boundary: "My three biggest accounts buy one service…".
std::string first_words(const std::string& text, size_t max_bytes);

}  // namespace gw::ui
