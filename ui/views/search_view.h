#pragma once
// The search page (Ctrl+F, or "Search" in the sidebar): a box, and results as the learner types, from the course
// (index built once per load) and from their own reflections and artifacts (rebuilt when the profile changes).
#include <cstdint>
#include <string>
#include <vector>

#include "progress/profile.h"
#include "runtime/course/course.h"
#include "runtime/course/course_search.h"
#include "ui/fonts.h"
#include "ui/markdown/block_layout.h"
#include "ui/theme.h"

namespace gw::ui {

struct SearchViewState {
    std::string query;
    bool focus_input = true;  // give the box the keyboard on the next frame (on open)
    // The learner's work as searched: rebuilt when the session's revision moves, not per keystroke.
    SearchIndex work;
    std::uint64_t work_revision = 0;  // 0 = never built
    // The hits for `searched`, and their cards laid out at `width` (snippets with the matched words in bold).
    std::string searched;
    std::uint64_t searched_revision = 0;
    std::vector<SearchHit> hits;
    float width = 0;
    Theme theme = Theme::Light;
    unsigned font_generation = 0;  // the snippets' colours are baked into their layout
    struct Card {
        std::string kicker;       // "MODULE 4  ·  THE PREPARATION THAT MAKES QBRS EXCELLENT"
        std::vector<Span> spans;  // the snippet, matched words bold: the text `snippet`'s prims point into
        LaidOutBlock snippet;     // at (0, 0), `width` - 36 wide
        float height = 0;
    };
    // Laid out in place once all cards exist and never moved until the next rebuild: a moved std::string may
    // move its characters (short strings live inside the object), and the layout points at them.
    std::vector<Card> cards;
};

// What the learner chose: a section of a page (open it at `heading`), a reflection or an artifact.
struct SearchChoice {
    bool chosen = false;
    SearchDocument::Kind kind = SearchDocument::Kind::Section;
    std::string target, heading;
};

// Draws the page `width` px wide. `profile` may be null (no learner session: the course alone is searched);
// `revision` is the session's, so the work index follows edits. Enter in the box chooses the first hit.
SearchChoice draw_search(SearchViewState& state, const SearchIndex& course_index, const Profile* profile,
                         std::uint64_t revision, const Course& course, float width, const Fonts& fonts);

}  // namespace gw::ui
