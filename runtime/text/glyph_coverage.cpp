#include "runtime/text/glyph_coverage.h"

#include <ft2build.h>
#include FT_FREETYPE_H

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include <nlohmann/json.hpp>
#include <yaml-cpp/yaml.h>

#include "runtime/markdown/markdown_parser.h"
#include "runtime/text/source_file.h"
#include "runtime/text/text_normalization.h"

namespace gw {

struct GlyphCoverage::Impl {
    FT_Library library = nullptr;
    std::vector<FT_Face> faces;  // nullptr where the file could not be opened
};

std::vector<std::string> reader_font_files() {
    const std::string dir = GROUNDWORK_FONT_DIR;
    return {dir + "/DejaVuSans.ttf",         dir + "/DejaVuSans-Bold.ttf", dir + "/DejaVuSans-Oblique.ttf",
            dir + "/DejaVuSans-BoldOblique.ttf", dir + "/DejaVuSansMono.ttf", GROUNDWORK_CJK_FONT};
}

GlyphCoverage::GlyphCoverage(std::vector<std::string> font_files) : impl_(std::make_unique<Impl>()) {
    if (FT_Init_FreeType(&impl_->library) != 0) {
        impl_->library = nullptr;
        missing_ = font_files;
        impl_->faces.assign(font_files.size(), nullptr);
        return;
    }
    for (const std::string& file : font_files) {
        FT_Face face = nullptr;
        if (FT_New_Face(impl_->library, file.c_str(), 0, &face) != 0) {
            face = nullptr;
            missing_.push_back(file);
        }
        impl_->faces.push_back(face);
    }
}

GlyphCoverage::~GlyphCoverage() {
    for (FT_Face f : impl_->faces)
        if (f) FT_Done_Face(f);
    if (impl_->library) FT_Done_FreeType(impl_->library);
}

bool GlyphCoverage::has(int face, char32_t cp) const {
    if (face < 0 || std::size_t(face) >= impl_->faces.size() || !impl_->faces[face]) return false;
    return FT_Get_Char_Index(impl_->faces[face], FT_ULong(cp)) != 0;
}

int GlyphCoverage::first_face_with(char32_t cp) const {
    if (cp > kLastDrawableCodePoint) return -1;
    for (std::size_t i = 0; i < impl_->faces.size(); ++i)
        if (has(int(i), cp)) return int(i);
    return -1;
}

namespace {

// Decodes one code point at p (p < end); returns the bytes it took, or 0 for an invalid sequence.
int decode(const unsigned char* p, const unsigned char* end, char32_t* cp) {
    const unsigned char c = *p;
    int n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (n == 0 || end - p < n) return 0;
    char32_t v = n == 1 ? c : n == 2 ? (c & 0x1F) : n == 3 ? (c & 0x0F) : (c & 0x07);
    for (int i = 1; i < n; ++i) {
        if ((p[i] & 0xC0) != 0x80) return 0;
        v = (v << 6) | (p[i] & 0x3F);
    }
    *cp = v;
    return n;
}

template <class F>
void for_each_code_point(std::string_view text, F&& f) {
    auto p = reinterpret_cast<const unsigned char*>(text.data());
    auto end = p + text.size();
    while (p < end) {
        char32_t cp = 0;
        int n = decode(p, end, &cp);
        if (n == 0) {
            ++p;
            continue;
        }
        f(cp, reinterpret_cast<const char*>(p), n);
        p += n;
    }
}

std::string code_point_name(char32_t cp) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "U+%04X", unsigned(cp));
    return buf;
}

}  // namespace

void collect_code_points(std::string_view text, std::vector<char32_t>& out) {
    // Most characters of a text repeat the same few ASCII letters: those are kept once as they are met, so the sort
    // below only sees the rest (it was the start-up's largest cost here when every character was pushed).
    bool ascii_seen[0x80] = {};
    for (char32_t cp : out)
        if (cp < 0x80) ascii_seen[cp] = true;
    char32_t last_wide = 0;
    for_each_code_point(text, [&](char32_t cp, const char*, int) {
        if (cp < 0x20 || cp == 0x7F) return;
        if (cp < 0x80) {
            if (!ascii_seen[cp]) out.push_back(cp);
            ascii_seen[cp] = true;
        } else if (cp != last_wide) {
            out.push_back(cp);
            last_wide = cp;
        }
    });
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
}

void collect_file_code_points(const std::string& file, std::uintmax_t max_bytes, std::vector<char32_t>& out) {
    std::error_code ec;
    const auto size = std::filesystem::file_size(file, ec);
    if (ec || size > max_bytes) return;
    std::ifstream in(file, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    const std::string raw = text.str();
    collect_code_points(to_nfc(raw), out);
    // A JSON file may hold text as escapes ("\u0141": written by another tool, or by hand); Groundwork writes UTF-8,
    // so its own profiles skip the parse.
    if (raw.find("\\u") == std::string::npos) return;
    const nlohmann::json doc = nlohmann::json::parse(raw, nullptr, false);
    if (doc.is_discarded()) return;
    std::string decoded;
    auto walk = [&](const nlohmann::json& j, int depth, auto& self) -> void {
        if (depth > 256) return;  // the profile format's own nesting limit; deeper is a hostile file
        if (j.is_string()) {
            decoded += j.get_ref<const std::string&>();
            decoded += '\n';
        } else if (j.is_structured()) {
            for (const auto& child : j) self(child, depth + 1, self);
        }
    };
    walk(doc, 0, walk);
    collect_code_points(to_nfc(decoded), out);
}

namespace {

// Limits for walking a parsed front matter or profile: deeper or larger than any real one.
constexpr int kMaxWalkDepth = 64;
constexpr std::size_t kMaxWalkedNodes = 100000;

// The lines of `text` (1-based), as views into it.
std::vector<std::string_view> split_lines(std::string_view text) {
    std::vector<std::string_view> lines;
    std::size_t start = 0;
    while (true) {
        const std::size_t eol = text.find('\n', start);
        lines.push_back(text.substr(start, eol == std::string_view::npos ? std::string_view::npos : eol - start));
        if (eol == std::string_view::npos) break;
        start = eol + 1;
    }
    return lines;
}

// Front matter values, each with the line its node starts on; a YAML document that does not parse, line by line.
void front_matter_text(const SourceFile& file, int last_line, std::vector<DrawnText>& out) {
    // Bounded: a hostile file nests thousands deep or aliases one node into millions (the loader reports those;
    // here they must not overflow the stack or take forever).
    std::size_t budget = kMaxWalkedNodes;
    auto walk = [&](const YAML::Node& node, int depth, auto& self) -> void {
        if (depth > kMaxWalkDepth || budget == 0) return;
        --budget;
        if (node.IsScalar()) {
            const int line = file.front_matter_line + std::max(0, node.Mark().line);
            out.push_back({node.Scalar(), line, std::max(line, last_line)});
        } else if (node.IsSequence()) {
            for (const YAML::Node& child : node) self(child, depth + 1, self);
        } else if (node.IsMap()) {
            for (const auto& kv : node) self(kv.second, depth + 1, self);  // keys are the format's words, never drawn
        }
    };
    try {
        walk(YAML::Load(file.front_matter), 0, walk);
    } catch (const std::exception&) {  // check reports the YAML itself; here every line counts as drawn
        const std::vector<std::string_view> lines = split_lines(file.front_matter);
        for (std::size_t i = 0; i < lines.size(); ++i)
            out.push_back({std::string(lines[i]), file.front_matter_line + int(i), file.front_matter_line + int(i)});
    }
}

// Every block's own text in document order (pre-order), each reaching to the line before the next block.
void block_text(const std::vector<Block>& blocks, std::vector<DrawnText>& out, int depth = 0) {
    if (depth > 256) return;  // cmark nests as deep as the file says; a hostile file must not overflow the stack
    for (const Block& b : blocks) {
        DrawnText piece;
        piece.first_line = piece.last_line = std::max(1, b.line);
        piece.text = b.title;
        auto add_spans = [&](const std::vector<Span>& spans) {
            for (const Span& s : spans) {
                piece.text += ' ';
                piece.text += s.text;
            }
        };
        add_spans(b.spans);
        for (const auto& row : b.table.rows)
            for (const TableCell& cell : row) add_spans(cell.spans);
        for (const ImageRef& image : b.images) piece.text += ' ' + image.alt;
        out.push_back(std::move(piece));
        block_text(b.children, out, depth + 1);
    }
}

}  // namespace

std::vector<DrawnText> drawn_text_of_file(const std::string& display_path, std::string_view text) {
    SourceFile file;
    file.display_path = display_path;
    file.text = std::string(text);
    file.ok = true;
    std::vector<Diagnostic> ignored;  // check and the loader report the file's problems; here only text counts
    split_front_matter(file, ignored);
    const int last_line = int(std::count(text.begin(), text.end(), '\n')) + 1;
    std::vector<DrawnText> out;
    if (file.has_front_matter) front_matter_text(file, file.body_line - 1, out);
    const std::size_t first_block = out.size();
    block_text(parse_markdown(file.body, file.body_line, display_path, ignored), out);
    // A block's text may come from any line before the next block's first (a paragraph's later lines, a table).
    for (std::size_t i = first_block; i < out.size(); ++i) {
        int next = last_line + 1;
        for (std::size_t j = i + 1; j < out.size(); ++j)
            if (out[j].first_line > out[i].first_line) {
                next = out[j].first_line;
                break;
            }
        out[i].last_line = std::max(out[i].first_line, std::min(last_line, next - 1));
    }
    return out;
}

bool may_spell_characters_indirectly(std::string_view text) {
    for (std::size_t at = text.find('&'); at != std::string_view::npos; at = text.find('&', at + 1)) {
        std::size_t end = at + 1;  // &eacute; &#x0141; &#321;: letters, digits and # up to a ;
        while (end < text.size() && end - at <= 32 && (std::isalnum(static_cast<unsigned char>(text[end])) || text[end] == '#'))
            ++end;
        if (end > at + 1 && end < text.size() && text[end] == ';') return true;
    }
    for (std::size_t at = text.find('\\'); at != std::string_view::npos; at = text.find('\\', at + 1))
        if (at + 1 < text.size() && (text[at + 1] == 'u' || text[at + 1] == 'U' || text[at + 1] == 'x'))
            return true;  // a YAML escape in a double-quoted value
    return false;
}

void collect_course_code_points(const std::string& dir, std::vector<char32_t>& out) {
    namespace fs = std::filesystem;
    std::error_code ec;
    for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        if (it->path().extension() != ".md" || !it->is_regular_file(ec)) continue;
        std::vector<Diagnostic> ignored;  // the loader reports unreadable files; they draw nothing
        const SourceFile file = read_source_file(it->path(), it->path().string(), ignored);
        if (!file.ok) continue;
        // The file's own characters hold everything drawn from it (the text is NFC already; the curly quotes,
        // dashes and ellipsis cmark's smart punctuation makes are in every face), plus a few never drawn (link
        // targets, comments) that cost a glyph each. Only a file that may spell a character another way is
        // parsed, which is most of the start-up's second parse of the course saved.
        if (!may_spell_characters_indirectly(file.text)) {
            collect_code_points(file.text, out);
            continue;
        }
        for (const DrawnText& piece : drawn_text_of_file(file.display_path, file.text))
            collect_code_points(piece.text, out);
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
}

void check_glyph_coverage(const std::string& display_path, std::string_view text, const GlyphCoverage& coverage,
                          std::vector<Diagnostic>& out) {
    const std::vector<std::string_view> lines = split_lines(text);
    // line -> the characters it is reported for, in the order first met, each with its UTF-8 bytes
    std::map<int, std::vector<std::pair<char32_t, std::string>>> missing;
    for (const DrawnText& piece : drawn_text_of_file(display_path, text)) {
        for_each_code_point(piece.text, [&](char32_t cp, const char* bytes, int n) {
            if (cp < 0x20 || cp == 0x7F || coverage.drawable(cp)) return;
            const std::string_view written(bytes, std::size_t(n));
            int line = piece.first_line;  // written as an entity or an escape: the block's first line
            for (int l = piece.first_line; l <= piece.last_line && l <= int(lines.size()); ++l)
                if (lines[std::size_t(l - 1)].find(written) != std::string_view::npos) {
                    line = l;
                    break;
                }
            auto& listed = missing[line];
            for (const auto& seen : listed)
                if (seen.first == cp) return;
            listed.emplace_back(cp, std::string(written));
        });
    }
    for (const auto& [line, chars] : missing) {
        std::string listed;
        bool beyond_bmp = false;
        for (const auto& [cp, bytes] : chars) {
            beyond_bmp = beyond_bmp || cp > kLastDrawableCodePoint;
            if (!listed.empty()) listed += ", ";
            listed += "'" + bytes + "' (" + code_point_name(cp) + ")";
        }
        out.push_back({display_path, line, Severity::Warning,
                       listed + (chars.size() == 1 ? " has" : " have") +
                           " no glyph in the installed fonts (DejaVu Sans, WenQuanYi Micro Hei) and will show "
                           "as '?'" +
                           (beyond_bmp ? "; characters beyond U+FFFF, such as most emoji, cannot be drawn at all"
                                       : "") +
                           "; write the text with other characters or install a font that has them"});
    }
}

}  // namespace gw
