#pragma once
// Where a profile lives on disk and how it gets there: loading (with every way a file can be bad), saving off the
// UI thread with coalescing and retries, backups, and the single-writer lock.
#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "progress/atomic_file.h"
#include "progress/backup_rotation.h"
#include "progress/profile.h"
#include "progress/profile_serializer.h"

namespace gw {

enum class OpenOutcome {
    Created,        // no file yet: a fresh profile
    Loaded,         // read as it was
    Migrated,       // written by an earlier version, brought forward (the old file is kept as a backup)
    Recovered,      // the file was damaged: moved aside, the newest good backup was loaded
    MovedAside,     // the file was damaged and no backup was good: moved aside, a fresh profile started
    NewerReadOnly,  // written by a newer Groundwork: read what we understand, never write
    LockedReadOnly, // another Groundwork has this profile open
};

struct OpenReport {
    OpenOutcome outcome = OpenOutcome::Created;
    std::string message;  // for the learner; empty when there is nothing to say
};

enum class SaveState { Saved, Pending, Failed, ReadOnly };

struct SaveStatus {
    SaveState state = SaveState::Saved;
    Millis last_saved = 0;  // 0: nothing saved in this run yet
    std::string error;      // why the last write failed, or why the profile is read-only
};

class ProfileStore {
public:
    using Writer = std::function<bool(const std::filesystem::path&, const std::string&, std::string*)>;
    struct Options {
        BackupPolicy backups;
        Writer writer = write_file_atomic;        // tests inject a full disk here
        std::function<void()> on_status_change;  // called from the writer thread, e.g. to wake the UI
        int first_retry_ms = 1000;               // doubles after each failure, up to max_retry_ms
        int max_retry_ms = 15000;
    };

    // $XDG_DATA_HOME/groundwork, or ~/.local/share/groundwork.
    static std::filesystem::path default_data_dir();
    static bool is_valid_name(const std::string& profile);  // letters, digits, '-', '_'; at most 64

    ProfileStore(std::filesystem::path data_dir, std::string profile);
    ProfileStore(std::filesystem::path data_dir, std::string profile, Options options);
    ~ProfileStore();  // writes what is pending (waiting a few seconds at most), then stops the writer
    ProfileStore(const ProfileStore&) = delete;
    ProfileStore& operator=(const ProfileStore&) = delete;

    OpenReport open(Profile* out);

    // Queues a copy for the writer thread and returns at once. Saves queued faster than the disk takes them
    // coalesce: only the newest is written.
    void save(const Profile& profile);
    // Waits until everything queued is on disk. False on timeout or when the last write failed.
    bool flush(int timeout_ms = 5000);
    // Drops what is queued and not yet written (an import that failed must not land later by a retry).
    void discard_pending();

    SaveStatus status() const;
    bool read_only() const;
    const std::filesystem::path& file() const { return file_; }
    const std::filesystem::path& data_dir() const { return data_dir_; }
    const std::filesystem::path& backup_dir() const { return backup_dir_; }
    const std::string& name() const { return name_; }

private:
    std::filesystem::path data_dir_, file_, backup_dir_;
    std::string name_;
    Options options_;
    int lock_fd_ = -1;

    mutable std::mutex mutex_;
    std::condition_variable wake_, done_;
    std::unique_ptr<Profile> pending_;  // newest snapshot not yet on disk
    bool writing_ = false;
    bool stopping_ = false;
    bool retry_now_ = false;           // a new save or a flush cuts the retry wait short
    bool final_attempt_done_ = false;  // at shutdown a failing write is tried once more, then rescued
    std::uint64_t attempts_ = 0;
    SaveStatus status_;
    ProfileSerializer serializer_;  // used by the writer thread only
    std::thread thread_;

    bool take_lock();
    OpenReport open_file(Profile* out);
    std::string locked_message() const;
    void remove_stale_temporaries();
    std::vector<std::filesystem::path> rescue_dirs() const;
    std::string rescued_work_note() const;
    void writer_loop();
    bool write_snapshot(const Profile& p, std::string* error);
    void notify();
};

// Reads a profile file without taking the lock (export, tools). Validates like open().
bool load_profile_file(const std::filesystem::path& file, Profile* out, std::string* error);

}  // namespace gw
