// Issue 7: hostile learner files and the learner's data where it lives. Each file here once crashed the app at
// start-up (so it crash-looped) or was silently misread; each must now be moved aside with the newest good backup
// restored, or opened read-only, with a message that says what was wrong.
#include <doctest/doctest.h>

#include <unistd.h>

#include <cstdlib>

#include "progress/profile_json.h"
#include "progress/profile_store.h"
#include "progress/work_session.h"
#include "temp_dir.h"

using namespace gw;
namespace fs = std::filesystem;

namespace {

Profile with_reflection(const std::string& text) {
    Profile p;
    p.work_in("").edit_reflection("qbr", "The QBR", 100).text = text;
    return p;
}

// A profile whose one artifact has `notes` nested `depth` lists deep: [[[...]]].
std::string nested_notes(int depth) {
    std::string s = R"({"schema": 2, "artifacts": [{"id": "art-1", "kind": "account-map", "values": {"notes": )";
    s.append(static_cast<std::size_t>(depth), '[');
    s.append(static_cast<std::size_t>(depth), ']');
    return s + "}}]}";
}

std::string account_with(const std::string& field_and_value) {
    return R"({"schema": 2, "accounts": [{"id": "acc-1", "name": "Northwind", )" + field_and_value + "}]}";
}

// Saves "good" twice (so the backups hold it), then puts `hostile` in place of the profile file.
void damaged_after_good_saves(const test::TempDir& dir, const std::string& hostile) {
    {
        ProfileStore store(dir.path(), "p");
        Profile p;
        store.open(&p);
        for (int i = 0; i < 2; ++i) {
            store.save(with_reflection("good"));
            REQUIRE(store.flush());
        }
    }
    test::spit(dir / "profiles/p.json", hostile);
}

int damaged_copies(const fs::path& folder, const std::string& file_name, const std::string& contents) {
    int n = 0;
    for (const auto& e : fs::directory_iterator(folder))
        if (e.path().filename().string().rfind(file_name + ".damaged-", 0) == 0) n += test::slurp(e.path()) == contents;
    return n;
}

struct ScopedEnv {
    std::string name, old;
    bool had;
    ScopedEnv(const char* n, const std::string& value) : name(n) {
        const char* v = std::getenv(n);
        had = v != nullptr;
        if (had) old = v;
        setenv(n, value.c_str(), 1);
    }
    ~ScopedEnv() {
        if (had) setenv(name.c_str(), old.c_str(), 1);
        else unsetenv(name.c_str());
    }
};

}  // namespace

TEST_CASE("hostile profiles are moved aside at start-up and the newest good backup restored") {
    struct Case {
        const char* name;
        std::string contents;
        const char* says;
    } cases[] = {
        {"100,000 nested lists", nested_notes(100000), "nested more than 256 levels"},
        {"a number beyond a double", account_with(R"("current_value": 1e400)"), "1e400"},
        {"a negative one too", account_with(R"("potential_value": -1e400)"), "-1e400"},
        {"a tier that wraps to 2", account_with(R"("tier": 4294967298)"), "accounts[0].tier: expected a whole number from 0 (not tiered) to 3"},
        {"a tier out of range", account_with(R"("tier": 7)"), "accounts[0].tier"},
        {"a timestamp before 1970", account_with(R"("created": -5)"), "accounts[0].created: expected a whole number from 0"},
        {"an id number past a long", R"({"schema": 2, "last_ids": {"artifact": 18446744073709551615}})",
         "last_ids.artifact"},
        {"a timestamp past Millis", R"({"schema": 2, "reflections": {"m": {"edited": 9223372036854775808}}})",
         "reflections.m.edited"},
        {"a negative done_at", R"({"schema": 2, "progress": {"m": {"done": true, "done_at": -1}}})",
         "progress.m.done_at"},
    };
    for (const Case& c : cases) {
        INFO(std::string(c.name));
        test::TempDir dir;
        damaged_after_good_saves(dir, c.contents);
        auto session = std::make_unique<WorkSession>(std::make_unique<ProfileStore>(dir.path(), "p"));
        OpenReport r = session->open();
        CHECK(r.outcome == OpenOutcome::Recovered);
        CHECK_MESSAGE(r.message.find(c.says) != std::string::npos, r.message);
        CHECK(r.message.find("Restored the backup") != std::string::npos);
        const Reflection* restored = session->work().reflection("qbr");
        CHECK(restored);
        if (restored) CHECK(restored->text == "good");
        CHECK(damaged_copies(dir / "profiles", "p.json", c.contents) == 1);
    }
}

TEST_CASE("the nesting limit is enforced while parsing, with room for every real document") {
    Profile p;
    CHECK(parse_profile(nested_notes(250), &p).ok);
    ProfileParse parse = parse_profile(nested_notes(300), &p);
    CHECK_FALSE(parse.ok);
    CHECK(parse.error.find("nested more than 256 levels") != std::string::npos);
    // An object nested as deep is refused the same way.
    std::string objects = "{\"schema\": 2, \"x\": ";
    for (int i = 0; i < 100000; ++i) objects += "{\"a\":";
    objects += "1" + std::string(100000, '}') + "}";
    CHECK(parse_profile(objects, &p).error.find("nested more than 256 levels") != std::string::npos);
}

TEST_CASE("a schema number too large for an int is a newer file, opened read-only and never written") {
    test::TempDir dir;
    const std::string text = R"({"schema": 4294967298, "reflections": {"m": {"text": "from far ahead"}}})";
    Profile p;
    ProfileParse parse = parse_profile(text, &p);
    CHECK(parse.schema > kProfileSchema);

    test::spit(dir / "profiles/p.json", text);
    ProfileStore store(dir.path(), "p");
    OpenReport r = store.open(&p);
    CHECK(r.outcome == OpenOutcome::NewerReadOnly);
    CHECK(r.message.find("4294967298") != std::string::npos);
    CHECK(store.read_only());
    CHECK(test::slurp(dir / "profiles/p.json") == text);

    for (const char* bad : {R"({"schema": 0})", R"({"schema": -4294967294})", R"({"schema": 2.5})"})
        CHECK(parse_profile(bad, &p).error.find("no schema version") != std::string::npos);
}

TEST_CASE("a profile that is a symbolic link stays one: saves and backups write through to its target") {
    test::TempDir dir;
    fs::create_directories(dir / "synced/groundwork");
    fs::create_directories(dir / "data/profiles");
    const fs::path target = dir / "synced/groundwork/p.json";
    test::spit(target, serialize_profile(with_reflection("version 0")));
    fs::create_symlink("../../synced/groundwork/p.json", dir / "data/profiles/p.json");  // relative, as ln -s makes
    {
        ProfileStore store(dir / "data", "p");
        Profile p;
        REQUIRE(store.open(&p).outcome == OpenOutcome::Loaded);
        for (int i = 1; i <= 100; ++i) {
            store.save(with_reflection("version " + std::to_string(i)));
            REQUIRE(store.flush());
            REQUIRE(fs::is_symlink(dir / "data/profiles/p.json"));
        }
    }
    CHECK(fs::is_symlink(dir / "data/profiles/p.json"));
    Profile back;
    std::string error;
    REQUIRE(load_profile_file(target, &back, &error));
    CHECK(back.work_in("").reflection("qbr")->text == "version 100");
    // Backups are real copies of earlier states, not links that follow the live file.
    std::vector<fs::path> backups = list_backups(dir / "data/backups/p");
    REQUIRE_FALSE(backups.empty());
    for (const fs::path& b : backups) CHECK_FALSE(fs::is_symlink(b));
    REQUIRE(load_profile_file(backups.front(), &back, &error));
    CHECK(back.work_in("").reflection("qbr")->text == "version 99");
    // No temporary file was left in either folder.
    for (const fs::path& folder : {dir / "data/profiles", dir / "synced/groundwork"})
        for (const auto& e : fs::directory_iterator(folder))
            CHECK_MESSAGE(e.path().filename().string().find(".tmp") == std::string::npos, e.path());

    // A damaged target is moved aside next to itself; the link still points at the restored profile.
    test::spit(target, "{\"schema\": 2, \"refl");
    ProfileStore store(dir / "data", "p");
    Profile p;
    CHECK(store.open(&p).outcome == OpenOutcome::Recovered);
    REQUIRE(store.flush());
    CHECK(fs::is_symlink(dir / "data/profiles/p.json"));
    CHECK(damaged_copies(dir / "synced/groundwork", "p.json", "{\"schema\": 2, \"refl") == 1);
    REQUIRE(load_profile_file(target, &back, &error));
    CHECK(back.work_in("").reflection("qbr")->text == "version 99");
}

TEST_CASE("work rescued to the temporary folder is found at the next start and the learner told where") {
    test::TempDir dir, tmp;
    ScopedEnv tmpdir("TMPDIR", tmp.path().string());
    test::spit(dir / "rescued", "a file where the rescue folder should be");
    ProfileStore::Options o;
    o.first_retry_ms = 10;
    o.max_retry_ms = 20;
    o.writer = [](const fs::path&, const std::string&, std::string* error) { return *error = "disk full", false; };
    {
        ProfileStore store(dir.path(), "p", o);
        Profile p;
        store.open(&p);
        store.save(with_reflection("words the disk refused"));
        CHECK_FALSE(store.flush(100));
    }  // quitting: the rescue copy cannot go to <data>/rescued, so it goes to the temporary folder

    fs::path rescued;
    for (const auto& e : fs::recursive_directory_iterator(tmp.path()))
        if (e.is_regular_file() && test::slurp(e.path()).find("words the disk refused") != std::string::npos)
            rescued = e.path();
    REQUIRE_FALSE(rescued.empty());

    ProfileStore again(dir.path(), "p");
    Profile p;
    OpenReport r = again.open(&p);
    CHECK_MESSAGE(r.message.find(rescued.parent_path().string()) != std::string::npos, r.message);
    CHECK(r.message.find("groundwork import") != std::string::npos);

    // Another data folder with a profile of the same name is not told about this one's rescued work.
    test::TempDir other;
    ProfileStore stranger(other.path(), "p");
    CHECK(stranger.open(&p).message.empty());
}

TEST_CASE("an id number at the top of long never overflows into a negative or repeated id") {
    for (const char* text : {R"({"schema": 2, "artifacts": [{"id": "art-9223372036854775807", "kind": "k"}]})",
                             R"({"schema": 2, "last_ids": {"artifact": 9223372036854775807}})",
                             R"({"schema": 2, "artifacts": [{"id": "art-99999999999999999999", "kind": "k"}]})"}) {
        INFO(std::string(text));
        test::TempDir dir;
        test::spit(dir / "profiles/p.json", text);
        WorkSession session(std::make_unique<ProfileStore>(dir.path(), "p"));
        const OpenOutcome opened = session.open().outcome;  // schema 2 files are migrated forward first
        REQUIRE((opened == OpenOutcome::Loaded || opened == OpenOutcome::Migrated));
        const std::string first = session.create_artifact("k", "K", "", {}, "").id;
        const std::string second = session.create_artifact("k", "K", "", {}, "").id;
        CHECK(first.find("art--") == std::string::npos);
        CHECK(second.find("art--") == std::string::npos);
        CHECK(first != second);
        int same = 0;
        for (const Artifact& a : session.profile().artifacts) same += a.id == first;
        CHECK(same == 1);
    }
}
