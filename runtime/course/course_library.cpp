#include "runtime/course/course_library.h"

#include <fcntl.h>
#include <sys/file.h>
#include <stdio.h>  // renameat2 (glibc 2.28+, _GNU_SOURCE: g++ defines it)
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <random>

#include <nlohmann/json.hpp>

#include "progress/atomic_file.h"
#include "runtime/cli/app_options.h"
#include "runtime/cli/check_command.h"
#include "runtime/course/course_archive.h"
#include "runtime/course/course_loader.h"
#include "runtime/course/id_aliases.h"
#include "runtime/markdown/front_matter.h"
#include "runtime/platform/optional_module.h"
#include "runtime/text/source_file.h"

namespace gw {

namespace fs = std::filesystem;

namespace {

std::string lib_quote(const std::string& s) { return "'" + s + "'"; }

std::string lib_bytes(std::uint64_t n) {
    if (n >= (1ull << 20) && n % (1ull << 20) == 0) return std::to_string(n >> 20) + " MB";
    if (n >= (1ull << 10) && n % (1ull << 10) == 0) return std::to_string(n >> 10) + " KB";
    return std::to_string(n) + " bytes";
}

std::string lib_random_suffix() {
    std::random_device rd;
    return std::to_string(rd()) + std::to_string(rd());
}

// Names install and pack leave out: hidden files and folders (.git, .DS_Store) and macOS's zip side folder.
bool lib_skipped_name(const std::string& component) {
    return (!component.empty() && component[0] == '.') || component == "__MACOSX";
}

// A course id names a folder in the library: it must be a loader-valid id that cannot be "." or "..".
bool lib_id_names_folder(const std::string& id) {
    return is_valid_id(id) && std::isalnum(static_cast<unsigned char>(id[0]));
}

// Swaps two existing paths in one step where the file system can (renameat2 RENAME_EXCHANGE), else with three
// renames through a temporary name. Returns "" or the reason.
std::string lib_exchange(const fs::path& a, const fs::path& b) {
#ifdef RENAME_EXCHANGE
    if (::renameat2(AT_FDCWD, a.c_str(), AT_FDCWD, b.c_str(), RENAME_EXCHANGE) == 0) return "";
    if (errno != EINVAL && errno != ENOSYS && errno != ENOTSUP)
        return "cannot swap " + a.string() + " and " + b.string() + ": " + std::strerror(errno);
#endif
    std::error_code ec;
    const fs::path tmp = a.parent_path() / (".swap-" + lib_random_suffix());
    fs::rename(a, tmp, ec);
    if (ec) return "cannot move " + a.string() + ": " + ec.message();
    fs::rename(b, a, ec);
    if (ec) {
        std::error_code back;
        fs::rename(tmp, a, back);
        return "cannot move " + b.string() + ": " + ec.message();
    }
    fs::rename(tmp, b, ec);
    if (ec) return "cannot move " + tmp.string() + ": " + ec.message();
    return "";
}

// Removes a folder when it goes out of scope (a staging folder, whatever happened).
struct LibScopedRemove {
    fs::path path;
    ~LibScopedRemove() {
        std::error_code ec;
        if (!path.empty()) fs::remove_all(path, ec);
    }
};

// Why an archive entry's name is not a safe relative path, or "". `*rel` receives the name without "." parts.
std::string lib_entry_name_problem(const std::string& name, fs::path* rel, bool* skipped) {
    *skipped = false;
    if (name.empty()) return "an entry has an empty name";
    if (name[0] == '/') return lib_quote(name) + " is an absolute path";
    if (name.find('\\') != std::string::npos) return lib_quote(name) + " has a backslash in its path";
    if (name.find('\0') != std::string::npos) return lib_quote(name) + " has a NUL in its path";
    fs::path out;
    std::size_t start = 0;
    while (start <= name.size()) {
        std::size_t end = name.find('/', start);
        if (end == std::string::npos) end = name.size();
        const std::string part = name.substr(start, end - start);
        if (part == "..") return lib_quote(name) + " has a '..' component (it would leave the course folder)";
        if (!part.empty() && part != ".") {
            if (lib_skipped_name(part)) *skipped = true;
            out /= part;
        }
        start = end + 1;
    }
    *rel = out;
    return "";
}

// Writes all of `n` bytes to `fd`; false on error.
bool lib_write_all(int fd, const char* p, std::size_t n) {
    while (n > 0) {
        const ssize_t w = ::write(fd, p, n);
        if (w < 0) {
            if (errno == EINTR) continue;
            return false;
        }
        p += w;
        n -= static_cast<std::size_t>(w);
    }
    return true;
}

// Copies a course folder into `to` under the same rules as an archive: no links, no special files, limits on
// entries and sizes; hidden names are left out. Returns "" or the reason.
std::string lib_copy_folder(const fs::path& from, const fs::path& to, const LibraryLimits& limits) {
    std::error_code ec;
    std::size_t entries = 0;
    std::uint64_t total = 0;
    fs::recursive_directory_iterator it(from, fs::directory_options::none, ec), end;
    if (ec) return "cannot read " + from.string() + ": " + ec.message();
    for (; it != end; it.increment(ec)) {
        if (ec) return "cannot read " + from.string() + ": " + ec.message();
        const fs::path rel = fs::relative(it->path(), from, ec);
        if (lib_skipped_name(it->path().filename().string())) {
            if (it->is_directory(ec) && !it->is_symlink(ec)) it.disable_recursion_pending();
            continue;
        }
        if (++entries > limits.max_entries)
            return "the course has more than " + std::to_string(limits.max_entries) + " files and folders";
        const fs::file_status st = it->symlink_status(ec);
        if (fs::is_symlink(st)) return lib_quote(rel.generic_string()) + " is a symbolic link; a course holds only files";
        if (fs::is_directory(st)) {
            fs::create_directories(to / rel, ec);
            if (ec) return "cannot create " + (to / rel).string() + ": " + ec.message();
            continue;
        }
        if (!fs::is_regular_file(st))
            return lib_quote(rel.generic_string()) + " is a device, fifo or socket, not a file";
        const std::uint64_t size = it->file_size(ec);
        if (size > limits.max_entry_bytes)
            return lib_quote(rel.generic_string()) + " is " + std::to_string(size) + " bytes; a course file may be at most " +
                   lib_bytes(limits.max_entry_bytes);
        total += size;
        if (total > limits.max_total_bytes) return "the course is larger than " + lib_bytes(limits.max_total_bytes);
        fs::create_directories((to / rel).parent_path(), ec);
        fs::copy_file(it->path(), to / rel, fs::copy_options::none, ec);
        if (ec) return "cannot copy " + rel.generic_string() + ": " + ec.message();
    }
    return "";
}

// One change to the library at a time (two installs of one id would race on the swap): an flock on
// <data>/courses/.lock, held until the end of the scope; released by the kernel if the process dies.
struct LibLock {
    int fd = -1;
    explicit LibLock(const fs::path& root) {
        std::error_code ec;
        fs::create_directories(root, ec);
        fd = ::open((root / ".lock").c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
        if (fd >= 0) ::flock(fd, LOCK_EX);
    }
    ~LibLock() {
        if (fd >= 0) ::close(fd);
    }
    LibLock(const LibLock&) = delete;
    LibLock& operator=(const LibLock&) = delete;
};

// The folder of an unpacked course: the staging folder itself, or its single top folder, whichever has course.md.
std::optional<fs::path> lib_find_course_root(const fs::path& staging) {
    std::error_code ec;
    if (fs::is_regular_file(staging / "course.md", ec)) return staging;
    std::vector<fs::path> top;
    for (fs::directory_iterator it(staging, ec), end; !ec && it != end; it.increment(ec)) top.push_back(it->path());
    if (top.size() == 1 && fs::is_directory(fs::symlink_status(top[0], ec)) &&
        fs::is_regular_file(top[0] / "course.md", ec))
        return top[0];
    return std::nullopt;
}

// course.md's first paragraph of text (after its front matter), on one line: what a course without description:
// says about itself, as the shipped course does. "" when there is none.
std::string lib_first_paragraph(const fs::path& course_md) {
    std::ifstream in(course_md, std::ios::binary);
    std::string line, out;
    int fences = 0;
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (fences < 2) {
            if (line == "---") ++fences;
            continue;
        }
        if (line.find_first_not_of(" \t") == std::string::npos) {
            if (!out.empty()) break;
            continue;
        }
        if (line[0] == '#' || line[0] == '>' || line[0] == '<' || line[0] == '!') {
            if (!out.empty()) break;
            continue;  // a heading, callout, HTML or picture is not a summary
        }
        out += (out.empty() ? "" : " ") + line.substr(line.find_first_not_of(" \t"));
        if (out.size() > 600) break;
    }
    return out;
}

std::string lib_version_label(const std::string& v) { return v.empty() ? "(no version)" : v; }

// libarchive's half (groundwork-archive.so), or nullptr with *error naming the file and why it did not load.
const ArchiveModule* lib_archive_module(std::string* error) {
    const ArchiveModule* module = optional_module<ArchiveModule>("archive", error);
    if (!module) *error = "course packages cannot be read or written: " + *error;
    return module;
}

}  // namespace

ChapterProgress whole_course_progress(const Profile& profile, const Course& course) {
    // Work under ids the course has since renamed counts under the new ones, as it will once the course is opened
    // (only this course's work is copied for that: the shared artifacts play no part in progress).
    Profile renamed;
    renamed.courses[course.id] = profile.work(course.id);
    apply_id_aliases(renamed, course);
    const CourseWork& work = renamed.work(course.id);
    ChapterProgress sum;
    for (const Chapter& ch : course.chapters) {
        const ChapterProgress p = chapter_progress(work, ch);  // this course's own work
        sum.modules_done += p.modules_done;
        sum.modules_total += p.modules_total;
        sum.homework_done += p.homework_done;
        sum.homework_total += p.homework_total;
    }
    return sum;
}

std::string extract_course_archive(const fs::path& archive_path, const fs::path& staging, const LibraryLimits& limits,
                                   fs::path* course_root) {
    std::string why;
    const ArchiveModule* module = lib_archive_module(&why);
    if (!module) return "cannot read " + archive_path.string() + ": " + why;
    // What pack writes (zip), and tar (.tar, .tar.gz) for packages made with other tools.
    const std::unique_ptr<ArchiveReader> a = module->make_reader();
    if (!a->open(archive_path.string(), &why))
        return "cannot read " + archive_path.string() + " as a course package (zip, or tar): " +
               (why.empty() ? "unknown format" : why);
    std::size_t entries = 0;
    std::uint64_t total = 0;
    std::vector<char> buf(64 * 1024);
    for (;;) {
        ArchiveEntry entry;
        const ArchiveReader::Next r = a->next(&entry, &why);
        if (r == ArchiveReader::Next::End) break;
        if (r == ArchiveReader::Next::Error)
            return "cannot read " + archive_path.string() + ": " + (why.empty() ? "damaged archive" : why);
        if (++entries > limits.max_entries)
            return "the package has more than " + std::to_string(limits.max_entries) + " entries";
        if (!entry.has_name) return "entry " + std::to_string(entries) + " has no readable name";
        const std::string& name = entry.name;
        fs::path rel;
        bool skipped = false;
        if (std::string problem = lib_entry_name_problem(name, &rel, &skipped); !problem.empty()) return problem;
        if (entry.hard_link)
            return lib_quote(name) + " is a hard link (to " + lib_quote(entry.link_target) +
                   "); a course package holds only files and folders";
        const ArchiveEntry::Type type = entry.type;
        if (type == ArchiveEntry::Type::SymbolicLink)
            return lib_quote(name) + " is a symbolic link (to " + lib_quote(entry.link_target) +
                   "); a course package holds only files and folders";
        if (type != ArchiveEntry::Type::File && type != ArchiveEntry::Type::Folder)
            return lib_quote(name) + " is a device, fifo or socket, not a file";
        if (skipped || rel.empty()) continue;  // hidden names and "./": checked above, not unpacked
        std::error_code ec;
        const fs::path dest = staging / rel;
        if (type == ArchiveEntry::Type::Folder) {
            fs::create_directories(dest, ec);
            if (ec) return "cannot unpack " + lib_quote(name) + ": " + ec.message();
            continue;
        }
        // The header's claim first (cheap), then the bytes actually written, which a lying header cannot hide.
        if (entry.size_known) {
            const auto claimed = static_cast<std::uint64_t>(std::max<std::int64_t>(0, entry.size));
            if (claimed > limits.max_entry_bytes)
                return lib_quote(name) + " is " + std::to_string(claimed) + " bytes unpacked; a course file may be at most " +
                       lib_bytes(limits.max_entry_bytes);
            if (total + claimed > limits.max_total_bytes)
                return "the package unpacks to more than " + lib_bytes(limits.max_total_bytes) + " (at " + lib_quote(name) +
                       ")";
        }
        fs::create_directories(dest.parent_path(), ec);
        if (ec) return "cannot unpack " + lib_quote(name) + ": " + ec.message();
        const int fd = ::open(dest.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
        if (fd < 0) {
            if (errno == EEXIST) return lib_quote(name) + " appears twice in the package";
            return "cannot unpack " + lib_quote(name) + ": " + std::strerror(errno);
        }
        struct FdCloser {
            int fd;
            ~FdCloser() { ::close(fd); }
        } fd_closer{fd};
        std::uint64_t written = 0;
        for (;;) {
            const long n = a->read(buf.data(), buf.size(), &why);
            if (n == 0) break;
            if (n < 0) return "cannot unpack " + lib_quote(name) + ": " + (why.empty() ? "damaged data" : why);
            written += static_cast<std::uint64_t>(n);
            total += static_cast<std::uint64_t>(n);
            if (written > limits.max_entry_bytes)
                return lib_quote(name) + " unpacks to more than " + lib_bytes(limits.max_entry_bytes) +
                       " (the most a course file may be), whatever its header says";
            if (total > limits.max_total_bytes)
                return "the package unpacks to more than " + lib_bytes(limits.max_total_bytes) + " (at " + lib_quote(name) +
                       "), whatever its headers say";
            if (!lib_write_all(fd, buf.data(), static_cast<std::size_t>(n)))
                return "cannot unpack " + lib_quote(name) + ": " + std::strerror(errno);
        }
    }
    std::optional<fs::path> root = lib_find_course_root(staging);
    if (!root)
        return "no course.md at the top of the package, nor in a single top folder: is " + archive_path.string() +
               " a course package (groundwork pack)?";
    *course_root = *root;
    return "";
}

LibraryResult pack_course(const fs::path& dir, const fs::path& out_zip) {
    LibraryResult r;
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) {
        r.exit_code = kExitUsage;
        r.message = "Not packed: " + dir.string() + " is not a folder";
        return r;
    }
    if (!fs::is_regular_file(dir / "course.md", ec)) {
        r.exit_code = kExitContentErrors;
        r.message = "Not packed: " + dir.string() + " has no course.md (a package needs the course's id and version)";
        return r;
    }
    CheckResult check = check_path(dir.string());
    r.diagnostics = check.diagnostics;
    if (check.exit_code != kExitOk) {
        r.exit_code = kExitContentErrors;
        r.message = "Not packed: " + check.summary;
        return r;
    }
    const Course course = load_course(dir);
    r.id = course.id;
    r.version = course.version;
    if (!lib_id_names_folder(course.id)) {
        r.exit_code = kExitContentErrors;
        r.message = "Not packed: the course id " + lib_quote(course.id) + " cannot name a folder; set id: in course.md";
        return r;
    }
    // Every file, sorted, under a top folder named after the course id (an unzipped package is then one folder).
    std::vector<fs::path> files;
    const fs::path out_abs = fs::weakly_canonical(fs::absolute(out_zip), ec);
    const fs::path tmp = out_zip.string() + ".part-" + lib_random_suffix();
    fs::recursive_directory_iterator it(dir, fs::directory_options::none, ec), end;
    for (; !ec && it != end; it.increment(ec)) {
        const std::string fname = it->path().filename().string();
        if (lib_skipped_name(fname)) {
            if (it->is_directory(ec) && !it->is_symlink(ec)) it.disable_recursion_pending();
            continue;
        }
        const fs::file_status st = it->symlink_status(ec);
        const fs::path rel = fs::relative(it->path(), dir, ec);
        if (fs::is_symlink(st)) {
            r.exit_code = kExitContentErrors;
            r.message = "Not packed: " + rel.generic_string() + " is a symbolic link; a course holds only files";
            return r;
        }
        if (!fs::is_regular_file(st)) continue;
        if (fs::weakly_canonical(fs::absolute(it->path()), ec) == out_abs) continue;  // -o inside the course
        if (fname.find(".part-") != std::string::npos) continue;
        files.push_back(rel);
    }
    if (ec) {
        r.exit_code = kExitContentErrors;
        r.message = "Not packed: cannot read " + dir.string() + ": " + ec.message();
        return r;
    }
    std::sort(files.begin(), files.end());
    std::string failure, why;
    const ArchiveModule* module = lib_archive_module(&failure);
    const std::unique_ptr<ArchiveWriter> a = module ? module->make_writer() : nullptr;
    if (!a) {
        // failure says why the module did not load
    } else if (!a->open(tmp.string(), &why)) {
        failure = "cannot write " + tmp.string() + ": " + why;
    } else {
        std::vector<char> buf(64 * 1024);
        for (const fs::path& rel : files) {
            std::ifstream in(dir / rel, std::ios::binary);
            const std::uint64_t size = fs::file_size(dir / rel, ec);
            if (!in || ec) {
                failure = "cannot read " + rel.generic_string();
                break;
            }
            // mtime 0 (the writer's rule): the same course packs to the same bytes.
            if (!a->add_file((fs::path(course.id) / rel).generic_string(), size, &why)) {
                failure = why.empty() ? "cannot add " + rel.generic_string() : why;
                break;
            }
            while (in) {
                in.read(buf.data(), static_cast<std::streamsize>(buf.size()));
                const std::streamsize n = in.gcount();
                if (n > 0 && !a->write(buf.data(), static_cast<std::size_t>(n), &why)) {
                    failure = why.empty() ? "write failed" : why;
                    break;
                }
            }
            if (!failure.empty()) break;
        }
        if (!a->close(&why) && failure.empty()) failure = why.empty() ? "cannot finish the zip" : why;
    }
    if (failure.empty()) {
        fs::rename(tmp, out_zip, ec);
        if (ec) failure = "cannot write " + out_zip.string() + ": " + ec.message();
    }
    if (!failure.empty()) {
        fs::remove(tmp, ec);
        r.exit_code = kExitContentErrors;
        r.message = "Not packed: " + failure;
        return r;
    }
    r.message = "Packed " + course.id + " " + lib_version_label(course.version) + " (" + std::to_string(files.size()) +
                " files) into " + out_zip.string() + "; learners install it with: groundwork install " +
                out_zip.filename().string();
    return r;
}

CourseLibrary::CourseLibrary(fs::path data_dir, LibraryLimits limits)
    : data_dir_(std::move(data_dir)), limits_(limits) {}

LibraryResult CourseLibrary::install(const fs::path& source) {
    LibraryResult r;
    std::error_code ec;
    auto refuse = [&r](const std::string& why) {
        r.exit_code = kExitContentErrors;
        r.message = "Not installed: " + why;
        return r;
    };
    if (!fs::exists(source, ec)) {
        r.exit_code = kExitUsage;
        r.message = "Not installed: " + source.string() + " does not exist";
        return r;
    }
    fs::create_directories(root(), ec);
    if (ec) return refuse("cannot create the library folder " + root().string() + ": " + ec.message());
    const LibLock lock(root());
    // Staged in the library's own folder, so the swap is a rename on one file system.
    LibScopedRemove staging{root() / (".staging-" + lib_random_suffix())};
    fs::create_directory(staging.path, ec);
    if (ec) return refuse("cannot create " + staging.path.string() + ": " + ec.message());
    fs::path course_root = staging.path;
    if (fs::is_directory(source, ec)) {
        if (!fs::is_regular_file(source / "course.md", ec))
            return refuse(source.string() + " has no course.md (an installed course needs its id and version there)");
        if (std::string why = lib_copy_folder(source, staging.path, limits_); !why.empty()) return refuse(why);
    } else {
        if (std::string why = extract_course_archive(source, staging.path, limits_, &course_root); !why.empty())
            return refuse(why);
    }
    // Exactly what `groundwork check` would say about it.
    CheckResult check = check_path(course_root.string());
    r.diagnostics = check.diagnostics;
    const int errors = count_errors(check.diagnostics);
    if (errors > 0)
        return refuse(std::to_string(errors) + (errors == 1 ? " error" : " errors") + " in the course (listed above); " +
                      "fix them and check with: groundwork check DIR");
    const Course course = load_course(course_root);
    r.id = course.id;
    r.version = course.version;
    if (!lib_id_names_folder(course.id))
        return refuse("the course id " + lib_quote(course.id) +
                      " cannot name a folder: set id: in course.md (letters, digits, '-', '_', '.')");
    const fs::path target = folder_of(course.id);
    const bool update = fs::exists(target / "course.md", ec);
    if (!update) {
        fs::remove_all(target, ec);  // a half-removed leftover without course.md
        fs::rename(course_root, target, ec);
        if (ec) return refuse("cannot move the course into " + target.string() + ": " + ec.message());
        r.message = "Installed " + course.id + " " + lib_version_label(course.version) + " (" + course.title + ") in " +
                    target.string();
        return r;
    }
    const std::optional<InstalledCourse> before = find(course.id);
    r.previous_version = before ? before->version : "";
    // One rename puts the new version in place: readers see the old course or the new one, never a mix.
    if (std::string why = lib_exchange(course_root, target); !why.empty()) return refuse(why);
    // course_root now holds the replaced version: it becomes the one kept for --rollback.
    fs::create_directories(previous_of(course.id).parent_path(), ec);
    fs::remove_all(previous_of(course.id), ec);
    fs::rename(course_root, previous_of(course.id), ec);
    if (ec) {
        r.message = "Updated " + course.id + " to " + lib_version_label(course.version) +
                    ", but the previous version could not be kept: " + ec.message();
        return r;
    }
    r.message = (r.previous_version == course.version
                     ? "Reinstalled " + course.id + " " + lib_version_label(course.version) + " (" + course.title +
                           ", the same version). The copy it replaced is kept"
                     : "Updated " + course.id + " from " + lib_version_label(r.previous_version) + " to " +
                           lib_version_label(course.version) + " (" + course.title +
                           "). The previous version is kept") +
                ": groundwork install --rollback " + course.id + " brings it back.";
    return r;
}

LibraryResult CourseLibrary::rollback(const std::string& id) {
    LibraryResult r;
    r.id = id;
    std::error_code ec;
    if (!installed(id)) {
        r.exit_code = kExitUsage;
        r.message = "No course " + lib_quote(id) + " is installed (groundwork courses lists them)";
        return r;
    }
    if (!lib_id_names_folder(id) || !fs::is_regular_file(previous_of(id) / "course.md", ec)) {
        r.exit_code = kExitContentErrors;
        r.message = "Nothing to roll back to: " + id + " has no previous version (one is kept when an install updates it)";
        return r;
    }
    const LibLock lock(root());
    const std::optional<InstalledCourse> before = find(id);
    if (std::string why = lib_exchange(previous_of(id), folder_of(id)); !why.empty()) {
        r.exit_code = kExitContentErrors;
        r.message = "Not rolled back: " + why;
        return r;
    }
    const std::optional<InstalledCourse> now = find(id);
    r.previous_version = before ? before->version : "";
    r.version = now ? now->version : "";
    r.message = "Rolled " + id + " back from " + lib_version_label(r.previous_version) + " to " +
                lib_version_label(r.version) + ". Rolling back again returns to " +
                lib_version_label(r.previous_version) + ".";
    return r;
}

LibraryResult CourseLibrary::uninstall(const std::string& id) {
    LibraryResult r;
    r.id = id;
    if (!installed(id)) {
        r.exit_code = kExitUsage;
        r.message = "No course " + lib_quote(id) + " is installed (groundwork courses lists them)";
        return r;
    }
    const LibLock lock(root());
    const std::optional<InstalledCourse> c = find(id);
    std::error_code ec;
    // Out of the library's name space in one rename, then deleted: a crash halfway leaves no half course under <id>.
    const fs::path trash = root() / (".removing-" + lib_random_suffix());
    fs::rename(folder_of(id), trash, ec);
    if (ec) {
        r.exit_code = kExitContentErrors;
        r.message = "Not uninstalled: cannot move " + folder_of(id).string() + ": " + ec.message();
        return r;
    }
    fs::remove_all(trash, ec);
    fs::remove_all(previous_of(id), ec);
    if (last_course() == id) set_last_course("");
    r.version = c ? c->version : "";
    r.message = "Uninstalled " + id + " " + lib_version_label(r.version) +
                ". Your work in it (progress, reflections, artifacts) is kept in your profile in " +
                (data_dir_ / "profiles").string() + "; installing the course again brings it back.";
    return r;
}

std::vector<std::string> CourseLibrary::installed_ids() const {
    std::error_code ec;
    std::vector<std::string> ids;
    for (fs::directory_iterator it(root(), ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (lib_skipped_name(name) || !installed(name)) continue;
        ids.push_back(name);
    }
    std::sort(ids.begin(), ids.end());
    return ids;
}

std::vector<InstalledCourse> CourseLibrary::list() const {
    std::vector<InstalledCourse> out;
    for (const std::string& id : installed_ids())
        if (auto c = find(id)) out.push_back(std::move(*c));
    return out;
}

std::optional<InstalledCourse> CourseLibrary::find(const std::string& id) const {
    if (!installed(id)) return std::nullopt;
    const Course course = load_course(folder_of(id));
    InstalledCourse c;
    c.id = id;
    c.title = course.title.empty() ? id : course.title;
    c.version = course.version;
    c.description = course.description.empty() ? lib_first_paragraph(folder_of(id) / "course.md") : course.description;
    c.folder = folder_of(id);
    c.errors = count_errors(course.diagnostics);
    std::error_code ec;
    if (fs::is_regular_file(previous_of(id) / "course.md", ec)) {
        c.has_previous = true;
        c.previous_version = load_course(previous_of(id)).version;
    }
    return c;
}

bool CourseLibrary::installed(const std::string& id) const {
    std::error_code ec;
    return lib_id_names_folder(id) && fs::is_regular_file(folder_of(id) / "course.md", ec);
}

std::string CourseLibrary::id_of_folder(const fs::path& dir) const {
    std::error_code ec;
    const fs::path a = fs::weakly_canonical(fs::absolute(dir), ec);
    const fs::path lib = fs::weakly_canonical(fs::absolute(root()), ec);
    if (a.parent_path() != lib) return "";
    const std::string id = a.filename().string();
    return installed(id) ? id : "";
}

std::string CourseLibrary::last_course() const {
    std::string text, error;
    if (!read_file(data_dir_ / "library.json", &text, &error)) return "";
    const nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
    if (!j.is_object() || !j.contains("last_course") || !j["last_course"].is_string()) return "";
    return j["last_course"].get<std::string>();
}

bool CourseLibrary::set_last_course(const std::string& id, std::string* error) {
    std::error_code ec;
    fs::create_directories(data_dir_, ec);
    nlohmann::json j;
    j["last_course"] = id;
    std::string e;
    const bool ok = write_file_atomic(data_dir_ / "library.json",
                                      j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n", &e);
    if (!ok && error) *error = e;
    return ok;
}

namespace {

// id: and version: of a course folder's course.md, from its front matter alone (no chapter is loaded): what the
// start-up check below needs, at the cost of one small file.
struct CourseStamp {
    std::string id, version;
};

CourseStamp stamp_of(const fs::path& dir) {
    std::vector<Diagnostic> ignored;
    SourceFile file = read_source_file(dir / "course.md", "course.md", ignored);
    if (!file.ok) return {};
    split_front_matter(file, ignored);
    FrontMatter fm(file, ignored, "title: and chapters:");
    if (!fm.valid()) return {};
    return {fm.string("id", false).value_or(""), fm.string("version", false).value_or("")};
}

}  // namespace

bool version_is_newer(const std::string& a, const std::string& b) {
    // Compared part by part at '.', '-' and '+': numbers as numbers ("2026.12" > "2026.9"), other parts as text.
    auto parts = [](const std::string& v) {
        std::vector<std::string> out(1);
        for (char c : v) {
            if (c == '.' || c == '-' || c == '+') out.emplace_back();
            else out.back() += c;
        }
        return out;
    };
    const auto pa = parts(a), pb = parts(b);
    for (std::size_t i = 0; i < std::max(pa.size(), pb.size()); ++i) {
        const std::string x = i < pa.size() ? pa[i] : "", y = i < pb.size() ? pb[i] : "";
        const bool nx = !x.empty() && std::all_of(x.begin(), x.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
        const bool ny = !y.empty() && std::all_of(y.begin(), y.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
        if (nx && ny) {
            const std::string tx = x.substr(std::min(x.find_first_not_of('0'), x.size() - 1));
            const std::string ty = y.substr(std::min(y.find_first_not_of('0'), y.size() - 1));
            if (tx.size() != ty.size()) return tx.size() > ty.size();
            if (tx != ty) return tx > ty;
        } else if (x != y) {
            return x > y;
        }
    }
    return false;
}

fs::path resolve_app_course(CourseLibrary& library, const fs::path& shipped_dir, const std::string& explicit_content,
                            std::string* note) {
    if (!explicit_content.empty()) {
        const std::string id = library.id_of_folder(explicit_content);
        if (!id.empty() && library.last_course() != id) library.set_last_course(id);
        return explicit_content;
    }
    // A newer Groundwork ships a newer version of its course: it replaces the installed one (kept for
    // --rollback), as an install of that package would. Never an older one over a newer the learner installed.
    const CourseStamp shipped = stamp_of(shipped_dir);
    if (!shipped.id.empty() && !shipped.version.empty() && library.installed(shipped.id) &&
        version_is_newer(shipped.version, stamp_of(library.folder_of(shipped.id)).version))
        library.install(shipped_dir);
    // The usual start costs two small file reads: the shipped course is loaded only when it is needed.
    const std::string last = library.last_course();
    if (!last.empty() && library.installed(last)) return library.folder_of(last);
    // Its id from course.md's front matter, as the loader takes it; the whole course is loaded only for a
    // course.md that does not say (before, every start without a last course parsed the shipped course twice).
    const std::string shipped_id = !shipped.id.empty() ? shipped.id : load_course(shipped_dir).id;
    if (!library.installed(shipped_id)) library.install(shipped_dir);  // first start (or it was uninstalled)
    if (!last.empty()) {  // said once: the next start opens the shipped course without a word
        if (note) *note = "The course you used last (" + last + ") is no longer installed; the shipped course is open instead.";
        library.set_last_course("");
    }
    if (library.installed(shipped_id)) return library.folder_of(shipped_id);
    return shipped_dir;
}

}  // namespace gw
