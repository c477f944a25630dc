#pragma once
// Crash-safe file replacement: a reader sees the old contents or the new, never a mix or an empty file.
#include <filesystem>
#include <string>

namespace gw {

// Writes to a temporary file in the same folder, fsyncs it, renames it over `file`, then fsyncs the folder so the
// rename itself survives a power cut. On failure `file` is untouched and `error` says why (disk full, read-only...).
bool write_file_atomic(const std::filesystem::path& file, const std::string& contents, std::string* error);

// Reads a whole file. False with `error` set when it is missing or unreadable.
bool read_file(const std::filesystem::path& file, std::string* contents, std::string* error);

}  // namespace gw
