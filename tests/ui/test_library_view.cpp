// The Library page (issue 9): the installed courses with their progress, reached from the sidebar or --module
// library; "Open" switches the course, keeps the profile and is remembered for the next start.
#include <doctest/doctest.h>

#include "../runtime/temp_course.h"
#include "reader_fixture.h"
#include "runtime/course/course_library.h"
#include "ui/item_probe.h"
#include "ui/views/sidebar_view.h"

using namespace gw;

namespace {

void make_library_course(test::TempCourse& c, const std::string& id, const std::string& title) {
    c.write("course.md", "---\nid: " + id + "\nversion: \"1.2\"\ntitle: " + title +
                             "\ndescription: A course about " + id + ".\nchapters:\n  - ch\n---\n");
}

}  // namespace

TEST_CASE("the Library page lists installed courses and opens another one, keeping the learner's work") {
    test::TempCourse alpha, beta;
    make_library_course(alpha, "alpha", "Alpha Course");
    make_library_course(beta, "beta", "Beta Course");
    test::ReaderFixture f("", 2);
    CourseLibrary library(f.dir.path());
    REQUIRE(library.install(alpha.root()).ok());
    REQUIRE(library.install(beta.root()).ok());
    f.content = library.folder_of("alpha").string();
    f.start("library");
    CHECK(f.app->showing_library());
    CHECK(f.app->course().id == "alpha");
    f.session->set_done("mod-a", true);
    // Progress is read when the page opens: back to the course and to the Library again through the sidebar.
    f.click("library-back");
    CHECK_FALSE(f.app->showing_library());
    f.click("library");
    REQUIRE(f.app->showing_library());
    const auto& entries = f.app->library_state().entries;
    REQUIRE(entries.size() == 2);
    CHECK(entries[0].course.id == "alpha");
    CHECK(entries[0].course.description == "A course about alpha.");
    CHECK(entries[0].progress.done() == 1);
    CHECK(entries[0].progress.total() == 3);
    CHECK(ui::probe::centre("library-current:alpha"));
    CHECK_FALSE(ui::probe::centre("library-open:alpha"));
    REQUIRE(ui::probe::centre("library-open:beta"));
    CHECK(f.session->work().resume.page_id != ui::kLibraryPage);  // the Library is not a place in a course

    f.click("library-open:beta");
    CHECK_FALSE(f.app->showing_library());
    CHECK(f.app->course().id == "beta");
    CHECK(f.app->content_dir() == library.folder_of("beta").string());
    CHECK(f.app->navigator().current() == "ch");  // the new course starts at its first page
    CHECK(library.last_course() == "beta");
    CHECK(f.session->profile().work("alpha").is_done("mod-a"));  // alpha's work stays, kept under its id
    CHECK_FALSE(f.session->work().is_done("mod-a"));                // and beta, with a mod-a of its own, has none

    // Back to alpha through the Library: it opens on a page of alpha, not on the Library again (the resume point
    // once recorded the Library itself, and every course left through it came back there).
    f.click("library");
    REQUIRE(f.app->showing_library());
    REQUIRE(ui::probe::centre("library-open:alpha"));
    f.click("library-open:alpha");
    CHECK(f.app->course().id == "alpha");
    CHECK_FALSE(f.app->showing_library());
}

TEST_CASE("the sidebar's Library row opens the page from a trainer's working folder too") {
    test::TempCourse c;
    test::ReaderFixture f(c.path(), 2);
    f.start();
    CHECK_FALSE(f.app->showing_library());
    f.click("library");
    CHECK(f.app->showing_library());
    CHECK(f.app->library_state().entries.empty());  // nothing installed in this data folder
    f.click("library-back");
    CHECK_FALSE(f.app->showing_library());
    CHECK(f.app->content_dir() == c.path());
}

TEST_CASE("opening a course uninstalled since the Library page was read says so and stays") {
    test::TempCourse alpha, beta;
    make_library_course(alpha, "alpha", "Alpha Course");
    make_library_course(beta, "beta", "Beta Course");
    test::ReaderFixture f("", 2);
    CourseLibrary library(f.dir.path());
    REQUIRE(library.install(alpha.root()).ok());
    REQUIRE(library.install(beta.root()).ok());
    f.content = library.folder_of("alpha").string();
    f.start("library");
    REQUIRE(ui::probe::centre("library-open:beta"));
    REQUIRE(library.uninstall("beta").ok());  // from a terminal, while the page is open
    f.click("library-open:beta");
    CHECK(f.app->showing_library());
    CHECK(f.app->course().id == "alpha");
    CHECK(f.app->library_state().message == "That course is no longer installed.");
    CHECK(f.app->library_state().entries.size() == 1);
    CHECK(library.last_course().empty());
}
