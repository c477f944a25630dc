#include "progress/profile_store.h"

#include <fcntl.h>
#include <pwd.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <ctime>

#include "progress/profile_json.h"

namespace gw {

namespace fs = std::filesystem;

namespace {

std::string local_time(fs::file_time_type t) {
    auto sys = std::chrono::time_point_cast<std::chrono::system_clock::duration>(
        t - fs::file_time_type::clock::now() + std::chrono::system_clock::now());
    std::time_t tt = std::chrono::system_clock::to_time_t(sys);
    std::tm tm{};
    localtime_r(&tt, &tm);
    char buf[64];
    std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M", &tm);
    return buf;
}

std::string file_stamp() {
    std::time_t t = std::time(nullptr);
    std::tm tm{};
    localtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y%m%d-%H%M%S", &tm);
    return buf;
}

}  // namespace

fs::path ProfileStore::default_data_dir() {
    const char* xdg = std::getenv("XDG_DATA_HOME");
    if (xdg && xdg[0] == '/') return fs::path(xdg) / "groundwork";  // the spec says to ignore relative values
    const char* home = std::getenv("HOME");
    if (!home || !home[0]) {
        const passwd* pw = getpwuid(getuid());
        home = pw ? pw->pw_dir : "/tmp";
    }
    return fs::path(home) / ".local" / "share" / "groundwork";
}

bool ProfileStore::is_valid_name(const std::string& profile) {
    if (profile.empty() || profile.size() > 64) return false;
    return std::all_of(profile.begin(), profile.end(), [](unsigned char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    });
}

ProfileStore::ProfileStore(fs::path data_dir, std::string profile)
    : ProfileStore(std::move(data_dir), std::move(profile), Options{}) {}

ProfileStore::ProfileStore(fs::path data_dir, std::string profile, Options options)
    : data_dir_(std::move(data_dir)), name_(std::move(profile)), options_(std::move(options)) {
    file_ = data_dir_ / "profiles" / (name_ + ".json");
    backup_dir_ = data_dir_ / "backups" / name_;
    thread_ = std::thread([this] { writer_loop(); });
}

ProfileStore::~ProfileStore() {
    {
        std::lock_guard<std::mutex> lk(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    thread_.join();
    if (lock_fd_ >= 0) ::close(lock_fd_);
}

bool ProfileStore::take_lock() {
    std::error_code ec;
    fs::create_directories(file_.parent_path(), ec);
    fs::path lock = file_;
    lock.replace_extension(".lock");
    lock_fd_ = ::open(lock.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (lock_fd_ < 0) return true;  // an unwritable folder: saving will fail visibly, nothing to protect here
    if (::flock(lock_fd_, LOCK_EX | LOCK_NB) == 0) return true;
    ::close(lock_fd_);
    lock_fd_ = -1;
    return false;
}

std::string ProfileStore::locked_message() const {
    return "Groundwork is already open for profile \"" + name_ +
           "\" in another window. This one shows your work but cannot change it: keep working in the other window.";
}

OpenReport ProfileStore::open(Profile* out) {
    OpenReport report = open_file(out);
    const std::string rescued = rescued_work_note();
    if (!rescued.empty()) report.message = (report.message.empty() ? "" : report.message) + rescued;
    return report;
}

OpenReport ProfileStore::open_file(Profile* out) {
    OpenReport report;
    *out = Profile{};
    auto set_read_only = [&](OpenOutcome outcome, const std::string& why) {
        report.outcome = outcome;
        report.message = why;
        std::lock_guard<std::mutex> lk(mutex_);
        status_.state = SaveState::ReadOnly;
        status_.error = why;
    };

    const bool locked = take_lock();
    std::error_code ec;
    if (locked) remove_stale_temporaries();
    if (!fs::exists(file_, ec)) {
        report.outcome = OpenOutcome::Created;
        if (!locked) set_read_only(OpenOutcome::LockedReadOnly, locked_message());
        return report;
    }

    std::string text, error;
    if (!read_file(file_, &text, &error)) {
        // Unreadable is not damaged (permissions after a sudo run, a failing disk): leave it exactly as it is.
        set_read_only(OpenOutcome::LockedReadOnly,
                      "Your saved work could not be opened (" + error + "). Nothing will be written until it can be.");
        return report;
    }
    ProfileParse parse = parse_profile(text, out);
    if (parse.schema > kProfileSchema) {
        // A newer version's file that this version cannot fully follow is still not ours to move or rewrite.
        if (!parse.ok) *out = Profile{};
        set_read_only(OpenOutcome::NewerReadOnly,
                      "This profile was saved by a newer Groundwork (format " + std::to_string(parse.schema) +
                          "). It is open read-only so nothing in it is lost; update Groundwork to keep working.");
        return report;
    }

    if (!parse.ok) {
        if (!locked) {
            set_read_only(OpenOutcome::LockedReadOnly, locked_message());
            return report;
        }
        // Never overwrite what we could not read: it may be recoverable by hand. A linked profile's target is
        // moved aside in its own folder, so the link stays and the restored profile is written through it.
        const fs::path damaged = resolve_file_links(file_);
        fs::path aside = damaged;
        aside += ".damaged-" + file_stamp();
        fs::rename(damaged, aside, ec);
        if (ec) {
            set_read_only(OpenOutcome::MovedAside, "Your saved work in " + file_.string() + " could not be read (" +
                                                       parse.error + ") nor moved aside (" + ec.message() +
                                                       "). Nothing will be written until it is fixed.");
            return report;
        }
        std::string head = "Your saved work could not be read (" + parse.error + "). The file was moved to " +
                           aside.string() + ".";
        for (const fs::path& backup : list_backups(backup_dir_)) {
            Profile candidate;
            if (read_file(backup, &text, &error) && parse_profile(text, &candidate).ok) {
                *out = std::move(candidate);
                report.outcome = OpenOutcome::Recovered;
                report.message = head + " Restored the backup from " + local_time(fs::last_write_time(backup, ec)) + ".";
                save(*out);
                return report;
            }
        }
        report.outcome = OpenOutcome::MovedAside;
        report.message = head + " No good backup was found, so this is a fresh start.";
        return report;
    }

    if (!locked) {
        set_read_only(OpenOutcome::LockedReadOnly, locked_message());
        return report;
    }
    if (parse.migrated) {
        // The pre-upgrade file is kept outside the rotation, so later saves never prune it.
        fs::create_directories(backup_dir_, ec);
        fs::copy_file(file_, backup_dir_ / ("before-format-" + std::to_string(kProfileSchema) + ".json"),
                      fs::copy_options::skip_existing, ec);
        report.outcome = OpenOutcome::Migrated;
        return report;
    }
    report.outcome = OpenOutcome::Loaded;
    return report;
}

// The places a rescue copy may go, in the order they are tried: the data folder first (it survives a reboot), then
// a folder in the temporary folder named after this data folder, so two data folders with a profile of the same
// name (other users' --data-dir, tests) never see each other's rescued work.
std::vector<fs::path> ProfileStore::rescue_dirs() const {
    std::vector<fs::path> dirs = {data_dir_ / "rescued"};
    std::error_code ec;
    const fs::path tmp = fs::temp_directory_path(ec);
    if (ec) return dirs;
    const std::string id = fs::absolute(data_dir_, ec).lexically_normal().string();
    std::uint64_t h = 14695981039346656037ull;  // FNV-1a: stable across builds, unlike std::hash
    for (unsigned char c : id) h = (h ^ c) * 1099511628211ull;
    char tag[17];
    std::snprintf(tag, sizeof tag, "%016llx", static_cast<unsigned long long>(h));
    dirs.push_back(tmp / ("groundwork-rescued-" + std::string(tag)));
    return dirs;
}

// Work a previous run could not save and put aside (see rescue_dirs): the learner must hear where it is.
std::string ProfileStore::rescued_work_note() const {
    std::string note;
    const std::vector<fs::path> dirs = rescue_dirs();
    for (std::size_t i = 0; i < dirs.size(); ++i) {
        std::error_code ec;
        std::vector<fs::path> files;
        for (const auto& e : fs::directory_iterator(dirs[i], ec))
            if (e.path().filename().string().rfind(name_ + "-unsaved-", 0) == 0) files.push_back(e.path());
        if (files.empty()) continue;
        std::sort(files.begin(), files.end());
        note += " An earlier session could not save everything; its work is in " +
                (files.size() == 1 ? files.front().string()
                                   : dirs[i].string() + " (" + std::to_string(files.size()) + " files)") +
                " (groundwork import FILE restores it).";
        if (i > 0) note += " That is the temporary folder, which may be emptied when the computer restarts: import it soon.";
    }
    return note;
}

// A save killed between creating its temporary file and renaming it leaves the temporary behind; the profile
// itself is whole, so the leftover is only clutter.
void ProfileStore::remove_stale_temporaries() {
    const fs::path real = resolve_file_links(file_);  // where write_file_atomic puts them for a linked profile
    const std::string prefix = "." + real.filename().string() + ".tmp";
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(real.parent_path(), ec))
        if (entry.path().filename().string().rfind(prefix, 0) == 0) fs::remove(entry.path(), ec);
}

void ProfileStore::save(const Profile& profile) {
    {
        std::lock_guard<std::mutex> lk(mutex_);
        if (status_.state == SaveState::ReadOnly) return;
        pending_ = std::make_unique<Profile>(profile);
        retry_now_ = true;
        if (status_.state == SaveState::Saved) status_.state = SaveState::Pending;
    }
    wake_.notify_all();
}

bool ProfileStore::flush(int timeout_ms) {
    std::unique_lock<std::mutex> lk(mutex_);
    if (status_.state == SaveState::ReadOnly) return false;
    const std::uint64_t attempts_before = attempts_;
    retry_now_ = true;
    wake_.notify_all();
    done_.wait_for(lk, std::chrono::milliseconds(timeout_ms), [&] {
        return (!pending_ && !writing_) || (attempts_ > attempts_before && !writing_ && status_.state == SaveState::Failed);
    });
    return !pending_ && !writing_ && status_.state == SaveState::Saved;
}

void ProfileStore::discard_pending() {
    std::lock_guard<std::mutex> lk(mutex_);
    pending_.reset();
    if (status_.state != SaveState::ReadOnly) status_.state = SaveState::Saved;
}

SaveStatus ProfileStore::status() const {
    std::lock_guard<std::mutex> lk(mutex_);
    return status_;
}

bool ProfileStore::read_only() const {
    std::lock_guard<std::mutex> lk(mutex_);
    return status_.state == SaveState::ReadOnly;
}

void ProfileStore::notify() {
    if (options_.on_status_change) options_.on_status_change();
}

bool ProfileStore::write_snapshot(const Profile& p, std::string* error) {
    const std::string text = serializer_.serialize(p);
    std::error_code ec;
    fs::create_directories(file_.parent_path(), ec);  // the folder may have been removed while we ran
    const fs::path staged = stage_backup(file_, backup_dir_);
    if (!options_.writer(file_, text, error)) {
        discard_backup(staged);
        return false;
    }
    commit_backup(staged, backup_dir_, options_.backups);
    return true;
}

void ProfileStore::writer_loop() {
    std::unique_lock<std::mutex> lk(mutex_);
    int delay_ms = options_.first_retry_ms;
    for (;;) {
        wake_.wait(lk, [&] { return stopping_ || pending_; });
        if (!pending_) break;  // stopping with nothing left to write

        std::unique_ptr<Profile> snapshot = std::move(pending_);
        writing_ = true;
        retry_now_ = false;  // a save or flush from now on asks for another attempt
        lk.unlock();
        std::string error;
        const bool ok = write_snapshot(*snapshot, &error);
        lk.lock();
        writing_ = false;
        ++attempts_;
        if (ok) {
            status_.last_saved = now_millis();
            status_.error.clear();
            status_.state = pending_ ? SaveState::Pending : SaveState::Saved;
            delay_ms = options_.first_retry_ms;
        } else {
            if (!pending_) pending_ = std::move(snapshot);  // keep the text until a write succeeds
            status_.state = SaveState::Failed;
            status_.error = error;
        }
        done_.notify_all();
        lk.unlock();
        notify();
        lk.lock();
        if (ok) continue;

        if (stopping_ && final_attempt_done_) break;
        if (stopping_) {
            final_attempt_done_ = true;
            continue;
        }
        wake_.wait_for(lk, std::chrono::milliseconds(delay_ms), [&] { return stopping_ || retry_now_; });
        delay_ms = std::min(delay_ms * 2, options_.max_retry_ms);
    }
    if (pending_ && status_.state == SaveState::Failed) {
        // Quitting with a disk that refuses the save: put the work somewhere else rather than drop it; the next
        // start looks in the same places (rescued_work_note).
        const std::string text = serialize_profile(*pending_);
        const std::string name = name_ + "-unsaved-" + file_stamp() + ".json";
        std::error_code ec;
        bool rescued = false;
        for (const fs::path& dir : rescue_dirs()) {
            std::string error;
            fs::create_directories(dir, ec);
            if (write_file_atomic(dir / name, text, &error)) {
                std::fprintf(stderr, "groundwork: could not save to %s (%s); your work is in %s\n", file_.c_str(),
                             status_.error.c_str(), (dir / name).c_str());
                rescued = true;
                break;
            }
        }
        if (!rescued) std::fprintf(stderr, "groundwork: could not save your work: %s\n", status_.error.c_str());
    }
}

bool load_profile_file(const fs::path& file, Profile* out, std::string* error) {
    std::string text;
    if (!read_file(file, &text, error)) return false;
    ProfileParse parse = parse_profile(text, out);
    if (!parse.ok) *error = file.string() + ": " + parse.error;
    return parse.ok;
}

}  // namespace gw
