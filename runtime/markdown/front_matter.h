#pragma once
// Typed access to a file's YAML front matter, reporting every problem with the file line it sits on.
#include <yaml-cpp/yaml.h>

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "runtime/text/diagnostics.h"
#include "runtime/text/source_file.h"

namespace gw {

class FrontMatter {
public:
    // Parses file.front_matter (YAML 1.2 through yaml-cpp; its reading of the text is kept as it is) and reports
    // into `out`, as file:line: severity: message with a line counted in the whole file:
    //  - errors: no front matter (unless split_front_matter already reported an unclosed one), YAML that does not
    //    parse (a tab in the indentation is named as such, at its line), a top level that is not key: value lines,
    //    a quote that never closes, a key written twice in one mapping (both lines named; the first one is used);
    //  - warnings: a plain value cut by " #" followed directly by text (YAML reads "#2 ..." as a comment), a quoted
    //    value that runs on over lines that look like keys.
    // valid() is false when nothing can be read from it: missing, unparsable, not a mapping, or an unclosed quote.
    // what_it_needs names the keys the file should hold, for the messages ("id:, title: and chapters:").
    FrontMatter(const SourceFile& file, std::vector<Diagnostic>& out, const char* what_it_needs);

    bool valid() const { return valid_; }
    const YAML::Node& root() const { return root_; }

    // Typed reads of a top-level key. Each reports a missing required key (at the --- line) or a value of the
    // wrong shape (at its line) and returns nothing for it; none reports anything when valid() is false.
    std::optional<std::string> string(const char* key, bool required);
    std::optional<int> integer(const char* key, bool required, int min_value = 0);
    // A list of plain strings; `lines` receives each entry's line in the file, in order.
    std::vector<std::string> string_list(const char* key, bool required, std::vector<int>* lines = nullptr);

    // 1-based line in the whole file of a node, or of a top-level key (the opening --- line when it is absent).
    int line_of(const YAML::Node& node) const;
    int line_of_key(const char* key) const;
    // Appends a diagnostic for this file; `line` is 1-based in the whole file.
    void error(int line, std::string message);
    void warning(int line, std::string message);
    // Warns about keys nobody reads: usually a typo ("titel:") that would otherwise vanish silently.
    void warn_unknown_keys(const std::set<std::string>& known);

private:
    std::string path_;
    int first_line_;
    std::vector<Diagnostic>& out_;
    YAML::Node root_;
    bool valid_ = false;
};

bool is_valid_id(const std::string& id);

}  // namespace gw
