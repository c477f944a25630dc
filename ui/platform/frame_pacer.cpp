#include "ui/platform/frame_pacer.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <cstring>

namespace gw::ui {

FramePacer::FramePacer(int max_settle_frames) : max_settle_(max_settle_frames < 1 ? 1 : max_settle_frames) {}

bool FramePacer::built(std::uint64_t digest, unsigned next) {
    const unsigned had = pending_;
    const bool changed = built_ == 0 || digest != last_digest_;
    ++built_;
    const bool render = !shown_any_ || digest != shown_digest_ || (had & kFrameExposed) != 0;
    if (render) {
        shown_any_ = true;
        shown_digest_ = digest;
        ++rendered_;
    }
    // Input gets one more frame even when nothing moved: a press and release that arrive together reach ImGui on
    // two frames (GLFW's backend latches the press), and a tooltip's window is hidden on the frame it appears.
    bool settle = (had & (kFrameStartup | kFrameInput | kFrameQueuedKeys)) != 0 || changed;
    settle_run_ = (had & ~static_cast<unsigned>(kFrameSettle)) != 0 ? 0 : settle_run_ + 1;
    if (settle_run_ >= max_settle_) settle = false;
    last_digest_ = digest;
    pending_ = next | (settle ? static_cast<unsigned>(kFrameSettle) : 0u);
    return render;
}

namespace {

// Word-at-a-time mixing (multiply, rotate): a few GB/s, enough for a frame's ~1 MB of vertices in well under a
// millisecond. Not for security, only to tell one picture from another.
struct Digest {
    std::uint64_t h = 0x243F6A8885A308D3ull;
    static std::uint64_t rotl(std::uint64_t x, int r) { return (x << r) | (x >> (64 - r)); }
    void word(std::uint64_t w) { h = rotl(h ^ (w * 0x9E3779B97F4A7C15ull), 29) * 0xBF58476D1CE4E5B9ull; }
    void bytes(const void* p, std::size_t n) {
        const auto* c = static_cast<const unsigned char*>(p);
        std::size_t i = 0;
        for (; i + 8 <= n; i += 8) {
            std::uint64_t w;
            std::memcpy(&w, c + i, 8);
            word(w);
        }
        std::uint64_t tail = n;  // the length too: "ab" then "" differs from "a" then "b"
        for (; i < n; ++i) tail = (tail << 8) | c[i];
        word(tail);
    }
    void f(float v) {
        std::uint32_t u;
        std::memcpy(&u, &v, 4);
        word(u);
    }
};

}  // namespace

std::uint64_t draw_data_digest(const ImDrawData& data) {
    Digest d;
    d.f(data.DisplayPos.x);
    d.f(data.DisplayPos.y);
    d.f(data.DisplaySize.x);
    d.f(data.DisplaySize.y);
    d.f(data.FramebufferScale.x);
    d.f(data.FramebufferScale.y);
    d.word(static_cast<std::uint64_t>(data.CmdListsCount));
    for (int i = 0; i < data.CmdListsCount; ++i) {
        const ImDrawList* list = data.CmdLists[i];
        d.bytes(list->VtxBuffer.Data, static_cast<std::size_t>(list->VtxBuffer.Size) * sizeof(ImDrawVert));
        d.bytes(list->IdxBuffer.Data, static_cast<std::size_t>(list->IdxBuffer.Size) * sizeof(ImDrawIdx));
        for (const ImDrawCmd& cmd : list->CmdBuffer) {
            // Field by field: the struct has padding whose bytes are not part of the picture.
            d.f(cmd.ClipRect.x);
            d.f(cmd.ClipRect.y);
            d.f(cmd.ClipRect.z);
            d.f(cmd.ClipRect.w);
            d.word(reinterpret_cast<std::uintptr_t>(cmd.TextureId));
            d.word((static_cast<std::uint64_t>(cmd.VtxOffset) << 32) ^ cmd.IdxOffset);
            d.word(cmd.ElemCount);
            d.word(reinterpret_cast<std::uintptr_t>(cmd.UserCallback));
            d.word(reinterpret_cast<std::uintptr_t>(cmd.UserCallbackData));
        }
    }
    return d.h;
}

bool imgui_layout_pending(const ImGuiContext& g) {
    for (const ImGuiWindow* w : g.Windows) {
        if (!w->Active && !w->WasActive) continue;
        if (w->HiddenFramesCannotSkipItems > 0 || w->HiddenFramesCanSkipItems > 0 || w->HiddenFramesForRenderOnly > 0)
            return true;
        if (w->AutoFitFramesX > 0 || w->AutoFitFramesY > 0) return true;
    }
    return false;
}

}  // namespace gw::ui
