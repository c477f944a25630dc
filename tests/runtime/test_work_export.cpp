// Exports that carry everything (issue 10): the accounts as a CSV table with their currency, and the learner's
// reflections and homework notes as Markdown, with the CSV-injection and Markdown escaping every export keeps.
#include <doctest/doctest.h>

#include <filesystem>
#include <sstream>

#include "progress/profile_migration.h"
#include "../progress/temp_dir.h"
#include "progress/profile_store.h"
#include "runtime/artifacts/artifact_export.h"
#include "runtime/cli/transfer_commands.h"
#include "runtime/course/course_loader.h"

using namespace gw;
namespace fs = std::filesystem;

namespace {

const std::string kBom = "\xEF\xBB\xBF";

const Course& shipped() {
    static const Course course = load_course(GROUNDWORK_SHIPPED_CONTENT);
    return course;
}

Profile sample() {
    Profile p;
    p.currency = "EUR";
    Account& n = p.add_account("Northwind", 1);
    n.current_value = 1250000;
    n.potential_value = 2000000.5;
    n.tier = 1;
    n.notes = "Renewal in March, \"big\" one";
    Account& c = p.add_account("=HYPERLINK(\"http://x\")", 2);  // a name a spreadsheet would run
    c.current_value = 300000;
    c.has_potential_value = false;
    c.notes = "-2+3";
    Reflection& r = p.work_in(kShippedCourseId).edit_reflection("account-mapping", "Account Mapping", 10);
    r.text = "# Not a heading\nOnly one strong contact at Contoso: [single](http://evil) threaded.";
    p.work_in(kShippedCourseId).set_done("account-mapping", true, 20);
    p.work_in(kShippedCourseId).edit_reflection("gone-module", "A module the trainer removed", 30).text = "Still mine.";
    p.work_in(kShippedCourseId).edit_reflection("qbr", "QBR", 40).text = "   ";  // blank: nothing to export
    return p;
}

}  // namespace

TEST_CASE("accounts CSV: every account with annual value, potential, gap, tier, notes and the currency") {
    const std::string csv = accounts_csv(sample());
    CHECK(csv == kBom +
                     "Account,Annual value,Potential,Gap,Tier,Notes,Currency\r\n"
                     "Northwind,1250000,2000000.50,750000.50,1 Strategic,\"Renewal in March, \"\"big\"\" one\",EUR\r\n"
                     "\"'=HYPERLINK(\"\"http://x\"\")\",300000,,,,'-2+3,EUR\r\n");
}

TEST_CASE("accounts CSV: no accounts is a header only") {
    CHECK(accounts_csv(Profile{}) == kBom + "Account,Annual value,Potential,Gap,Tier,Notes,Currency\r\n");
}

TEST_CASE("work Markdown: accounts in the learner's currency, then each reflection under its module, escaped") {
    const std::string md = work_markdown(sample(), shipped());
    CHECK(md.find("Amounts in EUR.") != std::string::npos);
    CHECK(md.find("1.250.000\xC2\xA0\xE2\x82\xAC") != std::string::npos);  // as the currency writes it
    CHECK(md.find("| \xE2\x80\x94 |") != std::string::npos);               // an empty potential and gap: —, not 0
    CHECK(md.find("## Module 2: ") != std::string::npos);
    CHECK(md.find("_Done._") != std::string::npos);
    CHECK(md.find("Only one strong contact at Contoso") != std::string::npos);
    CHECK(md.find("\n# Not a heading") == std::string::npos);  // learner text stays text
    CHECK(md.find("[single](http://evil)") == std::string::npos);
    CHECK(md.find("A module the trainer removed (no longer in the course)") != std::string::npos);
    CHECK(md.find("Still mine.") != std::string::npos);
    CHECK(md.find("## Module 4") == std::string::npos);  // a blank reflection, not done: nothing to show
}

TEST_CASE("the binary's export writes my-work.md and accounts.csv beside the artifacts") {
    test::TempDir dir;
    {
        ProfileStore store(dir.path(), "anna");
        Profile ignored;
        store.open(&ignored);
        store.save(sample());
        REQUIRE(store.flush());
    }
    for (const char* format : {"md", "csv"}) {
        ExportOptions o;
        o.data_dir = dir.path().string();
        o.profile = "anna";
        o.format = format;
        o.out_dir = (dir / format).string();
        o.content_dir = GROUNDWORK_SHIPPED_CONTENT;
        std::ostringstream out, err;
        CHECK(run_export(o, out, err) == 0);
        const fs::path file = dir / format / (std::string(format) == "md" ? kWorkMarkdownName : kAccountsCsvName);
        CHECK(out.str().find(file.string()) != std::string::npos);
        REQUIRE(fs::exists(file));
        CHECK(test::slurp(file).find("Northwind") != std::string::npos);
        CHECK(err.str().find("only") != std::string::npos);  // no artifacts: says what it did write
    }
}
