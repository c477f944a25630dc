#include "ui/platform/display_loss.h"

#include <GLFW/glfw3.h>
#define GLFW_EXPOSE_NATIVE_X11
#include <GLFW/glfw3native.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <thread>

namespace gw::ui {

namespace {

// Xlib's handlers are plain C functions: their state lives here, set by the one DisplayLoss of the process.
std::function<bool()>* g_last_chance = nullptr;
std::thread::id g_main_thread;
std::atomic<bool> g_lost{false};
std::atomic<bool> g_finishing{false};
XIOErrorHandler g_previous_handler = nullptr;

int on_io_error(Display*) {
    g_lost = true;
    // On the main thread (almost always: it is the one waiting on the connection) the app's state is ours to use.
    // A second call while finishing means the last chance reached Xlib again: returning lets it carry on.
    if (std::this_thread::get_id() == g_main_thread && !g_finishing) DisplayLoss::finish();
    return 0;  // another thread: see on_io_exit
}

// Xlib calls this after the handler returns; its default is exit(1). Only a thread other than the main one gets
// here (the main thread never returns from on_io_error): Xlib returns to it, marks the display dead so further
// calls return at once, and the main loop, woken by the broken connection, sees lost() and finishes.
void on_io_exit(Display*, void*) {}

}  // namespace

DisplayLoss::DisplayLoss(std::function<bool()> last_chance) {
    g_last_chance = new std::function<bool()>(std::move(last_chance));
    g_main_thread = std::this_thread::get_id();
    Display* display = glfwGetX11Display();
    if (!display) return;
    g_previous_handler = XSetIOErrorHandler(on_io_error);
    XSetIOErrorExitHandler(display, on_io_exit, nullptr);
}

DisplayLoss::~DisplayLoss() {
    // Called before glfwTerminate closes the display, so the exit handler is put back on a live connection.
    if (Display* display = glfwGetX11Display()) {
        XSetIOErrorHandler(g_previous_handler);
        XSetIOErrorExitHandler(display, nullptr, nullptr);  // nullptr: Xlib's default
    }
    delete g_last_chance;
    g_last_chance = nullptr;
}

bool DisplayLoss::lost() { return g_lost; }

void DisplayLoss::finish() {
    g_finishing = true;
    std::fprintf(stderr, "groundwork: lost the connection to the display (the X server ended or the session "
                         "closed); saving your work before exiting\n");
    const bool saved = g_last_chance && *g_last_chance && (*g_last_chance)();
    std::fprintf(stderr, saved ? "groundwork: your work is saved\n"
                               : "groundwork: your last changes could not be saved where they belong; see above "
                                 "for where they were put\n");
    std::fflush(nullptr);
    // Not exit(): static destructors and atexit handlers (GLFW's, Mesa's) would talk to the dead display, and the
    // other threads are still running.
    _exit(kExitDisplayLost);
}

}  // namespace gw::ui
