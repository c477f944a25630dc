#include "ui/input/key_event_queue.h"

#include <GLFW/glfw3.h>

#include <bitset>
#include <cfloat>

namespace gw::ui {

namespace {

bool is_modifier(int key) { return key >= GLFW_KEY_LEFT_SHIFT && key <= GLFW_KEY_RIGHT_SUPER; }

std::pair<int, int> physical(int key, int scancode) {
    return key == GLFW_KEY_UNKNOWN ? std::make_pair(GLFW_KEY_UNKNOWN, scancode) : std::make_pair(key, 0);
}

// As Dear ImGui's GLFW backend derives them, from the keys held rather than GLFW's mods (not reliable everywhere).
void update_modifiers(ImGuiIO& io) {
    io.KeyCtrl = io.KeysDown[GLFW_KEY_LEFT_CONTROL] || io.KeysDown[GLFW_KEY_RIGHT_CONTROL];
    io.KeyShift = io.KeysDown[GLFW_KEY_LEFT_SHIFT] || io.KeysDown[GLFW_KEY_RIGHT_SHIFT];
    io.KeyAlt = io.KeysDown[GLFW_KEY_LEFT_ALT] || io.KeysDown[GLFW_KEY_RIGHT_ALT];
    io.KeySuper = io.KeysDown[GLFW_KEY_LEFT_SUPER] || io.KeysDown[GLFW_KEY_RIGHT_SUPER];
}

// Keys a text field acts on by themselves (ImGui's io.KeyMap): a character never joins their frame, whatever it
// came with (an input method's text right after a Backspace must come before it, not be deleted by it).
bool acts_by_itself(const ImGuiIO& io, int key) {
    for (ImGuiKey k : {ImGuiKey_Tab, ImGuiKey_LeftArrow, ImGuiKey_RightArrow, ImGuiKey_UpArrow, ImGuiKey_DownArrow,
                       ImGuiKey_PageUp, ImGuiKey_PageDown, ImGuiKey_Home, ImGuiKey_End, ImGuiKey_Insert,
                       ImGuiKey_Delete, ImGuiKey_Backspace, ImGuiKey_Enter, ImGuiKey_Escape, ImGuiKey_KeyPadEnter})
        if (io.KeyMap[k] == key) return true;
    return false;
}

}  // namespace

void KeyEventQueue::push_key(int key, int scancode, int action) {
    const auto phys = physical(key, scancode);
    auto held = pressed_as_.find(phys);
    if (action == GLFW_PRESS || (action == GLFW_REPEAT && held == pressed_as_.end())) {
        if (held != pressed_as_.end()) {  // pressed twice without a release (lost by the platform): one more press
            events_.push_back({Kind::Repeat, held->second, 0});
            return;
        }
        const int name = layout_key_code(*layout_, key, scancode);
        if (name < 0 || name >= kKeys) return;  // a key ImGui has no slot for (GLFW_KEY_UNKNOWN)
        pressed_as_.emplace(phys, name);
        events_.push_back({holders_[name]++ == 0 ? Kind::Press : Kind::Repeat, name, 0});
    } else if (action == GLFW_REPEAT) {
        if (!is_modifier(held->second)) events_.push_back({Kind::Repeat, held->second, 0});
    } else if (action == GLFW_RELEASE && held != pressed_as_.end()) {
        const int name = held->second;
        pressed_as_.erase(held);
        if (--holders_[name] == 0) events_.push_back({Kind::Release, name, 0});  // else another key holds the name
    }
}

void KeyEventQueue::push_char(unsigned int codepoint) { events_.push_back({Kind::Char, 0, codepoint}); }

bool KeyEventQueue::apply_frame(ImGuiIO& io) {
    io.KeyRepeatDelay = FLT_MAX;  // see the header: repeats come from the platform only
    std::bitset<kKeys> changed;
    bool keys_this_frame = false;   // a press, repeat or modifier change was applied
    bool chars_this_frame = false;
    int presses = 0;                // presses and repeats of keys that are not modifiers
    // The last event ordered with characters was the frame's only press, of a key that types text: its own
    // characters may join the frame (see the header).
    bool typing_key = false;
    while (!events_.empty()) {
        const Event& e = events_.front();
        if (e.kind == Kind::Char) {
            if (keys_this_frame && !typing_key) break;
            io.AddInputCharacter(e.codepoint);
            chars_this_frame = true;
        } else {
            if (changed[e.key]) break;
            // Releasing a letter after its character is harmless; pressing a key, or a modifier changing, is not.
            const bool ordered_with_chars = e.kind != Kind::Release || is_modifier(e.key);
            if (ordered_with_chars && chars_this_frame) break;
            if (e.kind == Kind::Release) {
                io.KeysDown[e.key] = false;
            } else {
                // A repeat of a held key: ImGui takes a key whose down time starts again at 0 as just pressed
                // (NewFrame turns -1 into 0 for a key that is down).
                if (e.kind == Kind::Repeat && io.KeysDown[e.key]) io.KeysDownDuration[e.key] = -1.0f;
                io.KeysDown[e.key] = true;
            }
            if (is_modifier(e.key)) {
                update_modifiers(io);
                typing_key = false;
            } else if (e.kind != Kind::Release) {
                typing_key = ++presses == 1 && !acts_by_itself(io, e.key);
            }
            changed[e.key] = true;
            keys_this_frame |= ordered_with_chars;
        }
        events_.pop_front();
    }
    return needs_frame();
}

bool KeyEventQueue::needs_frame() const {
    for (const Event& e : events_)
        if (e.kind == Kind::Char || (e.kind != Kind::Release && !is_modifier(e.key))) return true;
    return false;
}

}  // namespace gw::ui
