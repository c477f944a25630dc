#pragma once
// `groundwork lrs ...`: where a learner's records go (issue 12). Exit codes as the rest of the command line:
// 0 ok, 1 the LRS or the disk refused, 2 usage.
#include <iosfwd>
#include <string>

namespace gw {

struct LrsSetOptions {
    std::string data_dir;  // "" = the default data folder
    std::string profile = "default";
    std::string endpoint;
    std::string key;
    std::string sharing = "progress";  // "progress" or "writing"
    std::string display_name, mbox, home_page;
    bool verify = true;  // ask the LRS once whether the key and secret work
};

// `lrs set URL --user KEY`: the secret comes from GROUNDWORK_LRS_SECRET or the first line of `in` (never the
// command line, where other users and the shell's history would see it). Saves the settings and the secret, then,
// with `verify`, reads one statement from the LRS to say whether the key works.
int run_lrs_set(const LrsSetOptions& options, std::istream& in, std::ostream& out, std::ostream& err);
// `lrs status`: endpoint, key, where the secret is kept, what is shared, queued / sent / failed counts.
int run_lrs_status(const std::string& data_dir, const std::string& profile, std::ostream& out, std::ostream& err);
// `lrs send`: sends what is waiting now, in order; 0 when the outbox is empty afterwards.
int run_lrs_send(const std::string& data_dir, const std::string& profile, std::ostream& out, std::ostream& err);
// `lrs off`: forgets the settings and the secret; what is waiting stays for when sending is turned on again.
int run_lrs_off(const std::string& data_dir, const std::string& profile, std::ostream& out, std::ostream& err);

}  // namespace gw
