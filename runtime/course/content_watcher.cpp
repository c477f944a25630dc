#include "runtime/course/content_watcher.h"

#include <poll.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <fstream>
#include <iostream>

namespace gw {

namespace {

constexpr uint32_t kWatchMask = IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE | IN_ONLYDIR |
                                 IN_MOVE_SELF | IN_DELETE_SELF;

bool hidden_name(const std::filesystem::path& p) {
    const std::string name = p.filename().string();
    return !name.empty() && name[0] == '.';
}

// fs.inotify.max_user_watches, for the message when it is reached; "" when it cannot be read.
std::string inotify_watch_limit() {
    std::ifstream in("/proc/sys/fs/inotify/max_user_watches");
    std::string value;
    in >> value;
    return value;
}

}  // namespace

ContentWatcher::ContentWatcher(const std::filesystem::path& root, std::function<void()> wake,
                               std::function<void(const std::string&)> report, std::size_t max_folders)
    : root_(root), wake_(std::move(wake)), report_(std::move(report)), max_folders_(max_folders) {
    fd_ = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    if (fd_ < 0) {
        problem("edits to the course are not picked up live: inotify is unavailable (" +
                std::string(std::strerror(errno)) + "); restart the app to see them");
        return;
    }
    if (pipe(stop_pipe_) != 0) {
        close(fd_);
        fd_ = -1;
        return;
    }
    watch_tree(root);
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

std::size_t ContentWatcher::folders_watched() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return folder_of_.size();
}

std::vector<std::string> ContentWatcher::problems() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return problems_;
}

void ContentWatcher::problem(const std::string& text) {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        problems_.push_back(text);
    }
    if (report_) report_(text);
    else std::cerr << "groundwork: " << text << "\n";
}

// Adds one watch; false (after saying why, once) when no more can be added.
bool ContentWatcher::watch_folder(const std::filesystem::path& folder) {
    std::string message;
    {
        std::lock_guard<std::mutex> lock(mutex_);
        if (folder_of_.size() >= max_folders_) {
            if (reported_limit_) return false;
            reported_limit_ = true;
            message = "the course has more than " + std::to_string(max_folders_) + " folders: edits in " +
                      folder.string() + " and the folders after it are not picked up live (restart the app to see "
                      "them, or keep fewer folders in the course)";
        } else {
            const int wd = inotify_add_watch(fd_, folder.c_str(), kWatchMask);
            if (wd >= 0) {
                folder_of_[wd] = folder;  // the same folder again (moved back) keeps its descriptor
                return true;
            }
            if (errno != ENOSPC || reported_limit_) return false;  // gone already, or not a folder: nothing to watch
            reported_limit_ = true;
            const std::string limit = inotify_watch_limit();
            message = "edits in " + folder.string() + " and the folders after it are not picked up live: the system's "
                      "limit of inotify watches" + (limit.empty() ? "" : " (fs.inotify.max_user_watches = " + limit + ")") +
                      " is reached. Close other programs that watch files, or raise the limit (sudo sysctl "
                      "fs.inotify.max_user_watches=524288), then restart the app";
        }
    }
    problem(message);
    return false;
}

void ContentWatcher::watch_tree(const std::filesystem::path& top) {
    if (!watch_folder(top)) return;
    std::error_code ec;
    // Symbolic links to folders are not followed: a link to / or a cycle would watch without end.
    std::filesystem::recursive_directory_iterator it(top, std::filesystem::directory_options::skip_permission_denied,
                                                     ec);
    for (const std::filesystem::recursive_directory_iterator end; !ec && it != end; it.increment(ec)) {
        std::error_code type_ec;
        if (!it->is_directory(type_ec) || it->is_symlink(type_ec)) continue;
        if (hidden_name(it->path()) || !watch_folder(it->path())) it.disable_recursion_pending();
    }
}

void ContentWatcher::forget_tree(const std::filesystem::path& top) {
    std::lock_guard<std::mutex> lock(mutex_);
    const std::string prefix = top.string() + "/";
    for (auto it = folder_of_.begin(); it != folder_of_.end();) {
        const std::string path = it->second.string();
        if (path == top.string() || path.compare(0, prefix.size(), prefix) == 0) {
            inotify_rm_watch(fd_, it->first);
            it = folder_of_.erase(it);
        } else {
            ++it;
        }
    }
}

void ContentWatcher::rewatch_root() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        for (const auto& [wd, folder] : folder_of_) inotify_rm_watch(fd_, wd);
        folder_of_.clear();
    }
    std::error_code ec;
    if (std::filesystem::is_directory(root_, ec)) watch_tree(root_);  // the new copy, if one was put in its place
}

void ContentWatcher::handle_events(const char* buf, long length) {
    for (long i = 0; i + long(sizeof(inotify_event)) <= length;) {
        inotify_event ev;
        std::memcpy(&ev, buf + i, sizeof ev);  // the buffer is not aligned for inotify_event
        const char* name = buf + i + sizeof(inotify_event);
        i += long(sizeof(inotify_event) + ev.len);
        if (ev.mask & IN_IGNORED) {  // the folder was deleted (or unwatched): its descriptor may be reused
            std::lock_guard<std::mutex> lock(mutex_);
            folder_of_.erase(ev.wd);
            continue;
        }
        if (ev.mask & (IN_MOVE_SELF | IN_DELETE_SELF)) {  // only the course folder's own matters: a subfolder's
            bool is_root = false;                          // move is also seen by its parent (IN_MOVED_FROM)
            {
                std::lock_guard<std::mutex> lock(mutex_);
                auto it = folder_of_.find(ev.wd);
                is_root = it != folder_of_.end() && it->second == root_;
            }
            if (is_root) rewatch_root();
            continue;
        }
        if (!(ev.mask & IN_ISDIR) || ev.len == 0) continue;
        std::filesystem::path folder;
        {
            std::lock_guard<std::mutex> lock(mutex_);
            auto it = folder_of_.find(ev.wd);
            if (it == folder_of_.end()) continue;
            folder = it->second / std::string(name, strnlen(name, ev.len));
        }
        if (hidden_name(folder)) continue;
        if (ev.mask & IN_MOVED_FROM) forget_tree(folder);  // moved out, or renamed: IN_MOVED_TO adds it back
        // A new folder may already hold files written before its watch existed: the reload that follows reads them.
        if (ev.mask & (IN_CREATE | IN_MOVED_TO)) watch_tree(folder);
    }
}

void ContentWatcher::run() {
    alignas(inotify_event) char buf[8192];
    auto drain = [&] {
        for (long n; (n = read(fd_, buf, sizeof buf)) > 0;) handle_events(buf, n);
    };
    for (;;) {
        pollfd fds[2] = {{fd_, POLLIN, 0}, {stop_pipe_[0], POLLIN, 0}};
        if (poll(fds, 2, -1) < 0) continue;
        if (fds[1].revents) return;
        drain();
        // Editors write a file in several steps (temp file, rename, chmod): let the burst settle.
        pollfd settle = {stop_pipe_[0], POLLIN, 0};
        if (poll(&settle, 1, 120) > 0) return;
        drain();
        changed_ = true;
        if (wake_) wake_();
    }
}

}  // namespace gw
