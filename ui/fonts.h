#pragma once
// The faces and sizes the reader uses: DejaVu Sans through FreeType, with real bold and italic faces.
#include <imgui.h>

#include <string>

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
};

// Loads the DejaVu faces from font_dir at the given scale. Falls back to ImGui's built-in font (and says so in
// `problem`) when the files are missing, so the app still opens.
// Adds the faces to `atlas` (CPU only: safe on another thread before the ImGui context exists, which is how the app
// overlaps the atlas build with opening the window).
Fonts load_fonts(ImFontAtlas* atlas, const std::string& font_dir, float scale, std::string* problem);

}  // namespace gw::ui
