#include "runtime/check_command.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <ostream>
#include <sstream>

#include "runtime/app_options.h"
#include "runtime/course_loader.h"
#include "runtime/glyph_coverage.h"
#include "runtime/source_file.h"
#include "runtime/text_normalization.h"

namespace gw {

namespace {

// Characters no installed font can draw, in every Markdown file of the course (modules, chapters, artifact
// declarations), as the loader reads them: NFC, so `e` + U+0301 counts as the `é` the fonts have.
void check_fonts_cover(const std::string& dir, std::vector<Diagnostic>& out) {
    namespace fs = std::filesystem;
    std::error_code ec;
    std::vector<fs::path> files;
    for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
        if (it->path().extension() == ".md" && it->is_regular_file(ec) && it->file_size(ec) <= kMaxContentFileBytes)
            files.push_back(it->path());
    if (files.empty()) return;
    std::sort(files.begin(), files.end());
    GlyphCoverage coverage(reader_font_files());
    for (const std::string& missing : coverage.missing_files())
        out.push_back({missing, 0, Severity::Warning, "font not found: characters only it has will show as '?'"});
    for (const fs::path& file : files) {
        std::ifstream in(file, std::ios::binary);
        std::ostringstream text;
        text << in.rdbuf();
        check_glyph_coverage(fs::relative(file, dir, ec).generic_string(), to_nfc(text.str()), coverage, out);
    }
}

}  // namespace

int run_check(const std::string& dir, std::ostream& out) {
    Course course = load_course(dir);
    check_fonts_cover(dir, course.diagnostics);
    for (const auto& d : course.diagnostics) out << format_diagnostic(d) << "\n";
    int minutes = 0;
    for (const auto& ch : course.chapters) minutes += ch.total_minutes();
    int errors = count_errors(course.diagnostics), warnings = count_warnings(course.diagnostics);
    auto plural = [](int n, const char* one, const char* many) { return std::to_string(n) + " " + (n == 1 ? one : many); };
    out << dir << ": " << plural(int(course.chapters.size()), "chapter", "chapters") << ", "
        << plural(course.module_count(), "module", "modules") << ", " << course.homework_count() << " homework, "
        << minutes << " minutes; " << plural(errors, "error", "errors") << ", "
        << plural(warnings, "warning", "warnings") << "\n";
    return errors > 0 ? kExitContentErrors : kExitOk;
}

}  // namespace gw
