#include "runtime/course/content_watcher.h"

#include <poll.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <chrono>

namespace gw {

ContentWatcher::ContentWatcher(const std::filesystem::path& root, std::function<void()> wake) : wake_(std::move(wake)) {
    fd_ = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    if (fd_ < 0 || pipe(stop_pipe_) != 0) return;
    const uint32_t mask = IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE;
    inotify_add_watch(fd_, root.c_str(), mask);
    std::error_code ec;
    for (const auto& e : std::filesystem::directory_iterator(root, ec))
        if (e.is_directory()) inotify_add_watch(fd_, e.path().c_str(), mask);
    thread_ = std::thread([this] { run(); });
}

ContentWatcher::~ContentWatcher() {
    if (thread_.joinable()) {
        char b = 0;
        (void)!write(stop_pipe_[1], &b, 1);
        thread_.join();
    }
    for (int fd : {fd_, stop_pipe_[0], stop_pipe_[1]})
        if (fd >= 0) close(fd);
}

bool ContentWatcher::take_change() {
    return changed_.exchange(false);
}

void ContentWatcher::run() {
    char buf[4096];
    for (;;) {
        pollfd fds[2] = {{fd_, POLLIN, 0}, {stop_pipe_[0], POLLIN, 0}};
        if (poll(fds, 2, -1) < 0) continue;
        if (fds[1].revents) return;
        while (read(fd_, buf, sizeof buf) > 0) {
        }
        // Editors write a file in several steps (temp file, rename, chmod): let the burst settle.
        pollfd settle = {stop_pipe_[0], POLLIN, 0};
        if (poll(&settle, 1, 120) > 0) return;
        while (read(fd_, buf, sizeof buf) > 0) {
        }
        changed_ = true;
        if (wake_) wake_();
    }
}

}  // namespace gw
