#include <doctest/doctest.h>

#include <cmath>
#include <limits>

#include "progress/work_session.h"
#include "temp_dir.h"

using namespace gw;

namespace {

struct Clocked {
    test::TempDir dir;
    Millis now = now_millis();
    WorkSession session{std::make_unique<ProfileStore>(dir.path(), "s"), [this] { return now; }};
    Clocked() { session.open(); }
};

}  // namespace

TEST_CASE("autosave waits for a one-second pause in typing") {
    Clocked c;
    CHECK(c.session.ms_until_next_tick() == -1);  // nothing to do: the UI may sleep until input
    c.session.write_reflection("qbr", "The QBR", "a", 1);
    CHECK(c.session.ms_until_next_tick() == WorkSession::kAutosaveDelay);
    c.now += 700;
    c.session.write_reflection("qbr", "The QBR", "ab", 2);  // another keystroke restarts the wait
    c.now += 700;
    c.session.tick();
    CHECK(c.session.has_unsaved_changes());
    CHECK(c.session.ms_until_next_tick() == 300);
    c.now += 300;
    c.session.tick();
    CHECK_FALSE(c.session.has_unsaved_changes());
    REQUIRE(c.session.flush());
    CHECK(c.session.status_text() == "Saved \xC2\xB7 just now");
    // The status line changes once more, a minute later, and then the app can sleep for good.
    CHECK(c.session.ms_until_next_tick() > 0);
    c.now += WorkSession::kJustNow + 10;
    CHECK(c.session.status_text().rfind("Saved at ", 0) == 0);
    CHECK(c.session.ms_until_next_tick() == -1);
}

TEST_CASE("marking done is saved at once") {
    Clocked c;
    c.session.set_done("qbr", true);
    CHECK_FALSE(c.session.has_unsaved_changes());
    REQUIRE(c.session.flush());
    Profile p;
    std::string error;
    REQUIRE(load_profile_file(c.dir / "profiles/s.json", &p, &error));
    CHECK(p.work_in("").is_done("qbr"));
}

TEST_CASE("cursor and reading position ride along without a save of their own") {
    Clocked c;
    c.session.write_reflection("qbr", "The QBR", "hello", 5);
    c.session.save_now();
    REQUIRE(c.session.flush());
    c.session.move_cursor("qbr", 2);
    c.session.set_resume({"qbr", 300, true});
    CHECK(c.session.ms_until_next_tick() != 0);  // no save is scheduled for them
    c.session.flush();                            // quitting writes them
    Profile p;
    std::string error;
    REQUIRE(load_profile_file(c.dir / "profiles/s.json", &p, &error));
    CHECK(p.work_in("").reflection("qbr")->cursor == 2);
    CHECK(p.work_in("").resume.scroll == doctest::Approx(300));
}

TEST_CASE("the session's destructor hands unsaved words to the store") {
    test::TempDir dir;
    {
        WorkSession s(std::make_unique<ProfileStore>(dir.path(), "s"));
        s.open();
        s.write_reflection("qbr", "The QBR", "typed then quit at once", 3);
    }
    Profile p;
    std::string error;
    REQUIRE(load_profile_file(dir / "profiles/s.json", &p, &error));
    CHECK(p.work_in("").reflection("qbr")->text == "typed then quit at once");
}

TEST_CASE("numbers JSON cannot hold are refused at the door, so a save never becomes unreadable") {
    Clocked c;
    Account a = c.session.add_account("Northwind");
    a.current_value = std::numeric_limits<double>::infinity();
    c.session.edit_account(a);
    CHECK(c.session.profile().account(a.id)->current_value == 0);
    const std::string art = c.session.create_artifact("qbr-design", "QBR", a.id, nlohmann::json::object(), "").id;
    c.session.set_artifact_value(art, "phases", {{{"minutes", std::nan("")}}});
    CHECK_FALSE(c.session.profile().artifact(art)->values.contains("phases"));
    REQUIRE(c.session.flush());
    Profile p;
    std::string error;
    CHECK_MESSAGE(load_profile_file(c.dir / "profiles/s.json", &p, &error), error);
}

TEST_CASE("a deleted artifact's id is never handed out again, across a restart too") {
    Clocked c;
    const std::string first = c.session.create_artifact("k", "K", "", nlohmann::json::object(), "").id;
    const std::string second = c.session.create_artifact("k", "K", "", nlohmann::json::object(), "").id;
    c.session.delete_artifact(second);
    const std::string third = c.session.create_artifact("k", "K", "", nlohmann::json::object(), "").id;
    CHECK(third != second);
    CHECK(third != first);
    c.session.delete_artifact(third);
    REQUIRE(c.session.flush());
    Profile p;
    std::string error;
    REQUIRE(load_profile_file(c.dir / "profiles/s.json", &p, &error));
    const std::string fourth = p.add_artifact("k", "K", "", 1).id;
    CHECK(fourth != third);
    CHECK(fourth != second);
}

TEST_CASE("two courses that share a module id never share work") {
    Clocked c;
    c.session.set_course("sales-success-excellence");
    c.session.set_done("growth-mindset", true);
    c.session.write_reflection("growth-mindset", "The Account Growth Mindset", "shipped course", 14);
    c.session.set_resume({"growth-mindset", 120, true});
    Artifact& a = c.session.create_artifact("account-map", "Account map", "", nlohmann::json::object(), "growth-mindset");
    const std::string art = a.id;

    c.session.set_course("trainers-copy");  // a copy of the shipped course that kept the module id
    CHECK_FALSE(c.session.work().is_done("growth-mindset"));
    CHECK(c.session.work().reflection("growth-mindset") == nullptr);
    CHECK(c.session.work().resume.page_id.empty());
    CHECK(c.session.work().links_to(art).empty());
    CHECK(c.session.profile().linked_from("trainers-copy", "growth-mindset").empty());
    c.session.write_reflection("growth-mindset", "Growth Mindset (our version)", "trainer's course", 16);
    c.session.link(art, "growth-mindset");  // the learner's artifacts are shared: the copy may link to it too
    c.session.set_resume({"growth-mindset", 0, false});

    c.session.set_course("sales-success-excellence");
    CHECK(c.session.work().is_done("growth-mindset"));
    CHECK(c.session.work().reflection("growth-mindset")->text == "shipped course");
    CHECK(c.session.work().resume.scroll == doctest::Approx(120));

    // Deleting the artifact removes its links in every course.
    REQUIRE(c.session.flush());
    Profile p;
    std::string error;
    REQUIRE(load_profile_file(c.dir / "profiles/s.json", &p, &error));
    CHECK(p.work("trainers-copy").reflection("growth-mindset")->text == "trainer's course");
    CHECK(p.work("sales-success-excellence").reflection("growth-mindset")->text == "shipped course");
    CHECK(p.work("trainers-copy").links_to(art) == std::vector<std::string>{"growth-mindset"});
    c.session.delete_artifact(art);
    CHECK(c.session.profile().work("trainers-copy").links.empty());
    CHECK(c.session.profile().work("sales-success-excellence").links.empty());
}

TEST_CASE("a change to the whole profile is saved at once, and only when it changed something") {
    Clocked c;
    const std::uint64_t before = c.session.revision();
    CHECK_FALSE(c.session.change_profile([](Profile&) { return false; }));
    CHECK(c.session.revision() == before);
    CHECK(c.session.change_profile([](Profile& p) {
        p.work_in("x").set_done("m", true, 5);
        return true;
    }));
    CHECK_FALSE(c.session.has_unsaved_changes());
    REQUIRE(c.session.flush());
    Profile p;
    std::string error;
    REQUIRE(load_profile_file(c.dir / "profiles/s.json", &p, &error));
    CHECK(p.work("x").is_done("m"));
}
