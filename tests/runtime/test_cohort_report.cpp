// The trainer's cohort report (issue 12): three learners through a real (test) LRS and the same three from export
// files give the same report, in csv, md and json; a bad file or an LRS that refuses the key is said plainly.
#include <doctest/doctest.h>

#include <cstdlib>
#include <sstream>

#include "../progress/temp_dir.h"
#include "progress/profile_json.h"
#include "runtime/artifacts/export_escaping.h"
#include "runtime/cli/cohort_command.h"
#include "runtime/xapi/cohort_report.h"
#include "runtime/xapi/cohort_report_files.h"
#include "runtime/xapi/cohort_report_format.h"
#include "runtime/xapi/lrs_client.h"
#include "runtime/xapi/statement.h"
#include "test_lrs_process.h"

using namespace gw;
using namespace gw::xapi;
using nlohmann::json;

namespace {

const std::string kCourse = "sales-success-excellence";  // the shipped course's id (content/course.md)
const std::string kChapter = "ch19-account-growth";
constexpr Millis kT0 = 1796083200000;  // 2026-12-01T00:00:00Z

StatementContext learner(const std::string& account, const std::string& display, const std::string& course = kCourse) {
    StatementContext ctx;
    ctx.actor.home_page = "https://lrs.example.com";
    ctx.actor.account_name = account;
    ctx.actor.display_name = display;
    ctx.course.id = course;
    ctx.course.title = "Sales Success Excellence";
    ctx.platform = "Groundwork test";
    return ctx;
}

const Activity kChapterActivity{ActivityType::Chapter, kChapter, "Account growth"};
Activity module(const std::string& id) { return {ActivityType::Module, id, id}; }
Activity homework(const std::string& id) { return {ActivityType::Homework, id, id}; }

json audit(const StatementContext& ctx, const std::string& artifact, const std::string& account,
           const std::string& colour, Millis when) {
    return artifact_saved(ctx, Activity{ActivityType::Artifact, artifact, account + " health audit"}, false,
                          json{{"kind", "health-audit"}, {"account", account}, {"colour", colour}, {"label", "x"}},
                          nullptr, when);
}

// Anna: two modules and a homework done, progress 20 then 30, Acme red then green, Globex yellow.
// Ben: growth-mindset done then undone (voided), qbr done; a statement in another course.
// Chloe (an mbox, no display name): only opened a page.
std::vector<json> cohort_statements() {
    const StatementContext anna = learner("uuid-anna", "Anna Berg"), ben = learner("uuid-ben", "Ben Okafor");
    StatementContext chloe = learner("", "");
    chloe.actor.mbox = "mailto:chloe@example.com";
    std::vector<json> s;
    s.push_back(completed(anna, module("growth-mindset"), &kChapterActivity, kT0 + 1000, 60000));
    s.push_back(completed(anna, module("account-mapping"), &kChapterActivity, kT0 + 2000, 60000));
    s.push_back(completed(anna, homework("hw-account-plan-sprint"), &kChapterActivity, kT0 + 3000, 60000));
    s.push_back(progressed(anna, kChapterActivity, 20, kT0 + 2000));
    s.push_back(progressed(anna, kChapterActivity, 30, kT0 + 3000));
    s.push_back(audit(anna, "art-1", "Acme", "red", kT0 + 4000));
    s.push_back(audit(anna, "art-2", "Acme", "green", kT0 + 5000));
    s.push_back(audit(anna, "art-3", "Globex", "yellow", kT0 + 4500));
    s.push_back(completed(ben, module("growth-mindset"), &kChapterActivity, kT0 + 1000, 1000));
    s.push_back(uncompleted(ben, module("growth-mindset"), kT0 + 1000, kT0 + 8000));
    s.push_back(completed(ben, module("qbr"), &kChapterActivity, kT0 + 7000, 1000));
    s.push_back(completed(learner("uuid-ben", "Ben Okafor", "another-course"), module("x"), nullptr, kT0 + 9000, 0));
    s.push_back(experienced(chloe, module("growth-mindset"), &kChapterActivity, kT0 + 6000));
    return s;
}

const LearnerReport* find(const CohortReport& r, const std::string& name) {
    for (const LearnerReport& l : r.learners)
        if (l.name == name) return &l;
    return nullptr;
}

// The three learners of cohort_statements as export files, with what each did on the same days.
void write_exports(const std::filesystem::path& dir) {
    Profile anna;
    anna.work_in(kCourse).set_done("growth-mindset", true, kT0 + 1000);
    anna.work_in(kCourse).set_done("account-mapping", true, kT0 + 2000);
    anna.work_in(kCourse).set_done("hw-account-plan-sprint", true, kT0 + 3000);
    const std::string acme = anna.add_account("Acme", kT0).id, globex = anna.add_account("Globex", kT0).id;
    auto add_audit = [&](const std::string& account, const std::string& date, int at_risk) {
        Artifact& a = anna.add_artifact("health-audit", "Health audit", account, kT0 + 4000);
        a.values = json{{"audit_date", date}};
        const char* signals[] = {"response_time", "engagement", "referrals", "tone"};
        for (int i = 0; i < 4; ++i) a.values[signals[i]] = i < at_risk ? "at_risk" : "healthy";
    };
    add_audit(acme, "2026-11-02", 3);
    add_audit(acme, "2026-12-01", 0);  // the latest: green
    add_audit(globex, "2026-12-01", 1);
    Profile ben;
    ben.work_in(kCourse).set_done("growth-mindset", true, kT0 + 1000);
    ben.work_in(kCourse).set_done("growth-mindset", false, kT0 + 8000);
    ben.work_in(kCourse).set_done("qbr", true, kT0 + 7000);
    Profile chloe;
    chloe.work_in(kCourse).edit_reflection("growth-mindset", "Growth mindset", kT0 + 6000).text = "A start.";
    test::spit(dir / "Anna Berg.json", serialize_profile(anna));
    test::spit(dir / "Ben Okafor.json", serialize_profile(ben));
    test::spit(dir / "chloe@example.com.json", serialize_profile(chloe));
}

struct Ran {
    int code;
    std::string out, err;
};
Ran cohort(CohortOptions o, const std::string& input = "") {
    if (o.content_dir.empty()) o.content_dir = GROUNDWORK_SHIPPED_CONTENT;
    std::istringstream in(input);
    std::ostringstream out, err;
    const int code = run_cohort(o, in, out, err);
    return {code, out.str(), err.str()};
}

void check_three_learners(const json& report) {
    REQUIRE(report["learners"].size() == 3);
    const json& anna = report["learners"][0];
    CHECK(anna["learner"] == "Anna Berg");
    CHECK(anna["modules_done"] == json({"account-mapping", "growth-mindset"}));
    CHECK(anna["homework_done"] == json({"hw-account-plan-sprint"}));
    CHECK(anna["chapter_progress"][kChapter] == 23);  // 3 of 13 as the course page counts it; the LRS says 30
    CHECK(anna["health_audits"].size() == 2);
    CHECK(anna["health_audits"][0]["account"] == "Acme");
    CHECK(anna["health_audits"][0]["colour"] == "green");
    CHECK(anna["health_audits"][1]["account"] == "Globex");
    CHECK(anna["health_audits"][1]["colour"] == "yellow");
    const json& ben = report["learners"][1];
    CHECK(ben["learner"] == "Ben Okafor");
    CHECK(ben["modules_done"] == json({"qbr"}));  // growth-mindset's completion was voided
    CHECK(ben["homework_done"].empty());
    const json& chloe = report["learners"][2];
    CHECK(chloe["learner"] == "chloe@example.com");
    CHECK(chloe["modules_done"].empty());
    CHECK(chloe["last_activity"] == "2026-12-01T00:00:06.000Z");
}

}  // namespace

TEST_CASE("ISO 8601 timestamps as LRSs write them, and plain dates, in milliseconds; anything else is refused") {
    CHECK(parse_timestamp("2026-12-01") == kT0);
    CHECK(parse_timestamp("2026-12-01T00:00:01.5Z") == kT0 + 1500);
    CHECK(parse_timestamp("2026-12-01T00:00:01.123456Z") == kT0 + 1123);
    CHECK(parse_timestamp("2026-12-01T02:00:00+02:00") == kT0);
    CHECK(parse_timestamp("2026-11-30T19:00:00-0500") == kT0);
    CHECK(parse_timestamp("2026-12-01 00:00") == kT0);
    CHECK(parse_timestamp(iso8601_utc(kT0 + 4321)) == kT0 + 4321);
    for (const char* bad : {"", "2026-02-30", "2026-12-01T25:00:00Z", "2026-12-01T00:00:00Q", "yesterday",
                            "2026-12-01T00:00:00+02:", "2026-12-01T00:00:00.Z", "2026-12-01X"})
        CHECK_MESSAGE(!parse_timestamp(bad), bad);
}

TEST_CASE("activity IRIs are taken apart into base, course, kind and id, percent-decoded") {
    const CourseInfo course{"https://t.example/xapi/", "sales course", "", "", "en"};
    const auto p = parse_activity_iri(activity_iri(course, ActivityType::Homework, "hw/1 ?#"));
    REQUIRE(p);
    CHECK(p->base == "https://t.example/xapi/");
    CHECK(p->course == "sales course");
    CHECK(p->kind == "homework");
    CHECK(p->id == "hw/1 ?#");
    const auto c = parse_activity_iri(activity_iri(course, ActivityType::Course, ""));
    REQUIRE(c);
    CHECK(c->course == "sales course");
    CHECK(c->kind.empty());
    CHECK(!parse_activity_iri("not an iri"));
    CHECK(!parse_activity_iri("https://t.example/xapi/"));
}

TEST_CASE("statements from a file: voided completions, duplicates, other courses and since are left out") {
    std::vector<json> s = cohort_statements();
    s.push_back(s[0]);  // a page repeated
    CohortFilter filter;
    filter.course_id = kCourse;
    CohortReport r = cohort_from_statements(s, filter);
    REQUIRE(r.learners.size() == 3);
    const LearnerReport* anna = find(r, "Anna Berg");
    REQUIRE(anna);
    CHECK(anna->key == "account:https://lrs.example.com|uuid-anna");
    CHECK(anna->modules_done == std::vector<std::string>{"account-mapping", "growth-mindset"});
    CHECK(anna->homework_done == std::vector<std::string>{"hw-account-plan-sprint"});
    CHECK(anna->chapter_progress.at(kChapter) == 30);
    REQUIRE(anna->health_audits.size() == 2);
    CHECK(anna->health_audits[0].colour == "green");  // Acme's latest
    CHECK(anna->last_activity == kT0 + 5000);
    const LearnerReport* ben = find(r, "Ben Okafor");
    REQUIRE(ben);
    CHECK(ben->modules_done == std::vector<std::string>{"qbr"});
    CHECK(ben->last_activity == kT0 + 7000);  // the other course's statement at +9000 is not this course's

    filter.since = kT0 + 4500;
    r = cohort_from_statements(s, filter);
    anna = find(r, "Anna Berg");
    REQUIRE(anna);
    CHECK(anna->modules_done.empty());
    CHECK(anna->health_audits.size() == 2);  // Acme green at +5000, Globex yellow at +4500
    CHECK(find(r, "Ben Okafor")->modules_done == std::vector<std::string>{"qbr"});

    // A health-audit statement of a kind that is not a dashboard kind is not a health audit.
    filter = CohortFilter{};
    filter.health_kinds = {"some-other-audit"};
    CHECK(find(cohort_from_statements(s, filter), "Anna Berg")->health_audits.empty());

    // No learner named: left out, and said.
    json anonymous = s[0];
    anonymous["id"] = "00000000-0000-4000-8000-00000000000a";
    anonymous["actor"] = json{{"objectType", "Agent"}, {"name", "Nobody"}};
    r = cohort_from_statements({anonymous}, CohortFilter{});
    CHECK(r.learners.empty());
    REQUIRE(r.notes.size() == 1);
    CHECK(r.notes[0].find("name no learner") != std::string::npos);
}

TEST_CASE("three learners through the LRS, read page by page, give the report") {
    test::TestLrs lrs;
    REQUIRE_MESSAGE(!lrs.url().empty(), "python3 tests/lrs/test_lrs.py did not start");
    const LrsEndpoint endpoint{lrs.url(), "", "", 5000};
    std::vector<std::string> texts;
    for (const json& s : cohort_statements()) texts.push_back(s.dump());
    REQUIRE(post_statements(endpoint, texts).ok());

    const StatementFetch fetch = fetch_all_statements(endpoint, "limit=2", 100);
    CHECK(fetch.error.empty());
    CHECK(fetch.pages == 6);              // 12 listed (the voided completion is left out by the LRS), 2 a page
    CHECK(fetch.statements.size() == 12);

    CohortOptions o;
    o.lrs_url = lrs.url();
    o.format = "json";
    o.page_size = 2;
    const Ran ran = cohort(o);
    CHECK(ran.code == 0);
    CHECK(ran.err.empty());
    const json report = json::parse(ran.out);
    REQUIRE(report["learners"].size() == 3);
    CHECK(report["learners"][0]["chapter_progress"][kChapter] == 30);
    json same = report;
    same["learners"][0]["chapter_progress"][kChapter] = 23;  // the one thing an LRS and an export count apart
    check_three_learners(same);

    SUBCASE("a page cap shorter than the chain stops with a message, exit 1") {
        o.max_pages = 2;
        const Ran capped = cohort(o);
        CHECK(capped.code == 1);
        CHECK(capped.err.find("stopped after 2 pages") != std::string::npos);
    }
    SUBCASE("--course chooses another course; --since leaves earlier statements out") {
        o.course_id = "another-course";
        json other = json::parse(cohort(o).out);
        REQUIRE(other["learners"].size() == 1);
        CHECK(other["learners"][0]["modules_done"] == json({"x"}));
        o.course_id.clear();
        o.since = "2026-12-02";
        other = json::parse(cohort(o).out);
        CHECK(other["learners"].empty());
    }
}

TEST_CASE("the same three learners from their export files give the same report") {
    test::TempDir dir;
    write_exports(dir.path());
    CohortOptions o;
    o.folder = dir.path().string();
    o.format = "json";
    const Ran ran = cohort(o);
    CHECK(ran.code == 0);
    CHECK(ran.err.empty());
    check_three_learners(json::parse(ran.out));
}

TEST_CASE("a bad export file is named with its reason, and the other learners are still reported") {
    test::TempDir dir;
    write_exports(dir.path());
    test::spit(dir / "Dana.json", "{\"schema\": 3, \"progress\": ");
    test::spit(dir / "notes.txt", "who is who");
    CohortOptions o;
    o.folder = dir.path().string();
    o.format = "md";
    const Ran ran = cohort(o);
    CHECK(ran.code == 1);
    CHECK(ran.err.find((dir / "Dana.json").string() + ": not a groundwork export file (") != std::string::npos);
    CHECK(ran.err.find("notes.txt: skipped (not a .json export file)") != std::string::npos);
    CHECK(ran.out.find("| Anna Berg | 2 | 1 | 23% |") != std::string::npos);
    CHECK(ran.out.find("Ben Okafor") != std::string::npos);
    CHECK(ran.out.find("Dana") == std::string::npos);

    o.folder = (dir / "missing").string();
    const Ran missing = cohort(o);
    CHECK(missing.code == 1);
    CHECK(missing.err.find("missing: no such folder") != std::string::npos);
}

TEST_CASE("csv escapes formulas and separators, md escapes table syntax, json keeps the ids") {
    CohortReport r;
    LearnerReport l;
    l.key = "file:=HYPERLINK(1)";
    l.name = "=HYPERLINK(\"http://x\")";
    l.modules_done = {"a", "b"};
    l.homework_done = {"h"};
    l.chapter_progress = {{"ch-a", 40}, {"ch-b", 10}};
    l.last_activity = kT0;
    l.health_audits = {{"Acme | Co", "red", kT0}, {"Globex, Inc", "green", kT0}};
    r.learners.push_back(l);

    const std::string csv = format_cohort_report(r, CohortFormat::Csv);
    CHECK(csv.rfind(kUtf8Bom, 0) == 0);
    CHECK(csv.find("Learner,Modules done,Homework done,Chapter progress,Last activity,Health audits\r\n") ==
          std::string(kUtf8Bom).size());
    CHECK(csv.find("\"'=HYPERLINK(\"\"http://x\"\")\",2,1,\"ch-a 40%; ch-b 10%\",2026-12-01T00:00:00.000Z,"
                   "\"Acme | Co: red; Globex, Inc: green\"\r\n") != std::string::npos);

    const std::string md = format_cohort_report(r, CohortFormat::Markdown);
    CHECK(md.find("| Learner | Modules done |") == 0);
    CHECK(md.find("Acme \\| Co: red") != std::string::npos);
    CHECK(md.find("| ch-a 40%; ch-b 10% |") != std::string::npos);

    const json j = json::parse(format_cohort_report(r, CohortFormat::Json));
    CHECK(j["learners"][0]["modules_done"] == json({"a", "b"}));
    CHECK(j["learners"][0]["health_audits"][0] == json({{"account", "Acme | Co"}, {"colour", "red"},
                                                        {"at", "2026-12-01T00:00:00.000Z"}}));
    CHECK(format_cohort_report(CohortReport{}, CohortFormat::Markdown).find("No learner") != std::string::npos);
}

TEST_CASE("an LRS that refuses the key: exit 1 naming the LRS and its 401; the right secret from the environment") {
    test::TestLrs lrs("trainer", "s3cret");
    REQUIRE(!lrs.url().empty());
    const LrsEndpoint endpoint{lrs.url(), "trainer", "s3cret", 5000};
    std::vector<std::string> texts;
    for (const json& s : cohort_statements()) texts.push_back(s.dump());
    REQUIRE(post_statements(endpoint, texts).ok());

    CohortOptions o;
    o.lrs_url = lrs.url();
    o.user = "trainer";
    unsetenv("GROUNDWORK_LRS_SECRET");
    const Ran refused = cohort(o, "wrong\n");
    CHECK(refused.code == 1);
    CHECK(refused.out.empty());
    CHECK(refused.err.find("the LRS at " + lrs.url() + " answered HTTP 401 (not authorised)") != std::string::npos);
    CHECK(refused.err.find("wrong") == std::string::npos);

    CHECK(cohort(o, "s3cret\n").code == 0);  // standard input
    setenv("GROUNDWORK_LRS_SECRET", "s3cret", 1);
    const Ran ok = cohort(o, "not read\n");
    unsetenv("GROUNDWORK_LRS_SECRET");
    CHECK(ok.code == 0);
    CHECK(ok.out.find("Anna Berg,2,1,30%,") != std::string::npos);  // csv by default
}

TEST_CASE("usage: neither or both sources, a --since that is no date, an unknown format; an LRS not there") {
    CohortOptions o;
    CHECK(cohort(o).code == 2);
    o.folder = "/tmp";
    o.lrs_url = "http://127.0.0.1:9/xapi/";
    CHECK(cohort(o).code == 2);
    o.folder.clear();
    o.since = "last week";
    const Ran since = cohort(o);
    CHECK(since.code == 2);
    CHECK(since.err.find("--since \"last week\" is not a date") != std::string::npos);
    o.since.clear();
    o.format = "xlsx";
    CHECK(cohort(o).code == 2);
    o.format = "csv";
    o.timeout_ms = 2000;
    const Ran down = cohort(o);
    CHECK(down.code == 1);
    CHECK(down.err.find("could not reach the LRS at http://127.0.0.1:9/xapi/") != std::string::npos);
}
