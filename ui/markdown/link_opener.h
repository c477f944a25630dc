#pragma once
#include <string>

namespace gw::ui {

// The url the layout gives an in-app link to page `id` (runtime LinkKind::Page): "page:" + id. Course links with
// a `page:` scheme are Refused at load and never get a clickable area, so only the layout makes these.
std::string page_link_url(const std::string& page_id);

// Follows a clicked link without blocking the UI. A page link (page_link_url) is queued for the reader, which
// opens it after the frame (take_page_link). A web or mail link (runtime is_external_url: http://, https://,
// mailto:) goes to the desktop through xdg-open. Anything else is refused and returns false: course content must
// not be able to run things on the learner's machine (PRODUCT.md, Guarantees).
bool open_url(const std::string& url);
bool is_openable_url(const std::string& url);

// The page id of the last page link clicked, once; "" when none. Called by the reader after each frame.
std::string take_page_link();

}  // namespace gw::ui
