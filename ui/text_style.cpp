#include "ui/text_style.h"

#include <ctime>

namespace gw::ui {

std::string upper(std::string s) {
    for (char& c : s)
        if (c >= 'a' && c <= 'z') c = char(c - 'a' + 'A');
    return s;
}

std::string time_text(Millis ms, const char* format) {
    std::time_t t = static_cast<std::time_t>(ms / 1000);
    std::tm tm{};
    localtime_r(&t, &tm);
    char buf[96];
    std::strftime(buf, sizeof buf, format, &tm);
    return buf;
}

void StyledText(ImFont* font, ImU32 color, const std::string& text, bool wrapped) {
    ImGui::PushFont(font);
    ImGui::PushStyleColor(ImGuiCol_Text, color);
    if (wrapped) {
        ImGui::TextWrapped("%s", text.c_str());
    } else {
        // TextUnformatted still wraps at a wrap position pushed around it (every page column pushes one), so text
        // placed near the column's right edge went down the page a letter per line. -1 turns wrapping off.
        ImGui::PushTextWrapPos(-1.0f);
        ImGui::TextUnformatted(text.c_str(), text.c_str() + text.size());
        ImGui::PopTextWrapPos();
    }
    ImGui::PopStyleColor();
    ImGui::PopFont();
}

}  // namespace gw::ui
