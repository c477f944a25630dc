// The real binary's command line: exit codes mean something and output is what scripts expect.
#include <doctest/doctest.h>

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <string>

namespace {

struct Run {
    int exit_code;
    std::string output;
};

Run run(const std::string& args) {
    std::string cmd = std::string(GROUNDWORK_BINARY) + " " + args + " 2>&1";
    Run r{-1, {}};
    FILE* p = popen(cmd.c_str(), "r");
    REQUIRE(p);
    std::array<char, 4096> buf{};
    while (std::fgets(buf.data(), int(buf.size()), p)) r.output += buf.data();
    int status = pclose(p);
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return r;
}

const std::string kData = GROUNDWORK_TEST_DATA;

}  // namespace

TEST_CASE("--version and --help") {
    auto v = run("--version");
    CHECK(v.exit_code == 0);
    CHECK(v.output.find("groundwork ") == 0);
    auto h = run("--help");
    CHECK(h.exit_code == 0);
    CHECK(h.output.find("--content") != std::string::npos);
    CHECK(h.output.find("Exit codes") != std::string::npos);
}

TEST_CASE("an unknown option is a usage error (exit 2)") {
    CHECK(run("--no-such-option").exit_code == 2);
    CHECK(run("check").exit_code == 2);  // check needs a folder
}

TEST_CASE("check exits 0 on a clean course and 1 on a broken one") {
    auto ok = run("check " + kData + "/mini-course");
    CHECK(ok.exit_code == 0);
    CHECK(ok.output.find("0 errors") != std::string::npos);
    auto bad = run("check /nonexistent-course-folder");
    CHECK(bad.exit_code == 1);
    CHECK(bad.output.find("course folder not found") != std::string::npos);
}

TEST_CASE("the shipped course checks clean") {
    auto r = run("check " + std::string(GROUNDWORK_SHIPPED_CONTENT));
    INFO(r.output);
    CHECK(r.exit_code == 0);
    CHECK(r.output.find("1 chapter, 10 modules, 3 homework, 125 minutes; 0 errors, 0 warnings") != std::string::npos);
}
