#pragma once
// Crash-safe file replacement: a reader sees the old contents or the new, never a mix or an empty file.
#include <filesystem>
#include <string>

namespace gw {

// The file that replacing `file` must really replace: `file` itself, or, when it is a symbolic link (learners keep
// the real profile in a synced folder and link it in), the link's final target, followed through chains of links
// (at most 40, as the kernel allows) and relative targets. A dangling link gives the path it points to, so a write
// recreates the target instead of replacing the link. Never fails: on a loop or an unreadable link, the last path.
std::filesystem::path resolve_file_links(const std::filesystem::path& file);

// Writes to a temporary file in the same folder, fsyncs it, renames it over `file`, then fsyncs the folder so the
// rename itself survives a power cut. On failure `file` is untouched and `error` says why (disk full, read-only...).
// A symbolic link is written through: the temporary file, the rename and the fsync happen in the folder of its
// target (resolve_file_links), so the link stays a link.
bool write_file_atomic(const std::filesystem::path& file, const std::string& contents, std::string* error);

// Reads a whole file. False with `error` set when it is missing or unreadable.
bool read_file(const std::filesystem::path& file, std::string* contents, std::string* error);

}  // namespace gw
