// Deleting an account on the Accounts page asks first, names what goes with it, and My work's "Recently deleted"
// brings it back whole.
#include <doctest/doctest.h>

#include "reader_fixture.h"

using gw::test::ReaderFixture;

TEST_CASE("an account deleted on the Accounts page comes back from My work with its artifact and link") {
    ReaderFixture f(GROUNDWORK_SHIPPED_CONTENT, 3);
    f.start("accounts");
    std::string account, artifact;
    f.session->change_profile([&](gw::Profile& p) {
        account = p.add_account("Northwind Traders", gw::now_millis()).id;
        artifact = p.add_artifact("account-map", "Account map", account, gw::now_millis()).id;
        p.work_in(f.app->course().id).link(artifact, "account-mapping");
        return true;
    });
    f.frames(2);
    f.click("delete-account");
    f.click("delete-account:" + account);
    REQUIRE(gw::ui::probe::centre("confirm-delete-account"));
    CHECK(f.session->profile().account(account));  // nothing goes before "Delete"
    f.click("confirm-delete-account");
    CHECK_FALSE(f.session->profile().account(account));
    CHECK_FALSE(f.session->profile().artifact(artifact));
    REQUIRE(f.session->profile().recently_deleted.size() == 1);
    CHECK(f.on_disk().recently_deleted.size() == 1);  // saved at once

    f.click("my-work");
    f.click("restore:0");
    CHECK(f.session->profile().account(account));
    REQUIRE(f.session->profile().artifact(artifact));
    CHECK(f.session->work().links_to(artifact).size() == 1);
    CHECK(f.session->profile().recently_deleted.empty());
    CHECK(f.on_disk().account(account));
}
