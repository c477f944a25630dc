// A module's number is its place in chapter.md's list unless its file writes one; check says when the two disagree.
#include <doctest/doctest.h>

#include <algorithm>

#include "runtime/course/course_loader.h"
#include "temp_course.h"

using namespace gw;

namespace {

std::string unnumbered(const std::string& id) {
    return "---\nid: " + id + "\ntitle: T " + id + "\ncategory: cat\n---\n\nBody.\n\n> [!REFLECTION]\n> Think.\n";
}

const std::string kChapterBA =
    "---\nid: ch\nnumber: 3\ntitle: A Chapter\ncategories:\n  - id: cat\n    title: Cat\n"
    "modules:\n  - b.md\n  - a.md\nhomework:\n  - hw.md\n---\nIntro.\n";

bool has_warning(const Course& c, const std::string& file, const std::string& part) {
    return std::any_of(c.diagnostics.begin(), c.diagnostics.end(), [&](const Diagnostic& d) {
        return d.file == file && d.severity == Severity::Warning && d.message.find(part) != std::string::npos;
    });
}

}  // namespace

TEST_CASE("a module without number: is numbered by its place, and the numbers follow a reordering") {
    test::TempCourse tc;
    tc.write("ch/a.md", unnumbered("mod-a"));
    tc.write("ch/b.md", unnumbered("mod-b"));
    Course c = load_course(tc.root());
    CHECK(count_errors(c.diagnostics) == 0);
    REQUIRE(c.find_item("mod-a"));
    CHECK(c.find_item("mod-a")->number == 1);
    CHECK(c.find_item("mod-b")->number == 2);
    CHECK_FALSE(c.find_item("mod-a")->broken());

    tc.write("ch/chapter.md", kChapterBA);
    c = load_course(tc.root());
    CHECK(count_errors(c.diagnostics) == 0);
    CHECK(c.find_item("mod-b")->number == 1);
    CHECK(c.find_item("mod-a")->number == 2);
}

TEST_CASE("a written number: that disagrees with the reading order is kept and warned about at its line") {
    test::TempCourse tc;  // a.md says number: 1, b.md number: 2
    Course c = load_course(tc.root());
    CHECK_FALSE(has_warning(c, "ch/a.md", "number:"));

    tc.write("ch/chapter.md", kChapterBA);
    c = load_course(tc.root());
    CHECK(c.find_item("mod-a")->number == 1);  // the file's word wins...
    CHECK(has_warning(c, "ch/a.md", "number: 1 but chapter.md lists this module 2nd"));  // ...and check says so
    CHECK(has_warning(c, "ch/b.md", "number: 2 but chapter.md lists this module 1st"));
    auto it = std::find_if(c.diagnostics.begin(), c.diagnostics.end(),
                           [](const Diagnostic& d) { return d.file == "ch/a.md" && d.severity == Severity::Warning; });
    REQUIRE(it != c.diagnostics.end());
    CHECK(it->line == 3);  // the number: line of TempCourse::module

    tc.write("ch/hw.md", "---\nid: hw-1\nnumber: 4\ntitle: Homework\n---\nDo it.\n");
    c = load_course(tc.root());
    CHECK(has_warning(c, "ch/hw.md", "lists this homework 1st"));
}

TEST_CASE("course.md's description is loaded") {
    test::TempCourse tc;
    tc.write("course.md", "---\ntitle: Test Course\ndescription: For new account managers.\nchapters:\n  - ch\n---\n");
    Course c = load_course(tc.root());
    CHECK(c.description == "For new account managers.");
    CHECK(count_warnings(c.diagnostics) == 0);
}
