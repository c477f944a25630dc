#pragma once
// `groundwork check`: a trainer's view of what is wrong with a course, a file of it, or a course being edited.
#include <filesystem>
#include <functional>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "runtime/text/diagnostics.h"

namespace gw {

// What one check found: the problems (in file order) and the one-line summary printed after them.
struct CheckResult {
    std::vector<Diagnostic> diagnostics;
    std::string summary;
    int exit_code = 0;  // kExitOk, kExitContentErrors, or kExitUsage when the path is not in a course
};

// The course folder a file belongs to: the nearest folder at or above the file's own that holds course.md; when
// there is none, the file's folder if it holds chapter.md (a one-chapter course, as load_course accepts).
std::optional<std::filesystem::path> find_course_root(const std::filesystem::path& file);

// Checks `path`: a course folder (every problem in it), or one file, loaded in the context of its course (found by
// find_course_root) and reporting only that file's problems. Never throws.
CheckResult check_path(const std::string& path);

// `groundwork check PATH`: every problem as file:line: message, then a summary. Returns the exit code.
int run_check(const std::string& path, std::ostream& out);

// What changed between two checks, one line each: "fixed: file:line: ..." for a problem that went away, "new:
// file:line: ..." for one that appeared. A problem that only moved to another line (text inserted above it) is
// neither. Empty when nothing changed.
std::vector<std::string> check_changes(const std::vector<Diagnostic>& before, const std::vector<Diagnostic>& after);

// `groundwork check --watch PATH`: the whole report once, then after each `wait_for_change()` that returns true only
// check_changes(). Returns when it returns false, with the exit code of the last check.
int run_check_watch(const std::string& path, std::ostream& out, const std::function<bool()>& wait_for_change);

// run_check_watch on the course's files (ContentWatcher), until SIGINT (Ctrl+C) or SIGTERM.
int run_check_watch_until_interrupted(const std::string& path, std::ostream& out);

}  // namespace gw
