// The learner's side of the reader, headless: writing a reflection, marking done, "My work", resume, read-only.
#include <doctest/doctest.h>

#include "reader_fixture.h"
#include "progress/profile_json.h"
#include "progress/work_session.h"
#include "runtime/course/course_progress.h"
#include "ui/headless.h"
#include "ui/item_probe.h"
#include "ui/reader_app.h"
#include "ui/platform/window_geometry.h"

using namespace gw;
using namespace gw::ui;

namespace {

const std::string kMini = std::string(GROUNDWORK_TEST_DATA) + "/mini-course";

// The mini course; clicks draw no extra frame, so tests see the frame a click lands in.
struct Fixture : test::ReaderFixture {
    Fixture() : ReaderFixture(kMini, 0) {}
};

}  // namespace

TEST_CASE("typing a reflection saves it about a second after typing stops") {
    Fixture f;
    f.start("mini-one");
    f.app->open_work("mini-one");  // as a click on the editor would: the keyboard goes to it
    f.frames(3);
    CHECK(f.app->reflection_state().editor.focused);
    f.gui.type("Contoso is single-threaded.", f.body);
    f.frames(1);
    CHECK(f.session->has_unsaved_changes());
    CHECK(f.session->status_text() == "Saving\xE2\x80\xA6");

    f.now += 500;  // still typing, in effect: nothing written yet
    f.frames(1);
    CHECK(f.session->has_unsaved_changes());
    f.now += 600;
    f.frames(1);
    CHECK_FALSE(f.session->has_unsaved_changes());
    Profile p = f.on_disk();
    const CourseWork& w = p.work("mini-course");  // tests/data/mini-course has no id: its title's slug
    REQUIRE(w.reflection("mini-one"));
    CHECK(w.reflection("mini-one")->text == "Contoso is single-threaded.");
    CHECK(w.reflection("mini-one")->title == f.app->course().find_item("mini-one")->title);
    f.frames(1);
    CHECK(f.session->status_text() == "Saved \xC2\xB7 just now");
    CHECK(item_state(f.session->work(), "mini-one") == ItemState::Started);
}

TEST_CASE("leaving the module saves at once, without waiting for the pause") {
    Fixture f;
    f.start("mini-one");
    f.app->open_work("mini-one");
    f.frames(2);
    f.gui.type("Half a thought", f.body);
    f.gui.key(ImGuiKey_Escape, f.body);  // leave the editor, then the page
    f.frames(1);
    f.gui.key(ImGuiKey_RightArrow, f.body);
    CHECK(f.app->navigator().current() == "mini-two");
    CHECK_FALSE(f.session->has_unsaved_changes());
    CHECK(f.on_disk().work("mini-course").reflection("mini-one")->text == "Half a thought");
}

TEST_CASE("the done button marks a module done, the sidebar counts it, and it can be undone") {
    Fixture f;
    f.start("mini-two");
    f.scroll_to_end();
    f.click("done-button");
    CHECK(f.session->work().is_done("mini-two"));
    CHECK(chapter_progress(f.session->work(), f.app->course().chapters[0]).done() == 1);
    CHECK(f.on_disk().work("mini-course").is_done("mini-two"));  // a deliberate click is saved at once

    f.frames(2);
    f.click("done-button");
    CHECK_FALSE(f.session->work().is_done("mini-two"));
    CHECK_FALSE(f.on_disk().work("mini-course").is_done("mini-two"));
}

TEST_CASE("homework has a notes editor and its own done button") {
    Fixture f;
    f.start("mini-hw");
    f.scroll_to_end();
    REQUIRE(probe::centre("reflection-editor"));
    f.click("done-button");
    CHECK(f.session->work().is_done("mini-hw"));
    ChapterProgress p = chapter_progress(f.session->work(), f.app->course().chapters[0]);
    CHECK(p.homework_done == 1);
    CHECK(p.modules_done == 0);
}

TEST_CASE("the app reopens the page, scroll position and editor cursor the learner left") {
    Fixture f;
    f.start("mini-one");
    f.app->open_work("mini-one");
    f.frames(2);
    f.gui.type("First line of my answer", f.body);
    f.gui.key(ImGuiKey_LeftArrow, f.body);
    f.gui.key(ImGuiKey_LeftArrow, f.body);
    f.frames(2);
    const float scroll = f.app->page_state().scroll;
    const size_t cursor = f.app->reflection_state().editor.cursor();
    CHECK(cursor == std::string("First line of my answer").size() - 2);

    f.start();  // a restart: new session, new reader, same folder
    CHECK(f.app->navigator().current() == "mini-one");
    CHECK(f.app->page_state().scroll == doctest::Approx(scroll).epsilon(0.05));
    CHECK(f.app->reflection_state().editor.focused);
    CHECK(f.app->reflection_state().editor.cursor() == cursor);
}

TEST_CASE("--module wins over the resume point") {
    Fixture f;
    f.start("mini-three");
    f.frames(2);
    f.start("mini-two");
    CHECK(f.app->navigator().current() == "mini-two");
}

TEST_CASE("My work lists reflections newest first, and a click opens one with the keyboard in it") {
    Fixture f;
    f.start("mini-one");
    f.app->open_work("mini-one");
    f.frames(2);
    f.gui.type("About the first module", f.body);
    f.now += 5000;
    f.app->open_work("mini-two");
    f.frames(2);
    f.gui.type("About the second", f.body);
    f.now += 5000;
    f.frames(2);

    f.click("my-work");
    CHECK(f.app->showing_my_work());
    f.frames(1);
    REQUIRE(probe::centre("work:mini-one"));
    REQUIRE(probe::centre("work:mini-two"));
    CHECK(probe::centre("work:mini-two")->y < probe::centre("work:mini-one")->y);  // edited last, listed first

    f.click("work:mini-one");
    f.frames(2);
    CHECK_FALSE(f.app->showing_my_work());
    CHECK(f.app->navigator().current() == "mini-one");
    CHECK(f.app->reflection_state().editor.focused);
}

TEST_CASE("work on a module that left the course is still listed and can be opened") {
    Fixture f;
    {
        Profile p;
        Reflection& r = p.work_in("mini-course").edit_reflection("retired-module", "The Module We Dropped", 1'700'000'000'000);
        r.text = "Notes I do not want to lose.";
        p.work_in("mini-course").set_done("retired-module", true, 1);
        test::spit(f.dir / "profiles/t.json", serialize_profile(p));
    }
    f.start("mini-one");
    f.click("my-work");
    f.frames(1);
    f.click("work:retired-module");
    f.frames(1);
    CHECK(f.app->removed_work_shown() == "retired-module");
    CHECK(f.session->work().reflection("retired-module")->text == "Notes I do not want to lose.");
    CHECK(f.session->work().is_done("retired-module"));  // kept, though it counts toward nothing now
    CHECK(chapter_progress(f.session->work(), f.app->course().chapters[0]).done() == 0);
}

TEST_CASE("a profile from a newer Groundwork shows its work and takes no edits") {
    Fixture f;
    const std::string newer = R"({"schema": 9, "courses": {"mini-course": {"reflections": {"mini-one": {"text": "Written by a newer app."}}}}})";
    test::spit(f.dir / "profiles/t.json", newer);
    f.start("mini-one");
    CHECK(f.session->store().read_only());
    f.app->open_work("mini-one");
    f.frames(2);
    f.gui.type("more", f.body);
    f.frames(2);
    CHECK(f.session->work().reflection("mini-one")->text == "Written by a newer app.");
    f.scroll_to_end();
    f.click("done-button");
    CHECK_FALSE(f.session->work().is_done("mini-one"));
    f.session.reset();
    CHECK(test::slurp(f.dir / "profiles/t.json") == newer);
}

TEST_CASE("a hand-edited window.json with wrong types only costs the window position") {
    test::TempDir dir;
    test::spit(dir / "window.json", R"({"x": "10", "width": [1], "height": 700, "maximized": "yes"})");
    WindowGeometry g = load_window_geometry(dir / "window.json");
    CHECK(g.x == -1);
    CHECK(g.width == 1280);
    CHECK(g.height == 700);
    CHECK_FALSE(g.maximized);
}

TEST_CASE("My work stays drawable with thousands of reflections (cards off screen cost nothing)") {
    Fixture f;
    {
        Profile p;
        for (int i = 0; i < 2000; ++i)
            p.work_in("mini-course").edit_reflection("old-" + std::to_string(i), "Old module " + std::to_string(i), 1000 + i).text =
                "Notes about account number " + std::to_string(i) + " and what to do next quarter.";
        test::spit(f.dir / "profiles/t.json", serialize_profile(p));
    }
    f.start("mini-one");
    f.click("my-work");
    f.frames(2);
    CHECK(f.app->showing_my_work());
    // Before cards were clipped, one draw list overflowed ImGui's 65,536 vertices here and the app aborted.
    const ImDrawData* d = f.gui.frame(f.body);
    for (int i = 0; i < d->CmdListsCount; ++i) CHECK(d->CmdLists[i]->VtxBuffer.Size < 65536);
    REQUIRE(probe::centre("work:old-1999"));
    CHECK(probe::centre("work:old-1999")->y < probe::centre("work:old-1998")->y);  // newest first
}
