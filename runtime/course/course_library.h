#pragma once
// The learner's library of installed courses (issue 9), kept in the data folder:
//
//   <data>/courses/<id>/             the installed version of course <id> (its course.md, chapters, artifacts)
//   <data>/courses/.previous/<id>/   the version an update replaced, for `install --rollback`
//   <data>/courses/.staging-*/       an install under way; removed whatever happens
//   <data>/courses/.lock             install, rollback and uninstall hold an flock on it: one change at a time
//   <data>/library.json              {"last_course": "<id>"}: the course the app opens next
//
// Courses come from a folder or from a .zip package (pack_course writes them). Content is checked exactly as
// `groundwork check` checks it (check_path): errors refuse the install, warnings do not. An archive is unpacked by
// libarchive into a staging folder under rules that refuse hostile packages (see extract_course_archive). The
// learner's work is never here: it lives in <data>/profiles and nothing in this file touches it.
// No ImGui: the CLI verbs (runtime/cli/library_commands) and the app's Library page both use this.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "progress/profile.h"
#include "runtime/course/course.h"
#include "runtime/course/course_progress.h"
#include "runtime/text/diagnostics.h"

namespace gw {

// What a package or a course folder may hold. An archive over any limit is refused while it is unpacked: sizes are
// counted on the bytes actually written, so a header that lies about its size (a zip bomb) is caught too.
struct LibraryLimits {
    std::size_t max_entries = 5000;                    // files and folders in one course
    std::uint64_t max_entry_bytes = 64ull << 20;       // one file, unpacked
    std::uint64_t max_total_bytes = 512ull << 20;      // the whole course, unpacked
};

// One installed course as `groundwork courses` and the Library page show it.
struct InstalledCourse {
    std::string id;
    std::string title;
    std::string version;           // "" when course.md has no version:
    std::string description;       // course.md's description:, else the first paragraph of its text (Markdown as written)
    std::filesystem::path folder;  // <data>/courses/<id>
    std::string previous_version;  // the version --rollback would bring back; "" when there is none
    bool has_previous = false;
    int errors = 0;                // errors the loader finds in it now (0 for anything installed by install())
};

// The outcome of install, rollback, uninstall and pack: what to tell the person and the exit code for the verb.
struct LibraryResult {
    int exit_code = 0;                     // kExitOk, kExitContentErrors (refused), kExitUsage (unknown id)
    std::string message;                   // one or two lines for the person; says why when refused
    std::vector<Diagnostic> diagnostics;   // the check's problems (file:line), when the content was checked
    std::string id;                        // the course's id, when known
    std::string version, previous_version; // after install/rollback: what is installed now, and what it replaced
    bool ok() const { return exit_code == 0; }
};

// Done / total over every chapter of `course`, counted by chapter_progress (runtime/course/course_progress.h).
ChapterProgress whole_course_progress(const Profile& profile, const Course& course);

// Unpacks the zip (or tar, .tar.gz) `archive` into `staging` (which must exist and be empty), refusing, with a message naming the
// entry: an absolute path, a `..` component, a backslash, a symbolic or hard link, a device, fifo or socket, an entry
// that appears twice, more than limits.max_entries entries, a file over limits.max_entry_bytes or a total over
// limits.max_total_bytes (counted while writing, whatever the header claims), and an archive libarchive cannot read.
// On success `*course_root` is `staging` when course.md is at the archive's top, or the single top folder holding
// course.md. Returns "" on success, else the reason; the caller removes `staging` either way when it is done.
std::string extract_course_archive(const std::filesystem::path& archive, const std::filesystem::path& staging,
                                   const LibraryLimits& limits, std::filesystem::path* course_root);

// `groundwork pack DIR -o FILE`: checks DIR as `groundwork check` does (errors refuse), then writes every regular
// file of the course (names starting with '.' are left out, as install leaves them out) into one zip, through a
// temporary file renamed over FILE at the end. A symbolic link in the course is refused.
LibraryResult pack_course(const std::filesystem::path& dir, const std::filesystem::path& out_zip);

class CourseLibrary {
public:
    // `data_dir`: the data folder (data_folder_or_default, runtime/cli/data_folder.h).
    explicit CourseLibrary(std::filesystem::path data_dir, LibraryLimits limits = {});

    std::filesystem::path root() const { return data_dir_ / "courses"; }
    const std::filesystem::path& data_dir() const { return data_dir_; }

    // Installs a course folder or a package file (a zip as pack writes it; a tar or .tar.gz is read too). The course is checked as
    // `groundwork check` checks it; errors refuse the install (diagnostics hold them, file:line). The same id installed
    // again is an update: the new copy is staged beside the old one and swapped in with one rename
    // (renameat2 RENAME_EXCHANGE; two renames where the file system cannot exchange), and the replaced version is
    // kept in .previous/ (one version back: an older previous is dropped). Refused (exit 1) on errors, a hostile
    // archive, or a course id that cannot name a folder; nothing is changed then.
    LibraryResult install(const std::filesystem::path& source);

    // Swaps the installed version of `id` with the kept previous one. A second rollback swaps them back (rollback
    // undoes itself), so no version is ever lost by it. exit 2 when `id` is not installed, 1 when it has no
    // previous version.
    LibraryResult rollback(const std::string& id);

    // Removes the course's files (installed and previous version). The learner's work in <data>/profiles is not
    // touched. exit 2 when `id` is not installed.
    LibraryResult uninstall(const std::string& id);

    // Every installed course, by id. A folder without a readable course.md is left out. Loads each course.
    std::vector<InstalledCourse> list() const;
    // The ids list() would show, sorted, without loading the courses (cheap: one directory read).
    std::vector<std::string> installed_ids() const;
    std::optional<InstalledCourse> find(const std::string& id) const;
    bool installed(const std::string& id) const;
    std::filesystem::path folder_of(const std::string& id) const { return root() / id; }
    // The installed course whose folder `dir` is (after resolving symlinks and ".."), or "".
    std::string id_of_folder(const std::filesystem::path& dir) const;

    // The course the app opened last ("" when none is remembered); set_last_course writes library.json atomically.
    std::string last_course() const;
    bool set_last_course(const std::string& id, std::string* error = nullptr);

private:
    std::filesystem::path data_dir_;
    LibraryLimits limits_;
    std::filesystem::path previous_of(const std::string& id) const { return root() / ".previous" / id; }
};

// True when version `a` is newer than `b`, compared part by part at '.', '-' and '+' (numbers as numbers, so
// "2026.12" is newer than "2026.9"; other parts as text). Equal or older: false. "" is older than any version.
bool version_is_newer(const std::string& a, const std::string& b);

// Which course folder the app opens (issue 9). First, when the shipped course's version: is newer than its
// installed copy's (version_is_newer), the shipped course is installed over it (an update: the old one is kept for
// --rollback). Then, in order:
// - `explicit_content` non-empty (--content DIR): that folder, with live reload. It becomes the last course only
//   when it is an installed course's folder; a trainer's working folder is never remembered.
// - else the last course (library.json), when it is still installed;
// - else the shipped course's installed copy; the shipped course (`shipped_dir`) is installed on first start, and
//   on any start that comes this far while no course of its id is installed;
// - else `shipped_dir` itself (it could not be installed: a read-only data folder, say).
// `note` (may be null) receives a line for the learner when something fell back (the last course is gone); the
// last course is then forgotten, so it is said once.
std::filesystem::path resolve_app_course(CourseLibrary& library, const std::filesystem::path& shipped_dir,
                                         const std::string& explicit_content, std::string* note);

}  // namespace gw
