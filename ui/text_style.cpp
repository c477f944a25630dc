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

std::string fit_text(ImFont* font, std::string text, float width) {
    auto w = [&](const std::string& s) { return font->CalcTextSizeA(font->FontSize, 1e9f, 0, s.c_str()).x; };
    if (w(text) <= width) return text;
    const std::string ellipsis = "\xE2\x80\xA6";
    while (!text.empty() && w(text + ellipsis) > width) {
        text.pop_back();
        while (!text.empty() && (static_cast<unsigned char>(text.back()) & 0xC0) == 0x80) text.pop_back();
    }
    while (!text.empty() && text.back() == ' ') text.pop_back();
    return text + ellipsis;
}

void StyledText(ImFont* font, ImU32 color, const std::string& text, bool wrapped) {
    ImGui::PushFont(font);
    ImGui::PushStyleColor(ImGuiCol_Text, color);
    if (wrapped) {
        ImGui::TextWrapped("%s", text.c_str());
    } else {
        // TextUnformatted still wraps at a wrap position pushed around it (every page column pushes one), so text
        // placed near the column's right edge went down the page a letter per line. -1 turns wrapping off.
        const std::string shown = fit_text(font, text, ImGui::GetContentRegionAvail().x);
        ImGui::PushTextWrapPos(-1.0f);
        ImGui::TextUnformatted(shown.c_str(), shown.c_str() + shown.size());
        ImGui::PopTextWrapPos();
        if (shown.size() != text.size() && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", text.c_str());
    }
    ImGui::PopStyleColor();
    ImGui::PopFont();
}

}  // namespace gw::ui
