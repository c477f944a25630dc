// The crash guarantee: a process killed at any moment while saving leaves a profile that parses and holds one
// whole state, never a mix of two and never an empty file.
#include <doctest/doctest.h>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <random>
#include <thread>

#include "progress/profile_json.h"
#include "progress/profile_store.h"
#include "temp_dir.h"

using namespace gw;
namespace fs = std::filesystem;

namespace {

// Every field of state n carries n, so a file mixing two states is caught.
Profile state(long n) {
    Profile p;
    for (int i = 0; i < 40; ++i) {
        std::string id = "module-" + std::to_string(i);
        Reflection& r = p.work_in("").edit_reflection(id, "Module " + std::to_string(i), n);
        r.text = "state " + std::to_string(n) + " " + std::string(200 + (n * 37 + i) % 500, 'x');
        r.cursor = static_cast<std::size_t>(n % 100);
        p.work_in("").set_done(id, (n + i) % 2 == 0, n);
    }
    p.work_in("").resume.page_id = "module-" + std::to_string(n % 40);
    return p;
}

// The state number a profile holds, or -1 when its fields disagree.
long state_of(const Profile& p) {
    long n = p.work("").resume.page_id.empty() ? -1 : -2;
    for (const auto& [id, r] : p.work("").reflections) {
        long m = std::stol(r.text.substr(6));
        if (r.created != m || r.edited != m || r.text != state(m).work("").reflections.at(id).text) return -1;
        if (n == -2) n = m;
        if (m != n) return -1;
    }
    if (p.work("").reflections.size() != 40 || p.work("").resume.page_id != "module-" + std::to_string(n % 40)) return -1;
    return n;
}

// Saves state after state; after the first one lands it tells the parent, which then kills it at a random moment
// of the stream that follows (so the kill cannot land before saving has begun, however loaded the machine is).
[[noreturn]] void save_forever(const fs::path& dir, long from, int started_fd) {
    ProfileStore store(dir, "kill");
    Profile ignored;
    store.open(&ignored);
    for (long n = from;; ++n) {
        store.save(state(n));
        store.flush();
        if (n == from) {
            char byte = 1;
            (void)!write(started_fd, &byte, 1);
        }
    }
}

}  // namespace

TEST_CASE("SIGKILL at random moments during saves never leaves a damaged or mixed profile") {
    test::TempDir dir;
    {
        ProfileStore store(dir.path(), "kill");
        Profile p;
        store.open(&p);
        store.save(state(0));
        REQUIRE(store.flush());
    }
    std::mt19937 rng(20261126);
    long last = 0;
    int advanced = 0;
    for (int round = 0; round < 200; ++round) {
        int started[2];
        REQUIRE(pipe(started) == 0);
        pid_t child = fork();
        REQUIRE(child >= 0);
        if (child == 0) save_forever(dir.path(), last + 1, started[1]);
        char byte;
        REQUIRE(read(started[0], &byte, 1) == 1);
        close(started[0]);
        close(started[1]);
        std::this_thread::sleep_for(std::chrono::microseconds(std::uniform_int_distribution<int>(0, 4000)(rng)));
        kill(child, SIGKILL);
        int status = 0;
        waitpid(child, &status, 0);
        REQUIRE(WIFSIGNALED(status));

        Profile p;
        std::string error;
        INFO("round " << round);
        REQUIRE_MESSAGE(load_profile_file(dir / "profiles/kill.json", &p, &error), error);
        long n = state_of(p);
        REQUIRE(n >= 0);     // one whole state
        REQUIRE(n >= last);  // never older than what was already on disk
        advanced += n > last;
        last = n;
    }
    CHECK(advanced == 200);  // every child saved at least once before it was killed

    // The next start cleans up after the kills and finds every backup readable.
    ProfileStore store(dir.path(), "kill");
    Profile p;
    CHECK(store.open(&p).outcome == OpenOutcome::Loaded);
    for (const auto& e : fs::directory_iterator(dir / "profiles"))
        CHECK(e.path().filename().string().find(".tmp") == std::string::npos);
    for (const fs::path& b : list_backups(dir / "backups/kill")) {
        Profile q;
        std::string error;
        CHECK_MESSAGE(load_profile_file(b, &q, &error), error);
        CHECK(state_of(q) >= 0);
    }
}
