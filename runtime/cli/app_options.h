#pragma once
// What the command line asks of a windowed run.
#include <string>

namespace gw {

// Exit codes, documented in --help: scripts and CI can tell a content problem from a usage mistake.
enum ExitCode : int {
    kExitOk = 0,
    kExitContentErrors = 1,  // check found errors / export or import could not be done
    kExitUsage = 2,          // unknown option, missing argument
    kExitNoWindow = 3,       // no display or no OpenGL 3.3: the window could not open
};

struct AppOptions {
    std::string content_dir;    // the course folder
    std::string data_dir;       // where profiles live; empty = $XDG_DATA_HOME/groundwork
    std::string profile = "default";
    std::string start_item;     // --module ID: open this module first
    std::string screenshot;     // --screenshot FILE: render, write a PNG, exit
    int width = 0, height = 0;  // --size WxH, mostly for screenshots
    std::string theme;          // --theme light|dark: this run only, over the saved choice ("" = the saved one)
    float text_zoom = 0;        // --text-size PERCENT / 100: this run only (0 = the saved one)
    std::string course_notice;  // why the course shown is not the one the learner used last (shown once)
    bool quit_after_first_frame = false;  // the startup benchmark: draw the first frame, report its time, exit
};

}  // namespace gw
