#include "ui/widgets/notice_banner.h"

#include <imgui.h>

#include "ui/widgets/buttons.h"
#include "ui/theme.h"
#include "ui/text_style.h"

namespace gw::ui {

bool draw_notice(const char* id, NoticeKind kind, const std::string& title, const std::string& text, float width,
                 const Fonts& fonts, bool dismissable) {
    ImU32 bg = kind == NoticeKind::Error ? palette().error_bg : kind == NoticeKind::Warning ? palette().warning_bg
                                                                                       : palette().accent_soft;
    ImU32 ink = kind == NoticeKind::Error ? palette().error : kind == NoticeKind::Warning ? palette().warning : palette().accent;
    bool dismissed = false;
    ImGui::PushID(id);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImVec2 p0 = ImGui::GetCursorScreenPos();
    dl->ChannelsSplit(2);
    dl->ChannelsSetCurrent(1);
    ImGui::SetCursorScreenPos(ImVec2(p0.x + 18, p0.y + 12));
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width - 36 - (dismissable ? 90 : 0));
    StyledText(fonts.ui.bold, ink, title);
    StyledText(fonts.ui.regular, palette().text, text);
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
    float h = ImGui::GetItemRectMax().y - p0.y + 12;
    if (dismissable) {
        ImGui::SetCursorScreenPos(ImVec2(p0.x + width - 96, p0.y + 8));
        dismissed = PageButton("Dismiss", ButtonKind::Quiet, fonts);
    }
    dl->ChannelsSetCurrent(0);
    dl->AddRectFilled(p0, ImVec2(p0.x + width, p0.y + h), bg, 8);
    dl->AddRectFilled(p0, ImVec2(p0.x + 4, p0.y + h), ink);
    dl->ChannelsMerge();
    ImGui::SetCursorScreenPos(ImVec2(p0.x, p0.y + h));
    ImGui::Dummy(ImVec2(width, 14));
    ImGui::PopID();
    return dismissed;
}

}  // namespace gw::ui
