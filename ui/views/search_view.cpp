#include "ui/views/search_view.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include "ui/item_probe.h"
#include "ui/markdown/document_view.h"
#include "ui/text_style.h"
#include "ui/theme.h"
#include "ui/widgets/plural.h"

namespace gw::ui {

namespace {

constexpr float kCardPad = 18;

// The snippet as spans: the marked words bold, the rest plain.
std::vector<Span> snippet_spans(const SearchHit& hit) {
    std::vector<Span> spans;
    auto piece = [&](std::size_t b, std::size_t e, std::uint8_t style) {
        if (b >= e) return;
        Span s;
        s.text = hit.snippet.substr(b, e - b);
        s.style = style;
        spans.push_back(std::move(s));
    };
    std::size_t at = 0;
    for (const SearchMark& m : hit.marks) {
        piece(at, m.begin, kPlain);
        piece(m.begin, m.end, kBold);
        at = m.end;
    }
    piece(at, hit.snippet.size(), kPlain);
    return spans;
}

std::string kicker_of(const SearchHit& hit) {
    std::string k = hit.where;
    if (!hit.section.empty()) k += "  \xC2\xB7  " + hit.section;
    return upper(k);
}

void lay_out_cards(SearchViewState& state, float width, const Fonts& fonts) {
    state.cards.clear();
    state.width = width;
    state.theme = current_theme();
    state.font_generation = font_generation();
    const float wrap = width - 2 * kCardPad;
    const TextStyle style{&fonts.body, nullptr, palette().text, 1.45f};
    state.cards.resize(state.hits.size());
    for (std::size_t i = 0; i < state.hits.size(); ++i) {
        const SearchHit& hit = state.hits[i];
        SearchViewState::Card& card = state.cards[i];  // in place: see SearchViewState::cards
        card.kicker = kicker_of(hit);
        card.spans = snippet_spans(hit);
        const float snippet_h = card.spans.empty() ? 0 : layout_spans(card.spans, style, 0, 0, wrap, card.snippet);
        ImFont* tf = fonts.ui.bold;
        const float title_h = tf->CalcTextSizeA(tf->FontSize, 1e9f, wrap, hit.title.c_str()).y;
        const float kicker_h = fonts.label->CalcTextSizeA(fonts.label->FontSize, 1e9f, wrap, card.kicker.c_str()).y;
        card.height = 14 + kicker_h + 6 + title_h + (snippet_h > 0 ? 6 + snippet_h : 0) + 14;
    }
}

bool hit_card(const SearchHit& hit, const SearchViewState::Card& card, std::size_t index, float width,
              const Fonts& fonts) {
    const ImVec2 size(width, card.height);
    ImGui::PushID(int(index));
    if (!ImGui::IsRectVisible(size)) {
        ImGui::Dummy(size);
        ImGui::PopID();
        return false;
    }
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const bool clicked = ImGui::InvisibleButton("hit", size);
    probe::last_item("search:" + std::to_string(index));
    const bool hovered = ImGui::IsItemHovered();
    ImGui::PopID();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(p, ImVec2(p.x + width, p.y + card.height), hovered ? palette().accent_soft : palette().surface, 8);
    dl->AddRect(p, ImVec2(p.x + width, p.y + card.height), hovered ? palette().accent_border : palette().rule, 8);
    const float wrap = width - 2 * kCardPad;
    float y = p.y + 14;
    dl->AddText(fonts.label, fonts.label->FontSize, ImVec2(p.x + kCardPad, y),
                hit.kind == SearchDocument::Kind::Section ? palette().accent : palette().done, card.kicker.c_str(), nullptr,
                wrap);
    y += fonts.label->CalcTextSizeA(fonts.label->FontSize, 1e9f, wrap, card.kicker.c_str()).y + 6;
    ImFont* tf = fonts.ui.bold;
    dl->AddText(tf, tf->FontSize, ImVec2(p.x + kCardPad, y), palette().heading, hit.title.c_str(), nullptr, wrap);
    y += tf->CalcTextSizeA(tf->FontSize, 1e9f, wrap, hit.title.c_str()).y + 6;
    emit_block(card.snippet, ImVec2(p.x + kCardPad, y), dl);
    if (hovered) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    return clicked;
}

}  // namespace

SearchChoice draw_search(SearchViewState& state, const SearchIndex& course_index, const Profile* profile,
                         std::uint64_t revision, const Course& course, float width, const Fonts& fonts) {
    SearchChoice choice;
    StyledText(fonts.label, palette().accent, upper(course.title.empty() ? "Your course" : course.title), false);
    ImGui::Dummy(ImVec2(0, 4));
    StyledText(fonts.title, palette().heading, "Search", false);
    StyledText(fonts.body.regular, palette().muted,
               profile ? "Every module, homework and chapter page, and everything you wrote: your reflections, notes "
                         "and artifacts. Results show as you type; Enter opens the first."
                       : "Every module, homework and chapter page. Results show as you type; Enter opens the first.");
    ImGui::Dummy(ImVec2(0, 10));

    ImGui::PushFont(fonts.ui.regular);
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(12, 9));
    ImGui::SetNextItemWidth(width);
    if (state.focus_input) {
        ImGui::SetKeyboardFocusHere();
        state.focus_input = false;
    }
    const bool enter = ImGui::InputTextWithHint("##search", "Search the course and your work", &state.query,
                                                ImGuiInputTextFlags_EnterReturnsTrue);
    probe::last_item("search-box");
    ImGui::PopStyleVar();
    ImGui::PopFont();
    ImGui::Dummy(ImVec2(0, 10));

    // The learner's work is folded again only when it changed; the course's index was built at load.
    const std::uint64_t work_revision = profile ? revision + 1 : 0;
    if (profile && state.work_revision != work_revision) {
        state.work = index_work(*profile, course);
        state.work_revision = work_revision;
        state.searched_revision = 0;  // the hits may change too
    }
    if (state.searched != state.query || state.searched_revision != work_revision || state.width != width ||
        state.theme != current_theme() || state.font_generation != font_generation()) {
        if (state.searched != state.query || state.searched_revision != work_revision)
            state.hits = merge_hits(course_index.find(state.query), profile ? state.work.find(state.query)
                                                                            : std::vector<SearchHit>{});
        state.searched = state.query;
        state.searched_revision = work_revision;
        lay_out_cards(state, width, fonts);
    }

    const bool blank = state.query.find_first_not_of(" \t") == std::string::npos;
    if (blank) return choice;
    if (state.hits.empty()) {
        StyledText(fonts.heading, palette().heading, "No results for \xE2\x80\x9C" + state.query + "\xE2\x80\x9D", true);
        StyledText(fonts.body.regular, palette().muted,
                   "Search finds pages holding every word you type, in any case and with or without accents. Try "
                   "fewer words, or the start of a word (\xE2\x80\x9Crenew\xE2\x80\x9D finds \xE2\x80\x9Crenewal\xE2\x80\x9D).");
        return choice;
    }
    StyledText(fonts.small, palette().muted,
               state.hits.size() >= 50 ? std::string("The first 50 results, best first")
                                       : count_of(int(state.hits.size()), "result", "results") + ", best first",
               false);
    ImGui::Dummy(ImVec2(0, 6));
    std::size_t clicked = state.hits.size();
    for (std::size_t i = 0; i < state.hits.size(); ++i) {
        if (hit_card(state.hits[i], state.cards[i], i, width, fonts)) clicked = i;
        ImGui::Dummy(ImVec2(0, 4));
    }
    if (enter) clicked = 0;
    if (clicked < state.hits.size()) {
        const SearchHit& h = state.hits[clicked];
        choice = {true, h.kind, h.target, h.heading};
    }
    return choice;
}

}  // namespace gw::ui
