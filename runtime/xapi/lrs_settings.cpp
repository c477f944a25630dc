#include "runtime/xapi/lrs_settings.h"

#include <cstdlib>
#include <nlohmann/json.hpp>

#include "progress/atomic_file.h"
#include "runtime/xapi/lrs_module.h"
#include "runtime/xapi/statement.h"

namespace gw::xapi {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

fs::path settings_file(const fs::path& data_dir, const std::string& profile) {
    return data_dir / "profiles" / (profile + ".lrs.json");
}
fs::path secret_file(const fs::path& data_dir, const std::string& profile) {
    return data_dir / "profiles" / (profile + ".lrs-secret");
}

// The keyring's half of the LRS module when a keyring may answer, else nullptr (the file is used). A module that
// cannot be loaded counts as no keyring.
const LrsModule* keyring() {
    const char* off = std::getenv("GROUNDWORK_NO_KEYRING");
    if (off && *off && std::string(off) != "0") return nullptr;
    const char* bus = std::getenv("DBUS_SESSION_BUS_ADDRESS");
    if (!bus || !*bus) return nullptr;
    std::string ignored;
    return lrs_module(&ignored);
}

std::string origin_of(const std::string& url) {
    const size_t scheme = url.find("://");
    if (scheme == std::string::npos) return url;
    const size_t path = url.find('/', scheme + 3);
    return path == std::string::npos ? url : url.substr(0, path);
}

}  // namespace

std::string LrsSettings::account_home_page() const { return home_page.empty() ? origin_of(endpoint) : home_page; }

std::string endpoint_problem(const std::string& url) {
    const bool http = url.rfind("http://", 0) == 0, https = url.rfind("https://", 0) == 0;
    if (!http && !https) return "the LRS endpoint must start with https:// (or http:// on a local network): '" + url + "'";
    const std::string rest = url.substr(http ? 7 : 8);
    if (rest.empty() || rest[0] == '/') return "the LRS endpoint has no host: '" + url + "'";
    if (url.find_first_of(" \t\r\n") != std::string::npos) return "the LRS endpoint holds a space: '" + url + "'";
    return {};
}

LrsSettings load_lrs_settings(const fs::path& data_dir, const std::string& profile, std::string* error) {
    LrsSettings s;
    const fs::path file = settings_file(data_dir, profile);
    std::error_code ec;
    if (!fs::exists(file, ec)) return s;
    std::string text, read_error;
    if (!read_file(file, &text, &read_error)) {
        if (error) *error = read_error;
        return s;
    }
    const json j = json::parse(text, nullptr, false);
    auto bad = [&](const std::string& why) {
        if (error) *error = file.string() + ": " + why + "; nothing is sent until `groundwork lrs set` is run again";
        return LrsSettings{};
    };
    if (!j.is_object()) return bad("not a JSON object");
    for (const char* key : {"endpoint", "key", "sharing", "actor_uuid", "home_page", "display_name", "mbox"})
        if (j.contains(key) && !j[key].is_string()) return bad(std::string("'") + key + "' must be a string");
    s.endpoint = j.value("endpoint", "");
    s.key = j.value("key", "");
    const std::string sharing = j.value("sharing", "progress");
    if (sharing != "progress" && sharing != "writing") return bad("'sharing' must be \"progress\" or \"writing\"");
    s.sharing = sharing == "writing" ? Sharing::ProgressAndWriting : Sharing::Progress;
    s.actor_uuid = j.value("actor_uuid", "");
    s.home_page = j.value("home_page", "");
    s.display_name = j.value("display_name", "");
    s.mbox = j.value("mbox", "");
    if (!s.endpoint.empty()) {
        const std::string problem = endpoint_problem(s.endpoint);
        if (!problem.empty()) return bad(problem);
        if (s.actor_uuid.empty()) return bad("'actor_uuid' is missing");
    }
    return s;
}

bool save_lrs_settings(const fs::path& data_dir, const std::string& profile, LrsSettings& s, std::string* error) {
    if (s.actor_uuid.empty()) s.actor_uuid = random_statement_id();
    const json j{{"endpoint", s.endpoint},
                 {"key", s.key},
                 {"sharing", s.sharing == Sharing::ProgressAndWriting ? "writing" : "progress"},
                 {"actor_uuid", s.actor_uuid},
                 {"home_page", s.home_page},
                 {"display_name", s.display_name},
                 {"mbox", s.mbox}};
    std::error_code ec;
    fs::create_directories(data_dir / "profiles", ec);
    return write_file_atomic(settings_file(data_dir, profile), j.dump(2, ' ', false, json::error_handler_t::replace) + "\n", error);
}

bool forget_lrs_settings(const fs::path& data_dir, const std::string& profile, std::string* error) {
    std::string ignored;
    const LrsSettings s = load_lrs_settings(data_dir, profile, &ignored);
    if (const LrsModule* k = keyring(); k && !s.endpoint.empty()) k->keyring_clear(profile, s.endpoint);
    std::error_code ec;
    fs::remove(secret_file(data_dir, profile), ec);
    fs::remove(settings_file(data_dir, profile), ec);
    if (ec && error) *error = ec.message();
    return !ec;
}

bool store_lrs_secret(const fs::path& data_dir, const std::string& profile, const std::string& endpoint,
                      const std::string& secret, std::string* where, std::string* error) {
    if (const LrsModule* k = keyring()) {
        if (k->keyring_store(profile, endpoint, "Groundwork LRS secret (" + profile + ")", secret)) {
            std::error_code ec;
            fs::remove(secret_file(data_dir, profile), ec);  // one place only
            if (where) *where = "the desktop keyring";
            return true;
        }
        // No keyring daemon answering: the file below, which the status says.
    }
    std::error_code ec;
    fs::create_directories(data_dir / "profiles", ec);
    if (!write_file_atomic(secret_file(data_dir, profile), secret, error)) return false;
    if (where) *where = secret_file(data_dir, profile).string();
    return true;
}

std::string lookup_lrs_secret(const fs::path& data_dir, const std::string& profile, const std::string& endpoint,
                              std::string* where) {
    if (const LrsModule* k = keyring()) {
        if (std::string secret; k->keyring_lookup(profile, endpoint, &secret)) {
            if (where) *where = "the desktop keyring";
            return secret;
        }
    }
    std::string secret, ignored;
    if (read_file(secret_file(data_dir, profile), &secret, &ignored)) {
        if (where) *where = secret_file(data_dir, profile).string();
        return secret;
    }
    if (where) *where = "";
    return {};
}

}  // namespace gw::xapi
