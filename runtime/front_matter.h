#pragma once
// Typed access to a file's YAML front matter, reporting every problem with the file line it sits on.
#include <yaml-cpp/yaml.h>

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "runtime/diagnostics.h"
#include "runtime/source_file.h"

namespace gw {

class FrontMatter {
public:
    // Parses file.front_matter; reports missing or malformed front matter. valid() is false after that.
    FrontMatter(const SourceFile& file, std::vector<Diagnostic>& out, const char* what_it_needs);

    bool valid() const { return valid_; }
    const YAML::Node& root() const { return root_; }

    std::optional<std::string> string(const char* key, bool required);
    std::optional<int> integer(const char* key, bool required, int min_value = 0);
    std::vector<std::string> string_list(const char* key, bool required, std::vector<int>* lines = nullptr);

    int line_of(const YAML::Node& node) const;
    int line_of_key(const char* key) const;
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
