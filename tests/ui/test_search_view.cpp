// The search page: Ctrl+F (or the sidebar's Search row) opens it with the keyboard in the box; results come as the
// learner types; Enter opens the first at its section; a reflection is found too; Escape goes back.
#include <doctest/doctest.h>

#include <imgui.h>

#include "reader_fixture.h"

using gw::test::ReaderFixture;

TEST_CASE("search: Ctrl+F, type, Enter opens the module scrolled to the section; Escape goes back") {
    ReaderFixture f(GROUNDWORK_SHIPPED_CONTENT, 4);
    f.start("growth-mindset");
    REQUIRE(f.app->navigator().current() == "growth-mindset");

    f.gui.key_code('F', f.body, /*ctrl=*/true);
    f.frames(2);
    REQUIRE(gw::ui::probe::centre("search-box"));
    f.gui.type("preparation QBR", f.body);  // the box has the keyboard: no click needed
    f.frames(2);
    REQUIRE(gw::ui::probe::centre("search:0"));
    CHECK(f.app->navigator().current() == "growth-mindset");  // typing did not turn any page

    f.gui.key(ImGuiKey_Enter, f.body);
    f.frames(6);
    CHECK(f.app->navigator().current() == "qbr");
    CHECK(f.app->page_state().scroll > 300);  // at "The preparation that makes QBRs excellent", not the top

    // Escape on the search page goes back to where the learner was.
    f.gui.key_code('F', f.body, true);
    f.frames(2);
    f.gui.key(ImGuiKey_Escape, f.body);
    gw::ui::probe::clear();  // from here the probe holds only what the frames below draw
    f.frames(3);
    CHECK(f.app->navigator().current() == "qbr");
    CHECK_FALSE(gw::ui::probe::centre("search-box"));
}

TEST_CASE("search finds the learner's own reflection and opens it in its module") {
    ReaderFixture f(GROUNDWORK_SHIPPED_CONTENT, 4);
    f.start("growth-mindset");
    f.session->write_reflection("account-mapping", "Mapping the Account Landscape",
                                "Zyxwv Corp has a champion in finance.", 0);
    f.frames(1);
    f.click("search");  // the sidebar row
    gw::ui::probe::clear();
    f.gui.type("zyxwv", f.body);
    f.frames(2);
    REQUIRE(gw::ui::probe::centre("search:0"));
    CHECK_FALSE(gw::ui::probe::centre("search:1"));  // the course never says it
    f.click("search:0");
    CHECK(f.app->navigator().current() == "account-mapping");
}
