#include "runtime/cli/check_command.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <csignal>
#include <fstream>
#include <mutex>
#include <ostream>
#include <sstream>

#include "runtime/cli/app_options.h"
#include "runtime/course/content_watcher.h"
#include "runtime/course/course_loader.h"
#include "runtime/text/glyph_coverage.h"
#include "runtime/text/source_file.h"
#include "runtime/text/text_normalization.h"

namespace gw {

namespace fs = std::filesystem;

namespace {

// Characters no installed font can draw in `files` (relative to `root`), as the loader reads them: NFC, so `e` +
// U+0301 counts as the `é` the fonts have.
void check_fonts_cover(const fs::path& root, const std::vector<fs::path>& files, std::vector<Diagnostic>& out) {
    if (files.empty()) return;
    GlyphCoverage coverage(reader_font_files());
    for (const std::string& missing : coverage.missing_files())
        out.push_back({missing, 0, Severity::Warning, "font not found: characters only it has will show as '?'"});
    std::error_code ec;
    for (const fs::path& file : files) {
        std::ifstream in(file, std::ios::binary);
        std::ostringstream text;
        text << in.rdbuf();
        check_glyph_coverage(fs::relative(file, root, ec).generic_string(), to_nfc(text.str()), coverage, out);
    }
}

// Every Markdown file of the course (modules, chapters, artifact declarations) the loader would read.
std::vector<fs::path> course_markdown_files(const fs::path& dir) {
    std::error_code ec;
    std::vector<fs::path> files;
    for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
        if (it->path().extension() == ".md" && it->is_regular_file(ec) && it->file_size(ec) <= kMaxContentFileBytes)
            files.push_back(it->path());
    std::sort(files.begin(), files.end());
    return files;
}

std::string plural(int n, const char* one, const char* many) { return std::to_string(n) + " " + (n == 1 ? one : many); }

CheckResult check_course(const std::string& dir) {
    CheckResult r;
    Course course = load_course(dir);
    r.diagnostics = std::move(course.diagnostics);
    check_fonts_cover(dir, course_markdown_files(dir), r.diagnostics);
    int minutes = 0;
    for (const auto& ch : course.chapters) minutes += ch.total_minutes();
    const int errors = count_errors(r.diagnostics), warnings = count_warnings(r.diagnostics);
    r.summary = dir + ": " + plural(int(course.chapters.size()), "chapter", "chapters") + ", " +
                plural(course.module_count(), "module", "modules") + ", " + std::to_string(course.homework_count()) +
                " homework, " + std::to_string(minutes) + " minutes; " + plural(errors, "error", "errors") + ", " +
                plural(warnings, "warning", "warnings");
    r.exit_code = errors > 0 ? kExitContentErrors : kExitOk;
    return r;
}

CheckResult check_file(const std::string& path) {
    CheckResult r;
    std::optional<fs::path> root = find_course_root(path);
    if (!root) {
        r.diagnostics.push_back({path, 0, Severity::Error,
                                 "not in a course: no course.md in its folder or any folder above it (check a "
                                 "course folder with: groundwork check DIR)"});
        r.summary = path + ": not checked";
        r.exit_code = kExitUsage;
        return r;
    }
    std::error_code ec;
    const std::string rel = fs::relative(path, *root, ec).lexically_normal().string();
    Course course = load_course(*root);
    // The course is loaded whole (ids, links and categories need their context); only this file's problems count.
    for (Diagnostic& d : course.diagnostics)
        if (d.file == rel) r.diagnostics.push_back(std::move(d));
    if (fs::path(path).extension() == ".md") check_fonts_cover(*root, {fs::path(path)}, r.diagnostics);
    const int errors = count_errors(r.diagnostics), warnings = count_warnings(r.diagnostics);
    r.summary = rel + " (in " + root->string() + "): " + plural(errors, "error", "errors") + ", " +
                plural(warnings, "warning", "warnings");
    r.exit_code = errors > 0 ? kExitContentErrors : kExitOk;
    return r;
}

// Ctrl+C ends --watch: the handler only sets a flag the waiting loop polls.
std::atomic<bool> g_interrupted{false};
extern "C" void on_interrupt(int) { g_interrupted = true; }

}  // namespace

std::optional<fs::path> find_course_root(const fs::path& file) {
    std::error_code ec;
    fs::path dir = fs::absolute(file, ec).parent_path();
    if (ec) return std::nullopt;
    for (fs::path d = dir;; d = d.parent_path()) {
        if (fs::is_regular_file(d / "course.md", ec)) return d;
        if (d == d.root_path() || d.parent_path() == d) break;
    }
    if (fs::is_regular_file(dir / "chapter.md", ec)) return dir;
    return std::nullopt;
}

CheckResult check_path(const std::string& path) {
    std::error_code ec;
    if (fs::is_regular_file(path, ec)) return check_file(path);
    return check_course(path);  // a folder; a missing path is reported by the loader
}

int run_check(const std::string& path, std::ostream& out) {
    CheckResult r = check_path(path);
    for (const auto& d : r.diagnostics) out << format_diagnostic(d) << "\n";
    out << r.summary << "\n";
    return r.exit_code;
}

std::vector<std::string> check_changes(const std::vector<Diagnostic>& before, const std::vector<Diagnostic>& after) {
    // Exact matches first; then a leftover pair that differs only in its line is the same problem, moved.
    std::vector<bool> old_matched(before.size()), new_matched(after.size());
    auto match = [&](auto same) {
        for (std::size_t i = 0; i < after.size(); ++i) {
            if (new_matched[i]) continue;
            for (std::size_t j = 0; j < before.size(); ++j)
                if (!old_matched[j] && same(before[j], after[i])) {
                    old_matched[j] = new_matched[i] = true;
                    break;
                }
        }
    };
    auto same_but_line = [](const Diagnostic& a, const Diagnostic& b) {
        return a.file == b.file && a.severity == b.severity && a.message == b.message;
    };
    match([&](const Diagnostic& a, const Diagnostic& b) { return same_but_line(a, b) && a.line == b.line; });
    match(same_but_line);
    std::vector<std::string> lines;
    for (std::size_t j = 0; j < before.size(); ++j)
        if (!old_matched[j]) lines.push_back("fixed: " + format_diagnostic(before[j]));
    for (std::size_t i = 0; i < after.size(); ++i)
        if (!new_matched[i]) lines.push_back("new:   " + format_diagnostic(after[i]));
    return lines;
}

int run_check_watch(const std::string& path, std::ostream& out, const std::function<bool()>& wait_for_change) {
    CheckResult last = check_path(path);
    for (const auto& d : last.diagnostics) out << format_diagnostic(d) << "\n";
    out << last.summary << "\n";
    if (last.exit_code == kExitUsage) return last.exit_code;
    out << "Watching for changes (Ctrl+C to stop)\n" << std::flush;
    while (wait_for_change()) {
        CheckResult now = check_path(path);
        for (const std::string& line : check_changes(last.diagnostics, now.diagnostics)) out << line << "\n";
        out << std::flush;
        last = std::move(now);
    }
    return last.exit_code;
}

int run_check_watch_until_interrupted(const std::string& path, std::ostream& out) {
    std::error_code ec;
    // Nothing to watch: report the missing folder once instead of waiting on it forever.
    if (!fs::exists(path, ec)) return run_check(path, out);
    fs::path root = path;
    if (fs::is_regular_file(path, ec))
        if (auto r = find_course_root(path)) root = *r;
    std::mutex m;
    std::condition_variable cv;
    bool changed = false;
    ContentWatcher watcher(root, [&] {
        std::lock_guard<std::mutex> lock(m);
        changed = true;
        cv.notify_one();
    });
    if (!watcher.active()) {
        out << root.string() << ": cannot watch this folder for changes (inotify unavailable)\n";
        return run_check(path, out) == kExitUsage ? kExitUsage : kExitContentErrors;
    }
    g_interrupted = false;
    auto old_int = std::signal(SIGINT, on_interrupt);
    auto old_term = std::signal(SIGTERM, on_interrupt);
    int code = run_check_watch(path, out, [&] {
        std::unique_lock<std::mutex> lock(m);
        while (!changed && !g_interrupted) cv.wait_for(lock, std::chrono::milliseconds(100));
        changed = false;
        return !g_interrupted.load();
    });
    std::signal(SIGINT, old_int);
    std::signal(SIGTERM, old_term);
    return code;
}

}  // namespace gw
