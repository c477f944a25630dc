#pragma once
// What a link in course Markdown points at, decided once at load. Only http, https and mailto links leave the
// app (PRODUCT.md, Guarantees: "A course never runs anything"); links to other course files open that page.
#include <string>
#include <vector>

#include "runtime/text/diagnostics.h"
#include "runtime/markdown/document.h"

namespace gw {

struct Course;

struct LinkTarget {
    LinkKind kind = LinkKind::Refused;
    std::string file;    // Page: the target file relative to the course root, lexically normal ("ch19/m2.md")
    std::string anchor;  // Page: the fragment without '#', if any
    std::string reason;  // Refused: why, for check ("the scheme 'javascript:' ...")
};

// True for the targets that may be handed to the desktop (xdg-open): `http://`, `https://` and `mailto:`,
// scheme compared case-insensitively (RFC 3986, 3.1). The one test both the loader and ui/markdown/link_opener use.
bool is_external_url(const std::string& url);

// Classifies `url` as written in `from_file` (a path relative to the course root, e.g. "ch19/01-intro.md").
// External for is_external_url; Refused for any other scheme (RFC 3986 `ALPHA *(ALPHA / DIGIT / + / - / .) ":"`),
// for absolute paths and for paths that climb out of the course folder; otherwise Page: the path resolved against
// from_file's folder, percent-decoded, with any `#anchor` split off ("#anchor" alone is the same file).
LinkTarget classify_link(const std::string& url, const std::string& from_file);

// Gives every Page link of the course the id of the page its file holds (a module, homework or chapter.md), and
// reports into course.diagnostics: an error at the link's line when the file does not exist, a warning when it
// exists but is not a page of the course. A link with an `#anchor` that names a heading of that page (its id, see
// runtime/markdown/heading_slug.h, or text whose slug is that id) gets "PAGE#HEADING-ID" in Span::page; an anchor
// that names none is a warning at the link's line listing the page's heading ids, and the link opens the page's
// top. Runs once after loading; needs course.root to look files up.
void resolve_page_links(Course& course);

}  // namespace gw
