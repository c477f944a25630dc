// Issue 10, worked artifacts: a deleted table row comes back with Ctrl+Z (in the learner's keyboard layout) or the
// notice's Undo; a date field has a calendar to pick a day from; the expansion potential's amounts are the account's.
#include <GLFW/glfw3.h>
#include <doctest/doctest.h>
#include <imgui_internal.h>

#include <functional>

#include "reader_fixture.h"
#include "runtime/artifacts/calendar_date.h"
#include "ui/input/key_event_queue.h"
#include "ui/input/keyboard_layout.h"
#include "ui/item_probe.h"
#include "ui/views/sidebar_view.h"
#include "ui/widgets/date_picker.h"

using namespace gw;
using namespace gw::ui;
using nlohmann::json;

namespace {

// The shipped course (where account-map, health-audit and expansion-potential are declared), with keys fed through
// a KeyEventQueue in a given layout as the app feeds them.
struct ArtifactEdits : test::ReaderFixture {
    TableKeyboardLayout layout;
    KeyEventQueue queue{&layout};
    std::string artifact;

    explicit ArtifactEdits(TableKeyboardLayout l = TableKeyboardLayout())
        : ReaderFixture(GROUNDWORK_SHIPPED_CONTENT, 1), layout(std::move(l)) {
        start("account-mapping");
    }
    // Creates an artifact of `kind` for a new account "Contoso" and opens it.
    void open_new(const std::string& kind, const json& values) {
        const std::string acct = session->add_account("Contoso").id;
        artifact = session->create_artifact(kind, kind, acct, values, "").id;
        app->open_work(kArtifactPrefix + artifact);
        frames(3);
        REQUIRE(app->artifact_shown() == artifact);
    }
    const json& values() { return session->profile().artifact(artifact)->values; }
    // Ctrl+key, each event in a frame of its own; `key` is the physical key (GLFW's US name).
    void ctrl(int key) {
        for (auto [k, down] : {std::pair{GLFW_KEY_LEFT_CONTROL, true}, {key, true}, {key, false},
                               {GLFW_KEY_LEFT_CONTROL, false}}) {
            queue.push_key(k, 0, down ? GLFW_PRESS : GLFW_RELEASE);
            queue.apply_frame(ImGui::GetIO());  // before the frame, as the app does
            frames(1);
        }
        frames(1);
    }
    // Scrolls the page with the mouse wheel until the widget is drawn inside the window, then clicks it, as a
    // learner would. Widgets further down are not drawn at all (clipped lists), so "not drawn" scrolls down.
    void click_shown(const std::string& probe_name) {
        for (int i = 0; i < 60; ++i) {
            probe::clear();
            frames(1);
            const auto r = probe::rect(probe_name);
            const float h = ImGui::GetIO().DisplaySize.y;
            if (r && r->first.y >= 30 && r->second.y <= h - 10) break;
            gui.mouse_move(ImVec2(640, h / 2));
            frames(1);
            ImGui::GetIO().MouseWheel = r && r->first.y < 30 ? 2.0f : -2.0f;
            frames(1);
        }
        click(probe_name);
    }
    bool drawn(const std::string& probe_name) {
        probe::clear();
        frames(1);
        return probe::rect(probe_name).has_value();
    }
};

const json kThreePeople = {{"stakeholders",
                            json::array({{{"name", "Ana"}, {"quality", "strong"}},
                                         {{"name", "Ben"}, {"quality", "at_risk"}, {"outreach_date", "2026-12-10"}},
                                         {{"name", "Cy"}}})}};

// What the key that types z is called by GLFW in each layout (X11's us, fr and de).
TableKeyboardLayout french() { return TableKeyboardLayout({{GLFW_KEY_W, "z"}, {GLFW_KEY_Z, "w"}, {GLFW_KEY_Q, "a"}, {GLFW_KEY_A, "q"}}); }
TableKeyboardLayout german() { return TableKeyboardLayout({{GLFW_KEY_Y, "z"}, {GLFW_KEY_Z, "y"}}); }

}  // namespace

TEST_CASE("a deleted table row: the notice says so, and Ctrl+Z in the learner's layout puts it back") {
    struct Case {
        const char* name;
        TableKeyboardLayout layout;
        int z_key;      // the physical key that types z
        int other_key;  // the key GLFW calls Z, which types something else there (-1 on US)
    };
    for (const Case& c : {Case{"US", TableKeyboardLayout(), GLFW_KEY_Z, -1}, Case{"French", french(), GLFW_KEY_W, GLFW_KEY_Z},
                          Case{"German", german(), GLFW_KEY_Y, GLFW_KEY_Z}}) {
        CAPTURE(c.name);
        ArtifactEdits f(c.layout);
        f.open_new("account-map", kThreePeople);
        CHECK_FALSE(f.drawn("notice-action:##row-deleted"));
        f.click_shown("remove-row:stakeholders:1");
        REQUIRE(f.values()["stakeholders"].size() == 2);
        CHECK(f.drawn("notice-action:##row-deleted"));  // "Row deleted" with Undo
        if (c.other_key >= 0) {
            f.ctrl(c.other_key);  // Ctrl+W (FR) / Ctrl+Y (DE): not undo
            CHECK(f.values()["stakeholders"].size() == 2);
        }
        f.ctrl(c.z_key);
        CHECK(f.values() == kThreePeople);  // back at index 1 with its relationship and date
        CHECK_FALSE(f.drawn("notice-action:##row-deleted"));
        f.ctrl(c.z_key);  // nothing more to undo: nothing changes
        CHECK(f.values() == kThreePeople);
    }
}

TEST_CASE("the notice's Undo puts a deleted row back; Ctrl+Z also takes back an added row; the notice dismisses") {
    ArtifactEdits f;
    f.open_new("account-map", kThreePeople);
    f.click_shown("remove-row:stakeholders:0");
    REQUIRE(f.values()["stakeholders"].size() == 2);
    f.click_shown("notice-action:##row-deleted");
    CHECK(f.values() == kThreePeople);

    f.click_shown("add-row:stakeholders");
    REQUIRE(f.values()["stakeholders"].size() == 4);
    // The new row's first cell has the keyboard (Ctrl+Z there undoes typing): the learner clicks away first.
    f.frames(2);
    REQUIRE(ImGui::GetIO().WantTextInput);
    f.click_shown("rule:Threading");
    REQUIRE_FALSE(ImGui::GetIO().WantTextInput);
    f.ctrl(GLFW_KEY_Z);
    CHECK(f.values() == kThreePeople);

    f.click_shown("remove-row:stakeholders:2");
    f.click_shown("notice-dismiss:##row-deleted");
    CHECK_FALSE(f.drawn("notice-action:##row-deleted"));
    CHECK(f.values()["stakeholders"].size() == 2);
    f.ctrl(GLFW_KEY_Z);  // dismissing the notice does not lose the undo
    CHECK(f.values() == kThreePeople);
}

TEST_CASE("Ctrl+Z while a cell's text field has the keyboard is the field's own undo, not the row's") {
    ArtifactEdits f;
    f.open_new("account-map", kThreePeople);
    f.click_shown("remove-row:stakeholders:2");
    REQUIRE(f.values()["stakeholders"].size() == 2);
    f.click_shown("cell:stakeholders:0:role");
    f.frames(1);
    REQUIRE(ImGui::GetIO().WantTextInput);
    f.ctrl(GLFW_KEY_Z);
    CHECK(f.values()["stakeholders"].size() == 2);  // the row stays deleted
}

TEST_CASE("date picker: the calendar button opens a month grid; a click on a day stores it as ISO") {
    ArtifactEdits f;
    f.open_new("health-audit", {{"audit_date", "2026-12-15"}});
    CHECK_FALSE(date_picker_open());
    f.click_shown("date-picker:audit_date");
    CHECK(date_picker_open());
    CHECK(f.drawn("picker-day:2026-12-01"));
    CHECK(f.drawn("picker-day:2026-12-31"));
    CHECK_FALSE(f.drawn("picker-day:2026-11-30"));  // the neighbours' days are blank
    f.click("picker-day:2026-12-03");
    CHECK(f.values()["audit_date"] == "2026-12-03");
    CHECK_FALSE(date_picker_open());  // picking closes it

    // Escape closes it without picking.
    f.click_shown("date-picker:audit_date");
    REQUIRE(date_picker_open());
    f.gui.key(ImGuiKey_Escape, f.body);
    f.frames(2);
    CHECK_FALSE(date_picker_open());
    CHECK(f.values()["audit_date"] == "2026-12-03");
}

TEST_CASE("date picker: months turn across the year's end, and February has its 29th in leap years only") {
    ArtifactEdits f;
    f.open_new("health-audit", {{"audit_date", "2026-12-15"}});
    f.click_shown("date-picker:audit_date");
    f.click("picker-next");
    CHECK(f.drawn("picker-day:2027-01-31"));
    CHECK_FALSE(f.drawn("picker-day:2026-12-15"));
    f.click("picker-next");  // February 2027: 28 days
    CHECK(f.drawn("picker-day:2027-02-28"));
    CHECK_FALSE(f.drawn("picker-day:2027-02-29"));
    for (int i = 0; i < 3; ++i) f.click("picker-prev");  // back over the year's end to November 2026
    CHECK(f.drawn("picker-day:2026-11-30"));
    f.click("picker-day:2026-11-30");
    CHECK(f.values()["audit_date"] == "2026-11-30");

    // A stored leap day opens on its own February.
    f.session->set_artifact_value(f.artifact, "audit_date", "2028-02-29");
    f.frames(2);
    f.click_shown("date-picker:audit_date");
    CHECK(f.drawn("picker-day:2028-02-29"));
    CHECK_FALSE(f.drawn("picker-day:2028-03-01"));
}

TEST_CASE("date picker in a table's date cell") {
    ArtifactEdits f;
    f.open_new("account-map", kThreePeople);
    f.click_shown("date-picker:cell:stakeholders:1:outreach_date");
    REQUIRE(date_picker_open());
    CHECK(f.drawn("picker-day:2026-12-24"));  // opens on the cell's month
    f.click("picker-day:2026-12-24");
    CHECK(f.values()["stakeholders"][1]["outreach_date"] == "2026-12-24");
    CHECK(f.values()["stakeholders"][1]["name"] == "Ben");
}

namespace {

// Clicks a field, selects what is in it and types `text` over it, then leaves the field.
void retype(ArtifactEdits& f, const std::string& probe_name, const std::string& text) {
    f.click_shown(probe_name);
    f.frames(1);
    f.gui.key(ImGuiKey_A, f.body, true);
    if (text.empty()) f.gui.key(ImGuiKey_Backspace, f.body);
    else f.gui.type(text.c_str(), f.body);
    f.frames(2);
    f.gui.key(ImGuiKey_Tab, f.body);
    f.frames(2);
}

// What a money field shows: clicked, its text is the active InputText's.
std::string shown_in(ArtifactEdits& f, const std::string& probe_name) {
    f.click_shown(probe_name);
    f.frames(1);
    const ImGuiInputTextState* st = ImGui::GetInputTextState(ImGui::GetActiveID());
    const std::string text = st && st->TextA.Data ? std::string(st->TextA.Data) : std::string("(no field active)");
    f.gui.key(ImGuiKey_Escape, f.body);
    f.frames(2);
    return text;
}

}  // namespace

TEST_CASE("expansion potential: its amounts are the account's, edited from either page") {
    ArtifactEdits f;
    f.open_new("expansion-potential", json::object());
    const std::string acct = f.session->profile().artifact(f.artifact)->account;
    auto account = [&] { return f.session->profile().account(acct); };
    CHECK_FALSE(account()->annual().has_value());

    // Typed in the artifact: the account has it, and the Accounts page shows it.
    retype(f, "money:current_value", "300k");
    CHECK(account()->annual() == 300000.0);
    CHECK_FALSE(f.values().contains("current_value"));  // stored once, in the account
    CHECK_FALSE(account()->potential().has_value());    // the other amount stays empty, not 0
    f.app->open_work(kAccountsPage);
    f.frames(3);
    CHECK(shown_in(f, "account-value:" + acct) == "$300,000");

    // Typed on the Accounts page: the artifact shows it.
    retype(f, "account-potential:" + acct, "1.2m");
    CHECK(account()->potential() == 1200000.0);
    f.app->open_work(kArtifactPrefix + f.artifact);
    f.frames(3);
    CHECK(shown_in(f, "money:potential_value") == "$1,200,000");

    // Emptied in the artifact: empty in the account, not 0.
    retype(f, "money:current_value", "");
    CHECK_FALSE(account()->annual().has_value());
}

TEST_CASE("expansion potential from an older profile: a stored amount that differs from the account's is shown") {
    ArtifactEdits f;
    f.open_new("expansion-potential", json::object());
    const std::string acct = f.session->profile().artifact(f.artifact)->account;
    Account changed = *f.session->profile().account(acct);
    changed.current_value = 200000;
    changed.has_current_value = true;
    f.session->edit_account(changed);
    f.session->set_artifact_value(f.artifact, "current_value", 120000);
    f.frames(2);
    CHECK(f.drawn("money-note:current_value"));  // "Before this field followed the account, ... 120,000"
    CHECK(shown_in(f, "money:current_value") == "$200,000");
    CHECK_FALSE(f.drawn("money-note:potential_value"));
}
