#include "ui/fonts.h"

#include <imgui_freetype.h>

#include <filesystem>

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
const ImWchar* glyph_ranges(ImGuiIO& io) {
    static ImVector<ImWchar> ranges;
    if (!ranges.empty()) return ranges.Data;
    ImFontGlyphRangesBuilder b;
    b.AddRanges(io.Fonts->GetGlyphRangesDefault());  // Basic Latin + Latin-1
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
const ImWchar* learner_glyph_ranges(ImGuiIO& io) {
    static ImVector<ImWchar> ranges;
    if (!ranges.empty()) return ranges.Data;
    ImFontGlyphRangesBuilder b;
    b.AddRanges(glyph_ranges(io));
    static const ImWchar extra[] = {
        0x0180, 0x024F,  // Latin Extended-B
        0x0370, 0x03FF,  // Greek
        0x0400, 0x052F,  // Cyrillic and its supplement
        0x1E00, 0x1EFF,  // Latin Extended Additional (Vietnamese, Welsh)
        0x2000, 0x206F,  // all general punctuation
        0x20A0, 0x20CF,  // currency signs
        0x2100, 0x214F,  // letterlike symbols (No., TM)
        0x2190, 0x21FF,  // arrows
        0x2200, 0x22FF,  // mathematical operators
        0x2600, 0x26FF,  // miscellaneous symbols
        0x2700, 0x27BF,  // dingbats: check and cross marks
        0,
    };
    b.AddRanges(extra);
    b.BuildRanges(&ranges);
    return ranges.Data;
}

}  // namespace

Fonts load_fonts(ImGuiIO& io, const std::string& font_dir, float scale, std::string* problem) {
    Fonts f;
    io.Fonts->Clear();
    namespace fs = std::filesystem;
    const char* files[] = {"DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf",
                           "DejaVuSans-BoldOblique.ttf", "DejaVuSansMono.ttf"};
    for (const char* name : files) {
        if (!fs::exists(fs::path(font_dir) / name)) {
            if (problem) *problem = "font " + (fs::path(font_dir) / name).string() + " not found; using the built-in font";
            ImFont* d = io.Fonts->AddFontDefault();
            f.body = {d, d, d, d, d};
            f.ui = f.body;
            f.title = f.heading = f.subheading = f.lead = f.quote = f.label = f.small = d;
            return f;
        }
    }
    const ImWchar* ranges = glyph_ranges(io);
    ImFontConfig cfg;
    cfg.OversampleH = 1;  // FreeType hinting makes oversampling unnecessary and the atlas 3x smaller
    cfg.OversampleV = 1;
    cfg.FontBuilderFlags = ImGuiFreeTypeBuilderFlags_LightHinting;
    const ImWchar* wide = learner_glyph_ranges(io);
    auto load = [&](const char* file, float px, const ImWchar* with = nullptr) {
        return io.Fonts->AddFontFromFileTTF((fs::path(font_dir) / file).c_str(), px * scale, &cfg,
                                            with ? with : ranges);
    };
    // The first font added is ImGui's default: the UI face.
    f.ui = {load("DejaVuSans.ttf", 15, wide), load("DejaVuSans-Bold.ttf", 15, wide), load("DejaVuSans-Oblique.ttf", 15),
            load("DejaVuSans-BoldOblique.ttf", 15), load("DejaVuSansMono.ttf", 14)};
    f.body = {load("DejaVuSans.ttf", 17, wide), load("DejaVuSans-Bold.ttf", 17), load("DejaVuSans-Oblique.ttf", 17, wide),
              load("DejaVuSans-BoldOblique.ttf", 17), load("DejaVuSansMono.ttf", 15.5f)};
    f.title = load("DejaVuSans-Bold.ttf", 31);
    f.heading = load("DejaVuSans-Bold.ttf", 22);
    f.subheading = load("DejaVuSans-Bold.ttf", 18.5f);
    f.lead = load("DejaVuSans-Oblique.ttf", 21);
    f.quote = load("DejaVuSans-BoldOblique.ttf", 21);
    f.label = load("DejaVuSans-Bold.ttf", 12.5f);
    f.small = load("DejaVuSans.ttf", 13, wide);
    io.Fonts->FontBuilderIO = ImGuiFreeType::GetBuilderForFreeType();
    f.loaded_from_files = true;
    return f;
}

}  // namespace gw::ui
