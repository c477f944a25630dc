#include "ui/headless.h"

#include "ui/theme.h"

namespace gw::ui {

namespace {

// Rasterising the faces through FreeType is most of what a context costs; tests and benchmarks create dozens of
// contexts (and the suite also runs under valgrind), so they share one atlas built on first use. Its fonts are
// read-only after the build, so sharing cannot leak state from one test into the next.
struct SharedAtlas {
    ImFontAtlas atlas;
    Fonts fonts;
    SharedAtlas() {
        fonts = load_fonts(&atlas, GROUNDWORK_FONT_DIR, 1.0f, nullptr);
        unsigned char* pixels;
        int w, h;
        atlas.GetTexDataAsRGBA32(&pixels, &w, &h);
        atlas.SetTexID(reinterpret_cast<ImTextureID>(1));
    }
};

SharedAtlas& shared_atlas() {
    static SharedAtlas atlas;
    return atlas;
}

}  // namespace

HeadlessImGui::HeadlessImGui(ImVec2 display, bool rebuild_fonts) {
    if (rebuild_fonts) {
        atlas_ = std::make_unique<ImFontAtlas>();
        fonts_ = load_fonts(atlas_.get(), GROUNDWORK_FONT_DIR, 1.0f, nullptr);
        unsigned char* pixels;
        int w, h;
        atlas_->GetTexDataAsRGBA32(&pixels, &w, &h);
        atlas_->ClearInputData();  // as the app does
        atlas_->SetTexID(reinterpret_cast<ImTextureID>(1));
    }
    ctx_ = ImGui::CreateContext(rebuild_fonts ? atlas_.get() : &shared_atlas().atlas);
    ImGui::SetCurrentContext(ctx_);
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = display;
    io.DeltaTime = 1.0f / 60.0f;
    io.IniFilename = nullptr;
    io.ConfigInputTextCursorBlink = false;
    // Key indices as a backend would map them: the enum values themselves are fine for a test.
    for (int k = 0; k < ImGuiKey_COUNT; ++k) io.KeyMap[k] = k;
    apply_style(ImGui::GetStyle());
    if (!rebuild_fonts) {
        fonts_ = shared_atlas().fonts;
        return;
    }
    rebuilder_ = std::make_unique<FontRebuilder>(GROUNDWORK_FONT_DIR, 1.0f, std::vector<char32_t>{});
    clipboard_watch_ = std::make_unique<ClipboardWatch>(io, *rebuilder_);
}

HeadlessImGui::~HeadlessImGui() {
    ImGui::SetCurrentContext(ctx_);
    clipboard_watch_.reset();  // restores the context's io: before the context goes
    rebuilder_.reset();
    ImGui::DestroyContext(ctx_);
}

ImDrawData* HeadlessImGui::frame(const std::function<void()>& body) {
    ImGui::SetCurrentContext(ctx_);
    if (rebuilder_) {  // what app.cpp does between frames
        ImGuiIO& io = ImGui::GetIO();
        rebuilder_->note_input(io);
        if (std::unique_ptr<ImFontAtlas> old = rebuilder_->take_rebuilt(*atlas_, fonts_)) {
            atlas_.swap(old);  // atlas_: the rebuilt one, holding the faces everyone points at
            io.Fonts = atlas_.get();
            atlas_->SetTexID(reinterpret_cast<ImTextureID>(1));
            old.reset();  // the old glyphs, in ImFont objects nobody was ever given
        }
    }
    ImGui::NewFrame();
    body();
    ImGui::Render();
    return ImGui::GetDrawData();
}

void HeadlessImGui::mouse_move(ImVec2 p) {
    ImGui::GetIO().MousePos = p;
}

void HeadlessImGui::click(ImVec2 p, const std::function<void()>& body) {
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = p;
    frame(body);
    io.MouseDown[0] = true;
    frame(body);
    io.MouseDown[0] = false;
    frame(body);
}

void HeadlessImGui::key(int imgui_key, const std::function<void()>& body, bool ctrl, bool shift, bool alt) {
    key_code(ImGui::GetIO().KeyMap[imgui_key], body, ctrl, shift, alt);
}

void HeadlessImGui::key_code(int key_index, const std::function<void()>& body, bool ctrl, bool shift, bool alt) {
    ImGuiIO& io = ImGui::GetIO();
    IM_ASSERT(key_index >= 0 && key_index < IM_ARRAYSIZE(io.KeysDown));
    io.KeyCtrl = ctrl;
    io.KeyShift = shift;
    io.KeyAlt = alt;
    io.KeysDown[key_index] = true;
    frame(body);
    io.KeysDown[key_index] = false;
    frame(body);
    io.KeyCtrl = io.KeyShift = io.KeyAlt = false;
}

void HeadlessImGui::type(const char* utf8, const std::function<void()>& body) {
    ImGui::GetIO().AddInputCharactersUTF8(utf8);
    frame(body);
}

bool draw_data_has_colour(const ImDrawData* data, ImU32 colour) {
    for (int i = 0; i < data->CmdListsCount; ++i) {
        const ImDrawList* list = data->CmdLists[i];
        for (const ImDrawVert& v : list->VtxBuffer)
            if (v.col == colour) return true;
    }
    return false;
}

}  // namespace gw::ui
