// The xAPI statements Groundwork builds: verbs, activity ids, actor, context and results as issue 12 specifies.
#include <doctest/doctest.h>

#include <set>

#include "runtime/xapi/statement.h"

using namespace gw::xapi;
using nlohmann::json;

namespace {

StatementContext context() {
    StatementContext ctx;
    ctx.actor.home_page = "https://lrs.example.com";
    ctx.actor.account_name = "0b5e2f6a-1111-4c2d-9e8f-123456789abc";
    ctx.course.iri_base = "https://training.example.com/xapi/";
    ctx.course.id = "sales-success";
    ctx.course.title = "Sales Success Excellence";
    ctx.course.content_version = "2026.11";
    ctx.platform = "Groundwork 1.0";
    return ctx;
}

const Activity kModule{ActivityType::Module, "growth-mindset", "The growth mindset"};
const Activity kChapter{ActivityType::Chapter, "19-account-growth", "Account growth"};

}  // namespace

TEST_CASE("activity ids are IRIs from the course's base and stable ids, with anything IRI-breaking escaped") {
    const StatementContext ctx = context();
    CHECK(activity_iri(ctx.course, ActivityType::Course, "") == "https://training.example.com/xapi/sales-success");
    CHECK(activity_iri(ctx.course, ActivityType::Module, "growth-mindset") ==
          "https://training.example.com/xapi/sales-success/module/growth-mindset");
    CHECK(activity_iri(ctx.course, ActivityType::Homework, "a b/c#d?") ==
          "https://training.example.com/xapi/sales-success/homework/a%20b%2Fc%23d%3F");
    CourseInfo no_base = ctx.course;
    no_base.iri_base = "";
    CHECK(activity_iri(no_base, ActivityType::Chapter, "x") == std::string(kDefaultIriBase) + "sales-success/chapter/x");
}

TEST_CASE("timestamps and durations are ISO 8601 as xAPI wants") {
    CHECK(iso8601_utc(0) == "1970-01-01T00:00:00.000Z");
    CHECK(iso8601_utc(1796023265123) == "2026-11-30T07:21:05.123Z");
    CHECK(iso8601_duration(0) == "PT0S");
    CHECK(iso8601_duration(-5) == "PT0S");
    CHECK(iso8601_duration(45000) == "PT45S");
    CHECK(iso8601_duration(3723400) == "PT1H2M3.40S");
    CHECK(iso8601_duration(60000) == "PT1M");
}

TEST_CASE("an opened module is 'experienced' by an account actor, with its chapter as parent and the course as grouping") {
    const StatementContext ctx = context();
    const json s = experienced(ctx, kModule, &kChapter, 1796023265123);
    CHECK(s["verb"]["id"] == "http://adlnet.gov/expapi/verbs/experienced");
    CHECK(s["actor"]["account"]["homePage"] == "https://lrs.example.com");
    CHECK(s["actor"]["account"]["name"] == ctx.actor.account_name);
    CHECK_FALSE(s["actor"].contains("mbox"));
    CHECK(s["object"]["id"] == "https://training.example.com/xapi/sales-success/module/growth-mindset");
    CHECK(s["object"]["definition"]["type"] == "http://adlnet.gov/expapi/activities/lesson");
    CHECK(s["object"]["definition"]["name"]["en"] == "The growth mindset");
    CHECK(s["context"]["contextActivities"]["parent"][0]["id"] ==
          "https://training.example.com/xapi/sales-success/chapter/19-account-growth");
    CHECK(s["context"]["contextActivities"]["grouping"][0]["id"] == "https://training.example.com/xapi/sales-success");
    CHECK(s["context"]["platform"] == "Groundwork 1.0");
    CHECK(s["context"]["extensions"][std::string(kExtensionBase) + "content-version"] == "2026.11");
    CHECK(s["timestamp"] == "2026-11-30T07:21:05.123Z");
    CHECK(s["id"].get<std::string>().size() == 36);
}

TEST_CASE("an organisation's mbox replaces the account") {
    StatementContext ctx = context();
    ctx.actor.mbox = "mailto:ana@example.com";
    const json s = experienced(ctx, kModule, nullptr, 0);
    CHECK(s["actor"]["mbox"] == "mailto:ana@example.com");
    CHECK_FALSE(s["actor"].contains("account"));
}

TEST_CASE("statement ids: random ones differ, a completion's id is derived so undoing it can void exactly it") {
    std::set<std::string> seen;
    for (int i = 0; i < 100; ++i) CHECK(seen.insert(random_statement_id()).second);
    const StatementContext ctx = context();
    const json done = completed(ctx, kModule, &kChapter, 1000, 754000);
    CHECK(done["verb"]["id"] == "http://adlnet.gov/expapi/verbs/completed");
    CHECK(done["result"]["completion"] == true);
    CHECK(done["result"]["duration"] == "PT12M34S");
    CHECK(done["id"] == completion_statement_id(ctx, kModule, 1000));
    CHECK(completion_statement_id(ctx, kModule, 1000) != completion_statement_id(ctx, kModule, 1001));
    const std::string id = done["id"];
    CHECK(id[14] == '5');  // a version 5 (name-based) UUID
    const json undo = uncompleted(ctx, kModule, 1000, 2000);
    CHECK(undo["verb"]["id"] == "http://adlnet.gov/expapi/verbs/voided");
    CHECK(undo["object"]["objectType"] == "StatementRef");
    CHECK(undo["object"]["id"] == id);
}

TEST_CASE("a shared reflection is 'answered' on a long-fill-in interaction, its module as parent") {
    const json s = answered(context(), kModule, &kChapter, "I will call the CFO.", 0);
    CHECK(s["verb"]["id"] == "http://adlnet.gov/expapi/verbs/answered");
    CHECK(s["object"]["definition"]["type"] == "http://adlnet.gov/expapi/activities/cmi.interaction");
    CHECK(s["object"]["definition"]["interactionType"] == "long-fill-in");
    CHECK(s["result"]["response"] == "I will call the CFO.");
    CHECK(s["context"]["contextActivities"]["parent"][0]["id"] ==
          "https://training.example.com/xapi/sales-success/module/growth-mindset");
}

TEST_CASE("chapter progress uses cmi5's progress extension (0..100), never score.scaled") {
    const json s = progressed(context(), kChapter, 140, 0);
    CHECK(s["verb"]["id"] == "http://adlnet.gov/expapi/verbs/progressed");
    CHECK(s["result"]["extensions"][kProgressExtension] == 100);
    CHECK_FALSE(s["result"].contains("score"));
    CHECK(progressed(context(), kChapter, 40, 0)["result"]["extensions"][kProgressExtension] == 40);
}

TEST_CASE("an artifact saved carries its status in result.extensions") {
    const Activity audit{ActivityType::Artifact, "health-audit-3", "Acme health audit"};
    const json s = artifact_saved(context(), audit, true, json{{"status", "Needs attention"}, {"colour", "amber"}},
                                  &kModule, 0);
    CHECK(s["verb"]["id"] == "http://activitystrea.ms/schema/1.0/create");
    CHECK(s["result"]["extensions"][std::string(kExtensionBase) + "colour"] == "amber");
    CHECK(s["object"]["definition"]["type"] == "http://id.tincanapi.com/activitytype/document");
    CHECK(artifact_saved(context(), audit, false, json::object(), nullptr, 0)["verb"]["id"] ==
          "http://activitystrea.ms/schema/1.0/update");
}
