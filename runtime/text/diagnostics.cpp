#include "runtime/text/diagnostics.h"

#include <algorithm>
#include <filesystem>

namespace gw {

std::string format_diagnostic(const Diagnostic& d) {
    std::string out = d.file;
    // Every content file is Markdown; anything else named here is a folder (or the course root).
    const bool is_file = std::filesystem::path(d.file).extension() == ".md";
    if (d.line > 0 || is_file) out += ":" + std::to_string(std::max(d.line, 1));
    out += d.severity == Severity::Error ? ": error: " : ": warning: ";
    out += d.message;
    return out;
}

int count_errors(const std::vector<Diagnostic>& ds) {
    return int(std::count_if(ds.begin(), ds.end(), [](const Diagnostic& d) { return d.severity == Severity::Error; }));
}

int count_warnings(const std::vector<Diagnostic>& ds) {
    return int(ds.size()) - count_errors(ds);
}

}  // namespace gw
