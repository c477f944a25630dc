// Issue 8, wide GFM tables and images inline: a table too wide for the reading column scrolls sideways with its
// first column frozen (shift+wheel and the scrollbar move it), every glyph stays inside its cell, and an image in a
// table cell, a heading or a link is drawn as a picture (its alt text while it loads), not as "[alt]".
#include <doctest/doctest.h>

#include <imgui.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cfloat>
#include <filesystem>
#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "runtime/markdown/image_ref.h"
#include "runtime/markdown/markdown_parser.h"
#include "ui/headless.h"
#include "ui/images/image_cache.h"
#include "ui/markdown/block_layout.h"
#include "ui/markdown/document_view.h"

using namespace gw;
using namespace gw::ui;
namespace fs = std::filesystem;

namespace {

std::vector<Block> parse(const std::string& md) {
    std::vector<Diagnostic> diags;
    return parse_markdown(md, 1, "ch/a.md", diags);
}

// Twelve columns: the first in capitals (ZONE, NORTH, ...), the last headed "Quota", every other cell lower-case
// six-letter words and a code span: far wider than 800 px at any sensible column width.
const char* const kWords[] = {"expand", "upsell", "health", "tiered", "renews", "signal"};
std::string twelve_columns() {
    std::string md = "| ZONE |";
    for (int c = 1; c < 11; ++c) md += " col" + std::to_string(c) + " |";
    md += " Quota |\n|";
    for (int c = 0; c < 12; ++c) md += " --- |";
    md += "\n";
    const char* const zones[] = {"NORTH", "SOUTH", "EAST", "WEST"};
    for (int r = 0; r < 4; ++r) {
        md += std::string("| ") + zones[r] + " |";
        for (int c = 1; c < 11; ++c)
            md += std::string(" ") + kWords[(r + c) % 6] + " " + kWords[(r + c + 1) % 6] + " `acct-" +
                  std::to_string(r * 12 + c) + "` |";
        md += " q" + std::to_string(r) + " |\n";
    }
    return md;
}

struct Glyph {
    ImVec2 a, b;  // the quad, clipped to its draw command's clip rectangle
    unsigned codepoint;
};

// Every glyph quad drawn and not clipped away, recognised by its texture coordinates.
std::vector<Glyph> glyphs(const ImDrawData* d) {
    std::map<std::array<float, 4>, unsigned> by_uv;
    for (const ImFont* font : ImGui::GetIO().Fonts->Fonts)
        for (const ImFontGlyph& g : font->Glyphs)
            if (g.Visible) by_uv[{g.U0, g.V0, g.U1, g.V1}] = g.Codepoint;
    std::vector<Glyph> out;
    for (int l = 0; l < d->CmdListsCount; ++l) {
        const ImDrawList* dl = d->CmdLists[l];
        for (const ImDrawCmd& cmd : dl->CmdBuffer) {
            const ImDrawIdx* idx = dl->IdxBuffer.Data + cmd.IdxOffset;
            const ImDrawVert* vtx = dl->VtxBuffer.Data + cmd.VtxOffset;
            for (unsigned k = 0; k + 6 <= cmd.ElemCount;) {
                const unsigned v = idx[k];
                const bool quad = idx[k + 1] == v + 1 && idx[k + 2] == v + 2 && idx[k + 3] == v &&
                                  idx[k + 4] == v + 2 && idx[k + 5] == v + 3;
                if (!quad) {
                    k += 3;
                    continue;
                }
                k += 6;
                const ImDrawVert &p0 = vtx[v], &p2 = vtx[v + 2];
                auto it = by_uv.find({p0.uv.x, p0.uv.y, p2.uv.x, p2.uv.y});
                if (it == by_uv.end()) continue;
                const ImVec4& c = cmd.ClipRect;
                const ImVec2 a(std::max(p0.pos.x, c.x), std::max(p0.pos.y, c.y)),
                    b(std::min(p2.pos.x, c.z), std::min(p2.pos.y, c.w));
                if (a.x >= b.x || a.y >= b.y) continue;
                out.push_back({a, b, it->second});
            }
        }
    }
    return out;
}

std::vector<Glyph> of(const std::vector<Glyph>& all, unsigned codepoint) {
    std::vector<Glyph> out;
    for (const Glyph& g : all)
        if (g.codepoint == codepoint) out.push_back(g);
    return out;
}

float width_of(const Prim& p) { return p.font->CalcTextSizeA(p.font->FontSize, FLT_MAX, 0.0f, p.begin, p.end).x; }

// A page window at (0, 0) drawing `blocks` in a column `width` px wide; `origin` gets the column's top-left.
struct Page {
    explicit Page(HeadlessImGui& g) : gui(g) {}
    HeadlessImGui& gui;
    DocumentView view;
    ImVec2 origin;
    ImDrawData* draw(const std::vector<Block>& blocks, float width) {
        return gui.frame([&] {
            ImGui::SetNextWindowPos(ImVec2(0, 0));
            ImGui::SetNextWindowSize(ImVec2(1280, 800));
            ImGui::Begin("page", nullptr, ImGuiWindowFlags_NoDecoration);
            origin = ImGui::GetCursorScreenPos();
            view.draw(blocks, gui.fonts(), width);
            ImGui::End();
        });
    }
};

}  // namespace

TEST_CASE("a 12-column table at 800 px scrolls sideways with shift+wheel; its first column stays where it is") {
    HeadlessImGui gui;
    std::vector<Block> blocks = parse(twelve_columns());
    REQUIRE(blocks.size() == 1);
    REQUIRE(blocks[0].kind == BlockKind::Table);
    const float width = 800;
    Page page(gui);
    page.draw(blocks, width);
    std::vector<Glyph> before = glyphs(page.draw(blocks, width));
    const float left = page.origin.x, right = page.origin.x + width;
    for (const Glyph& g : before) {
        CHECK(g.a.x >= left - 0.5f);
        CHECK(g.b.x <= right + 0.5f);  // nothing drawn past the reading column
    }
    const std::vector<Glyph> zone_before = of(before, 'Z');
    REQUIRE(zone_before.size() == 1);
    CHECK(of(before, 'Q').empty());  // the last column is out of view until the table is scrolled

    // Shift+wheel over the table, as a mouse without a horizontal wheel does it.
    ImGuiIO& io = ImGui::GetIO();
    gui.mouse_move(ImVec2(page.origin.x + width * 0.6f, page.origin.y + 30));
    page.draw(blocks, width);
    for (int i = 0; i < 40; ++i) {
        io.KeyShift = true;
        io.MouseWheel = -3;
        page.draw(blocks, width);
    }
    io.KeyShift = false;
    page.draw(blocks, width);
    std::vector<Glyph> after = glyphs(page.draw(blocks, width));
    const std::vector<Glyph> zone_after = of(after, 'Z');
    REQUIRE(zone_after.size() == 1);
    CHECK(zone_after[0].a.x == doctest::Approx(zone_before[0].a.x));  // the first column is frozen
    CHECK(zone_after[0].a.y == doctest::Approx(zone_before[0].a.y));
    CHECK_FALSE(of(after, 'Q').empty());  // scrolled to the end: the last column is in view
    float zone_right = 0;
    for (const Glyph& g : after) {
        CHECK(g.a.x >= left - 0.5f);
        CHECK(g.b.x <= right + 0.5f);
        if (std::isupper(int(g.codepoint)) && g.codepoint != 'Q') zone_right = std::max(zone_right, g.b.x);
    }
    // What scrolled under the frozen column is hidden there: left of the first column's text only its capitals.
    for (const Glyph& g : after)
        if (g.b.x <= zone_right && g.codepoint < 128) CHECK_MESSAGE(!std::islower(int(g.codepoint)), char(g.codepoint));

    // A plain wheel over the table still scrolls the page, not the table.
    const std::vector<Glyph> settled = of(after, 'Q');
    io.MouseWheel = -1;
    page.draw(blocks, width);
    std::vector<Glyph> wheeled = glyphs(page.draw(blocks, width));
    REQUIRE_FALSE(of(wheeled, 'Q').empty());
    CHECK(of(wheeled, 'Q')[0].a.x == doctest::Approx(settled[0].a.x));
}

TEST_CASE("a wide table keeps short words whole and every glyph inside its cell") {
    HeadlessImGui gui;
    std::vector<Block> blocks = parse(twelve_columns());
    REQUIRE(blocks.size() == 1);
    for (float width : {800.0f, 400.0f}) {
        CAPTURE(width);
        LaidOutBlock l = layout_block(blocks[0], gui.fonts(), width);
        // Cells: between the vertical rules, the table's frame, and the row hairlines.
        std::vector<float> xs, ys;
        float frame_right = 0;
        for (const Prim& p : l.prims) {
            if (p.type == Prim::Line && p.a.x == p.b.x) xs.push_back(p.a.x);
            if (p.type == Prim::Line && p.a.y == p.b.y) ys.push_back(p.a.y);
            if (p.type == Prim::Rect) {
                xs.push_back(p.a.x), xs.push_back(p.b.x), ys.push_back(p.a.y), ys.push_back(p.b.y);
                frame_right = std::max(frame_right, p.b.x);
            }
        }
        std::sort(xs.begin(), xs.end());
        xs.erase(std::unique(xs.begin(), xs.end()), xs.end());
        std::sort(ys.begin(), ys.end());
        ys.erase(std::unique(ys.begin(), ys.end()), ys.end());
        CHECK(xs.size() >= 13);
        CHECK(frame_right > width);  // too wide for the column: it scrolls instead of squeezing
        for (const Prim& p : l.prims) {
            if (p.type != Prim::Text || p.begin == p.end) continue;
            const std::string text(p.begin, p.end);
            INFO("'" << text << "' at x=" << p.a.x << " y=" << p.a.y);
            const float r = p.a.x + width_of(p), bottom = p.a.y + p.font->FontSize;
            auto cell_left = std::upper_bound(xs.begin(), xs.end(), p.a.x + 0.5f);
            REQUIRE(cell_left != xs.begin());
            REQUIRE(cell_left != xs.end());
            CHECK(r <= *cell_left + 0.5f);         // does not cross its column's right edge
            CHECK(p.a.x >= *(cell_left - 1) - 0.5f);
            auto row_top = std::upper_bound(ys.begin(), ys.end(), p.a.y + 0.5f);
            REQUIRE(row_top != ys.begin());
            REQUIRE(row_top != ys.end());
            CHECK(bottom <= *row_top + 0.5f);      // nor its row's bottom hairline
            // A six-letter word is never broken between its letters.
            for (const char* w : kWords)
                for (std::size_t n = 1; n < 6; ++n) {
                    const std::string head(w, n), tail(w + n);
                    const bool cut_head = text.size() >= n && text.compare(text.size() - n, n, head) == 0 &&
                                          (text.size() == n || text[text.size() - n - 1] == ' ');
                    const bool cut_tail = text.compare(0, tail.size(), tail) == 0 &&
                                          (text.size() == tail.size() || text[tail.size()] == ' ') && tail != w;
                    CHECK_FALSE(cut_head);
                    CHECK_FALSE(cut_tail);
                }
        }
    }
}

TEST_CASE("a narrow table keeps fitting the column and does not scroll") {
    HeadlessImGui gui;
    std::vector<Block> blocks = parse("| Account | Value |\n|:--|--:|\n| Acme | 120 |\n| Globex | 7 |\n");
    Page page(gui);
    page.draw(blocks, 600);
    std::vector<Glyph> before = glyphs(page.draw(blocks, 600));
    ImGuiIO& io = ImGui::GetIO();
    gui.mouse_move(ImVec2(page.origin.x + 40, page.origin.y + 20));
    for (int i = 0; i < 5; ++i) {
        io.KeyShift = true;
        io.MouseWheel = -3;
        page.draw(blocks, 600);
    }
    io.KeyShift = false;
    std::vector<Glyph> after = glyphs(page.draw(blocks, 600));
    REQUIRE(after.size() == before.size());
    for (std::size_t i = 0; i < after.size(); ++i) CHECK(after[i].a.x == doctest::Approx(before[i].a.x));
}

namespace {

const fs::path kImages = fs::path(GROUNDWORK_TEST_DATA) / "images";

class FakeTextures : public TextureBackend {
public:
    ImTextureID create(const unsigned char*, int, int) override {
        live.insert(++last);
        return reinterpret_cast<ImTextureID>(last);
    }
    void destroy(ImTextureID id) override { live.erase(reinterpret_cast<std::intptr_t>(id)); }
    std::intptr_t last = 0;
    std::set<std::intptr_t> live;
};

struct Folder {
    fs::path root;
    Folder() {
        root = fs::temp_directory_path() / ("gw-wide-" + std::to_string(std::random_device{}()));
        fs::create_directories(root / "ch");
        fs::copy_file(kImages / "diagram.png", root / "ch/diagram.png");  // 40 x 20
        fs::copy_file(kImages / "wide.png", root / "ch/wide.png");        // 400 x 100
    }
    ~Folder() {
        std::error_code ec;
        fs::remove_all(root, ec);
    }
    std::vector<Block> page(const std::string& md) const {
        std::vector<Block> blocks = parse(md);
        for (Block& b : blocks) resolve(b);
        return blocks;
    }
    void resolve(Block& b) const {
        for (ImageRef& r : b.images) resolve_image(r, root, "ch/a.md");
        for (Block& c : b.children) resolve(c);
    }
};

std::vector<const Prim*> of_type(const LaidOutBlock& l, Prim::Type t) {
    std::vector<const Prim*> out;
    for (const Prim& p : l.prims)
        if (p.type == t) out.push_back(&p);
    return out;
}

bool draws_texture(const ImDrawData* data, std::intptr_t id) {
    for (int i = 0; i < data->CmdListsCount; ++i)
        for (const ImDrawCmd& cmd : data->CmdLists[i]->CmdBuffer)
            if (reinterpret_cast<std::intptr_t>(cmd.TextureId) == id && cmd.ElemCount > 0) return true;
    return false;
}

// Text drawn as such (not a placeholder's alt text shown only while its picture loads).
bool shows_as_text(const LaidOutBlock& l, const std::string& what) {
    for (const Prim& p : l.prims)
        if (p.type == Prim::Text && !p.image && std::string(p.begin, p.end).find(what) != std::string::npos) return true;
    return false;
}

}  // namespace

TEST_CASE("an image in a table cell is drawn as a picture inside its cell, not as its alt text") {
    HeadlessImGui gui;
    Folder f;
    auto blocks = f.page("| Logo | Account |\n| --- | --- |\n| ![Acme logo](wide.png) | Acme |\n| ![mark](diagram.png) "
                         "| Globex |\n");
    REQUIRE(blocks.size() == 1);
    REQUIRE(blocks[0].images.size() == 2);
    REQUIRE(blocks[0].images[0].status == ImageStatus::Ok);
    for (float width : {700.0f, 300.0f}) {
        CAPTURE(width);
        LaidOutBlock l = layout_block(blocks[0], gui.fonts(), width);
        auto pictures = of_type(l, Prim::Image);
        REQUIRE(pictures.size() == 2);
        CHECK(pictures[0]->image == &blocks[0].images[0]);
        CHECK(pictures[1]->image == &blocks[0].images[1]);
        CHECK_FALSE(shows_as_text(l, "Acme logo"));
        CHECK_FALSE(shows_as_text(l, "[mark]"));
        // Inside the first column: left of the rule between the columns, aspect ratio kept.
        float rule = FLT_MAX;
        for (const Prim& p : l.prims)
            if (p.type == Prim::Line && p.a.x == p.b.x) rule = std::min(rule, p.a.x);
        for (const Prim* p : pictures) {
            CHECK(p->a.x >= 0);
            CHECK(p->b.x <= rule + 0.5f);
            CHECK(p->b.x <= width);
        }
        const Prim& wide = *pictures[0];
        CHECK((wide.b.x - wide.a.x) / (wide.b.y - wide.a.y) == doctest::Approx(4.0).epsilon(0.02));
    }

    FakeTextures fake;
    ImageCache cache(&fake);
    Page page(gui);
    page.view.set_image_cache(&cache);
    page.draw(blocks, 700);
    cache.finish_decodes();
    ImDrawData* d = page.draw(blocks, 700);
    REQUIRE(fake.live.size() == 2);
    for (std::intptr_t id : fake.live) CHECK(draws_texture(d, id));
}

TEST_CASE("an image in a heading and in a link's text is a picture; the linked one is clickable as the link") {
    HeadlessImGui gui;
    Folder f;
    auto blocks = f.page("## ![mark](diagram.png) Renewal plan\n\nBuilt by [![Acme logo](wide.png)](https://example.com) "
                         "and [*see* ![mark](diagram.png) here](https://example.org).\n");
    REQUIRE(blocks.size() == 2);
    LaidOutBlock h = layout_block(blocks[0], gui.fonts(), 600);
    auto hp = of_type(h, Prim::Image);
    REQUIRE(hp.size() == 1);
    CHECK_FALSE(shows_as_text(h, "[mark]"));
    CHECK(shows_as_text(h, "Renewal plan"));
    // a small picture sits on the heading's line: no taller than the line, left of the text
    float text_x = FLT_MAX;
    for (const Prim* t : of_type(h, Prim::Text))
        if (!t->image) text_x = std::min(text_x, t->a.x);
    CHECK(hp[0]->b.x <= text_x);

    LaidOutBlock p = layout_block(blocks[1], gui.fonts(), 600);
    auto pictures = of_type(p, Prim::Image);
    REQUIRE(pictures.size() == 2);
    CHECK_FALSE(shows_as_text(p, "Acme logo"));
    CHECK(shows_as_text(p, "see"));
    CHECK(shows_as_text(p, "here"));
    // the linked picture is a click area of its link
    bool clickable = false;
    for (const LinkArea& a : p.links)
        if (*a.url == "https://example.com" && a.min.x <= pictures[0]->a.x + 1 && a.max.x >= pictures[0]->b.x - 1 &&
            a.min.y <= pictures[0]->a.y + 1 && a.max.y >= pictures[0]->b.y - 1)
            clickable = true;
    CHECK(clickable);
    for (const Prim* q : pictures) CHECK(q->b.x <= 600.5f);

    // while it loads, and without a texture, the alt text is what is drawn
    ImageCache none(nullptr);
    Page page(gui);
    page.view.set_image_cache(&none);
    std::vector<Block> heading_only;
    heading_only.push_back(std::move(blocks[0]));
    const std::vector<Glyph> loading = glyphs(page.draw(heading_only, 600));
    CHECK_FALSE(of(loading, 'm').empty());  // "mark", in the placeholder
}

TEST_CASE("an image is drawn where it was written even when text before it reads like its alt text") {
    // The layout once looked for "[alt]" in italic text: `*[mark]*` written as text took the picture's place, and
    // the picture's own stand-in was shown as text. The parser now marks which span is the image (Span::image).
    HeadlessImGui gui;
    Folder f;
    auto blocks = f.page("## *[mark]* then ![mark](diagram.png)\n\n| A |\n| --- |\n| *[mark]* ![mark](diagram.png) |\n");
    REQUIRE(blocks.size() == 2);
    for (const Block& b : blocks) {
        LaidOutBlock l = layout_block(b, gui.fonts(), 600);
        auto pictures = of_type(l, Prim::Image);
        REQUIRE(pictures.size() == 1);
        CHECK(shows_as_text(l, "[mark]"));  // the written text stays text
        float text_x = FLT_MAX;
        for (const Prim* t : of_type(l, Prim::Text))
            if (!t->image && std::string(t->begin, t->end).find("[mark]") != std::string::npos)
                text_x = std::min(text_x, t->a.x);
        CHECK(pictures[0]->a.x > text_x);  // and the picture comes after it, where it was written
    }
}
