// Issue 10, "Reading": a dark theme that follows the desktop with a switch, and a text size the learner sets
// (Ctrl+= / Ctrl+- / Ctrl+0, Ctrl+wheel, the Display popup), remembered in settings.json.
#include <doctest/doctest.h>

#include <imgui.h>

#include <cmath>
#include <fstream>

#include "reader_fixture.h"
#include "runtime/platform/optional_module.h"
#include "ui/headless.h"
#include "ui/platform/desktop_module.h"
#include "ui/platform/desktop_theme.h"
#include "ui/platform/view_settings.h"
#include "ui/theme.h"

using namespace gw;
using namespace gw::ui;
using gw::test::ReaderFixture;

namespace {

// WCAG 2.1's relative luminance and contrast ratio (https://www.w3.org/TR/WCAG21/#dfn-contrast-ratio).
double channel(unsigned c8) {
    const double c = c8 / 255.0;
    return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}
double luminance(ImU32 c) {
    return 0.2126 * channel(c & 0xFF) + 0.7152 * channel((c >> 8) & 0xFF) + 0.0722 * channel((c >> 16) & 0xFF);
}
double contrast(ImU32 a, ImU32 b) {
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

struct ThemeGuard {  // the palette is global: every test leaves it light
    ~ThemeGuard() { use_theme(Theme::Light, ImGui::GetCurrentContext() ? &ImGui::GetStyle() : nullptr); }
};

const std::string kMiniCourse = std::string(GROUNDWORK_TEST_DATA) + "/mini-course";

}  // namespace

TEST_CASE("text size steps like a browser's zoom, 80% to 200%, and Ctrl+wheel notches add up on a touchpad") {
    CHECK(step_zoom(1.0f, +1) == doctest::Approx(1.1f));
    CHECK(step_zoom(1.0f, -1) == doctest::Approx(0.9f));
    CHECK(step_zoom(2.0f, +1) == doctest::Approx(2.0f));  // the ends hold
    CHECK(step_zoom(0.8f, -1) == doctest::Approx(0.8f));
    CHECK(step_zoom(1.3f, +1) == doctest::Approx(1.5f));  // between steps (hand-written): the next one that way
    CHECK(step_zoom(1.3f, -1) == doctest::Approx(1.25f));
    float carry = 0;
    float z = wheel_zoom(1.0f, 0.4f, &carry);
    CHECK(z == doctest::Approx(1.0f));  // not a notch yet
    z = wheel_zoom(z, 0.7f, &carry);
    CHECK(z == doctest::Approx(1.1f));  // 1.1 notches: one step, the rest kept
    z = wheel_zoom(z, -2.5f, &carry);  // with the 0.1 kept: two notches down
    CHECK(z == doctest::Approx(0.9f));
}

TEST_CASE("settings.json: saved and read back; a bad value costs only itself, with a message naming it") {
    test::TempDir dir;
    const auto file = dir.path() / "settings.json";
    std::string problem;
    ViewSettings none = load_view_settings(file, &problem);  // first run: defaults, nothing to say
    CHECK(!none.theme);
    CHECK(none.text_zoom == 1.0f);
    CHECK(problem.empty());

    ViewSettings s;
    s.theme = Theme::Dark;
    s.text_zoom = 1.25f;
    std::string error;
    REQUIRE(save_view_settings(file, s, &error));
    ViewSettings back = load_view_settings(file, &problem);
    CHECK(back.theme == Theme::Dark);
    CHECK(back.text_zoom == doctest::Approx(1.25f));
    CHECK(problem.empty());

    std::ofstream(file) << R"({"theme": "blue", "text_zoom": 1.5})";
    back = load_view_settings(file, &problem);
    CHECK(!back.theme);
    CHECK(back.text_zoom == doctest::Approx(1.5f));  // kept: only the theme was wrong
    CHECK(problem.find("\"theme\" is \"blue\"") != std::string::npos);

    std::ofstream(file) << R"({"theme": "system", "text_zoom": 9})";
    back = load_view_settings(file, &problem);
    CHECK(!back.theme);
    CHECK(back.text_zoom == 1.0f);
    CHECK(problem.find("\"text_zoom\" is 9") != std::string::npos);
    CHECK(problem.find("\"theme\"") == std::string::npos);  // "system" is a choice, not a mistake

    std::ofstream(file) << "{not json";
    back = load_view_settings(file, &problem);
    CHECK(back.text_zoom == 1.0f);
    CHECK(problem.find("settings.json is not a JSON object") != std::string::npos);
}

TEST_CASE("the theme in force: the learner's choice, else the desktop's, else light") {
    ViewSettings s;
    CHECK(resolve_theme(s, std::nullopt) == Theme::Light);
    CHECK(resolve_theme(s, Theme::Dark) == Theme::Dark);
    s.theme = Theme::Light;
    CHECK(resolve_theme(s, Theme::Dark) == Theme::Light);
    // What GNOME and GTK say.
    CHECK(theme_from_color_scheme("prefer-dark") == Theme::Dark);
    CHECK(theme_from_color_scheme("prefer-light") == Theme::Light);
    CHECK(!theme_from_color_scheme("default"));
    CHECK(theme_from_gtk_theme_name("Adwaita-dark") == Theme::Dark);
    CHECK(theme_from_gtk_theme_name("Yaru-Dark") == Theme::Dark);
    CHECK(!theme_from_gtk_theme_name("Adwaita"));
    CHECK(theme_from_gtk_theme_env("Adwaita:dark") == Theme::Dark);
    CHECK(theme_from_gtk_theme_env("Adwaita:light") == Theme::Light);
    CHECK(!theme_from_gtk_theme_env(nullptr));
}

TEST_CASE("both palettes are readable: text, secondary text, links and buttons meet WCAG AA on their backgrounds") {
    ThemeGuard guard;
    for (Theme t : {Theme::Light, Theme::Dark}) {
        use_theme(t);
        const Palette& p = palette();
        INFO("theme " << theme_name(t));
        CHECK(contrast(p.text, p.page) >= 7.0);
        CHECK(contrast(p.heading, p.page) >= 7.0);
        CHECK(contrast(p.text, p.surface) >= 7.0);
        CHECK(contrast(p.muted, p.page) >= 4.5);
        CHECK(contrast(p.muted, p.sidebar) >= 4.5);
        CHECK(contrast(p.link, p.page) >= 4.5);
        CHECK(contrast(p.accent, p.page) >= 4.5);
        CHECK(contrast(p.on_accent, p.accent) >= 4.5);
        CHECK(contrast(p.error, p.page) >= 4.5);
        CHECK(contrast(p.text, p.selection) >= 4.5);
        CHECK(contrast(p.text, p.accent_soft) >= 4.5);
        for (CalloutKind k : {CalloutKind::Note, CalloutKind::Tip, CalloutKind::Important, CalloutKind::Warning,
                              CalloutKind::Caution, CalloutKind::Mistake, CalloutKind::Insight, CalloutKind::Stat}) {
            const CalloutColors c = callout_colors(k);
            CHECK(contrast(p.text, c.background) >= 7.0);
            CHECK(contrast(c.accent, c.background) >= 3.0);  // titles and icons: large or bold text
        }
        for (const char* chip : {"green", "yellow", "red", "blue", "grey"}) {
            const ChipColors c = chip_colors(chip);
            INFO("chip " << chip);
            CHECK(contrast(c.ink, c.background) >= 4.5);
        }
    }
    use_theme(Theme::Light);
    const ImU32 light_page = palette().page;
    use_theme(Theme::Dark);
    CHECK(palette().page != light_page);
    CHECK(luminance(palette().page) < 0.05);
}

TEST_CASE("Display: choosing Dark redraws the whole app dark at once, and the choice is reported once for saving") {
    ThemeGuard guard;
    ReaderFixture f(kMiniCourse, 2);
    f.start("mini-one");
    CHECK(current_theme() == Theme::Light);
    f.click("display");
    f.click("display-theme-dark");
    CHECK(current_theme() == Theme::Dark);
    REQUIRE(f.app->view_settings().theme == Theme::Dark);
    CHECK(f.app->take_view_settings_change());
    CHECK_FALSE(f.app->take_view_settings_change());
    // The page, laid out before the switch, is laid out again in the dark palette: its body text is drawn in the
    // dark theme's text colour, and nothing in the light one.
    ImDrawData* d = f.gui.frame(f.body);
    CHECK(draw_data_has_colour(d, Palette{palette()}.text));
    use_theme(Theme::Light);
    const ImU32 light_text = palette().text;
    use_theme(Theme::Dark);
    CHECK_FALSE(draw_data_has_colour(d, light_text));
    CHECK(ImGui::GetStyle().Colors[ImGuiCol_WindowBg].x < 0.2f);

    // "Follow the desktop" with a desktop that prefers light.
    f.app->set_view_settings(f.app->view_settings(), Theme::Light);
    CHECK(ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId));
    f.gui.key(ImGuiKey_Escape, f.body);  // closes the popup, as in any desktop app
    CHECK_FALSE(ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId));
    ui::probe::clear();
    f.frames(1);
    f.click("display");
    f.click("display-theme-system");
    CHECK(!f.app->view_settings().theme);
    CHECK(current_theme() == Theme::Light);
}

TEST_CASE("Display: A+ and A- step the text size and Reset goes back to 100%") {
    ReaderFixture f(kMiniCourse, 2);
    f.start("mini-one");
    f.click("display");
    f.click("display-larger");
    CHECK(f.app->view_settings().text_zoom == doctest::Approx(1.1f));
    f.click("display-larger");
    CHECK(f.app->view_settings().text_zoom == doctest::Approx(1.25f));
    f.click("display-smaller");
    CHECK(f.app->view_settings().text_zoom == doctest::Approx(1.1f));
    f.click("display-reset");
    CHECK(f.app->view_settings().text_zoom == doctest::Approx(1.0f));
    CHECK(f.app->take_view_settings_change());
}

TEST_CASE("Ctrl+wheel zooms the text and does not scroll the page") {
    ReaderFixture f(GROUNDWORK_SHIPPED_CONTENT, 2);
    f.start("qbr");
    f.frames(3);
    const float scroll = f.app->page_state().scroll;
    ImGuiIO& io = ImGui::GetIO();
    f.gui.mouse_move(ImVec2(700, 400));
    f.frames(1);
    io.KeyCtrl = true;
    io.KeysDown[341] = true;  // GLFW_KEY_LEFT_CONTROL, as the backend holds it
    io.MouseWheel = -1.0f;  // down: smaller, as in a browser
    f.frames(1);
    io.MouseWheel = 0;
    f.frames(2);
    CHECK(f.app->view_settings().text_zoom == doctest::Approx(0.9f));
    CHECK(f.app->page_state().scroll == scroll);
    io.KeyCtrl = false;
    io.KeysDown[341] = false;
    io.MouseWheel = -1.0f;  // without Ctrl: a scroll
    f.frames(1);
    io.MouseWheel = 0;
    f.frames(2);
    CHECK(f.app->view_settings().text_zoom == doctest::Approx(0.9f));
    CHECK(f.app->page_state().scroll > scroll);
}

TEST_CASE("a new text size rebuilds the reading faces at that size, at the same addresses, and pages lay out again") {
    HeadlessImGui gui(ImVec2(1000, 700), /*rebuild_fonts=*/true);
    Fonts& fonts = const_cast<Fonts&>(gui.fonts());
    ImFont* body = fonts.body.regular;
    ImFont* ui_face = fonts.ui.regular;
    const float body_px = body->FontSize, ui_px = ui_face->FontSize;
    const unsigned generation = font_generation();
    gui.font_rebuilder()->set_sizes(1.0f, 1.5f);
    REQUIRE(gui.font_rebuilder()->wait_idle(20000));
    gui.frame([] {});  // the swap, between frames
    CHECK(fonts.body.regular == body);
    CHECK(body->FontSize == doctest::Approx(body_px * 1.5f));
    CHECK(fonts.title->FontSize == doctest::Approx(31 * 1.5f));
    CHECK(ui_face->FontSize == doctest::Approx(ui_px));  // the sidebar and buttons keep their size
    CHECK(fonts.reading_zoom == doctest::Approx(1.5f));
    CHECK(font_generation() != generation);
    // A glyph rebuild later keeps the zoom.
    gui.type("\xD0\x96", [] {});  // Ж
    REQUIRE(gui.font_rebuilder()->wait_idle(20000));
    gui.frame([] {});
    CHECK(body->FontSize == doctest::Approx(body_px * 1.5f));
    CHECK(body->FindGlyphNoFallback(0x0416) != nullptr);
}

TEST_CASE("the reading column widens with the text size, within the window") {
    CHECK(reading_column_width(2000, 17) == doctest::Approx(760));
    CHECK(reading_column_width(2000, 17 * 1.5f) == doctest::Approx(1140));
    CHECK(reading_column_width(900, 17 * 1.5f) == doctest::Approx(804));  // the window's margins win
    CHECK(reading_column_width(200, 17) == doctest::Approx(280));
}

TEST_CASE("Escape closes an open list or popup: a field's choices, the currency list, the Display menu") {
    ReaderFixture f(kMiniCourse, 2);
    f.start("mini-one");
    f.click("accounts");
    f.click("currency");
    REQUIRE(ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId));
    f.gui.key(ImGuiKey_Escape, f.body);
    CHECK_FALSE(ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId));
    CHECK(f.app->view_settings().text_zoom == 1.0f);
}

TEST_CASE("HiDPI: faces rasterised at twice the density measure as at 1x in logical px, from a sharper bitmap") {
    ImFontAtlas one, two;
    Fonts f1 = load_fonts(&one, GROUNDWORK_FONT_DIR, 1.0f, nullptr);
    Fonts f2 = load_fonts(&two, GROUNDWORK_FONT_DIR, 2.0f, nullptr);
    rasterise_atlas(one, 1.0f);
    rasterise_atlas(two, 2.0f);
    CHECK(f2.scale == 2.0f);
    CHECK(f2.body.regular->FontSize == doctest::Approx(17.0f));
    CHECK(f2.ui.regular->FontSize == doctest::Approx(15.0f));
    const char* text = "The Quarterly Business Review";
    const float w1 = f1.body.regular->CalcTextSizeA(17, 1e9f, 0, text).x;
    const float w2 = f2.body.regular->CalcTextSizeA(17, 1e9f, 0, text).x;
    CHECK(w2 == doctest::Approx(w1).epsilon(0.03));  // hinting differs a little between sizes
    CHECK(two.TexHeight * two.TexWidth > 3 * one.TexHeight * one.TexWidth);  // four times the texels, about
    const ImFontGlyph* g = f2.body.regular->FindGlyph('M');
    REQUIRE(g);
    CHECK((g->X1 - g->X0) == doctest::Approx((g->U1 - g->U0) * two.TexWidth / 2.0f).epsilon(0.01));
}

TEST_CASE("Escape that closes the lesson's right-click menu leaves the selection; a second Escape clears it") {
    ReaderFixture f(GROUNDWORK_SHIPPED_CONTENT, 2);
    f.start("qbr");
    f.gui.key_code('A', f.body, /*ctrl=*/true);  // the page's text, selected
    f.frames(1);
    REQUIRE_FALSE(f.app->page_state().body.selection().empty());
    ImGuiIO& io = ImGui::GetIO();
    f.gui.mouse_move(ImVec2(700, 320));  // over the lesson's text
    f.frames(1);
    io.MouseDown[1] = true;
    f.frames(1);
    io.MouseDown[1] = false;
    f.frames(2);
    REQUIRE(ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId));
    f.gui.key(ImGuiKey_Escape, f.body);
    CHECK_FALSE(ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId));
    CHECK_FALSE(f.app->page_state().body.selection().empty());  // that Escape was the menu's
    f.gui.key(ImGuiKey_Escape, f.body);
    CHECK(f.app->page_state().body.selection().empty());
}

TEST_CASE("the desktop's preference goes through groundwork-desktop.so: it loads, answers, and GTK_THEME still counts") {
    std::string error;
    const auto* desktop = gw::optional_module<DesktopModule>("desktop", &error);
    REQUIRE_MESSAGE(desktop, error);
    REQUIRE((desktop->portal_color_scheme && desktop->gnome_interface));
    std::string color_scheme = "x", gtk_theme = "x";
    // Whether GNOME's schema is installed depends on the machine; either way the call returns, and fills both
    // keys (possibly "") when the schema is there.
    if (desktop->gnome_interface(&color_scheme, &gtk_theme)) CHECK(color_scheme != "x");

    // No session bus: the portal is not asked; a GNOME schema left at its defaults has no preference, so
    // GTK_THEME decides (as before the module).
    const char* bus = std::getenv("DBUS_SESSION_BUS_ADDRESS");
    const std::string saved_bus = bus ? bus : "";
    unsetenv("DBUS_SESSION_BUS_ADDRESS");
    setenv("GTK_THEME", "Adwaita:dark", 1);
    if (!desktop->gnome_interface(&color_scheme, &gtk_theme) ||
        (!theme_from_color_scheme(color_scheme.c_str()) && !theme_from_gtk_theme_name(gtk_theme.c_str()))) {
        CHECK(desktop_theme_preference() == Theme::Dark);
    }
    unsetenv("GTK_THEME");
    if (bus) setenv("DBUS_SESSION_BUS_ADDRESS", saved_bus.c_str(), 1);
}
