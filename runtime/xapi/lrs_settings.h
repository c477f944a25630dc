#pragma once
// Where a learner's records go: the LRS endpoint, the key, what they chose to share, and who they are to the LRS.
// Kept per profile in <data>/profiles/<profile>.lrs.json (mode 0600). The secret is never in that file: it lives in
// the desktop keyring (libsecret) where one runs, else in <data>/profiles/<profile>.lrs-secret (mode 0600), and is never written
// to exports, logs or screenshots.
#include <filesystem>
#include <string>

namespace gw::xapi {

// What the learner chose to send. Progress: opened, done, undone, chapter progress, artifact statuses. Writing adds
// the text of reflections and homework notes (verb answered).
enum class Sharing { Progress, ProgressAndWriting };

struct LrsSettings {
    std::string endpoint;       // "https://lrs.example.com/xapi/"; "" = no LRS, nothing is recorded or sent
    std::string key;            // basic auth user
    Sharing sharing = Sharing::Progress;
    std::string actor_uuid;     // made once (random v4) when the settings are first saved; never changes
    std::string home_page;      // the account's homePage; "" = the endpoint's scheme and host
    std::string display_name;   // optional name shown in the trainer's report
    std::string mbox;           // optional "mailto:", only when the organisation identifies learners by email

    bool configured() const { return !endpoint.empty(); }
    std::string account_home_page() const;  // home_page, or the endpoint's origin
};

// Reads the settings; a missing file is "not configured" (no error). A file that is not valid JSON or has a wrong
// field gives `error` naming the file and what is wrong, and returns not configured: nothing is sent on a guess.
LrsSettings load_lrs_settings(const std::filesystem::path& data_dir, const std::string& profile, std::string* error);
// Writes them atomically with mode 0600, giving them an actor_uuid first when they have none.
bool save_lrs_settings(const std::filesystem::path& data_dir, const std::string& profile, LrsSettings& settings,
                       std::string* error);
// Removes the settings and the stored secret; the outbox stays (turning sending on again sends it).
bool forget_lrs_settings(const std::filesystem::path& data_dir, const std::string& profile, std::string* error);

// "" or the problem with an endpoint URL: it must be http:// or https:// with a host.
std::string endpoint_problem(const std::string& url);

// The secret for the profile's LRS key. `where` says where it was kept: "the desktop keyring" or the file's path.
// The keyring is used only when a session bus is running (DBUS_SESSION_BUS_ADDRESS set), so a headless machine never
// waits on it; GROUNDWORK_NO_KEYRING=1 turns it off (tests).
bool store_lrs_secret(const std::filesystem::path& data_dir, const std::string& profile, const std::string& endpoint,
                      const std::string& secret, std::string* where, std::string* error);
// The stored secret, "" when none is kept.
std::string lookup_lrs_secret(const std::filesystem::path& data_dir, const std::string& profile,
                              const std::string& endpoint, std::string* where);

}  // namespace gw::xapi
