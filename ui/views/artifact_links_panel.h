#pragma once
// Under a reflection or homework: the artifacts it asks for (status at a glance, open, create for an account),
// and any other artifact the learner linked to it.
#include <string>

#include "progress/work_session.h"
#include "runtime/course/course.h"
#include "ui/fonts.h"

namespace gw::ui {

struct ArtifactLinksState {
    std::string item_id;
    std::string new_account_name;  // typed into "New account…" before creating
};

// Returns the id of an artifact to open, or "".
std::string draw_artifact_links(ArtifactLinksState& state, WorkSession& session, const Course& course,
                                const CourseItem& item, float width, const Fonts& fonts);

}  // namespace gw::ui
