#pragma once
// The boundary between the xAPI code in the executable and groundwork-lrs.so (runtime/modules/lrs_module.cpp),
// which holds the only calls to libcurl (HTTP to the LRS: lrs_client) and libsecret (the desktop keyring:
// lrs_settings), loaded on first use (runtime/platform/optional_module.h). The executable keeps every rule (URLs,
// limits, where a secret falls back to); the module only talks to the two libraries.
#include <string>

#include "runtime/xapi/lrs_client.h"

namespace gw::xapi {

// What groundwork_module_lrs() returns. Every function is safe to call from any thread.
struct LrsModule {
    // One HTTP request: a POST of `*post_body` (application/json) when it is not null, else a GET of `url`, with
    // X-Experience-API-Version 1.0.3, basic auth from `lrs` when it has a key or secret, and lrs.timeout_ms.
    LrsResponse (*perform)(const LrsEndpoint& lrs, const std::string& url, const std::string* post_body);
    // RFC 3986 percent-encoding of a query value (curl_easy_escape).
    std::string (*query_escape)(const std::string& value);
    // The desktop keyring (libsecret's default collection), items keyed by profile and endpoint. store and lookup
    // return false when no keyring daemon answered, or (lookup) when no secret is kept.
    bool (*keyring_store)(const std::string& profile, const std::string& endpoint, const std::string& label,
                          const std::string& secret);
    bool (*keyring_lookup)(const std::string& profile, const std::string& endpoint, std::string* secret);
    void (*keyring_clear)(const std::string& profile, const std::string& endpoint);
};

// The loaded module, or nullptr with *error saying why ("LRS connections are not available: ..." and the file).
const LrsModule* lrs_module(std::string* error);

}  // namespace gw::xapi
