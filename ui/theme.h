#pragma once
// The reader's palette and ImGui style: a calm light theme with one accent, and a tint per callout kind.
#include <imgui.h>

#include <string>

#include "runtime/markdown/document.h"

namespace gw::ui {

struct CalloutColors {
    ImU32 background;
    ImU32 accent;  // bar, icon and title
    ImU32 border;
};

namespace color {
constexpr ImU32 rgb(unsigned r, unsigned g, unsigned b, unsigned a = 255) {
    return (a << 24) | (b << 16) | (g << 8) | r;
}
constexpr ImU32 kPage = rgb(251, 250, 247);
constexpr ImU32 kSidebar = rgb(242, 240, 235);
constexpr ImU32 kText = rgb(38, 40, 46);
constexpr ImU32 kMuted = rgb(110, 112, 120);
constexpr ImU32 kFaint = rgb(160, 160, 166);
constexpr ImU32 kHeading = rgb(24, 30, 48);
constexpr ImU32 kAccent = rgb(37, 99, 170);
constexpr ImU32 kAccentSoft = rgb(222, 233, 247);
constexpr ImU32 kLink = rgb(30, 94, 176);
constexpr ImU32 kRule = rgb(222, 219, 211);
constexpr ImU32 kCodeBg = rgb(238, 236, 230);
constexpr ImU32 kDone = rgb(46, 140, 87);
constexpr ImU32 kError = rgb(184, 50, 48);
constexpr ImU32 kErrorBg = rgb(252, 236, 234);
constexpr ImU32 kWarning = rgb(176, 112, 14);
}  // namespace color

CalloutColors callout_colors(CalloutKind kind);

// The colours content may name for choice options and rule results (green, yellow, red, blue, grey).
struct ChipColors {
    ImU32 background;
    ImU32 ink;
    ImU32 dot;
};
ChipColors chip_colors(const std::string& name);
// The icon shown before a callout's title ("" for none).
const char* callout_icon(CalloutKind kind);

void apply_style(ImGuiStyle& style);
ImVec4 to_vec4(ImU32 c);

}  // namespace gw::ui
