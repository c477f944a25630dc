#include "ui/widgets/buttons.h"

#include <imgui.h>
#include <imgui_internal.h>  // FindRenderedTextEnd: labels follow ImGui's "visible##id" rule

#include "ui/theme.h"

namespace gw::ui {

bool PageButton(const char* id_label, ButtonKind kind, const Fonts& fonts) {
    ImFont* font = kind == ButtonKind::Link ? fonts.ui.regular : fonts.ui.bold;
    const char* end = ImGui::FindRenderedTextEnd(id_label);
    ImVec2 text = font->CalcTextSizeA(font->FontSize, 1e9f, 0, id_label, end);
    const ImVec2 pad = kind == ButtonKind::Link ? ImVec2(2, 4) : ImVec2(16, 9);
    const ImVec2 size(text.x + pad.x * 2, text.y + pad.y * 2);
    ImVec2 p = ImGui::GetCursorScreenPos();
    const bool disabled = (GImGui->CurrentItemFlags & ImGuiItemFlags_Disabled) != 0;
    bool clicked = ImGui::InvisibleButton(id_label, size) && !disabled;
    bool hovered = ImGui::IsItemHovered() && !disabled, held = ImGui::IsItemActive() && !disabled;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImU32 fill = 0, border = 0, ink = palette().accent;
    switch (kind) {
    case ButtonKind::Primary:
        fill = held ? palette().accent_held : hovered ? palette().accent_hover : palette().accent;
        ink = palette().on_accent;
        break;
    case ButtonKind::Done:
        fill = hovered ? palette().done_hover : palette().done;
        ink = palette().on_accent;
        break;
    case ButtonKind::Quiet:
        fill = hovered ? palette().accent_soft : palette().surface;
        border = hovered ? palette().accent_border : palette().rule;
        break;
    case ButtonKind::Link:
        ink = hovered ? palette().heading : palette().muted;
        break;
    }
    if (disabled) {  // drawn by hand, so fade by hand: a dead button must look dead
        auto fade = [](ImU32 c) { return (c & 0x00FFFFFF) | (((c >> 24) * 2 / 5) << 24); };
        fill = fill ? fade(fill) : 0;
        border = border ? fade(border) : 0;
        ink = fade(ink);
    }
    ImVec2 q(p.x + size.x, p.y + size.y);
    if (fill) dl->AddRectFilled(p, q, fill, 7);
    if (border) dl->AddRect(p, q, border, 7);
    dl->AddText(font, font->FontSize, ImVec2(p.x + pad.x, p.y + pad.y), ink, id_label, end);
    if (kind == ButtonKind::Link && hovered)
        dl->AddLine(ImVec2(p.x + pad.x, q.y - pad.y + 1), ImVec2(q.x - pad.x, q.y - pad.y + 1), ink);
    if (ImGui::IsItemFocused() && ImGui::GetIO().NavVisible) dl->AddRect(p, q, palette().accent, 7, 0, 2);
    if (hovered) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    return clicked;  // (a disabled button never reports a click)
}

}  // namespace gw::ui
