#pragma once
// `groundwork export` and `groundwork import`: how a learner moves their work to a new machine.
#include <iosfwd>
#include <string>

namespace gw {

// Writes the whole profile as JSON to `out`. Exit code: 0, or 1 when there is no such profile or it is unreadable.
int run_export(const std::string& data_dir, const std::string& profile, std::ostream& out, std::ostream& err);

struct ExportOptions {
    std::string data_dir;  // empty = the default data folder
    std::string profile = "default";
    std::string format = "json";  // json, md or csv
    std::string out_dir;          // json: optional (empty = `out`); md and csv: required
    std::string content_dir;      // the course whose artifact declarations and titles the md/csv files use
};

// `groundwork export [--format json|md|csv] [--out DIR]`. json without a folder is run_export above; otherwise
// files go into out_dir (created) and each written path is printed on its own line to `out`. Exit code 0, or 1
// when the profile is missing/unreadable, md/csv has no folder, or the folder cannot be written.
int run_export(const ExportOptions& options, std::ostream& out, std::ostream& err);

// Validates FILE completely first; a bad file changes nothing. The profile it replaces stays in the backups.
int run_import(const std::string& file, const std::string& data_dir, const std::string& profile, std::ostream& out,
               std::ostream& err);

}  // namespace gw
