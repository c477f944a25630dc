// Worked artifacts in the reader, headless: create one from a reflection, fill it in, see the rules react.
#include <doctest/doctest.h>

#include <imgui_internal.h>

#include "reader_fixture.h"
#include "progress/profile_json.h"
#include "progress/work_session.h"
#include "runtime/artifacts/artifact_rules.h"
#include "ui/headless.h"
#include "ui/item_probe.h"
#include "ui/reader_app.h"
#include "ui/views/sidebar_view.h"

using namespace gw;
using namespace gw::ui;

namespace {

// The shipped course, where the artifact kinds are declared; each click is followed by one frame.
struct ShippedFixture : test::ReaderFixture {
    ShippedFixture() : ReaderFixture(GROUNDWORK_SHIPPED_CONTENT, 1) {}
};

}  // namespace

TEST_CASE("the account-mapping reflection offers an account map; creating one for a new account opens it") {
    ShippedFixture f;
    f.start("account-mapping");
    f.gui.key(ImGuiKey_End, f.body);
    f.frames(2);
    f.click("create:account-map");
    CHECK(ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId));
}

TEST_CASE("filling in an account map: rows, ratings and the single-threaded warning, kept across a restart") {
    ShippedFixture f;
    f.start("account-mapping");
    const std::string acct = f.session->add_account("Contoso").id;
    const Artifact& created = f.session->create_artifact("account-map", "Account map", acct, nlohmann::json::object(),
                                                         "account-mapping");
    const std::string id = created.id;
    f.app->open_work(kArtifactPrefix + id);
    f.frames(3);
    CHECK(f.app->artifact_shown() == id);
    const ArtifactKind* kind = f.app->course().find_artifact_kind("account-map");
    REQUIRE(kind);
    auto threading = [&] {
        for (const RuleResult& r : evaluate_rules(*kind, f.session->profile().artifact(id)->values))
            if (r.rule->label == "Threading") return r;
        return RuleResult{};
    };

    for (int row = 0; row < 2; ++row) {
        f.click("add-row:stakeholders");
        f.frames(2);
        // Name: click the cell and type, as a user would.
        f.click("cell:stakeholders:" + std::to_string(row) + ":name");
        f.gui.type(row == 0 ? "Maria Lopez" : "Sam Okafor", f.body);
        f.gui.key(ImGuiKey_Enter, f.body);
        f.frames(2);
        // Relationship: open the combo, pick Strong.
        f.click("cell:stakeholders:" + std::to_string(row) + ":quality");
        f.frames(2);
        f.click("option:strong");
        f.frames(2);
        if (row == 0) {
            CHECK_FALSE(threading().met);  // one Strong relationship: still single-threaded
            CHECK(threading().applies);
        }
    }
    const Artifact* a = f.session->profile().artifact(id);
    REQUIRE(a->values["stakeholders"].size() == 2);
    CHECK(a->values["stakeholders"][0]["name"] == "Maria Lopez");
    CHECK(a->values["stakeholders"][1]["quality"] == "strong");
    CHECK(threading().met);

    // Saved, and there again after a restart, still linked from module 2.
    REQUIRE(f.session->flush());
    f.start("account-mapping");
    const Artifact* again = f.session->profile().artifact(id);
    REQUIRE(again);
    CHECK(again->values["stakeholders"][0]["name"] == "Maria Lopez");
    CHECK(f.session->work().links_to(id) == std::vector<std::string>{"account-mapping"});
}

TEST_CASE("filling in a health audit: two at-risk signals turn it red with a check-in due in ten days") {
    ShippedFixture f;
    f.start("retention");
    const std::string acct = f.session->add_account("Fabrikam").id;
    nlohmann::json values = {{"audit_date", "2026-11-24"}};
    const std::string id = f.session->create_artifact("health-audit", "Health audit", acct, values, "retention").id;
    f.app->open_work(kArtifactPrefix + id);
    f.frames(3);
    const ArtifactKind* kind = f.app->course().find_artifact_kind("health-audit");
    auto status = [&] { return artifact_status(*kind, f.session->profile().artifact(id)->values); };
    CHECK(status().label == "Not rated yet");

    f.click("pill:response_time:at_risk");
    f.click("pill:engagement:healthy");
    f.click("pill:referrals:healthy");
    f.click("pill:tone:healthy");
    CHECK(status().label == "Watch");
    CHECK(status().color == "yellow");
    f.click("pill:tone:at_risk");
    CHECK(status().label == "At risk");
    CHECK(status().color == "red");
    const auto results = evaluate_rules(*kind, f.session->profile().artifact(id)->values);
    CHECK(results[0].due_date == "2026-12-04");
    f.click("pill:tone:at_risk");  // a second click clears the choice
    CHECK(status().label == "Watch");
}

TEST_CASE("the reflection's artifact panel shows what it asks for, and a linked artifact opens from it") {
    ShippedFixture f;
    f.start("qbr");
    const std::string acct = f.session->add_account("Adventure Works").id;
    const std::string id =
        f.session->create_artifact("qbr-design", "QBR design", acct, nlohmann::json::object(), "qbr").id;
    f.gui.key(ImGuiKey_End, f.body);
    f.frames(3);
    REQUIRE(probe::centre("open:" + id));
    f.click("open:" + id);
    f.frames(2);
    CHECK(f.app->artifact_shown() == id);
}

TEST_CASE("the app reopens the artifact, accounts or dashboard page the learner was on") {
    ShippedFixture f;
    f.start("");
    const std::string acct = f.session->add_account("Litware").id;
    const std::string id = f.session->create_artifact("account-plan", "Account plan", acct, nlohmann::json::object(),
                                                      "").id;
    f.app->open_work(kArtifactPrefix + id);
    f.frames(3);
    REQUIRE(f.session->flush());
    f.start("");
    CHECK(f.app->artifact_shown() == id);

    f.click("dashboard");
    f.frames(2);
    REQUIRE(f.session->flush());
    f.start("");
    CHECK(f.session->work().resume.page_id == kDashboardPage);
    REQUIRE(probe::centre("audit:" + acct));  // the dashboard is what is drawn
}

TEST_CASE("in-app export: copy an artifact as Markdown, save it as files, export everything from My work") {
    ShippedFixture f;
    f.start("qbr");
    const std::string acct = f.session->add_account("Northwind Traders").id;
    const ArtifactKind* kind = f.app->course().find_artifact_kind("qbr-design");
    const std::string id =
        f.session->create_artifact("qbr-design", "QBR design", acct, initial_values(*kind, "2026-11-26"), "qbr").id;
    f.app->open_work(kArtifactPrefix + id);
    f.frames(3);
    for (int i = 0; i < 6; ++i) f.gui.key(ImGuiKey_PageDown, f.body);
    f.frames(2);

    f.click("copy-markdown");
    const std::string copied = ImGui::GetClipboardText();
    CHECK(copied.find("# QBR design") != std::string::npos);
    CHECK(copied.find("Northwind Traders") != std::string::npos);
    CHECK(copied.find("Results celebration") != std::string::npos);

    f.click("save-files");
    const auto exports = f.dir / "exports";
    CHECK(std::filesystem::exists(exports / "northwind-traders-qbr-design-" += id + ".md"));
    CHECK(std::filesystem::exists(exports / "northwind-traders-qbr-design-" += id + "-phases.csv"));

    f.click("my-work");
    f.frames(2);
    REQUIRE(f.app->showing_my_work());
    for (int i = 0; i < 4; ++i) f.gui.key(ImGuiKey_End, f.body);
    f.frames(2);
    f.click("export-all");
    int written = 0;
    for (const auto& day : std::filesystem::directory_iterator(exports))
        if (day.is_directory())
            for (const auto& file : std::filesystem::directory_iterator(day.path())) written += file.is_regular_file();
    CHECK(written == 2);  // the one artifact's Markdown and its table's CSV
    f.frames(1);
    CHECK(probe::centre("open-export-folder"));  // as after every in-app export: Open folder
}

TEST_CASE("Save as PDF: an artifact's page and a module's page each write a PDF into the exports folder") {
    ShippedFixture f;
    f.start("account-mapping");
    f.session->write_reflection("account-mapping", "Account mapping", "Only Maria speaks for us.", 0);
    for (int i = 0; i < 4; ++i) f.gui.key(ImGuiKey_End, f.body);
    f.frames(3);
    const auto exports = f.dir / "exports";
    f.click("save-pdf");
    const auto module_pdf = exports / "account-mapping.pdf";
    REQUIRE(std::filesystem::exists(module_pdf));
    CHECK(test::slurp(module_pdf).rfind("%PDF-", 0) == 0);
    f.frames(1);
    CHECK(probe::centre("open-pdf-folder"));

    const std::string acct = f.session->add_account("Northwind Traders").id;
    const ArtifactKind* kind = f.app->course().find_artifact_kind("account-map");
    const std::string id = f.session->create_artifact("account-map", "Account map", acct, initial_values(*kind, "2026-11-26"), "").id;
    f.app->open_work(kArtifactPrefix + id);
    f.frames(3);
    for (int i = 0; i < 6; ++i) f.gui.key(ImGuiKey_PageDown, f.body);
    f.frames(2);
    f.click("save-pdf");
    const auto artifact_pdf = exports / ("northwind-traders-account-map-" + id + ".pdf");
    REQUIRE(std::filesystem::exists(artifact_pdf));
    CHECK(test::slurp(artifact_pdf).rfind("%PDF-", 0) == 0);
    f.frames(1);
    CHECK(probe::centre("open-folder"));
}

TEST_CASE("creating an artifact from a page that already links one draws on without a dangling pointer") {
    ShippedFixture f;
    f.start("expansion-triggers");
    const ArtifactKind* kind = f.app->course().find_artifact_kind("trigger-log");
    REQUIRE(kind);
    REQUIRE(kind->scope == ArtifactScope::Portfolio);
    f.session->create_artifact("trigger-log", "Trigger log", "", nlohmann::json::object(), "expansion-triggers");
    for (int i = 0; i < 8; ++i) f.session->add_account("Account " + std::to_string(i));  // grow the vectors around it
    f.gui.key(ImGuiKey_End, f.body);
    f.frames(2);
    f.click("create:trigger-log");  // the vector of artifacts grows during this frame
    f.frames(3);
    CHECK(f.session->profile().linked_from(f.session->course(), "expansion-triggers").size() == 2);
}

TEST_CASE("the accounts page and the dashboard stay drawable with hundreds of accounts") {
    ShippedFixture f;
    f.start("");
    for (int i = 0; i < 400; ++i) f.session->add_account("Account " + std::to_string(i));
    for (const char* page : {"accounts", "dashboard"}) {
        INFO(page);
        f.click(page);
        f.frames(2);
        // Unclipped, 400 rows of widgets overflow ImGui's 65,536 vertices per draw list and the app aborts.
        const ImDrawData* d = f.gui.frame(f.body);
        for (int i = 0; i < d->CmdListsCount; ++i) CHECK(d->CmdLists[i]->VtxBuffer.Size < 65536);
    }
}
