#pragma once
// Rotating backups of a profile file: the last few saves and one a day for a week, in their own folder.
// A backup is a hard link to the file about to be replaced, so keeping one costs no copying on the save path.
#include <filesystem>
#include <string>
#include <vector>

namespace gw {

struct BackupPolicy {
    int recent = 5;  // the last N saves
    int daily = 7;   // the first save of each of the last N days
};

// Step 1, just before `file` is replaced: links its current contents (its target's, when it is a symbolic link)
// into `backup_dir`. Returns the staged path, empty when there is nothing to keep (first save) or the link failed.
// Never stops a save.
std::filesystem::path stage_backup(const std::filesystem::path& file, const std::filesystem::path& backup_dir);
// Step 2, once the new file is in place: files the staged copy under the time and prunes to the policy. A failed
// write discards it instead, so retries against a full disk do not rotate good backups away.
void commit_backup(const std::filesystem::path& staged, const std::filesystem::path& backup_dir,
                   const BackupPolicy& policy);
void discard_backup(const std::filesystem::path& staged);

// Backups of this profile, newest first: where to look when the main file is damaged.
std::vector<std::filesystem::path> list_backups(const std::filesystem::path& backup_dir);

}  // namespace gw
