#include "ui/my_work_view.h"

#include <imgui.h>

#include <ctime>

#include <algorithm>

#include "runtime/artifact_rules.h"
#include "runtime/work_list.h"
#include "ui/artifact_view.h"
#include "ui/buttons.h"
#include "ui/chip.h"
#include "ui/sidebar_view.h"
#include "ui/text_buffer.h"
#include "ui/item_probe.h"
#include "ui/theme.h"
#include "ui/text_style.h"

namespace gw::ui {

namespace {

std::string when(Millis ms) { return ms > 0 ? time_text(ms, "edited %e %b %Y, %H:%M") : ""; }

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
    StyledText(fonts.label, color::kAccent, upper(course.title.empty() ? "Your course" : course.title), false);
    ImGui::Dummy(ImVec2(0, 4));
    StyledText(fonts.title, color::kHeading, "My work", false);
    ImGui::PushFont(fonts.heading);
    ImGui::PushStyleColor(ImGuiCol_Text, color::kMuted);
    const int pieces = int(work.size() + profile.artifacts.size());
    ImGui::TextWrapped(pieces == 0   ? "Nothing written yet"
                       : pieces == 1 ? "One piece of work, kept on this computer"
                                     : "%d pieces of work, newest first",
                       pieces);
    ImGui::PopStyleColor();
    ImGui::PopFont();
    ImGui::Dummy(ImVec2(0, 14));
    ImVec2 p = ImGui::GetCursorScreenPos();
    ImGui::GetWindowDrawList()->AddLine(p, ImVec2(p.x + width, p.y), color::kRule);
    ImGui::Dummy(ImVec2(0, 20));

    if (work.empty() && profile.artifacts.empty()) {
        StyledText(fonts.body.regular, color::kText, "Each module ends with a reflection prompt, and each homework assignment has room for "
                           "your notes. What you write there is saved as you type and listed here.");
        return go;
    }
    for (const WorkEntry& e : work) {
        if (work_card(e, width, fonts)) go = e.id;
        ImGui::Dummy(ImVec2(0, 4));
    }
    if (!profile.artifacts.empty()) {
        ImGui::Dummy(ImVec2(0, 14));
        StyledText(fonts.label, color::kMuted, "WORKED ARTIFACTS", false);
        ImGui::Dummy(ImVec2(0, 4));
        // Newest change first, like the reflections above.
        std::vector<const Artifact*> arts;
        for (const Artifact& a : profile.artifacts) arts.push_back(&a);
        std::stable_sort(arts.begin(), arts.end(), [](const Artifact* x, const Artifact* y) { return x->edited > y->edited; });
        for (const Artifact* a : arts) {
            ImGui::PushID(a->id.c_str());
            const ArtifactKind* kind = course.find_artifact_kind(a->kind);
            const ArtifactStatus status = kind ? artifact_status(*kind, a->values) : ArtifactStatus{"Kept", "grey"};
            if (!status.label.empty()) {
                Chip(status.label, status.color, fonts);
                ImGui::SameLine(0, 10);
            }
            const auto links = profile.links_to(a->id);
            std::string where;
            for (const std::string& item : links) {
                const CourseItem* ci = course.find_item(item);
                where += (where.empty() ? "" : ", ") +
                         (ci ? (ci->kind == ItemKind::Homework ? "Homework " : "Module ") + std::to_string(ci->number)
                             : item);
            }
            const std::string label = artifact_display_name(*a, course, profile) + "  \xE2\x80\xBA##open";
            if (PageButton(label.c_str(), ButtonKind::Link, fonts)) go = kArtifactPrefix + a->id;
            probe::last_item("work:" + a->id);
            ImGui::SameLine(0, 10);
            ImGui::SetCursorPosY(ImGui::GetCursorPosY() + 5);  // on the link's baseline
            StyledText(fonts.small, color::kMuted, ((where.empty() ? std::string("not linked") : "from " + where) + "  \xC2\xB7  " +
                                    when(a->edited))
                                       , false);
            ImGui::PopID();
        }
    }
    return go;
}

}  // namespace gw::ui
