#pragma once
// Which characters the installed fonts can draw, asked of the font files through FreeType (FT_Get_Char_Index).
// The app builds its glyph atlas from the code points a course uses and `check` warns about the ones no font has.
// Runtime code: FreeType only, never ImGui.
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "runtime/text/diagnostics.h"

namespace gw {

// The faces the reader draws with, in fallback order: DejaVu Sans (regular, bold, oblique, bold oblique), DejaVu
// Sans Mono, then WenQuanYi Micro Hei (Debian fonts-wqy-microhei) for Chinese, Japanese and Korean. Paths come
// from the build (GROUNDWORK_FONT_DIR, GROUNDWORK_CJK_FONT).
std::vector<std::string> reader_font_files();
// Index of the CJK fallback face in reader_font_files().
constexpr int kCjkFallbackFace = 5;

// Dear ImGui 1.86 as Debian builds it stores characters in 16 bits: code points above U+FFFF (most emoji,
// historic scripts) can never be drawn, whatever the fonts hold.
constexpr char32_t kLastDrawableCodePoint = 0xFFFF;

class GlyphCoverage {
public:
    // Opens face 0 of each file (a .ttc collection: its first face). A file that is missing or unreadable covers
    // nothing and is listed in missing_files().
    explicit GlyphCoverage(std::vector<std::string> font_files);
    ~GlyphCoverage();
    GlyphCoverage(const GlyphCoverage&) = delete;
    GlyphCoverage& operator=(const GlyphCoverage&) = delete;

    // True when face `face` (index into the constructor's list) has a glyph for `cp`.
    bool has(int face, char32_t cp) const;
    // The first face that has `cp`, or -1 when none does or cp is beyond kLastDrawableCodePoint.
    int first_face_with(char32_t cp) const;
    bool drawable(char32_t cp) const { return first_face_with(cp) >= 0; }
    const std::vector<std::string>& missing_files() const { return missing_; }

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
    std::vector<std::string> missing_;
};

// Appends every code point of UTF-8 `text` to `out` (sorted, without duplicates after the call). Invalid bytes
// are skipped. Control characters (below U+0020) are left out: they are layout, never drawn.
void collect_code_points(std::string_view text, std::vector<char32_t>& out);

// A piece of text the reader draws from a course file, with the source lines it was written on.
struct DrawnText {
    std::string text;  // UTF-8, NFC
    int first_line = 1;  // 1-based, in the whole file
    int last_line = 1;   // inclusive; a block's text may come from any line up to the next block's
};

// What the app draws from one course file (its whole text, NFC): the string values of the YAML front matter
// (titles, categories, labels: YAML escapes such as "\u0141" decoded), and the Markdown body as the loader parses
// it (runtime/markdown/markdown_parser.h: cmark-gfm decodes entities such as &#x0141;, &eacute; and &mdash;, makes
// quotes and dashes curly, and the spans are NFC). HTML comments, tags and link targets are left out: they are
// never drawn. Front matter YAML cannot parse is taken line by line as written. Never throws.
std::vector<DrawnText> drawn_text_of_file(const std::string& display_path, std::string_view text);

// True when `text` may spell a character other than by writing it: an HTML entity or numeric reference
// (&eacute;, &#x0141;) or a YAML escape (\u00e9, \x41). False means every character drawn from it is in it.
bool may_spell_characters_indirectly(std::string_view text);

// The characters a course uses, for the app's glyph atlas: a superset of the code points of drawn_text_of_file for
// every .md file under `dir` (recursively; files over kMaxContentFileBytes, not UTF-8 or binary are skipped, as the
// loader refuses them): a file without entities or escapes gives its own characters (no Markdown parse), the others
// exactly what is drawn. Appended to `out`, sorted and unique. A folder that cannot be read adds nothing.
void collect_course_code_points(const std::string& dir, std::vector<char32_t>& out);
// Every code point of one file as it is (a learner's profile: its JSON holds their text as UTF-8), in NFC, and
// when it is JSON with \u escapes, those of its decoded strings too; nothing when it is missing or larger than
// `max_bytes`.
void collect_file_code_points(const std::string& file, std::uintmax_t max_bytes, std::vector<char32_t>& out);

// `check`'s rule, over the same text the atlas is built from (drawn_text_of_file, so an entity such as &#x1F600;
// counts and an HTML comment does not): one warning per line of `text` (a file's whole text, NFC; line 1 is its
// first line) that holds characters no face in `coverage` can draw, naming each as 'X' (U+XXXX): they would show
// as '?'. A character is reported on the line where it is written literally, else (an entity, a YAML escape) on
// the first line of the block that draws it.
void check_glyph_coverage(const std::string& display_path, std::string_view text, const GlyphCoverage& coverage,
                          std::vector<Diagnostic>& out);

}  // namespace gw
