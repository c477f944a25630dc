#include "ui/input/keyboard_layout.h"

#include <GLFW/glfw3.h>

namespace gw::ui {

namespace {

bool in_main_printable_block(int key) { return key >= GLFW_KEY_APOSTROPHE && key <= GLFW_KEY_GRAVE_ACCENT; }

// The characters GLFW has a key code for (the code is the character itself), letters aside.
bool has_glfw_key_code(char c) {
    switch (c) {
        case '\'': case ',': case '-': case '.': case '/': case ';': case '=': case '[': case '\\': case ']': case '`':
            return true;
        default:
            return c >= '0' && c <= '9';
    }
}

}  // namespace

std::string TableKeyboardLayout::key_character(int key, int) const {
    if (auto it = characters_.find(key); it != characters_.end()) return it->second;
    if (!in_main_printable_block(key)) return "";
    const char c = static_cast<char>(key);
    return std::string(1, c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
}

int layout_key_code(const KeyboardLayout& layout, int key, int scancode) {
    if (!in_main_printable_block(key)) return key;
    const std::string c = layout.key_character(key, scancode);
    if (c.size() != 1) return key;  // no character, or one outside ASCII ("é", "ф"): no GLFW key stands for it
    if (c[0] >= 'a' && c[0] <= 'z') return GLFW_KEY_A + (c[0] - 'a');
    if (c[0] >= 'A' && c[0] <= 'Z') return GLFW_KEY_A + (c[0] - 'A');
    if (has_glfw_key_code(c[0])) return c[0];
    // "+" has no key code of its own: on a US keyboard it is Shift+=, so a layout's own "+" key (QWERTZ's, next
    // to Ü) stands for GLFW_KEY_EQUAL, and Ctrl++ zooms there as Ctrl+= does on US.
    if (c[0] == '+') return GLFW_KEY_EQUAL;
    return key;
}

}  // namespace gw::ui
