#pragma once
// HTTP to a Learning Record Store's statements resource (xAPI 1.0.3 part three, 2.1), through libcurl, which is in
// groundwork-lrs.so (lrs_module.h), loaded by the first request. Blocking: call it from the sender's thread or a
// command-line verb, never from the UI thread. When the module cannot be loaded, a request gets status 0 and a
// transport_error naming the file.
#include <string>
#include <vector>

namespace gw::xapi {

struct LrsEndpoint {
    std::string url;     // the LRS endpoint, e.g. "https://lrs.example.com/xapi/" ("statements" is appended)
    std::string key;     // basic auth user (the LRS's client key)
    std::string secret;  // basic auth password; never logged
    long timeout_ms = 30000;
};

// What the LRS answered. `status` is the HTTP status, 0 when no answer came (then `transport_error` says why:
// refused, timed out, TLS...). `retry_after_s` is Retry-After in seconds when the LRS sent it (429, 503), else -1.
struct LrsResponse {
    long status = 0;
    std::string body;
    std::string transport_error;
    long retry_after_s = -1;
    bool ok() const { return status == 200 || status == 204; }
};

// POSTs statements (each a JSON text, as the outbox keeps them) as one JSON array, with
// X-Experience-API-Version: 1.0.3 and basic auth.
LrsResponse post_statements(const LrsEndpoint& lrs, const std::vector<std::string>& statements);

// GETs statements. `query` is the query string without '?', e.g. "since=2026-11-01T00:00:00Z&limit=500"; `more` is
// a StatementResult's "more" IRL (absolute, or relative to the LRS's host as the spec allows), used instead of the
// query when not empty.
LrsResponse get_statements(const LrsEndpoint& lrs, const std::string& query, const std::string& more = "");

// `value` percent-encoded for a query string (a timestamp's '+' and ':' reach the LRS as written); unchanged when
// the LRS module cannot be loaded (the request then fails and says why).
std::string lrs_query_escape(const std::string& value);

// "statements" appended to the endpoint with exactly one '/' between.
std::string statements_url(const std::string& endpoint);
// Resolves a "more" IRL against the endpoint: an absolute URL stays, "/xapi/statements?..." takes the endpoint's
// scheme and host.
std::string resolve_more_url(const std::string& endpoint, const std::string& more);

}  // namespace gw::xapi
