#include "progress/backup_rotation.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <vector>

#include "progress/atomic_file.h"

namespace gw {

namespace fs = std::filesystem;

namespace {

std::string stamp(const char* format, bool with_millis) {
    using namespace std::chrono;
    auto now = system_clock::now();
    std::time_t t = system_clock::to_time_t(now);
    std::tm tm{};
    localtime_r(&t, &tm);
    char buf[64];
    std::strftime(buf, sizeof buf, format, &tm);
    std::string s = buf;
    if (with_millis) {
        char ms[8];
        std::snprintf(ms, sizeof ms, "-%03d", static_cast<int>(duration_cast<milliseconds>(now.time_since_epoch()).count() % 1000));
        s += ms;
    }
    return s;
}

// Names sort newest last: "save-00000042-20261126-101500-123.json" (sequence, then local time), "day-2026-11-26.json".
std::vector<fs::path> with_prefix(const fs::path& dir, const std::string& prefix) {
    std::vector<fs::path> out;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
        std::string name = entry.path().filename().string();
        if (name.rfind(prefix, 0) == 0 && entry.path().extension() == ".json") out.push_back(entry.path());
    }
    std::sort(out.begin(), out.end(), [](const fs::path& a, const fs::path& b) { return a.filename() > b.filename(); });
    return out;
}

bool link_or_copy(const fs::path& from, const fs::path& to) {
    std::error_code ec;
    fs::remove(to, ec);
    fs::create_hard_link(from, to, ec);
    if (!ec) return true;
    fs::copy_file(from, to, fs::copy_options::overwrite_existing, ec);  // file systems without hard links
    return !ec;
}

void prune(const std::vector<fs::path>& newest_first, int keep_count) {
    std::error_code ec;
    for (size_t i = static_cast<size_t>(std::max(keep_count, 0)); i < newest_first.size(); ++i)
        fs::remove(newest_first[i], ec);
}

}  // namespace

fs::path stage_backup(const fs::path& file, const fs::path& backup_dir) {
    std::error_code ec;
    if (!fs::exists(file, ec)) return {};
    fs::create_directories(backup_dir, ec);
    fs::path staged = backup_dir / ".staged";
    // link() does not follow a symbolic link: linking the profile's link would keep a second link to the live
    // file (or, if relative, to nothing) instead of the state about to be replaced.
    return link_or_copy(resolve_file_links(file), staged) ? staged : fs::path();
}

void commit_backup(const fs::path& staged, const fs::path& backup_dir, const BackupPolicy& policy) {
    if (staged.empty()) return;
    std::error_code ec;
    fs::path daily = backup_dir / ("day-" + stamp("%Y-%m-%d", false) + ".json");
    if (!fs::exists(daily, ec)) link_or_copy(staged, daily);
    // Names sort by a sequence number, not the clock: a clock turned back (DST, NTP) must not prune the newest.
    long next = 1;
    for (const fs::path& p : with_prefix(backup_dir, "save-")) {
        // A hand-made name such as save-99999999999999999999 must not overflow the counter (strtol gives LONG_MAX).
        const long seen = std::strtol(p.filename().string().c_str() + 5, nullptr, 10);
        if (seen > 0 && seen < 99999999) next = std::max(next, seen + 1);
        break;  // newest first
    }
    char seq[24];
    std::snprintf(seq, sizeof seq, "%08ld", next);
    fs::rename(staged, backup_dir / ("save-" + std::string(seq) + "-" + stamp("%Y%m%d-%H%M%S", true) + ".json"), ec);
    if (ec) fs::remove(staged, ec);
    prune(with_prefix(backup_dir, "save-"), policy.recent);
    prune(with_prefix(backup_dir, "day-"), policy.daily);
}

void discard_backup(const fs::path& staged) {
    std::error_code ec;
    if (!staged.empty()) fs::remove(staged, ec);
}

std::vector<fs::path> list_backups(const fs::path& backup_dir) {
    std::vector<fs::path> all = with_prefix(backup_dir, "save-");
    std::vector<fs::path> days = with_prefix(backup_dir, "day-");
    all.insert(all.end(), days.begin(), days.end());
    std::error_code ec;
    std::stable_sort(all.begin(), all.end(), [&](const fs::path& a, const fs::path& b) {
        return fs::last_write_time(a, ec) > fs::last_write_time(b, ec);
    });
    return all;
}

}  // namespace gw
