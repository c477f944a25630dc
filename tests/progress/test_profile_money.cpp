// Schema 3 (issue 10): the learner's currency, and an account amount that was never entered kept apart from 0.
#include <doctest/doctest.h>

#include "progress/profile_json.h"
#include "progress/work_session.h"
#include "temp_dir.h"

using namespace gw;

TEST_CASE("a schema 2 profile loads unchanged: its amounts stay what they were, in dollars") {
    const std::string v2 = R"({"schema": 2, "accounts": [
        {"id": "acct-1", "name": "Northwind", "current_value": 120000, "potential_value": 300000, "tier": 1},
        {"id": "acct-2", "name": "Contoso", "current_value": 0},
        {"id": "acct-3", "name": "Fabrikam"}]})";
    Profile p;
    const ProfileParse parse = parse_profile(v2, &p);
    REQUIRE_MESSAGE(parse.ok, parse.error);
    CHECK(parse.migrated);
    CHECK(p.currency == "USD");
    REQUIRE(p.accounts.size() == 3);
    CHECK(p.accounts[0].annual() == 120000.0);
    CHECK(p.accounts[0].gap() == 180000.0);
    // Version 2 wrote 0 for "never entered" and read absent as 0: both load as 0, as that version showed them.
    CHECK(p.accounts[1].annual() == 0.0);
    CHECK(p.accounts[1].potential() == 0.0);
    CHECK(p.accounts[2].annual() == 0.0);
    CHECK(p.accounts[2].gap() == 0.0);
}

TEST_CASE("an amount not entered is saved as null and read back empty, never as 0; the currency round-trips") {
    Profile p;
    p.currency = "EUR";
    Account& a = p.add_account("Northwind", 1);
    a.current_value = 120000;
    a.has_potential_value = false;
    Account& b = p.add_account("Contoso", 2);
    b.current_value = 0;  // a real zero: an account that buys nothing yet
    b.potential_value = 50000;

    const std::string text = serialize_profile(p);
    CHECK(text.find("\"potential_value\":null") != std::string::npos);
    Profile back;
    const ProfileParse parse = parse_profile(text, &back);
    REQUIRE_MESSAGE(parse.ok, parse.error);
    CHECK_FALSE(parse.migrated);
    CHECK(back.currency == "EUR");
    REQUIRE(back.accounts.size() == 2);
    CHECK(back.accounts[0].annual() == 120000.0);
    CHECK_FALSE(back.accounts[0].potential().has_value());
    CHECK_FALSE(back.accounts[0].gap().has_value());
    CHECK(back.accounts[1].annual() == 0.0);
    CHECK(back.accounts[1].gap() == 50000.0);
}

TEST_CASE("a currency that is not a string is named, not half-loaded") {
    Profile p;
    const ProfileParse parse = parse_profile(R"({"schema": 3, "currency": 5})", &p);
    CHECK_FALSE(parse.ok);
    CHECK(parse.error == "currency: expected a string");
}

TEST_CASE("an account the learner adds starts with both amounts empty; the currency choice is saved") {
    test::TempDir dir;
    {
        WorkSession session(std::make_unique<ProfileStore>(dir.path(), "s"));
        session.open();
        const Account& a = session.add_account("Northwind");
        CHECK_FALSE(a.annual().has_value());
        CHECK_FALSE(a.potential().has_value());
        session.set_currency("GBP");
        REQUIRE(session.flush());
    }
    WorkSession again(std::make_unique<ProfileStore>(dir.path(), "s"));
    again.open();
    CHECK(again.profile().currency == "GBP");
    REQUIRE(again.profile().accounts.size() == 1);
    CHECK_FALSE(again.profile().accounts[0].annual().has_value());
}
