// `groundwork check FILE` checks one file in its course; `check --watch` prints only what changed between saves.
#include <doctest/doctest.h>

#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <sstream>
#include <thread>

#include "runtime/cli/app_options.h"
#include "runtime/cli/check_command.h"
#include "temp_course.h"

using namespace gw;

namespace {

std::size_t count(const std::string& text, const std::string& part) {
    std::size_t n = 0;
    for (std::size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
    return n;
}

}  // namespace

TEST_CASE("check FILE finds its course above it and reports only that file's problems") {
    test::TempCourse tc;
    tc.write("ch/a.md", "---\nid: mod-a\ntitle: A\nminutes: 5\ncategory: nope\n---\nBody.\n\n> [!REFLECTION]\n> T.\n");
    tc.write("ch/b.md", "---\nid: mod-b\ntitle: [broken\n---\n");

    CHECK(find_course_root(tc.root() / "ch/a.md") == tc.root());
    std::ostringstream out;
    int code = run_check((tc.root() / "ch/a.md").string(), out);
    INFO(out.str());
    CHECK(code == kExitContentErrors);
    CHECK(out.str().find("ch/a.md:5: error: category 'nope'") != std::string::npos);
    CHECK(out.str().find("ch/b.md") == std::string::npos);  // another file's problem is not this file's
    CHECK(out.str().find("ch/a.md (in " + tc.path() + "): 1 error, 0 warnings") != std::string::npos);

    std::ostringstream clean;
    CHECK(run_check((tc.root() / "ch/hw.md").string(), clean) == kExitOk);
    CHECK(clean.str().find("0 errors") != std::string::npos);
}

TEST_CASE("check FILE outside any course says so and is a usage error") {
    test::TempCourse tc;
    std::filesystem::remove(tc.root() / "course.md");
    std::filesystem::create_directories(tc.root() / "loose");
    tc.write("loose/note.md", "# A note\n");
    std::ostringstream out;
    CHECK(run_check((tc.root() / "loose/note.md").string(), out) == kExitUsage);
    CHECK(out.str().find("not in a course") != std::string::npos);
}

TEST_CASE("check_changes reports fixed and new problems, not ones that only moved") {
    std::vector<Diagnostic> before = {{"a.md", 3, Severity::Error, "bad"}, {"b.md", 1, Severity::Warning, "meh"}};
    std::vector<Diagnostic> after = {{"a.md", 5, Severity::Error, "bad"}, {"c.md", 2, Severity::Error, "worse"}};
    auto lines = check_changes(before, after);
    REQUIRE(lines.size() == 2);
    CHECK(lines[0] == "fixed: b.md:1: warning: meh");
    CHECK(lines[1] == "new:   c.md:2: error: worse");
    CHECK(check_changes(after, after).empty());
}

TEST_CASE("check --watch prints the whole report once, then only what each save changed") {
    test::TempCourse tc;
    std::vector<std::function<void()>> saves = {
        [&] { tc.write("ch/a.md", "---\nid: mod-a\ntitle: [broken\n---\n"); },    // breaks a.md
        [&] { tc.write("ch/b.md", test::TempCourse::module("mod-b", 2, "cat") + "\nMore.\n"); },  // no change
        [&] { tc.write("ch/a.md", test::TempCourse::module("mod-a", 1, "cat")); },  // fixes it
    };
    std::size_t next = 0;
    std::ostringstream out;
    int code = run_check_watch(tc.path(), out, [&] {
        if (next == saves.size()) return false;
        saves[next++]();
        return true;
    });
    const std::string text = out.str();
    INFO(text);
    CHECK(code == kExitOk);
    CHECK(count(text, "0 errors, 0 warnings") == 1);  // the summary comes once, at the start
    CHECK(count(text, "new:   ch/a.md") >= 1);
    CHECK(count(text, "fixed: ch/a.md") == count(text, "new:   ch/a.md"));
    CHECK(text.find("ch/b.md") == std::string::npos);
    CHECK(text.rfind("fixed: ch/a.md") > text.rfind("new:   ch/a.md"));
}

TEST_CASE("groundwork check --watch notices a save on disk and stops on Ctrl+C (SIGINT)") {
    test::TempCourse tc;
    const std::string log = tc.path() + "/../" + tc.root().filename().string() + ".watch.log";
    pid_t pid = fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        std::freopen(log.c_str(), "w", stdout);
        execl(GROUNDWORK_BINARY, GROUNDWORK_BINARY, "check", "--watch", tc.path().c_str(), (char*)nullptr);
        _exit(127);
    }
    auto read_log = [&] {
        std::ifstream in(log);
        std::ostringstream s;
        s << in.rdbuf();
        return s.str();
    };
    auto wait_for = [&](const std::string& part) {
        for (int i = 0; i < 100 && read_log().find(part) == std::string::npos; ++i)
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        return read_log().find(part) != std::string::npos;
    };
    CHECK(wait_for("Watching for changes"));
    tc.write("ch/b.md", "---\nid: mod-b\ntitle: [broken\n---\n");
    CHECK(wait_for("new:   ch/b.md"));
    tc.write("ch/b.md", test::TempCourse::module("mod-b", 2, "cat"));
    CHECK(wait_for("fixed: ch/b.md"));
    kill(pid, SIGINT);
    int status = 0;
    for (int i = 0; i < 100 && waitpid(pid, &status, WNOHANG) == 0; ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    if (waitpid(pid, &status, WNOHANG) == 0) {
        kill(pid, SIGKILL);
        waitpid(pid, &status, 0);
        FAIL("check --watch did not stop on SIGINT");
    }
    CHECK(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
    std::filesystem::remove(log);
}

TEST_CASE("check --watch on a folder that does not exist reports it once and returns") {
    std::ostringstream out;
    CHECK(run_check_watch_until_interrupted("/nonexistent-course-folder-l", out) == kExitContentErrors);
    CHECK(out.str().find("course folder not found") != std::string::npos);
}
