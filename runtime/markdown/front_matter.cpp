#include "runtime/markdown/front_matter.h"

#include <algorithm>
#include <map>

#include "runtime/text/text_trim.h"

namespace gw {

namespace {

// What to do about yaml-cpp's terse parser messages ("illegal map value", "end of map not found").
constexpr const char* kFixHint =
    "write one 'key: value' per line, indent nested lines with spaces, and put quotes around a value that holds "
    "': ' or starts with [ { * & ! | > ' \" % @ or `";

// The front matter's text split into lines, so a node's Mark (0-based line, byte offset) can be looked up in it.
class YamlLines {
public:
    explicit YamlLines(const std::string& text) : text_(text) {
        starts_.push_back(0);
        for (std::size_t i = 0; i < text.size(); ++i)
            if (text[i] == '\n') starts_.push_back(i + 1);
    }
    const std::string& text() const { return text_; }
    int count() const { return int(starts_.size()); }
    // Line `i` (0-based) without its newline; empty outside the text.
    std::string line(int i) const {
        if (i < 0 || i >= count()) return "";
        std::size_t end = text_.find('\n', starts_[i]);
        return text_.substr(starts_[i], end == std::string::npos ? std::string::npos : end - starts_[i]);
    }
    int line_of_offset(std::size_t pos) const {
        return int(std::upper_bound(starts_.begin(), starts_.end(), pos) - starts_.begin()) - 1;
    }
    // First line in [0, up_to] whose indentation holds a tab (YAML 1.2, 6.1: tabs never indent), or -1.
    int first_tab_indented(int up_to) const {
        for (int i = 0; i <= up_to && i < count(); ++i) {
            std::string l = line(i);
            std::size_t content = l.find_first_not_of(" \t");
            if (content != std::string::npos && l.find('\t') < content) return i;
        }
        return -1;
    }

private:
    const std::string& text_;
    std::vector<std::size_t> starts_;
};

// Offset just past the quote that closes the quoted scalar opening at `open`, or npos when it never closes.
// Escapes follow YAML 1.2, 7.3: \x in double quotes, '' in single quotes.
std::size_t closing_quote(const std::string& s, std::size_t open) {
    const char q = s[open];
    for (std::size_t i = open + 1; i < s.size(); ++i) {
        if (q == '"' && s[i] == '\\') {
            ++i;
        } else if (s[i] == q) {
            if (q == '\'' && i + 1 < s.size() && s[i + 1] == '\'') {
                ++i;
                continue;
            }
            return i + 1;
        }
    }
    return std::string::npos;
}

// A line that reads like "key: value": a quoted value that swallowed it was most likely left open by mistake.
bool looks_like_key_line(const std::string& l) {
    std::size_t b = l.find_first_not_of(" \t-");
    if (b == std::string::npos || l[b] == '#') return false;
    std::size_t colon = l.find(':', b);
    if (colon == std::string::npos || colon == b) return false;
    if (colon + 1 < l.size() && l[colon + 1] != ' ' && l[colon + 1] != '\t') return false;
    return l.find_first_of(" \t\"'", b) > colon;
}

std::string double_quoted(const std::string& text) {
    std::string out = "\"";
    for (char c : text) {
        if (c == '"' || c == '\\') out += '\\';
        out += c;
    }
    return out + "\"";
}

// Walks yaml-cpp's nodes and looks at the source line each one came from, to find what YAML accepts but the author
// rarely means: a key written twice, a value cut at " #", a quote left open. YAML's own reading is never changed.
class FrontMatterLint {
public:
    FrontMatterLint(FrontMatter& fm, const YamlLines& src, int first_line) : fm_(fm), src_(src), first_(first_line) {}

    // False when the front matter cannot be trusted at all (a quote never closed swallowed the keys after it).
    bool ok() const { return ok_; }

    void walk(const YAML::Node& n, const std::string& owner) {
        // An alias (*f) is the very node of its anchor (&f), and may sit inside it: visit each collection once.
        if ((n.IsMap() || n.IsSequence()) && !visited_.insert({n.Mark().pos, n.IsMap()}).second) return;
        if (n.IsMap()) {
            std::map<std::string, int> seen;  // key -> 0-based line of its first use
            for (auto it = n.begin(); it != n.end(); ++it) {
                // Copies, not references: yaml-cpp's map iterator hands out a temporary pair (operator-> returns a
                // proxy), so a reference into it dangles at the end of this statement.
                const YAML::Node k = it->first;
                const YAML::Node v = it->second;
                if (!k.IsScalar()) {
                    walk(v, owner);
                    continue;
                }
                const std::string name = k.Scalar();
                check_quote(k, name);
                auto [first, fresh] = seen.emplace(name, k.Mark().line);
                if (!fresh)
                    fm_.error(line(k.Mark().line), "key '" + name + "' is written twice, at lines " +
                                                       std::to_string(line(first->second)) + " and " +
                                                       std::to_string(line(k.Mark().line)) +
                                                       ": keep one of them (until then the first one is used)");
                if (v.IsNull())
                    check_cut_after_key(k, name);
                else if (v.IsScalar()) {
                    check_quote(v, name);
                    check_cut(v, "'" + name + "'", name + ": ");
                } else {
                    walk(v, name);
                }
            }
        } else if (n.IsSequence()) {
            for (const auto& item : n) {
                if (item.IsScalar()) {
                    check_quote(item, owner);
                    check_cut(item, "an entry of '" + owner + "'", "");
                } else {
                    walk(item, owner);
                }
            }
        }
    }

private:
    FrontMatter& fm_;
    const YamlLines& src_;
    int first_;
    bool ok_ = true;
    std::set<std::pair<int, bool>> visited_;  // (start offset, is a map) of each collection walked

    int line(int line0) const { return first_ + std::max(0, line0); }

    bool at_source(const YAML::Node& n) const {
        return n.Mark().pos >= 0 && std::size_t(n.Mark().pos) < src_.text().size();
    }

    // YAML 1.2, 7.3: a quoted scalar may span lines, and yaml-cpp even accepts one that is never closed, taking the
    // rest of the front matter into it; the keys below then look "missing".
    void check_quote(const YAML::Node& n, const std::string& key) {
        if (n.Tag() != "!" || !at_source(n)) return;
        const std::size_t open = std::size_t(n.Mark().pos);
        const char q = src_.text()[open];
        if (q != '"' && q != '\'') return;
        const std::string quote(1, q);
        const std::size_t close = closing_quote(src_.text(), open);
        if (close == std::string::npos) {
            fm_.error(line(n.Mark().line), "unterminated quote: the value of '" + key + "' opens with " + quote +
                                               " but never closes it, so every line below becomes part of it: add "
                                               "the closing " + quote + " at the end of the value");
            ok_ = false;
            return;
        }
        const int last = src_.line_of_offset(close - 1);
        for (int l = n.Mark().line + 1; l <= last; ++l) {
            if (looks_like_key_line(src_.line(l))) {
                fm_.warning(line(n.Mark().line),
                            "the quoted value of '" + key + "' runs on to line " + std::to_string(line(last)) +
                                " and takes the key lines in between as text: close the quote on this line");
                return;
            }
        }
    }

    // YAML 1.2, 6.6: " #" always starts a comment, so `title: Playbook #2` is "Playbook". A comment glued to its
    // first word (#2, #1, #renewals) is almost always meant as text; "# note" stays an ordinary comment.
    void check_cut(const YAML::Node& n, const std::string& what, const std::string& prefix) {
        if (n.Tag() != "?" || !at_source(n)) return;
        const std::string l = src_.line(n.Mark().line);
        const std::size_t col = std::size_t(n.Mark().column);
        if (col >= l.size()) return;
        warn_if_cut(l, col, n.Mark().line, what, prefix, n.Scalar());
    }

    // `title: #2 for renewals` leaves the value empty: the same cut, one step earlier.
    void check_cut_after_key(const YAML::Node& k, const std::string& name) {
        if (k.Tag() != "?" || !at_source(k)) return;
        const std::string l = src_.line(k.Mark().line);
        std::size_t p = std::size_t(k.Mark().column) + name.size();
        if (l.compare(std::size_t(k.Mark().column), name.size(), name) != 0) return;
        p = l.find_first_not_of(" \t", p);
        if (p == std::string::npos || l[p] != ':') return;
        warn_if_cut(l, p + 1, k.Mark().line, "'" + name + "'", name + ": ", "");
    }

    void warn_if_cut(const std::string& l, std::size_t from, int line0, const std::string& what,
                     const std::string& prefix, const std::string& kept) {
        for (std::size_t i = std::max<std::size_t>(from, 1); i < l.size(); ++i) {
            if (l[i] != '#' || (l[i - 1] != ' ' && l[i - 1] != '\t')) continue;
            if (i + 1 >= l.size() || l[i + 1] == ' ' || l[i + 1] == '\t') return;  // an ordinary "# comment"
            const std::string whole = trim(l.substr(from));
            fm_.warning(line(line0), "YAML reads '" + trim(l.substr(i)) + "' as a comment, so " + what + " is " +
                                         (kept.empty() ? "empty" : "'" + kept + "'") +
                                         ": if the # belongs to the text, quote the value (" + prefix +
                                         double_quoted(whole) + ")");
            return;
        }
    }
};

}  // namespace

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
        // An opening --- without a closing one has been reported by split_front_matter already.
        bool opened = file.text.rfind("---\n", 0) == 0 || file.text == "---";
        if (!opened)
            error(1, std::string("missing front matter: start the file with a line ---, then ") + what_it_needs +
                         ", then a closing ---");
        return;
    }
    const YamlLines source(file.front_matter);
    try {
        root_ = YAML::Load(file.front_matter);
    } catch (const YAML::Exception& e) {
        int at = std::max(0, e.mark.line);
        if (int tab = source.first_tab_indented(at + 1); tab >= 0)
            error(first_line_ + tab, "a tab indents this line, and YAML allows only spaces for indentation: "
                                     "indent with spaces");
        else
            error(first_line_ + at, "malformed front matter: " + e.msg + "; " + kFixHint);
        return;
    }
    if (!root_.IsMap()) {
        error(first_line_, std::string("front matter must be key: value lines: write ") + what_it_needs +
                               ", one per line");
        return;
    }
    FrontMatterLint lint(*this, source, first_line_);
    lint.walk(root_, "");
    valid_ = lint.ok();
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
        if (required)
            error(line_of_key(key), std::string("missing required key '") + key + "': add a line '" + key +
                                        ": ...' to the front matter");
        return std::nullopt;
    }
    if (!n.IsScalar()) {
        error(line_of(n), std::string("'") + key + "' must be a single line of text, written on the same line as '" +
                              key + ":'");
        return std::nullopt;
    }
    // `id: ""` or a bare tag (`id: !`) is a scalar that holds nothing: for a required key that is as missing as no
    // line at all, and saying so here keeps every caller from treating "" as a real value.
    if (required && n.Scalar().find_first_not_of(" \t") == std::string::npos) {
        error(line_of(n), std::string("'") + key + "' is empty: write a value after '" + key + ":'");
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
        if (required)
            error(line_of_key(key), std::string("missing required key '") + key + "' (a list): add '" + key +
                                        ":' followed by one '  - item' line per entry");
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
        if (!known.count(k))
            warning(line_of(it->first), "unknown key '" + k + "' is ignored: check its spelling, or remove it");
    }
}

}  // namespace gw
