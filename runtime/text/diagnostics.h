#pragma once
// A problem found in course content, always tied to a file and a line so a trainer can jump to it.
#include <string>
#include <vector>

namespace gw {

enum class Severity { Error, Warning };

struct Diagnostic {
    std::string file;  // path as given by the trainer (relative to the course root when possible)
    int line = 0;      // 1-based; 0 when the problem concerns the whole file or folder
    Severity severity = Severity::Error;
    std::string message;
};

// "file:line: error: message" or "file:line: warning: message", the shape compilers use so editors can jump to it.
// A problem with a whole content file (a .md file, line 0) is shown at line 1, where an editor opens it; a folder
// ("ch19", "/path/to/course") has no line to show, so it comes out as "folder: error: message".
std::string format_diagnostic(const Diagnostic& d);

int count_errors(const std::vector<Diagnostic>& ds);
int count_warnings(const std::vector<Diagnostic>& ds);

}  // namespace gw
