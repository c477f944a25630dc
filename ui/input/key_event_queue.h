#pragma once
// Keyboard input queued per event between GLFW's callbacks and Dear ImGui, handed over a frame at a time.
//
// Dear ImGui 1.86 reads the keyboard as a state sampled once per frame (io.KeysDown), so whatever happens to a
// key between two frames is lost: a chord sent in one burst (Ctrl down, Z down, Z up, Ctrl up, as remote desktops
// and fast typists send it), the key repeats of a held Backspace, a second press of Left while the frame before
// was slow. This queue keeps every event and applies them in order, at most one transition per key per frame,
// so each press is seen by the widgets in the frame it is applied in; what is left waits for the next frame,
// which the app loop draws at once while !empty().
//
//   KeyEventQueue keys(&layout);
//   glfw key callback:  keys.push_key(key, scancode, action);   glfw char callback: keys.push_char(codepoint);
//   each frame:         keys.apply_frame(ImGui::GetIO()); ImGui::NewFrame(); ...; if (!keys.empty()) draw again
#include <imgui.h>

#include <array>
#include <cstdint>
#include <deque>
#include <map>
#include <utility>

#include "ui/input/keyboard_layout.h"

namespace gw::ui {

class KeyEventQueue {
public:
    // `layout` (not owned, outlives the queue) renames each pressed key after the character it types
    // (layout_key_code), so io.KeyMap's GLFW_KEY_A means the layout's "a".
    explicit KeyEventQueue(const KeyboardLayout* layout) : layout_(layout) {}

    // One event from GLFW's key callback: `key` GLFW_KEY_* (US position, GLFW_KEY_UNKNOWN for keys GLFW has no
    // name for), `scancode` the platform's code, `action` GLFW_PRESS, GLFW_REPEAT or GLFW_RELEASE. A repeat counts
    // as one more press (repeats of Ctrl, Shift, Alt and Super are dropped: holding is what they mean). The key is
    // renamed at the press, and its repeats and release go to the same name even if the layout changes meanwhile.
    // A repeat of a key never pressed here (held down when the window opened) counts as its press; a release of
    // such a key is dropped, as ImGui never saw it down.
    void push_key(int key, int scancode, int action);
    // One character from GLFW's char callback (a Unicode code point), kept in order with the key events.
    void push_char(unsigned int codepoint);

    // Call right before ImGui::NewFrame: applies the queued events in order to io.KeysDown, io.KeyCtrl/Shift/Alt/
    // Super and io.InputQueueCharacters, and stops before an event that would merge with one already applied:
    // - a second transition of the same key (press then release would be no press at all);
    // - a character after a key press or a modifier change, or either after a character (widgets read keys
    //   before characters, so the two could not keep their order within one frame). One exception: the
    //   characters that come right after the frame's only press of a key that types text (not a modifier, not
    //   one a text field acts on by itself: Enter, Tab, Backspace, Delete, the arrows, Home/End, Page Up/Down,
    //   Insert, Escape) join it, with only modifier changes before that press (Shift for a capital). They are that key's own (GLFW reports a key's characters right after it), and
    //   no widget acts on such a key's press by itself, so the order within the frame does not matter: a
    //   keystroke costs one frame, not two.
    // A repeat of a held key restarts its down time, so ImGui::IsKeyPressed is true for it this frame. ImGui's
    // own timed repeat is switched off (io.KeyRepeatDelay): the platform's repeats, at the learner's settings,
    // are the only ones, and a held key is not repeated twice. Returns needs_frame().
    bool apply_frame(ImGuiIO& io);

    // True when a queued event needs a frame of its own soon: a character, or the press or repeat of a key that
    // is not a modifier. A key's release and a modifier's press or release change nothing a view shows by
    // themselves (no view reads key releases or a modifier held alone, and ImGui's own repeat is off): they wait
    // in the queue and are applied first thing in the next frame built for any reason (the next key, a click
    // with Shift held, Ctrl with the wheel), so the keys and modifiers that frame sees are the ones held. A
    // keystroke's release, and the Shift around a capital, then cost no frame.
    bool needs_frame() const;

    bool empty() const { return events_.empty(); }
    size_t size() const { return events_.size(); }

private:
    enum class Kind : uint8_t { Press, Repeat, Release, Char };
    struct Event {
        Kind kind;
        int key;                  // renamed key code, in [0, 512) (io.KeysDown's size); unused for Char
        unsigned int codepoint;   // Char only
    };
    static constexpr int kKeys = 512;

    const KeyboardLayout* layout_;
    std::deque<Event> events_;
    // Physical key (GLFW code, or the scancode for keys GLFW has no code for) -> the name it was pressed as.
    std::map<std::pair<int, int>, int> pressed_as_;
    // How many physical keys hold each name down (AZERTY's "-" key and its ")" key can both be GLFW_KEY_MINUS):
    // a name is released when the last of them is.
    std::array<uint8_t, kKeys> holders_{};
};

}  // namespace gw::ui
