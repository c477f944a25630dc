// A trainer's ordinary GitHub Markdown (issue 8): tables, strikethrough, task lists, raw HTML, GitHub's alerts,
// and links checked at load. The first half observes only text and diagnostics; the second the model's shape.
#include <doctest/doctest.h>

#include <algorithm>

#include "runtime/course/course_loader.h"
#include "runtime/markdown/link_target.h"
#include "runtime/markdown/markdown_parser.h"
#include "temp_course.h"

using namespace gw;

namespace {

struct Parsed {
    std::vector<Block> blocks;
    std::vector<Diagnostic> diagnostics;
    std::string text() const {
        std::string out;
        for (const auto& b : blocks) out += plain_text(b) + "\n";
        return out;
    }
    int count(Severity s) const {
        return int(std::count_if(diagnostics.begin(), diagnostics.end(),
                                 [&](const Diagnostic& d) { return d.severity == s; }));
    }
};

Parsed parse(const std::string& md) {
    Parsed p;
    p.blocks = parse_markdown(md, 1, "ch/a.md", p.diagnostics);
    return p;
}

bool has(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

const Diagnostic* diagnostic_at(const Course& c, const std::string& file, int line) {
    for (const auto& d : c.diagnostics)
        if (d.file == file && d.line == line) return &d;
    return nullptr;
}

}  // namespace

TEST_CASE("a pipe table is not a paragraph of pipes") {
    Parsed p = parse("| Tier | Rhythm |\n|:--|--:|\n| 1 | weekly |\n| 2 | monthly |\n");
    CHECK_FALSE(has(p.text(), "|"));
    CHECK(has(p.text(), "weekly"));
    CHECK(has(p.text(), "Tier"));
}

TEST_CASE("strikethrough and task list markers are not shown literally") {
    Parsed p = parse("Old ~~price~~ new.\n\n- [ ] call Anna\n- [x] send QBR deck\n");
    CHECK_FALSE(has(p.text(), "~~"));
    CHECK_FALSE(has(p.text(), "[ ]"));
    CHECK_FALSE(has(p.text(), "[x]"));
    CHECK(has(p.text(), "price"));
    CHECK(has(p.text(), "call Anna"));
}

TEST_CASE("HTML comments are hidden without a message, <br> breaks the line") {
    Parsed p = parse("Text <!-- note to self --> more.\n\n<!-- a block\ncomment -->\n\nOne<br>two<BR/>three\n");
    CHECK_FALSE(has(p.text(), "note to self"));
    CHECK_FALSE(has(p.text(), "comment"));
    CHECK_FALSE(has(p.text(), "<br"));
    CHECK_FALSE(has(p.text(), "<BR"));
    CHECK(has(p.text(), "One\ntwo\nthree"));
    CHECK(p.diagnostics.empty());
}

TEST_CASE("other raw HTML is left out and warned about at its line") {
    Parsed p = parse("Intro.\n\n<div class=\"x\">\nhidden\n</div>\n\nSay <b>bold</b> here.\n");
    CHECK_FALSE(has(p.text(), "hidden"));
    CHECK_FALSE(has(p.text(), "<"));
    CHECK(has(p.text(), "Say bold here."));
    REQUIRE(p.diagnostics.size() == 2);  // the block and the opening <b>, not its closing tag
    CHECK(p.diagnostics[0].line == 3);
    CHECK(p.diagnostics[1].line == 7);
    for (const auto& d : p.diagnostics) {
        CHECK(d.severity == Severity::Warning);
        CHECK(has(d.message, "raw HTML"));
    }
}

TEST_CASE("GitHub's five alerts are callouts with their own titles") {
    const char* kinds[] = {"NOTE", "TIP", "IMPORTANT", "WARNING", "CAUTION"};
    const char* titles[] = {"Note", "Tip", "Important", "Warning", "Caution"};
    for (int i = 0; i < 5; ++i) {
        CAPTURE(kinds[i]);
        Parsed p = parse(std::string("> [!") + kinds[i] + "]\n> Useful text.\n");
        CHECK(p.diagnostics.empty());
        REQUIRE(p.blocks.size() == 1);
        CHECK(std::string(callout_name(p.blocks[0].callout)) == kinds[i]);
        CHECK(p.blocks[0].title == titles[i]);
        CHECK(has(p.text(), "Useful text."));
        CHECK_FALSE(has(p.text(), "[!"));
    }
}

TEST_CASE("an alert marker in a code span, or escaped, is text: no error and nothing disappears") {
    Parsed code = parse("> `[!NOTE]` is how an alert starts.\n> Second line.\n");
    CHECK(code.diagnostics.empty());
    CHECK(has(code.text(), "[!NOTE] is how an alert starts."));
    CHECK(has(code.text(), "Second line."));
    CHECK(std::string(callout_name(code.blocks.at(0).callout)).empty());

    Parsed escaped = parse("> \\[!NOTE] written out\n> as text.\n");
    CHECK(escaped.diagnostics.empty());
    CHECK(has(escaped.text(), "[!NOTE] written out"));
    CHECK(std::string(callout_name(escaped.blocks.at(0).callout)).empty());
}

TEST_CASE("an unknown marker is an error and the quote keeps its text") {
    Parsed p = parse("Intro.\n\n> [!NOPE] Title here\n> body\n");
    REQUIRE(p.count(Severity::Error) == 1);
    CHECK(p.diagnostics[0].line == 3);
    CHECK(has(p.diagnostics[0].message, "CAUTION"));
    CHECK(has(p.text(), "Title here"));
    CHECK(has(p.text(), "body"));
}

TEST_CASE("check reports a link to a misspelt course file, a scheme-less target and a javascript: link") {
    test::TempCourse c;
    c.write("ch/a.md", test::TempCourse::module("mod-a", 1, "cat") + "\n## Part\n\nA's part.\n");
    c.write("ch/b.md", test::TempCourse::module("mod-b", 2, "cat") +
                           "\nSee [module A](a.md), [A's part](a.md#part), [intro](chapter.md) and "
                           "[the course](../ch/b.md).\n\n"
                           "Broken: [typo](02-acount.md)\n\n"
                           "Nowhere: [bad](htps//nowhere)\n\n"
                           "Hostile: [run](javascript:alert(1)) and [web](https://example.com) "
                           "[mail](mailto:a@b.c)\n");
    Course course = load_course(c.root());
    // module() is 12 lines; the links start on line 14
    const Diagnostic* typo = diagnostic_at(course, "ch/b.md", 16);
    REQUIRE(typo);
    CHECK(typo->severity == Severity::Error);
    CHECK(has(typo->message, "02-acount.md"));
    const Diagnostic* nowhere = diagnostic_at(course, "ch/b.md", 18);
    REQUIRE(nowhere);
    CHECK(nowhere->severity == Severity::Error);
    CHECK(has(nowhere->message, "htps//nowhere"));
    const Diagnostic* hostile = diagnostic_at(course, "ch/b.md", 20);
    REQUIRE(hostile);
    CHECK(has(hostile->message, "javascript"));
    CHECK_FALSE(diagnostic_at(course, "ch/b.md", 14));  // the good links pass
    // A bad link is check's business: the module still reads.
    CHECK_FALSE(course.find_item("mod-b")->broken());
}

// ---- The model's shape (needs the model of issue 8) ----

TEST_CASE("a table keeps its header row, column alignment and styled cells") {
    Parsed p = parse("| a | b | c |\n|:--|:-:|--:|\n| **x** | ~~y~~ |\n| 1 | 2 | 3 | 4 |\n");
    REQUIRE(p.blocks.size() == 1);
    const Block& t = p.blocks[0];
    REQUIRE(t.kind == BlockKind::Table);
    CHECK(t.table.align ==
          std::vector<ColumnAlign>{ColumnAlign::Left, ColumnAlign::Center, ColumnAlign::Right});
    REQUIRE(t.table.rows.size() == 3);
    for (const auto& row : t.table.rows) CHECK(row.size() == 3);  // short rows padded, long rows cut
    CHECK(plain_text(t.table.rows[0][1].spans) == "b");
    CHECK((t.table.rows[1][0].spans.at(0).style & kBold));
    CHECK((t.table.rows[1][1].spans.at(0).style & kStrike));
    CHECK(t.table.rows[1][2].spans.empty());
    CHECK(t.line == 1);
}

TEST_CASE("strikethrough is a span style; task items carry their checked state") {
    Parsed p = parse("Old ~~price~~ new.\n\n- [ ] open\n- [x] done\n- plain\n");
    REQUIRE(p.blocks.size() == 2);
    const auto& spans = p.blocks[0].spans;
    auto struck = std::find_if(spans.begin(), spans.end(), [](const Span& s) { return s.style & kStrike; });
    REQUIRE(struck != spans.end());
    CHECK(struck->text == "price");
    const auto& items = p.blocks[1].children;
    REQUIRE(items.size() == 3);
    CHECK((items[0].task && !items[0].checked));
    CHECK((items[1].task && items[1].checked));
    CHECK_FALSE(items[2].task);
    CHECK(plain_text(items[0]) == "open");
}

TEST_CASE("links are classified at load and course links resolve to page ids") {
    test::TempCourse c;
    c.write("ch/b.md", test::TempCourse::module("mod-b", 2, "cat") +
                           "\n[A](a.md#part) [intro](chapter.md) [web](https://x.org) [www.x.org autolink] "
                           "www.example.com [js](javascript:x) [hw](hw%2Emd)\n");
    Course course = load_course(c.root());
    const CourseItem* b = course.find_item("mod-b");
    REQUIRE(b);
    std::vector<const Span*> links;
    for (const auto& blk : b->blocks)
        for (const auto& s : blk.spans)
            if (s.style & kLink) links.push_back(&s);
    REQUIRE(links.size() == 6);
    CHECK(links[0]->link == LinkKind::Page);
    CHECK(links[0]->page == "mod-a");
    CHECK(links[0]->link_anchor == "part");
    CHECK(links[1]->page == "ch");
    CHECK(links[2]->link == LinkKind::External);
    CHECK(links[3]->link == LinkKind::External);  // GFM autolink
    CHECK(links[3]->url == "http://www.example.com");
    CHECK(links[4]->link == LinkKind::Refused);
    CHECK(links[5]->page == "hw-1");
}

TEST_CASE("is_external_url admits only http, https and mailto") {
    CHECK(is_external_url("https://example.com"));
    CHECK(is_external_url("HTTP://example.com"));
    CHECK(is_external_url("mailto:a@b.c"));
    CHECK_FALSE(is_external_url("http:relative"));
    CHECK_FALSE(is_external_url("javascript:alert(1)"));
    CHECK_FALSE(is_external_url("file:///etc/passwd"));
    CHECK_FALSE(is_external_url("data:text/html,x"));
    CHECK_FALSE(is_external_url("htps//nowhere"));
    CHECK(classify_link("../ch20/chapter.md#x", "ch19/m.md").file == "ch20/chapter.md");
    CHECK(classify_link("../../etc/passwd", "ch19/m.md").kind == LinkKind::Refused);
    CHECK(classify_link("/etc/passwd", "ch19/m.md").kind == LinkKind::Refused);
    CHECK(classify_link("#top", "ch19/m.md").file == "ch19/m.md");
}
