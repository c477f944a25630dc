#include "runtime/text/glyph_coverage.h"

#include <ft2build.h>
#include FT_FREETYPE_H

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

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
    for_each_code_point(text, [&](char32_t cp, const char*, int) {
        if (cp >= 0x20 && cp != 0x7F) out.push_back(cp);
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
    collect_code_points(to_nfc(text.str()), out);
}

void collect_course_code_points(const std::string& dir, std::vector<char32_t>& out) {
    namespace fs = std::filesystem;
    std::error_code ec;
    for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
        if (it->path().extension() == ".md" && it->is_regular_file(ec))
            collect_file_code_points(it->path().string(), kMaxContentFileBytes, out);
}

void check_glyph_coverage(const std::string& display_path, std::string_view text, const GlyphCoverage& coverage,
                          std::vector<Diagnostic>& out) {
    std::size_t line_start = 0;
    int line = 1;
    while (line_start <= text.size()) {
        std::size_t eol = text.find('\n', line_start);
        std::string_view l = text.substr(line_start, eol == std::string_view::npos ? std::string_view::npos
                                                                                    : eol - line_start);
        std::vector<char32_t> seen;
        std::string listed;
        bool beyond_bmp = false;
        for_each_code_point(l, [&](char32_t cp, const char* bytes, int n) {
            if (cp < 0x20 || cp == 0x7F || coverage.drawable(cp)) return;
            if (std::find(seen.begin(), seen.end(), cp) != seen.end()) return;
            seen.push_back(cp);
            beyond_bmp = beyond_bmp || cp > kLastDrawableCodePoint;
            if (!listed.empty()) listed += ", ";
            listed += "'" + std::string(bytes, std::size_t(n)) + "' (" + code_point_name(cp) + ")";
        });
        if (!seen.empty())
            out.push_back({display_path, line, Severity::Warning,
                           listed + (seen.size() == 1 ? " has" : " have") +
                               " no glyph in the installed fonts (DejaVu Sans, WenQuanYi Micro Hei) and will show "
                               "as '?'" +
                               (beyond_bmp ? "; characters beyond U+FFFF, such as most emoji, cannot be drawn at all"
                                           : "") +
                               "; write the text with other characters or install a font that has them"});
        if (eol == std::string_view::npos) break;
        line_start = eol + 1;
        ++line;
    }
}

}  // namespace gw
