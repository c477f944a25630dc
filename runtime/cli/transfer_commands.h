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
    std::string format = "json";  // json, md, csv or pdf
    std::string out_dir;          // json: optional (empty = `out`); md, csv and pdf: required
    std::string content_dir;      // the course whose artifact declarations and titles the md/csv/pdf files use
    // pdf only: instead of all the work in one file, this module's or homework's page with the learner's reflection
    // (`module_id`) and/or this artifact (`artifact_id`), each in a file of its own.
    std::string module_id;
    std::string artifact_id;
};

// `groundwork export [--format json|md|csv|pdf] [--out DIR] [--module ID] [--artifact ID]`. json without a folder
// is run_export above; otherwise files go into out_dir (created) and each written path is printed on its own line
// to `out`. pdf writes my-work.pdf (accounts, reflections, every artifact), or the module/artifact asked for.
// Exit code 0; 1 when the profile is missing/unreadable (a module page needs none), a format has no folder, or
// the folder cannot be written; 2 for --module/--artifact with another format, or an id the course or the
// profile does not have (the message names the ids there are).
int run_export(const ExportOptions& options, std::ostream& out, std::ostream& err);

// Validates FILE completely first; a bad file changes nothing. The profile it replaces stays in the backups.
int run_import(const std::string& file, const std::string& data_dir, const std::string& profile, std::ostream& out,
               std::ostream& err);

}  // namespace gw
