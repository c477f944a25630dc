#pragma once
// `groundwork cohort`: the trainer's cohort report (issue 12), from an LRS or from a folder of learners' export
// files, printed as csv, md or json (runtime/xapi/cohort_report_format.h).
#include <nlohmann/json.hpp>

#include <iosfwd>
#include <string>
#include <vector>

#include "runtime/xapi/lrs_client.h"

namespace gw {

struct CohortOptions {
    std::string lrs_url;      // --lrs URL: the LRS endpoint ("statements" is appended)
    std::string user;         // --user KEY: basic auth user; the secret never comes from the command line
    std::string folder;       // DIR: a folder of `groundwork export` files, instead of --lrs
    std::string course_id;    // --course ID; "" = the id of the course in content_dir
    std::string since;        // --since DATE: "YYYY-MM-DD" (midnight UTC) or an ISO 8601 date-time
    std::string format = "csv";  // csv, md or json
    std::string content_dir;  // the course: default course id and IRI base, homework ids, health audit kinds
    int page_size = 500;      // statements asked for per page (limit=)
    int max_pages = 2000;     // page cap: a `more` chain longer than this stops with a message (exit 1)
    long timeout_ms = 30000;  // per request
};

// Every statement an LRS lists for `query` (the query string without '?'), following `more` to the end or to
// `max_pages` pages. `error` is empty on success; otherwise it names the LRS and what it answered (its status, or
// why nothing came back), and `statements` holds what was read before. `capped` is true when the page cap stopped
// it with more pages left.
struct StatementFetch {
    std::vector<nlohmann::json> statements;
    int pages = 0;
    bool capped = false;
    std::string error;
};
StatementFetch fetch_all_statements(const xapi::LrsEndpoint& lrs, const std::string& query, int max_pages);

// `groundwork cohort --lrs URL [--user KEY] ...` or `groundwork cohort DIR`. With --user the secret is read from
// the environment variable GROUNDWORK_LRS_SECRET, else the first line of `in`. The report goes to `out`; problems
// and notes, one per line, to `err`. Exit codes: 0 ok; 1 when the LRS or a file cannot be read (the report of the
// readable files is still printed; an LRS failure prints no report, since it would be silently partial); 2 usage
// (neither or both of --lrs and DIR, a --since that is not a date, an unknown format).
int run_cohort(const CohortOptions& options, std::istream& in, std::ostream& out, std::ostream& err);

}  // namespace gw
