#pragma once
// Watches a course folder (and its chapter folders) for edits, so a trainer sees changes without restarting.
// Uses inotify on a background thread; the UI polls changed() once a frame and is woken through `wake`.
#include <atomic>
#include <filesystem>
#include <functional>
#include <thread>

namespace gw {

class ContentWatcher {
public:
    // `wake` runs on the watcher thread after a change (the app posts an empty window event with it).
    ContentWatcher(const std::filesystem::path& root, std::function<void()> wake);
    ~ContentWatcher();
    ContentWatcher(const ContentWatcher&) = delete;
    ContentWatcher& operator=(const ContentWatcher&) = delete;

    bool active() const { return fd_ >= 0; }
    // True once after one or more changes; editors save in bursts, so callers get one reload per burst.
    bool take_change();

private:
    int fd_ = -1;
    int stop_pipe_[2] = {-1, -1};
    std::atomic<bool> changed_{false};
    std::function<void()> wake_;
    std::thread thread_;
    void run();
};

}  // namespace gw
