#pragma once
#include <functional>
#include <string>

namespace gw::ui {

// The url the layout gives an in-app link to `page` (runtime LinkKind::Page, Span::page): "page:" + page, where
// page is a page id, or "ID#HEADING-ID" for a link to a heading (runtime/markdown/link_target.h). Course links with
// a `page:` scheme are Refused at load and never get a clickable area, so only the layout makes these.
std::string page_link_url(const std::string& page);

// An in-app link that was clicked: the page to open and the id of the heading to scroll to ("" for the page's top).
struct PageLink {
    std::string page;
    std::string heading;
};

// Follows a clicked link without blocking the UI. A page link (page_link_url) is queued for the reader, which
// opens it after the frame (take_page_link). A web or mail link (runtime is_external_url: http://, https://,
// mailto:) goes to the desktop through xdg-open. Anything else is refused and returns false: course content must
// not be able to run things on the learner's machine (PRODUCT.md, Guarantees).
bool open_url(const std::string& url);
// Hands `target` (a checked url, or a folder of the learner's) to xdg-open without waiting for it. Callers check what
// they pass: this runs whatever the desktop associates with it. False when xdg-open cannot be started.
bool desktop_open(const std::string& target);
bool is_openable_url(const std::string& url);

// What a hovered link's tooltip says: a web or mail link's address as written; for a page link (page_link_url),
// what the describer set by the reader says of it ("The QBR, at The preparation..."), so the learner never sees the
// internal "page:" form. Without a describer, "A page of this course".
std::string link_tooltip(const std::string& url);
// Set by the reader when its course loads: page id and heading id ("" for the page's top) -> a short description.
using PageLinkDescriber = std::function<std::string(const std::string& page, const std::string& heading)>;
void set_page_link_describer(PageLinkDescriber describer);

// The last page link clicked, once; an empty page when none. Called by the reader after each frame.
PageLink take_page_link();

}  // namespace gw::ui
