// Deletes that can be undone (issue 10, "Deleting and undoing"): an artifact or an account (with its artifacts)
// goes to Profile::recently_deleted with the links that pointed at it, comes back whole, survives a save, and is
// forgotten after 30 days.
#include <doctest/doctest.h>

#include "progress/profile_json.h"
#include "progress/profile_store.h"
#include "progress/work_session.h"
#include "temp_dir.h"

using namespace gw;

namespace {

// Northwind with an account map (linked from two modules of course "c1" and one of "c2") and a QBR design;
// Globex with a health audit.
Profile sample() {
    Profile p;
    Account& nw = p.add_account("Northwind", 10);
    const std::string nw_id = nw.id;
    Account& gx = p.add_account("Globex", 11);
    const std::string gx_id = gx.id;
    Artifact& map = p.add_artifact("account-map", "Account map", nw_id, 20);
    map.values["notes"] = "Dana signs";
    const std::string map_id = map.id;
    const std::string qbr_id = p.add_artifact("qbr-design", "QBR design", nw_id, 21).id;
    const std::string audit_id = p.add_artifact("health-audit", "Health audit", gx_id, 22).id;
    p.work_in("c1").link(map_id, "account-mapping");
    p.work_in("c1").link(map_id, "hw1");
    p.work_in("c2").link(map_id, "mapping");
    p.work_in("c1").link(audit_id, "retention");
    (void)qbr_id;
    return p;
}

}  // namespace

TEST_CASE("a deleted artifact leaves with its links and comes back with them") {
    Profile p = sample();
    const std::string map = p.artifacts[0].id;
    REQUIRE(p.delete_artifact(map, 1000));
    CHECK_FALSE(p.artifact(map));
    CHECK(p.work("c1").links_to(map).empty());
    CHECK(p.work("c2").links_to(map).empty());
    CHECK(p.work("c1").links.size() == 1);  // the audit's link stays
    REQUIRE(p.recently_deleted.size() == 1);
    CHECK(p.recently_deleted[0].deleted == 1000);
    CHECK(p.recently_deleted[0].accounts.empty());
    CHECK(p.recently_deleted[0].links.at("c1").size() == 2);
    CHECK_FALSE(p.delete_artifact("no-such-artifact", 1001));

    REQUIRE(p.restore_deleted(0));
    REQUIRE(p.artifact(map));
    CHECK(p.artifact(map)->values["notes"] == "Dana signs");
    CHECK(p.work("c1").links_to(map).size() == 2);
    CHECK(p.work("c2").links_to(map).size() == 1);
    CHECK(p.recently_deleted.empty());
    CHECK_FALSE(p.restore_deleted(0));
}

TEST_CASE("a deleted account takes its artifacts along, and the other accounts keep theirs") {
    Profile p = sample();
    const std::string nw = p.accounts[0].id, gx = p.accounts[1].id;
    REQUIRE(p.delete_account(nw, 2000));
    CHECK_FALSE(p.account(nw));
    REQUIRE(p.artifacts.size() == 1);
    CHECK(p.artifacts[0].account == gx);
    REQUIRE(p.recently_deleted.size() == 1);
    CHECK(p.recently_deleted[0].accounts.size() == 1);
    CHECK(p.recently_deleted[0].artifacts.size() == 2);
    CHECK(p.work("c1").links.size() == 1);

    // A new account made meanwhile never takes the deleted one's id.
    const std::string fresh = p.add_account("Initech", 2100).id;
    CHECK(fresh != nw);
    REQUIRE(p.restore_deleted(0));
    CHECK(p.account(nw));
    CHECK(p.accounts.size() == 3);
    CHECK(p.artifacts.size() == 3);
    CHECK(p.work("c1").links.size() == 3);
}

TEST_CASE("recently deleted work survives a save and a load, and a schema 4 file reads as nothing deleted") {
    Profile p = sample();
    REQUIRE(p.delete_account(p.accounts[0].id, 3000));
    REQUIRE(p.delete_artifact(p.artifacts[0].id, 3001));
    Profile back;
    const ProfileParse parse = parse_profile(serialize_profile(p), &back);
    REQUIRE_MESSAGE(parse.ok, parse.error);
    REQUIRE(back.recently_deleted.size() == 2);
    CHECK(back.recently_deleted[0].accounts[0].name == "Northwind");
    CHECK(back.recently_deleted[0].artifacts.size() == 2);
    CHECK(back.recently_deleted[0].links.at("c2").size() == 1);
    CHECK(back.recently_deleted[1].deleted == 3001);
    CHECK(serialize_profile(back) == serialize_profile(p));

    Profile old;
    const ProfileParse v4 = parse_profile(R"({"schema": 4, "courses": {}, "accounts": [], "artifacts": []})", &old);
    REQUIRE(v4.ok);
    CHECK(v4.migrated);
    CHECK(old.recently_deleted.empty());
}

TEST_CASE("a malformed deleted entry is refused with its path") {
    Profile p;
    ProfileParse bad = parse_profile(R"({"schema": 5, "deleted": [{"deleted": "yesterday"}]})", &p);
    CHECK_FALSE(bad.ok);
    CHECK(bad.error.find("deleted[0].deleted") == 0);
    bad = parse_profile(R"({"schema": 5, "deleted": [{"deleted": 1, "artifacts": [{"id": 7}]}]})", &p);
    CHECK_FALSE(bad.ok);
    CHECK(bad.error.find("deleted[0].artifacts[0].id") == 0);
    bad = parse_profile(R"({"schema": 5, "deleted": [{"deleted": 1, "links": {"c1": [{"item": false}]}}]})", &p);
    CHECK_FALSE(bad.ok);
    CHECK(bad.error.find("deleted[0].links.c1[0].item") == 0);
}

TEST_CASE("the session deletes and restores through the store, and forgets deletes older than 30 days") {
    test::TempDir dir;
    Millis now = 100LL * 24 * 60 * 60 * 1000;
    {
        WorkSession s(std::make_unique<ProfileStore>(dir.path(), "s"), [&] { return now; });
        s.open();
        s.change_profile([](Profile& p) {
            p = sample();
            return true;
        });
        s.delete_account(s.profile().accounts[0].id);        // at day 100
        now += 20LL * 24 * 60 * 60 * 1000;
        s.delete_artifact(s.profile().artifacts[0].id);       // at day 120
        REQUIRE(s.profile().recently_deleted.size() == 2);
        REQUIRE(s.flush());
    }
    now += 15LL * 24 * 60 * 60 * 1000;  // day 135: the account's delete is 35 days old, the audit's 15
    WorkSession s(std::make_unique<ProfileStore>(dir.path(), "s"), [&] { return now; });
    s.open();
    REQUIRE(s.profile().recently_deleted.size() == 1);
    CHECK(s.profile().recently_deleted[0].artifacts[0].kind == "health-audit");
    s.restore_deleted(0);
    CHECK(s.profile().artifacts.size() == 1);
    CHECK(s.profile().recently_deleted.empty());
    REQUIRE(s.flush());
}
