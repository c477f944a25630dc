// Money and dates typed the way a salesperson types them (issue 10), on the Accounts page and an artifact's
// fields: "300k" is 300,000 (it was stored as 300), what cannot be read stays in the field with a message under it
// and changes nothing, an empty amount is "—" and not $0, and "10/12/2026" is read or explained.
#include <doctest/doctest.h>

#include "reader_fixture.h"
#include "runtime/artifacts/artifact_rules.h"
#include "ui/views/sidebar_view.h"
#include "ui/item_probe.h"

using namespace gw;

namespace {

struct ShippedFixture : test::ReaderFixture {
    ShippedFixture() : ReaderFixture(GROUNDWORK_SHIPPED_CONTENT, 1) {}
};

// Clicks a field, selects what is in it and types `text` over it, then leaves the field.
void type_into(ShippedFixture& f, const std::string& probe_name, const std::string& text) {
    f.click(probe_name);
    f.frames(1);
    f.gui.key(ImGuiKey_A, f.body, true);
    f.gui.type(text.c_str(), f.body);
    f.frames(2);
    f.gui.key(ImGuiKey_Tab, f.body);
    f.frames(2);
}

}  // namespace

TEST_CASE("Accounts: 300k is stored as 300,000, and an amount not typed is — and not $0") {
    ShippedFixture f;
    f.start("accounts");
    const std::string id = f.session->add_account("Northwind").id;
    f.frames(3);
    CHECK_FALSE(f.session->profile().account(id)->annual().has_value());
    auto gap = ui::probe::rect("account-gap:" + id);
    REQUIRE(gap);
    type_into(f, "account-value:" + id, "300k");
    CHECK(f.session->profile().account(id)->annual() == 300000.0);
    CHECK_FALSE(f.session->profile().account(id)->gap().has_value());  // no potential yet: no gap, not -$300,000
    type_into(f, "account-potential:" + id, "$1.2m");
    CHECK(f.session->profile().account(id)->potential() == 1200000.0);
    CHECK(f.session->profile().account(id)->gap() == 900000.0);
    const Profile saved = f.on_disk();
    CHECK(saved.accounts.back().current_value == 300000);
}

TEST_CASE("Accounts: an amount that cannot be read keeps the text, shows why and changes nothing") {
    ShippedFixture f;
    f.start("accounts");
    const std::string id = f.session->add_account("Northwind").id;
    f.frames(3);
    type_into(f, "account-value:" + id, "120,000");
    REQUIRE(f.session->profile().account(id)->annual() == 120000.0);
    ui::probe::clear();  // from here on the probe holds only what the frames below draw
    f.frames(1);
    CHECK_FALSE(ui::probe::rect("field-error"));  // 120,000 read: no message
    type_into(f, "account-value:" + id, "12.000,50");
    CHECK(f.session->profile().account(id)->annual() == 120000.0);  // unchanged
    CHECK(ui::probe::rect("field-error"));                           // the message under the field
    // The text typed is still in the field, frames later.
    f.frames(5);
    CHECK(ui::probe::rect("field-error"));
}

TEST_CASE("Accounts: the currency is a setting of the profile, kept across a restart") {
    ShippedFixture f;
    f.start("accounts");
    f.session->add_account("Northwind");
    f.frames(2);
    f.click("currency");
    f.frames(2);
    f.click("currency:EUR");
    f.frames(2);
    CHECK(f.session->profile().currency == "EUR");
    f.start("accounts");
    CHECK(f.session->profile().currency == "EUR");
}

TEST_CASE("an artifact's date field reads 10/12/2026 in the locale's order, or says what to write") {
    ShippedFixture f;
    f.start("accounts");
    const std::string acct = f.session->add_account("Contoso").id;
    const std::string id =
        f.session->create_artifact("health-audit", "Health audit", acct, nlohmann::json::object(), "").id;
    f.app->open_work(ui::kArtifactPrefix + id);
    f.frames(3);
    REQUIRE(f.app->artifact_shown() == id);
    // The date field's input is the first item drawn under its label: found by the probe the field editor sets.
    ui::probe::clear();
    f.frames(1);
    REQUIRE(ui::probe::rect("date:audit_date"));
    type_into(f, "date:audit_date", "2026-12-10");
    CHECK(f.session->profile().artifact(id)->values["audit_date"] == "2026-12-10");
    ui::probe::clear();
    f.frames(1);
    type_into(f, "date:audit_date", "31/12/2026");  // a day above 12: unambiguous in every locale
    CHECK(f.session->profile().artifact(id)->values["audit_date"] == "2026-12-31");
    CHECK_FALSE(ui::probe::rect("field-error"));
    ui::probe::clear();
    f.frames(1);
    type_into(f, "date:audit_date", "next week");
    CHECK(f.session->profile().artifact(id)->values["audit_date"] == "2026-12-31");  // unchanged
    CHECK(ui::probe::rect("field-error"));
}
