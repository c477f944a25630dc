#pragma once
// SIGTERM, SIGINT and SIGHUP (logout, `kill`, Ctrl+C in the terminal) close the window the normal way, so the
// last words typed are saved, instead of ending the process mid-sentence.
#include <atomic>
#include <functional>
#include <thread>

namespace gw::ui {

class QuitSignals {
public:
    // Blocks the signals in this thread and every thread started after it; a watcher thread receives them and
    // calls `on_quit` (from that thread). Construct before any other thread starts.
    explicit QuitSignals(std::function<void()> on_quit);
    ~QuitSignals();
    bool requested() const { return requested_; }

private:
    std::function<void()> on_quit_;
    std::atomic<bool> requested_{false};
    std::atomic<bool> stopping_{false};
    std::thread thread_;
};

}  // namespace gw::ui
