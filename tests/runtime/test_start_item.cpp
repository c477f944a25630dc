// --module ID: an id the course does not have is a usage error naming the near matches, before any window opens.
#include <doctest/doctest.h>

#include <sys/wait.h>

#include <array>
#include <cstdio>

#include "runtime/course/course_loader.h"
#include "runtime/course/page_navigator.h"

using namespace gw;

namespace {

const std::string kMini = std::string(GROUNDWORK_TEST_DATA) + "/mini-course";

}  // namespace

TEST_CASE("edit distance and near ids") {
    CHECK(edit_distance("account-plan", "acount-plan") == 1);
    CHECK(edit_distance("", "abc") == 3);
    CHECK(edit_distance("kitten", "sitting") == 3);
    auto near = near_ids({"mini-one", "mini-two", "mini-three", "ch1", "hw-x"}, "mini-tow");
    REQUIRE_FALSE(near.empty());
    CHECK(near.front() == "mini-two");
    CHECK(std::find(near.begin(), near.end(), "ch1") == near.end());
}

TEST_CASE("start_item_problem accepts every page and the learner's own pages, and names near matches otherwise") {
    Course c = load_course(kMini);
    for (const char* ok : {"mini-two", "ch1", "my-work", "accounts", "dashboard", "artifact:anything"})
        CHECK_MESSAGE(start_item_problem(c, ok).empty(), ok);
    const std::string p = start_item_problem(c, "mini-tow");
    CHECK(p.find("--module mini-tow: no module") != std::string::npos);
    CHECK(p.find("Did you mean: mini-two") != std::string::npos);
    CHECK(start_item_problem(c, "artifact-kind:nothing").find("no artifact kind 'nothing'") != std::string::npos);
}

TEST_CASE("artifact-kind:KIND is accepted for a declared kind and near kinds are suggested") {
    Course c = load_course(GROUNDWORK_SHIPPED_CONTENT);
    CHECK(start_item_problem(c, "artifact-kind:account-plan").empty());
    CHECK(start_item_problem(c, "artifact-kind:acount-plan").find("Did you mean: artifact-kind:account-plan") !=
          std::string::npos);
}

TEST_CASE("groundwork --module with an unknown id exits 2 with the message, without opening a window") {
    // No DISPLAY: had it tried to open the window it would exit 3 (no display) instead.
    std::string cmd = "env -u DISPLAY -u WAYLAND_DISPLAY " + std::string(GROUNDWORK_BINARY) + " --content " + kMini +
                      " --module mini-tow 2>&1";
    FILE* p = popen(cmd.c_str(), "r");
    REQUIRE(p);
    std::string out;
    std::array<char, 4096> buf{};
    while (std::fgets(buf.data(), int(buf.size()), p)) out += buf.data();
    int status = pclose(p);
    INFO(out);
    REQUIRE(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 2);
    CHECK(out.find("Did you mean: mini-two") != std::string::npos);
}
