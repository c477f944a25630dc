// Issue 10: F1, or '?' while no text field has the keyboard, lists the keyboard shortcuts; Escape closes the list.
// Arrow keys on the learner's own pages (My work, Accounts, the dashboard) no longer jump to a module.
#include <doctest/doctest.h>

#include <GLFW/glfw3.h>
#include <imgui.h>

#include <fstream>
#include <sstream>
#include <string>

#include "reader_fixture.h"
#include "ui/item_probe.h"
#include "ui/views/shortcuts_help.h"

using namespace gw;
using namespace gw::ui;

namespace {

struct Shipped : test::ReaderFixture {
    Shipped() : ReaderFixture(GROUNDWORK_SHIPPED_CONTENT, 1) {}
    void f1() {  // io.KeysDown is indexed by GLFW key codes, as ui/input fills it
        ImGuiIO& io = ImGui::GetIO();
        io.KeysDown[GLFW_KEY_F1] = true;
        gui.frame(body);
        io.KeysDown[GLFW_KEY_F1] = false;
        frames(2);
    }
    bool help_drawn() {
        probe::clear();
        frames(1);
        return probe::centre("shortcuts-help").has_value();
    }
};

std::string readme_keys() {
    std::ifstream in(GROUNDWORK_SHIPPED_CONTENT "/../README.md");
    std::stringstream s;
    s << in.rdbuf();
    const std::string all = s.str();
    const auto at = all.find("Keys in the reader");
    REQUIRE(at != std::string::npos);
    return all.substr(at, all.find("\n\n", at) - at);
}

}  // namespace

TEST_CASE("F1 opens the keyboard shortcuts on any page and Escape closes them") {
    Shipped f;
    for (const char* page : {"qbr", "my-work", "accounts", "dashboard"}) {
        INFO(page);
        f.start(page);
        CHECK_FALSE(f.help_drawn());
        f.f1();
        CHECK(shortcuts_help_open());
        CHECK(f.help_drawn());
        const std::string before = f.app->navigator().current();
        f.gui.key(ImGuiKey_RightArrow, f.body);  // the list has the keyboard: no page turns behind it
        CHECK(f.app->navigator().current() == before);
        f.gui.key(ImGuiKey_Escape, f.body);
        f.frames(1);
        CHECK_FALSE(shortcuts_help_open());
        CHECK_FALSE(f.help_drawn());
    }
}

TEST_CASE("'?' opens the shortcuts when no text field has the keyboard, and is typed when one has") {
    Shipped f;
    f.start("account-mapping");
    f.gui.type("?", f.body);
    f.frames(1);
    CHECK(f.help_drawn());
    f.gui.key(ImGuiKey_Escape, f.body);
    f.frames(1);
    CHECK_FALSE(f.help_drawn());

    f.app->open_work("account-mapping");
    f.frames(3);
    REQUIRE(f.app->reflection_state().editor.focused);
    f.gui.type("?", f.body);
    f.frames(1);
    CHECK_FALSE(f.help_drawn());
    REQUIRE(f.session->work().reflection("account-mapping"));
    CHECK(f.session->work().reflection("account-mapping")->text.find('?') != std::string::npos);
}

TEST_CASE("the shortcuts list names every key the README's keys paragraph gives") {
    // The README's paragraph, spelled out key by key ("Alt+Left/Right" is Alt+Left and Alt+Right), plus F1.
    CHECK(readme_keys().find("Ctrl+Shift+Z") != std::string::npos);  // still the paragraph this list follows
    std::string listed;
    for (const ShortcutGroup& g : shortcut_groups())
        for (const Shortcut& s : g.shortcuts) listed += std::string(s.keys) + "\n";
    for (const char* key : {"Left", "Right", "Alt+Left", "Alt+Right", "Ctrl+PageUp", "Ctrl+PageDown", "Alt+Home",
                            "Alt+End", "Up", "Down", "PageUp", "PageDown", "Space", "Home", "End", "Ctrl+Q",
                            "Ctrl+Left", "Ctrl+Right", "Ctrl+Z", "Ctrl+Y", "Ctrl+Shift+Z", "Ctrl+C", "Ctrl+X",
                            "Ctrl+V", "Escape", "F1", "Ctrl+=", "Ctrl+-", "Ctrl+0"}) {
        INFO(std::string(key));
        CHECK(listed.find(key) != std::string::npos);
    }
}

TEST_CASE("arrow keys on My work, Accounts and the dashboard do not jump to a module") {
    Shipped f;
    for (const char* page : {"my-work", "accounts", "dashboard"}) {
        INFO(page);
        f.start(page);
        const std::string before = f.app->navigator().current();
        for (int key : {ImGuiKey_RightArrow, ImGuiKey_LeftArrow}) {
            f.gui.key(key, f.body);
            f.gui.key(key, f.body, false, false, true);  // Alt+arrow
            f.frames(1);
        }
        CHECK(f.app->navigator().current() == before);
        probe::clear();
        f.frames(1);
        if (std::string(page) == "my-work") CHECK(f.app->showing_my_work());
        if (std::string(page) == "accounts") CHECK(probe::centre("add-account").has_value());
    }
    // On a course page they still turn pages.
    f.start("qbr");
    const std::string before = f.app->navigator().current();
    f.gui.key(ImGuiKey_RightArrow, f.body);
    f.frames(1);
    CHECK(f.app->navigator().current() != before);
}
