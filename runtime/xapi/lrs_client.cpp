#include "runtime/xapi/lrs_client.h"

#include <curl/curl.h>

#include <cstdlib>
#include <mutex>

namespace gw::xapi {

namespace {

void init_curl_once() {
    // curl_global_init is not thread-safe in older libcurl; the sender thread and a verb may both get here.
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

size_t on_body(char* data, size_t size, size_t count, void* user) {
    auto* body = static_cast<std::string*>(user);
    // An LRS answer we keep is small; a hostile one must not fill memory.
    if (body->size() < 64u * 1024 * 1024) body->append(data, size * count);
    return size * count;
}

size_t on_header(char* data, size_t size, size_t count, void* user) {
    auto* retry_after = static_cast<long*>(user);
    const std::string line(data, size * count);
    const std::string name = "retry-after:";
    if (line.size() > name.size()) {
        std::string head = line.substr(0, name.size());
        for (char& c : head) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (head == name) {
            char* end = nullptr;
            const long secs = std::strtol(line.c_str() + name.size(), &end, 10);
            // Retry-After may also be an HTTP date; then a minute is a safe guess rather than hammering.
            *retry_after = (end && end != line.c_str() + name.size()) ? (secs < 0 ? 0 : secs) : 60;
        }
    }
    return size * count;
}

LrsResponse perform(const LrsEndpoint& lrs, const std::string& url, const std::string* post_body) {
    init_curl_once();
    LrsResponse r;
    CURL* curl = curl_easy_init();
    if (!curl) {
        r.transport_error = "libcurl could not start";
        return r;
    }
    curl_slist* headers = nullptr;
    headers = curl_slist_append(headers, "X-Experience-API-Version: 1.0.3");
    if (post_body) headers = curl_slist_append(headers, "Content-Type: application/json");
    char error_text[CURL_ERROR_SIZE] = {0};
    curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error_text);
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);  // no SIGALRM from a background thread
    curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, lrs.timeout_ms);
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, lrs.timeout_ms < 10000 ? lrs.timeout_ms : 10000L);
    curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &r.body);
    curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, on_header);
    curl_easy_setopt(curl, CURLOPT_HEADERDATA, &r.retry_after_s);
    if (!lrs.key.empty() || !lrs.secret.empty()) {
        curl_easy_setopt(curl, CURLOPT_HTTPAUTH, CURLAUTH_BASIC);
        curl_easy_setopt(curl, CURLOPT_USERNAME, lrs.key.c_str());
        curl_easy_setopt(curl, CURLOPT_PASSWORD, lrs.secret.c_str());
    }
    if (post_body) {
        curl_easy_setopt(curl, CURLOPT_POST, 1L);
        curl_easy_setopt(curl, CURLOPT_POSTFIELDS, post_body->data());
        curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(post_body->size()));
    }
    const CURLcode rc = curl_easy_perform(curl);
    if (rc == CURLE_OK) {
        curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &r.status);
    } else {
        r.status = 0;
        r.transport_error = error_text[0] ? error_text : curl_easy_strerror(rc);
    }
    curl_slist_free_all(headers);
    curl_easy_cleanup(curl);
    return r;
}

}  // namespace

std::string statements_url(const std::string& endpoint) {
    std::string url = endpoint;
    while (!url.empty() && url.back() == '/') url.pop_back();
    return url + "/statements";
}

std::string resolve_more_url(const std::string& endpoint, const std::string& more) {
    if (more.find("://") != std::string::npos) return more;
    const size_t scheme = endpoint.find("://");
    if (scheme == std::string::npos) return more;
    const size_t path = endpoint.find('/', scheme + 3);
    const std::string origin = path == std::string::npos ? endpoint : endpoint.substr(0, path);
    return origin + (more.empty() || more[0] != '/' ? "/" : "") + more;
}

LrsResponse post_statements(const LrsEndpoint& lrs, const std::vector<std::string>& statements) {
    std::string body = "[";
    for (size_t i = 0; i < statements.size(); ++i) {
        if (i) body += ',';
        body += statements[i];
    }
    body += ']';
    return perform(lrs, statements_url(lrs.url), &body);
}

LrsResponse get_statements(const LrsEndpoint& lrs, const std::string& query, const std::string& more) {
    const std::string url =
        more.empty() ? statements_url(lrs.url) + (query.empty() ? "" : "?" + query) : resolve_more_url(lrs.url, more);
    return perform(lrs, url, nullptr);
}

}  // namespace gw::xapi
