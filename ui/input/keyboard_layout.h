#pragma once
// Which character a key types in the learner's keyboard layout, and so which key a shortcut should see.
//
// GLFW names keys after their position on a US keyboard: on a French (AZERTY) keyboard the key that types "a"
// arrives as GLFW_KEY_Q, on a German (QWERTZ) one the key that types "z" arrives as GLFW_KEY_Y. Shortcuts follow
// the letter printed on the key, as in every desktop toolkit, so keys are renamed once, where they enter the app
// (ui/input/key_event_queue.h), and every consumer (ImGui's io.KeyMap, the prose editor, the reader) sees the
// layout's key.
#include <map>
#include <string>

namespace gw::ui {

// The active keyboard layout, asked once per key press. GlfwKeyboardLayout asks the window system;
// TableKeyboardLayout is a fixed table, for tests.
class KeyboardLayout {
public:
    virtual ~KeyboardLayout() = default;
    // What the key types with no modifier held in the active layout, as UTF-8 ("a", "é", ";"), or "" for a key
    // that types nothing (arrows, modifiers, function keys). `key` is GLFW's key code (GLFW_KEY_*, named after the
    // key's US position), `scancode` the platform's code for the same physical key.
    virtual std::string key_character(int key, int scancode) const = 0;
};

// A layout given as a table: physical key (GLFW_KEY_*) -> what it types. Printable keys missing from the table
// type what they type on a US keyboard (GLFW_KEY_A types "a", GLFW_KEY_SEMICOLON ";"), so an empty table is US.
class TableKeyboardLayout : public KeyboardLayout {
public:
    explicit TableKeyboardLayout(std::map<int, std::string> characters = {}) : characters_(std::move(characters)) {}
    std::string key_character(int key, int scancode) const override;

private:
    std::map<int, std::string> characters_;
};

// The key code shortcuts see for a key: the GLFW key code of the character the key types in `layout` when GLFW
// has one (letters, digits and the US punctuation keys), else the key's own code. So AZERTY's "a" key
// (GLFW_KEY_Q) becomes GLFW_KEY_A, QWERTZ's "z" key (GLFW_KEY_Y) becomes GLFW_KEY_Z, AZERTY's "&" key stays
// GLFW_KEY_1, and on a layout without Latin letters (Russian: "ф" on GLFW_KEY_A) the keys keep their US names, so
// Ctrl+C still copies there. Only the main block's printable keys (GLFW_KEY_APOSTROPHE..GLFW_KEY_GRAVE_ACCENT)
// are renamed: the keypad, the extra ISO keys (GLFW_KEY_WORLD_*) and non-printable keys keep their codes.
int layout_key_code(const KeyboardLayout& layout, int key, int scancode);

}  // namespace gw::ui
