// Work kept per course and ids that can change (issue 9): aliases: on modules, homework, chapters and artifact
// kinds move the learner's work under an old id to the new one when the course loads; check reports aliases that
// cannot be followed.
#include <doctest/doctest.h>

#include <sstream>

#include "../progress/temp_dir.h"
#include "progress/profile_json.h"
#include "progress/profile_migration.h"
#include "progress/profile_store.h"
#include "runtime/artifacts/artifact_export.h"
#include "runtime/cli/transfer_commands.h"
#include "runtime/course/course_loader.h"
#include "runtime/course/course_library.h"
#include "runtime/course/course_progress.h"
#include "runtime/course/id_aliases.h"
#include "runtime/course/work_list.h"
#include "temp_course.h"

using namespace gw;

namespace {

const std::string kCourse = "renames";  // the test course's id

// A course whose chapter, first module, homework and artifact kind were all renamed; each lists its old id.
struct RenamedCourse {
    test::TempCourse dir;
    RenamedCourse(const std::string& module_aliases = "[mod-a]") {
        dir.write("course.md", "---\nid: " + kCourse + "\ntitle: Test Course\nchapters:\n  - ch\n---\n");
        dir.write("ch/chapter.md",
                  "---\nid: ch-new\naliases: [ch-old]\nnumber: 3\ntitle: A Chapter\ncategories:\n  - id: cat\n"
                  "    title: Cat\nmodules:\n  - a.md\n  - b.md\nhomework:\n  - hw.md\n---\nIntro.\n");
        dir.write("ch/a.md", "---\nid: mod-a-new\naliases: " + module_aliases +
                                 "\ntitle: Module A, Renamed\nminutes: 5\ncategory: cat\n---\n\nBody.\n\n"
                                 "> [!REFLECTION]\n> Think.\n");
        dir.write("ch/hw.md", "---\nid: hw-new\naliases:\n  - hw-1\ntitle: Homework, Renamed\n---\nDo it.\n");
        dir.write("artifacts/plan.md", "---\nid: plan-new\naliases: [plan-old]\ntitle: Plan\nscope: portfolio\n"
                                       "fields:\n  - id: notes\n    kind: text\n---\nA plan.\n");
    }
    Course load() const { return load_course(dir.path()); }
};

// Work under `old_id` in the test course: done, written, resumed there, linked to an artifact of the old kind.
Profile work_under(const std::string& old_id, std::string* artifact_id) {
    Profile p;
    Artifact& a = p.add_artifact("plan-old", "Plan", "", 100);
    *artifact_id = a.id;
    CourseWork& w = p.work_in(kCourse);
    w.set_done(old_id, true, 200);
    w.edit_reflection(old_id, "Old title", 300).text = "What I wrote under the old id.";
    w.resume = {old_id, 420, true};
    w.link(a.id, old_id);
    return p;
}

}  // namespace

TEST_CASE("a renamed module, homework or chapter keeps its done mark, reflection, resume point and links") {
    RenamedCourse course;
    const Course c = course.load();
    REQUIRE_MESSAGE(count_errors(c.diagnostics) == 0, format_diagnostic(c.diagnostics.front()));
    REQUIRE(c.id == kCourse);
    struct Rename {
        const char* from;
        const char* to;
        const char* where;  // as My work lists it
    } renames[] = {{"mod-a", "mod-a-new", "Module 1"}, {"hw-1", "hw-new", "Homework 1"}, {"ch-old", "ch-new", ""}};
    for (const Rename& r : renames) {
        INFO(r.from << " -> " << r.to);
        std::string art;
        Profile p = work_under(r.from, &art);
        CHECK(apply_id_aliases(p, c));
        const CourseWork& w = p.work(kCourse);
        CHECK(w.is_done(r.to));
        CHECK(w.progress.at(r.to).done_at == 200);
        REQUIRE(w.reflection(r.to));
        CHECK(w.reflection(r.to)->text == "What I wrote under the old id.");
        CHECK(w.resume.page_id == r.to);
        CHECK(w.resume.scroll == doctest::Approx(420));
        CHECK(w.links_to(art) == std::vector<std::string>{r.to});
        CHECK(p.linked_from(kCourse, r.to).size() == 1);
        // Nothing is left under the old id.
        CHECK_FALSE(w.progress.count(r.from));
        CHECK_FALSE(w.reflections.count(r.from));
        // The artifact's kind was renamed too, so the course declares it again.
        CHECK(p.artifact(art)->kind == "plan-new");
        CHECK(c.find_artifact_kind(p.artifact(art)->kind));
        // My work lists it as part of the course, not as "No longer in the course".
        if (*r.where) {
            const std::vector<WorkEntry> listed = list_work(w, c);
            REQUIRE(listed.size() == 1);
            CHECK(listed[0].in_course);
            CHECK(listed[0].where == r.where);
            // An artifact's "linked from" names the item as the course does now.
            const std::string md = artifact_markdown(c.find_artifact_kind("plan-new"), *p.artifact(art), p, c);
            CHECK(md.find(std::string(r.where) + ": ") != std::string::npos);
            CHECK(md.find("no longer in the course") == std::string::npos);
        }
    }
    // The chapter's progress counts the renamed module and homework.
    std::string art;
    Profile p = work_under("mod-a", &art);
    p.work_in(kCourse).set_done("hw-1", true, 5);
    apply_id_aliases(p, c);
    CHECK(chapter_progress(p.work(kCourse), c.chapters[0]).done() == 2);
}

TEST_CASE("an artifact kind renamed by alias keeps its artifacts, their values and links") {
    RenamedCourse course;
    const Course c = course.load();
    Profile p;
    Artifact& a = p.add_artifact("plan-old", "Plan", "", 1);
    a.values = {{"notes", "Q3 expansion"}};
    const std::string id = a.id;
    p.work_in(kCourse).link(id, "mod-a-new");
    p.work_in(kCourse).set_done("mod-a-new", true, 2);
    p.work_in(kCourse).resume = {"@artifact:" + id, 10, false};
    CHECK(apply_id_aliases(p, c));
    CHECK(p.artifact(id)->kind == "plan-new");
    CHECK(p.artifact(id)->values["notes"] == "Q3 expansion");
    CHECK(p.work(kCourse).links_to(id) == std::vector<std::string>{"mod-a-new"});
    CHECK(p.work(kCourse).is_done("mod-a-new"));
    CHECK(p.work(kCourse).resume.page_id == "@artifact:" + id);
}

TEST_CASE("the alias migration is idempotent and touches no other course") {
    RenamedCourse course;
    const Course c = course.load();
    std::string art;
    Profile p = work_under("mod-a", &art);
    p.work_in("another-course").edit_reflection("mod-a", "Theirs", 1).text = "Another course's module mod-a.";
    p.work_in("another-course").set_done("mod-a", true, 1);
    REQUIRE(apply_id_aliases(p, c));
    const std::string once = serialize_profile(p);
    CHECK_FALSE(apply_id_aliases(p, c));
    CHECK(serialize_profile(p) == once);
    // Two courses that share an id never share work, renamed or not.
    CHECK(p.work("another-course").reflection("mod-a")->text == "Another course's module mod-a.");
    CHECK(p.work("another-course").is_done("mod-a"));
    CHECK(p.work("another-course").reflection("mod-a-new") == nullptr);
    // A course without aliases changes nothing.
    test::TempCourse plain;
    CHECK_FALSE(apply_id_aliases(p, load_course(plain.path())));
}

TEST_CASE("two old ids, and the new one, that all hold work merge without losing any of it") {
    RenamedCourse course("[old-1, old-2]");
    const Course c = course.load();
    REQUIRE(count_errors(c.diagnostics) == 0);
    Profile p;
    Artifact& a = p.add_artifact("plan-new", "Plan", "", 1);
    const std::string art = a.id;
    CourseWork& w = p.work_in(kCourse);
    w.edit_reflection("old-1", "First name", 1000).text = "Oldest words.";
    w.edit_reflection("old-2", "Second name", 3000).text = "Newest words.";
    w.edit_reflection("mod-a-new", "Module A, Renamed", 2000).text = "Middle words.";
    w.reflections["old-2"].cursor = 5;
    w.set_done("old-1", true, 1500);  // done under one old id only
    w.set_done("mod-a-new", false, 0);
    w.link(art, "old-1");
    w.link(art, "old-2");  // both old ids linked the same artifact: one link remains
    w.resume = {"old-2", 50, false};
    CHECK(apply_id_aliases(p, c));

    const CourseWork& after = p.work(kCourse);
    CHECK(after.reflections.size() == 1);
    const Reflection* r = after.reflection("mod-a-new");
    REQUIRE(r);
    CHECK(r->text.rfind("Newest words.", 0) == 0);  // the text edited last leads
    CHECK(r->text.find("Middle words.") != std::string::npos);
    CHECK(r->text.find("Oldest words.") != std::string::npos);
    CHECK(r->text.find("Also written under") != std::string::npos);
    CHECK(r->created == 1000);
    CHECK(r->edited == 3000);
    CHECK(r->cursor == 5);
    CHECK(after.is_done("mod-a-new"));
    CHECK(after.progress.at("mod-a-new").done_at == 1500);
    CHECK(after.progress.size() == 1);
    CHECK(after.links_to(art) == std::vector<std::string>{"mod-a-new"});
    CHECK(after.resume.page_id == "mod-a-new");

    const std::string once = serialize_profile(p);
    CHECK_FALSE(apply_id_aliases(p, c));
    CHECK(serialize_profile(p) == once);
}

TEST_CASE("an alias that check reports is not followed") {
    RenamedCourse course;
    // b.md claims a live id (the homework's) and the first module's alias.
    course.dir.write("ch/b.md", "---\nid: mod-b\naliases: [hw-new, mod-a]\ntitle: B\nminutes: 5\ncategory: cat\n---\n\n"
                                "> [!REFLECTION]\n> Think.\n");
    const Course c = course.load();
    const IdAliases aliases = id_aliases(c);
    CHECK_FALSE(aliases.pages.count("hw-new"));
    CHECK_FALSE(aliases.pages.count("mod-a"));  // claimed twice: whose work it is cannot be known
    CHECK(aliases.pages.at("hw-1") == "hw-new");
    std::string art;
    Profile p = work_under("mod-a", &art);
    apply_id_aliases(p, c);
    CHECK(p.work(kCourse).reflection("mod-a"));  // stays where it was, shown as "No longer in the course"
}

TEST_CASE("check reports an alias that collides with a live id or with another page's alias") {
    RenamedCourse course;
    course.dir.write("ch/b.md", "---\nid: mod-b\naliases:\n  - hw-new\n  - mod-a\n  - mod-b\n  - bad id\ntitle: B\n"
                                "minutes: 5\ncategory: cat\n---\n\n> [!REFLECTION]\n> Think.\n");
    course.dir.write("artifacts/other.md", "---\nid: other\naliases: [plan-new, plan-old]\ntitle: Other\n"
                                           "fields:\n  - id: notes\n    kind: text\n---\n");
    const Course c = course.load();
    std::vector<std::string> errors;
    for (const Diagnostic& d : c.diagnostics)
        if (d.severity == Severity::Error) errors.push_back(format_diagnostic(d));
    auto reported = [&](const std::string& start, const std::string& words) {
        for (const std::string& e : errors)
            if (e.rfind(start, 0) == 0 && e.find(words) != std::string::npos) return true;
        return false;
    };
    CHECK(reported("ch/b.md:4: error: alias 'hw-new' is the id of ch/hw.md:", "an alias must be an id no page has"));
    CHECK(reported("ch/b.md:5: error: alias 'mod-a' is also an alias of 'mod-a-new' (ch/a.md:3)", "only one page"));
    CHECK(reported("ch/b.md:6: error: alias 'mod-b' is this page's own id", ""));
    CHECK(reported("ch/b.md:7: error: alias 'bad id' may only hold", ""));
    CHECK(reported("artifacts/other.md:3: error: alias 'plan-new' is the id of the artifact kind declared by "
                   "artifacts/plan.md:2",
                   ""));
    // Declarations are read in file-name order: the second file to claim an alias is the one reported.
    CHECK(reported("artifacts/plan.md:3: error: alias 'plan-old' is also an alias of artifact kind 'other' "
                   "(artifacts/other.md:3)",
                   ""));
    CHECK(errors.size() == 6);
    // The pages themselves still load: a bad alias breaks nothing the learner reads.
    REQUIRE(c.find_item("mod-b"));
    CHECK_FALSE(c.find_item("mod-b")->broken());
    CHECK(c.find_artifact_kind("other"));
}

TEST_CASE("a module that still names an artifact kind by its old id is told the new one") {
    RenamedCourse course;
    course.dir.write("ch/b.md", "---\nid: mod-b\ntitle: B\nminutes: 5\ncategory: cat\nartifacts: [plan-old]\n---\n\n"
                                "> [!REFLECTION]\n> Think.\n");
    const Course c = course.load();
    bool told = false;
    for (const Diagnostic& d : c.diagnostics)
        told |= format_diagnostic(d) == "ch/b.md:6: error: artifact kind 'plan-old' was renamed: its id is now 'plan-new'";
    CHECK(told);
}

TEST_CASE("aliases are part of the front matter: no unknown-key warning, and a lone id is a list error") {
    RenamedCourse course;
    const Course c = course.load();
    for (const Diagnostic& d : c.diagnostics) CHECK_MESSAGE(d.message.find("aliases") == std::string::npos, format_diagnostic(d));
    course.dir.write("ch/hw.md", "---\nid: hw-new\naliases: hw-1\ntitle: Homework, Renamed\n---\nDo it.\n");
    const Course bad = course.load();
    bool listed = false;
    for (const Diagnostic& d : bad.diagnostics) listed |= d.file == "ch/hw.md" && d.message.find("'aliases' must be a list") != std::string::npos;
    CHECK(listed);
}

TEST_CASE("work renamed by alias survives export and import, and an old export is migrated when the course loads") {
    RenamedCourse course;
    const Course c = course.load();
    test::TempDir dir;
    std::string art;
    const Profile old = work_under("mod-a", &art);
    {
        ProfileStore store(dir / "a", "learner");
        Profile ignored;
        store.open(&ignored);
        store.save(old);
        REQUIRE(store.flush());
    }
    // An export made before the course was updated...
    std::ostringstream exported, err, out;
    REQUIRE(run_export((dir / "a").string(), "learner", exported, err) == 0);
    test::spit(dir / "export.json", exported.str());
    // ...imported on another machine, then opened with the updated course.
    REQUIRE_MESSAGE(run_import((dir / "export.json").string(), (dir / "b").string(), "learner", out, err) == 0, err.str());
    Profile imported;
    std::string error;
    REQUIRE(load_profile_file(dir / "b/profiles/learner.json", &imported, &error));
    CHECK(imported.work(kCourse).reflection("mod-a"));  // as it was exported
    CHECK(apply_id_aliases(imported, c));
    CHECK(imported.work(kCourse).reflection("mod-a-new")->text == "What I wrote under the old id.");
    // And a migrated profile exports and imports with the new ids and its course key.
    Profile again;
    REQUIRE(parse_profile(serialize_profile(imported), &again).ok);
    CHECK(serialize_profile(again) == serialize_profile(imported));
    CHECK(again.work(kCourse).is_done("mod-a-new"));
    CHECK(again.artifact(art)->kind == "plan-new");
}

TEST_CASE("profiles before schema 4 belong to the shipped course, whose id the migration names") {
    const Course shipped = load_course(GROUNDWORK_SHIPPED_CONTENT);
    CHECK(shipped.id == kShippedCourseId);
}

TEST_CASE("a course without id: is keyed by its title's slug, and a lone chapter folder by its name") {
    test::TempCourse course;  // course.md without id:, title "Test Course"
    CHECK(load_course(course.path()).id == "test-course");
    CHECK(load_course(course.root() / "ch").id == "ch");
    CHECK_FALSE(load_course(course.root() / "no-such-folder").id.empty());
}

TEST_CASE("--module with an old id is accepted and opens the renamed page") {
    RenamedCourse course;
    const Course c = course.load();
    CHECK(current_page_id(c, "mod-a") == "mod-a-new");
    CHECK(current_page_id(c, "ch-old") == "ch-new");
    CHECK(current_page_id(c, "mod-b") == "mod-b");
    CHECK(current_page_id(c, "nothing") == "nothing");
}

TEST_CASE("a reflection that merely occurs inside the other is kept when two ids merge; an identical one is not doubled") {
    RenamedCourse course("[old-1]");
    const Course c = course.load();
    REQUIRE(count_errors(c.diagnostics) == 0);
    {
        Profile p;
        CourseWork& w = p.work_in(kCourse);
        w.edit_reflection("old-1", "First name", 1000).text = "Yes";
        w.edit_reflection("mod-a-new", "Module A", 2000).text = "Yesterday I called Dana.";
        CHECK(apply_id_aliases(p, c));
        const Reflection* r = p.work(kCourse).reflection("mod-a-new");
        REQUIRE(r);
        CHECK(r->text.rfind("Yesterday I called Dana.", 0) == 0);
        CHECK(r->text.find("Also written under") != std::string::npos);  // "Yes" is the learner's too
    }
    {
        Profile p;
        CourseWork& w = p.work_in(kCourse);
        w.edit_reflection("old-1", "First name", 1000).text = "Same words.\n";
        w.edit_reflection("mod-a-new", "Module A", 2000).text = "Same words.";
        CHECK(apply_id_aliases(p, c));
        CHECK(p.work(kCourse).reflection("mod-a-new")->text == "Same words.");
    }
}

TEST_CASE("the Library's progress of a course that is not open counts work under its old ids") {
    RenamedCourse course;
    const Course c = course.load();
    std::string art;
    const Profile p = work_under("mod-a", &art);  // done under the old id, never opened since the rename
    CHECK(whole_course_progress(p, c).modules_done == 1);
    CHECK(p.work(kCourse).is_done("mod-a"));  // and the profile itself is left as it is
}
