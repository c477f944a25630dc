#pragma once
// When the window loop builds a frame and when it hands one to OpenGL. Idle means idle: no reason, no frame.
//
// Under software OpenGL (Mesa llvmpipe) clearing and redrawing a 1280x800 window costs tens of milliseconds, while
// building the same frame with ImGui costs well under one. So the policy has two levels:
//  - a frame is *built* (NewFrame, widgets, Render) only for a reason (FrameReason);
//  - a built frame is *rendered* (glClear, draw, swap) only when its draw data differs from what is on screen, or
//    the window system lost the picture (expose, resize).
// Dear ImGui lays out new popups, tooltips and auto-sized windows one frame late (hidden while it measures them),
// so after input, and after any frame whose picture changed, one more frame is built to check that the picture has
// settled; it is rendered only if it differs. A keystroke therefore renders one frame (two when layout moves) and a
// mouse move over nothing that reacts renders none.
#include <cstdint>

struct ImDrawData;
struct ImGuiContext;

namespace gw::ui {

// Why a frame is built. Bits: one frame may have several reasons.
enum FrameReason : unsigned {
    kFrameStartup = 1u << 0,     // the first frames of the window
    kFrameInput = 1u << 1,       // a window-system input event: key, character, mouse button, wheel, motion, focus
    kFrameSettle = 1u << 2,      // input was applied or the picture changed last frame: check it has settled
    kFrameImGuiLayout = 1u << 3, // ImGui hides a window for a frame while it sizes it, or auto-fits one
    kFrameAppMoving = 1u << 4,   // the app's page jump, scroll or focus request is still settling
    kFrameQueuedKeys = 1u << 5,  // a burst of key events is applied one transition per frame
    kFrameTimer = 1u << 6,       // autosave or the status line is due, or another thread woke the loop
    kFrameExposed = 1u << 7,     // the window was exposed or resized: its picture must be drawn again
};

// The policy, with no window and no clock: the loop tells it what happened and asks what to do.
class FramePacer {
public:
    // `max_settle_frames`: frames built in a row for kFrameSettle alone before the pacer stops trusting that the
    // picture will settle (something that changes every frame without saying so must not keep the CPU busy).
    explicit FramePacer(int max_settle_frames = 6);

    // The loop woke (or is about to build a frame) for these reasons.
    void request(unsigned reasons) { pending_ |= reasons; }
    // True when a frame should be built now; false: the loop may block until the next event or timer.
    bool frame_due() const { return pending_ != 0; }
    unsigned pending() const { return pending_; }

    // After building a frame: `digest` is draw_data_digest() of it, `next` the reasons already known for the
    // next frame (ImGui layout, app moving, queued keys). Returns true when this frame must be rendered (its
    // picture differs from the one on screen, or the window was exposed); the reasons it consumed are cleared.
    bool built(std::uint64_t digest, unsigned next);

    std::uint64_t frames_built() const { return built_; }
    std::uint64_t frames_rendered() const { return rendered_; }

private:
    int max_settle_;
    unsigned pending_ = kFrameStartup;
    bool shown_any_ = false;
    std::uint64_t shown_digest_ = 0;  // what the window shows
    std::uint64_t last_digest_ = 0;   // the last frame built
    int settle_run_ = 0;              // frames built in a row only to settle
    std::uint64_t built_ = 0, rendered_ = 0;
};

// A 64-bit digest of everything OpenGL would draw: display rectangle and scale, every list's vertices, indices and
// commands (clip rectangles, textures, offsets). Two frames with the same digest put the same pixels on screen.
std::uint64_t draw_data_digest(const ImDrawData& data);

// True when ImGui will draw something different next frame with no new input: a window appearing (hidden for a
// frame while its items are measured: popups, tooltips, combo lists) or auto-fitting to a changed size.
bool imgui_layout_pending(const ImGuiContext& context);

}  // namespace gw::ui
