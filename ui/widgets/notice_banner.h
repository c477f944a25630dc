#pragma once
// A message across the top of the reading column: a damaged profile that was moved aside, a read-only profile,
// saves that keep failing. The learner must see these; they must never block reading.
#include <string>

#include "ui/fonts.h"

namespace gw::ui {

enum class NoticeKind { Info, Warning, Error };

// Returns true when the learner dismissed it.
bool draw_notice(const char* id, NoticeKind kind, const std::string& title, const std::string& text, float width,
                 const Fonts& fonts, bool dismissable);

enum class NoticeClick { None, Action, Dismiss };
// A dismissable notice with one more button before "Dismiss", labelled `action` ("Undo"): which was clicked.
NoticeClick draw_notice_with_action(const char* id, NoticeKind kind, const std::string& title, const std::string& text,
                                    float width, const Fonts& fonts, const char* action);

}  // namespace gw::ui
