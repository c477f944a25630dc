#include "ui/fonts.h"

#include <imgui_freetype.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <vector>

namespace gw::ui {

ImFont* FontFamily::pick(bool b, bool i, bool code) const {
    if (code) return mono;
    if (b && i) return bold_italic;
    if (b) return bold;
    if (i) return italic;
    return regular;
}

namespace {

// Only the characters a course and a learner's notes need: a full Unicode atlas would cost megabytes per size.
const ImWchar* glyph_ranges(ImFontAtlas* atlas) {
    static ImVector<ImWchar> ranges;
    if (!ranges.empty()) return ranges.Data;
    ImFontGlyphRangesBuilder b;
    b.AddRanges(atlas->GetGlyphRangesDefault());  // Basic Latin + Latin-1
    static const ImWchar extra[] = {
        0x0100, 0x017F,  // Latin Extended-A: names from across Europe
        0x2010, 0x2027,  // dashes, quotes, bullet, ellipsis
        0x2030, 0x203A,  // per mille, angle quotes
        0x20AC, 0x20AC,  // euro
        0x2190, 0x2193,  // arrows
        0x2022, 0x2022, 0x2500, 0x2501, 0x25C6, 0x25CF, 0x2605, 0x2606, 0x26A0, 0x26A0,
        0x2713, 0x2714, 0x2726, 0x2726, 0x270E, 0x270E, 0x27A4, 0x27A4, 0,
    };
    b.AddRanges(extra);
    b.BuildRanges(&ranges);
    return ranges.Data;
}

// Faces that show what learners type (editors, lists, previews) also cover the other European scripts and the
// common symbols DejaVu has: a colleague's name in Greek or Cyrillic must not turn into question marks.
const ImWchar* learner_glyph_ranges(ImFontAtlas* atlas) {
    static ImVector<ImWchar> ranges;
    if (!ranges.empty()) return ranges.Data;
    ImFontGlyphRangesBuilder b;
    b.AddRanges(glyph_ranges(atlas));
    static const ImWchar extra[] = {
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
    b.AddRanges(extra);
    b.BuildRanges(&ranges);
    return ranges.Data;
}

// Headings, labels and code show course text only: Latin-1 and the typographic marks the course uses.
const ImWchar* display_glyph_ranges() {
    static const ImWchar ranges[] = {
        0x0020, 0x00FF, 0x2010, 0x2027, 0x2030, 0x203A, 0x20AC, 0x20AC, 0x2190, 0x2193,
        0x2500, 0x2501, 0x25C6, 0x25CF, 0x2605, 0x2606, 0x26A0, 0x26A0, 0x2713, 0x2714,
        0x2726, 0x2726, 0x270E, 0x270E, 0,
    };
    return ranges;
}

}  // namespace

Fonts load_fonts(ImFontAtlas* atlas, const std::string& font_dir, float scale, std::string* problem) {
    Fonts f;
    atlas->Clear();
    namespace fs = std::filesystem;
    const char* files[] = {"DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf",
                           "DejaVuSans-BoldOblique.ttf", "DejaVuSansMono.ttf"};
    for (const char* name : files) {
        if (!fs::exists(fs::path(font_dir) / name)) {
            if (problem) *problem = "font " + (fs::path(font_dir) / name).string() + " not found; using the built-in font";
            ImFont* d = atlas->AddFontDefault();
            f.body = {d, d, d, d, d};
            f.ui = f.body;
            f.title = f.heading = f.subheading = f.lead = f.quote = f.label = f.small = d;
            return f;
        }
    }
    const ImWchar* ranges = glyph_ranges(atlas);
    ImFontConfig cfg;
    cfg.OversampleH = 1;  // FreeType hinting makes oversampling unnecessary and the atlas 3x smaller
    cfg.OversampleV = 1;
    cfg.FontBuilderFlags = ImGuiFreeTypeBuilderFlags_LightHinting;
    const ImWchar* wide = learner_glyph_ranges(atlas);
    // Each file is read from disk once for all its sizes (ImGui keeps its own copy per face until the atlas is
    // built; the app frees those with ClearInputData once it has the texture).
    std::map<std::string, std::vector<char>> files_read;
    cfg.FontDataOwnedByAtlas = false;
    auto load = [&](const char* file, float px, const ImWchar* with = nullptr) {
        std::vector<char>& data = files_read[(fs::path(font_dir) / file).string()];
        if (data.empty()) {
            std::ifstream in(fs::path(font_dir) / file, std::ios::binary);
            data.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
        }
        return atlas->AddFontFromMemoryTTF(data.data(), static_cast<int>(data.size()), px * scale, &cfg,
                                           with ? with : ranges);
    };
    // The first font added is ImGui's default: the UI face.
    // Every face costs atlas time and memory at startup: the wide ranges go only where learners' text is shown
    // (the editor, lists, previews), the rest keep the course's own character set.
    const ImWchar* display = display_glyph_ranges();
    f.ui = {load("DejaVuSans.ttf", 15, wide), load("DejaVuSans-Bold.ttf", 15), load("DejaVuSans-Oblique.ttf", 15, display),
            load("DejaVuSans-BoldOblique.ttf", 15, display), load("DejaVuSansMono.ttf", 14, display)};
    f.body = {load("DejaVuSans.ttf", 17, wide), load("DejaVuSans-Bold.ttf", 17), load("DejaVuSans-Oblique.ttf", 17, wide),
              load("DejaVuSans-BoldOblique.ttf", 17, display), load("DejaVuSansMono.ttf", 15.5f, display)};
    f.title = load("DejaVuSans-Bold.ttf", 31, display);
    f.heading = load("DejaVuSans-Bold.ttf", 22, display);
    f.subheading = load("DejaVuSans-Bold.ttf", 18.5f, display);
    f.lead = load("DejaVuSans-Oblique.ttf", 21, display);
    f.quote = load("DejaVuSans-BoldOblique.ttf", 21, display);
    f.label = load("DejaVuSans-Bold.ttf", 12.5f, display);
    f.small = load("DejaVuSans.ttf", 13);
    atlas->FontBuilderIO = ImGuiFreeType::GetBuilderForFreeType();
    f.loaded_from_files = true;
    return f;
}

}  // namespace gw::ui
