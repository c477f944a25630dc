// Issue 10, selecting lesson text: a drag selects across lines, wrapped lines, spans and blocks; a double click takes
// a word, a triple click a paragraph, Shift+click extends; Ctrl+C copies plain text with newlines only where the
// source has separate lines; a press on a link that does not move still follows it.
#include <doctest/doctest.h>

#include <imgui.h>
#include <imgui_internal.h>

#include <cfloat>
#include <cstring>
#include <string>
#include <vector>

#include "runtime/markdown/markdown_parser.h"
#include "ui/headless.h"
#include "ui/markdown/block_layout.h"
#include "ui/markdown/document_view.h"
#include "ui/markdown/link_opener.h"
#include "ui/markdown/text_selection.h"
#include "ui/theme.h"

using namespace gw;
using namespace gw::ui;

namespace {

std::vector<Block> parse_page(const std::string& md) {
    std::vector<Diagnostic> diags;
    return parse_markdown(md, 1, "ch/a.md", diags);
}

// A page window at (0, 0) drawing `blocks` in a column `width` px wide, with the mouse driven frame by frame.
struct SelPage {
    HeadlessImGui gui;
    DocumentView view;
    std::vector<Block> blocks;
    float width = 600;
    ImVec2 origin;
    std::function<void()> body = [this] {
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImVec2(1280, 800));
        ImGui::Begin("page", nullptr, ImGuiWindowFlags_NoDecoration);
        origin = ImGui::GetCursorScreenPos();
        view.draw(blocks, gui.fonts(), width);
        ImGui::End();
    };

    explicit SelPage(const std::string& md, float w = 600) : blocks(parse_page(md)), width(w) {
        ImGui::SetClipboardText("");
        frames(2);
    }
    ImDrawData* frame() { return gui.frame(body); }
    void frames(int n) {
        for (int i = 0; i < n; ++i) frame();
    }
    void move(ImVec2 p) {
        ImGui::GetIO().MousePos = p;
        frame();
    }
    void press(ImVec2 p, int button = 0) {
        move(p);
        ImGui::GetIO().MouseDown[button] = true;
        frame();
    }
    void release(int button = 0) {
        ImGui::GetIO().MouseDown[button] = false;
        frame();
    }
    void click(ImVec2 p, bool shift = false) {
        ImGui::GetIO().KeyShift = shift;
        press(p);
        release();
        ImGui::GetIO().KeyShift = false;
    }
    void drag(ImVec2 from, ImVec2 to) {
        press(from);
        // in a few steps, as a hand moves
        for (int i = 1; i <= 4; ++i)
            move(ImVec2(from.x + (to.x - from.x) * float(i) / 4, from.y + (to.y - from.y) * float(i) / 4));
        release();
    }
    std::string copy() {
        ImGui::SetClipboardText("");
        gui.key_code('C', body, true);
        const char* t = ImGui::GetClipboardText();
        return t ? t : "";
    }
    float block_top(std::size_t b) const {
        float y = origin.y;
        for (std::size_t i = 0; i < b; ++i) y += view.laid_out()[i].height;
        return y;
    }
    // The screen point in the middle of the line of the `nth` text primitive of any block holding `needle`, at the
    // boundary before the needle's character `at` (its middle with `mid`).
    ImVec2 at(const char* needle, std::size_t at = 0, bool mid = false, int nth = 0) const {
        for (std::size_t b = 0; b < view.laid_out().size(); ++b)
            for (const Prim& p : view.laid_out()[b].prims) {
                if (p.type != Prim::Text || p.flow == kNoFlow) continue;
                const std::string text(p.begin, p.end);
                const std::size_t k = text.find(needle);
                if (k == std::string::npos || nth-- > 0) continue;
                const float fs = p.font->FontSize;
                float x = p.font->CalcTextSizeA(fs, FLT_MAX, 0, p.begin, p.begin + k + at).x;
                if (mid) x += p.font->CalcTextSizeA(fs, FLT_MAX, 0, p.begin + k + at, p.begin + k + at + 1).x * 0.5f;
                return ImVec2(origin.x + p.a.x + x, block_top(b) + p.a.y + fs * 0.5f);
            }
        FAIL("not laid out: " << needle);
        return ImVec2();
    }
};

const char* kTwoParagraphs =
    "The renewal conversation starts long before the contract ends, with a plan that the customer agreed to and "
    "that names what success looks like for them this year.\n\n"
    "Second paragraph: **bold words**, *an italic aside*, `code_span` and a [web link](https://example.com) end it.\n";

}  // namespace

TEST_CASE("layout: a wrapped paragraph with styled spans copies as its source text, one line") {
    HeadlessImGui gui;
    std::vector<Block> blocks = parse_page(kTwoParagraphs);
    REQUIRE(blocks.size() == 2);
    std::vector<LaidOutBlock> laid;
    for (const Block& b : blocks) laid.push_back(layout_block(b, gui.fonts(), 220));  // narrow: many soft wraps
    int lines = 0;
    for (const Prim& p : laid[0].prims) lines += p.type == Prim::Text;
    REQUIRE(lines > 3);
    TextPos from, to;
    REQUIRE(whole_text(laid, &from, &to));
    const std::string text = selected_text(laid, from, to);
    CHECK(text == plain_text(blocks[0]) + "\n" + plain_text(blocks[1]));
    CHECK(text.find("  ") == std::string::npos);
}

TEST_CASE("layout: hard breaks, code lines, list numbers and table cells copy with the source's separators") {
    HeadlessImGui gui;
    std::vector<Block> blocks = parse_page(
        "First line  \nsecond line\n\n```\nint a;\n\n  return a;\n```\n\n1. one\n2. two\n\n"
        "| Name | Role |\n| --- | --- |\n| Ana | Lead |\n\n> [!NOTE]\n> Careful here.\n");
    std::vector<LaidOutBlock> laid;
    for (const Block& b : blocks) laid.push_back(layout_block(b, gui.fonts(), 600));
    TextPos from, to;
    REQUIRE(whole_text(laid, &from, &to));
    CHECK(selected_text(laid, from, to) ==
          "First line\nsecond line\nint a;\n\n  return a;\n1. one\n2. two\nName\tRole\nAna\tLead\nNOTE\nCareful here.");
}

TEST_CASE("a drag selects across a wrapped line and into the next paragraph; Ctrl+C copies it") {
    SelPage page(kTwoParagraphs, 300);
    CHECK(page.view.selection().empty());
    // "conversation" is on the first line; the drag ends before "bold" in the second paragraph
    page.drag(page.at("conversation"), page.at("bold words"));
    REQUIRE_FALSE(page.view.selection().empty());
    const std::string all = plain_text(page.blocks[0]);
    CHECK(page.copy() == all.substr(all.find("conversation")) + "\nSecond paragraph:");
    // the highlight is drawn, behind the text, in the palette's selection colour
    CHECK(draw_data_has_colour(page.frame(), palette().selection));
}

TEST_CASE("without a selection nothing is highlighted and Ctrl+C leaves the clipboard alone") {
    SelPage page(kTwoParagraphs);
    CHECK_FALSE(draw_data_has_colour(page.frame(), palette().selection));
    page.click(page.at("renewal"));  // a click is not a selection
    CHECK(page.view.selection().empty());
    ImGui::SetClipboardText("kept");
    page.gui.key_code('C', page.body, true);
    CHECK(std::string(ImGui::GetClipboardText()) == "kept");
}

TEST_CASE("double click selects a word, triple click the paragraph, Shift+click extends") {
    SelPage page(kTwoParagraphs);
    const ImVec2 p = page.at("conversation", 3, true);
    page.click(p);
    page.click(p);
    CHECK(page.copy() == "conversation");
    page.click(p);
    page.click(p);
    page.click(p);
    CHECK(page.copy() == plain_text(page.blocks[0]));
    // a fresh click, far from the earlier ones in time, then Shift+click in the next paragraph
    page.frames(40);
    page.click(page.at("renewal"));
    page.frames(40);
    page.click(page.at("italic"), true);
    CHECK(page.copy() == "renewal" + plain_text(page.blocks[0]).substr(std::strlen("The renewal")) +
                             "\nSecond paragraph: bold words, an ");
}

TEST_CASE("a click on a link follows it; a drag that starts on it selects instead") {
    Block para;
    Span before;
    before.text = "See ";
    para.spans.push_back(before);
    Span link;
    link.text = "the next page";
    link.style = kLink;
    link.link = LinkKind::Page;
    link.page = "mod-b";
    para.spans.push_back(link);
    Span after;
    after.text = " for more.";
    para.spans.push_back(after);
    SelPage page("placeholder");
    page.blocks.clear();
    page.blocks.push_back(para);
    page.view.invalidate();  // the same vector, new blocks
    page.frames(2);
    (void)take_page_link();

    page.click(page.at("next", 1, true));
    CHECK(take_page_link().page == "mod-b");
    CHECK(page.view.selection().empty());

    page.frames(40);  // not a double click
    page.drag(page.at("next", 1, true), page.at("more", 4));
    CHECK(take_page_link().page.empty());
    CHECK(page.copy() == "ext page for more");
}

TEST_CASE("Ctrl+A selects the page, Escape clears it; the right-click menu copies") {
    SelPage page(kTwoParagraphs);
    page.click(page.at("renewal"));
    page.gui.key_code('A', page.body, true);
    CHECK(page.copy() == plain_text(page.blocks[0]) + "\n" + plain_text(page.blocks[1]));
    page.gui.key(ImGuiKey_Escape, page.body);
    CHECK(page.view.selection().empty());

    // double click a word, then Copy from the context menu
    page.frames(40);
    const ImVec2 w = page.at("customer", 2, true);
    page.click(w);
    page.click(w);
    page.press(w, 1);
    page.release(1);
    ImGuiWindow* menu = nullptr;
    for (ImGuiWindow* win : ImGui::GetCurrentContext()->Windows)
        if (win->Active && (win->Flags & ImGuiWindowFlags_Popup)) menu = win;
    REQUIRE(menu);
    // "Copy" is the menu's first item
    const ImVec2 item(menu->DC.CursorStartPos.x + 20, menu->DC.CursorStartPos.y + 4);
    ImGui::SetClipboardText("");
    page.press(item);
    page.release();
    CHECK(std::string(ImGui::GetClipboardText()) == "customer");
}

TEST_CASE("the selection stays on the same text when the page is laid out at another width") {
    SelPage page(kTwoParagraphs, 600);
    page.drag(page.at("plan"), page.at("customer", 8));
    REQUIRE(page.copy() == "plan that the customer");
    page.width = 280;
    page.frames(2);
    CHECK(page.copy() == "plan that the customer");
    // another page: nothing stays selected
    page.blocks = parse_page("Another page.\n");
    page.view.invalidate();
    page.frames(2);
    CHECK(page.view.selection().empty());
}

TEST_CASE("a drag in a wide table selects the cells it crosses, in reading order") {
    std::string md = "| ZONE | alpha | beta | gamma | delta | epsilon | zeta | eta | theta | iota | kappa |\n|";
    for (int c = 0; c < 11; ++c) md += " --- |";
    md += "\n| NORTH | renews | upsell | health | tiered | signal | expand | renews | upsell | health | q1 |\n";
    md += "| SOUTH | upsell | health | tiered | signal | expand | renews | upsell | health | tiered | q2 |\n";
    SelPage page(md, 500);
    REQUIRE(page.view.laid_out().size() == 1);
    REQUIRE(page.view.laid_out()[0].scrolls.size() == 1);
    page.drag(page.at("NORTH", 0, false, 1), page.at("upsell", 6));  // the frozen column's copy is drawn over
    CHECK(page.copy() == "NORTH\trenews\tupsell");
}
