#include "ui/theme.h"

#include "ui/editor/prose_editor.h"

namespace gw::ui {

using color::rgb;

namespace {

constexpr Palette kLight = {
    /*page*/ rgb(251, 250, 247),       /*sidebar*/ rgb(242, 240, 235),     /*surface*/ rgb(255, 255, 255),
    /*surface_alt*/ rgb(246, 248, 252), /*track*/ rgb(232, 229, 222),      /*text*/ rgb(38, 40, 46),
    /*muted*/ rgb(98, 100, 108),       /*faint*/ rgb(160, 160, 166),       /*heading*/ rgb(24, 30, 48),
    /*accent*/ rgb(37, 99, 170),       /*accent_hover*/ rgb(31, 88, 154),  /*accent_held*/ rgb(28, 80, 140),
    /*accent_soft*/ rgb(222, 233, 247), /*accent_border*/ rgb(170, 196, 230), /*on_accent*/ rgb(255, 255, 255),
    /*link*/ rgb(30, 94, 176),         /*rule*/ rgb(222, 219, 211),        /*code_bg*/ rgb(238, 236, 230),
    /*done*/ rgb(46, 140, 87),         /*done_hover*/ rgb(38, 122, 75),    /*done_soft*/ rgb(232, 245, 237),
    /*done_border*/ rgb(170, 214, 188), /*error*/ rgb(184, 50, 48),        /*error_bg*/ rgb(252, 236, 234),
    /*warning*/ rgb(176, 112, 14),     /*warning_bg*/ rgb(253, 243, 222),  /*selection*/ rgb(196, 218, 246),
};

// Dark: a warm charcoal page rather than black (long reading), text at about 13:1, accents lifted so they keep
// WCAG AA contrast (4.5:1) on the page.
constexpr Palette kDark = {
    /*page*/ rgb(30, 31, 34),          /*sidebar*/ rgb(37, 38, 42),        /*surface*/ rgb(43, 45, 50),
    /*surface_alt*/ rgb(38, 41, 48),   /*track*/ rgb(58, 60, 66),          /*text*/ rgb(222, 223, 226),
    /*muted*/ rgb(160, 163, 171),      /*faint*/ rgb(118, 121, 129),       /*heading*/ rgb(240, 241, 244),
    /*accent*/ rgb(110, 168, 240),     /*accent_hover*/ rgb(134, 184, 246), /*accent_held*/ rgb(92, 150, 224),
    /*accent_soft*/ rgb(44, 62, 88),   /*accent_border*/ rgb(78, 110, 152), /*on_accent*/ rgb(18, 22, 30),
    /*link*/ rgb(122, 178, 246),       /*rule*/ rgb(64, 66, 72),           /*code_bg*/ rgb(44, 46, 52),
    /*done*/ rgb(92, 190, 128),        /*done_hover*/ rgb(110, 204, 144),  /*done_soft*/ rgb(34, 52, 42),
    /*done_border*/ rgb(60, 110, 78),  /*error*/ rgb(240, 110, 104),       /*error_bg*/ rgb(64, 36, 36),
    /*warning*/ rgb(228, 170, 72),     /*warning_bg*/ rgb(62, 50, 30),     /*selection*/ rgb(52, 84, 130),
};

Theme g_theme = Theme::Light;

}  // namespace

const Palette& palette() {
    return g_theme == Theme::Dark ? kDark : kLight;
}

Theme current_theme() {
    return g_theme;
}

void use_theme(Theme theme, ImGuiStyle* style) {
    g_theme = theme;
    if (style) apply_style(*style);
}

const char* theme_name(Theme theme) {
    return theme == Theme::Dark ? "dark" : "light";
}

std::optional<Theme> parse_theme(std::string_view name) {
    if (name == "light") return Theme::Light;
    if (name == "dark") return Theme::Dark;
    return std::nullopt;
}

ChipColors chip_colors(const std::string& name) {
    const Palette& p = palette();
    if (g_theme == Theme::Dark) {
        if (name == "green") return {rgb(34, 56, 42), rgb(130, 214, 160), p.done};
        if (name == "yellow") return {rgb(60, 50, 26), rgb(236, 196, 110), rgb(222, 170, 50)};
        if (name == "red") return {rgb(66, 36, 36), rgb(246, 140, 134), p.error};
        if (name == "blue") return {rgb(36, 50, 72), rgb(140, 186, 246), p.accent};
        return {rgb(52, 54, 60), rgb(190, 192, 198), rgb(130, 132, 140)};
    }
    if (name == "green") return {rgb(226, 243, 232), rgb(30, 110, 64), p.done};
    if (name == "yellow") return {rgb(253, 243, 214), rgb(138, 92, 8), rgb(222, 160, 30)};
    if (name == "red") return {rgb(252, 231, 229), rgb(160, 40, 36), p.error};
    if (name == "blue") return {rgb(225, 236, 250), rgb(30, 84, 150), p.accent};
    return {rgb(238, 237, 233), rgb(90, 92, 100), rgb(160, 160, 166)};
}

namespace {

CalloutColors light_callout(CalloutKind kind) {
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
    default: return {rgb(245, 244, 240), kLight.muted, kLight.rule};
    }
}

// The same hues on the dark page: a deep tint of the hue for the box, the accent lifted to read on it (GitHub's
// dark alert colours for the alerts).
CalloutColors dark_callout(CalloutKind kind) {
    switch (kind) {
    case CalloutKind::Stat: return {rgb(34, 46, 64), rgb(110, 168, 240), rgb(52, 72, 100)};
    case CalloutKind::Process: return {rgb(40, 42, 48), rgb(110, 168, 240), rgb(62, 66, 76)};
    case CalloutKind::Mistake: return {rgb(58, 40, 30), rgb(240, 146, 92), rgb(92, 62, 44)};
    case CalloutKind::Insight: return {rgb(44, 38, 62), rgb(176, 150, 240), rgb(72, 62, 100)};
    case CalloutKind::Pause: return {rgb(28, 50, 48), rgb(90, 200, 186), rgb(44, 80, 76)};
    case CalloutKind::Takeaways: return {rgb(40, 42, 48), rgb(92, 190, 128), rgb(56, 84, 66)};
    case CalloutKind::Reflection: return {rgb(56, 48, 28), rgb(226, 182, 90), rgb(90, 76, 44)};
    case CalloutKind::Outcome: return {rgb(32, 50, 40), rgb(92, 190, 128), rgb(52, 84, 64)};
    case CalloutKind::PullQuote: return {0, rgb(110, 168, 240), 0};
    case CalloutKind::Note: return {rgb(30, 44, 66), rgb(88, 166, 255), rgb(48, 72, 108)};
    case CalloutKind::Tip: return {rgb(30, 50, 38), rgb(63, 185, 80), rgb(46, 84, 60)};
    case CalloutKind::Important: return {rgb(46, 38, 68), rgb(171, 125, 248), rgb(74, 60, 110)};
    case CalloutKind::Warning: return {rgb(58, 48, 24), rgb(210, 153, 34), rgb(92, 76, 40)};
    case CalloutKind::Caution: return {rgb(62, 32, 34), rgb(248, 81, 73), rgb(100, 50, 52)};
    default: return {rgb(40, 42, 46), kDark.muted, kDark.rule};
    }
}

}  // namespace

CalloutColors callout_colors(CalloutKind kind) {
    return g_theme == Theme::Dark ? dark_callout(kind) : light_callout(kind);
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
    const Palette& p = palette();
    const bool dark = g_theme == Theme::Dark;
    if (dark) ImGui::StyleColorsDark(&s);
    else ImGui::StyleColorsLight(&s);
    s.WindowRounding = 0;
    s.ChildRounding = 0;
    s.FrameRounding = 5;
    s.GrabRounding = 5;
    s.PopupRounding = 6;
    s.ScrollbarRounding = 6;
    s.ScrollbarSize = 12;
    s.WindowBorderSize = 0;
    s.ChildBorderSize = 0;
    s.PopupBorderSize = 1;
    s.FramePadding = ImVec2(10, 6);
    s.ItemSpacing = ImVec2(8, 6);
    s.WindowPadding = ImVec2(0, 0);
    ImVec4* c = s.Colors;
    c[ImGuiCol_WindowBg] = to_vec4(p.page);
    // Child windows (the reading column, tables' scroll areas, editors) sit on the page and draw no ground of their
    // own unless they push one (the sidebar): on software rendering each filled child was one more blended quad
    // the size of what it covers, every frame.
    c[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_Text] = to_vec4(p.text);
    c[ImGuiCol_TextDisabled] = to_vec4(p.faint);
    c[ImGuiCol_Border] = to_vec4(p.rule);
    c[ImGuiCol_Separator] = to_vec4(p.rule);
    c[ImGuiCol_Button] = to_vec4(dark ? rgb(54, 57, 64) : rgb(234, 232, 226));
    c[ImGuiCol_ButtonHovered] = to_vec4(p.accent_soft);
    c[ImGuiCol_ButtonActive] = to_vec4(dark ? rgb(58, 82, 116) : rgb(200, 218, 242));
    c[ImGuiCol_Header] = to_vec4(p.accent_soft);
    c[ImGuiCol_HeaderHovered] = to_vec4(p.track);
    c[ImGuiCol_HeaderActive] = to_vec4(dark ? rgb(58, 82, 116) : rgb(210, 224, 244));
    c[ImGuiCol_ScrollbarBg] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_ScrollbarGrab] = to_vec4(dark ? rgb(74, 77, 84) : rgb(205, 202, 195));
    c[ImGuiCol_ScrollbarGrabHovered] = to_vec4(dark ? rgb(96, 99, 106) : rgb(180, 177, 170));
    c[ImGuiCol_ScrollbarGrabActive] = to_vec4(dark ? rgb(116, 119, 126) : rgb(160, 157, 150));
    c[ImGuiCol_PlotHistogram] = to_vec4(p.done);
    // Form fields (artifacts, accounts): boxes one step off the page with a hairline, like the reflection editor.
    s.FrameBorderSize = 1;
    c[ImGuiCol_FrameBg] = to_vec4(p.surface);
    c[ImGuiCol_FrameBgHovered] = to_vec4(dark ? rgb(48, 51, 58) : rgb(248, 250, 253));
    c[ImGuiCol_FrameBgActive] = to_vec4(p.surface);
    c[ImGuiCol_TableHeaderBg] = to_vec4(dark ? rgb(40, 42, 47) : rgb(240, 238, 232));
    c[ImGuiCol_TableBorderStrong] = to_vec4(p.rule);
    c[ImGuiCol_TableBorderLight] = to_vec4(dark ? rgb(54, 56, 62) : rgb(232, 229, 222));
    c[ImGuiCol_TableRowBg] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_TableRowBgAlt] = to_vec4(dark ? rgb(34, 35, 39) : rgb(248, 247, 243));
    c[ImGuiCol_TextSelectedBg] = to_vec4(p.selection);
    c[ImGuiCol_NavHighlight] = to_vec4(p.accent);
    c[ImGuiCol_CheckMark] = to_vec4(p.done);
    c[ImGuiCol_SliderGrab] = to_vec4(p.accent);
    c[ImGuiCol_SliderGrabActive] = to_vec4(p.accent_held);
    c[ImGuiCol_PopupBg] = to_vec4(p.surface);
    c[ImGuiCol_ModalWindowDimBg] = dark ? ImVec4(0, 0, 0, 0.55f) : ImVec4(0.2f, 0.2f, 0.2f, 0.35f);
}

void apply_palette(ProseEditorStyle& style) {
    const Palette& p = palette();
    const bool dark = g_theme == Theme::Dark;
    style.background = p.surface;
    style.border = p.rule;
    style.border_hovered = dark ? rgb(90, 93, 100) : rgb(196, 192, 182);
    style.border_focused = color::with_alpha(p.accent, 210);
    style.focus_ring = color::with_alpha(p.accent, 38);
    style.text = p.text;
    style.placeholder_color = dark ? rgb(128, 131, 139) : rgb(150, 151, 158);
    style.selection = p.selection;
    style.selection_unfocused = dark ? rgb(62, 64, 70) : rgb(226, 226, 230);
    style.caret = p.heading;
    style.footer_color = p.muted;
}

}  // namespace gw::ui
