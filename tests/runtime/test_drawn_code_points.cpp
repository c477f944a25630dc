// Issue 8, "every letter drawn": the atlas and `check` see the text as the reader draws it, after cmark has
// decoded entities and the loader has normalised to NFC, not the raw bytes of the files.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <sstream>

#include "runtime/cli/check_command.h"
#include "runtime/text/glyph_coverage.h"
#include "runtime/text/source_file.h"
#include "temp_course.h"

using namespace gw;

namespace {

bool has(const std::vector<char32_t>& cps, char32_t cp) { return std::binary_search(cps.begin(), cps.end(), cp); }

}  // namespace

TEST_CASE("characters written only as entities or YAML escapes are in the course's collected code points") {
    test::TempCourse t;
    t.write("ch/a.md",
            "---\nid: mod-a\nnumber: 1\ntitle: \"Stra\\u00DFe nach \\u0416\"\nminutes: 5\ncategory: cat\n---\n\n"
            "Meet &#x0141;&oacute;d&#x17A; caf&eacute; &mdash; e&#x301;\n\n"
            "| a | b |\n|---|---|\n| &#x4E2D; | &Omega; |\n\n"
            "<!-- \xD7\x90 is a note to self, never drawn -->\n\n> [!REFLECTION]\n> Think.\n");
    std::vector<char32_t> used;
    collect_course_code_points(t.path(), used);
    CHECK(std::is_sorted(used.begin(), used.end()));
    CHECK(has(used, 0x0141));  // Ł from &#x0141;
    CHECK(has(used, 0x017A));  // ź from &#x17A;
    CHECK(has(used, 0x00F3));  // ó from &oacute;
    CHECK(has(used, 0x00E9));  // é from &eacute; and from e&#x301; once NFC joins them
    CHECK(has(used, 0x2014));  // — from &mdash;
    CHECK(has(used, 0x4E2D));  // 中 in a table cell
    CHECK(has(used, 0x03A9));  // Ω
    CHECK(has(used, 0x00DF));  // ß from the title's YAML escape
    CHECK(has(used, 0x0416));  // Ж
    CHECK_FALSE(has(used, 0x05D0));  // א only in an HTML comment, which is never drawn
    CHECK_FALSE(has(used, 0x0301));  // the combining accent was joined to its letter
}

TEST_CASE("drawn_text_of_file gives each block's text with its lines, the front matter's values with theirs") {
    const std::string file = "---\ntitle: T&#x41;\n---\n\nPara &#x0141;\nstill para\n\n# Head\n";
    const std::vector<DrawnText> pieces = drawn_text_of_file("x.md", file);
    auto find = [&](const std::string& needle) -> const DrawnText* {
        for (const DrawnText& p : pieces)
            if (p.text.find(needle) != std::string::npos) return &p;
        return nullptr;
    };
    const DrawnText* title = find("T&#x41;");  // YAML is not Markdown: the title is shown as written
    REQUIRE(title);
    CHECK(title->first_line == 2);
    const DrawnText* para = find("Para \xC5\x81");
    REQUIRE(para);
    CHECK(para->first_line == 5);
    CHECK(para->last_line == 7);
    const DrawnText* head = find("Head");
    REQUIRE(head);
    CHECK(head->first_line == 8);
}

TEST_CASE("check warns about an undrawable character written as an entity, and not about one in a comment") {
    test::TempCourse t;
    t.write("ch/b.md",
            "---\nid: mod-b\nnumber: 2\ntitle: Module b\nminutes: 5\ncategory: cat\n---\n\n"
            "A smile &#x1F600; here.\n\n"
            "<!-- \xF0\x9F\x98\x83 in a comment is never drawn -->\n\n"
            "Literal \xF0\x9F\x98\x83\n\n> [!REFLECTION]\n> Think.\n");
    std::ostringstream out;
    CHECK(run_check(t.path(), out) == 0);
    const std::string text = out.str();
    INFO(text);
    CHECK(text.find("ch/b.md:9: warning: '\xF0\x9F\x98\x80' (U+1F600) has no glyph") != std::string::npos);
    CHECK(text.find("ch/b.md:11:") == std::string::npos);  // the comment
    CHECK(text.find("ch/b.md:13: warning: '\xF0\x9F\x98\x83' (U+1F603) has no glyph") != std::string::npos);
    CHECK(text.find("2 warnings") != std::string::npos);
}

TEST_CASE("a profile's text written as JSON escapes is collected as the letters it decodes to") {
    test::TempCourse t;  // any folder to write in
    t.write("p.json", "{\"reflections\": {\"m\": {\"text\": \"\\u0416\\u0443\\u043a\"}}}");
    std::vector<char32_t> used;
    collect_file_code_points((t.root() / "p.json").string(), 1u << 20, used);
    CHECK(has(used, 0x0416));
    CHECK(has(used, 0x043A));
}

TEST_CASE("a file that spells no character indirectly is not parsed: its own characters stand for what it draws") {
    CHECK(may_spell_characters_indirectly("caf&eacute;"));
    CHECK(may_spell_characters_indirectly("&#x0141;"));
    CHECK(may_spell_characters_indirectly("title: \"Stra\\u00DFe\""));
    CHECK_FALSE(may_spell_characters_indirectly("Q & A; R&D"));  // a lone & with a ; far away or none
    CHECK_FALSE(may_spell_characters_indirectly("Ł and \"quotes\" -- dashes, C:\\path"));

    // The shipped course: what is collected holds every character the reader draws from any of its files.
    std::vector<char32_t> used;
    collect_course_code_points(GROUNDWORK_SHIPPED_CONTENT, used);
    std::vector<char32_t> drawn;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(GROUNDWORK_SHIPPED_CONTENT)) {
        if (entry.path().extension() != ".md") continue;
        std::vector<Diagnostic> ignored;
        const SourceFile file = read_source_file(entry.path(), entry.path().string(), ignored);
        REQUIRE(file.ok);
        for (const DrawnText& piece : drawn_text_of_file(file.display_path, file.text))
            collect_code_points(piece.text, drawn);
    }
    std::sort(drawn.begin(), drawn.end());
    drawn.erase(std::unique(drawn.begin(), drawn.end()), drawn.end());
    const std::vector<char32_t> every_face = {0x2013, 0x2014, 0x2018, 0x2019, 0x201C, 0x201D, 0x2026};  // ui/fonts.cpp
    for (char32_t cp : drawn) {
        INFO("U+" << std::hex << unsigned(cp));
        CHECK((has(used, cp) || std::count(every_face.begin(), every_face.end(), cp) == 1));
    }
}
