#pragma once
// The app's keyboard path: GLFW's key and character callbacks feed one KeyEventQueue (ui/input/key_event_queue.h)
// renaming keys after the learner's layout (GlfwKeyboardLayout), and each frame takes its share from it.
#include <imgui.h>

struct GLFWwindow;

namespace gw::ui {

// Takes over `window`'s key and character callbacks from Dear ImGui's GLFW backend: call right after
// ImGui_ImplGlfw_InitForOpenGL(window, true). One window per process.
void install_key_input(GLFWwindow* window);

// Call right before ImGui::NewFrame. Returns true while events are left for later frames: the caller draws the
// next frame at once instead of waiting for input.
bool apply_key_input(ImGuiIO& io);

// True when the queued key events need a frame soon (KeyEventQueue::needs_frame): false when all that is queued
// is a key's release, which waits for the next frame built for another reason.
bool key_input_needs_frame();

}  // namespace gw::ui
