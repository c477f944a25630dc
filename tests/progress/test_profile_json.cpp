#include <doctest/doctest.h>

#include "progress/profile_json.h"
#include "progress/profile_migration.h"
#include "progress/profile_serializer.h"
#include "temp_dir.h"

using namespace gw;

TEST_CASE("a profile survives a round trip through its JSON form") {
    Profile p;
    p.work_in("").set_done("qbr", true, 1234);
    Reflection& r = p.work_in("").edit_reflection("qbr", "The QBR", 1000);
    r.text = "Line one\nline two with “quotes” and ünïcode";
    r.cursor = 5;
    p.work_in("").resume = {"qbr", 312.5f, true};
    Account& northwind = p.add_account("Northwind", 900);
    northwind.current_value = 120000;
    northwind.potential_value = 300000;
    northwind.tier = 1;
    Artifact& qbr = p.add_artifact("qbr-design", "QBR design", northwind.id, 950);
    qbr.values = {{"phases", {{{"name", "Results"}, {"minutes", 10}}}}};
    p.work_in("").link(qbr.id, "qbr");
    p.work_in("").link(qbr.id, "hw-qbr-design");

    Profile back;
    ProfileParse parse = parse_profile(serialize_profile(p), &back);
    REQUIRE(parse.ok);
    CHECK(parse.schema == kProfileSchema);
    CHECK_FALSE(parse.migrated);
    CHECK(back.work_in("").is_done("qbr"));
    CHECK(back.work_in("").progress["qbr"].done_at == 1234);
    CHECK(back.work_in("").reflections["qbr"].text == r.text);
    CHECK(back.work_in("").reflections["qbr"].cursor == 5);
    CHECK(back.work_in("").reflections["qbr"].title == "The QBR");
    CHECK(back.work_in("").resume.page_id == "qbr");
    CHECK(back.work_in("").resume.scroll == doctest::Approx(312.5));
    CHECK(back.work_in("").resume.editing);
    REQUIRE(back.accounts.size() == 1);
    CHECK(back.accounts[0].name == "Northwind");
    CHECK(back.accounts[0].potential_value == 300000);
    CHECK(back.accounts[0].tier == 1);
    REQUIRE(back.artifacts.size() == 1);
    CHECK(back.artifacts[0].account == back.accounts[0].id);
    CHECK(back.artifacts[0].values == qbr.values);
    CHECK(back.work_in("").links_to(back.artifacts[0].id) == std::vector<std::string>{"qbr", "hw-qbr-design"});
    CHECK(back.linked_from("", "qbr").size() == 1);
}

TEST_CASE("every earlier schema version loads and migrates forward") {
    SUBCASE("schema 1: done list, bare reflection texts, last page") {
        Profile p;
        ProfileParse parse = parse_profile(test::fixture("v1.json"), &p);
        REQUIRE_MESSAGE(parse.ok, parse.error);
        CHECK(parse.schema == 1);
        CHECK(parse.migrated);
        CHECK(p.work(kShippedCourseId).is_done("growth-mindset"));
        CHECK(p.work(kShippedCourseId).is_done("account-mapping"));
        CHECK_FALSE(p.work(kShippedCourseId).is_done("qbr"));
        REQUIRE(p.work(kShippedCourseId).reflection("account-mapping"));
        CHECK(p.work(kShippedCourseId).reflection("account-mapping")->text == "Only one strong contact at Contoso: single-threaded.");
        CHECK(p.work(kShippedCourseId).reflection("account-mapping")->cursor == p.work(kShippedCourseId).reflection("account-mapping")->text.size());
        CHECK(p.work(kShippedCourseId).resume.page_id == "account-mapping");
    }
    SUBCASE("schema 2: progress, reflections, resume point, accounts; no currency yet") {
        Profile p;
        ProfileParse parse = parse_profile(test::fixture("v2.json"), &p);
        REQUIRE_MESSAGE(parse.ok, parse.error);
        CHECK(parse.schema == 2);
        CHECK(parse.migrated);
        CHECK(p.currency == "USD");  // what version 2 showed every amount in
        CHECK(p.work(kShippedCourseId).reflection("growth-mindset")->cursor == 9);
        CHECK(p.work(kShippedCourseId).reflection("old-module")->title == "A Module That Was Removed");
        CHECK(p.work(kShippedCourseId).resume.editing);
    }
    SUBCASE("schema 3: the work of one course, not yet keyed by course") {
        Profile p;
        ProfileParse parse = parse_profile(test::fixture("v3.json"), &p);
        REQUIRE_MESSAGE(parse.ok, parse.error);
        CHECK(parse.schema == 3);
        CHECK(parse.migrated);
        // Everything that was done, written, linked and resumed is the shipped course's, and only that course has
        // work: nothing lost, nothing shared.
        REQUIRE(p.courses.size() == 1);
        const CourseWork& w = p.work(kShippedCourseId);
        CHECK(w.progress.size() == 3);
        CHECK(w.is_done("growth-mindset"));
        CHECK(w.progress.at("growth-mindset").done_at == 1790000000000);
        CHECK(w.is_done("hw-qbr-design"));
        CHECK_FALSE(w.is_done("account-mapping"));
        REQUIRE(w.reflections.size() == 3);
        CHECK(w.reflection("growth-mindset")->text == "Northwind could take the analytics add-on.\nAsk in the QBR.");
        CHECK(w.reflection("growth-mindset")->cursor == 9);
        CHECK(w.reflection("account-mapping")->created == 1790000100000);
        CHECK(w.reflection("account-mapping")->edited == 1790000200000);
        CHECK(w.reflection("old-module")->title == "A Module That Was Removed");
        CHECK(w.resume.page_id == "account-mapping");
        CHECK(w.resume.scroll == doctest::Approx(420.5));
        CHECK(w.resume.editing);
        CHECK(w.links_to("art-3") == std::vector<std::string>{"qbr", "hw-qbr-design"});
        CHECK(w.links_to("art-1") == std::vector<std::string>{"account-mapping"});
        // The learner's own accounts and artifacts stay shared, as they were.
        CHECK(p.currency == "EUR");
        REQUIRE(p.accounts.size() == 2);
        CHECK(p.accounts[0].notes == "renewal in March");
        CHECK_FALSE(p.accounts[0].potential().has_value());
        CHECK(p.accounts[1].gap() == doctest::Approx(50000));
        REQUIRE(p.artifacts.size() == 2);
        CHECK(p.artifacts[0].values["stakeholders"][0]["role"] == "CFO");
        CHECK(p.last_artifact_number == 3);
        CHECK(p.linked_from(kShippedCourseId, "qbr").size() == 1);
        // Another course sees none of it.
        CHECK(p.work("someone-elses-course").empty());
        // And the migrated profile saves and reads back unchanged.
        Profile back;
        REQUIRE(parse_profile(serialize_profile(p), &back).ok);
        CHECK(serialize_profile(back) == serialize_profile(p));
    }
    SUBCASE("the current schema is read as it is") {
        Profile p;
        ProfileParse parse = parse_profile(
            R"({"schema": )" + std::to_string(kProfileSchema) + R"(, "currency": "EUR"})", &p);
        REQUIRE_MESSAGE(parse.ok, parse.error);
        CHECK_FALSE(parse.migrated);
        CHECK(p.currency == "EUR");
    }
}

TEST_CASE("a newer schema is read as far as this version understands it") {
    Profile p;
    ProfileParse parse = parse_profile(test::fixture("newer.json"), &p);
    REQUIRE(parse.ok);
    CHECK(parse.schema == 99);
    CHECK(p.work(kShippedCourseId).is_done("growth-mindset"));
    CHECK(p.work(kShippedCourseId).reflection("growth-mindset")->text == "From the future.");
}

TEST_CASE("bad documents are rejected with a message that names the problem") {
    Profile p;
    p.work_in("").set_done("kept", true, 1);
    struct Case {
        const char* text;
        const char* message;
    } cases[] = {
        {"", "the file is empty"},
        {"   \n", "the file is empty"},
        {"{\"schema\": 2, \"progress\": {", "ends too early, as if cut short after 27 bytes"},
        {"{\"schema\": 2,, \"progress\": {}}", "not valid JSON at byte 14 of"},
        {"[1, 2]", "not a JSON object"},
        {"{\"progress\": {}}", "no schema version"},
        {"{\"schema\": \"two\"}", "no schema version"},
        {"{\"schema\": 2, \"progress\": []}", "progress: expected an object"},
        {"{\"schema\": 2, \"progress\": {\"a\": {\"done\": \"yes\"}}}", "progress.a.done: expected true or false"},
        {"{\"schema\": 2, \"reflections\": {\"qbr\": {\"text\": 5}}}", "reflections.qbr.text: expected a string"},
        {"{\"schema\": 2, \"reflections\": {\"qbr\": {\"cursor\": -3}}}", "reflections.qbr.cursor: expected a whole"},
        {"{\"schema\": 2, \"resume\": {\"scroll\": \"top\"}}", "resume.scroll: expected a number"},
        {"{\"schema\": 2, \"artifacts\": {}}", "artifacts: expected a list"},
        {"{\"schema\": 2, \"artifacts\": [{\"id\": \"a\", \"values\": []}]}", "artifacts[0].values: expected an object"},
        {"{\"schema\": 2, \"accounts\": [{\"name\": \"N\", \"tier\": \"one\"}]}", "accounts[0].tier: expected a whole"},
        {"{\"schema\": 1, \"done\": \"qbr\"}", "while upgrading from schema 1: done: expected a list of ids"},
    };
    for (const Case& c : cases) {
        INFO("document: " << c.text);
        ProfileParse parse = parse_profile(c.text, &p);
        CHECK_FALSE(parse.ok);
        CHECK_MESSAGE(parse.error.find(c.message) != std::string::npos, parse.error);
        CHECK(p.work_in("").is_done("kept"));  // a failed parse leaves the target untouched
    }
}

TEST_CASE("a cursor past the end of its text is pulled back rather than trusted") {
    Profile p;
    REQUIRE(parse_profile(R"({"schema":2,"reflections":{"m":{"text":"abc","cursor":99}}})", &p).ok);
    CHECK(p.work(kShippedCourseId).reflection("m")->cursor == 3);
}

TEST_CASE("the store's incremental serializer writes exactly what a fresh one writes, after any change") {
    Profile p;
    for (int i = 0; i < 20; ++i) p.work_in("").edit_reflection("m" + std::to_string(i), "T", i).text = "text " + std::to_string(i);
    p.add_artifact("account-map", "Account map", "", 5);
    ProfileSerializer incremental;
    CHECK(incremental.serialize(p) == serialize_profile(p));

    p.work_in("").reflections["m3"].text += " more";                      // an edit
    CHECK(incremental.serialize(p) == serialize_profile(p));
    p.work_in("").reflections["m4"].cursor = 2;                           // a cursor move only
    CHECK(incremental.serialize(p) == serialize_profile(p));
    p.work_in("").reflections.erase("m5");                                // a deletion
    p.work_in("").edit_reflection("new", "N", 99).text = "\"quoted\"\n";  // an addition with characters to escape
    CHECK(incremental.serialize(p) == serialize_profile(p));
    p.work_in("other-course").edit_reflection("m3", "T", 9).text = "same id, another course";  // a second course
    CHECK(incremental.serialize(p) == serialize_profile(p));
    p.work_in("other-course").reflections["m-renamed"] = p.work_in("").reflections["m6"];  // moved by an alias
    p.work_in("").reflections.erase("m6");
    CHECK(incremental.serialize(p) == serialize_profile(p));
    p.artifacts[0].values["x"] = 1;                           // artifacts change
    p.artifacts[0].edited = 6;
    p.add_account("Northwind", 7);
    std::string text = incremental.serialize(p);
    CHECK(text == serialize_profile(p));
    Profile back;
    REQUIRE(parse_profile(text, &back).ok);
    CHECK(back.work_in("").reflections.size() == 19);
    CHECK(back.work("other-course").reflection("m3")->text == "same id, another course");
    CHECK(back.work("").reflection("m3")->text == "text 3 more");
    CHECK(back.work_in("").reflections["new"].text == "\"quoted\"\n");
    CHECK(back.accounts[0].name == "Northwind");
    CHECK(back.artifacts[0].values["x"] == 1);
}
