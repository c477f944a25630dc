#include "ui/markdown/line_fit.h"

#include <imgui_internal.h>  // the current wrap position: ImGui has no public getter

#include "ui/text_style.h"

namespace gw::ui {

float room_on_line() {
    const ImGuiWindow* w = ImGui::GetCurrentWindowRead();
    const float right = w->DC.TextWrapPos > 0 ? w->Pos.x - w->Scroll.x + w->DC.TextWrapPos
                                              : ImGui::GetCursorScreenPos().x + ImGui::GetContentRegionAvail().x;
    return right - ImGui::GetCursorScreenPos().x;
}

bool SameLineIfFits(float width, float gap) {
    ImGui::SameLine(0, gap);
    if (room_on_line() >= width) return true;
    ImGui::NewLine();  // undoes SameLine: the next item starts the following line at the column's left edge
    return false;
}

void TextAfter(ImFont* font, ImU32 color, const std::string& text, float baseline, float gap) {
    const float width = font->CalcTextSizeA(font->FontSize, 1e9f, 0, text.c_str()).x;
    if (SameLineIfFits(width + 1, gap)) ImGui::SetCursorPosY(ImGui::GetCursorPosY() + baseline);
    StyledText(font, color, text, true);
}

void TextBeside(ImFont* font, ImU32 color, const std::string& text, float min_width, float baseline, float gap) {
    if (SameLineIfFits(min_width, gap)) ImGui::SetCursorPosY(ImGui::GetCursorPosY() + baseline);
    StyledText(font, color, text, true);
}

}  // namespace gw::ui
