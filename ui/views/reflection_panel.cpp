#include "ui/views/reflection_panel.h"

#include <imgui.h>

#include <ctime>

#include "ui/item_probe.h"
#include "ui/text_style.h"
#include "ui/theme.h"

namespace gw::ui {

namespace {

void draw_read_only_text(const std::string& text, float width, const Fonts& fonts) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 p = ImGui::GetCursorScreenPos();
    dl->ChannelsSplit(2);
    dl->ChannelsSetCurrent(1);
    ImGui::SetCursorScreenPos(ImVec2(p.x + 16, p.y + 12));
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width - 32);
    StyledText(fonts.body.regular, palette().muted, text);
    ImGui::PopTextWrapPos();
    const float h = ImGui::GetItemRectMax().y - p.y + 12;
    dl->ChannelsSetCurrent(0);
    dl->AddRectFilled(p, ImVec2(p.x + width, p.y + h), palette().code_bg, 8);
    dl->ChannelsMerge();
    ImGui::SetCursorScreenPos(ImVec2(p.x, p.y + h));
    ImGui::Dummy(ImVec2(width, 6));
}

}  // namespace

void draw_reflection_panel(ReflectionPanelState& state, WorkSession& session, const std::string& item_id,
                           const std::string& title, float width, const Fonts& fonts, const std::string& placeholder) {
    const Reflection* stored = session.work().reflection(item_id);
    if (state.item_id != item_id) {
        state.editor = ProseEditorState();
        state.item_id = item_id;
        state.was_focused = false;
        if (stored) state.editor.set_cursor(stored->cursor);
    }
    if (state.focus_on_open) {
        state.editor.focused = true;
        state.focus_on_open = false;
    }

    ProseEditorStyle style;
    apply_palette(style);
    style.width = width;
    style.font = fonts.body.regular;
    style.font_size = fonts.body.regular->FontSize;
    style.footer_font = fonts.small;
    style.min_lines = 5;
    const bool read_only = session.store().read_only();
    if (!placeholder.empty()) style.placeholder = placeholder.c_str();
    if (read_only) style.placeholder = "This profile is read-only: see the note at the top of the page.";

    std::string text = stored ? stored->text : std::string();
    const std::string before = text;
    if (read_only) {
        // Shown, not editable: typed text could never be saved.
        draw_read_only_text(text.empty() ? style.placeholder : text, width, fonts);
        probe::last_item("reflection-editor");
        StyledText(fonts.small, palette().error, "Read-only", false);
        return;
    }
    ImGui::PushID(item_id.c_str());
    const bool changed = ProseEditor("##reflection", text, state.editor, style);
    probe::last_item("reflection-editor");
    ImGui::PopID();
    if (state.scroll_into_view) {
        ImGui::SetScrollHereY(0.35f);
        state.scroll_into_view = false;
    }
    if (changed && text != before) session.write_reflection(item_id, title, text, state.editor.cursor());
    else if (stored) session.move_cursor(item_id, state.editor.cursor());

    // Losing focus is a natural pause: write now rather than a second later.
    if (state.was_focused && !state.editor.focused) session.save_now();
    state.was_focused = state.editor.focused;

    const SaveStatus status = session.status();
    // Report saving only for text changed in this run; older text says when it was last edited.
    std::string line;
    const Reflection* now_stored = session.work().reflection(item_id);
    if (now_stored && now_stored->edited >= session.started_at()) {
        line = session.status_text();
    } else if (now_stored && now_stored->edited > 0) {
        line = time_text(now_stored->edited, "Last edited %e %b %Y, %H:%M");
    }
    if (status.state == SaveState::Failed) line = session.status_text();
    if (status.state == SaveState::Failed || status.state == SaveState::ReadOnly) style.footer_color = palette().error;
    else style.footer_color = palette().muted;
    ProseEditorFooter(state.editor, line.c_str(), style);
}

}  // namespace gw::ui
