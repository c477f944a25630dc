#pragma once
// `groundwork export` and `groundwork import`: how a learner moves their work to a new machine.
#include <iosfwd>
#include <string>

namespace gw {

// Writes the whole profile as JSON to `out`. Exit code: 0, or 1 when there is no such profile or it is unreadable.
int run_export(const std::string& data_dir, const std::string& profile, std::ostream& out, std::ostream& err);

// Validates FILE completely first; a bad file changes nothing. The profile it replaces stays in the backups.
int run_import(const std::string& file, const std::string& data_dir, const std::string& profile, std::ostream& out,
               std::ostream& err);

}  // namespace gw
