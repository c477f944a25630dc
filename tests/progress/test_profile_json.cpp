#include <doctest/doctest.h>

#include "progress/profile_json.h"
#include "progress/profile_serializer.h"
#include "temp_dir.h"

using namespace gw;

TEST_CASE("a profile survives a round trip through its JSON form") {
    Profile p;
    p.set_done("qbr", true, 1234);
    Reflection& r = p.edit_reflection("qbr", "The QBR", 1000);
    r.text = "Line one\nline two with “quotes” and ünïcode";
    r.cursor = 5;
    p.resume = {"qbr", 312.5f, true};
    Account& northwind = p.add_account("Northwind", 900);
    northwind.current_value = 120000;
    northwind.potential_value = 300000;
    northwind.tier = 1;
    Artifact& qbr = p.add_artifact("qbr-design", "QBR design", northwind.id, 950);
    qbr.values = {{"phases", {{{"name", "Results"}, {"minutes", 10}}}}};
    p.link(qbr.id, "qbr");
    p.link(qbr.id, "hw-qbr-design");

    Profile back;
    ProfileParse parse = parse_profile(serialize_profile(p), &back);
    REQUIRE(parse.ok);
    CHECK(parse.schema == kProfileSchema);
    CHECK_FALSE(parse.migrated);
    CHECK(back.is_done("qbr"));
    CHECK(back.progress["qbr"].done_at == 1234);
    CHECK(back.reflections["qbr"].text == r.text);
    CHECK(back.reflections["qbr"].cursor == 5);
    CHECK(back.reflections["qbr"].title == "The QBR");
    CHECK(back.resume.page_id == "qbr");
    CHECK(back.resume.scroll == doctest::Approx(312.5));
    CHECK(back.resume.editing);
    REQUIRE(back.accounts.size() == 1);
    CHECK(back.accounts[0].name == "Northwind");
    CHECK(back.accounts[0].potential_value == 300000);
    CHECK(back.accounts[0].tier == 1);
    REQUIRE(back.artifacts.size() == 1);
    CHECK(back.artifacts[0].account == back.accounts[0].id);
    CHECK(back.artifacts[0].values == qbr.values);
    CHECK(back.links_to(back.artifacts[0].id) == std::vector<std::string>{"qbr", "hw-qbr-design"});
    CHECK(back.linked_from("qbr").size() == 1);
}

TEST_CASE("every earlier schema version loads and migrates forward") {
    SUBCASE("schema 1: done list, bare reflection texts, last page") {
        Profile p;
        ProfileParse parse = parse_profile(test::fixture("v1.json"), &p);
        REQUIRE_MESSAGE(parse.ok, parse.error);
        CHECK(parse.schema == 1);
        CHECK(parse.migrated);
        CHECK(p.is_done("growth-mindset"));
        CHECK(p.is_done("account-mapping"));
        CHECK_FALSE(p.is_done("qbr"));
        REQUIRE(p.reflection("account-mapping"));
        CHECK(p.reflection("account-mapping")->text == "Only one strong contact at Contoso: single-threaded.");
        CHECK(p.reflection("account-mapping")->cursor == p.reflection("account-mapping")->text.size());
        CHECK(p.resume.page_id == "account-mapping");
    }
    SUBCASE("schema 2: progress, reflections, resume point, accounts; no currency yet") {
        Profile p;
        ProfileParse parse = parse_profile(test::fixture("v2.json"), &p);
        REQUIRE_MESSAGE(parse.ok, parse.error);
        CHECK(parse.schema == 2);
        CHECK(parse.migrated);
        CHECK(p.currency == "USD");  // what version 2 showed every amount in
        CHECK(p.reflection("growth-mindset")->cursor == 9);
        CHECK(p.reflection("old-module")->title == "A Module That Was Removed");
        CHECK(p.resume.editing);
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
    CHECK(p.is_done("growth-mindset"));
    CHECK(p.reflection("growth-mindset")->text == "From the future.");
}

TEST_CASE("bad documents are rejected with a message that names the problem") {
    Profile p;
    p.set_done("kept", true, 1);
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
        CHECK(p.is_done("kept"));  // a failed parse leaves the target untouched
    }
}

TEST_CASE("a cursor past the end of its text is pulled back rather than trusted") {
    Profile p;
    REQUIRE(parse_profile(R"({"schema":2,"reflections":{"m":{"text":"abc","cursor":99}}})", &p).ok);
    CHECK(p.reflection("m")->cursor == 3);
}

TEST_CASE("the store's incremental serializer writes exactly what a fresh one writes, after any change") {
    Profile p;
    for (int i = 0; i < 20; ++i) p.edit_reflection("m" + std::to_string(i), "T", i).text = "text " + std::to_string(i);
    p.add_artifact("account-map", "Account map", "", 5);
    ProfileSerializer incremental;
    CHECK(incremental.serialize(p) == serialize_profile(p));

    p.reflections["m3"].text += " more";                      // an edit
    CHECK(incremental.serialize(p) == serialize_profile(p));
    p.reflections["m4"].cursor = 2;                           // a cursor move only
    CHECK(incremental.serialize(p) == serialize_profile(p));
    p.reflections.erase("m5");                                // a deletion
    p.edit_reflection("new", "N", 99).text = "\"quoted\"\n";  // an addition with characters to escape
    CHECK(incremental.serialize(p) == serialize_profile(p));
    p.artifacts[0].values["x"] = 1;                           // artifacts change
    p.artifacts[0].edited = 6;
    p.add_account("Northwind", 7);
    std::string text = incremental.serialize(p);
    CHECK(text == serialize_profile(p));
    Profile back;
    REQUIRE(parse_profile(text, &back).ok);
    CHECK(back.reflections.size() == 20);
    CHECK(back.reflections["new"].text == "\"quoted\"\n");
    CHECK(back.accounts[0].name == "Northwind");
    CHECK(back.artifacts[0].values["x"] == 1);
}
