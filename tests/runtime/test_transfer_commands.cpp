// export / import through the library functions the CLI calls, and once through the real binary.
#include <doctest/doctest.h>

#include <sys/wait.h>

#include <sstream>

#include "progress/profile_migration.h"
#include "../progress/temp_dir.h"
#include "progress/profile_json.h"
#include "progress/profile_store.h"
#include "runtime/cli/app_options.h"
#include "runtime/cli/transfer_commands.h"

using namespace gw;

namespace {

Profile sample() {
    Profile p;
    p.work_in(kShippedCourseId).set_done("qbr", true, 1'790'000'000'000);
    Reflection& r = p.work_in(kShippedCourseId).edit_reflection("qbr", "The QBR", 1'790'000'000'000);
    r.text = "Northwind QBR on the 12th: lead with the 18% cycle-time gain.";
    r.cursor = 4;
    p.work_in(kShippedCourseId).resume = {"qbr", 640, true};
    Account& a = p.add_account("Northwind", 1'790'000'000'000);
    Artifact& art = p.add_artifact("qbr-design", "QBR design", a.id, 1'790'000'000'000);
    art.values = {{"follow_up", "Summary and next steps by Friday"}};
    p.work_in(kShippedCourseId).link(art.id, "qbr");
    return p;
}

void save(const test::TempDir& dir, const std::string& name, const Profile& p) {
    ProfileStore store(dir.path(), name);
    Profile ignored;
    store.open(&ignored);
    store.save(p);
    REQUIRE(store.flush());
}

}  // namespace

TEST_CASE("export then import on another machine restores everything") {
    test::TempDir old_machine, new_machine;
    save(old_machine, "anna", sample());
    std::ostringstream exported, err;
    REQUIRE(run_export(old_machine.path().string(), "anna", exported, err) == kExitOk);
    CHECK(err.str().empty());
    test::spit(new_machine / "work.json", exported.str());

    std::ostringstream out;
    REQUIRE(run_import((new_machine / "work.json").string(), new_machine.path().string(), "anna", out, err) == kExitOk);
    CHECK(out.str().find("1 reflections, 1 items done, 1 artifacts") != std::string::npos);

    Profile back;
    std::string error;
    REQUIRE(load_profile_file(new_machine / "profiles/anna.json", &back, &error));
    CHECK(profile_to_json(back) == profile_to_json(sample()));
}

TEST_CASE("a bad import file changes nothing and says why") {
    test::TempDir dir;
    save(dir, "anna", sample());
    const std::string before = test::slurp(dir / "profiles/anna.json");
    struct Case {
        const char* text;
        const char* says;
    } cases[] = {
        {"{ not json", "not valid JSON"},
        {"", "the file is empty"},
        {R"({"schema": 2, "reflections": {"qbr": {"text": 7}}})", "reflections.qbr.text: expected a string"},
        {R"({"schema": 50})", "newer Groundwork"},
    };
    for (const Case& c : cases) {
        INFO(c.text);
        test::spit(dir / "bad.json", c.text);
        std::ostringstream out, err;
        CHECK(run_import((dir / "bad.json").string(), dir.path().string(), "anna", out, err) == kExitContentErrors);
        CHECK(err.str().find(c.says) != std::string::npos);
        CHECK(err.str().find("Nothing was changed") != std::string::npos);
        CHECK(test::slurp(dir / "profiles/anna.json") == before);
    }
    std::ostringstream out, err;
    CHECK(run_import((dir / "missing.json").string(), dir.path().string(), "anna", out, err) == kExitContentErrors);
    CHECK(err.str().find("missing.json") != std::string::npos);
}

TEST_CASE("import keeps the profile it replaces in the backups") {
    test::TempDir dir;
    Profile mine;
    mine.work_in(kShippedCourseId).edit_reflection("growth-mindset", "Mindset", 5).text = "the work I had before";
    save(dir, "anna", mine);
    test::spit(dir / "in.json", serialize_profile(sample()));
    std::ostringstream out, err;
    REQUIRE(run_import((dir / "in.json").string(), dir.path().string(), "anna", out, err) == kExitOk);
    CHECK(out.str().find("kept in") != std::string::npos);
    bool found = false;
    for (const auto& b : list_backups(dir / "backups/anna")) found |= test::slurp(b).find("the work I had before") != std::string::npos;
    CHECK(found);
}

TEST_CASE("import refuses while the app has the profile open") {
    test::TempDir dir;
    ProfileStore running(dir.path(), "anna");
    Profile p;
    running.open(&p);
    test::spit(dir / "in.json", serialize_profile(sample()));
    std::ostringstream out, err;
    CHECK(run_import((dir / "in.json").string(), dir.path().string(), "anna", out, err) == kExitContentErrors);
    CHECK(err.str().find("Close Groundwork") != std::string::npos);
}

TEST_CASE("export of a profile that does not exist is an error, not an empty file") {
    test::TempDir dir;
    std::ostringstream out, err;
    CHECK(run_export(dir.path().string(), "nobody", out, err) == kExitContentErrors);
    CHECK(out.str().empty());
    CHECK(err.str().find("no profile \"nobody\"") != std::string::npos);
}

TEST_CASE("the binary's export and import verbs, with --profile on either side") {
    test::TempDir dir;
    save(dir, "anna", sample());
    const std::string bin = GROUNDWORK_BINARY;
    const std::string data = " --data-dir " + dir.path().string();
    CHECK(std::system((bin + " export --profile anna" + data + " > " + (dir / "w.json").string()).c_str()) == 0);
    CHECK(test::slurp(dir / "w.json").find("cycle-time gain") != std::string::npos);
    CHECK(std::system((bin + " --profile bob import " + (dir / "w.json").string() + data + " > /dev/null").c_str()) == 0);
    CHECK(test::slurp(dir / "profiles/bob.json").find("cycle-time gain") != std::string::npos);
    CHECK(WEXITSTATUS(std::system((bin + " export --profile ../x" + data + " 2>/dev/null").c_str())) == kExitUsage);
}

namespace {

// A profile whose one artifact has `notes` nested `depth` lists deep.
std::string deeply_nested_notes(int depth) {
    std::string s = R"({"schema": 2, "artifacts": [{"id": "art-1", "kind": "account-map", "values": {"notes": )";
    s.append(static_cast<std::size_t>(depth), '[');
    s.append(static_cast<std::size_t>(depth), ']');
    return s + "}}]}";
}

}  // namespace

TEST_CASE("hostile import files end in a message and exit 1, and change nothing") {
    test::TempDir dir;
    save(dir, "anna", sample());
    const std::string before = test::slurp(dir / "profiles/anna.json");
    struct Case {
        const char* name;
        std::string text;
        const char* says;
    } cases[] = {
        {"100,000 nested lists", deeply_nested_notes(100000), "nested more than 256 levels"},
        {"a number beyond a double", R"({"schema": 2, "accounts": [{"id": "a", "current_value": 1e400}]})", "1e400"},
        {"a tier that wraps to 2", R"({"schema": 2, "accounts": [{"id": "a", "tier": 4294967298}]})",
         "accounts[0].tier"},
        {"a schema that wraps to 2", R"({"schema": 4294967298})", "newer Groundwork (format 4294967298)"},
        {"a negative timestamp", R"({"schema": 2, "progress": {"qbr": {"done": true, "done_at": -7}}})",
         "progress.qbr.done_at"},
    };
    for (const Case& c : cases) {
        INFO(std::string(c.name));
        test::spit(dir / "bad.json", c.text);
        std::ostringstream out, err;
        CHECK(run_import((dir / "bad.json").string(), dir.path().string(), "anna", out, err) == kExitContentErrors);
        CHECK_MESSAGE(err.str().find(c.says) != std::string::npos, err.str());
        CHECK(err.str().find("Nothing was changed") != std::string::npos);
        CHECK(test::slurp(dir / "profiles/anna.json") == before);
    }
}

TEST_CASE("export of a hostile profile file is an error with a message, never a crash") {
    for (const std::string& text : {deeply_nested_notes(100000),
                                    std::string(R"({"schema": 2, "accounts": [{"id": "a", "current_value": 1e400}]})")}) {
        test::TempDir dir;
        test::spit(dir / "profiles/anna.json", text);
        std::ostringstream out, err;
        CHECK(run_export(dir.path().string(), "anna", out, err) == kExitContentErrors);
        CHECK(out.str().empty());
        CHECK(err.str().find("moves the damaged file aside") != std::string::npos);
        CHECK(test::slurp(dir / "profiles/anna.json") == text);
    }
}
