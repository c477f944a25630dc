// Issue 10: every view works at 800x600, 1280x800 and 1920x1080. The test walks what a frame drew (the glyph
// quads in ImGui's draw lists) and fails when a line of text was squeezed to a character or two per line (My work's
// "from Module 2 · edited ..." went one letter per line down the right edge), when two pieces of text are drawn
// over each other (the dashboard's week labels), or when something to click or read is out of reach.
#include <doctest/doctest.h>

#include <imgui.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <cmath>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "reader_fixture.h"
#include "runtime/transfer_commands.h"
#include "ui/accounts_view.h"
#include "ui/item_probe.h"

using namespace gw;
using namespace gw::ui;

namespace {

struct Glyph {
    ImVec2 a, b;     // the quad, clipped to its draw command's clip rectangle
    float font_size;  // of the font the glyph came from: a wrapped line advances by exactly this
};

// Every glyph quad drawn, in draw order, recognised by its texture coordinates (a font glyph's U0,V0,U1,V1).
std::vector<std::vector<Glyph>> glyphs_by_list(const ImDrawData* d) {
    std::map<std::array<float, 4>, float> uv_to_size;
    for (const ImFont* font : ImGui::GetIO().Fonts->Fonts)
        for (const ImFontGlyph& g : font->Glyphs)
            if (g.Visible) uv_to_size[{g.U0, g.V0, g.U1, g.V1}] = font->FontSize;
    std::vector<std::vector<Glyph>> out;
    for (int l = 0; l < d->CmdListsCount; ++l) {
        const ImDrawList* dl = d->CmdLists[l];
        std::vector<Glyph> list;
        for (const ImDrawCmd& cmd : dl->CmdBuffer) {
            if (cmd.UserCallback) continue;
            const ImDrawIdx* idx = dl->IdxBuffer.Data + cmd.IdxOffset;
            const ImDrawVert* vtx = dl->VtxBuffer.Data + cmd.VtxOffset;
            for (unsigned k = 0; k + 6 <= cmd.ElemCount;) {
                const unsigned v = idx[k];
                const bool quad = idx[k + 1] == v + 1 && idx[k + 2] == v + 2 && idx[k + 3] == v && idx[k + 4] == v + 2 &&
                                  idx[k + 5] == v + 3;
                if (!quad) {
                    k += 3;
                    continue;
                }
                const ImDrawVert &p0 = vtx[v], &p2 = vtx[v + 2];
                auto it = uv_to_size.find({p0.uv.x, p0.uv.y, p2.uv.x, p2.uv.y});
                k += 6;
                if (it == uv_to_size.end()) continue;
                const ImVec4& c = cmd.ClipRect;
                const ImVec2 a(std::max(p0.pos.x, c.x), std::max(p0.pos.y, c.y)),
                    b(std::min(p2.pos.x, c.z), std::min(p2.pos.y, c.w));
                if (a.x >= b.x || a.y >= b.y) continue;  // clipped away: not on screen
                list.push_back({a, b, it->second});
            }
        }
        out.push_back(std::move(list));
    }
    return out;
}

// Glyphs of one line of one text item: consecutive in the draw list, x moving right, rows overlapping.
struct Run {
    std::vector<Glyph> glyphs;
    float left() const { return glyphs.front().a.x; }
    float top() const {
        float t = glyphs.front().a.y;
        for (const Glyph& g : glyphs) t = std::min(t, g.a.y);
        return t;
    }
};

std::vector<Run> runs_of(const std::vector<Glyph>& list) {
    std::vector<Run> runs;
    for (const Glyph& g : list) {
        if (!runs.empty()) {
            const Glyph& last = runs.back().glyphs.back();
            const bool same_row = g.a.y < last.b.y && g.b.y > last.a.y;
            if (same_row && g.a.x >= last.a.x - 0.5f && g.font_size == last.font_size) {
                runs.back().glyphs.push_back(g);
                continue;
            }
        }
        runs.push_back({{g}});
    }
    return runs;
}

// Three or more lines of at most two glyphs each, stacked at one x and one line height apart: a text item wrapped
// to a sliver.
int squeezed_stacks(const std::vector<Run>& runs, std::string& where) {
    int found = 0, stack = 1;
    for (std::size_t i = 1; i < runs.size(); ++i) {
        const Run &r = runs[i], &p = runs[i - 1];
        const float size = r.glyphs.front().font_size;
        const bool stacked = r.glyphs.size() <= 2 && p.glyphs.size() <= 2 && std::fabs(r.left() - p.left()) < 12 &&
                             r.top() > p.top() && r.top() - p.top() < size * 1.6f;
        stack = stacked ? stack + 1 : 1;
        if (stack == 3) {
            ++found;
            std::ostringstream s;
            s << " at x=" << r.left() << " y=" << r.top();
            where += s.str();
        }
    }
    return found;
}

// Pairs of glyphs from different lines of text drawn over each other (more than a third of the smaller covered).
int overlaps(const std::vector<Run>& runs, std::string& where) {
    int found = 0;
    for (std::size_t i = 0; i < runs.size(); ++i)
        for (std::size_t j = i + 1; j < runs.size(); ++j)
            for (const Glyph& g : runs[i].glyphs)
                for (const Glyph& h : runs[j].glyphs) {
                    const float w = std::min(g.b.x, h.b.x) - std::max(g.a.x, h.a.x);
                    const float t = std::min(g.b.y, h.b.y) - std::max(g.a.y, h.a.y);
                    if (w <= 0 || t <= 0) continue;
                    const float smaller = std::min((g.b.x - g.a.x) * (g.b.y - g.a.y), (h.b.x - h.a.x) * (h.b.y - h.a.y));
                    if (w * t > smaller / 3) {
                        if (found++ < 3) {
                            std::ostringstream s;
                            s << " at x=" << g.a.x << " y=" << g.a.y;
                            where += s.str();
                        }
                    }
                }
    return found;
}

struct DemoFixture : test::ReaderFixture {
    // The README's demo profile (accounts, an account map, audits, reflections), imported as a learner would.
    DemoFixture(ImVec2 size) : ReaderFixture(GROUNDWORK_SHIPPED_CONTENT, 2) {
        ImGui::GetIO().DisplaySize = size;
        std::ostringstream out, err;
        REQUIRE_MESSAGE(run_import(GROUNDWORK_SHIPPED_CONTENT "/../docs/demo-profile.json", dir.path().string(), "t",
                                   out, err) == 0,
                        err.str());
    }
};

const ImVec2 kSizes[] = {{800, 600}, {1280, 800}, {1920, 1080}};
const char* kViews[] = {"my-work", "accounts", "dashboard", "artifact:art-1"};

}  // namespace

TEST_CASE("no view squeezes a line of text to a character or two, or draws text over text, from 800 to 1920 px") {
    for (const ImVec2 size : kSizes)
        for (const char* view : kViews) {
            DemoFixture f(size);
            f.start(view);
            // Top of the page, then two screens down: what a learner scrolls to must fit as well.
            for (int screen = 0; screen < 3; ++screen) {
                INFO(view << " at " << size.x << "x" << size.y << ", screen " << screen);
                const ImDrawData* d = f.gui.frame(f.body);
                for (const auto& list : glyphs_by_list(d)) {
                    const std::vector<Run> runs = runs_of(list);
                    std::string where;
                    CHECK_MESSAGE(squeezed_stacks(runs, where) == 0, "squeezed text" << where);
                    where.clear();
                    CHECK_MESSAGE(overlaps(runs, where) == 0, "text over text" << where);
                }
                f.gui.key(ImGuiKey_PageDown, f.body);
                f.frames(2);
            }
        }
}

TEST_CASE("at 800x600 the accounts' values show whole") {
    DemoFixture f(ImVec2(800, 600));
    f.start("accounts");
    f.frames(2);
    const ImGuiStyle& st = ImGui::GetStyle();
    int seen = 0;
    for (const Account& a : f.session->profile().accounts) {
        for (auto [probe_name, value] : {std::pair{"account-value:" + a.id, a.current_value},
                                         std::pair{"account-potential:" + a.id, a.potential_value}}) {
            auto r = probe::rect(probe_name);
            if (!r) continue;  // scrolled out of the table's view
            ++seen;
            char digits[32];
            std::snprintf(digits, sizeof digits, "%.0f", value);
            const ImGuiIO& io = ImGui::GetIO();
            const ImFont* font = io.FontDefault ? io.FontDefault : io.Fonts->Fonts[0];
            const float need = font->CalcTextSizeA(font->FontSize, 1e9f, 0, digits).x + st.FramePadding.x * 2;
            INFO(probe_name << " shows " << digits);
            CHECK(r->second.x - r->first.x >= need);
        }
    }
    CHECK(seen >= 2);
}

TEST_CASE("at 800x600 every account's '+ Audit' on the dashboard is on screen") {
    DemoFixture g(ImVec2(800, 600));
    g.start("dashboard");
    g.frames(2);
    int audits = 0;
    for (const Account& a : g.session->profile().accounts) {
        auto r = probe::rect("audit:" + a.id);
        if (!r) continue;
        ++audits;
        INFO("+ Audit for " << a.name);
        CHECK(r->second.x <= 800);
        CHECK(r->first.x >= 0);
    }
    CHECK(audits >= 1);
}
