// Heading ids by GitHub's slug rules, and links to them: `file.md#id` resolves to the page and the heading, and an
// anchor that names no heading is a warning at the link's line.
#include <doctest/doctest.h>

#include <sstream>

#include "runtime/cli/check_command.h"
#include "runtime/course/course_loader.h"
#include "runtime/markdown/heading_slug.h"
#include "runtime/markdown/markdown_parser.h"
#include "temp_course.h"

using namespace gw;
using gw::test::TempCourse;

namespace {

std::vector<std::string> heading_ids(const std::string& md) {
    std::vector<Diagnostic> diags;
    std::vector<std::string> ids;
    for (const Block& b : parse_markdown(md, 1, "ch/a.md", diags))
        if (b.kind == BlockKind::Heading) ids.push_back(b.id);
    return ids;
}

}  // namespace

TEST_CASE("heading slugs follow GitHub: lower case, spaces to '-', punctuation dropped") {
    CHECK(heading_slug("Who to call") == "who-to-call");
    CHECK(heading_slug("Step 1: Map the account!") == "step-1-map-the-account");
    CHECK(heading_slug("What's next?") == "whats-next");
    CHECK(heading_slug("snake_case & kebab-case") == "snake_case--kebab-case");  // '_' and '-' stay
    CHECK(heading_slug("a  b") == "a--b");                                     // spaces are not merged
    CHECK(heading_slug("100% (net) $ gain") == "100-net--gain");
    CHECK(heading_slug("") == "");
}

TEST_CASE("heading slugs keep letters of every script, lower-cased") {
    CHECK(heading_slug("\xC5\x81\xC3\xB3\x64\xC5\xBA & Co.") == "\xC5\x82\xC3\xB3\x64\xC5\xBA--co");  // Łódź & Co.
    CHECK(heading_slug("\xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82") ==
          "\xD0\xBF\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82");  // Привет -> привет
    CHECK(heading_slug("\xE5\xAE\xA2\xE6\x88\xB7 \xE5\x9C\xB0\xE5\x9B\xBE") ==
          "\xE5\xAE\xA2\xE6\x88\xB7-\xE5\x9C\xB0\xE5\x9B\xBE");  // 客户 地图
    CHECK(heading_slug("\xC4\xB0zmir") == "i\xCC\x87zmir");  // İzmir, as JavaScript lower-cases İ
    CHECK(heading_slug("Caf\xC3\xA9 \xE2\x80\x94 \xE2\x9C\x93 done") == "caf\xC3\xA9---done");  // em dash, ✓ dropped
}

TEST_CASE("duplicate headings in one file get -1, -2; another file starts again") {
    CHECK(heading_ids("# Notes\n\n## Notes\n\n### Notes\n\n## Other\n") ==
          std::vector<std::string>{"notes", "notes-1", "notes-2", "other"});
    // A heading whose own text is "Notes 1" takes notes-1 first: the next "Notes" skips to notes-2.
    CHECK(heading_ids("# Notes\n\n# Notes 1\n\n# Notes\n") == std::vector<std::string>{"notes", "notes-1", "notes-2"});
    CHECK(heading_ids("# Notes\n") == std::vector<std::string>{"notes"});
}

TEST_CASE("heading ids are computed from the heading's text as GitHub shows it") {
    // Code spans count, an image's description does not, emphasis is only text; `--` stays two hyphens although the
    // page shows an en dash (smart punctuation).
    CHECK(heading_ids("## Use `check` *often*\n") == std::vector<std::string>{"use-check-often"});
    CHECK(heading_ids("## Map ![icon](i.png) here\n") == std::vector<std::string>{"map--here"});
    CHECK(heading_ids("## Before -- after\n") == std::vector<std::string>{"before----after"});
    CHECK(heading_ids("Setext heading\n==============\n") == std::vector<std::string>{"setext-heading"});
    // Headings inside a quote or list are numbered in reading order with the others.
    CHECK(heading_ids("# A\n\n> # A\n\n# A\n") == std::vector<std::string>{"a", "a-2"});  // the quoted one is a-1
}

TEST_CASE("a link to a heading resolves to its page and heading; a missing anchor is a warning at its line") {
    TempCourse t;
    t.write("ch/b.md", TempCourse::module("mod-b", 2, "cat") + "\n## Who to call\n\nText.\n\n## \xC5\x81\xC3\xB3\x64\xC5\xBA & Co.\n");
    // module() is 12 lines; the links start on line 14.
    t.write("ch/a.md", TempCourse::module("mod-a", 1, "cat") +
                           "\n[ok](b.md#who-to-call) [polish](b.md#%C5%82%C3%B3d%C5%BA--co) [case](b.md#Who-To-Call)\n"
                           "\n[gone](b.md#who-to-phone)\n"
                           "\n[here](#nowhere)\n");
    Course course = load_course(t.path());
    const CourseItem* a = course.find_item("mod-a");
    REQUIRE(a);
    std::vector<const Span*> links;
    for (const Block& b : a->blocks)
        for (const Span& s : b.spans)
            if (s.style & kLink) links.push_back(&s);
    REQUIRE(links.size() == 5);
    CHECK(links[0]->page == "mod-b#who-to-call");
    CHECK(links[1]->page == "mod-b#\xC5\x82\xC3\xB3\x64\xC5\xBA--co");
    CHECK(links[2]->page == "mod-b#who-to-call");  // GitHub's page finds it too
    CHECK(links[3]->page == "mod-b");              // opens the page's top
    CHECK(links[4]->page == "mod-a");

    std::ostringstream out;
    run_check(t.path(), out);
    const std::string report = out.str();
    CAPTURE(report);
    CHECK(report.find("ch/a.md:16: warning: link to 'b.md#who-to-phone': no heading '#who-to-phone' in ch/b.md "
                      "(its headings: #who-to-call, #\xC5\x82\xC3\xB3\x64\xC5\xBA--co)") != std::string::npos);
    CHECK(report.find("ch/a.md:18: warning: link to '#nowhere': no heading '#nowhere' in ch/a.md (it has no headings)") !=
          std::string::npos);
    CHECK(report.find("ch/a.md:14:") == std::string::npos);  // the good links pass
    CHECK(report.find("who-to-call':") == std::string::npos);
}
