#pragma once
// "Recently deleted", under My work: what the learner deleted in the last 30 days (an artifact, or an account with
// its artifacts), newest first, each with a Restore button (Profile::recently_deleted, progress/profile.h).
#include "progress/work_session.h"
#include "runtime/course/course.h"
#include "ui/fonts.h"

namespace gw::ui {

// Draws the section `width` px wide, nothing when nothing was deleted. A click on Restore puts the entry back
// through the session (saved at once). Read-only sessions show the list without buttons.
void draw_recently_deleted(WorkSession& session, const Course& course, float width, const Fonts& fonts);

}  // namespace gw::ui
