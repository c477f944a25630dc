#pragma once
// The reading column: a chapter overview, or a module or homework page with its header, body and navigation.
#include <functional>
#include <string>

#include "runtime/course.h"
#include "runtime/page_navigator.h"
#include "ui/document_view.h"
#include "ui/fonts.h"

namespace gw::ui {

struct PageHooks {
    // Draws the learner's editor under an item's reflection prompt (or at the end of a homework page).
    std::function<void(const CourseItem&, float width)> reflection_editor;
    // Draws item actions (mark done) in the page footer.
    std::function<void(const CourseItem&, float width)> item_footer;
};

// View state of the reading column; nothing here needs to survive a restart (scroll is saved by the host).
struct PageViewState {
    DocumentView body;
    std::string shown_page;
    float pending_scroll = -1;  // applied on the next frame, once the content height is known
    float scroll = 0;           // last scroll position, read by the host to save it
    float column_width = 0;
};

// Returns a page id when the learner asked to go somewhere, else "".
std::string draw_page(PageViewState& state, const Course& course, const PageNavigator& nav, const PageHooks& hooks,
                      const Fonts& fonts);

// Width of the reading column for an available width: comfortable line length, centred.
float reading_column_width(float available);

}  // namespace gw::ui
