#include "ui/widgets/completion_bar.h"

#include <imgui.h>

#include "ui/widgets/buttons.h"
#include "ui/item_probe.h"
#include "ui/theme.h"
#include "ui/text_style.h"

namespace gw::ui {

void draw_completion_bar(WorkSession& session, const CourseItem& item, float width, const Fonts& fonts) {
    const bool done = session.work().is_done(item.id);
    const bool homework = item.kind == ItemKind::Homework;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImVec2 p = ImGui::GetCursorScreenPos();
    const float h = 64;
    dl->AddRectFilled(p, ImVec2(p.x + width, p.y + h), done ? palette().done_soft : palette().surface, 10);
    dl->AddRect(p, ImVec2(p.x + width, p.y + h), done ? palette().done_border : palette().rule, 10);

    ImGui::SetCursorScreenPos(ImVec2(p.x + 18, p.y + 14));
    ImGui::BeginDisabled(session.store().read_only());
    if (done) {
        if (PageButton(homework ? "\xE2\x9C\x93  Homework done##done" : "\xE2\x9C\x93  Module done##done",
                       ButtonKind::Done, fonts))
            session.set_done(item.id, false);
        probe::last_item("done-button");
    } else {
        if (PageButton(homework ? "Mark homework as done##done" : "Mark module as done##done", ButtonKind::Primary,
                       fonts))
            session.set_done(item.id, true);
        probe::last_item("done-button");
    }
    ImGui::EndDisabled();
    ImGui::SameLine(0, 16);
    const char* note = done       ? "Counted in your progress. Click again to undo."
                       : homework ? "Lock it in before you move on."
                                  : "Your reflection is saved either way.";
    if (width < 560) note = "";  // a narrow column keeps just the button
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + 9);
    StyledText(fonts.small, palette().muted, note, false);
    ImGui::SetCursorScreenPos(ImVec2(p.x, p.y + h));
    ImGui::Dummy(ImVec2(width, 0));
}

}  // namespace gw::ui
