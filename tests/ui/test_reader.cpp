// Headless: the reader renders every page of the shipped course and of the fixture, and responds to input.
#include <cctype>
#include <cstring>
#include <doctest/doctest.h>

#include <imgui.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "runtime/course/course_loader.h"
#include "ui/markdown/block_layout.h"
#include "ui/markdown/document_view.h"
#include "ui/headless.h"
#include "ui/reader_app.h"
#include "ui/theme.h"

using namespace gw;
using namespace gw::ui;

namespace {

const std::string kMini = std::string(GROUNDWORK_TEST_DATA) + "/mini-course";

AppOptions options_for(const std::string& dir, const std::string& start = "") {
    AppOptions o;
    o.content_dir = dir;
    o.start_item = start;
    return o;
}

// Every word of a block's text must be drawn by its layout: nothing is lost to wrapping or styling.
void check_layout_keeps_every_word(const Block& b, const Fonts& fonts, float width) {
    LaidOutBlock l = layout_block(b, fonts, width);
    std::string drawn;
    for (const Prim& p : l.prims)
        if (p.type == Prim::Text) drawn.append(p.begin, p.end).push_back(' ');
    // Box titles are drawn in capitals, so compare without case.
    auto lower = [](std::string s) {
        for (char& ch : s) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        return s;
    };
    drawn = lower(drawn);
    std::istringstream words(lower(plain_text(b)));
    std::string w;
    while (words >> w) {
        if (w.rfind("[!", 0) == 0) continue;
        // Punctuation after a bold or linked word is its own run of text: compare the word itself.
        while (!w.empty() && std::strchr(",.:;!?)", w.back())) w.pop_back();
        while (!w.empty() && std::strchr("(", w.front())) w.erase(0, 1);
        if (w.empty()) continue;
        INFO("block at line " << b.line << ": word '" << w << "'");
        CHECK(drawn.find(w) != std::string::npos);
    }
    for (const Prim& p : l.prims) {
        if (p.type != Prim::Text) continue;
        float right = p.a.x + p.font->CalcTextSizeA(p.font->FontSize, 1e9f, 0, p.begin, p.end).x;
        bool single_word = std::string(p.begin, p.end).find(' ') == std::string::npos;
        if (!single_word) CHECK(right <= width + 0.5f);
    }
}

}  // namespace

TEST_CASE("layout draws every word of every block of the shipped course, within the column") {
    HeadlessImGui gui;
    Course c = load_course(GROUNDWORK_SHIPPED_CONTENT);
    REQUIRE(c.chapters.size() == 1);
    for (float width : {760.0f, 420.0f}) {
        for (const auto& m : c.chapters[0].modules)
            for (const auto& b : m.blocks) check_layout_keeps_every_word(b, gui.fonts(), width);
        for (const auto& h : c.chapters[0].homework)
            for (const auto& b : h.blocks) check_layout_keeps_every_word(b, gui.fonts(), width);
    }
}

TEST_CASE("every page of the shipped course renders, and scrolling through it draws every block") {
    HeadlessImGui gui;
    ReaderApp app(options_for(GROUNDWORK_SHIPPED_CONTENT), gui.fonts());
    app.load_content();
    auto body = [&] { app.frame(); };
    auto order = page_order(app.course());
    REQUIRE(order.size() == 14);  // overview, 10 modules, 3 homework
    for (const auto& id : order) {
        REQUIRE(app.navigator().go(id));
        gui.frame(body);
        ImDrawData* d = gui.frame(body);
        CHECK(d->TotalVtxCount > 1000);
        const CourseItem* item = app.course().find_item(id);
        if (!item) continue;
        // Walk down the page one screen at a time; every block must be drawn on some screen.
        std::size_t blocks = item->blocks.size();
        int drawn_total = 0, skipped_somewhere = 0;
        for (int screen = 0; screen < 40; ++screen) {
            gui.key(ImGuiKey_PageDown, body);
            drawn_total += app.page_state().body.stats().blocks_drawn;
            skipped_somewhere += app.page_state().body.stats().blocks_skipped > 0;
        }
        CHECK(drawn_total >= int(blocks));
        if (blocks > 20) CHECK(skipped_somewhere > 0);  // long pages skip off-screen blocks
    }
}

TEST_CASE("callout boxes are drawn in their own colours") {
    HeadlessImGui gui;
    ReaderApp app(options_for(kMini, "mini-one"), gui.fonts());
    app.load_content();
    ImDrawData* d = nullptr;
    for (int i = 0; i < 3; ++i) d = gui.frame([&] { app.frame(); });
    CHECK(draw_data_has_colour(d, callout_colors(CalloutKind::Stat).background));
    CHECK(draw_data_has_colour(d, callout_colors(CalloutKind::Mistake).background));
    CHECK_FALSE(draw_data_has_colour(d, palette().error_bg));  // no error box on a clean module
}

TEST_CASE("arrow keys move between pages; Alt+Home and Alt+End jump to the ends") {
    HeadlessImGui gui;
    ReaderApp app(options_for(kMini, "mini-one"), gui.fonts());
    app.load_content();
    auto body = [&] { app.frame(); };
    gui.frame(body);
    gui.key(ImGuiKey_RightArrow, body);
    CHECK(app.navigator().current() == "mini-two");
    gui.key(ImGuiKey_LeftArrow, body, false, false, true);
    CHECK(app.navigator().current() == "mini-one");
    gui.key(ImGuiKey_End, body, false, false, true);
    CHECK(app.navigator().current() == "mini-hw");
    gui.key(ImGuiKey_Home, body, false, false, true);
    CHECK(app.navigator().current() == "ch1");
}

TEST_CASE("clicking down the sidebar opens every module and the homework") {
    HeadlessImGui gui;
    ReaderApp app(options_for(kMini), gui.fonts());
    app.load_content();
    auto body = [&] { app.frame(); };
    gui.frame(body);
    std::set<std::string> visited;
    for (float y = 20; y < 600; y += 12) {
        gui.click(ImVec2(150, y), body);
        visited.insert(app.navigator().current());
    }
    CHECK(visited == std::set<std::string>{"ch1", "mini-one", "mini-two", "mini-three", "mini-hw"});
}

TEST_CASE("a broken module shows its errors in place and the rest of the course still works") {
    HeadlessImGui gui;
    std::string dir = std::filesystem::temp_directory_path() / "gw-broken-ui";
    std::filesystem::remove_all(dir);
    std::filesystem::copy(kMini, dir, std::filesystem::copy_options::recursive);
    { std::ofstream(dir + "/ch1/m2.md") << "---\nid: mini-two\ntitle: [broken\n---\n"; }
    ReaderApp app(options_for(dir, "mini-two"), gui.fonts());
    app.load_content();
    auto body = [&] { app.frame(); };
    ImDrawData* d = nullptr;
    for (int i = 0; i < 3; ++i) d = gui.frame(body);
    CHECK(app.navigator().current() == "mini-two");
    CHECK(draw_data_has_colour(d, palette().error_bg));
    gui.key(ImGuiKey_RightArrow, body);
    for (int i = 0; i < 2; ++i) d = gui.frame(body);
    CHECK(app.navigator().current() == "mini-three");
    CHECK_FALSE(draw_data_has_colour(d, palette().error_bg));
    std::filesystem::remove_all(dir);
}
