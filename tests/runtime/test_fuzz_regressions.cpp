// Inputs the libFuzzer targets in tests/fuzz found to crash, kept as regression tests so the plain and sanitizer
// suites replay them. Each case names its target and what went wrong; the reproducer also sits in that target's
// seed corpus (tests/fuzz/corpus/<target>/), which CTest replays in the fuzzing build.
#include <doctest/doctest.h>

#include <filesystem>
#include <sstream>
#include <string>

#include "../progress/temp_dir.h"
#include "runtime/artifacts/artifact_declarations.h"
#include "runtime/artifacts/artifact_export.h"
#include "runtime/course/course_loader.h"
#include "runtime/markdown/markdown_parser.h"
#include "temp_course.h"

using namespace gw;

namespace {

std::string all_messages(const std::vector<Diagnostic>& ds) {
    std::string s;
    for (const Diagnostic& d : ds) s += format_diagnostic(d) + "\n";
    return s;
}

}  // namespace

// fuzz_artifact_declaration, first seed: the front matter linter bound `const YAML::Node&` to `it->first` and
// `it->second` of a yaml-cpp map iterator, whose operator-> returns a temporary; every mapping key was then read
// after its scope ended (AddressSanitizer: stack-use-after-scope in FrontMatterLint::walk). Any front matter at all
// reached it. Without ASan the dead stack usually still holds the node, so this case fails in the sanitizer build.
TEST_CASE("fuzz regression: front matter keys are read while they are alive (declaration, module, duplicate key)") {
    test::TempCourse course;
    std::filesystem::create_directories(course.root() / "artifacts");
    course.write("artifacts/k.md", "---\nid: k\ntitle: K\nscope: account\n---\nDescription only.\n");
    course.write("ch/a.md", "---\nid: mod-a\nnumber: 1\ntitle: A\ntitle: Again\nminutes: 5\ncategory: cat\n"
                            "nested: {x: 1, y: [a, {z: 2}]}\n---\nBody.\n\n> [!REFLECTION]\n> Think.\n");

    std::vector<Diagnostic> out;
    const std::vector<ArtifactKind> kinds = load_artifact_kinds(course.root(), "", out);
    REQUIRE(kinds.size() == 1);
    CHECK(kinds[0].id == "k");
    CHECK(kinds[0].title == "K");
    CHECK(all_messages(out).find("'fields' must be a list") != std::string::npos);

    const Course loaded = load_course(course.root());
    const CourseItem* a = loaded.find_item("mod-a");
    REQUIRE(a != nullptr);
    CHECK(a->title == "A");  // the first of a key written twice is used...
    const std::string messages = all_messages(loaded.diagnostics);
    CHECK(messages.find("key 'title' is written twice, at lines 4 and 5") != std::string::npos);  // ...and named
}

// fuzz_export: an account name of a few hundred ASCII letters became a file name longer than the file system takes
// (255 bytes), so "Export all artifacts" failed for every artifact with "File name too long". File names are built
// from slugs of the account name, kind id, artifact id and table field id; each slug is now capped.
TEST_CASE("fuzz regression: a very long account name or table field still exports, under a file name the disk takes") {
    test::TempDir dir;
    Profile p;
    const std::string long_name(1000, 'a');
    Account& account = p.add_account(long_name + " Traders", 1);
    Artifact& a = p.add_artifact(long_name, "Kind", account.id, 1);
    a.values[long_name] = nlohmann::json::array({{{"x", 1}}});  // a table under a very long field id
    std::ostringstream log;
    std::string error;
    CHECK(export_artifacts(p, Course{}, "md", dir / "md", log, &error) == 1);
    CHECK(error == "");
    CHECK(export_artifacts(p, Course{}, "csv", dir / "csv", log, &error) == 1);
    CHECK(error == "");
    for (const char* sub : {"md", "csv"})
        for (const auto& e : std::filesystem::directory_iterator(dir / sub)) {
            CHECK(e.path().filename().string().size() <= 255);
            CHECK(e.path().filename().string().rfind("aaaa", 0) == 0);  // still named after the account
        }
    CHECK(export_slug(long_name).size() <= 64);
}

// fuzz_module, seeds deep-quotes.md and deep-lists.md: Markdown nested thousands of levels deep (20,000 '>' or
// 10,000 "- " on one line, 20 KB) made Parser::blocks recurse once per level and overflow the stack (ASan:
// stack-overflow in runtime/markdown/markdown_parser.cpp); a content file may be 1 MB. The block layout recursed the same
// way over the model. Emphasis nests too (`***...***`). Now: no crash, a message at the line, the text still shown.
TEST_CASE("fuzz regression: Markdown nested thousands of levels deep gets a message, not a stack overflow") {
    std::string lists;
    for (int i = 0; i < 10000; ++i) lists += "- ";
    const std::string emphasis = std::string(6000, '*') + "deep" + std::string(6000, '*');
    for (const std::string& markdown : {std::string(20000, '>') + " deep\n", lists + "deep\n", emphasis + "\n"}) {
        std::vector<Diagnostic> out;
        const std::vector<Block> blocks = parse_markdown(markdown, 1, "m.md", out);
        REQUIRE(!blocks.empty());
        REQUIRE(!out.empty());
        CHECK(out[0].line == 1);
        CHECK(out[0].message.find("nested more than") != std::string::npos);
        std::string text;
        for (const Block& b : blocks) text += plain_text(b);
        CHECK(text.find("deep") != std::string::npos);
    }
}
