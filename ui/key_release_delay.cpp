#include "ui/key_release_delay.h"

#include <backends/imgui_impl_glfw.h>

#include <vector>

namespace gw::ui {

namespace {

struct Pending {
    int key, scancode, mods;
};
std::vector<int> g_pressed_this_frame;
std::vector<Pending> g_delayed;

bool pressed_this_frame(int key) {
    for (int k : g_pressed_this_frame)
        if (k == key) return true;
    return false;
}

void on_key(GLFWwindow* window, int key, int scancode, int action, int mods) {
    if (action == GLFW_PRESS) {
        // A second press of a key whose release is still held back: let ImGui see the release first.
        for (auto it = g_delayed.begin(); it != g_delayed.end(); ++it)
            if (it->key == key) {
                ImGui_ImplGlfw_KeyCallback(window, it->key, it->scancode, GLFW_RELEASE, it->mods);
                g_delayed.erase(it);
                break;
            }
        g_pressed_this_frame.push_back(key);
    } else if (action == GLFW_RELEASE && pressed_this_frame(key)) {
        g_delayed.push_back({key, scancode, mods});
        return;
    }
    ImGui_ImplGlfw_KeyCallback(window, key, scancode, action, mods);
}

}  // namespace

void install_key_release_delay(GLFWwindow* window) { glfwSetKeyCallback(window, on_key); }

bool flush_delayed_key_releases(GLFWwindow* window) {
    g_pressed_this_frame.clear();
    if (g_delayed.empty()) return false;
    for (const Pending& p : g_delayed) ImGui_ImplGlfw_KeyCallback(window, p.key, p.scancode, GLFW_RELEASE, p.mods);
    g_delayed.clear();
    return true;
}

}  // namespace gw::ui
