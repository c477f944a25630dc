#include <doctest/doctest.h>

#include <algorithm>

#include "runtime/course/course_loader.h"
#include "runtime/course/page_navigator.h"

using namespace gw;

namespace {
const std::string kMini = std::string(GROUNDWORK_TEST_DATA) + "/mini-course";

std::vector<CalloutKind> callouts(const CourseItem& item) {
    std::vector<CalloutKind> kinds;
    for (const auto& b : item.blocks)
        if (b.kind == BlockKind::Callout) kinds.push_back(b.callout);
    return kinds;
}
}  // namespace

TEST_CASE("the fixture course loads into chapters, categories, modules and homework") {
    Course c = load_course(kMini);
    CHECK(c.diagnostics.empty());
    CHECK(c.title == "Mini Course");
    REQUIRE(c.chapters.size() == 1);
    const Chapter& ch = c.chapters[0];
    CHECK(ch.number == 1);
    CHECK(ch.tagline == "Every block kind, once");
    REQUIRE(ch.modules.size() == 3);
    REQUIRE(ch.homework.size() == 1);
    CHECK(ch.modules[0].id == "mini-one");
    CHECK(ch.modules[2].category == "basics");  // a category may come back after another one
    CHECK(ch.total_minutes() == 16);
    CHECK(ch.homework[0].kind == ItemKind::Homework);
    REQUIRE(!ch.introduction.empty());
    CHECK(ch.introduction[0].spans[1].style == kBold);
}

TEST_CASE("every block kind is recognised, with default titles and source lines") {
    Course c = load_course(kMini);
    const CourseItem& m = c.chapters[0].modules[0];
    CHECK(callouts(m) == std::vector<CalloutKind>{CalloutKind::Lead, CalloutKind::Stat, CalloutKind::Process,
                                                   CalloutKind::Mistake, CalloutKind::Insight, CalloutKind::Pause,
                                                   CalloutKind::PullQuote, CalloutKind::Takeaways,
                                                   CalloutKind::Reflection, CalloutKind::Outcome});
    auto find = [&](CalloutKind k) {
        return *std::find_if(m.blocks.begin(), m.blocks.end(), [&](const Block& b) { return b.callout == k; });
    };
    CHECK(find(CalloutKind::Stat).title == "The Economics");
    CHECK(find(CalloutKind::Pause).title == "Pause & Reflect");
    CHECK(find(CalloutKind::Takeaways).title == "Hold on to these");
    CHECK(find(CalloutKind::Stat).line == 21);  // the line of "> [!STAT]" in m1.md
    const Block& process = find(CalloutKind::Process);
    REQUIRE(process.children.size() == 1);
    CHECK(process.children[0].kind == BlockKind::OrderedList);
    CHECK(process.children[0].children.size() == 3);
    // the marker line is gone from the box's text
    CHECK(plain_text(find(CalloutKind::Mistake)).find("[!") == std::string::npos);
    CHECK(m.reflection_prompt() != nullptr);
}

TEST_CASE("inline styles and links survive into spans") {
    Course c = load_course(kMini);
    const CourseItem& m = c.chapters[0].modules[0];
    const Block* para = nullptr;
    for (const auto& b : m.blocks)
        if (b.kind == BlockKind::Paragraph) { para = &b; break; }
    REQUIRE(para);
    bool italic = false, bold = false, code = false, link = false;
    for (const auto& s : para->spans) {
        italic |= s.style == kItalic && s.text == "italic";
        bold |= s.style == kBold && s.text == "bold";
        code |= s.style == kCode && s.text == "code";
        link |= (s.style & kLink) && s.url == "https://example.com/docs";
    }
    CHECK(italic);
    CHECK(bold);
    CHECK(code);
    CHECK(link);
    CHECK(plain_text(para->spans).find('\n') == std::string::npos);  // soft breaks become spaces
}

TEST_CASE("page order runs overview, modules, homework, and the navigator walks it") {
    Course c = load_course(kMini);
    auto order = page_order(c);
    CHECK(order == std::vector<std::string>{"ch1", "mini-one", "mini-two", "mini-three", "mini-hw"});
    PageNavigator nav;
    nav.reset(c, "mini-two");
    CHECK(nav.current() == "mini-two");
    CHECK(nav.next());
    CHECK(nav.current() == "mini-three");
    CHECK(nav.last());
    CHECK(nav.current() == "mini-hw");
    CHECK_FALSE(nav.next());
    CHECK(nav.first());
    CHECK(nav.current() == "ch1");
    CHECK_FALSE(nav.previous());
    nav.reset(c, "no-such-page");
    CHECK(nav.current() == "ch1");
}
