#include "runtime/markdown/link_target.h"

#include <cctype>
#include <filesystem>
#include <functional>
#include <map>

#include "runtime/course/course.h"
#include "runtime/markdown/heading_slug.h"

namespace fs = std::filesystem;

namespace gw {

namespace {

std::string lower(std::string s) {
    for (char& c : s) c = char(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

// The scheme of an absolute URI (without ':'), or "" when `url` has none (RFC 3986, 3.1).
std::string scheme_of(const std::string& url) {
    if (url.empty() || !std::isalpha(static_cast<unsigned char>(url[0]))) return "";
    for (std::size_t i = 1; i < url.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(url[i]);
        if (c == ':') return lower(url.substr(0, i));
        if (!std::isalnum(c) && c != '+' && c != '-' && c != '.') return "";
    }
    return "";
}

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// cmark percent-encodes what it normalises (a space in `<a b.md>` becomes %20); file names hold the raw bytes.
std::string percent_decode(const std::string& s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '%' && i + 2 < s.size() && hex_value(s[i + 1]) >= 0 && hex_value(s[i + 2]) >= 0) {
            out += char(hex_value(s[i + 1]) * 16 + hex_value(s[i + 2]));
            i += 2;
        } else {
            out += s[i];
        }
    }
    return out;
}

void for_each_span(std::vector<Block>& blocks, const std::function<void(Span&)>& fn) {
    for (Block& b : blocks) {
        for (Span& s : b.spans) fn(s);
        for (auto& row : b.table.rows)
            for (auto& cell : row)
                for (Span& s : cell.spans) fn(s);
        for_each_span(b.children, fn);
    }
}

void collect_heading_ids(const std::vector<Block>& blocks, std::vector<std::string>& ids) {
    for (const Block& b : blocks) {
        if (b.kind == BlockKind::Heading && !b.id.empty()) ids.push_back(b.id);
        collect_heading_ids(b.children, ids);
    }
}

// The id of the heading `anchor` names among `ids`: the id itself, or else a heading whose id is the anchor's slug
// (`#Who-to-call` finds "who-to-call", as GitHub's page does); "" when none.
std::string find_heading(const std::vector<std::string>& ids, const std::string& anchor) {
    for (const std::string& id : ids)
        if (id == anchor) return id;
    const std::string slug = heading_slug(anchor);
    for (const std::string& id : ids)
        if (id == slug) return id;
    return "";
}

std::string heading_list(const std::vector<std::string>& ids) {
    if (ids.empty()) return "it has no headings";
    std::string list = "its headings: ";
    for (std::size_t i = 0; i < ids.size() && i < 8; ++i) list += (i ? ", #" : "#") + ids[i];
    if (ids.size() > 8) list += ", ...";
    return list;
}

}  // namespace

bool is_external_url(const std::string& url) {
    const std::string scheme = scheme_of(url);
    if (scheme == "mailto") return true;
    return (scheme == "http" || scheme == "https") && url.compare(scheme.size(), 3, "://") == 0;
}

LinkTarget classify_link(const std::string& url, const std::string& from_file) {
    LinkTarget t;
    if (is_external_url(url)) {
        t.kind = LinkKind::External;
        return t;
    }
    if (std::string scheme = scheme_of(url); !scheme.empty()) {
        t.reason = "only http, https and mailto links leave the app, not '" + scheme + ":'";
        return t;
    }
    if (url.empty()) {
        t.reason = "the link has no target";
        return t;
    }
    std::string path = url, anchor;
    if (std::size_t hash = url.find('#'); hash != std::string::npos) {
        path = url.substr(0, hash);
        anchor = url.substr(hash + 1);
    }
    path = percent_decode(path);
    if (!path.empty() && (path[0] == '/' || path[0] == '\\')) {
        t.reason = "an absolute path: link to another course file by its path from this file (e.g. 02-next.md)";
        return t;
    }
    fs::path resolved = path.empty() ? fs::path(from_file) : fs::path(from_file).parent_path() / path;
    std::string normal = resolved.lexically_normal().generic_string();
    if (normal.empty() || normal == "." || normal.rfind("..", 0) == 0) {
        t.reason = "the path leads out of the course folder";
        return t;
    }
    t.kind = LinkKind::Page;
    t.file = normal;
    t.anchor = percent_decode(anchor);
    return t;
}

void resolve_page_links(Course& course) {
    std::map<std::string, std::string> page_of_file;
    std::map<std::string, std::vector<std::string>> headings_of_file;  // heading ids, in reading order
    auto key = [](const std::string& file) { return fs::path(file).lexically_normal().generic_string(); };
    for (const Chapter& ch : course.chapters) {
        page_of_file[key(ch.folder + "/chapter.md")] = ch.id;
        collect_heading_ids(ch.introduction, headings_of_file[key(ch.folder + "/chapter.md")]);
        for (const CourseItem& m : ch.modules) {
            page_of_file[key(m.file)] = m.id;
            collect_heading_ids(m.blocks, headings_of_file[key(m.file)]);
        }
        for (const CourseItem& h : ch.homework) {
            page_of_file[key(h.file)] = h.id;
            collect_heading_ids(h.blocks, headings_of_file[key(h.file)]);
        }
    }
    std::vector<Diagnostic> found;
    auto resolve = [&](std::vector<Block>& blocks, const std::string& file) {
        for_each_span(blocks, [&](Span& s) {
            if (s.link != LinkKind::Page) return;
            if (auto it = page_of_file.find(s.link_file); it != page_of_file.end()) {
                s.page = it->second;
                if (s.link_anchor.empty()) return;
                // The layout makes the clickable target from `page` alone (ui/markdown/link_opener.h): the heading
                // travels in it after a '#', which no page id holds (ids are letters, digits, '-', '_', '.').
                const std::vector<std::string>& ids = headings_of_file[s.link_file];
                if (std::string id = find_heading(ids, s.link_anchor); !id.empty())
                    s.page += "#" + id;
                else
                    found.push_back({file, s.line, Severity::Warning,
                                     "link to '" + s.url + "': no heading '#" + s.link_anchor + "' in " + s.link_file +
                                         " (" + heading_list(ids) +
                                         "); the link opens the page at its top. Write the heading's id: its text "
                                         "in lower case, spaces as '-', punctuation left out"});
                return;
            }
            std::error_code ec;
            if (fs::exists(fs::path(course.root) / s.link_file, ec))
                found.push_back({file, s.line, Severity::Warning,
                                 "link to '" + s.url + "': " + s.link_file +
                                     " is not a page of the course (not listed in a chapter.md), so it opens nothing"});
            else
                found.push_back({file, s.line, Severity::Error,
                                 "link to '" + s.url + "': no such file in the course (" + s.link_file + ")"});
        });
    };
    for (Chapter& ch : course.chapters) {
        resolve(ch.introduction, key(ch.folder + "/chapter.md"));
        for (CourseItem& m : ch.modules) resolve(m.blocks, m.file);
        for (CourseItem& h : ch.homework) resolve(h.blocks, h.file);
    }
    course.diagnostics.insert(course.diagnostics.end(), found.begin(), found.end());
}

}  // namespace gw
