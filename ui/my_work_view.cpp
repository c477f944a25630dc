#include "ui/my_work_view.h"

#include <imgui.h>

#include <ctime>

#include "runtime/work_list.h"
#include "ui/text_buffer.h"
#include "ui/item_probe.h"
#include "ui/theme.h"

namespace gw::ui {

namespace {

std::string when(Millis ms) {
    if (ms <= 0) return "";
    std::time_t t = static_cast<std::time_t>(ms / 1000);
    std::tm tm{};
    localtime_r(&t, &tm);
    char buf[48];
    std::strftime(buf, sizeof buf, "edited %e %b %Y, %H:%M", &tm);
    return buf;
}

std::string upper(std::string s) {
    for (char& c : s)
        if (c >= 'a' && c <= 'z') c = char(c - 'a' + 'A');
    return s;
}

bool work_card(const WorkEntry& e, float width, const Fonts& fonts) {
    const std::string kicker = upper(e.where + "  \xC2\xB7  " + format_word_count(count_words(e.reflection->text)));
    const std::string edited = when(e.reflection->edited);
    const std::string preview = first_words(e.reflection->text, 220);
    const float wrap = width - 36;
    ImFont* tf = fonts.ui.bold;
    ImFont* pf = fonts.body.italic;
    ImVec2 ts = tf->CalcTextSizeA(tf->FontSize, 1e9f, wrap, e.title.c_str());
    ImVec2 ps = pf->CalcTextSizeA(pf->FontSize, 1e9f, wrap, preview.c_str());
    const float h = 16 + fonts.label->FontSize + 6 + ts.y + 6 + ps.y + 16;

    ImVec2 p = ImGui::GetCursorScreenPos();
    ImGui::PushID(e.id.c_str());
    bool clicked = ImGui::InvisibleButton("card", ImVec2(width, h));
    probe::last_item("work:" + e.id);
    bool hovered = ImGui::IsItemHovered();
    ImGui::PopID();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(p, ImVec2(p.x + width, p.y + h), hovered ? color::kAccentSoft : color::rgb(255, 255, 255), 8);
    dl->AddRect(p, ImVec2(p.x + width, p.y + h), hovered ? color::rgb(170, 196, 230) : color::kRule, 8);
    if (!e.in_course) dl->AddRectFilled(p, ImVec2(p.x + 4, p.y + h), color::kWarning, 8, ImDrawFlags_RoundCornersLeft);
    float y = p.y + 16;
    dl->AddText(fonts.label, fonts.label->FontSize, ImVec2(p.x + 18, y), e.in_course ? color::kAccent : color::kWarning,
                kicker.c_str());
    if (!edited.empty()) {
        float w = fonts.small->CalcTextSizeA(fonts.small->FontSize, 1e9f, 0, edited.c_str()).x;
        dl->AddText(fonts.small, fonts.small->FontSize, ImVec2(p.x + width - 18 - w, y - 1), color::kMuted,
                    edited.c_str());
    }
    y += fonts.label->FontSize + 6;
    dl->AddText(tf, tf->FontSize, ImVec2(p.x + 18, y), color::kHeading, e.title.c_str(), nullptr, wrap);
    y += ts.y + 6;
    dl->AddText(pf, pf->FontSize, ImVec2(p.x + 18, y), color::kMuted, preview.c_str(), nullptr, wrap);
    if (hovered) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    return clicked;
}

}  // namespace

std::string first_words(const std::string& text, size_t max_bytes) {
    std::string flat;
    flat.reserve(std::min(text.size(), max_bytes + 8));
    for (char c : text) {
        if (flat.size() > max_bytes) break;
        bool space = c == '\n' || c == '\t' || c == ' ';
        if (space && (flat.empty() || flat.back() == ' ')) continue;
        flat.push_back(space ? ' ' : c);
    }
    if (flat.size() <= max_bytes) {
        while (!flat.empty() && flat.back() == ' ') flat.pop_back();
        return flat;
    }
    size_t cut = utf8::floor_boundary(flat, max_bytes);
    size_t space = flat.rfind(' ', cut);
    if (space != std::string::npos && space > max_bytes / 2) cut = space;
    flat.resize(cut);
    while (!flat.empty() && (flat.back() == ' ' || flat.back() == ',' || flat.back() == '.')) flat.pop_back();
    return flat + "\xE2\x80\xA6";
}

std::string draw_my_work(const Profile& profile, const Course& course, float width, const Fonts& fonts) {
    std::string go;
    const std::vector<WorkEntry> work = list_work(profile, course);
    ImGui::PushFont(fonts.label);
    ImGui::PushStyleColor(ImGuiCol_Text, color::kAccent);
    ImGui::TextUnformatted(upper(course.title.empty() ? "Your course" : course.title).c_str());
    ImGui::PopStyleColor();
    ImGui::PopFont();
    ImGui::Dummy(ImVec2(0, 4));
    ImGui::PushFont(fonts.title);
    ImGui::PushStyleColor(ImGuiCol_Text, color::kHeading);
    ImGui::TextUnformatted("My work");
    ImGui::PopStyleColor();
    ImGui::PopFont();
    ImGui::PushFont(fonts.heading);
    ImGui::PushStyleColor(ImGuiCol_Text, color::kMuted);
    ImGui::TextWrapped(work.empty() ? "Nothing written yet"
                                    : work.size() == 1 ? "One reflection, kept on this computer"
                                                       : "%d reflections, newest first",
                       int(work.size()));
    ImGui::PopStyleColor();
    ImGui::PopFont();
    ImGui::Dummy(ImVec2(0, 14));
    ImVec2 p = ImGui::GetCursorScreenPos();
    ImGui::GetWindowDrawList()->AddLine(p, ImVec2(p.x + width, p.y), color::kRule);
    ImGui::Dummy(ImVec2(0, 20));

    if (work.empty()) {
        ImGui::PushFont(fonts.body.regular);
        ImGui::PushStyleColor(ImGuiCol_Text, color::kText);
        ImGui::TextWrapped("Each module ends with a reflection prompt, and each homework assignment has room for "
                           "your notes. What you write there is saved as you type and listed here.");
        ImGui::PopStyleColor();
        ImGui::PopFont();
        return go;
    }
    for (const WorkEntry& e : work) {
        if (work_card(e, width, fonts)) go = e.id;
        ImGui::Dummy(ImVec2(0, 4));
    }
    return go;
}

}  // namespace gw::ui
