#include "runtime/cli/cohort_command.h"

#include <unistd.h>

#include <cstdlib>
#include <iostream>
#include <set>

#include "runtime/cli/app_options.h"
#include "runtime/course/course_loader.h"
#include "runtime/xapi/cohort_report.h"
#include "runtime/xapi/cohort_report_files.h"
#include "runtime/xapi/cohort_report_format.h"
#include "runtime/xapi/lrs_client.h"

namespace gw {

namespace {

using nlohmann::json;

std::string lrs_failure(const xapi::LrsEndpoint& lrs, const xapi::LrsResponse& r) {
    const std::string where = "the LRS at " + lrs.url;
    if (r.status == 0) return "could not reach " + where + ": " + r.transport_error;
    std::string text = where + " answered HTTP " + std::to_string(r.status);
    if (r.status == 401 || r.status == 403)
        return text + " (" + (r.status == 401 ? "not authorised" : "forbidden") +
               "): check --user and the secret (GROUNDWORK_LRS_SECRET or standard input)";
    const json body = json::parse(r.body, nullptr, false);
    if (body.is_object() && body.contains("error") && body["error"].is_string())
        text += ": " + body["error"].get<std::string>().substr(0, 200);
    return text;
}

}  // namespace

StatementFetch fetch_all_statements(const xapi::LrsEndpoint& lrs, const std::string& query, int max_pages) {
    StatementFetch f;
    std::string more;
    std::set<std::string> followed;  // an LRS that hands back a `more` it gave before would loop forever
    while (true) {
        if (f.pages >= max_pages) {
            f.capped = true;
            return f;
        }
        const xapi::LrsResponse r = xapi::get_statements(lrs, query, more);
        ++f.pages;
        if (r.status != 200) {
            f.error = lrs_failure(lrs, r);
            return f;
        }
        const json page = json::parse(r.body, nullptr, false);
        if (!page.is_object() || !page.contains("statements") || !page["statements"].is_array()) {
            f.error = "the LRS at " + lrs.url + " answered with something that is not an xAPI statement list "
                      "(a StatementResult with \"statements\")";
            return f;
        }
        for (const json& s : page["statements"]) f.statements.push_back(s);
        more = page.contains("more") && page["more"].is_string() ? page["more"].get<std::string>() : "";
        if (more.empty()) return f;
        if (!followed.insert(more).second) {
            f.error = "the LRS at " + lrs.url + " sent the same \"more\" link twice (" + more + "): stopped there";
            return f;
        }
    }
}

int run_cohort(const CohortOptions& options, std::istream& in, std::ostream& out, std::ostream& err) {
    const char* const who = "groundwork cohort: ";
    if (options.lrs_url.empty() == options.folder.empty()) {
        err << who << (options.lrs_url.empty() ? "say where to read from: --lrs URL, or a folder of export files"
                                               : "read from an LRS (--lrs) or from a folder, not both")
            << "\n";
        return kExitUsage;
    }
    const std::optional<xapi::CohortFormat> format = xapi::cohort_format_named(options.format);
    if (!format) {
        err << who << "--format must be csv, md or json, not \"" << options.format << "\"\n";
        return kExitUsage;
    }
    xapi::CohortFilter filter;
    if (!options.since.empty()) {
        filter.since = xapi::parse_timestamp(options.since);
        if (!filter.since) {
            err << who << "--since \"" << options.since
                << "\" is not a date: write YYYY-MM-DD or a date-time such as 2026-11-30T08:00:00Z\n";
            return kExitUsage;
        }
    }

    // The course tells homework from modules, which kinds are health audits, and the default course filter.
    Course course;
    if (!options.content_dir.empty()) course = load_course(options.content_dir);
    for (const ArtifactKind& kind : course.artifact_kinds)
        if (kind.dashboard) filter.health_kinds.insert(kind.id);
    filter.course_id = options.course_id.empty() ? course.id : options.course_id;
    if (!course.id.empty() && filter.course_id == course.id) {
        filter.iri_base = course.xapi_base.empty() ? xapi::kDefaultIriBase : course.xapi_base;
        if (filter.iri_base.back() != '/') filter.iri_base += '/';
    }

    xapi::CohortReport report;
    bool failed = false;
    if (!options.folder.empty()) {
        report = xapi::cohort_from_export_folder(options.folder, course, filter);
        failed = !report.problems.empty();
    } else {
        xapi::LrsEndpoint lrs{options.lrs_url, options.user, "", options.timeout_ms};
        if (!options.user.empty()) {
            if (const char* secret = std::getenv("GROUNDWORK_LRS_SECRET")) {
                lrs.secret = secret;
            } else {
                if (&in == &std::cin && isatty(STDIN_FILENO))
                    err << "Secret for " << options.user << " (then Enter; or set GROUNDWORK_LRS_SECRET): "
                        << std::flush;
                std::getline(in, lrs.secret);
                if (!lrs.secret.empty() && lrs.secret.back() == '\r') lrs.secret.pop_back();
            }
        }
        std::string query = "limit=" + std::to_string(options.page_size);
        if (filter.since) query += "&since=" + xapi::lrs_query_escape(xapi::iso8601_utc(*filter.since));
        const StatementFetch fetch = fetch_all_statements(lrs, query, options.max_pages);
        if (!fetch.error.empty()) {
            err << who << fetch.error << "\n";
            return kExitContentErrors;
        }
        report = xapi::cohort_from_statements(fetch.statements, filter);
        if (fetch.capped) {
            report.problems.push_back("stopped after " + std::to_string(fetch.pages) + " pages of statements (" +
                                      std::to_string(fetch.statements.size()) +
                                      " statements): the report leaves the rest out; narrow it with --since");
            failed = true;
        }
    }
    out << xapi::format_cohort_report(report, *format);
    for (const std::string& p : report.problems) err << who << p << "\n";
    for (const std::string& n : report.notes) err << who << n << "\n";
    return failed ? kExitContentErrors : kExitOk;
}

}  // namespace gw
