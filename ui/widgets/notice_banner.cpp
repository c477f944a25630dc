#include "ui/widgets/notice_banner.h"

#include <imgui.h>

#include "ui/item_probe.h"
#include "ui/widgets/buttons.h"
#include "ui/theme.h"
#include "ui/text_style.h"

namespace gw::ui {

namespace {

NoticeClick notice_banner(const char* id, NoticeKind kind, const std::string& title, const std::string& text,
                          float width, const Fonts& fonts, bool dismissable, const char* action) {
    ImU32 bg = kind == NoticeKind::Error ? palette().error_bg : kind == NoticeKind::Warning ? palette().warning_bg
                                                                                       : palette().accent_soft;
    ImU32 ink = kind == NoticeKind::Error ? palette().error : kind == NoticeKind::Warning ? palette().warning : palette().accent;
    NoticeClick clicked = NoticeClick::None;
    ImGui::PushID(id);
    // Room on the right for the buttons: Dismiss, and the action's before it.
    const float action_w = action ? ImGui::CalcTextSize(action).x + 46 : 0;  // the button and a gap after it
    const float buttons_w = (dismissable ? 90 : 0) + action_w;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImVec2 p0 = ImGui::GetCursorScreenPos();
    dl->ChannelsSplit(2);
    dl->ChannelsSetCurrent(1);
    ImGui::SetCursorScreenPos(ImVec2(p0.x + 18, p0.y + 12));
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width - 36 - buttons_w);
    StyledText(fonts.ui.bold, ink, title);
    StyledText(fonts.ui.regular, palette().text, text);
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
    float h = ImGui::GetItemRectMax().y - p0.y + 12;
    if (action) {
        ImGui::SetCursorScreenPos(ImVec2(p0.x + width - 96 - action_w, p0.y + 8));
        if (PageButton(action, ButtonKind::Primary, fonts)) clicked = NoticeClick::Action;
        probe::last_item(std::string("notice-action:") + id);
    }
    if (dismissable) {
        ImGui::SetCursorScreenPos(ImVec2(p0.x + width - 96, p0.y + 8));
        if (PageButton("Dismiss", ButtonKind::Quiet, fonts)) clicked = NoticeClick::Dismiss;
        probe::last_item(std::string("notice-dismiss:") + id);
    }
    dl->ChannelsSetCurrent(0);
    dl->AddRectFilled(p0, ImVec2(p0.x + width, p0.y + h), bg, 8);
    dl->AddRectFilled(p0, ImVec2(p0.x + 4, p0.y + h), ink);
    dl->ChannelsMerge();
    ImGui::SetCursorScreenPos(ImVec2(p0.x, p0.y + h));
    ImGui::Dummy(ImVec2(width, 14));
    ImGui::PopID();
    return clicked;
}

}  // namespace

bool draw_notice(const char* id, NoticeKind kind, const std::string& title, const std::string& text, float width,
                 const Fonts& fonts, bool dismissable) {
    return notice_banner(id, kind, title, text, width, fonts, dismissable, nullptr) == NoticeClick::Dismiss;
}

NoticeClick draw_notice_with_action(const char* id, NoticeKind kind, const std::string& title, const std::string& text,
                                    float width, const Fonts& fonts, const char* action) {
    return notice_banner(id, kind, title, text, width, fonts, true, action);
}

}  // namespace gw::ui
