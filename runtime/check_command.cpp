#include "runtime/check_command.h"

#include <ostream>

#include "runtime/app_options.h"
#include "runtime/course_loader.h"

namespace gw {

int run_check(const std::string& dir, std::ostream& out) {
    Course course = load_course(dir);
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
