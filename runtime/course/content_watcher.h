#pragma once
// Watches a course folder and every folder under it for edits (module files, chapter files, images in any
// sub-folder), so a trainer sees changes without restarting. Uses inotify on a background thread; the UI polls
// take_change() once a frame and is woken through `wake`.
#include <atomic>
#include <filesystem>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace gw {

class ContentWatcher {
public:
    // inotify needs one watch per folder; a course has tens. Past this many the rest of the tree is not watched
    // (and the watcher says so) rather than using up the learner's per-user inotify allowance.
    static constexpr std::size_t kDefaultMaxFolders = 2000;

    // `wake` runs on the watcher thread after a change (the app posts an empty window event with it). `report`
    // receives each problem with watching as one line of text (the inotify limit reached, too many folders), on
    // whichever thread found it; without it the line goes to stderr. Folders whose name starts with '.' (.git) are
    // not watched: they are never course content.
    ContentWatcher(const std::filesystem::path& root, std::function<void()> wake,
                   std::function<void(const std::string&)> report = {}, std::size_t max_folders = kDefaultMaxFolders);
    ~ContentWatcher();
    ContentWatcher(const ContentWatcher&) = delete;
    ContentWatcher& operator=(const ContentWatcher&) = delete;

    bool active() const { return fd_ >= 0; }
    // True once after one or more changes; editors save in bursts, so callers get one reload per burst.
    bool take_change();
    std::size_t folders_watched() const;
    // Every problem reported so far (also sent to `report`), for tests and for a host that shows them later.
    std::vector<std::string> problems() const;

private:
    int fd_ = -1;
    int stop_pipe_[2] = {-1, -1};
    // The course folder as named: when the folder there is swapped (a library update renames a new copy into
    // place) or removed, the watches follow the name, not the old folder (IN_MOVE_SELF / IN_DELETE_SELF).
    std::filesystem::path root_;
    std::atomic<bool> changed_{false};
    std::function<void()> wake_;
    std::function<void(const std::string&)> report_;
    std::size_t max_folders_;
    mutable std::mutex mutex_;  // guards the maps and problems_: the constructor and the thread both add folders
    std::map<int, std::filesystem::path> folder_of_;  // watch descriptor -> folder
    std::vector<std::string> problems_;
    bool reported_limit_ = false;
    std::thread thread_;

    void watch_tree(const std::filesystem::path& top);
    bool watch_folder(const std::filesystem::path& folder);
    void forget_tree(const std::filesystem::path& top);
    void rewatch_root();
    void problem(const std::string& text);
    void handle_events(const char* buf, long length);
    void run();
};

}  // namespace gw
