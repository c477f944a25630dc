// Every kind of bad content gets its own clear file:line message, a non-zero exit, and never a crash.
#include <doctest/doctest.h>

#include <sstream>

#include "runtime/cli/check_command.h"
#include "runtime/course/course_loader.h"
#include "temp_course.h"

using namespace gw;
using gw::test::TempCourse;

namespace {

struct CheckResult {
    int exit_code;
    std::string output;
    bool has(const std::string& s) const { return output.find(s) != std::string::npos; }
};

CheckResult check(const std::string& dir) {
    std::ostringstream out;
    int rc = run_check(dir, out);
    return {rc, out.str()};
}

}  // namespace

TEST_CASE("a valid course checks clean") {
    TempCourse t;
    auto r = check(t.path());
    CHECK(r.exit_code == 0);
    CHECK(r.has("1 chapter, 2 modules, 1 homework, 10 minutes; 0 errors, 0 warnings"));
}

TEST_CASE("missing front matter") {
    TempCourse t;
    t.write("ch/a.md", "# Just a heading\n\nNo metadata here.\n");
    auto r = check(t.path());
    CHECK(r.exit_code == 1);
    CHECK(r.has("ch/a.md:1: error: missing front matter"));
}

TEST_CASE("front matter that is never closed") {
    TempCourse t;
    t.write("ch/a.md", "---\nid: mod-a\ntitle: A\n\nBody text\n");
    auto r = check(t.path());
    CHECK(r.exit_code == 1);
    CHECK(r.has("ch/a.md:1: error: front matter opened with --- is never closed"));
}

TEST_CASE("malformed YAML reports the line inside the file") {
    TempCourse t;
    t.write("ch/a.md", "---\nid: mod-a\nnumber: 1\ntitle: [unclosed\ncategory: cat\n---\nBody\n");
    auto r = check(t.path());
    CHECK(r.exit_code == 1);
    CHECK(r.has("ch/a.md:"));
    CHECK(r.has("malformed front matter"));
}

TEST_CASE("a missing required key and a wrong number") {
    TempCourse t;
    t.write("ch/a.md", "---\nnumber: many\ntitle: A\ncategory: cat\n---\nBody\n> [!REFLECTION]\n> x\n");
    auto r = check(t.path());
    CHECK(r.has("ch/a.md:1: error: missing required key 'id'"));
    CHECK(r.has("ch/a.md:2: error: 'number' must be a whole number"));
}

TEST_CASE("duplicate ids name both places") {
    TempCourse t;
    t.write("ch/b.md", TempCourse::module("mod-a", 2, "cat"));
    auto r = check(t.path());
    CHECK(r.exit_code == 1);
    CHECK(r.has("ch/b.md:2: error: duplicate id 'mod-a': already used by ch/a.md:2"));
}

TEST_CASE("an unknown block kind") {
    TempCourse t;
    t.write("ch/a.md", "---\nid: mod-a\nnumber: 1\ntitle: A\ncategory: cat\n---\n\nText.\n\n> [!SIDEBAR] Nope\n> x\n");
    auto r = check(t.path());
    CHECK(r.exit_code == 1);
    CHECK(r.has("ch/a.md:10: error: unknown block kind [!SIDEBAR]"));
}

TEST_CASE("a category that is referenced but not declared") {
    TempCourse t;
    t.write("ch/a.md", TempCourse::module("mod-a", 1, "nowhere"));
    auto r = check(t.path());
    CHECK(r.exit_code == 1);
    CHECK(r.has("ch/a.md:6: error: category 'nowhere' is not declared"));
}

TEST_CASE("a module file that is referenced but missing") {
    TempCourse t;
    std::filesystem::remove(t.root() / "ch/b.md");
    auto r = check(t.path());
    CHECK(r.exit_code == 1);
    CHECK(r.has("ch/chapter.md:10: error: module file 'b.md' not found"));
}

TEST_CASE("a chapter folder that is referenced but missing") {
    TempCourse t;
    t.write("course.md", "---\ntitle: T\nchapters:\n  - ch\n  - gone\n---\n");
    auto r = check(t.path());
    CHECK(r.exit_code == 1);
    CHECK(r.has("course.md:5: error: chapter folder 'gone' not found"));
}

TEST_CASE("invalid UTF-8 names the line and the byte") {
    TempCourse t;
    t.write("ch/a.md", TempCourse::module("mod-a", 1, "cat") + "Caf\xE9 ohne UTF-8\n");
    auto r = check(t.path());
    CHECK(r.exit_code == 1);
    CHECK(r.has("ch/a.md:13: error: invalid UTF-8 (byte 0xE9 at column 4)"));
}

TEST_CASE("invalid UTF-8 (column in characters) after valid non-ASCII text, cut short before ASCII, overlong, or at the end of the file") {
    struct Case { const char* tail; const char* expected; };
    const Case cases[] = {
        {"Caf\xC3\xA9 \xE2\x80\x94 \xE2\x82x\n", "ch/a.md:13: error: invalid UTF-8 (byte 0xE2 at column 8)"},
        {"\xC3\xA9\xC3\xA9\xC0\xAF\n", "ch/a.md:13: error: invalid UTF-8 (byte 0xC0 at column 3)"},
        {"Smile \xF0\x9F\x98", "ch/a.md:13: error: invalid UTF-8 (byte 0xF0 at column 7)"},
        {"\xED\xA0\x80 a surrogate\n", "ch/a.md:13: error: invalid UTF-8 (byte 0xED at column 1)"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.expected);
        TempCourse t;
        t.write("ch/a.md", TempCourse::module("mod-a", 1, "cat") + c.tail);
        auto r = check(t.path());
        INFO(r.output);
        CHECK(r.exit_code == 1);
        CHECK(r.has(c.expected));
    }
    TempCourse fine;
    fine.write("ch/a.md", TempCourse::module("mod-a", 1, "cat") + "Caf\xC3\xA9 \xE2\x80\x94 na\xC3\xAFve \xF0\x9F\x98\x80\n");
    CHECK(check(fine.path()).exit_code == 0);
}

TEST_CASE("an empty folder") {
    TempCourse t;
    auto empty = t.root() / "empty";
    std::filesystem::create_directories(empty);
    auto r = check(empty.string());
    CHECK(r.exit_code == 1);
    CHECK(r.has("empty folder"));
}

TEST_CASE("a folder that does not exist") {
    auto r = check("/nonexistent/groundwork/course");
    CHECK(r.exit_code == 1);
    CHECK(r.has("course folder not found"));
}

TEST_CASE("a 5 MB file is refused without being parsed") {
    TempCourse t;
    std::string huge = TempCourse::module("mod-a", 1, "cat");
    huge += std::string(5 * 1024 * 1024, 'a');
    t.write("ch/a.md", huge);
    auto r = check(t.path());
    CHECK(r.exit_code == 1);
    CHECK(r.has("ch/a.md:1: error: file is 5.0 MB; content files may be at most 1 MB"));
}

TEST_CASE("a binary file") {
    TempCourse t;
    std::string bin("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
    t.write("ch/a.md", bin);
    auto r = check(t.path());
    CHECK(r.exit_code == 1);
    CHECK(r.has("ch/a.md:1: error: binary file"));
}

TEST_CASE("a broken module stays in the course with its problems; the rest loads") {
    TempCourse t;
    t.write("ch/a.md", "no front matter at all\n");
    Course c = load_course(t.root());
    REQUIRE(c.chapters.size() == 1);
    REQUIRE(c.chapters[0].modules.size() == 2);
    CHECK(c.chapters[0].modules[0].broken());
    CHECK_FALSE(c.chapters[0].modules[1].broken());
    CHECK(c.chapters[0].modules[1].title == "Module mod-b");
}

TEST_CASE("windows line endings keep line numbers right") {
    TempCourse t;
    t.write("ch/a.md", "---\r\nid: mod-a\r\nnumber: 1\r\ntitle: A\r\ncategory: cat\r\n---\r\n\r\n> [!BOGUS]\r\n> x\r\n");
    auto r = check(t.path());
    CHECK(r.has("ch/a.md:8: error: unknown block kind [!BOGUS]"));
}

TEST_CASE("warnings do not fail the check") {
    TempCourse t;
    t.write("ch/a.md", "---\nid: mod-a\nnumber: 1\ntitle: A\ncategory: cat\ncolour: red\n---\n\nNo prompt here.\n");
    t.write("ch/stray.md", "---\nid: stray\n---\n");
    auto r = check(t.path());
    CHECK(r.exit_code == 0);
    CHECK(r.has("ch/a.md:6: warning: unknown key 'colour' is ignored"));
    CHECK(r.has("ch/a.md:1: warning: no [!REFLECTION] block"));
    CHECK(r.has("ch/stray.md:1: warning: not listed"));
}
