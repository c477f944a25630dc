#include "ui/input/glfw_keyboard_layout.h"

#include <GLFW/glfw3.h>

namespace gw::ui {

std::string GlfwKeyboardLayout::key_character(int key, int scancode) const {
    // GLFW answers for printable keys only (the character of the key's first shift level in the active group),
    // and null for the rest.
    const char* name = glfwGetKeyName(key, scancode);
    return name ? std::string(name) : std::string();
}

}  // namespace gw::ui
