#include "runtime/cli/library_commands.h"

#include <algorithm>
#include <cstdio>
#include <ostream>

#include "progress/profile_store.h"
#include "runtime/cli/app_options.h"
#include "runtime/cli/data_folder.h"
#include "runtime/course/course_loader.h"

namespace gw {

namespace {

// The check's problems on `out` (as `groundwork check` prints them), the outcome on `out` or, when refused, `err`.
int lib_report(const LibraryResult& r, std::ostream& out, std::ostream& err) {
    for (const Diagnostic& d : r.diagnostics) out << format_diagnostic(d) << "\n";
    out.flush();  // the problems before the refusal, when both go to one terminal
    (r.ok() ? out : err) << r.message << "\n";
    return r.exit_code;
}

}  // namespace

int run_install(const std::string& source, const std::string& data_dir, std::ostream& out, std::ostream& err,
                const LibraryLimits& limits) {
    CourseLibrary library(data_folder_or_default(data_dir), limits);
    return lib_report(library.install(source), out, err);
}

int run_rollback(const std::string& id, const std::string& data_dir, std::ostream& out, std::ostream& err) {
    CourseLibrary library(data_folder_or_default(data_dir));
    return lib_report(library.rollback(id), out, err);
}

int run_uninstall(const std::string& id, const std::string& data_dir, std::ostream& out, std::ostream& err) {
    CourseLibrary library(data_folder_or_default(data_dir));
    return lib_report(library.uninstall(id), out, err);
}

int run_courses(const std::string& data_dir, const std::string& profile_name, std::ostream& out, std::ostream& err) {
    CourseLibrary library(data_folder_or_default(data_dir));
    const std::vector<InstalledCourse> courses = library.list();
    if (courses.empty()) {
        out << "No course is installed in " << library.root().string()
            << ". Install one with: groundwork install DIR|FILE.zip\n";
        return kExitOk;
    }
    Profile profile;
    std::string error;
    const auto file = library.data_dir() / "profiles" / (profile_name + ".json");
    std::error_code ec;
    if (std::filesystem::exists(file, ec) && !load_profile_file(file, &profile, &error))
        err << "groundwork: progress not shown, the profile cannot be read: " << error << "\n";
    const std::string last = library.last_course();
    std::size_t id_w = 2, version_w = 7;
    for (const InstalledCourse& c : courses) {
        id_w = std::max(id_w, c.id.size());
        version_w = std::max(version_w, c.version.size());
    }
    auto pad = [](std::string s, std::size_t w) { return s.size() < w ? s + std::string(w - s.size(), ' ') : s; };
    out << "  " << pad("ID", id_w) << "  " << pad("VERSION", version_w) << "  " << pad("PROGRESS", 16) << "  TITLE\n";
    for (const InstalledCourse& c : courses) {
        const ChapterProgress p = whole_course_progress(profile, load_course(c.folder));
        char progress[64];
        std::snprintf(progress, sizeof progress, "%d/%d  %d%%", p.done(), p.total(), p.percent());
        std::string title = c.title;
        if (c.has_previous) title += "  (previous: " + (c.previous_version.empty() ? std::string("unversioned") : c.previous_version) + ")";
        out << (c.id == last ? "* " : "  ") << pad(c.id, id_w) << "  " << pad(c.version.empty() ? "-" : c.version, version_w)
            << "  " << pad(progress, 16) << "  " << title << "\n";
    }
    out << courses.size() << (courses.size() == 1 ? " course" : " courses") << " in " << library.root().string()
        << (last.empty() ? "" : "; * opens next in the app") << "\n";
    return kExitOk;
}

int run_pack(const std::string& dir, const std::string& out_file, std::ostream& out, std::ostream& err) {
    return lib_report(pack_course(dir, out_file), out, err);
}

}  // namespace gw
