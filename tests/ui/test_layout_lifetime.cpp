// Headless: what the block layout draws points only into memory that outlives it, the document model or the
// layout's own strings. Before this was checked, every code block was drawn from a freed temporary string.
#include <doctest/doctest.h>

#include <imgui.h>

#include <filesystem>
#include <string>
#include <vector>

#include "runtime/course/course_loader.h"
#include "runtime/markdown/markdown_parser.h"
#include "ui/markdown/block_layout.h"
#include "ui/markdown/document_view.h"
#include "ui/headless.h"

using namespace gw;
using namespace gw::ui;

namespace {

struct Range {
    const char* begin;
    const char* end;
    bool holds(const char* b, const char* e) const { return b >= begin && e <= end && b <= e; }
};

// Every string the block tree owns (span text, link targets, titles), as address ranges.
void model_ranges(const Block& b, std::vector<Range>& out) {
    out.push_back({b.title.data(), b.title.data() + b.title.size()});
    for (const Span& s : b.spans) {
        out.push_back({s.text.data(), s.text.data() + s.text.size()});
        out.push_back({s.url.data(), s.url.data() + s.url.size()});
    }
    for (const Block& c : b.children) model_ranges(c, out);
}

// Lays out every block at two widths and checks each text primitive lies inside the model or the layout's own
// text; returns how many text primitives were checked.
int check_block_text_is_owned(const std::vector<Block>& blocks, const Fonts& fonts) {
    int checked = 0;
    for (float width : {220.0f, 700.0f}) {
        for (const Block& b : blocks) {
            LaidOutBlock l = layout_block(b, fonts, width);
            std::vector<Range> owned;
            model_ranges(b, owned);
            for (const std::string& s : l.owned) owned.push_back({s.data(), s.data() + s.size()});
            for (const Prim& p : l.prims) {
                if (p.type != Prim::Text) continue;
                bool inside = false;
                for (const Range& r : owned) inside = inside || r.holds(p.begin, p.end);
                INFO("block at line " << b.line << ", width " << width);
                CHECK_MESSAGE(inside, "a text primitive points outside the document model and the layout");
                ++checked;
            }
        }
    }
    return checked;
}

std::vector<Block> parse(const std::string& md) {
    std::vector<Diagnostic> diags;
    return parse_markdown(md, 1, "test.md", diags);
}

}  // namespace

TEST_CASE("code blocks, indented code, HTML blocks and comments are drawn from the document model") {
    HeadlessImGui gui;
    const char* cases[] = {
        "```\nfenced line one\nfenced line two\n```\n",
        "```cpp\nint main() { return 0; }\n```\n",
        "    indented code\n    second line\n",
        "\tTab-indented paragraph\n",
        "<div>\nan HTML block\n</div>\n",
        "<!-- a note to self -->\n",
        "```\n```\n",  // an empty fenced block
        "> [!INSIGHT] Inside a callout\n> ```\n> code in a box\n> ```\n",
        "- a list\n\n      code in a list item\n",
    };
    for (const char* md : cases) {
        INFO("markdown: " << md);
        std::vector<Block> blocks = parse(md);
        check_block_text_is_owned(blocks, gui.fonts());
    }
}

TEST_CASE("a code block draws exactly its own lines") {
    HeadlessImGui gui;
    std::vector<Block> blocks = parse("```\nalpha beta\ngamma\n```\n");
    REQUIRE(blocks.size() == 1);
    LaidOutBlock l = layout_block(blocks[0], gui.fonts(), 600);
    std::vector<std::string> lines;
    for (const Prim& p : l.prims)
        if (p.type == Prim::Text) lines.emplace_back(p.begin, p.end);
    CHECK(lines == std::vector<std::string>{"alpha beta", "gamma"});
}

TEST_CASE("every block of the shipped course is drawn from memory that outlives the frame") {
    HeadlessImGui gui;
    Course course = load_course(GROUNDWORK_SHIPPED_CONTENT);
    int checked = 0;
    for (const Chapter& ch : course.chapters) {
        checked += check_block_text_is_owned(ch.introduction, gui.fonts());
        for (const CourseItem& m : ch.modules) checked += check_block_text_is_owned(m.blocks, gui.fonts());
        for (const CourseItem& h : ch.homework) checked += check_block_text_is_owned(h.blocks, gui.fonts());
    }
    CHECK(checked > 1000);
}

TEST_CASE("laid-out blocks keep their text when the list holding them grows") {
    HeadlessImGui gui;
    std::vector<Block> blocks = parse("1. first\n2. second\n\n> [!TAKEAWAYS]\n> - kept\n");
    std::vector<LaidOutBlock> laid;  // no reserve: growing moves every element
    for (int round = 0; round < 20; ++round)
        for (const Block& b : blocks) laid.push_back(layout_block(b, gui.fonts(), 500));
    std::string drawn;
    for (const Prim& p : laid.front().prims)
        if (p.type == Prim::Text) drawn.append(p.begin, p.end).push_back('|');
    CHECK(drawn.find("1.|first|") != std::string::npos);
}
