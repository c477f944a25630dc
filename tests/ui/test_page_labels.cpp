// What the chapter page and the sidebar say about a course whose modules give no minutes and which has no
// homework: nothing claims "0 min", "about 0 h 00 min" or "0/0 homework", and a module is never called homework.
#include <doctest/doctest.h>

#include "../runtime/temp_course.h"
#include "reader_fixture.h"
#include "runtime/course/course_loader.h"
#include "ui/views/page_view.h"
#include "ui/views/sidebar_view.h"

using namespace gw;

namespace {

// One chapter, two modules without minutes:, no homework, and a course description.
void write_plain_course(test::TempCourse& tc) {
    tc.write("course.md",
             "---\ntitle: Plain Course\ndescription: Two short modules for new account managers.\n"
             "chapters:\n  - ch\n---\n");
    tc.write("ch/chapter.md",
             "---\nid: ch\nnumber: 1\ntitle: Basics\ncategories:\n  - id: cat\n    title: Cat\n"
             "modules:\n  - a.md\n  - b.md\n---\nIntro.\n");
    for (const char* id : {"a", "b"})
        tc.write(std::string("ch/") + id + ".md", "---\nid: " + std::string(id) + "\ntitle: Module " + id +
                                                       "\ncategory: cat\n---\n\nBody.\n\n> [!REFLECTION]\n> Think.\n");
    std::filesystem::remove(tc.root() / "ch/hw.md");
}

}  // namespace

TEST_CASE("no minutes and no homework: the labels say neither") {
    test::TempCourse tc;
    write_plain_course(tc);
    Course c = load_course(tc.root());
    REQUIRE(count_errors(c.diagnostics) == 0);
    const Chapter& ch = c.chapters.at(0);
    const CourseItem& a = ch.modules.at(0);

    CHECK(ui::item_kicker(a) == "Module 1");
    CHECK(ui::chapter_meta(ch) == "Chapter 1  \xC2\xB7  2 modules");
    CHECK(ui::item_row_detail(a, ItemState::NotStarted) == "");
    CHECK(ui::item_row_detail(a, ItemState::Started) == "started");
    ChapterProgress p;
    p.modules_total = 2;
    p.modules_done = 1;
    CHECK(ui::chapter_counts(p) == "1/2 modules");
}

TEST_CASE("minutes and homework, when the course has them, are still shown") {
    test::TempCourse tc;  // two 5-minute modules and one homework
    Course c = load_course(tc.root());
    const Chapter& ch = c.chapters.at(0);
    CHECK(ui::item_kicker(ch.modules.at(0)) == "Module 1  \xC2\xB7  5 min");
    CHECK(ui::item_kicker(ch.homework.at(0)) == "Homework 1");
    CHECK(ui::chapter_meta(ch) == "Chapter 3  \xC2\xB7  2 modules  \xC2\xB7  1 homework  \xC2\xB7  about 10 min");
    CHECK(ui::item_row_detail(ch.modules.at(0), ItemState::Done) == "5 min  \xC2\xB7  done");
    CHECK(ui::item_row_detail(ch.homework.at(0), ItemState::NotStarted) == "homework");
    ChapterProgress p;
    p.modules_total = 2;
    p.homework_total = 1;
    CHECK(ui::chapter_counts(p) == "0/2 modules  \xC2\xB7  0/1 homework");
    Chapter longer = ch;
    longer.modules.at(0).minutes = 125;
    CHECK(ui::chapter_meta(longer).find("about 2 h 10 min") != std::string::npos);
}

TEST_CASE("course.md's description is drawn on the course's first page, and only there") {
    test::TempCourse tc;
    write_plain_course(tc);
    test::ReaderFixture f(tc.path(), 2);
    f.start("ch");
    CHECK(ui::probe::centre("course-description"));
    ui::probe::clear();
    f.app->navigator().go("a");
    f.frames(2);
    CHECK_FALSE(ui::probe::centre("course-description"));
}
