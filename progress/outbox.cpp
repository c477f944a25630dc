#include "progress/outbox.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "progress/atomic_file.h"

namespace gw {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

bool append_line(const fs::path& file, const std::string& line, std::string* error) {
    const int fd = ::open(file.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0) {
        if (error) *error = "cannot open " + file.string() + ": " + std::strerror(errno);
        return false;
    }
    const std::string data = line + "\n";
    const char* p = data.data();
    size_t left = data.size();
    while (left > 0) {
        const ssize_t n = ::write(fd, p, left);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            const int err = errno;
            ::close(fd);
            if (error) *error = "cannot write " + file.string() + ": " + std::strerror(err);
            return false;
        }
        p += n;
        left -= static_cast<size_t>(n);
    }
    const bool synced = ::fsync(fd) == 0;
    const int err = errno;
    ::close(fd);
    if (!synced && error) *error = "cannot sync " + file.string() + ": " + std::strerror(err);
    return synced;
}

std::vector<std::string> split_lines(const std::string& text, bool* torn) {
    std::vector<std::string> lines;
    size_t start = 0;
    while (start < text.size()) {
        const size_t end = text.find('\n', start);
        if (end == std::string::npos) {
            *torn = true;  // the last append was cut short by a kill or a full disk
            break;
        }
        if (end > start) lines.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return lines;
}

std::string statement_id(const std::string& line) {
    const json j = json::parse(line, nullptr, false);
    if (j.is_object() && j.contains("id") && j["id"].is_string()) return j["id"].get<std::string>();
    return {};
}

}  // namespace

fs::path Outbox::path_for(const fs::path& data_dir, const std::string& profile) {
    return data_dir / "profiles" / (profile + ".outbox.jsonl");  // beside <profile>.json
}

fs::path Outbox::failed_file() const {
    std::string name = file_.filename().string();
    const std::string suffix = ".outbox.jsonl";
    if (name.size() > suffix.size() && name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0)
        name = name.substr(0, name.size() - suffix.size()) + ".outbox-failed.jsonl";
    else
        name += ".failed";
    return file_.parent_path() / name;
}

Outbox::Outbox(fs::path file, std::string* error) : file_(std::move(file)) {
    std::error_code ec;
    std::string text, read_error;
    if (fs::exists(failed_file(), ec)) {
        std::string failed_text;
        if (read_file(failed_file(), &failed_text, &read_error)) {
            bool ignored = false;
            failed_ = split_lines(failed_text, &ignored).size();
        }
    }
    if (!fs::exists(file_, ec)) return;  // created on the first append
    if (!read_file(file_, &text, &read_error)) {
        if (error) *error = read_error;
        return;
    }
    bool torn = false, repaired = false;
    std::vector<std::string> lines = split_lines(text, &torn);
    size_t first = 0;
    if (!lines.empty()) {
        const json header = json::parse(lines[0], nullptr, false);
        if (header.is_object() && header.contains("outbox")) {
            // Counts only: a damaged value is read as 0 rather than refusing the statements that follow.
            auto count = [&](const char* key) {
                const json& v = header.contains(key) ? header[key] : json();
                return v.is_number_unsigned() ? v.get<size_t>() : size_t{0};
            };
            sent_ = count("sent");
            failed_seen_ = std::min(count("failed_seen"), failed_);
            first = 1;
        } else {
            repaired = true;  // no header: written by hand or by an older build; keep the statements
        }
    }
    for (size_t i = first; i < lines.size(); ++i) {
        const std::string id = statement_id(lines[i]);
        if (id.empty()) {
            // Not a statement we wrote: keep it where a person can see it instead of sending or dropping it.
            std::string ignored;
            // The line may hold bytes that are not UTF-8: kept with U+FFFD in their place, never thrown on.
            append_failed(json{{"status", 0}, {"reason", "unreadable line in the outbox"}, {"line", lines[i]}}
                              .dump(-1, ' ', false, json::error_handler_t::replace),
                          &ignored);
            repaired = true;
            continue;
        }
        if (std::find(waiting_ids_.begin(), waiting_ids_.end(), id) != waiting_ids_.end()) {
            repaired = true;
            continue;
        }
        waiting_.push_back(lines[i]);
        waiting_ids_.push_back(id);
    }
    if ((torn || repaired) && !rewrite(&read_error) && error) *error = read_error;
}

bool Outbox::rewrite(std::string* error) {
    std::string text = json{{"outbox", 1}, {"sent", sent_}, {"failed_seen", failed_seen_}}.dump() + "\n";
    for (const std::string& line : waiting_) text += line + "\n";
    return write_file_atomic(file_, text, error);
}

bool Outbox::append_failed(const std::string& line, std::string* error) {
    if (!append_line(failed_file(), line, error)) return false;
    ++failed_;
    return true;
}

bool Outbox::append(const json& statement, std::string* error) {
    if (!statement.is_object() || !statement.contains("id") || !statement["id"].is_string()) {
        if (error) *error = "a statement needs a string id";
        return false;
    }
    const std::string id = statement["id"].get<std::string>();
    std::lock_guard<std::mutex> lock(mutex_);
    if (std::find(waiting_ids_.begin(), waiting_ids_.end(), id) != waiting_ids_.end()) return true;
    std::error_code ec;
    if (!fs::exists(file_, ec)) {  // the header first, in a folder that may not exist yet
        fs::create_directories(file_.parent_path(), ec);
        if (!rewrite(error)) return false;
    }
    // dump() escapes nothing that could hold a '\n': JSON strings escape control characters, so a line is a line.
    const std::string line = statement.dump(-1, ' ', false, json::error_handler_t::replace);
    if (!append_line(file_, line, error)) {
        // A partial line may be on disk; the next open cuts it off, and the next append must not glue onto it.
        std::string ignored;
        rewrite(&ignored);
        return false;
    }
    waiting_.push_back(line);
    waiting_ids_.push_back(id);
    return true;
}

std::vector<std::string> Outbox::peek(size_t max) const {
    std::lock_guard<std::mutex> lock(mutex_);
    const size_t n = std::min(max, waiting_.size());
    return std::vector<std::string>(waiting_.begin(), waiting_.begin() + static_cast<std::ptrdiff_t>(n));
}

bool Outbox::acknowledge(size_t count, std::string* error) {
    std::lock_guard<std::mutex> lock(mutex_);
    count = std::min(count, waiting_.size());
    if (count == 0) return true;
    std::vector<std::string> kept(waiting_.begin() + static_cast<std::ptrdiff_t>(count), waiting_.end());
    std::vector<std::string> kept_ids(waiting_ids_.begin() + static_cast<std::ptrdiff_t>(count), waiting_ids_.end());
    std::swap(waiting_, kept);
    std::swap(waiting_ids_, kept_ids);
    sent_ += count;
    if (rewrite(error)) return true;
    // Not on disk: keep the memory as the file still is, so nothing is counted twice; they are sent again later.
    std::swap(waiting_, kept);
    std::swap(waiting_ids_, kept_ids);
    sent_ -= count;
    return false;
}

bool Outbox::fail_first(int http_status, const std::string& reason, std::string* error) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (waiting_.empty()) return true;
    json entry{{"status", http_status}, {"reason", reason}};
    entry["statement"] = json::parse(waiting_.front(), nullptr, false);
    if (!append_failed(entry.dump(-1, ' ', false, json::error_handler_t::replace), error)) return false;
    const std::string line = waiting_.front(), id = waiting_ids_.front();
    waiting_.erase(waiting_.begin());
    waiting_ids_.erase(waiting_ids_.begin());
    if (rewrite(error)) return true;
    // The failed file has it and the outbox still does: it will be tried again, which the LRS refuses again.
    waiting_.insert(waiting_.begin(), line);
    waiting_ids_.insert(waiting_ids_.begin(), id);
    return false;
}

bool Outbox::mark_failures_seen(std::string* error) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (failed_seen_ == failed_) return true;
    const size_t before = failed_seen_;
    failed_seen_ = failed_;
    if (rewrite(error)) return true;
    failed_seen_ = before;
    return false;
}

OutboxCounts Outbox::counts() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return OutboxCounts{waiting_.size(), sent_, failed_, failed_ - std::min(failed_seen_, failed_)};
}

}  // namespace gw
