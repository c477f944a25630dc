#pragma once
// "My work": every reflection and artifact the learner has, newest first; a click opens it.
#include <cstdint>
#include <string>
#include <vector>

#include "progress/profile.h"
#include "runtime/course/course.h"
#include "ui/fonts.h"

namespace gw::ui {

// What the list shows, worked out once per change to the profile (word counts, previews and card heights cost a
// scan of every text): a frame only draws the cards in view.
struct MyWorkState {
    std::uint64_t revision = 0;  // the session revision the lists below were built for; 0 = never
    float width = 0;
    unsigned font_generation = 0;  // cards measured with these glyphs (ui/fonts.h)
    struct Card {
        std::string id, title, kicker, edited, preview;
        bool in_course = true;
        float height = 0;
    };
    std::vector<Card> cards;
    struct Row {
        std::string id, label, status, color, detail;
    };
    std::vector<Row> artifacts;
};

// Returns the id of the reflection, or kArtifactPrefix + id of the artifact, the learner clicked; "" otherwise.
std::string draw_my_work(MyWorkState& state, const Profile& profile, std::uint64_t revision, const Course& course,
                         float width, const Fonts& fonts);

// The opening of a text on one line, cut at a word boundary: "My three biggest accounts buy one service…".
std::string first_words(const std::string& text, size_t max_bytes);

}  // namespace gw::ui
