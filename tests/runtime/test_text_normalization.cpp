// Issue 8: one spelling per letter (NFC) at load, and `check` names the characters no installed font can draw.
#include <doctest/doctest.h>

#include <utf8proc.h>

#include <cstdlib>
#include <sstream>
#include <string>
#include <vector>

#include "runtime/cli/check_command.h"
#include "runtime/course/course_loader.h"
#include "runtime/text/glyph_coverage.h"
#include "runtime/markdown/markdown_parser.h"
#include "runtime/text/text_normalization.h"
#include "temp_course.h"

using namespace gw;

TEST_CASE("to_nfc composes a letter and its combining accent, and leaves composed and ASCII text alone") {
    CHECK(to_nfc("Cafe\xCC\x81") == "Caf\xC3\xA9");                    // e + U+0301 -> é
    CHECK(to_nfc("Jir\xCC\x8Ci\xCC\x81") == "Ji\xC5\x99\xC3\xAD");      // r + caron, i + acute -> ř, í
    CHECK(to_nfc("\xC5\x81\xC3\xB3\x64\xC5\xBA") == "\xC5\x81\xC3\xB3\x64\xC5\xBA");  // Łódź stays
    CHECK(to_nfc("plain ascii") == "plain ascii");
    CHECK(to_nfc("\xEF\xAC\x81") == "\xEF\xAC\x81");  // ﬁ: compatibility forms are not folded
    CHECK(to_nfc("") == "");
    CHECK_FALSE(is_nfc("Cafe\xCC\x81"));
    CHECK(is_nfc("Caf\xC3\xA9"));
}

TEST_CASE("the text to_nfc returns without utf8proc's pass is text NFC leaves alone") {
    // What the shortcut lets through (below U+0300, and U+2010..U+2027), checked against utf8proc's full NFC:
    // alone, after a letter and before one, so no character there is changed or composes with a neighbour.
    auto utf8 = [](char32_t cp) {
        utf8proc_uint8_t buf[4];
        const utf8proc_ssize_t n = utf8proc_encode_char(utf8proc_int32_t(cp), buf);
        return std::string(reinterpret_cast<const char*>(buf), std::size_t(n));
    };
    auto full_nfc = [](const std::string& s) {
        utf8proc_uint8_t* out = utf8proc_NFC(reinterpret_cast<const utf8proc_uint8_t*>(s.c_str()));
        std::string r(reinterpret_cast<const char*>(out));
        std::free(out);
        return r;
    };
    std::vector<char32_t> shortcut;
    for (char32_t cp = 0x20; cp < 0x300; ++cp) shortcut.push_back(cp);
    for (char32_t cp = 0x2010; cp <= 0x2027; ++cp) shortcut.push_back(cp);
    for (char32_t cp : shortcut) {
        if (cp == 0x7F) continue;
        for (const std::string& text : {utf8(cp), "A" + utf8(cp) + "e", utf8(cp) + utf8(cp)}) {
            CAPTURE(unsigned(cp));
            CHECK(full_nfc(text) == text);
            CHECK(to_nfc(text) == text);
        }
    }
    // Punctuation beside a combining mark still goes through utf8proc, and the mark joins its letter.
    CHECK(to_nfc("\xE2\x80\x94" "e\xCC\x81\xE2\x80\x99") == "\xE2\x80\x94\xC3\xA9\xE2\x80\x99");  // —é’
    CHECK(to_nfc("\xE2\x84\xA6") == "\xCE\xA9");  // U+2126 OHM SIGN, a singleton: becomes Ω, outside the shortcut
    CHECK_FALSE(is_nfc("\xE2\x80\x9C" "Cafe\xCC\x81\xE2\x80\x9D"));
    CHECK(is_nfc("\xE2\x80\x9C" "Caf\xC3\xA9\xE2\x80\x9D \xE2\x80\x94 \xC2\xB7"));
}

TEST_CASE("to_nfc keeps text utf8proc refuses rather than losing it") {
    const std::string bad = "abc\xFF\xC3\xA9";
    CHECK(to_nfc(bad) == bad);
}

TEST_CASE("a course written with decomposed accents loads in NFC, body, title and all") {
    test::TempCourse t;
    t.write("ch/a.md",
            "---\nid: mod-a\nnumber: 1\ntitle: Cafe\xCC\x81 talk\nminutes: 5\ncategory: cat\n---\n\n"
            "Meet Jir\xCC\x8Ci\xCC\x81 at the cafe\xCC\x81.\n\n> [!REFLECTION]\n> Think.\n");
    Course c = load_course(t.root());
    REQUIRE(c.chapters.size() == 1);
    const CourseItem* m = c.find_item("mod-a");
    REQUIRE(m != nullptr);
    CHECK(m->title == "Caf\xC3\xA9 talk");
    REQUIRE(!m->blocks.empty());
    CHECK(plain_text(m->blocks[0]) == "Meet Ji\xC5\x99\xC3\xAD at the caf\xC3\xA9.");
}

TEST_CASE("glyph coverage: DejaVu draws Latin, Greek and Cyrillic; the CJK fallback draws Chinese") {
    GlyphCoverage cov(reader_font_files());
    REQUIRE(cov.missing_files().empty());
    CHECK(cov.first_face_with(U'A') == 0);
    CHECK(cov.first_face_with(0x0141) == 0);  // Ł
    CHECK(cov.first_face_with(0x0416) == 0);  // Ж
    CHECK(cov.first_face_with(0x03A9) == 0);  // Ω
    CHECK(cov.first_face_with(0x4E2D) == kCjkFallbackFace);  // 中
    CHECK_FALSE(cov.drawable(0x1F600));  // 😀: beyond ImGui 1.86's 16-bit characters
    std::vector<char32_t> cps;
    collect_code_points("ba\xE4\xB8\xAD\n\ta", cps);
    CHECK(cps == std::vector<char32_t>{U'a', U'b', 0x4E2D});
    // A second text adds only what is new, and the list stays sorted and without repeats.
    collect_code_points("\xE4\xB8\xAD\xC3\xA9\xC3\xA9zab\xC3\xA9", cps);
    CHECK(cps == std::vector<char32_t>{U'a', U'b', U'z', 0xE9, 0x4E2D});
}

TEST_CASE("check warns at file:line about characters no installed font can draw, once per line") {
    test::TempCourse t;
    t.write("ch/b.md",
            "---\nid: mod-b\nnumber: 2\ntitle: Module b\nminutes: 5\ncategory: cat\n---\n\n"
            "Greek \xCE\xA9 and \xE4\xB8\xAD\xE6\x96\x87 are fine.\n\n"
            "A smile \xF0\x9F\x98\x80 and \xF0\x9F\x98\x80 again.\n\n> [!REFLECTION]\n> Think.\n");
    std::ostringstream out;
    CHECK(run_check(t.path(), out) == 0);  // a warning, not an error
    const std::string text = out.str();
    CHECK(text.find("ch/b.md:11: warning: '\xF0\x9F\x98\x80' (U+1F600) has no glyph") != std::string::npos);
    CHECK(text.find("ch/b.md:9:") == std::string::npos);
    CHECK(text.find("U+1F600", text.find("U+1F600") + 1) == std::string::npos);  // once for the line
    CHECK(text.find("1 warning") != std::string::npos);
}

TEST_CASE("an accent written as an entity joins its letter once cmark has decoded it") {
    std::vector<Diagnostic> diags;
    const std::vector<Block> blocks = parse_markdown("Cafe&#x301; and Cafe\xCC\x81.\n", 1, "m.md", diags);
    REQUIRE(blocks.size() == 1);
    CHECK(plain_text(blocks[0]) == "Caf\xC3\xA9 and Caf\xC3\xA9.");
}
