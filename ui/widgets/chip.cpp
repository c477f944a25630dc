#include "ui/widgets/chip.h"

#include <imgui.h>

#include "ui/theme.h"

namespace gw::ui {

float chip_width(const std::string& label, const Fonts& fonts) {
    return fonts.small->CalcTextSizeA(fonts.small->FontSize, 1e9f, 0, label.c_str()).x + 30;
}

void Chip(const std::string& label, const std::string& color, const Fonts& fonts) {
    const ChipColors c = chip_colors(color);
    ImFont* f = fonts.small;
    const ImVec2 size(chip_width(label, fonts), f->FontSize + 8);
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(p, ImVec2(p.x + size.x, p.y + size.y), c.background, size.y * 0.5f);
    dl->AddCircleFilled(ImVec2(p.x + 11, p.y + size.y * 0.5f), 4, c.dot);
    dl->AddText(f, f->FontSize, ImVec2(p.x + 20, p.y + 4), c.ink, label.c_str());
    ImGui::Dummy(size);
}

}  // namespace gw::ui
