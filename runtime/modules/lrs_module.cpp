// groundwork-lrs.so: the LRS's libcurl and libsecret calls (see runtime/xapi/lrs_module.h).
#include <curl/curl.h>
#include <libsecret/secret.h>

#include <cctype>
#include <cstdlib>
#include <mutex>

#include "runtime/xapi/lrs_module.h"

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

LrsResponse lrs_perform(const LrsEndpoint& lrs, const std::string& url, const std::string* post_body) {
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

std::string lrs_escape(const std::string& value) {
    char* escaped = curl_easy_escape(nullptr, value.c_str(), static_cast<int>(value.size()));
    std::string out = escaped ? escaped : "";
    curl_free(escaped);
    return out;
}

const SecretSchema* lrs_schema() {
    static const SecretSchema s = {"dev.groundwork.LrsSecret",
                                   SECRET_SCHEMA_NONE,
                                   {{"profile", SECRET_SCHEMA_ATTRIBUTE_STRING},
                                    {"endpoint", SECRET_SCHEMA_ATTRIBUTE_STRING},
                                    {nullptr, SECRET_SCHEMA_ATTRIBUTE_STRING}},
                                   0, nullptr, nullptr, nullptr, nullptr, nullptr, nullptr, nullptr};
    return &s;
}

bool lrs_keyring_store(const std::string& profile, const std::string& endpoint, const std::string& label,
                       const std::string& secret) {
    GError* gerror = nullptr;
    const gboolean ok = secret_password_store_sync(lrs_schema(), SECRET_COLLECTION_DEFAULT, label.c_str(),
                                                   secret.c_str(), nullptr, &gerror, "profile", profile.c_str(),
                                                   "endpoint", endpoint.c_str(), nullptr);
    if (gerror) g_error_free(gerror);
    return ok;
}

bool lrs_keyring_lookup(const std::string& profile, const std::string& endpoint, std::string* secret) {
    GError* gerror = nullptr;
    gchar* found = secret_password_lookup_sync(lrs_schema(), nullptr, &gerror, "profile", profile.c_str(), "endpoint",
                                               endpoint.c_str(), nullptr);
    if (gerror) g_error_free(gerror);
    if (!found) return false;
    *secret = found;
    secret_password_free(found);
    return true;
}

void lrs_keyring_clear(const std::string& profile, const std::string& endpoint) {
    secret_password_clear_sync(lrs_schema(), nullptr, nullptr, "profile", profile.c_str(), "endpoint",
                               endpoint.c_str(), nullptr);
}

}  // namespace

}  // namespace gw::xapi

// The module's one entry point (runtime/platform/optional_module.h).
extern "C" __attribute__((visibility("default"))) const void* groundwork_module_lrs() {
    using namespace gw::xapi;
    static const LrsModule table{&lrs_perform, &lrs_escape, &lrs_keyring_store, &lrs_keyring_lookup,
                                 &lrs_keyring_clear};
    return &table;
}
