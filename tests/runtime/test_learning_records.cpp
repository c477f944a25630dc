// The app's learning-records service end to end: nothing happens without an LRS; once set, what the learner does
// reaches the (test) LRS in the background; turning it off stops recording and keeps what waits.
#include <doctest/doctest.h>

#include <chrono>
#include <thread>

#include "../progress/temp_dir.h"
#include "runtime/course/course_loader.h"
#include "runtime/xapi/learning_records.h"
#include "test_lrs_process.h"

using namespace gw;
using namespace gw::xapi;

namespace {

const std::string kMini = std::string(GROUNDWORK_TEST_DATA) + "/mini-course";



}  // namespace

TEST_CASE("without an LRS nothing is recorded: no outbox file, no status line") {
    test::TempDir dir;
    const Course course = load_course(kMini);
    LearningRecords records(dir.path(), "ana", course, "Groundwork test");
    Profile p;
    records.observe(p, 0);
    p.work_in("mini-course").resume.page_id = "mini-one";
    p.work_in("mini-course").set_done("mini-one", true, 10);
    records.observe(p, 10);
    records.flush(p, 20);
    CHECK_FALSE(records.enabled());
    CHECK(records.status_line().empty());
    CHECK_FALSE(std::filesystem::exists(Outbox::path_for(dir.path(), "ana")));
}

TEST_CASE("set from the app, what the learner does reaches the LRS; turned off, recording stops") {
    test::NoKeyring no_keyring;
    test::TestLrs lrs("key", "pw");
    REQUIRE(!lrs.url().empty());
    test::TempDir dir;
    const Course course = load_course(kMini);
    int wakes = 0;
    LearningRecords records(dir.path(), "ana", course, "Groundwork test", [&] { ++wakes; });
    LrsSettings s;
    s.endpoint = "ftp://nowhere";
    std::string error;
    CHECK_FALSE(records.apply(s, "pw", &error));
    CHECK(error.find("https://") != std::string::npos);

    s.endpoint = lrs.url();
    s.key = "key";
    REQUIRE(records.apply(s, "pw", &error));
    CHECK(records.enabled());
    const std::string uuid = records.settings().actor_uuid;
    CHECK(uuid.size() == 36);

    Profile p;
    records.observe(p, 0);
    p.work_in("mini-course").resume.page_id = "mini-one";
    records.observe(p, 1000);
    p.work_in("mini-course").set_done("mini-one", true, 2000);
    records.observe(p, 2000);
    CHECK(test::eventually([&] { return lrs.state()["stored"] == 3; }));  // experienced, completed, progressed
    CHECK(test::eventually([&] { return records.status_line() == "Synced"; }));
    CHECK(wakes > 0);

    // A new key keeps who the learner is; an empty secret keeps the stored one.
    s.key = "key";
    REQUIRE(records.apply(s, "", &error));
    CHECK(records.settings().actor_uuid == uuid);

    REQUIRE(records.turn_off(&error));
    CHECK_FALSE(records.enabled());
    p.work_in("mini-course").set_done("mini-two", true, 3000);
    records.observe(p, 3000);
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    CHECK(lrs.state()["stored"] == 3);
}

TEST_CASE("statements refused for good are told once") {
    test::NoKeyring no_keyring;
    test::TestLrs lrs;
    REQUIRE(!lrs.url().empty());
    test::TempDir dir;
    {
        Outbox box(Outbox::path_for(dir.path(), "ana"));
        box.append(nlohmann::json{{"id", "00000000-0000-4000-8000-00000000000a"}, {"verb", {{"id", "x"}}}});
    }
    const Course course = load_course(kMini);
    LearningRecords records(dir.path(), "ana", course, "Groundwork test");
    LrsSettings s;
    s.endpoint = lrs.url();
    std::string error;
    REQUIRE(records.apply(s, "none", &error));
    CHECK(test::eventually([&] { return records.status().counts.failed == 1; }));
    const std::string problem = records.take_problem();
    CHECK(problem.find("1 learning record was refused") != std::string::npos);
    CHECK(records.take_problem().empty());
}
