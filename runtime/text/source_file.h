#pragma once
// Reading one content file safely: size limit, binary detection, UTF-8 validation, front matter split.
#include <filesystem>
#include <string>
#include <vector>

#include "runtime/text/diagnostics.h"

namespace gw {

constexpr std::uintmax_t kMaxContentFileBytes = 1024 * 1024;

struct SourceFile {
    std::string display_path;      // what messages show
    std::string text;              // whole file, valid UTF-8 when ok
    bool ok = false;               // false: unreadable, too large, binary or not UTF-8 (a diagnostic says why)
    bool has_front_matter = false;
    std::string front_matter;      // YAML between the --- lines
    int front_matter_line = 0;     // line of the first YAML line
    std::string body;              // Markdown after the closing ---
    int body_line = 1;             // line of the first body line
};

// Reads and checks a file; every problem is appended to `out` with file and line.
SourceFile read_source_file(const std::filesystem::path& path, const std::string& display_path,
                            std::vector<Diagnostic>& out);

// Splits `---\nYAML\n---\n` off the top of file.text; reports an unterminated block.
void split_front_matter(SourceFile& file, std::vector<Diagnostic>& out);

}  // namespace gw
