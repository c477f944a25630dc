#include "ui/input/glfw_key_input.h"

#include <GLFW/glfw3.h>

#include "ui/input/glfw_keyboard_layout.h"
#include "ui/input/key_event_queue.h"

namespace gw::ui {

namespace {

// Process-wide: GLFW's callbacks are plain functions, and they may still fire while the window is torn down.
const GlfwKeyboardLayout g_layout;
KeyEventQueue g_queue(&g_layout);

void on_key(GLFWwindow*, int key, int scancode, int action, int) { g_queue.push_key(key, scancode, action); }
void on_char(GLFWwindow*, unsigned int codepoint) { g_queue.push_char(codepoint); }

}  // namespace

void install_key_input(GLFWwindow* window) {
    glfwSetKeyCallback(window, on_key);
    glfwSetCharCallback(window, on_char);
}

bool apply_key_input(ImGuiIO& io) { return g_queue.apply_frame(io); }

bool key_input_needs_frame() { return g_queue.needs_frame(); }

}  // namespace gw::ui
