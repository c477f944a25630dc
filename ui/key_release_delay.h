#pragma once
// Dear ImGui 1.86 samples keys once per frame, so a key pressed and released between two frames (a quick Enter,
// a fast Ctrl+Z, a burst of Backspaces while the app slept) is never seen. This holds such releases back until
// the frame after, so every press reaches ImGui. Installed over the GLFW backend's key callback.
#include <GLFW/glfw3.h>

namespace gw::ui {

void install_key_release_delay(GLFWwindow* window);
// Call after each frame: sends the held-back releases. Returns true when it sent any (draw one more frame).
bool flush_delayed_key_releases(GLFWwindow* window);

}  // namespace gw::ui
