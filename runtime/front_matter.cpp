#include "runtime/front_matter.h"

namespace gw {

bool is_valid_id(const std::string& id) {
    if (id.empty() || id.size() > 80) return false;
    for (char c : id)
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
              c == '.'))
            return false;
    return true;
}

FrontMatter::FrontMatter(const SourceFile& file, std::vector<Diagnostic>& out, const char* what_it_needs)
    : path_(file.display_path), first_line_(file.front_matter_line), out_(out) {
    if (!file.has_front_matter) {
        error(1, std::string("missing front matter: start the file with a line ---, then ") + what_it_needs +
                     ", then a closing ---");
        return;
    }
    try {
        root_ = YAML::Load(file.front_matter);
    } catch (const YAML::ParserException& e) {
        error(first_line_ + std::max(0, e.mark.line), "malformed front matter: " + e.msg);
        return;
    }
    if (!root_.IsMap()) {
        error(first_line_, std::string("front matter must be key: value lines (") + what_it_needs + ")");
        return;
    }
    valid_ = true;
}

int FrontMatter::line_of(const YAML::Node& node) const {
    int l = node.Mark().line;
    return l >= 0 ? first_line_ + l : first_line_;
}

int FrontMatter::line_of_key(const char* key) const {
    if (valid_) {
        for (auto it = root_.begin(); it != root_.end(); ++it)
            if (it->first.IsScalar() && it->first.Scalar() == key) return line_of(it->first);
    }
    return first_line_ > 0 ? first_line_ - 1 : 1;
}

void FrontMatter::error(int line, std::string message) {
    out_.push_back({path_, line, Severity::Error, std::move(message)});
}

void FrontMatter::warning(int line, std::string message) {
    out_.push_back({path_, line, Severity::Warning, std::move(message)});
}

std::optional<std::string> FrontMatter::string(const char* key, bool required) {
    if (!valid_) return std::nullopt;
    YAML::Node n = root_[key];
    if (!n.IsDefined() || n.IsNull()) {
        if (required) error(line_of_key(key), std::string("missing required key '") + key + "'");
        return std::nullopt;
    }
    if (!n.IsScalar()) {
        error(line_of(n), std::string("'") + key + "' must be a single line of text");
        return std::nullopt;
    }
    return n.Scalar();
}

std::optional<int> FrontMatter::integer(const char* key, bool required, int min_value) {
    auto text = string(key, required);
    if (!text) return std::nullopt;
    try {
        std::size_t used = 0;
        int v = std::stoi(*text, &used);
        if (used == text->size() && v >= min_value) return v;
    } catch (const std::exception&) {
    }
    error(line_of(root_[key]), std::string("'") + key + "' must be a whole number of at least " +
                                   std::to_string(min_value) + ", not '" + *text + "'");
    return std::nullopt;
}

std::vector<std::string> FrontMatter::string_list(const char* key, bool required, std::vector<int>* lines) {
    std::vector<std::string> result;
    if (!valid_) return result;
    YAML::Node n = root_[key];
    if (!n.IsDefined() || n.IsNull()) {
        if (required) error(line_of_key(key), std::string("missing required key '") + key + "' (a list)");
        return result;
    }
    if (!n.IsSequence()) {
        error(line_of(n), std::string("'") + key + "' must be a list, one '- item' per line");
        return result;
    }
    for (const auto& item : n) {
        if (!item.IsScalar()) {
            error(line_of(item), std::string("each entry of '") + key + "' must be plain text");
            continue;
        }
        result.push_back(item.Scalar());
        if (lines) lines->push_back(line_of(item));
    }
    return result;
}

void FrontMatter::warn_unknown_keys(const std::set<std::string>& known) {
    if (!valid_) return;
    for (auto it = root_.begin(); it != root_.end(); ++it) {
        std::string k = it->first.IsScalar() ? it->first.Scalar() : "?";
        if (!known.count(k)) warning(line_of(it->first), "unknown key '" + k + "' is ignored");
    }
}

}  // namespace gw
