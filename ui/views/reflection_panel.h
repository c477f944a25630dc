#pragma once
// The learner's writing under a reflection prompt or a homework assignment: the wrapped prose editor, its word
// count and the quiet save status. Reads the session, sends edits back; nothing here outlives a restart.
#include <string>

#include "progress/work_session.h"
#include "runtime/course/course.h"
#include "ui/fonts.h"
#include "ui/editor/prose_editor.h"

namespace gw::ui {

struct ReflectionPanelState {
    ProseEditorState editor;
    std::string item_id;          // whose text the editor holds; another id resets undo and the cursor
    bool was_focused = false;
    bool focus_on_open = false;   // resume or "My work": take the keyboard at the stored cursor
    bool scroll_into_view = false;
};

// Draws the editor for `item_id` (`title` is remembered for "My work" should the module later be removed).
void draw_reflection_panel(ReflectionPanelState& state, WorkSession& session, const std::string& item_id,
                           const std::string& title, float width, const Fonts& fonts,
                           const std::string& placeholder = "");

}  // namespace gw::ui
