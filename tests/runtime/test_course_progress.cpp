#include <doctest/doctest.h>

#include "runtime/course/course_loader.h"
#include "runtime/course/course_progress.h"
#include "runtime/course/work_list.h"
#include "temp_course.h"

using namespace gw;

TEST_CASE("chapter progress counts modules and homework the way the course page does") {
    Course c = load_course(std::string(GROUNDWORK_SHIPPED_CONTENT));
    REQUIRE(c.chapters.size() == 1);
    CourseWork p;  // the learner's work in this course
    ChapterProgress none = chapter_progress(p, c.chapters[0]);
    CHECK(none.total() == 13);
    CHECK(none.modules_total == 10);
    CHECK(none.homework_total == 3);
    CHECK(none.percent() == 0);

    p.set_done("growth-mindset", true, 1);
    p.set_done("account-mapping", true, 1);
    p.set_done("hw-qbr-design", true, 1);
    p.set_done("not-in-this-course", true, 1);
    ChapterProgress some = chapter_progress(p, c.chapters[0]);
    CHECK(some.modules_done == 2);
    CHECK(some.homework_done == 1);
    CHECK(some.done() == 3);
    CHECK(some.percent() == 23);  // 3 / 13, rounded
}

TEST_CASE("an item is not started, started (something written) or done") {
    CourseWork p;  // the learner's work in this course
    CHECK(item_state(p, "qbr") == ItemState::NotStarted);
    p.edit_reflection("qbr", "", 1).text = "  \n ";
    CHECK(item_state(p, "qbr") == ItemState::NotStarted);  // white space is not a start
    p.edit_reflection("qbr", "", 2).text = "Agenda draft";
    CHECK(item_state(p, "qbr") == ItemState::Started);
    p.set_done("qbr", true, 3);
    CHECK(item_state(p, "qbr") == ItemState::Done);
}

TEST_CASE("a content update that removes and renames modules resets nothing") {
    test::TempCourse course;
    CourseWork p;  // the learner's work in this course
    p.edit_reflection("mod-a", "Module mod-a", 10).text = "Work on A";
    p.edit_reflection("mod-b", "Module mod-b", 20).text = "Work on B";
    p.set_done("mod-a", true, 10);
    p.set_done("mod-b", true, 20);

    // The trainer retitles A (same id), removes B, and adds C.
    course.write("ch/a.md", "---\nid: mod-a\nnumber: 1\ntitle: A, Retitled\nminutes: 5\ncategory: cat\n---\n\n"
                            "> [!REFLECTION]\n> Think.\n");
    course.write("ch/chapter.md", "---\nid: ch\nnumber: 3\ntitle: A Chapter\ncategories:\n  - id: cat\n    title: Cat\n"
                                  "modules:\n  - a.md\n  - c.md\nhomework:\n  - hw.md\n---\nIntro.\n");
    course.write("ch/c.md", test::TempCourse::module("mod-c", 2, "cat"));
    std::filesystem::remove(course.root() / "ch/b.md");
    Course updated = load_course(course.path());
    REQUIRE(updated.diagnostics.empty());

    CHECK(item_state(p, "mod-a") == ItemState::Done);
    ChapterProgress cp = chapter_progress(p, updated.chapters[0]);
    CHECK(cp.modules_done == 1);  // B's "done" no longer counts, but it is still in the profile
    CHECK(p.is_done("mod-b"));

    std::vector<WorkEntry> work = list_work(p, updated);
    REQUIRE(work.size() == 2);
    CHECK(work[0].id == "mod-b");  // newest edit first
    CHECK_FALSE(work[0].in_course);
    CHECK(work[0].title == "Module mod-b");  // the title it had when last opened
    CHECK(work[0].where == "No longer in the course");
    CHECK(work[1].id == "mod-a");
    CHECK(work[1].in_course);
    CHECK(work[1].title == "A, Retitled");  // current title for work still in the course
    CHECK(work[1].where == "Module 1");
}
