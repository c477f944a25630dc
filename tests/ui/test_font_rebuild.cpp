// Issue 8, "every letter drawn": characters a learner types or pastes that the atlas lacks are added by a rebuild
// off the UI thread, swapped in between frames without any ImFont* going stale; labels are upper-cased in every
// script and their face holds the capitals.
#include <doctest/doctest.h>

#include <imgui.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "runtime/text/glyph_coverage.h"
#include "ui/editor/prose_editor.h"
#include "ui/font_rebuild.h"
#include "ui/fonts.h"
#include "ui/headless.h"
#include "ui/text_style.h"

using namespace gw;
using namespace gw::ui;

namespace {

std::vector<ImFont*> all_faces(const Fonts& f) {
    return {f.title, f.heading, f.subheading, f.label, f.lead, f.quote, f.small,
            f.body.regular, f.body.bold, f.body.italic, f.body.bold_italic, f.body.mono,
            f.ui.regular, f.ui.bold, f.ui.italic, f.ui.bold_italic, f.ui.mono};
}

// A frame with a reflection editor in the body face, as the reflection panel draws it.
struct EditorPage {
    HeadlessImGui& gui;
    std::string text;
    ProseEditorState state;
    std::function<void()> body = [this] {
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
        ImGui::Begin("page", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings);
        ProseEditorStyle style;
        style.font = gui.fonts().body.regular;
        style.footer_font = gui.fonts().small;
        ProseEditor("##reflection", text, state, style);
        ProseEditorFooter(state, "Saved just now", style);
        // Every face draws the text too, so a face the swap left dangling would be read this frame.
        for (ImFont* f : all_faces(gui.fonts())) {
            ImGui::PushFont(f);
            ImGui::TextUnformatted(text.c_str());
            ImGui::PopFont();
        }
        ImGui::End();
    };
    explicit EditorPage(HeadlessImGui& g) : gui(g) {}
};

}  // namespace

TEST_CASE("upper() capitalises every script through Unicode's case mapping") {
    CHECK(upper("\xC5\x82\xC3\xB3\x64\xC5\xBA") == "\xC5\x81\xC3\x93\x44\xC5\xB9");  // łódź -> ŁÓDŹ
    CHECK(upper("\xD0\xBA\xD0\xB0\xD1\x82\xD0\xB5\xD0\xB3\xD0\xBE\xD1\x80\xD0\xB8\xD1\x8F") ==
          "\xD0\x9A\xD0\x90\xD0\xA2\xD0\x95\xD0\x93\xD0\x9E\xD0\xA0\xD0\x98\xD0\xAF");  // категория -> КАТЕГОРИЯ
    CHECK(upper("\xCE\xB1\xCE\xBB\xCF\x86\xCE\xB1") == "\xCE\x91\xCE\x9B\xCE\xA6\xCE\x91");  // αλφα -> ΑΛΦΑ
    CHECK(upper("stra\xC3\x9F" "e") == "STRASSE");  // ß has no one-letter capital: SpecialCasing gives SS
    CHECK(upper("Pause & Reflect  \xC2\xB7  3") == "PAUSE & REFLECT  \xC2\xB7  3");
    CHECK(upper("\xE4\xB8\xAD" "a") == "\xE4\xB8\xAD" "A");  // no case: unchanged
    CHECK(upper("a\xFF" "b") == "A\xFF" "B");  // not UTF-8: the byte is kept
    CHECK(upper("") == "");
}

TEST_CASE("the label face holds the capitals of the letters the text uses") {
    std::vector<char32_t> used;
    collect_code_points("\xC5\x82\xC3\xB3\x64\xC5\xBA \xD0\xBA\xD0\xB0\xD1\x82", used);  // łódź кат
    ImFontAtlas atlas;
    Fonts f = load_fonts(&atlas, GROUNDWORK_FONT_DIR, 1.0f, nullptr, used);
    REQUIRE(f.loaded_from_files);
    unsigned char* pixels;
    int w, h;
    atlas.GetTexDataAsAlpha8(&pixels, &w, &h);
    for (ImWchar c : {0x0141, 0x00D3, 0x0179, 0x041A, 0x0410, 0x0422})  // Ł Ó Ź К А Т
        CHECK(f.label->FindGlyphNoFallback(c) != nullptr);
    CHECK(f.title->FindGlyphNoFallback(0x0141) == nullptr);  // other display faces only what is used
}

TEST_CASE("typing a character the atlas lacks rebuilds it off the UI thread; every face then draws it") {
    HeadlessImGui gui(ImVec2(1000, 700), /*rebuild_fonts=*/true);
    FontRebuilder* rebuilder = gui.font_rebuilder();
    REQUIRE(rebuilder != nullptr);
    EditorPage page(gui);
    page.state.focused = true;
    gui.frame(page.body);
    gui.frame(page.body);

    const std::vector<ImFont*> before = all_faces(gui.fonts());
    for (ImFont* f : before) {
        REQUIRE(f->FindGlyphNoFallback(0x0416) == nullptr);  // Ж: no text used it yet
        REQUIRE(f->FindGlyphNoFallback(0x4E2D) == nullptr);  // 中
    }
    ImFontAtlas* old_atlas = ImGui::GetIO().Fonts;

    gui.type("\xD0\x96\xE4\xB8\xAD", page.body);  // Ж中
    CHECK(page.text == "\xD0\x96\xE4\xB8\xAD");  // typing never waits for the atlas
    REQUIRE(rebuilder->wait_idle(20000));
    CHECK(rebuilder->builds() == 1);
    gui.frame(page.body);  // the swap, between frames
    gui.frame(page.body);

    // The same faces, at the same addresses, now in the new atlas and holding the new glyphs.
    const std::vector<ImFont*> after = all_faces(gui.fonts());
    CHECK(after == before);
    ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    CHECK(atlas != old_atlas);
    const std::set<ImFont*> in_atlas(atlas->Fonts.begin(), atlas->Fonts.end());
    for (ImFont* f : after) {
        INFO("a face of " << f->FontSize << " px");
        CHECK(in_atlas.count(f) == 1);
        CHECK(f->ContainerAtlas == atlas);
        CHECK(f->FindGlyphNoFallback(0x0416) != nullptr);
        CHECK(f->FindGlyphNoFallback(0x4E2D) != nullptr);
        CHECK(f->FindGlyphNoFallback(0x0410) != nullptr);  // А: the rest of the Cyrillic block came along
        CHECK(f->FindGlyphNoFallback(U'a') != nullptr);
    }
    CHECK(gui.fonts().cjk_fallback);

    // A character the atlas holds costs no rebuild.
    gui.type("a\xD0\x96", page.body);
    CHECK(rebuilder->idle());
    CHECK(rebuilder->builds() == 1);
}

TEST_CASE("pasted text that the atlas lacks is added too, through the clipboard") {
    HeadlessImGui gui(ImVec2(800, 600), /*rebuild_fonts=*/true);
    ImGui::SetClipboardText("\xCE\xA9\xCE\xBC\xCE\xAD\xCE\xB3\xCE\xB1");  // Ωμέγα
    gui.frame([] { (void)ImGui::GetClipboardText(); });  // what every editor's Ctrl+V does
    REQUIRE(gui.font_rebuilder()->wait_idle(20000));
    gui.frame([] {});
    for (ImFont* f : all_faces(gui.fonts())) CHECK(f->FindGlyphNoFallback(0x03A9) != nullptr);
    CHECK(std::string(ImGui::GetClipboardText()) == "\xCE\xA9\xCE\xBC\xCE\xAD\xCE\xB3\xCE\xB1");  // passed on as it was
}

TEST_CASE("transplant_glyphs refuses atlases with other faces and leaves both as they were") {
    ImFontAtlas a, b;
    Fonts fa = load_fonts(&a, GROUNDWORK_FONT_DIR, 1.0f, nullptr);
    b.AddFontDefault();
    unsigned char* pixels;
    int w, h;
    a.GetTexDataAsAlpha8(&pixels, &w, &h);
    b.GetTexDataAsAlpha8(&pixels, &w, &h);
    CHECK_FALSE(transplant_glyphs(a, b));
    CHECK(fa.ui.regular->ContainerAtlas == &a);
    CHECK(b.Fonts[0]->ContainerAtlas == &b);
}
