#pragma once
// Losing the display (the X server crashed or was stopped, the session ended, an ssh -X link dropped) is fatal to
// Xlib: by default it prints "XIO: fatal IO error" and calls exit(1) from whichever thread noticed, so the text
// typed since the last save, or held in memory while the disk refuses it, dies with the process. DisplayLoss turns
// that into the same last-chance save and rescue as SIGTERM, then ends the process with a message.
#include <functional>

#include "runtime/cli/app_options.h"

namespace gw::ui {

// Exit code after the display was lost under a running window: "no display" (documented as 3), as at start.
constexpr int kExitDisplayLost = kExitNoWindow;

class DisplayLoss {
public:
    // Installs Xlib's IO error handler, and for GLFW's display an IO error exit handler, so no thread ends the
    // process behind the main thread's back. Construct on the main thread, after glfwInit; on a display that is
    // not X11 it does nothing. `last_chance` runs at most once, on the main thread, after the connection broke;
    // it must not touch the window system, GL or ImGui, and returns false when the work could not be saved.
    explicit DisplayLoss(std::function<bool()> last_chance);
    ~DisplayLoss();  // puts Xlib's previous handlers back
    DisplayLoss(const DisplayLoss&) = delete;
    DisplayLoss& operator=(const DisplayLoss&) = delete;

    // True once any thread saw the connection break. The main loop checks it after each wait for events: when the
    // break was noticed on another thread, Xlib returns there and the main thread has to finish the job.
    static bool lost();
    // Runs the last chance, prints why the app ends, and ends the process with kExitDisplayLost. Main thread only.
    [[noreturn]] static void finish();
};

}  // namespace gw::ui
