#include "runtime/cli/lrs_command.h"

#include <cstdlib>
#include <istream>
#include <ostream>

#include "progress/outbox.h"
#include "runtime/cli/data_folder.h"
#include "runtime/cli/app_options.h"
#include "runtime/xapi/lrs_settings.h"
#include "runtime/xapi/statement_sender.h"

namespace gw {

namespace fs = std::filesystem;
using namespace gw::xapi;

namespace {

std::string read_secret(std::istream& in) {
    if (const char* env = std::getenv("GROUNDWORK_LRS_SECRET"); env && *env) return env;
    std::string line;
    std::getline(in, line);
    while (!line.empty() && (line.back() == '\r' || line.back() == '\n')) line.pop_back();
    return line;
}

// Loads settings and secret for sending; false (message written) when there is nothing to send to.
bool endpoint_for(const std::string& data_dir, const std::string& profile, const char* verb, LrsSettings* settings,
                  LrsEndpoint* endpoint, std::ostream& err) {
    std::string error;
    *settings = load_lrs_settings(data_folder_or_default(data_dir), profile, &error);
    if (!error.empty()) {
        err << "groundwork lrs " << verb << ": " << error << "\n";
        return false;
    }
    if (!settings->configured()) {
        err << "groundwork lrs " << verb << ": no LRS is set for profile \"" << profile
            << "\"; set one with: groundwork lrs set URL --user KEY\n";
        return false;
    }
    std::string where;
    *endpoint = LrsEndpoint{settings->endpoint, settings->key,
                            lookup_lrs_secret(data_folder_or_default(data_dir), profile, settings->endpoint, &where), 30000};
    return true;
}

}  // namespace

int run_lrs_set(const LrsSetOptions& o, std::istream& in, std::ostream& out, std::ostream& err) {
    const std::string problem = endpoint_problem(o.endpoint);
    if (!problem.empty()) {
        err << "groundwork lrs set: " << problem << "\n";
        return kExitUsage;
    }
    if (!o.mbox.empty() && o.mbox.rfind("mailto:", 0) != 0) {
        err << "groundwork lrs set: --mbox must be a mailto: IRI, e.g. mailto:ana@example.com\n";
        return kExitUsage;
    }
    const std::string secret = read_secret(in);
    if (secret.empty()) {
        err << "groundwork lrs set: no secret given: type it on standard input (e.g. from your password manager) or "
               "set GROUNDWORK_LRS_SECRET; it is never taken from the command line\n";
        return kExitUsage;
    }
    const fs::path data = data_folder_or_default(o.data_dir);
    std::string error;
    LrsSettings s = load_lrs_settings(data, o.profile, &error);  // keeps the actor's UUID across changes
    s.endpoint = o.endpoint;
    s.key = o.key;
    s.sharing = o.sharing == "writing" ? Sharing::ProgressAndWriting : Sharing::Progress;
    s.display_name = o.display_name;
    s.mbox = o.mbox;
    s.home_page = o.home_page;
    std::string where;
    if (!save_lrs_settings(data, o.profile, s, &error) ||
        !store_lrs_secret(data, o.profile, s.endpoint, secret, &where, &error)) {
        err << "groundwork lrs set: " << error << "\n";
        return kExitContentErrors;
    }
    out << "LRS set for profile \"" << o.profile << "\": " << s.endpoint << " as " << s.key << "\n"
        << "Secret kept in " << where << ".\n"
        << "Shared: " << (s.sharing == Sharing::ProgressAndWriting ? "progress and your writing (reflections, homework notes)"
                                                                     : "progress only (not your writing)")
        << ".\n";
    if (!o.verify) return kExitOk;
    const LrsResponse r = get_statements(LrsEndpoint{s.endpoint, s.key, secret, 15000}, "limit=1");
    if (r.status == 200) {
        out << "The LRS accepted the key.\n";
        return kExitOk;
    }
    err << "groundwork lrs set: saved, but the LRS did not accept a test read: "
        << (r.status == 0 ? "no answer (" + r.transport_error + ")" : "HTTP " + std::to_string(r.status))
        << (r.status == 401 || r.status == 403 ? " - check the key and secret" : "")
        << (r.status == 404 ? " - is this the LRS's xAPI endpoint?" : "") << "\n";
    return kExitContentErrors;
}

int run_lrs_status(const std::string& data_dir, const std::string& profile, std::ostream& out, std::ostream& err) {
    const fs::path data = data_folder_or_default(data_dir);
    std::string error;
    const LrsSettings s = load_lrs_settings(data, profile, &error);
    if (!error.empty()) err << "groundwork lrs status: " << error << "\n";
    std::error_code ec;
    const fs::path outbox_file = Outbox::path_for(data, profile);
    OutboxCounts counts;
    if (fs::exists(outbox_file, ec)) counts = Outbox(outbox_file).counts();
    if (!s.configured()) {
        out << "No LRS is set for profile \"" << profile << "\": nothing is recorded or sent.\n";
    } else {
        std::string where;
        const bool has_secret = !lookup_lrs_secret(data, profile, s.endpoint, &where).empty();
        out << "LRS:      " << s.endpoint << "\n"
            << "Key:      " << s.key << "\n"
            << "Secret:   " << (has_secret ? "kept in " + where : "missing: run groundwork lrs set again") << "\n"
            << "Shared:   " << (s.sharing == Sharing::ProgressAndWriting ? "progress and writing" : "progress only")
            << "\n"
            << "You are:  " << (s.mbox.empty() ? s.account_home_page() + " account " + s.actor_uuid : s.mbox) << "\n";
    }
    out << "Queued:   " << counts.queued << "\n"
        << "Sent:     " << counts.sent << "\n"
        << "Failed:   " << counts.failed;
    if (counts.failed) out << " (kept in " << Outbox(outbox_file).failed_file().string() << ")";
    out << "\n";
    return error.empty() ? kExitOk : kExitContentErrors;
}

int run_lrs_send(const std::string& data_dir, const std::string& profile, std::ostream& out, std::ostream& err) {
    LrsSettings s;
    LrsEndpoint endpoint;
    if (!endpoint_for(data_dir, profile, "send", &s, &endpoint, err)) return kExitContentErrors;
    std::string error;
    Outbox outbox(Outbox::path_for(data_folder_or_default(data_dir), profile), &error);
    if (!error.empty()) {
        err << "groundwork lrs send: " << error << "\n";
        return kExitContentErrors;
    }
    size_t one_by_one = 0, sent = 0, refused = 0;
    for (;;) {
        const StepOutcome o = send_step(outbox, endpoint, one_by_one ? 1 : 50);
        switch (o.step) {
            case SendStep::Empty:
                out << "Sent " << sent << (sent == 1 ? " statement" : " statements");
                if (refused) out << "; " << refused << " refused by the LRS (see groundwork lrs status)";
                out << ".\n";
                return refused ? kExitContentErrors : kExitOk;
            case SendStep::Sent:
                sent += o.statements;
                if (one_by_one) --one_by_one;
                break;
            case SendStep::Refused:
                ++refused;
                if (one_by_one) --one_by_one;
                break;
            case SendStep::Split: one_by_one = o.statements; break;
            default:
                err << "groundwork lrs send: sent " << sent << ", stopped: " << o.message << "; "
                    << outbox.counts().queued << " still waiting\n";
                return kExitContentErrors;
        }
    }
}

int run_lrs_off(const std::string& data_dir, const std::string& profile, std::ostream& out, std::ostream& err) {
    std::string error;
    if (!forget_lrs_settings(data_folder_or_default(data_dir), profile, &error)) {
        err << "groundwork lrs off: " << error << "\n";
        return kExitContentErrors;
    }
    out << "Recording and sending are off for profile \"" << profile
        << "\". Statements already waiting are kept and go out if you set an LRS again.\n";
    return kExitOk;
}

}  // namespace gw
