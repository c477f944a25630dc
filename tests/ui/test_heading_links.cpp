// A link to a heading (`b.md#who-to-call`, `#later`) opens its page with that heading at the top of the view.
#include <doctest/doctest.h>

#include <imgui.h>

#include <optional>
#include <string>

#include "../runtime/temp_course.h"
#include "reader_fixture.h"
#include "ui/markdown/link_opener.h"

using gw::test::ReaderFixture;
using gw::test::TempCourse;

namespace {

std::string filler(int paragraphs) {
    std::string text;
    for (int i = 0; i < paragraphs; ++i)
        text += "Filler paragraph " + std::to_string(i) + " about accounts, renewals and the people who sign.\n\n";
    return text;
}

// The first y (window coordinates, top down) at which the mouse over x shows the hand of a link; none when no link
// is on screen there. Each probe is one frame: the document view sets the cursor while drawing.
// Probing starts under what stands above the page (the way back after a link is a button, with a hand too), and the
// y returned is measured from the page view's top edge.
std::optional<float> first_link_y(ReaderFixture& f, float x) {
    const float top = f.app->notices_height();
    for (float y = top; y < 800; y += 4) {
        f.gui.mouse_move(ImVec2(x, y));
        f.frames(1);
        if (ImGui::GetMouseCursor() == ImGuiMouseCursor_Hand) return y - top;
    }
    return std::nullopt;
}

constexpr float kTextX = 460;  // inside the reading column at 1280 px, where a line's first words are

}  // namespace

TEST_CASE("a link to a heading of another page opens it with the heading at the top of the view") {
    TempCourse t;
    t.write("ch/a.md", TempCourse::module("mod-a", 1, "cat") +
                           "\n[Read who to call about an account before you come back to this module](b.md#who-to-call)\n");
    t.write("ch/b.md", TempCourse::module("mod-b", 2, "cat") + "\n" + filler(60) +
                           "## Who to call\n\n[The first line under the heading is a link that fills its line](https://example.com)\n\n" +
                           filler(60) + "## Later on\n\n[Back up to who to call, a link to a heading on this same page](#who-to-call)\n\n" +
                           filler(3));
    ReaderFixture f(t.path(), 4);
    f.start("mod-a");
    REQUIRE(f.app->navigator().current() == "mod-a");
    std::optional<float> link = first_link_y(f, kTextX);
    REQUIRE_MESSAGE(link, "the link on mod-a was not found");
    f.gui.click(ImVec2(kTextX, f.app->notices_height() + *link + 2), f.body);
    f.frames(4);
    CHECK(f.app->navigator().current() == "mod-b");
    CHECK(f.app->page_state().scroll > 1000);  // sixty paragraphs down
    // The heading is the first thing in view: right under it, within one heading's height, the link that follows it.
    std::optional<float> under = first_link_y(f, kTextX);
    REQUIRE_MESSAGE(under, "no link in view: the page is not at the heading");
    CHECK(*under > 20);   // the heading's own line is above it, not cut off
    CHECK(*under < 110);  // and nothing else is
    const float at_heading = f.app->page_state().scroll;

    // A link to a heading of the same page scrolls within it. The link sits a few paragraphs above the page's end,
    // so at the end it is the first link in view (with more text under it, it would be above the view and the
    // probe would find the footer's buttons, which show a hand too).
    f.gui.key(ImGuiKey_End, f.body);
    f.frames(2);
    REQUIRE(f.app->page_state().scroll > at_heading + 1000);
    std::optional<float> back = first_link_y(f, kTextX);
    REQUIRE_MESSAGE(back, "the same-page link is not in view at the end of the page");
    f.gui.click(ImVec2(kTextX, f.app->notices_height() + *back + 2), f.body);
    f.frames(4);
    CHECK(f.app->navigator().current() == "mod-b");
    CHECK(f.app->page_state().scroll == doctest::Approx(at_heading).epsilon(0.001));
}

TEST_CASE("a link whose anchor names no heading opens the page at its top") {
    TempCourse t;
    t.write("ch/a.md", TempCourse::module("mod-a", 1, "cat") +
                           "\n[Read who to phone about an account before you come back to this module](b.md#who-to-phone)\n");
    t.write("ch/b.md", TempCourse::module("mod-b", 2, "cat") + "\n" + filler(60) + "## Who to call\n\nText.\n");
    ReaderFixture f(t.path(), 4);
    f.start("mod-a");
    std::optional<float> link = first_link_y(f, kTextX);
    REQUIRE(link);
    f.gui.click(ImVec2(kTextX, f.app->notices_height() + *link + 2), f.body);
    f.frames(4);
    CHECK(f.app->navigator().current() == "mod-b");
    CHECK(f.app->page_state().scroll == 0);
}

TEST_CASE("after following a link, Alt+Left goes back to where the learner was; without one it turns the page") {
    TempCourse t;
    t.write("ch/a.md", TempCourse::module("mod-a", 1, "cat") + "\n" + filler(30) +
                           "[Read who to call about an account before you come back to this module](b.md#who-to-call)\n\n" +
                           filler(3));
    t.write("ch/b.md", TempCourse::module("mod-b", 2, "cat") + "\n" + filler(60) +
                           "## Who to call\n\n[The first line under the heading is a link that fills its line](https://example.com)\n\n" +
                           filler(3));
    ReaderFixture f(t.path(), 4);
    f.start("mod-a");
    // A page link's tooltip names the page and the heading, never the internal "page:" address.
    CHECK(gw::ui::link_tooltip(gw::ui::page_link_url("mod-b#who-to-call")) == "Opens Module mod-b, at Who to call");
    CHECK(gw::ui::link_tooltip(gw::ui::page_link_url("mod-b")) == "Opens Module mod-b");
    CHECK(gw::ui::link_tooltip(gw::ui::page_link_url("mod-a")) == "This page");
    CHECK(gw::ui::link_tooltip("https://example.com/x") == "https://example.com/x");
    f.gui.key(ImGuiKey_End, f.body);
    f.frames(2);
    const float where = f.app->page_state().scroll;
    REQUIRE(where > 500);
    std::optional<float> link = first_link_y(f, kTextX);
    REQUIRE(link);
    f.gui.click(ImVec2(kTextX, f.app->notices_height() + *link + 2), f.body);
    f.frames(4);
    REQUIRE(f.app->navigator().current() == "mod-b");
    REQUIRE(f.app->page_state().scroll > 1000);

    f.gui.key(ImGuiKey_LeftArrow, f.body, false, false, true);  // Alt+Left: back, not the previous page
    f.frames(4);
    CHECK(f.app->navigator().current() == "mod-a");
    CHECK(f.app->page_state().scroll == doctest::Approx(where).epsilon(0.01));

    // The way back is used up: Alt+Left now turns to the previous page, as it always did (mod-a has none, so go
    // forward first).
    f.gui.key(ImGuiKey_RightArrow, f.body, false, false, true);
    f.frames(3);
    REQUIRE(f.app->navigator().current() == "mod-b");
    f.gui.key(ImGuiKey_LeftArrow, f.body, false, false, true);
    f.frames(3);
    CHECK(f.app->navigator().current() == "mod-a");
    CHECK(f.app->page_state().scroll == 0);
}
