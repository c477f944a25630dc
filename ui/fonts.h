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
    float scale = 1.0f;         // the window's content scale (HiDPI) every face is sized for
    float reading_zoom = 1.0f;  // the learner's text size (ui/platform/view_settings.h), on the reading faces only
    bool loaded_from_files = false;
    bool cjk_fallback = false;  // WenQuanYi Micro Hei merged in: the text uses characters DejaVu lacks
    // The font files read, each as "path size mtime;" (ns since the epoch): with the atlas's inputs, what a cached
    // atlas must match (ui/atlas_cache.h). Empty for the built-in font.
    std::string source_stamp;
    // Files load_fonts(..., FontFileReads::WhenBuilt) has not read yet: each stands in the atlas's configs as a
    // one-byte placeholder until read_font_files replaces it with the file's bytes.
    struct DeferredFile {
        void* placeholder = nullptr;  // owned by the atlas (by the first config using it)
        std::string path;
    };
    std::vector<DeferredFile> deferred_files;
    // The ranges the atlas was built from (ImGui keeps pointers until ClearInputData). A rebuild keeps the first
    // build's here: the rebuilt atlas arrives with its input data, and so its ranges, already cleared.
    std::shared_ptr<const void> glyph_ranges;
};

// Loads the DejaVu faces from font_dir at the given scale. Falls back to ImGui's built-in font (and says so in
// `problem`) when the files are missing, so the app still opens.
// Adds the faces to `atlas` (CPU only: safe on another thread before the ImGui context exists, which is how the app
// overlaps the atlas build with opening the window).
//
// Glyphs: only what is drawn, since every range is paid for in all 17 faces (issue 8's memory budget). Every face
// gets printable ASCII, the marks and symbols the views draw, and the code points in `used` (the course's and the
// learner's text: see collect_course_code_points). The text faces (ui, body, small: they show what learners type)
// also get Latin-1 and the euro sign; the display faces (title, heading, subheading, lead, quote) nothing more;
// the label face (small caps) also the capitals upper() makes of `used` (ui/text_style.h). A character a DejaVu
// variant lacks comes from DejaVu Sans, then from WenQuanYi Micro Hei (GROUNDWORK_CJK_FONT), merged in only when
// needed. Characters typed or pasted later that no face holds come with a rebuild (ui/font_rebuild.h), which
// calls this again on a worker with the larger `used`; characters beyond U+FFFF cannot be held (16-bit ImWchar).
// What load_fonts puts in every face whatever `used` says (printable ASCII, the views' marks and symbols), sorted.
std::vector<char32_t> code_points_in_every_face();

//
// Sizes: every face is its design size in px times `scale`; the reading faces (body, title, heading, subheading,
// lead, quote) also times `reading_zoom`, so Ctrl+= grows the lesson and leaves the sidebar and buttons alone.
//
// Reads: with FontFileReads::Now the font files are read into the atlas here (3.5 MB for DejaVu, 5 MB more when
// the CJK face is merged in); with WhenBuilt only their sizes and dates are taken, and read_font_files reads them
// before rasterising. The app defers: a start whose atlas is in the cache (ui/atlas_cache.h) never reads them.
enum class FontFileReads { Now, WhenBuilt };
Fonts load_fonts(ImFontAtlas* atlas, const std::string& font_dir, float scale, std::string* problem,
                 const std::vector<char32_t>& used = {}, float reading_zoom = 1.0f,
                 FontFileReads reads = FontFileReads::Now);

// Reads the files load_fonts deferred into `atlas`'s configs (nothing to do after FontFileReads::Now). If one
// cannot be read any more, `fonts` becomes the built-in font's (loaded_from_files false), `problem` says which file,
// and it returns false. Call before rasterise_atlas.
bool read_font_files(ImFontAtlas& atlas, Fonts& fonts, std::string* problem);

// Rasterises `atlas` (FreeType, on the calling thread: the app does it on a worker) into its Alpha8 texture data.
// With `density` above 1 (a HiDPI screen's content scale, the `scale` the faces were loaded at) every face's
// metrics are then divided by it: a face loaded at 17 px x 2 is drawn at 17 logical px from a bitmap twice as
// sharp. Views lay out in logical px; the window loop maps them to the framebuffer (io.DisplayFramebufferScale).
void rasterise_atlas(ImFontAtlas& atlas, float density);

// Counts the times the faces' glyphs or sizes changed under the same ImFont addresses (a rebuilt atlas swapped in,
// ui/font_rebuild.h). Anything that caches measured text (a layout, a wrap) keeps the number it measured with
// and measures again when it differs.
unsigned font_generation();
// Bumps font_generation(). UI thread only, right after a rebuilt atlas's glyphs were moved into the faces in use
// (FontRebuilder::take_rebuilt), before the next frame measures text.
void note_fonts_changed();

}  // namespace gw::ui
