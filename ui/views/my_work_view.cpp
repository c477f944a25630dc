#include "ui/views/my_work_view.h"

#include <imgui.h>

#include <ctime>

#include <algorithm>

#include "runtime/artifacts/artifact_rules.h"
#include "runtime/artifacts/account_binding.h"
#include "runtime/course/work_list.h"
#include "ui/views/artifact_view.h"
#include "ui/widgets/buttons.h"
#include "ui/widgets/chip.h"
#include "ui/views/sidebar_view.h"
#include "ui/editor/text_buffer.h"
#include "ui/item_probe.h"
#include "ui/markdown/line_fit.h"
#include "ui/widgets/plural.h"
#include "ui/theme.h"
#include "ui/text_style.h"

namespace gw::ui {

namespace {

std::string when(Millis ms) { return ms > 0 ? time_text(ms, "edited %e %b %Y, %H:%M") : ""; }

void build(MyWorkState& state, const Profile& profile, const Course& course, float width, const Fonts& fonts) {
    state.cards.clear();
    state.artifacts.clear();
    state.width = width;
    const float wrap = width - 36;
    ImFont* tf = fonts.ui.bold;
    ImFont* pf = fonts.body.italic;
    for (const WorkEntry& e : list_work(profile.work(course.id), course)) {
        MyWorkState::Card card;
        card.id = e.id;
        card.title = e.title;
        card.in_course = e.in_course;
        card.kicker = upper(e.where + "  \xC2\xB7  " + format_word_count(count_words(e.reflection->text)));
        card.edited = when(e.reflection->edited);
        card.preview = first_words(e.reflection->text, 220);
        const ImVec2 ts = tf->CalcTextSizeA(tf->FontSize, 1e9f, wrap, card.title.c_str());
        const ImVec2 ps = pf->CalcTextSizeA(pf->FontSize, 1e9f, wrap, card.preview.c_str());
        card.height = 16 + fonts.label->FontSize + 6 + ts.y + 6 + ps.y + 16;
        state.cards.push_back(std::move(card));
    }
    // Artifacts, newest change first like the reflections.
    std::vector<const Artifact*> arts;
    for (const Artifact& a : profile.artifacts) arts.push_back(&a);
    std::stable_sort(arts.begin(), arts.end(), [](const Artifact* x, const Artifact* y) { return x->edited > y->edited; });
    for (const Artifact* a : arts) {
        MyWorkState::Row row;
        row.id = a->id;
        const ArtifactKind* kind = course.find_artifact_kind(a->kind);
        const ArtifactStatus status = kind ? artifact_status(*kind, *a, profile) : ArtifactStatus{"Kept", "grey"};
        row.status = status.label;
        row.color = status.color;
        row.label = artifact_display_name(*a, course, profile) + "  \xE2\x80\xBA##open";
        std::string where;
        for (const std::string& item : profile.work(course.id).links_to(a->id)) {
            const CourseItem* ci = course.find_item(item);
            where += (where.empty() ? "" : ", ") +
                     (ci ? (ci->kind == ItemKind::Homework ? "Homework " : "Module ") + std::to_string(ci->number) : item);
        }
        row.detail = (where.empty() ? std::string("not linked") : "from " + where) + "  \xC2\xB7  " + when(a->edited);
        state.artifacts.push_back(std::move(row));
    }
}

bool work_card(const MyWorkState::Card& card, float width, const Fonts& fonts) {
    const ImVec2 size(width, card.height);
    ImGui::PushID(card.id.c_str());
    if (!ImGui::IsRectVisible(size)) {  // off screen: take the room, draw nothing
        ImGui::Dummy(size);
        probe::last_item("work:" + card.id);
        ImGui::PopID();
        return false;
    }
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const bool clicked = ImGui::InvisibleButton("card", size);
    probe::last_item("work:" + card.id);
    const bool hovered = ImGui::IsItemHovered();
    ImGui::PopID();
    const float h = card.height, wrap = width - 36;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(p, ImVec2(p.x + width, p.y + h), hovered ? palette().accent_soft : palette().surface, 8);
    dl->AddRect(p, ImVec2(p.x + width, p.y + h), hovered ? palette().accent_border : palette().rule, 8);
    if (!card.in_course) dl->AddRectFilled(p, ImVec2(p.x + 4, p.y + h), palette().warning, 8, ImDrawFlags_RoundCornersLeft);
    float y = p.y + 16;
    dl->AddText(fonts.label, fonts.label->FontSize, ImVec2(p.x + 18, y), card.in_course ? palette().accent : palette().warning,
                card.kicker.c_str());
    if (!card.edited.empty()) {
        float w = fonts.small->CalcTextSizeA(fonts.small->FontSize, 1e9f, 0, card.edited.c_str()).x;
        dl->AddText(fonts.small, fonts.small->FontSize, ImVec2(p.x + width - 18 - w, y - 1), palette().muted,
                    card.edited.c_str());
    }
    y += fonts.label->FontSize + 6;
    ImFont* tf = fonts.ui.bold;
    dl->AddText(tf, tf->FontSize, ImVec2(p.x + 18, y), palette().heading, card.title.c_str(), nullptr, wrap);
    y += tf->CalcTextSizeA(tf->FontSize, 1e9f, wrap, card.title.c_str()).y + 6;
    dl->AddText(fonts.body.italic, fonts.body.italic->FontSize, ImVec2(p.x + 18, y), palette().muted,
                card.preview.c_str(), nullptr, wrap);
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

std::string draw_my_work(MyWorkState& state, const Profile& profile, std::uint64_t revision, const Course& course,
                         float width, const Fonts& fonts) {
    if (state.revision != revision || state.width != width || state.font_generation != font_generation()) {
        build(state, profile, course, width, fonts);
        state.revision = revision;
        state.font_generation = font_generation();
    }
    std::string go;
    StyledText(fonts.label, palette().accent, upper(course.title.empty() ? "Your course" : course.title), false);
    ImGui::Dummy(ImVec2(0, 4));
    StyledText(fonts.title, palette().heading, "My work", false);
    const int pieces = int(state.cards.size() + state.artifacts.size());
    StyledText(fonts.heading, palette().muted,
               pieces == 0   ? std::string("Nothing written yet")
               : pieces == 1 ? std::string("One piece of work, kept on this computer")
                             : count_of(pieces, "piece", "pieces") + " of work, newest first");
    ImGui::Dummy(ImVec2(0, 14));
    ImVec2 p = ImGui::GetCursorScreenPos();
    ImGui::GetWindowDrawList()->AddLine(p, ImVec2(p.x + width, p.y), palette().rule);
    ImGui::Dummy(ImVec2(0, 20));

    if (pieces == 0) {
        StyledText(fonts.body.regular, palette().text,
                   "Each module ends with a reflection prompt, and each homework assignment has room for your notes. "
                   "What you write there is saved as you type and listed here.");
        return go;
    }
    for (const MyWorkState::Card& card : state.cards) {
        if (work_card(card, width, fonts)) go = card.id;
        ImGui::Dummy(ImVec2(0, 4));
    }
    if (state.artifacts.empty()) return go;
    ImGui::Dummy(ImVec2(0, 14));
    StyledText(fonts.label, palette().muted, "WORKED ARTIFACTS", false);
    ImGui::Dummy(ImVec2(0, 4));
    // One line each: only the lines in view get widgets (a long-time learner may have hundreds).
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(state.artifacts.size()));
    while (clipper.Step())
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const MyWorkState::Row& row = state.artifacts[static_cast<size_t>(i)];
            ImGui::PushID(row.id.c_str());
            if (!row.status.empty()) {
                Chip(row.status, row.color, fonts);
                ImGui::SameLine(0, 10);
            }
            if (PageButton(row.label.c_str(), ButtonKind::Link, fonts)) go = kArtifactPrefix + row.id;
            probe::last_item("work:" + row.id);
            TextAfter(fonts.small, palette().muted, row.detail, 5, 10);  // on the link's baseline when it fits
            ImGui::PopID();
        }
    return go;
}

}  // namespace gw::ui
