#include "ui/fonts.h"

#include <imgui_freetype.h>

#include <cstring>
#include <deque>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <vector>

#include "runtime/glyph_coverage.h"

namespace gw::ui {

ImFont* FontFamily::pick(bool b, bool i, bool code) const {
    if (code) return mono;
    if (b && i) return bold_italic;
    if (b) return bold;
    if (i) return italic;
    return regular;
}

namespace {

// What every face holds whatever the text: Latin-1 and Latin Extended-A (names from across Europe, typed into a
// heading-sized field too) and the marks and symbols the views draw.
const ImWchar kBaseRanges[] = {
    0x0020, 0x00FF,  // Basic Latin + Latin-1
    0x0100, 0x017F,  // Latin Extended-A
    0x2010, 0x2027,  // dashes, quotes, bullet, ellipsis
    0x2030, 0x203A,  // per mille, angle quotes
    0x20AC, 0x20AC,  // euro
    0x2190, 0x2193,  // arrows
    0x2500, 0x2501, 0x25C6, 0x25CF, 0x2605, 0x2606, 0x26A0, 0x26A0,
    0x2713, 0x2714, 0x2726, 0x2726, 0x270E, 0x270E, 0x27A4, 0x27A4, 0,
};

// Faces that show what learners type (editors, lists, previews, body text) also cover the other European scripts
// and common symbols, so a colleague's name in Greek or Cyrillic typed today is drawn before any atlas rebuild.
const ImWchar kLearnerRanges[] = {
    0x0180, 0x024F,  // Latin Extended-B
    0x0370, 0x03FF,  // Greek
    0x0400, 0x04FF,  // Cyrillic
    0x2000, 0x206F,  // all general punctuation
    0x20A0, 0x20BF,  // currency signs
    0x2122, 0x2122,  // trade mark
    0x2190, 0x2199,  // arrows
    0x2713, 0x2718,  // check and cross marks
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

Fonts load_fonts(ImFontAtlas* atlas, const std::string& font_dir, float scale, std::string* problem,
                 const std::vector<char32_t>& used) {
    Fonts f;
    atlas->Clear();
    namespace fs = std::filesystem;
    for (const char* name : kFiles) {
        if (!fs::exists(fs::path(font_dir) / name)) {
            if (problem) *problem = "font " + (fs::path(font_dir) / name).string() + " not found; using the built-in font";
            ImFont* d = atlas->AddFontDefault();
            f.body = {d, d, d, d, d};
            f.ui = f.body;
            f.title = f.heading = f.subheading = f.lead = f.quote = f.label = f.small = d;
            return f;
        }
    }
    std::vector<std::string> paths;
    for (const char* name : kFiles) paths.push_back((fs::path(font_dir) / name).string());
    paths.push_back(GROUNDWORK_CJK_FONT);
    GlyphCoverage coverage(paths);

    // Which used characters each DejaVu variant lacks and which face supplies them instead (-1: none can).
    auto store = std::make_shared<RangeStore>();
    struct Variant {
        const ImWchar* own_narrow = nullptr;  // base + used, for this variant
        const ImWchar* own_wide = nullptr;    // base + learner + used
        const ImWchar* from_regular = nullptr;
        const ImWchar* from_cjk = nullptr;
    };
    Variant variants[5];
    bool any_cjk = false;
    for (int v = kRegular; v <= kMono; ++v) {
        ImFontGlyphRangesBuilder narrow, wide, regular, cjk;
        narrow.AddRanges(kBaseRanges);
        wide.AddRanges(kBaseRanges);
        wide.AddRanges(kLearnerRanges);
        bool need_regular = false, need_cjk = false;
        for (char32_t cp : used) {
            if (cp > 0xFFFF) continue;  // 16-bit ImWchar: cannot be held
            if (coverage.has(v, cp)) {
                narrow.AddChar(ImWchar(cp));
                wide.AddChar(ImWchar(cp));
            } else if (v != kRegular && coverage.has(kRegular, cp)) {
                regular.AddChar(ImWchar(cp));
                need_regular = true;
            } else if (coverage.has(kCjk, cp)) {
                cjk.AddChar(ImWchar(cp));
                need_cjk = true;
            }
        }
        variants[v].own_narrow = store->add(narrow);
        variants[v].own_wide = store->add(wide);
        if (need_regular) variants[v].from_regular = store->add(regular);
        if (need_cjk) variants[v].from_cjk = store->add(cjk);
        any_cjk = any_cjk || need_cjk;
    }
    f.cjk_fallback = any_cjk;

    // Each file is read once and shared by every face that uses it. ImGui copies font data it does not own, so
    // the atlas is told it owns the one buffer and, below, only its first user keeps that ownership: one copy of
    // each file instead of one per face (the CJK file alone is 5 MB).
    std::map<int, std::pair<void*, int>> data;
    auto file_data = [&](int face) -> std::pair<void*, int> {
        auto it = data.find(face);
        if (it != data.end()) return it->second;
        std::ifstream in(paths[face], std::ios::binary);
        std::vector<char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        void* copy = nullptr;
        if (!bytes.empty()) {
            copy = IM_ALLOC(bytes.size());
            std::memcpy(copy, bytes.data(), bytes.size());
        }
        return data[face] = {copy, int(bytes.size())};
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
    auto load = [&](int v, float px, bool learner) {
        ImFont* font = add(v, px, learner ? variants[v].own_wide : variants[v].own_narrow, false);
        if (variants[v].from_regular) add(kRegular, px, variants[v].from_regular, true);
        if (variants[v].from_cjk) add(kCjk, px, variants[v].from_cjk, true);
        return font;
    };
    // The first font added is ImGui's default: the UI face. The learner's ranges go only where learners' text is
    // shown (the editor, lists, previews): every face costs atlas time and memory at startup.
    f.ui = {load(kRegular, 15, true), load(kBold, 15, false), load(kOblique, 15, false), load(kBoldOblique, 15, false),
            load(kMono, 14, false)};
    f.body = {load(kRegular, 17, true), load(kBold, 17, false), load(kOblique, 17, true),
              load(kBoldOblique, 17, false), load(kMono, 15.5f, false)};
    f.title = load(kBold, 31, false);
    f.heading = load(kBold, 22, false);
    f.subheading = load(kBold, 18.5f, false);
    f.lead = load(kOblique, 21, false);
    f.quote = load(kBoldOblique, 21, false);
    f.label = load(kBold, 12.5f, false);
    f.small = load(kRegular, 13, false);
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
    f.loaded_from_files = true;
    return f;
}

}  // namespace gw::ui
