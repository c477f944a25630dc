#include <doctest/doctest.h>

#include <atomic>
#include <cerrno>
#include <cstring>

#include "progress/profile_json.h"
#include "progress/profile_store.h"
#include "progress/profile_migration.h"
#include "temp_dir.h"

using namespace gw;
namespace fs = std::filesystem;

namespace {

Profile with_reflection(const std::string& text) {
    Profile p;
    p.work_in("").edit_reflection("qbr", "The QBR", 100).text = text;
    p.work_in("").set_done("qbr", true, 100);
    return p;
}

ProfileStore::Options fast_retries() {
    ProfileStore::Options o;
    o.first_retry_ms = 10;
    o.max_retry_ms = 40;
    return o;
}

int count_with_prefix(const fs::path& dir, const std::string& prefix) {
    int n = 0;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(dir, ec)) n += e.path().filename().string().rfind(prefix, 0) == 0;
    return n;
}

}  // namespace

TEST_CASE("the data folder follows XDG_DATA_HOME, falling back to ~/.local/share") {
    const char* old_xdg = std::getenv("XDG_DATA_HOME");
    std::string saved = old_xdg ? old_xdg : "";
    setenv("XDG_DATA_HOME", "/srv/data", 1);
    CHECK(ProfileStore::default_data_dir() == fs::path("/srv/data/groundwork"));
    setenv("XDG_DATA_HOME", "relative/ignored", 1);
    CHECK(ProfileStore::default_data_dir().string().find("/.local/share/groundwork") != std::string::npos);
    if (old_xdg) setenv("XDG_DATA_HOME", saved.c_str(), 1);
    else unsetenv("XDG_DATA_HOME");
}

TEST_CASE("profile names are plain words") {
    CHECK(ProfileStore::is_valid_name("default"));
    CHECK(ProfileStore::is_valid_name("anna-2_b"));
    CHECK_FALSE(ProfileStore::is_valid_name(""));
    CHECK_FALSE(ProfileStore::is_valid_name("../etc"));
    CHECK_FALSE(ProfileStore::is_valid_name("a b"));
    CHECK_FALSE(ProfileStore::is_valid_name(std::string(65, 'a')));
}

TEST_CASE("a new profile is created, saved off the UI thread and read back") {
    test::TempDir dir;
    {
        ProfileStore store(dir.path(), "anna");
        Profile p;
        OpenReport r = store.open(&p);
        CHECK(r.outcome == OpenOutcome::Created);
        CHECK(r.message.empty());
        CHECK(store.status().state == SaveState::Saved);
        store.save(with_reflection("first words"));
        REQUIRE(store.flush());
        CHECK(store.status().state == SaveState::Saved);
        CHECK(store.status().last_saved > 0);
    }
    CHECK(fs::exists(dir / "profiles/anna.json"));
    ProfileStore again(dir.path(), "anna");
    Profile p;
    CHECK(again.open(&p).outcome == OpenOutcome::Loaded);
    CHECK(p.work_in("").reflection("qbr")->text == "first words");
    CHECK(p.work_in("").is_done("qbr"));
}

TEST_CASE("the destructor writes what is still queued") {
    test::TempDir dir;
    {
        ProfileStore store(dir.path(), "quit");
        Profile p;
        store.open(&p);
        store.save(with_reflection("typed just before quitting"));
    }
    Profile p;
    std::string error;
    REQUIRE(load_profile_file(dir / "profiles/quit.json", &p, &error));
    CHECK(p.work_in("").reflection("qbr")->text == "typed just before quitting");
}

TEST_CASE("damaged files are moved aside, never overwritten") {
    struct Case {
        const char* name;
        std::string contents;
        const char* reason;
    } cases[] = {
        {"garbage", "this is not json at all", "not valid JSON"},
        {"truncated", serialize_profile(with_reflection("cut")).substr(0, 40), "not valid JSON"},
        {"empty", "", "the file is empty"},
        {"wrong shape", R"({"schema":2,"reflections":[]})", "reflections: expected an object"},
    };
    for (const Case& c : cases) {
        INFO(c.name);
        test::TempDir dir;
        test::spit(dir / "profiles/p.json", c.contents);
        ProfileStore store(dir.path(), "p");
        Profile p;
        OpenReport r = store.open(&p);
        CHECK(r.outcome == OpenOutcome::MovedAside);
        CHECK(r.message.find(c.reason) != std::string::npos);
        CHECK(r.message.find("moved to") != std::string::npos);
        CHECK(p.work_in("").reflections.empty());
        // The damaged bytes are still there, byte for byte, next to the profile.
        int aside = 0;
        for (const auto& e : fs::directory_iterator(dir / "profiles"))
            if (e.path().filename().string().rfind("p.json.damaged-", 0) == 0) {
                ++aside;
                CHECK(test::slurp(e.path()) == c.contents);
            }
        CHECK(aside == 1);
        // The app runs on: a new save works.
        store.save(with_reflection("fresh"));
        CHECK(store.flush());
    }
}

TEST_CASE("a damaged file is replaced by the newest good backup") {
    test::TempDir dir;
    {
        ProfileStore store(dir.path(), "p");
        Profile p;
        store.open(&p);
        for (const char* t : {"one", "two", "three"}) {
            store.save(with_reflection(t));
            REQUIRE(store.flush());
        }
    }
    test::spit(dir / "profiles/p.json", "{\"schema\": 2, \"refl");
    ProfileStore store(dir.path(), "p");
    Profile p;
    OpenReport r = store.open(&p);
    CHECK(r.outcome == OpenOutcome::Recovered);
    CHECK(r.message.find("Restored the backup from") != std::string::npos);
    REQUIRE(p.work_in("").reflection("qbr"));
    CHECK(p.work_in("").reflection("qbr")->text == "two");  // "three" was in the damaged file; the newest backup held "two"
    REQUIRE(store.flush());  // the recovered profile is written back at once
    Profile reread;
    std::string error;
    CHECK(load_profile_file(store.file(), &reread, &error));
}

TEST_CASE("a profile from a newer Groundwork opens read-only and is never written") {
    test::TempDir dir;
    const std::string newer = test::fixture("newer.json");
    test::spit(dir / "profiles/p.json", newer);
    ProfileStore store(dir.path(), "p");
    Profile p;
    OpenReport r = store.open(&p);
    CHECK(r.outcome == OpenOutcome::NewerReadOnly);
    CHECK(r.message.find("newer Groundwork") != std::string::npos);
    CHECK(store.read_only());
    CHECK(store.status().state == SaveState::ReadOnly);
    CHECK(p.work(kShippedCourseId).reflection("growth-mindset")->text == "From the future.");
    p.work_in(kShippedCourseId).edit_reflection("growth-mindset", "", 5).text = "edited here";
    store.save(p);
    CHECK_FALSE(store.flush(200));
    CHECK(test::slurp(dir / "profiles/p.json") == newer);
}

TEST_CASE("an earlier schema is migrated and the original file is kept") {
    test::TempDir dir;
    const std::string v1 = test::fixture("v1.json");
    test::spit(dir / "profiles/p.json", v1);
    ProfileStore store(dir.path(), "p");
    Profile p;
    CHECK(store.open(&p).outcome == OpenOutcome::Migrated);
    CHECK(p.work(kShippedCourseId).is_done("account-mapping"));
    // Named for the format it was migrated to: the file as it was before this version rewrote it.
    CHECK(test::slurp(dir / ("backups/p/before-format-" + std::to_string(kProfileSchema) + ".json")) == v1);
    store.save(p);
    REQUIRE(store.flush());
    CHECK(test::slurp(dir / "profiles/p.json").find("\"schema\": " + std::to_string(kProfileSchema)) !=
          std::string::npos);
}

TEST_CASE("a profile from before work was kept per course opens with all of it under the shipped course") {
    test::TempDir dir;
    const std::string v3 = test::fixture("v3.json");
    test::spit(dir / "profiles/p.json", v3);
    Profile before;
    {
        ProfileStore store(dir.path(), "p");
        CHECK(store.open(&before).outcome == OpenOutcome::Migrated);
        CHECK(test::slurp(dir / ("backups/p/before-format-" + std::to_string(kProfileSchema) + ".json")) == v3);  // the old file, kept as it was
        store.save(before);
        REQUIRE(store.flush());
    }
    ProfileStore store(dir.path(), "p");
    Profile after;
    CHECK(store.open(&after).outcome == OpenOutcome::Loaded);
    CHECK(serialize_profile(after) == serialize_profile(before));
    const CourseWork& w = after.work(kShippedCourseId);
    CHECK(w.progress.size() == 3);
    CHECK(w.reflections.size() == 3);
    CHECK(w.links.size() == 3);
    CHECK(w.resume.page_id == "account-mapping");
    CHECK(after.accounts.size() == 2);
    CHECK(after.artifacts.size() == 2);
    CHECK(after.courses.size() == 1);
}

TEST_CASE("a second window on the same profile is read-only") {
    test::TempDir dir;
    ProfileStore first(dir.path(), "p");
    Profile p;
    first.open(&p);
    first.save(with_reflection("mine"));
    REQUIRE(first.flush());

    ProfileStore second(dir.path(), "p");
    Profile q;
    OpenReport r = second.open(&q);
    CHECK(r.outcome == OpenOutcome::LockedReadOnly);
    CHECK(r.message.find("already open") != std::string::npos);
    CHECK(second.read_only());

    ProfileStore other(dir.path(), "someone-else");  // other profiles are not affected
    CHECK(other.open(&q).outcome == OpenOutcome::Created);
}

TEST_CASE("a failed write says so, keeps the text and retries until it succeeds") {
    test::TempDir dir;
    std::atomic<bool> disk_full{true};
    std::atomic<int> attempts{0};
    ProfileStore::Options o = fast_retries();
    o.writer = [&](const fs::path& f, const std::string& text, std::string* error) {
        ++attempts;
        if (disk_full) {
            *error = "cannot write " + f.string() + ": " + std::strerror(ENOSPC);
            return false;
        }
        return write_file_atomic(f, text, error);
    };
    ProfileStore store(dir.path(), "p", o);
    Profile p;
    store.open(&p);
    store.save(with_reflection("precious words"));
    CHECK_FALSE(store.flush(500));
    SaveStatus s = store.status();
    CHECK(s.state == SaveState::Failed);
    CHECK(s.error.find("No space left on device") != std::string::npos);
    CHECK_FALSE(fs::exists(dir / "profiles/p.json"));

    // It keeps trying on its own, without another save.
    int before = attempts;
    for (int i = 0; i < 100 && attempts < before + 2; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
    CHECK(attempts >= before + 2);

    disk_full = false;
    for (int i = 0; i < 200 && store.status().state != SaveState::Saved; ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    CHECK(store.status().state == SaveState::Saved);
    Profile back;
    std::string error;
    REQUIRE(load_profile_file(dir / "profiles/p.json", &back, &error));
    CHECK(back.work_in("").reflection("qbr")->text == "precious words");
}

TEST_CASE("a folder that cannot be written to fails visibly and recovers when it can") {
    // A regular file where the profiles folder should be: fails for root too, unlike a chmod.
    test::TempDir dir;
    test::spit(dir / "profiles", "not a folder");
    ProfileStore store(dir.path(), "p", fast_retries());
    Profile p;
    store.open(&p);
    store.save(with_reflection("kept in memory"));
    CHECK_FALSE(store.flush(300));
    CHECK(store.status().state == SaveState::Failed);
    CHECK_FALSE(store.status().error.empty());

    fs::remove(dir / "profiles");
    for (int i = 0; i < 300 && store.status().state != SaveState::Saved; ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    CHECK(store.status().state == SaveState::Saved);
    CHECK(test::slurp(dir / "profiles/p.json").find("kept in memory") != std::string::npos);
}

TEST_CASE("backups keep the last five saves and one per day") {
    test::TempDir dir;
    ProfileStore store(dir.path(), "p");
    Profile p;
    store.open(&p);
    for (int i = 0; i < 9; ++i) {
        store.save(with_reflection("version " + std::to_string(i)));
        REQUIRE(store.flush());
        std::this_thread::sleep_for(std::chrono::milliseconds(2));  // distinct timestamps in the names
    }
    CHECK(count_with_prefix(dir / "backups/p", "save-") == 5);
    CHECK(count_with_prefix(dir / "backups/p", "day-") == 1);
    // Each backup is a whole, readable profile, newest first; the newest holds the save before the current one.
    std::vector<fs::path> backups = list_backups(dir / "backups/p");
    REQUIRE(backups.size() == 6);
    for (const fs::path& b : backups) {
        Profile q;
        std::string error;
        CHECK_MESSAGE(load_profile_file(b, &q, &error), error);
    }
    Profile newest;
    std::string error;
    load_profile_file(backups.front(), &newest, &error);
    CHECK(newest.work_in("").reflection("qbr")->text == "version 7");
}

TEST_CASE("saves queued faster than the disk coalesce into the newest") {
    test::TempDir dir;
    std::atomic<int> writes{0};
    ProfileStore::Options o;
    o.writer = [&](const fs::path& f, const std::string& text, std::string* error) {
        ++writes;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        return write_file_atomic(f, text, error);
    };
    ProfileStore store(dir.path(), "p", o);
    Profile p;
    store.open(&p);
    for (int i = 0; i < 50; ++i) store.save(with_reflection("keystroke " + std::to_string(i)));
    REQUIRE(store.flush());
    CHECK(writes < 10);
    CHECK(test::slurp(dir / "profiles/p.json").find("keystroke 49") != std::string::npos);
}

TEST_CASE("a newer profile this version cannot follow is still opened read-only, never moved") {
    test::TempDir dir;
    const std::string newer = R"({"schema": 7, "reflections": {"qbr": {"text": {"rich": true}}}})";
    test::spit(dir / "profiles/p.json", newer);
    ProfileStore store(dir.path(), "p");
    Profile p;
    CHECK(store.open(&p).outcome == OpenOutcome::NewerReadOnly);
    CHECK(store.read_only());
    CHECK(test::slurp(dir / "profiles/p.json") == newer);
}

TEST_CASE("a profile that cannot be read (not damaged) is left alone and nothing is written") {
    test::TempDir dir;
    std::filesystem::create_directories(dir / "profiles/p.json");  // reading a folder fails like EACCES or EIO
    ProfileStore store(dir.path(), "p");
    Profile p;
    OpenReport r = store.open(&p);
    CHECK(store.read_only());
    CHECK(r.message.find("could not be opened") != std::string::npos);
    CHECK(std::filesystem::is_directory(dir / "profiles/p.json"));
}

TEST_CASE("numbers JSON cannot hold are refused on the way in") {
    Profile p;
    ProfileParse parse = parse_profile(R"({"schema": 2, "resume": {"page": "qbr", "scroll": 1e39}})", &p);
    CHECK_FALSE(parse.ok);
    CHECK(parse.error.find("resume.scroll") != std::string::npos);
}

TEST_CASE("backups are ordered by sequence, so a clock turned back cannot prune the newest") {
    test::TempDir dir;
    std::filesystem::create_directories(dir / "backups/p");
    for (int i = 0; i < 5; ++i)  // five backups stamped in the future, as after a clock correction
        test::spit(dir / ("backups/p/save-0000000" + std::to_string(i + 1) + "-20991231-000000-000.json"), "{}");
    ProfileStore store(dir.path(), "p");
    Profile p;
    store.open(&p);
    for (const char* t : {"one", "two"}) {
        store.save(with_reflection(t));
        REQUIRE(store.flush());
    }
    std::vector<fs::path> saves;
    for (const auto& e : fs::directory_iterator(dir / "backups/p"))
        if (e.path().filename().string().rfind("save-", 0) == 0) saves.push_back(e.path());
    std::sort(saves.begin(), saves.end());
    REQUIRE(saves.size() == 5);
    CHECK(saves.back().filename().string().rfind("save-00000006-", 0) == 0);  // the real newest backup survived
    CHECK(test::slurp(saves.back()).find("one") != std::string::npos);
}

TEST_CASE("discarding a pending save keeps it from landing later") {
    test::TempDir dir;
    ProfileStore::Options o = fast_retries();
    std::atomic<bool> fail{true};
    o.writer = [&](const fs::path& f, const std::string& text, std::string* error) {
        if (fail) return *error = "disk full", false;
        return write_file_atomic(f, text, error);
    };
    ProfileStore store(dir.path(), "p", o);
    Profile p;
    store.open(&p);
    store.save(with_reflection("imported"));
    CHECK_FALSE(store.flush(100));
    store.discard_pending();
    fail = false;
    std::this_thread::sleep_for(std::chrono::milliseconds(150));
    CHECK_FALSE(fs::exists(dir / "profiles/p.json"));
}
