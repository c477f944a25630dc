#include "runtime/text/source_file.h"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <utf8cpp/utf8.h>

#include "runtime/text/text_normalization.h"

namespace gw {

namespace {

int line_of_offset(const std::string& text, std::size_t offset) {
    return 1 + int(std::count(text.begin(), text.begin() + std::min(offset, text.size()), '\n'));
}

std::string human_size(std::uintmax_t bytes) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f MB", double(bytes) / (1024.0 * 1024.0));
    return buf;
}

// The first byte that does not start a valid UTF-8 sequence, or text.end(). Course text is mostly ASCII, and a
// sequence never holds a byte below 0x80, so ASCII runs are skipped bytewise and utfcpp checks only the runs between.
std::string::const_iterator first_invalid_utf8(const std::string& text) {
    auto is_ascii = [](char c) { return (static_cast<unsigned char>(c) & 0x80) == 0; };
    auto it = text.begin();
    while (true) {
        it = std::find_if_not(it, text.end(), is_ascii);
        if (it == text.end()) return it;
        const auto run_end = std::find_if(it, text.end(), is_ascii);
        const auto bad = utf8::find_invalid(it, run_end);
        if (bad != run_end) return bad;
        it = run_end;
    }
}

}  // namespace

SourceFile read_source_file(const std::filesystem::path& path, const std::string& display_path,
                            std::vector<Diagnostic>& out) {
    SourceFile file;
    file.display_path = display_path;
    auto error = [&](int line, std::string msg) { out.push_back({display_path, line, Severity::Error, std::move(msg)}); };

    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) {
        error(0, std::filesystem::exists(path, ec) ? "not a regular file" : "file not found");
        return file;
    }
    auto size = std::filesystem::file_size(path, ec);
    if (ec) {
        error(0, "cannot read: " + ec.message());
        return file;
    }
    if (size > kMaxContentFileBytes) {
        error(0, "file is " + human_size(size) + "; content files may be at most 1 MB (split it into modules)");
        return file;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        error(0, "cannot open for reading");
        return file;
    }
    // Read straight into the string: the size is known, and a stream copy doubled the loader's memory traffic.
    file.text.resize(std::size_t(size));
    in.read(file.text.data(), std::streamsize(size));
    file.text.resize(std::size_t(in.gcount()));
    if (in && in.peek() != std::char_traits<char>::eof()) {  // the file grew while being saved: take all of it
        std::ostringstream rest;
        rest << in.rdbuf();
        file.text += rest.str();
        if (file.text.size() > kMaxContentFileBytes) {
            error(0, "file is " + human_size(file.text.size()) + "; content files may be at most 1 MB (split it into modules)");
            file.text.clear();
            return file;
        }
    }

    if (file.text.find('\0') != std::string::npos) {
        error(0, "binary file (it contains NUL bytes): expected UTF-8 Markdown text");
        return file;
    }
    auto invalid = first_invalid_utf8(file.text);
    if (invalid != file.text.end()) {
        std::size_t offset = std::size_t(invalid - file.text.begin());
        std::size_t line_start = file.text.rfind('\n', offset == 0 ? 0 : offset - 1);
        // Columns count characters, as a text editor shows them, not bytes: the text before the bad byte is valid.
        const std::size_t from = line_start == std::string::npos ? 0 : line_start + 1;
        const int column = 1 + int(std::count_if(file.text.cbegin() + std::ptrdiff_t(from), invalid,
                                                 [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
        char byte[8];
        std::snprintf(byte, sizeof byte, "0x%02X", unsigned(static_cast<unsigned char>(file.text[offset])));
        error(line_of_offset(file.text, offset),
              "invalid UTF-8 (byte " + std::string(byte) + " at column " + std::to_string(column) +
                  "); save the file as UTF-8");
        return file;
    }
    // A UTF-8 byte-order mark is legal but would hide the opening ---.
    if (file.text.rfind("\xEF\xBB\xBF", 0) == 0) file.text.erase(0, 3);
    // Windows and old-Mac line endings become \n so line numbers match what an editor shows.
    if (file.text.find('\r') != std::string::npos) {
        std::string normalised;
        normalised.reserve(file.text.size());
        for (std::size_t i = 0; i < file.text.size(); ++i) {
            if (file.text[i] != '\r') normalised += file.text[i];
            else if (i + 1 >= file.text.size() || file.text[i + 1] != '\n') normalised += '\n';
        }
        file.text.swap(normalised);
    }
    // One spelling per letter (NFC): `e` + combining acute becomes the `é` the fonts draw as one glyph.
    file.text = to_nfc(file.text);
    file.ok = true;
    return file;
}

void split_front_matter(SourceFile& file, std::vector<Diagnostic>& out) {
    const std::string& t = file.text;
    if (t.rfind("---\n", 0) != 0 && t != "---") {
        file.body = t;
        file.body_line = 1;
        return;
    }
    std::size_t pos = 4;
    int line = 2;
    while (pos <= t.size()) {
        std::size_t eol = t.find('\n', pos);
        std::string current = t.substr(pos, eol == std::string::npos ? std::string::npos : eol - pos);
        while (!current.empty() && (current.back() == ' ' || current.back() == '\t')) current.pop_back();
        if (current == "---" || current == "...") {
            file.has_front_matter = true;
            file.front_matter = t.substr(4, pos - 4);
            file.front_matter_line = 2;
            file.body = eol == std::string::npos ? std::string() : t.substr(eol + 1);
            file.body_line = line + 1;
            return;
        }
        if (eol == std::string::npos) break;
        pos = eol + 1;
        ++line;
    }
    out.push_back({file.display_path, 1, Severity::Error,
                   "front matter opened with --- is never closed (add a line with --- after the metadata)"});
    file.body = t;
}

}  // namespace gw
