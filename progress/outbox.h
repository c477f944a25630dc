#pragma once
// The statement outbox: xAPI statements waiting to be sent to the learner's LRS, kept beside the profile with the
// same crash guarantees (issue 12). A statement is on disk before append() returns; a SIGKILL at any moment loses no
// statement that was appended and never makes one appear twice.
//
// On disk (<data>/profiles/<profile>.outbox.jsonl, beside the profile), one JSON value per line:
//   line 1: a header {"outbox": 1, "sent": N, "failed_seen": M}, rewritten only by the atomic compaction;
//   then one statement per line, oldest first, each appended with O_APPEND and fsync'd.
// A kill during an append leaves at most a torn last line without its '\n'; opening the outbox cuts it off (that
// statement's append() never returned, so nobody was told it was kept). Sent statements are removed by rewriting
// the file atomically (write_file_atomic): a kill then leaves either the old file (the batch is sent again with the
// same statement ids, which an LRS answers with 204 and does not store twice) or the new one.
//
// Statements the LRS refused for good (400, 409) go to <profile>.outbox-failed.jsonl beside it with the reason.
//
// Thread-safe: the UI thread appends while the sender's thread reads and acknowledges. One process per profile (the
// profile store's lock) is assumed.
#include <nlohmann/json.hpp>

#include <cstddef>
#include <filesystem>
#include <mutex>
#include <string>
#include <vector>

namespace gw {

struct OutboxCounts {
    size_t queued = 0;       // waiting to be sent
    size_t sent = 0;         // accepted by the LRS since the outbox was created
    size_t failed = 0;       // refused for good, kept in the failed file
    size_t failed_unseen = 0;  // failed ones the learner has not been shown yet
};

class Outbox {
public:
    // Opens (creating when missing) the outbox at `file`; the failed file sits beside it. A torn last line is cut
    // off; a line that is not JSON (edited by hand) is moved to the failed file with "unreadable" rather than lost.
    // `error` (may be null) is set when the file cannot be read or repaired; the outbox then holds nothing and
    // append() still tries to write.
    explicit Outbox(std::filesystem::path file, std::string* error = nullptr);

    // The usual place, beside the profile: <data_dir>/profiles/<profile>.outbox.jsonl.
    static std::filesystem::path path_for(const std::filesystem::path& data_dir, const std::string& profile);

    // Appends one statement (an object with a string "id") and fsyncs. A statement whose id is already waiting is
    // not added again (true is returned: it is kept). False with `error` when the disk refuses (full, read-only).
    bool append(const nlohmann::json& statement, std::string* error = nullptr);

    // Up to `max` waiting statements, oldest first, as the exact bytes appended (one JSON text each).
    std::vector<std::string> peek(size_t max) const;

    // Removes the `count` oldest waiting statements after the LRS accepted them, and adds them to the sent count.
    bool acknowledge(size_t count, std::string* error = nullptr);
    // Removes the oldest waiting statement and keeps it in the failed file with the LRS's answer.
    bool fail_first(int http_status, const std::string& reason, std::string* error = nullptr);
    // The learner saw the failures: failed_unseen becomes 0.
    bool mark_failures_seen(std::string* error = nullptr);

    OutboxCounts counts() const;
    const std::filesystem::path& file() const { return file_; }
    std::filesystem::path failed_file() const;

private:
    std::filesystem::path file_;
    mutable std::mutex mutex_;
    std::vector<std::string> waiting_;  // mirrors the file's statement lines
    std::vector<std::string> waiting_ids_;
    size_t sent_ = 0, failed_ = 0, failed_seen_ = 0;

    bool rewrite(std::string* error);  // header + waiting_, atomically
    bool append_failed(const std::string& line, std::string* error);
};

}  // namespace gw
