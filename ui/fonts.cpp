#include "ui/fonts.h"

#include <imgui_freetype.h>

#include <algorithm>
#include <cstring>
#include <deque>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <vector>

#include <utf8proc.h>

#include "runtime/artifacts/money.h"
#include "runtime/text/glyph_coverage.h"
#include "ui/text_style.h"

namespace gw::ui {

ImFont* FontFamily::pick(bool b, bool i, bool code) const {
    if (code) return mono;
    if (b && i) return bold_italic;
    if (b) return bold;
    if (i) return italic;
    return regular;
}

namespace {

// What every face holds whatever the text: printable ASCII and the marks and symbols the views themselves draw
// (the non-ASCII characters in the string literals of ui/, runtime/ and progress/). Nothing else is held unless
// the text uses it: every range here is paid for in all 17 faces.
const ImWchar kBaseRanges[] = {
    0x0020, 0x007E,  // Basic Latin
    0x00B7, 0x00B7,  // middle dot: separators
    0x00D7, 0x00D7,  // multiplication sign: close buttons
    0x2013, 0x2014,  // en and em dash
    0x2018, 0x2019, 0x201C, 0x201D,  // quotation marks
    0x2022, 0x2022,  // bullet
    0x2026, 0x2026,  // ellipsis (ImGui draws it too, for clipped text)
    0x203A, 0x203A,  // breadcrumb separator
    0x2190, 0x2190, 0x2192, 0x2192,  // back and forward arrows
    0x2197, 0x2197,  // north-east arrow: learning records go out
    0x2212, 0x2212,  // minus sign: the Display menu's A−
    0x2501, 0x2501,  // heavy rule
    0x25A4, 0x25A4,  // square with horizontal fill: the Library row
    0x25C6, 0x25C6, 0x25C8, 0x25C9, 0x25CF, 0x25CF,  // diamonds and discs: kinds and states
    0x2605, 0x2606,  // stars
    0x26A0, 0x26A0,  // warning sign
    0x270E, 0x270E,  // pencil
    0x2713, 0x2714,  // check marks
    0x2726, 0x2726,  // four-pointed star
    0,
};

// Faces that show what learners type (the editors, body text, the UI face and status lines) also hold Latin-1:
// the learner types letters the course never used (é, ß, å), and these then show at once instead of after a
// rebuild (ui/font_rebuild.h), which takes a few hundred milliseconds.
const ImWchar kLearnerRanges[] = {
    0x00A0, 0x00FF,  // Latin-1 Supplement
    0x20AC, 0x20AC,  // euro sign: on European keyboards
    0,
};

enum Face { kRegular, kBold, kOblique, kBoldOblique, kMono, kCjk };
const char* const kFiles[] = {"DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf",
                              "DejaVuSans-BoldOblique.ttf", "DejaVuSansMono.ttf"};

// All the glyph range lists one atlas is built from: ImFontConfig keeps pointers to them.
struct RangeStore {
    std::deque<ImVector<ImWchar>> lists;  // a deque never moves its elements: the pointers handed out stay valid
    const ImWchar* add(const ImFontGlyphRangesBuilder& b) {
        lists.emplace_back();
        const_cast<ImFontGlyphRangesBuilder&>(b).BuildRanges(&lists.back());
        return lists.back().Data;
    }
};

}  // namespace

std::vector<char32_t> code_points_in_every_face() {
    std::vector<char32_t> out;
    for (const ImWchar* r = kBaseRanges; r[0]; r += 2)
        for (char32_t c = r[0]; c <= r[1]; ++c) out.push_back(c);
    std::sort(out.begin(), out.end());
    return out;
}

namespace {
unsigned g_font_generation = 0;
}  // namespace

void rasterise_atlas(ImFontAtlas& atlas, float density) {
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    atlas.GetTexDataAsAlpha8(&pixels, &w, &h);  // builds; uploaded as one channel (ui/platform/font_texture.h)
    if (density <= 1.0f) return;
    const float k = 1.0f / density;
    for (ImFont* font : atlas.Fonts) {
        font->FontSize *= k;
        font->Ascent *= k;
        font->Descent *= k;
        for (ImFontGlyph& g : font->Glyphs) {
            g.AdvanceX *= k;
            g.X0 *= k, g.Y0 *= k, g.X1 *= k, g.Y1 *= k;  // UVs stay: the same texels, drawn smaller
        }
        font->BuildLookupTable();  // IndexAdvanceX and FallbackAdvanceX from the scaled glyphs
    }
}

unsigned font_generation() {
    return g_font_generation;
}

void note_fonts_changed() {
    ++g_font_generation;
}

namespace {

// Every face is ImGui's built-in font (ProggyClean): the app still opens without the DejaVu files.
Fonts builtin_fonts(ImFontAtlas* atlas) {
    Fonts f;
    atlas->Clear();
    ImFont* d = atlas->AddFontDefault();
    f.body = {d, d, d, d, d};
    f.ui = f.body;
    f.title = f.heading = f.subheading = f.lead = f.quote = f.label = f.small = d;
    return f;
}

// The whole file in a buffer ImGui can own (IM_ALLOC), or null.
void* read_font_file(const std::string& path, int* size_out) {
    // Read straight into the buffer the atlas will own: a byte-at-a-time stream copy of the five DejaVu files
    // (3.5 MB) was a visible part of the start-up's CPU.
    std::ifstream in(path, std::ios::binary | std::ios::ate);
    const std::streamoff size = in ? std::streamoff(in.tellg()) : std::streamoff(0);
    if (size <= 0 || size >= (std::streamoff(1) << 30)) return nullptr;
    void* bytes = IM_ALLOC(std::size_t(size));
    in.seekg(0);
    if (!in.read(static_cast<char*>(bytes), size)) {
        IM_FREE(bytes);
        return nullptr;
    }
    *size_out = int(size);
    return bytes;
}

}  // namespace

bool read_font_files(ImFontAtlas& atlas, Fonts& fonts, std::string* problem) {
    for (const Fonts::DeferredFile& file : fonts.deferred_files) {
        int size = 0;
        void* bytes = read_font_file(file.path, &size);
        if (!bytes) {
            if (problem) *problem = "font " + file.path + " cannot be read; using the built-in font";
            fonts = builtin_fonts(&atlas);  // frees the placeholders with the configs that own them
            return false;
        }
        for (ImFontConfig& c : atlas.ConfigData)
            if (c.FontData == file.placeholder) {
                c.FontData = bytes;
                c.FontDataSize = size;
            }
        IM_FREE(file.placeholder);  // it had one owner among the configs, which now owns `bytes`
    }
    fonts.deferred_files.clear();
    return true;
}

Fonts load_fonts(ImFontAtlas* atlas, const std::string& font_dir, float scale, std::string* problem,
                 const std::vector<char32_t>& used, float reading_zoom, FontFileReads reads) {
    Fonts f;
    atlas->Clear();
    namespace fs = std::filesystem;
    for (const char* name : kFiles) {
        if (!fs::exists(fs::path(font_dir) / name)) {
            if (problem) *problem = "font " + (fs::path(font_dir) / name).string() + " not found; using the built-in font";
            return builtin_fonts(atlas);
        }
    }
    std::vector<std::string> paths;
    for (const char* name : kFiles) paths.push_back((fs::path(font_dir) / name).string());
    paths.push_back(GROUNDWORK_CJK_FONT);
    GlyphCoverage coverage(paths);

    // The code points of `ranges` (a zero-terminated list of inclusive pairs).
    auto expand = [](const ImWchar* ranges, std::vector<char32_t>& out) {
        for (; ranges[0]; ranges += 2)
            for (char32_t c = ranges[0]; c <= ranges[1]; ++c) out.push_back(c);
    };
    // What each kind of face must draw: a display face the base set and `used`; a text face Latin-1 besides; the
    // label face (small caps: callout titles, categories, kickers) what upper() makes of `used` as well.
    std::vector<char32_t> display_set, text_set, label_set;
    expand(kBaseRanges, display_set);
    // Amounts are formatted by the app, not typed, and shown in titles and summaries too: every face holds the
    // currency signs ($, €, £, ¥, ₹...: Unicode category Sc) of the known currencies and the no-break space
    // format_money puts beside them. Symbols written with letters (kr, zł, Kč) would pull whole alphabets into all
    // faces; the app adds the chosen currency's letters when it is chosen (ui/app.cpp, FontRebuilder).
    std::vector<char32_t> symbols;
    for (const Currency& c : known_currencies()) collect_code_points(c.symbol, symbols);
    for (char32_t cp : symbols)
        if (utf8proc_category(static_cast<utf8proc_int32_t>(cp)) == UTF8PROC_CATEGORY_SC) display_set.push_back(cp);
    display_set.push_back(0x00A0);
    display_set.insert(display_set.end(), used.begin(), used.end());
    text_set = display_set;
    expand(kLearnerRanges, text_set);
    label_set = display_set;
    add_upper_case_forms(label_set);

    // For each DejaVu variant and each set: the characters the variant draws itself, and the ones it lacks, taken
    // from DejaVu Sans, else from the CJK face, else from none (they show as '?').
    auto store = std::make_shared<RangeStore>();
    struct Plan {
        const ImWchar* own = nullptr;
        const ImWchar* from_regular = nullptr;
        const ImWchar* from_cjk = nullptr;
    };
    enum Set { kDisplaySet, kTextSet, kLabelSet };
    const std::vector<char32_t>* sets[] = {&display_set, &text_set, &label_set};
    Plan plans[5][3];  // [variant][Set], planned on first use
    bool planned[5][3] = {};
    bool any_cjk = false;
    auto plan = [&](int v, Set set) -> const Plan& {
        Plan& p = plans[v][set];
        if (planned[v][set]) return p;
        planned[v][set] = true;
        ImFontGlyphRangesBuilder own, regular, cjk;
        bool need_regular = false, need_cjk = false;
        for (char32_t cp : *sets[set]) {
            if (cp > kLastDrawableCodePoint) continue;  // 16-bit ImWchar: cannot be held
            if (coverage.has(v, cp)) {
                own.AddChar(ImWchar(cp));
            } else if (v != kRegular && coverage.has(kRegular, cp)) {
                regular.AddChar(ImWchar(cp));
                need_regular = true;
            } else if (coverage.has(kCjk, cp)) {
                cjk.AddChar(ImWchar(cp));
                need_cjk = true;
            }
        }
        p.own = store->add(own);
        if (need_regular) p.from_regular = store->add(regular);
        if (need_cjk) p.from_cjk = store->add(cjk);
        any_cjk = any_cjk || need_cjk;
        return p;
    };

    // Each file is read once and shared by every face that uses it. ImGui copies font data it does not own, so
    // the atlas is told it owns the one buffer and, below, only its first user keeps that ownership: one copy of
    // each file instead of one per face (the CJK file alone is 5 MB).
    std::map<int, std::pair<void*, int>> data;
    auto file_data = [&](int face) -> std::pair<void*, int> {
        auto it = data.find(face);
        if (it != data.end()) return it->second;
        std::error_code ec;
        const auto bytes_on_disk = fs::file_size(paths[face], ec);
        const auto written = fs::last_write_time(paths[face], ec);
        f.source_stamp += paths[face] + " " + std::to_string(ec ? 0 : bytes_on_disk) + " " +
                          std::to_string(ec ? 0 : written.time_since_epoch().count()) + ";";
        if (reads == FontFileReads::WhenBuilt) {
            // One byte that stands for the file until read_font_files: a distinct buffer per file, owned like the
            // real one would be. Built as it is, FreeType would refuse a one-byte font rather than read past it.
            void* placeholder = IM_ALLOC(1);
            f.deferred_files.push_back({placeholder, paths[face]});
            return data[face] = {placeholder, 1};
        }
        int size = 0;
        void* copy = read_font_file(paths[face], &size);
        return data[face] = {copy, size};
    };
    ImFontConfig cfg;
    cfg.OversampleH = 1;  // FreeType hinting makes oversampling unnecessary and the atlas 3x smaller
    cfg.OversampleV = 1;
    cfg.FontBuilderFlags = ImGuiFreeTypeBuilderFlags_LightHinting;
    cfg.FontDataOwnedByAtlas = true;
    auto add = [&](int face, float px, const ImWchar* ranges, bool merge) -> ImFont* {
        auto [bytes, size] = file_data(face);
        if (!bytes) return nullptr;
        ImFontConfig c = cfg;
        c.MergeMode = merge;
        return atlas->AddFontFromMemoryTTF(bytes, size, px * scale, &c, ranges);
    };
    // A face in one DejaVu variant, with what it lacks merged in from DejaVu Sans and the CJK face.
    auto load = [&](int v, float px, Set set) {
        const Plan& p = plan(v, set);
        ImFont* font = add(v, px, p.own, false);
        if (p.from_regular) add(kRegular, px, p.from_regular, true);
        if (p.from_cjk) add(kCjk, px, p.from_cjk, true);
        return font;
    };
    // The first font added is ImGui's default: the UI face. The text faces (UI, body, small) show what learners
    // type and get Latin-1 besides; the display faces (title, headings, label, lead, quote) only ASCII, the views'
    // symbols and the code points in `used`.
    f.ui = {load(kRegular, 15, kTextSet), load(kBold, 15, kTextSet), load(kOblique, 15, kTextSet),
            load(kBoldOblique, 15, kTextSet), load(kMono, 14, kTextSet)};
    const float z = reading_zoom;
    f.body = {load(kRegular, 17 * z, kTextSet), load(kBold, 17 * z, kTextSet), load(kOblique, 17 * z, kTextSet),
              load(kBoldOblique, 17 * z, kTextSet), load(kMono, 15.5f * z, kTextSet)};
    f.title = load(kBold, 31 * z, kDisplaySet);
    f.heading = load(kBold, 22 * z, kDisplaySet);
    f.subheading = load(kBold, 18.5f * z, kDisplaySet);
    f.lead = load(kOblique, 21 * z, kDisplaySet);
    f.quote = load(kBoldOblique, 21 * z, kDisplaySet);
    f.label = load(kBold, 12.5f, kLabelSet);
    f.small = load(kRegular, 13, kTextSet);
    f.cjk_fallback = any_cjk;
    // One owner per shared buffer: ImGui frees each owned FontData in ClearInputData and Clear.
    for (int i = 0; i < atlas->ConfigData.Size; ++i)
        for (int j = 0; j < i; ++j)
            if (atlas->ConfigData[j].FontData == atlas->ConfigData[i].FontData &&
                atlas->ConfigData[j].FontDataOwnedByAtlas) {
                atlas->ConfigData[i].FontDataOwnedByAtlas = false;
                break;
            }
    atlas->FontBuilderIO = ImGuiFreeType::GetBuilderForFreeType();
    f.glyph_ranges = store;
    f.scale = scale;
    f.reading_zoom = reading_zoom;
    f.loaded_from_files = true;
    return f;
}

}  // namespace gw::ui
