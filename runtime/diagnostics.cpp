#include "runtime/diagnostics.h"

#include <algorithm>

namespace gw {

std::string format_diagnostic(const Diagnostic& d) {
    std::string out = d.file;
    if (d.line > 0) out += ":" + std::to_string(d.line);
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
