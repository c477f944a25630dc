#include "ui/theme.h"

namespace gw::ui {

using color::rgb;

ChipColors chip_colors(const std::string& name) {
    if (name == "green") return {rgb(226, 243, 232), rgb(30, 110, 64), color::kDone};
    if (name == "yellow") return {rgb(253, 243, 214), rgb(138, 92, 8), rgb(222, 160, 30)};
    if (name == "red") return {rgb(252, 231, 229), rgb(160, 40, 36), color::kError};
    if (name == "blue") return {rgb(225, 236, 250), rgb(30, 84, 150), color::kAccent};
    return {rgb(238, 237, 233), rgb(90, 92, 100), rgb(160, 160, 166)};
}

CalloutColors callout_colors(CalloutKind kind) {
    switch (kind) {
    case CalloutKind::Stat: return {rgb(232, 240, 250), rgb(37, 99, 170), rgb(200, 217, 238)};
    case CalloutKind::Process: return {rgb(255, 255, 255), rgb(37, 99, 170), rgb(214, 220, 230)};
    case CalloutKind::Mistake: return {rgb(253, 241, 232), rgb(190, 84, 28), rgb(243, 210, 188)};
    case CalloutKind::Insight: return {rgb(240, 236, 250), rgb(104, 72, 176), rgb(219, 209, 240)};
    case CalloutKind::Pause: return {rgb(233, 245, 243), rgb(24, 122, 112), rgb(196, 226, 221)};
    case CalloutKind::Takeaways: return {rgb(255, 255, 255), rgb(46, 140, 87), rgb(210, 228, 216)};
    case CalloutKind::Reflection: return {rgb(255, 250, 235), rgb(160, 110, 10), rgb(238, 222, 180)};
    case CalloutKind::Outcome: return {rgb(236, 246, 239), rgb(46, 140, 87), rgb(200, 230, 210)};
    case CalloutKind::PullQuote: return {0, rgb(37, 99, 170), 0};
    // GitHub's alerts, in the accent colours github.com gives them (on light backgrounds of the same hue).
    case CalloutKind::Note: return {rgb(234, 242, 253), rgb(9, 105, 218), rgb(198, 219, 245)};
    case CalloutKind::Tip: return {rgb(233, 246, 237), rgb(26, 127, 55), rgb(196, 228, 205)};
    case CalloutKind::Important: return {rgb(243, 238, 252), rgb(130, 80, 223), rgb(222, 209, 246)};
    case CalloutKind::Warning: return {rgb(253, 246, 228), rgb(154, 103, 0), rgb(240, 221, 170)};
    case CalloutKind::Caution: return {rgb(253, 236, 236), rgb(209, 36, 47), rgb(245, 200, 203)};
    default: return {rgb(245, 244, 240), color::kMuted, color::kRule};
    }
}

const char* callout_icon(CalloutKind kind) {
    switch (kind) {
    case CalloutKind::Mistake: return "\xE2\x9A\xA0";     // ⚠
    case CalloutKind::Insight: return "\xE2\x9C\xA6";     // ✦
    case CalloutKind::Pause: return "\xE2\x97\x88";       // ◈
    case CalloutKind::Takeaways: return "\xE2\x98\x85";   // ★
    case CalloutKind::Reflection: return "\xE2\x9C\x8E";  // ✎
    case CalloutKind::Outcome: return "\xE2\x9C\x94";     // ✔
    // Alerts: glyphs the body faces already hold (ui/fonts.cpp glyph_ranges), one per kind.
    case CalloutKind::Note: return "\xE2\x97\x89";       // ◉
    case CalloutKind::Tip: return "\xE2\x98\x86";        // ☆
    case CalloutKind::Important: return "\xE2\x97\x86";  // ◆
    case CalloutKind::Warning: return "\xE2\x9A\xA0";    // ⚠
    case CalloutKind::Caution: return "\xE2\x97\x8F";    // ●
    default: return "";
    }
}

ImVec4 to_vec4(ImU32 c) {
    return ImGui::ColorConvertU32ToFloat4(c);
}

void apply_style(ImGuiStyle& s) {
    ImGui::StyleColorsLight(&s);
    s.WindowRounding = 0;
    s.ChildRounding = 0;
    s.FrameRounding = 5;
    s.GrabRounding = 5;
    s.PopupRounding = 6;
    s.ScrollbarRounding = 6;
    s.ScrollbarSize = 12;
    s.WindowBorderSize = 0;
    s.ChildBorderSize = 0;
    s.FramePadding = ImVec2(10, 6);
    s.ItemSpacing = ImVec2(8, 6);
    s.WindowPadding = ImVec2(0, 0);
    ImVec4* c = s.Colors;
    c[ImGuiCol_WindowBg] = to_vec4(color::kPage);
    c[ImGuiCol_ChildBg] = to_vec4(color::kPage);
    c[ImGuiCol_Text] = to_vec4(color::kText);
    c[ImGuiCol_TextDisabled] = to_vec4(color::kFaint);
    c[ImGuiCol_Border] = to_vec4(color::kRule);
    c[ImGuiCol_Separator] = to_vec4(color::kRule);
    c[ImGuiCol_Button] = to_vec4(rgb(234, 232, 226));
    c[ImGuiCol_ButtonHovered] = to_vec4(color::kAccentSoft);
    c[ImGuiCol_ButtonActive] = to_vec4(rgb(200, 218, 242));
    c[ImGuiCol_Header] = to_vec4(color::kAccentSoft);
    c[ImGuiCol_HeaderHovered] = to_vec4(rgb(230, 228, 221));
    c[ImGuiCol_HeaderActive] = to_vec4(rgb(210, 224, 244));
    c[ImGuiCol_ScrollbarBg] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_ScrollbarGrab] = to_vec4(rgb(205, 202, 195));
    c[ImGuiCol_ScrollbarGrabHovered] = to_vec4(rgb(180, 177, 170));
    c[ImGuiCol_ScrollbarGrabActive] = to_vec4(rgb(160, 157, 150));
    c[ImGuiCol_PlotHistogram] = to_vec4(color::kDone);
    // Form fields (artifacts, accounts): white boxes with a hairline, like the reflection editor.
    s.FrameBorderSize = 1;
    c[ImGuiCol_FrameBg] = to_vec4(rgb(255, 255, 254));
    c[ImGuiCol_FrameBgHovered] = to_vec4(rgb(248, 250, 253));
    c[ImGuiCol_FrameBgActive] = to_vec4(rgb(255, 255, 255));
    c[ImGuiCol_TableHeaderBg] = to_vec4(rgb(240, 238, 232));
    c[ImGuiCol_TableBorderStrong] = to_vec4(color::kRule);
    c[ImGuiCol_TableBorderLight] = to_vec4(rgb(232, 229, 222));
    c[ImGuiCol_TableRowBg] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_TableRowBgAlt] = to_vec4(rgb(248, 247, 243));
    c[ImGuiCol_TextSelectedBg] = to_vec4(rgb(196, 218, 246));
    c[ImGuiCol_NavHighlight] = to_vec4(color::kAccent);
    c[ImGuiCol_CheckMark] = to_vec4(color::kDone);
    c[ImGuiCol_PopupBg] = to_vec4(rgb(255, 255, 255));
}

}  // namespace gw::ui
