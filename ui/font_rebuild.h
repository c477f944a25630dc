#pragma once
// Characters the atlas does not hold yet (typed, pasted, or in a course file edited while the app runs) are added
// by building a whole new atlas on a worker thread and moving its glyphs in between frames: typing never waits
// for FreeType, and until the swap the new characters show as '?' for a frame or a few.
//
// Memory safety: no ImFont is ever freed while the app runs. The swap moves the new glyphs INTO the ImFont objects
// the old atlas handed out (struct Fonts, every layout cache, ImGui's own font stack keep the same addresses and
// see the new glyphs), and the ImFont objects the worker built go away with the old atlas, holding the old glyphs.
#include <imgui.h>

#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "ui/atlas_cache.h"
#include "ui/fonts.h"

namespace gw::ui {

class FontRebuilder {
public:
    // `built_from`: the code points the current atlas was built with (the `used` given to load_fonts).
    // `font_dir` and `scale` as for load_fonts. `on_ready` runs on the worker when a new atlas waits (the app wakes
    // its idle loop with it, so the swap happens without waiting for input); it may be empty.
    // `reading_zoom`: the one the first atlas was built with. `cache_dir`: where built atlases are kept
    // (ui/atlas_cache.h; empty: none), so going back to a text size seen before costs no rasterising.
    FontRebuilder(std::string font_dir, float scale, std::vector<char32_t> built_from,
                  std::function<void()> on_ready = {}, float reading_zoom = 1.0f,
                  std::filesystem::path cache_dir = {});
    ~FontRebuilder();  // waits for a build under way (a few hundred ms at most) and drops its result
    FontRebuilder(const FontRebuilder&) = delete;
    FontRebuilder& operator=(const FontRebuilder&) = delete;

    // UI thread. Asks for the code points of UTF-8 `text` (invalid bytes skipped). Cheap when they are all known
    // (a binary search per character, no lock): only a character never seen before starts a build. A letter of an
    // alphabet (below U+3000) brings the rest of its 128-character block, so a word typed in a new script costs
    // one rebuild, not one per letter; an ideograph comes alone (its block would hold thousands).
    void note_text(std::string_view utf8);
    void note_code_points(const std::vector<char32_t>& code_points);
    // The characters queued for ImGui this frame (io.InputQueueCharacters: typing, dead keys, IME). Call after
    // the backend's input and before ImGui::NewFrame.
    void note_input(const ImGuiIO& io);
    // UI thread. Re-reads the course folder on the worker (drawn text, as collect_course_code_points) and asks
    // for whatever is new in it: a course file edited while the app runs.
    void note_course(const std::string& dir);
    // UI thread. Asks for every face at a new size: `scale` the window's content scale, `reading_zoom` the
    // learner's text size (load_fonts). The atlas is rebuilt on the worker with everything it holds now, and
    // take_rebuilt swaps it in as for new characters; a second call before that build ends wins.
    void set_sizes(float scale, float reading_zoom);

    // UI thread, between frames (before NewFrame). When a rebuilt atlas waits: moves its glyphs into the faces of
    // `current` (the ImFont objects `fonts` points at keep their addresses; `fonts.cjk_fallback` is updated) and
    // returns the atlas that now holds them; `current` keeps only the old glyphs and old texture and must be freed
    // after the renderer has its new texture (and io.Fonts points at the returned atlas). nullptr when nothing
    // waits. The returned atlas is built (its Alpha8 pixels made) with its input data already cleared.
    std::unique_ptr<ImFontAtlas> take_rebuilt(ImFontAtlas& current, Fonts& fonts);

    // For tests and the screenshot mode: true when nothing is asked for that is not built yet. wait_idle blocks
    // until then (or `timeout_ms`), returning whether it got there.
    bool idle() const;
    bool wait_idle(int timeout_ms) const;
    // How many atlases the worker has built (tests: a known character costs none).
    int builds() const;

private:
    void run();
    void ask(std::vector<char32_t> fresh);  // UI thread: code points not in known_

    std::string font_dir_;
    AtlasCache cache_;
    float scale_;  // of the first atlas
    std::function<void()> on_ready_;
    std::vector<char32_t> known_;  // UI thread only: sorted, everything built or asked for

    mutable std::mutex mutex_;
    mutable std::condition_variable changed_;
    std::vector<char32_t> wanted_;         // sorted: everything the next atlas must hold
    std::vector<std::string> course_dirs_;  // folders to re-read on the worker
    std::vector<char32_t> building_;       // what the atlas under way (or waiting) holds
    bool busy_ = false;                    // the worker is reading or building
    float wanted_scale_, wanted_zoom_ = 1.0f;  // set_sizes
    float built_scale_, built_zoom_ = 1.0f;    // of the atlas under way (or waiting)
    bool sizes_changed() const { return wanted_scale_ != built_scale_ || wanted_zoom_ != built_zoom_; }
    struct Built {
        std::unique_ptr<ImFontAtlas> atlas;
        Fonts fonts;
    };
    std::unique_ptr<Built> ready_;  // built, waiting for take_rebuilt
    int builds_ = 0;
    bool stop_ = false;
    std::thread worker_;
};

// Pasted text reaches every editor (prose, fields, account names) through io.GetClipboardTextFn: this watches it
// there and hands what is read to the rebuilder, then passes the text on unchanged. Reset it before the ImGui
// context is destroyed: its destructor puts the previous functions back into the context's io.
class ClipboardWatch {
public:
    ClipboardWatch(ImGuiIO& io, FontRebuilder& rebuilder);
    ~ClipboardWatch();
    ClipboardWatch(const ClipboardWatch&) = delete;
    ClipboardWatch& operator=(const ClipboardWatch&) = delete;

private:
    ImGuiIO& io_;
    FontRebuilder& rebuilder_;
    const char* (*get_)(void*);
    void (*set_)(void*, const char*);
    void* data_;
};

// Moves the glyphs of `from` into `into`, font by font (same order: both from load_fonts), so each ImFont of
// `into` keeps its address and now holds what `from` built; `from`'s ImFont objects get the old glyphs. Returns
// false and changes nothing when the two do not have the same faces. Exposed for the tests.
bool transplant_glyphs(ImFontAtlas& into, ImFontAtlas& from);

}  // namespace gw::ui
