#include "runtime/artifacts/export_escaping.h"

#include <cstring>
#include <vector>

#include "runtime/text/text_trim.h"

namespace gw {

namespace {

bool ascii_digit(char c) { return c >= '0' && c <= '9'; }
bool ascii_alnum(char c) { return ascii_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool hex_digit(char c) { return ascii_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
bool blank_char(char c) { return c == ' ' || c == '\t'; }
// Letters of any script count as word characters: CommonMark does not open emphasis on '_' between them.
bool word_byte(char c) { return ascii_alnum(c) || static_cast<unsigned char>(c) >= 0x80; }

// A spreadsheet runs a cell starting with these as a formula (OWASP, "CSV Injection"). Some programs trim blanks
// and line breaks before deciding, so those are looked through as well.
bool formula_like(const std::string& s) {
    if (s.empty()) return false;
    if (std::strchr("=+-@\t\r", s[0])) return true;
    const size_t first = s.find_first_not_of(" \t\r\n");
    return first != std::string::npos && std::strchr("=+-@", s[first]);
}

// CommonMark reads "&name;", "&#123;" and "&#x7B;" as characters; anything else after '&' is a plain '&'.
bool starts_entity(const std::string& s, size_t amp) {
    size_t i = amp + 1;
    const size_t n = s.size();
    if (i < n && s[i] == '#') {
        ++i;
        const bool hex = i < n && (s[i] == 'x' || s[i] == 'X');
        if (hex) ++i;
        const size_t start = i;
        while (i < n && (hex ? hex_digit(s[i]) : ascii_digit(s[i]))) ++i;
        return i > start && i < n && s[i] == ';';
    }
    const size_t start = i;
    while (i < n && ascii_alnum(s[i])) ++i;
    return i > start && i < n && s[i] == ';';
}

// Characters that open inline structure (code, emphasis, links and images, raw HTML and autolinks,
// strikethrough, table cells) or escape the next one.
void escape_inline(const std::string& line, size_t from, std::string& out) {
    for (size_t i = from; i < line.size(); ++i) {
        const char c = line[i];
        switch (c) {
        case '\\': case '`': case '*': case '[': case ']': case '<': case '~': case '|':
            out += '\\';
            break;
        case '&':
            if (starts_entity(line, i)) out += '\\';
            break;
        case '_':
            if (!(i > 0 && word_byte(line[i - 1]) && i + 1 < line.size() && word_byte(line[i + 1]))) out += '\\';
            break;
        default: break;
        }
        out += c;
    }
}

// One line of text that will begin a Markdown line: block markers at its start are escaped, then inline ones.
std::string escape_line(const std::string& raw) {
    const size_t first = raw.find_first_not_of(" \t");
    if (first == std::string::npos) return "";
    const std::string line = raw.substr(first);  // four blanks would make a code block; leading blanks carry nothing
    std::string out;
    size_t skip = 0;
    const char c = line[0];
    if (c == '#' || c == '>' || c == '=') {  // heading, block quote, setext underline
        out = std::string("\\") + c;
        skip = 1;
    } else if (c == '-' || c == '+') {  // list item ("- x"), rule or setext underline ("---", "- - -")
        const bool item = line.size() == 1 || blank_char(line[1]);
        const bool rule = line.find_first_not_of(std::string(1, c) + " \t") == std::string::npos;
        if (item || rule) {
            out = std::string("\\") + c;
            skip = 1;
        }
    } else if (ascii_digit(c)) {  // numbered item: up to nine digits, '.' or ')', then a blank or the end
        size_t d = 0;
        while (d < line.size() && d < 10 && ascii_digit(line[d])) ++d;
        if (d <= 9 && d < line.size() && (line[d] == '.' || line[d] == ')') &&
            (d + 1 == line.size() || blank_char(line[d + 1]))) {
            out = line.substr(0, d) + "\\" + line[d];
            skip = d + 1;
        }
    }
    escape_inline(line, skip, out);
    return out;
}

std::string unix_lines(const std::string& s) {
    std::string out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] != '\r') out += s[i];
        else if (i + 1 >= s.size() || s[i + 1] != '\n') out += '\n';
    }
    return out;
}

std::vector<std::string> split_lines(const std::string& s) {
    std::vector<std::string> lines;
    size_t start = 0;
    for (size_t nl = s.find('\n'); nl != std::string::npos; nl = s.find('\n', start)) {
        lines.push_back(s.substr(start, nl - start));
        start = nl + 1;
    }
    lines.push_back(s.substr(start));
    return lines;
}

std::string trim_end(std::string s) {
    while (!s.empty() && blank_char(s.back())) s.pop_back();
    return s;
}

}  // namespace

std::string csv_field(const std::string& value, CsvValue kind) {
    std::string cell = kind == CsvValue::Text && formula_like(value) ? "'" + value : value;
    if (cell.find_first_of(",;\"\t\r\n") == std::string::npos) return cell;
    std::string quoted = "\"";
    for (char c : cell) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
    return quoted + "\"";
}

std::string markdown_text(const std::string& text, MarkdownPlace place) {
    const std::string lf = unix_lines(text);
    switch (place) {
    case MarkdownPlace::TableCell: {
        std::string out;
        const std::vector<std::string> lines = split_lines(trim(lf, " \t\n"));
        for (size_t i = 0; i < lines.size(); ++i) {
            if (i) out += "<br>";
            escape_inline(lines[i], 0, out);
        }
        return out;
    }
    case MarkdownPlace::Line: {
        std::string one_line = lf;
        for (char& c : one_line)
            if (c == '\n' || c == '\t') c = ' ';
        std::string out = escape_line(trim_end(one_line));
        // "## Priority #" would lose its '#': a run of them after a blank is a heading's closing sequence.
        size_t run = out.size();
        while (run > 0 && out[run - 1] == '#') --run;
        if (run < out.size() && run > 0 && blank_char(out[run - 1])) out.insert(run, 1, '\\');
        return out;
    }
    case MarkdownPlace::Block: {
        std::vector<std::string> lines;
        for (const std::string& line : split_lines(lf)) lines.push_back(escape_line(trim_end(line)));
        while (!lines.empty() && lines.back().empty()) lines.pop_back();
        size_t first = 0;
        while (first < lines.size() && lines[first].empty()) ++first;
        std::string out;
        for (size_t i = first; i < lines.size(); ++i) {
            out += lines[i];
            // The learner's own line breaks survive: a line followed by another line ends in a hard break.
            if (i + 1 < lines.size()) out += !lines[i].empty() && !lines[i + 1].empty() ? "  \n" : "\n";
        }
        return out;
    }
    }
    return "";
}

}  // namespace gw
