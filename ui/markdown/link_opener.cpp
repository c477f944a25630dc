#include "ui/markdown/link_opener.h"

#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>

#include <thread>
#include <utility>

#include "runtime/markdown/link_target.h"

extern char** environ;

namespace gw::ui {

namespace {
constexpr const char kPagePrefix[] = "page:";
PageLink pending_page;  // UI thread only: set by a click, taken by the reader after the frame
PageLinkDescriber page_describer;  // UI thread only

PageLink parse_page_url(const std::string& url) {
    const std::string target = url.substr(sizeof(kPagePrefix) - 1);
    const std::size_t hash = target.find('#');  // never in a page id
    return {target.substr(0, hash), hash == std::string::npos ? std::string() : target.substr(hash + 1)};
}
}  // namespace

void set_page_link_describer(PageLinkDescriber describer) { page_describer = std::move(describer); }

std::string link_tooltip(const std::string& url) {
    if (url.rfind(kPagePrefix, 0) != 0) return url;
    const PageLink link = parse_page_url(url);
    std::string said = page_describer ? page_describer(link.page, link.heading) : std::string();
    return said.empty() ? "A page of this course" : said;
}

std::string page_link_url(const std::string& page) {
    return kPagePrefix + page;
}

bool is_openable_url(const std::string& url) {
    return is_external_url(url);
}

PageLink take_page_link() {
    return std::exchange(pending_page, PageLink());
}

bool open_url(const std::string& url) {
    if (url.rfind(kPagePrefix, 0) == 0) {
        pending_page = parse_page_url(url);
        return !pending_page.page.empty();
    }
    if (!is_openable_url(url)) return false;
    return desktop_open(url);
}

bool desktop_open(const std::string& target) {
    pid_t pid = 0;
    std::string arg = target;
    char* argv[] = {const_cast<char*>("xdg-open"), arg.data(), nullptr};
    // The app blocks its quit signals for its own watcher thread; the browser or file manager must not inherit
    // that mask.
    posix_spawnattr_t attr;
    posix_spawnattr_init(&attr);
    sigset_t none;
    sigemptyset(&none);
    posix_spawnattr_setsigmask(&attr, &none);
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGMASK);
    const int rc = posix_spawnp(&pid, "xdg-open", nullptr, &attr, argv, environ);
    posix_spawnattr_destroy(&attr);
    if (rc != 0) return false;
    std::thread([pid] { waitpid(pid, nullptr, 0); }).detach();  // reap it; xdg-open returns quickly, the UI never waits
    return true;
}

}  // namespace gw::ui
