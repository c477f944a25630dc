// What the learner does becomes the right xAPI statements in the outbox, once each, and writing only when shared.
#include <doctest/doctest.h>

#include "../progress/temp_dir.h"
#include "runtime/course/course_loader.h"
#include "runtime/xapi/learning_recorder.h"

using namespace gw;
using namespace gw::xapi;
using nlohmann::json;

namespace {

const std::string kMini = std::string(GROUNDWORK_TEST_DATA) + "/mini-course";

LrsSettings settings(Sharing sharing) {
    LrsSettings s;
    s.endpoint = "https://lrs.example.com/xapi/";
    s.key = "k";
    s.actor_uuid = "3f0d9a52-6c1e-4d7b-a2b4-0c9e8f7a6b5d";
    s.sharing = sharing;
    return s;
}

std::vector<json> statements(const Outbox& box) {
    std::vector<json> out;
    for (const std::string& line : box.peek(100000)) out.push_back(json::parse(line));
    return out;
}

std::vector<std::string> verbs(const Outbox& box) {
    std::vector<std::string> out;
    for (const json& s : statements(box)) {
        std::string v = s["verb"]["id"];
        out.push_back(v.substr(v.rfind('/') + 1));
    }
    return out;
}

struct Fixture {
    test::TempDir dir;
    Course course = load_course(kMini);
    Outbox box{Outbox::path_for(dir.path(), "learner")};
    Profile profile;
    int appended = 0;
};

}  // namespace

TEST_CASE("the first look takes a baseline; opening a page, marking it done and undoing it record experienced, "
          "completed with the time spent, progressed and voided") {
    Fixture f;
    LearningRecorder rec(f.course, settings(Sharing::Progress), f.box, "Groundwork test", [&] { ++f.appended; });
    f.profile.work_in("mini-course").resume.page_id = "mini-one";
    f.profile.work_in("mini-course").set_done("mini-two", true, 500);  // done before recording began: not sent again
    rec.observe(f.profile, 1000);
    CHECK(f.box.counts().queued == 0);

    f.profile.work_in("mini-course").resume.page_id = "mini-three";
    rec.observe(f.profile, 2000);
    f.profile.work_in("mini-course").set_done("mini-three", true, 62000);
    rec.observe(f.profile, 62000);
    rec.observe(f.profile, 63000);  // nothing new: nothing recorded
    f.profile.work_in("mini-course").set_done("mini-three", false, 70000);
    rec.observe(f.profile, 70000);

    CHECK(verbs(f.box) == std::vector<std::string>{"experienced", "completed", "progressed", "voided", "progressed"});
    CHECK(f.appended == 5);
    const std::vector<json> s = statements(f.box);
    CHECK(s[0]["object"]["id"].get<std::string>().find("/mini-course/module/mini-three") != std::string::npos);
    CHECK(s[0]["context"]["contextActivities"]["parent"][0]["id"].get<std::string>().find("/chapter/ch1") !=
          std::string::npos);
    CHECK(s[1]["result"]["duration"] == "PT1M");
    CHECK(s[2]["result"]["extensions"][kProgressExtension] == 50);  // 2 of the chapter's 4 items
    CHECK(s[3]["object"]["id"] == s[1]["id"]);                      // the void names that very completion
    CHECK(s[4]["result"]["extensions"][kProgressExtension] == 25);
    CHECK(s[1]["actor"]["account"]["name"] == "3f0d9a52-6c1e-4d7b-a2b4-0c9e8f7a6b5d");
    CHECK(s[1]["actor"]["account"]["homePage"] == "https://lrs.example.com");
}

TEST_CASE("homework is an assessment; a page that is not the course's (My work) records nothing") {
    Fixture f;
    LearningRecorder rec(f.course, settings(Sharing::Progress), f.box, "Groundwork test");
    rec.observe(f.profile, 0);
    f.profile.work_in("mini-course").resume.page_id = "mini-hw";
    rec.observe(f.profile, 1);
    f.profile.work_in("mini-course").resume.page_id = "my-work";
    rec.observe(f.profile, 2);
    REQUIRE(f.box.counts().queued == 1);
    CHECK(statements(f.box)[0]["object"]["definition"]["type"] == "http://adlnet.gov/expapi/activities/assessment");
}

TEST_CASE("writing is sent only when the learner chose to share it, once per change, when the page is left") {
    for (const Sharing sharing : {Sharing::Progress, Sharing::ProgressAndWriting}) {
        Fixture f;
        LearningRecorder rec(f.course, settings(sharing), f.box, "Groundwork test");
        f.profile.work_in("mini-course").resume.page_id = "mini-one";
        rec.observe(f.profile, 0);
        f.profile.work_in("mini-course").edit_reflection("mini-one", "One", 10).text = "I will map the buying centre.";
        rec.observe(f.profile, 10);  // still on the page: nothing yet
        CHECK(f.box.counts().queued == 0);
        f.profile.work_in("mini-course").resume.page_id = "mini-two";
        rec.observe(f.profile, 20);
        f.profile.work_in("mini-course").resume.page_id = "mini-one";
        rec.observe(f.profile, 30);
        f.profile.work_in("mini-course").resume.page_id = "mini-two";  // left again without a change: not sent twice
        rec.observe(f.profile, 40);
        const std::vector<std::string> v = verbs(f.box);
        const long answered = std::count(v.begin(), v.end(), "answered");
        if (sharing == Sharing::Progress) {
            CHECK(answered == 0);
            for (const json& s : statements(f.box)) CHECK(s.dump().find("buying centre") == std::string::npos);
        } else {
            CHECK(answered == 1);
            CHECK(statements(f.box)[0]["result"]["response"] == "I will map the buying centre.");
        }
    }
}

TEST_CASE("flush on closing sends the writing of the page still open") {
    Fixture f;
    LearningRecorder rec(f.course, settings(Sharing::ProgressAndWriting), f.box, "Groundwork test");
    f.profile.work_in("mini-course").resume.page_id = "mini-one";
    rec.observe(f.profile, 0);
    f.profile.work_in("mini-course").edit_reflection("mini-one", "One", 10).text = "Last words before quitting.";
    rec.flush(f.profile, 50);
    REQUIRE(verbs(f.box) == std::vector<std::string>{"answered"});
}

TEST_CASE("an artifact is 'created' at once with its kind and account, 'updated' once when its page is left") {
    Fixture f;
    LearningRecorder rec(f.course, settings(Sharing::Progress), f.box, "Groundwork test");
    Account acme;
    acme.id = "acct-1";
    acme.name = "Acme";
    f.profile.accounts.push_back(acme);
    rec.observe(f.profile, 0);
    Artifact a;
    a.id = "art-1";
    a.kind = "health-audit";
    a.account = "acct-1";
    a.title = "Health audit";
    a.edited = 100;
    f.profile.artifacts.push_back(a);
    f.profile.work_in("mini-course").resume.page_id = "@artifact:art-1";
    rec.observe(f.profile, 100);
    f.profile.artifacts[0].edited = 200;
    rec.observe(f.profile, 200);
    f.profile.artifacts[0].edited = 300;
    rec.observe(f.profile, 300);
    f.profile.work_in("mini-course").resume.page_id = "mini-one";
    rec.observe(f.profile, 400);
    const std::vector<std::string> v = verbs(f.box);
    CHECK(v == std::vector<std::string>{"create", "update", "experienced"});
    const json created = statements(f.box)[0];
    CHECK(created["result"]["extensions"][std::string(kExtensionBase) + "account"] == "Acme");
    CHECK(created["result"]["extensions"][std::string(kExtensionBase) + "kind"] == "health-audit");
}

TEST_CASE("work moved by an alias at a reload is not recorded again, and another course takes a new baseline") {
    Fixture f;
    LearningRecorder rec(f.course, settings(Sharing::ProgressAndWriting), f.box, "Groundwork test");
    CourseWork& w = f.profile.work_in("mini-course");
    w.resume.page_id = "mini-one";
    w.set_done("mini-one", true, 500);
    w.edit_reflection("mini-one", "One", 10).text = "Already written.";
    rec.observe(f.profile, 1000);

    // The trainer renames mini-one to mini-first (aliases: [mini-one]); the app moves the work, then hands the
    // recorder the reloaded course.
    Course renamed = f.course;
    for (CourseItem& m : renamed.chapters[0].modules)
        if (m.id == "mini-one") {
            m.id = "mini-first";
            m.aliases = {"mini-one"};
        }
    CourseWork moved = w;
    moved.progress = {{"mini-first", w.progress.at("mini-one")}};
    moved.reflections = {{"mini-first", w.reflections.at("mini-one")}};
    moved.resume.page_id = "mini-first";
    w = moved;
    rec.set_course(renamed);
    rec.observe(f.profile, 2000);
    rec.flush(f.profile, 3000);
    CHECK(f.box.counts().queued == 0);  // no completed, voided, experienced or answered for a rename

    Course other = f.course;
    other.id = "another-course";
    rec.set_course(other);
    f.profile.work_in("another-course").set_done("mini-two", true, 4000);  // already there when it was opened
    rec.observe(f.profile, 5000);
    CHECK(f.box.counts().queued == 0);
}
