// The reader moves work under renamed ids (aliases:) when the course loads and when it reloads while open, and saves
// the result through the store: My work lists it in the course, an artifact's "linked from" names the new page.
#include <doctest/doctest.h>

#include "../runtime/temp_course.h"
#include "progress/profile_json.h"
#include "reader_fixture.h"
#include "runtime/course/course_progress.h"
#include "ui/views/sidebar_view.h"

using namespace gw;

namespace {

const std::string kCourse = "renames";

void write_course(test::TempCourse& c, bool renamed) {
    c.write("course.md", "---\nid: " + kCourse + "\ntitle: Test Course\nchapters:\n  - ch\n---\n");
    c.write("artifacts/plan.md", std::string("---\nid: ") + (renamed ? "plan-new\naliases: [plan-old]" : "plan-old") +
                                     "\ntitle: Plan\nscope: portfolio\nfields:\n  - id: notes\n    kind: text\n---\n");
    c.write("ch/a.md", std::string("---\nid: ") + (renamed ? "mod-a-new\naliases: [mod-a]" : "mod-a") +
                           "\ntitle: " + (renamed ? "Module A, Renamed" : "Module A") +
                           "\nminutes: 5\ncategory: cat\n---\n\nBody.\n\n> [!REFLECTION]\n> Think.\n");
}

}  // namespace

TEST_CASE("work under an old id opens under the new one, is saved so, and is not 'No longer in the course'") {
    test::TempCourse course;
    write_course(course, true);
    test::ReaderFixture f(course.path(), 1);
    std::string art;
    {
        Profile p;  // written before the trainer renamed the module and the artifact kind
        Artifact& a = p.add_artifact("plan-old", "Plan", "", 100);
        art = a.id;
        CourseWork& w = p.work_in(kCourse);
        w.set_done("mod-a", true, 200);
        w.edit_reflection("mod-a", "Module A", 300).text = "Written before the rename.";
        w.resume = {"mod-a", 0, false};
        w.link(art, "mod-a");
        test::spit(f.dir / "profiles/t.json", serialize_profile(p));
    }
    f.start();
    CHECK(f.app->navigator().current() == "mod-a-new");  // the resume point followed the rename
    CHECK(f.session->work().is_done("mod-a-new"));
    CHECK(chapter_progress(f.session->work(), f.app->course().chapters[0]).modules_done == 1);

    f.click("my-work");
    CHECK(f.app->showing_my_work());
    CHECK(ui::probe::centre("work:mod-a-new"));
    CHECK_FALSE(ui::probe::centre("work:mod-a"));

    f.app->open_work(std::string(ui::kArtifactPrefix) + art);
    f.frames(3);
    CHECK(f.app->artifact_shown() == art);
    CHECK(ui::probe::centre("linked-from:mod-a-new"));
    CHECK_FALSE(ui::probe::centre("linked-from:mod-a"));

    // Saved through the store as it was moved: the next start (or an export) sees the new ids.
    const Profile disk = f.on_disk();
    CHECK(disk.work(kCourse).reflection("mod-a-new")->text == "Written before the rename.");
    CHECK_FALSE(disk.work(kCourse).reflection("mod-a"));
    CHECK(disk.artifact(art)->kind == "plan-new");
    CHECK(std::filesystem::exists(f.dir / "backups/t"));  // the file it replaced went to the backups
}

TEST_CASE("a rename saved while the app runs moves the work at the reload and keeps the reader on the page") {
    test::TempCourse course;
    write_course(course, false);
    test::ReaderFixture f(course.path(), 1);
    f.start("mod-a");
    f.session->write_reflection("mod-a", "Module A", "Typed before the trainer's update.", 5);
    f.session->set_done("mod-a", true);
    REQUIRE(f.session->flush());

    write_course(course, true);  // the trainer renames the module and lists its old id
    f.app->load_content();       // what the content watcher triggers
    f.frames(2);
    CHECK(f.app->navigator().current() == "mod-a-new");
    CHECK(f.session->work().reflection("mod-a-new")->text == "Typed before the trainer's update.");
    CHECK(f.session->work().is_done("mod-a-new"));
    CHECK_FALSE(f.session->work().reflection("mod-a"));
    CHECK(f.on_disk().work(kCourse).is_done("mod-a-new"));
}
