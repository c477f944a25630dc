// Issue 8, "text that fits and every letter drawn": words, URLs and code wider than their column break between
// characters and stay inside their column, box or cell; every face draws the characters the text uses.
#include <doctest/doctest.h>

#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <ios>
#include <string>
#include <vector>

#include "runtime/text/glyph_coverage.h"
#include "runtime/markdown/markdown_parser.h"
#include "ui/markdown/block_layout.h"
#include "ui/fonts.h"
#include "ui/headless.h"

using namespace gw;
using namespace gw::ui;

namespace {

// 150 characters, no space to break at.
const std::string kUrl = "https://crm.example.com/accounts/northwind-traders/opportunities/" + std::string(85, 'q');
// 78 letters, with two-byte letters a careless break would split.
const std::string kCompound =
    "Donaudampfschiffahrts\xC3\xBC" "berwachungsh\xC3\xA4" "fenbetriebsgesellschaftsabteilungsleiterin";
const std::string kCodeSpan = "account_plan.expansion_opportunities.revenue_forecast.success_metrics()";

std::string paragraph() { return "See " + kUrl + " for the " + kCompound + " and `" + kCodeSpan + "` too."; }

std::vector<Block> parse(const std::string& md) {
    std::vector<Diagnostic> diags;
    return parse_markdown(md, 1, "ch/a.md", diags);
}

float width_of(const Prim& p) { return p.font->CalcTextSizeA(p.font->FontSize, FLT_MAX, 0.0f, p.begin, p.end).x; }

bool is_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// Every text primitive starts and ends on a code point boundary and lies within [left, right].
void check_inside(const LaidOutBlock& l, float left, float right, const char* what, float width) {
    for (const Prim& p : l.prims) {
        if (p.type != Prim::Text || p.begin == p.end) continue;
        INFO(what << " at " << width << " px: '" << std::string(p.begin, p.end) << "'");
        CHECK_FALSE(is_continuation(*p.begin));
        CHECK_FALSE(is_continuation(*p.end));  // the byte after a run: the next character's first (or NUL)
        CHECK(p.a.x >= left - 0.5f);
        CHECK(p.a.x + width_of(p) <= right + 0.5f);
    }
}

// The characters drawn, spaces left out: what was written must all be there.
std::string drawn_letters(const LaidOutBlock& l) {
    std::string s;
    for (const Prim& p : l.prims)
        if (p.type == Prim::Text) s.append(p.begin, p.end);
    s.erase(std::remove(s.begin(), s.end(), ' '), s.end());
    return s;
}

std::string without_spaces(std::string s) {
    s.erase(std::remove(s.begin(), s.end(), ' '), s.end());
    return s;
}

}  // namespace

TEST_CASE("a long URL, a long compound word and a long code span stay inside a paragraph and a list item") {
    HeadlessImGui ui;
    for (float width : {200.0f, 700.0f}) {
        auto blocks = parse(paragraph() + "\n\n- " + paragraph() + "\n");
        REQUIRE(blocks.size() == 2);
        LaidOutBlock p = layout_block(blocks[0], ui.fonts(), width);
        check_inside(p, 0, width, "paragraph", width);
        CHECK(drawn_letters(p) == without_spaces("See " + kUrl + " for the " + kCompound + " and " + kCodeSpan +
                                                 " too."));
        LaidOutBlock li = layout_block(blocks[1], ui.fonts(), width);
        check_inside(li, 0, width, "list item", width);
    }
}

TEST_CASE("a long word in a callout's title and body stays inside its box") {
    HeadlessImGui ui;
    for (float width : {200.0f, 700.0f}) {
        auto blocks = parse("> [!NOTE] " + kCompound + "\n> " + paragraph() + "\n");
        REQUIRE(blocks.size() == 1);
        LaidOutBlock c = layout_block(blocks[0], ui.fonts(), width);
        REQUIRE(!c.prims.empty());
        REQUIRE(c.prims[0].type == Prim::RectFilled);  // the box
        const ImVec2 box_min = c.prims[0].a, box_max = c.prims[0].b;
        check_inside(c, box_min.x, box_max.x, "callout", width);
        for (const Prim& p : c.prims)
            if (p.type == Prim::Text) CHECK(p.a.y + p.font->FontSize <= box_max.y + 0.5f);
    }
}

TEST_CASE("a long URL and code span in table cells stay inside their columns") {
    HeadlessImGui ui;
    for (float width : {200.0f, 700.0f}) {
        auto blocks = parse("| Link | " + kCompound + " |\n| --- | --: |\n| " + kUrl + " | `" + kCodeSpan + "` |\n");
        REQUIRE(blocks.size() == 1);
        REQUIRE(blocks[0].kind == BlockKind::Table);
        LaidOutBlock t = layout_block(blocks[0], ui.fonts(), width);
        // Column edges: the table's frame and the vertical rules between columns.
        std::vector<float> edges;
        float table_right = 0;
        for (const Prim& p : t.prims) {
            if (p.type == Prim::Line && p.a.x == p.b.x) edges.push_back(p.a.x);
            if (p.type == Prim::Rect) table_right = p.b.x;
        }
        REQUIRE(table_right > 0);
        CHECK(table_right <= width + 0.5f);
        edges.push_back(0);
        edges.push_back(table_right);
        std::sort(edges.begin(), edges.end());
        edges.erase(std::unique(edges.begin(), edges.end()), edges.end());
        REQUIRE(edges.size() == 3);
        for (const Prim& p : t.prims) {
            if (p.type != Prim::Text || p.begin == p.end) continue;
            const std::size_t col = p.a.x < edges[1] ? 0 : 1;
            INFO("cell text at " << width << " px: '" << std::string(p.begin, p.end) << "'");
            CHECK(p.a.x >= edges[col] - 0.5f);
            CHECK(p.a.x + width_of(p) <= edges[col + 1] + 0.5f);
            CHECK_FALSE(is_continuation(*p.begin));
        }
    }
}

TEST_CASE("a code block line wider than its box wraps between characters inside the box") {
    HeadlessImGui ui;
    for (float width : {200.0f, 700.0f}) {
        const std::string line = "let url = \"" + kUrl + "\"; // " + kCompound;
        auto blocks = parse("```\n" + line + "\n\nshort\n```\n");
        REQUIRE(blocks.size() == 1);
        LaidOutBlock c = layout_block(blocks[0], ui.fonts(), width);
        REQUIRE(c.prims[0].type == Prim::RectFilled);
        check_inside(c, c.prims[0].a.x, c.prims[0].b.x, "code block", width);
        std::string drawn;
        for (const Prim& p : c.prims)
            if (p.type == Prim::Text) drawn.append(p.begin, p.end);
        CHECK(drawn == line + "short");  // nothing lost; the blank line is an empty run
    }
}

TEST_CASE("a long heading wraps inside the column") {
    HeadlessImGui ui;
    auto blocks = parse("# " + kCompound + "\n");
    LaidOutBlock h = layout_block(blocks[0], ui.fonts(), 200);
    check_inside(h, 0, 200, "heading", 200);
}

namespace {

// Every face, in the order load_fonts adds them.
std::vector<const ImFont*> all_faces(const Fonts& f) {
    return {f.title, f.heading, f.subheading, f.label, f.lead, f.quote, f.small,
            f.body.regular, f.body.bold, f.body.italic, f.body.bold_italic, f.body.mono,
            f.ui.regular, f.ui.bold, f.ui.italic, f.ui.bold_italic, f.ui.mono};
}

}  // namespace

TEST_CASE("a face holds a letter beyond Latin-1 only when the text uses it; text faces keep Latin-1 for typing") {
    ImFontAtlas plain, with_polish;
    Fonts f = load_fonts(&plain, GROUNDWORK_FONT_DIR, 1.0f, nullptr, {});
    REQUIRE(f.loaded_from_files);
    std::vector<char32_t> used;
    collect_code_points("\xC5\x81\xC3\xB3\x64\xC5\xBA", used);  // Łódź
    Fonts g = load_fonts(&with_polish, GROUNDWORK_FONT_DIR, 1.0f, nullptr, used);
    unsigned char* pixels;
    int w, h;
    plain.GetTexDataAsAlpha8(&pixels, &w, &h);  // glyphs exist once the atlas is built
    with_polish.GetTexDataAsAlpha8(&pixels, &w, &h);
    for (const ImFont* face : all_faces(f)) {
        INFO("a face of " << face->FontSize << " px");
        CHECK(face->FindGlyphNoFallback(0x0141) == nullptr);  // Ł: no course or learner text uses it
        CHECK(face->FindGlyphNoFallback(0x017A) == nullptr);  // ź
        for (ImWchar c = 0x20; c < 0x7F; ++c) CHECK(face->FindGlyphNoFallback(c) != nullptr);
        // The marks and symbols the views draw, whatever the text.
        for (ImWchar c : {0x00B7, 0x00D7, 0x2014, 0x2026, 0x2192, 0x25C6, 0x26A0, 0x2713})
            CHECK(face->FindGlyphNoFallback(c) != nullptr);
    }
    for (const ImFont* face : all_faces(g)) {
        INFO("a face of " << face->FontSize << " px");
        CHECK(face->FindGlyphNoFallback(0x0141) != nullptr);
        CHECK(face->FindGlyphNoFallback(0x017A) != nullptr);
        CHECK(face->FindGlyphNoFallback(0x00F3) != nullptr);  // ó
    }
    // The learner types letters the course never used: the faces that show typing keep Latin-1; display faces
    // (titles, headings, labels, leads, quotes) do not.
    for (const ImFont* face : {f.body.regular, f.body.italic, f.ui.regular, f.ui.bold, f.small})
        for (ImWchar c : {0x00E9, 0x00DF, 0x00C5, 0x00FF}) CHECK(face->FindGlyphNoFallback(c) != nullptr);
    for (const ImFont* face : {f.title, f.heading, f.subheading, f.label, f.lead, f.quote})
        CHECK(face->FindGlyphNoFallback(0x00E9) == nullptr);
}

TEST_CASE("the shipped course's atlas holds what it uses in every face and fits in 1024x1024") {
    std::vector<char32_t> used;
    collect_course_code_points(GROUNDWORK_SHIPPED_CONTENT, used);
    REQUIRE(!used.empty());
    ImFontAtlas atlas;
    Fonts f = load_fonts(&atlas, GROUNDWORK_FONT_DIR, 1.0f, nullptr, used);
    REQUIRE(f.loaded_from_files);
    unsigned char* pixels;
    int w, h;
    atlas.GetTexDataAsAlpha8(&pixels, &w, &h);
    CHECK(w <= 1024);
    CHECK(h <= 1024);  // issue 8's memory budget: a 2048x1024 atlas costs ~6 MB of peak memory
    for (const ImFont* face : all_faces(f))
        for (char32_t cp : used) {
            INFO("U+" << std::hex << unsigned(cp) << " in a face of " << face->FontSize << " px");
            CHECK(face->FindGlyphNoFallback(ImWchar(cp)) != nullptr);
        }
}

TEST_CASE("the atlas holds the code points the text uses, in every face, CJK from the fallback only when used") {
    const std::string text = "\xC5\x81\xC3\xB3\x64\xC5\xBA \xCE\x95\xCE\xBB\xCE\xBB\xCE\xAC\xCE\xB4\xCE\xB1 "
                             "\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0 \xE4\xB8\xAD\xE6\x96\x87 "
                             "\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D \xE2\x86\x94";  // Łódź Ελλάδα Москва 中文 שלום ↔
    std::vector<char32_t> used;
    collect_code_points(text, used);
    ImFontAtlas with_cjk;
    Fonts f = load_fonts(&with_cjk, GROUNDWORK_FONT_DIR, 1.0f, nullptr, used);
    REQUIRE(f.loaded_from_files);
    CHECK(f.cjk_fallback);
    unsigned char* pixels;
    int w, h;
    with_cjk.GetTexDataAsAlpha8(&pixels, &w, &h);
    for (const ImFont* face : all_faces(f))
        for (char32_t cp : used) {
            INFO("U+" << std::hex << unsigned(cp) << " in a face of " << face->FontSize << " px");
            CHECK(face->FindGlyphNoFallback(ImWchar(cp)) != nullptr);
        }
    // Memory: only what is used. The same course without the Chinese word merges no CJK face.
    used.erase(std::remove_if(used.begin(), used.end(), [](char32_t c) { return c >= 0x4E00 && c <= 0x9FFF; }),
               used.end());
    ImFontAtlas without_cjk;
    Fonts g = load_fonts(&without_cjk, GROUNDWORK_FONT_DIR, 1.0f, nullptr, used);
    CHECK_FALSE(g.cjk_fallback);
    without_cjk.GetTexDataAsAlpha8(&pixels, &w, &h);
    CHECK(w * h <= 1024 * 1024);
    CHECK(g.title->FindGlyphNoFallback(0x4E2D) == nullptr);
}
