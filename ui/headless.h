#pragma once
// An ImGui context with the real fonts and no window: for tests that click and type, and for frame benchmarks.
#include <imgui.h>

#include <functional>
#include <memory>

#include "ui/font_rebuild.h"
#include "ui/fonts.h"

namespace gw::ui {

class HeadlessImGui {
public:
    // `rebuild_fonts`: an atlas of its own (ASCII, Latin-1 and the views' symbols, as with an empty course) that
    // grows like the app's: each frame hands the queued characters and clipboard reads to a FontRebuilder and swaps
    // in a finished atlas before NewFrame. Otherwise one atlas shared by every context, built once, never rebuilt.
    explicit HeadlessImGui(ImVec2 display = ImVec2(1280, 800), bool rebuild_fonts = false);
    ~HeadlessImGui();
    HeadlessImGui(const HeadlessImGui&) = delete;
    HeadlessImGui& operator=(const HeadlessImGui&) = delete;

    const Fonts& fonts() const { return fonts_; }
    // nullptr without rebuild_fonts.
    FontRebuilder* font_rebuilder() { return rebuilder_.get(); }
    // NewFrame, body, Render. Returns the frame's draw data.
    ImDrawData* frame(const std::function<void()>& body);

    // Input helpers: apply on the next frame, as a backend would.
    void mouse_move(ImVec2 p);
    void click(ImVec2 p, const std::function<void()>& body);  // press and release over two frames
    void key(int imgui_key, const std::function<void()>& body, bool ctrl = false, bool shift = false, bool alt = false);
    // A key by its io.KeysDown index (a GLFW_KEY_* code, e.g. 'F'), for letter shortcuts that ImGuiKey lacks.
    void key_code(int key_index, const std::function<void()>& body, bool ctrl = false, bool shift = false,
                  bool alt = false);
    void type(const char* utf8, const std::function<void()>& body);

private:
    std::unique_ptr<ImFontAtlas> atlas_;  // with rebuild_fonts only
    ImGuiContext* ctx_;
    Fonts fonts_;
    std::unique_ptr<FontRebuilder> rebuilder_;
    std::unique_ptr<ClipboardWatch> clipboard_watch_;
};

// True when any vertex in the draw data has this colour: lets a test see that a box of a given kind was drawn.
bool draw_data_has_colour(const ImDrawData* data, ImU32 colour);

}  // namespace gw::ui
