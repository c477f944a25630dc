#pragma once
// The learner's keyboard layout as the window system reports it, through glfwGetKeyName.
#include "ui/input/keyboard_layout.h"

namespace gw::ui {

// Asks GLFW on every call, so a layout switched while the app runs (setxkbmap, the desktop's layout menu) counts
// from the next key press on. Call on the main thread, after glfwInit.
class GlfwKeyboardLayout : public KeyboardLayout {
public:
    std::string key_character(int key, int scancode) const override;
};

}  // namespace gw::ui
