#include "runtime/xapi/lrs_client.h"

#include "runtime/platform/optional_module.h"
#include "runtime/xapi/lrs_module.h"

namespace gw::xapi {

const LrsModule* lrs_module(std::string* error) {
    const LrsModule* module = optional_module<LrsModule>("lrs", error);
    if (!module && error) *error = "LRS connections are not available: " + *error;
    return module;
}

std::string lrs_query_escape(const std::string& value) {
    std::string ignored;  // without the module nothing reaches the LRS either, and that request says why
    const LrsModule* module = lrs_module(&ignored);
    return module ? module->query_escape(value) : value;
}

namespace {

LrsResponse perform(const LrsEndpoint& lrs, const std::string& url, const std::string* post_body) {
    std::string error;
    const LrsModule* module = lrs_module(&error);
    if (!module) {
        LrsResponse r;
        r.transport_error = error;  // status 0: the sender keeps the statements and shows this
        return r;
    }
    return module->perform(lrs, url, post_body);
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
