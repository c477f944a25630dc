#pragma once
// The faces and sizes the reader uses: DejaVu Sans through FreeType, with real bold and italic faces.
#include <imgui.h>

#include <memory>
#include <string>
#include <vector>

namespace gw::ui {

struct FontFamily {
    ImFont* regular = nullptr;
    ImFont* bold = nullptr;
    ImFont* italic = nullptr;
    ImFont* bold_italic = nullptr;
    ImFont* mono = nullptr;
    ImFont* pick(bool bold, bool italic, bool code) const;
};

struct Fonts {
    FontFamily body;  // module prose
    FontFamily ui;    // sidebar, buttons, the editor
    ImFont* title = nullptr;       // module title
    ImFont* heading = nullptr;     // ## sections
    ImFont* subheading = nullptr;  // ### and deeper
    ImFont* lead = nullptr;        // the module's opening line, large italic
    ImFont* quote = nullptr;       // pull quotes
    ImFont* label = nullptr;       // small bold caps: callout titles, category names
    ImFont* small = nullptr;       // metadata, status lines
    bool loaded_from_files = false;
    bool cjk_fallback = false;  // WenQuanYi Micro Hei merged in: the text uses characters DejaVu lacks
    std::shared_ptr<const void> glyph_ranges;  // the ranges the atlas was built from (ImGui keeps pointers)
};

// Loads the DejaVu faces from font_dir at the given scale. Falls back to ImGui's built-in font (and says so in
// `problem`) when the files are missing, so the app still opens.
// Adds the faces to `atlas` (CPU only: safe on another thread before the ImGui context exists, which is how the app
// overlaps the atlas build with opening the window).
//
// Glyphs: every face gets Basic Latin, Latin-1, Latin Extended-A and the typographic marks and symbols the views
// draw; the faces that show what learners type (the editor and body text) also get Latin Extended-B, Greek and
// Cyrillic. Every face also gets the code points in `used` (the course's and the learner's text: see
// collect_course_code_points), so a heading in Greek, a title with `Ł` or a name in Chinese is drawn in every
// face. A character a DejaVu variant lacks comes from DejaVu Sans, then from WenQuanYi Micro Hei
// (GROUNDWORK_CJK_FONT), merged in only when `used` needs it: the atlas holds only what the text uses.
// Characters beyond U+FFFF cannot be held (16-bit ImWchar) and show as '?'.
Fonts load_fonts(ImFontAtlas* atlas, const std::string& font_dir, float scale, std::string* problem,
                 const std::vector<char32_t>& used = {});

}  // namespace gw::ui
