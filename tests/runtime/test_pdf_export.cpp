// PDF export (issue 10): the writer's layout (lines it put on which page, glyphs no font had), a module with its
// table, callout and list and the learner's reflection, an artifact with its table and amounts, and the CLI's
// `export --format pdf`. The text lines the writer reports are what it drew with pango (real text in the PDF,
// which cairo stores compressed as glyph ids: so the tests read the writer, not the file).
#include <doctest/doctest.h>

#include <sys/wait.h>

#include <algorithm>
#include <filesystem>
#include <set>
#include <sstream>

#include "../progress/temp_dir.h"
#include "progress/profile_migration.h"
#include "progress/profile_store.h"
#include "runtime/artifacts/artifact_export.h"
#include "runtime/cli/app_options.h"
#include "runtime/cli/transfer_commands.h"
#include "runtime/course/course_loader.h"
#include "runtime/export/pdf_export.h"
#include "runtime/export/pdf_writer.h"
#include "temp_course.h"

using namespace gw;
namespace fs = std::filesystem;

namespace {

Span text_span(const std::string& text, std::uint8_t style = kPlain) {
    Span s;
    s.text = text;
    s.style = style;
    return s;
}

// Every line's text, joined by newlines: what a reader would select on the pages.
std::string all_text(const PdfWriter& pdf) {
    std::string out;
    for (const PdfTextLine& l : pdf.lines()) out += l.text + "\n";
    return out;
}

// The same without the line breaks the layout made (a word may wrap anywhere in a narrow cell).
std::string run_together(const PdfWriter& pdf) {
    std::string out;
    for (const PdfTextLine& l : pdf.lines()) out += l.text;
    return out;
}

int unknown_glyphs(const PdfWriter& pdf) {
    int n = 0;
    for (const PdfTextLine& l : pdf.lines()) n += l.unknown_glyphs;
    return n;
}

// Every line lies inside the page's margins (the footer inside the bottom margin).
void check_inside_page(const PdfWriter& pdf) {
    const PdfPageSize page;
    for (const PdfTextLine& l : pdf.lines()) {
        CHECK(l.x >= page.margin - 0.5);
        CHECK(l.x + l.width <= page.width - page.margin + 0.5);
        CHECK(l.y >= page.margin - 0.5);
        CHECK(l.y < page.height);
        CHECK(l.page < pdf.page_count());
    }
}

bool is_pdf(const std::string& bytes) { return bytes.rfind("%PDF-", 0) == 0 && bytes.find("%%EOF") != std::string::npos; }

size_t index_of(const std::string& haystack, const std::string& needle) {
    const size_t at = haystack.find(needle);
    REQUIRE_MESSAGE(at != std::string::npos, "missing: " << needle << "\nin:\n" << haystack);
    return at;
}

const Course& shipped() {
    static const Course course = load_course(GROUNDWORK_SHIPPED_CONTENT);
    return course;
}

}  // namespace

TEST_CASE("PDF writer: styled text comes out as real text, accents and CJK included, in a real PDF") {
    PdfWriter pdf("Test", "Footer");
    pdf.title("Café Müller", "Überblick");
    pdf.paragraph({text_span("Plain, "), text_span("bold", kBold), text_span(", "), text_span("italic", kItalic),
                   text_span(", "), text_span("code()", kCode), text_span(" and 日本語のテキスト.")});
    std::string error;
    const std::string bytes = pdf.finish(&error);
    CHECK(error.empty());
    CHECK(is_pdf(bytes));
    const std::string text = all_text(pdf);
    CHECK(text.find("Café Müller") != std::string::npos);
    CHECK(text.find("Überblick") != std::string::npos);
    CHECK(text.find("Plain, bold, italic, code() and 日本語のテキスト.") != std::string::npos);
    CHECK(unknown_glyphs(pdf) == 0);  // fontconfig found a font for every character (WenQuanYi for CJK)
    CHECK(text.find("Footer") != std::string::npos);  // the footer with the page number
    CHECK(pdf.page_count() == 1);
    check_inside_page(pdf);
}

TEST_CASE("PDF writer: long content flows onto more pages, each numbered") {
    PdfWriter pdf("Long");
    const std::string sentence = "Every account deserves a plan that names the people, the value and the next step. ";
    std::string para;
    for (int i = 0; i < 8; ++i) para += sentence;
    for (int i = 0; i < 40; ++i) pdf.paragraph({text_span(std::to_string(i) + ". " + para)});
    std::string error;
    CHECK(is_pdf(pdf.finish(&error)));
    CHECK(pdf.page_count() >= 5);
    // Each page ends with its number in the footer (the last line the writer put on it).
    for (int page = 0; page < pdf.page_count(); ++page) {
        std::string last;
        for (const PdfTextLine& l : pdf.lines())
            if (l.page == page) last = l.text;
        CHECK(last == std::to_string(page + 1));
    }
    CHECK(all_text(pdf).find("39. Every account") != std::string::npos);
    check_inside_page(pdf);
}

TEST_CASE("PDF writer: invalid UTF-8, control bytes, endless words and huge tables lose nothing and stay on the page") {
    CHECK(pdf_safe_text(std::string("a\xff" "b\0c\r\nd", 8)) == "a\xEF\xBF\xBD" "b c\nd");

    PdfWriter pdf("Hostile \xc3");
    pdf.paragraph({text_span(std::string("bad \xc3\x28 bytes \xed\xa0\x80 and a NUL \0 here", 34))});
    const std::string word(6000, 'x');
    pdf.paragraph({text_span(word)});
    pdf.heading(2, {text_span(std::string(400, 'H'))});
    pdf.code(std::string(3000, 'c') + "\n\tindented");
    // 30 columns cannot fit side by side: each row becomes a list of "Header: value" lines.
    std::vector<std::vector<std::vector<Span>>> wide(2);
    for (int c = 0; c < 30; ++c) wide[0].push_back({text_span("Column" + std::to_string(c))});
    for (int c = 0; c < 30; ++c) wide[1].push_back({text_span(c == 0 ? std::string(2000, 'w') : "v" + std::to_string(c))});
    pdf.table(wide);
    // 12 columns do fit; one row is taller than a page: it is split across pages, the header repeated on each.
    std::vector<std::vector<std::vector<Span>>> rows(2);
    for (int c = 0; c < 12; ++c) rows[0].push_back({text_span("Head" + std::to_string(c))});
    rows[1].push_back({text_span(std::string(8000, 'y'))});
    for (int c = 1; c < 12; ++c) rows[1].push_back({text_span("z")});
    rows.push_back({});                                   // an empty row
    rows.push_back({{text_span("only one cell")}});       // a short one
    pdf.table(rows);
    pdf.begin_item("");
    pdf.end_item();
    pdf.begin_box(PdfBox::Callout, "");
    pdf.end_box();
    pdf.table({});
    std::string error;
    CHECK(is_pdf(pdf.finish(&error)));
    const std::string text = run_together(pdf);
    CHECK(text.find("bad \xEF\xBF\xBD(") != std::string::npos);
    CHECK(std::count(text.begin(), text.end(), 'x') == 6000);
    CHECK(std::count(text.begin(), text.end(), 'w') == 2000);
    CHECK(std::count(text.begin(), text.end(), 'y') == 8000 + 2);  // and those of "bytes" and "only"
    CHECK(text.find("only one cell") != std::string::npos);
    const std::string joined = all_text(pdf);
    CHECK(joined.find("Column1: v1\n") != std::string::npos);
    CHECK(joined.find("Column29: v29\n") != std::string::npos);
    // The header row comes again on every page the long row continues on (and on the one the rows after it are).
    std::set<int> header_pages, y_pages;
    for (const PdfTextLine& l : pdf.lines()) {
        if (l.text.rfind("Head", 0) == 0) header_pages.insert(l.page);
        if (l.text.rfind("yyy", 0) == 0) y_pages.insert(l.page);
    }
    CHECK(y_pages.size() >= 3);
    auto pages = [](const std::set<int>& set) {
        std::string out;
        for (int page : set) out += std::to_string(page) + " ";
        return out;
    };
    INFO("header on pages " << pages(header_pages) << "; the long row on " << pages(y_pages));
    CHECK(std::includes(header_pages.begin(), header_pages.end(), y_pages.begin(), y_pages.end()));
    check_inside_page(pdf);
    // Calls after finish change nothing and never crash.
    const size_t lines = pdf.lines().size();
    pdf.paragraph({text_span("late")});
    CHECK(pdf.lines().size() == lines);
}

TEST_CASE("a module's PDF: title, list, table, callout, and the learner's reflection under its prompt") {
    test::TempCourse course_dir;
    course_dir.write("ch/a.md",
                     "---\nid: mod-a\nnumber: 1\ntitle: Mapping the account\nsubtitle: Who decides\nminutes: 5\n"
                     "category: cat\n---\n\nIntro with **bold** and a [link](https://example.com).\n\n"
                     "- first point\n- second point\n\n1. step one\n2. step two\n\n"
                     "| Name | Role | Value |\n| --- | --- | ---: |\n| Ana | Buyer | 1,200 |\n| Bo | User | 300 |\n\n"
                     "> [!TIP] Try this\n> Call the buyer first.\n\n"
                     "![A map of the org](missing.png)\n\n"
                     "> [!REFLECTION]\n> Who is missing from your map?\n\nAfter the prompt.\n");
    const Course course = load_course(course_dir.path());
    const CourseItem* item = course.find_item("mod-a");
    REQUIRE(item);
    Profile p;
    p.work_in(course.id).edit_reflection("mod-a", "Mapping", 1'790'000'000'000).text = "Nobody from finance.\n\nAsk Ana.";

    PdfWriter pdf("Module");
    add_module(pdf, course, *item, p);
    std::string error;
    CHECK(is_pdf(pdf.finish(&error)));
    const std::string text = all_text(pdf);
    const size_t title = index_of(text, "Module 1: Mapping the account");
    CHECK(index_of(text, "Who decides") > title);
    index_of(text, "Intro with bold and a link.");
    index_of(text, "first point");
    index_of(text, "2.\nstep two");  // the marker, then its item
    const size_t table = index_of(text, "Name\nRole\nValue\nAna\nBuyer\n1,200\nBo\nUser\n300");
    const size_t tip = index_of(text, "Try this\nCall the buyer first.");
    CHECK(tip > table);
    index_of(text, "Image: A map of the org");
    const size_t prompt = index_of(text, "Who is missing from your map?");
    const size_t mine = index_of(text, "Your reflection\nNobody from finance.\nAsk Ana.");
    CHECK(mine > prompt);
    CHECK(index_of(text, "After the prompt.") > mine);
    CHECK(unknown_glyphs(pdf) == 0);
    check_inside_page(pdf);

    // Nothing written yet says so, under the prompt.
    PdfWriter empty("Module");
    add_module(empty, course, *item, Profile{});
    CHECK(all_text(empty).find("Who is missing from your map?\nYour reflection\nNothing written yet.") != std::string::npos);
}

TEST_CASE("a reflection's PDF: the learner's text under the module's title and prompt") {
    test::TempCourse course_dir;
    const Course course = load_course(course_dir.path());
    Profile p;
    p.work_in(course.id).edit_reflection("mod-b", "Module mod-b", 1).text = "Zürich team: 東京 next.";
    p.work_in(course.id).edit_reflection("gone", "An old module", 1).text = "Kept.";
    PdfWriter pdf("Reflection");
    add_reflection(pdf, course, p, "mod-b");
    const std::string text = all_text(pdf);
    CHECK(text.find("Module 2: Module mod-b\nReflection \xC2\xB7 write it down\nThink.\nYour reflection\n"
                    "Zürich team: 東京 next.") != std::string::npos);
    CHECK(unknown_glyphs(pdf) == 0);

    PdfWriter gone("Reflection");
    add_reflection(gone, course, p, "gone");
    CHECK(run_together(gone).find("An old module (no longer in the course)") != std::string::npos);
    CHECK(all_text(gone).find("Kept.") != std::string::npos);
    std::string error;
    CHECK(is_pdf(reflection_pdf(course, p, "mod-b", &error)));
}

TEST_CASE("an artifact's PDF: fields by label, its table as a grid, amounts as the Markdown export writes them") {
    Profile p;
    p.currency = "EUR";
    Account& nordwind = p.add_account("Nørdwind", 1);
    // Expansion potential's amounts are the account's (content/artifacts/expansion-potential.md, account_field).
    nordwind.current_value = 1250000;
    nordwind.potential_value = 2000000.5;
    nordwind.has_current_value = nordwind.has_potential_value = true;
    const std::string account = nordwind.id;
    p.add_artifact("account-map", "Account map", account, 1'790'000'000'000).values = {{"stakeholders",
                   {{{"name", "Ana Pérez"}, {"role", "CFO"}, {"influence", "decision_maker"}, {"quality", "strong"}},
                    {{"name", "李雷"}, {"role", "IT lead"}, {"influence", "user"}, {"quality", "at_risk"}}}},
                  {"notes", "Renewal in **March**"}};
    p.add_artifact("expansion-potential", "Expansion potential", account, 1'790'000'000'000).values = {
        {"relationship", 4}};
    const Artifact& map = p.artifacts[0];
    const Artifact& potential = p.artifacts[1];  // references taken once the list stops growing

    PdfWriter pdf("Artifact");
    add_artifact(pdf, shipped(), map, p);
    const std::string text = all_text(pdf);
    index_of(text, "Account map \xE2\x80\x94 Nørdwind");
    // Cells wrap in a nine-column grid: read them run together, row by row.
    const std::string cells = run_together(pdf);
    const size_t table = index_of(cells, "StakeholdersNameRoleLocation or teamInfluenceRelationship");
    CHECK(index_of(cells, "Ana PérezCFODecision makerStrong") > table);
    CHECK(index_of(cells, "李雷IT leadUserAt-Risk") > table);
    index_of(text, "Renewal in **March**");  // the learner's text as typed, never Markdown
    CHECK(unknown_glyphs(pdf) == 0);
    check_inside_page(pdf);

    PdfWriter money("Artifact");
    add_artifact(money, shipped(), potential, p);
    const std::string md = artifact_markdown(shipped().find_artifact_kind("expansion-potential"), potential, p, shipped());
    const std::string money_text = all_text(money);
    index_of(money_text, "Amounts in EUR.");
    for (const char* amount : {"1.250.000", "2.000.000,50", "4 / 5"}) {
        CHECK(md.find(amount) != std::string::npos);
        index_of(money_text, amount);
    }
}

TEST_CASE("all the work in one PDF: accounts, reflections, then each artifact on a page of its own") {
    Profile p;
    Account& acc = p.add_account("Northwind", 1);
    acc.current_value = 1000;
    p.work_in(shipped().id).edit_reflection("account-mapping", "Account Mapping", 1).text = "Two threads, need three.";
    p.add_artifact("account-map", "Account map", acc.id, 1);
    p.add_artifact("trigger-log", "Trigger log", acc.id, 1);
    PdfWriter pdf("Work");
    add_work(pdf, shipped(), p);
    std::string error;
    CHECK(is_pdf(pdf.finish(&error)));
    const std::string text = all_text(pdf);
    index_of(text, "Two threads, need three.");
    int first_map_page = -1, first_log_page = -1;
    for (const PdfTextLine& l : pdf.lines()) {
        if (first_map_page < 0 && l.text.rfind("Account map", 0) == 0) first_map_page = l.page;
        if (first_log_page < 0 && l.text.rfind("Trigger log", 0) == 0) first_log_page = l.page;
    }
    CHECK(first_map_page >= 1);
    CHECK(first_log_page > first_map_page);
}

namespace {

void save_profile(const test::TempDir& dir, const std::string& name, const Profile& p) {
    ProfileStore store(dir.path(), name);
    Profile ignored;
    store.open(&ignored);
    store.save(p);
    REQUIRE(store.flush());
}

Profile cli_profile() {
    Profile p;
    Account& acc = p.add_account("Northwind", 1);
    p.add_artifact("account-map", "Account map", acc.id, 1);
    p.work_in(kShippedCourseId).edit_reflection("account-mapping", "Account Mapping", 1).text = "Mine.";
    return p;
}

ExportOptions pdf_options(const test::TempDir& dir) {
    ExportOptions o;
    o.data_dir = dir.path().string();
    o.profile = "anna";
    o.format = "pdf";
    o.out_dir = (dir / "pdf").string();
    o.content_dir = GROUNDWORK_SHIPPED_CONTENT;
    return o;
}

}  // namespace

TEST_CASE("export --format pdf writes my-work.pdf, or the module or artifact asked for") {
    test::TempDir dir;
    const Profile p = cli_profile();
    save_profile(dir, "anna", p);
    {
        std::ostringstream out, err;
        REQUIRE(run_export(pdf_options(dir), out, err) == kExitOk);
        CHECK(err.str().empty());
        CHECK(out.str() == (dir / "pdf" / kWorkPdfName).string() + "\n");
        CHECK(is_pdf(test::slurp(dir / "pdf" / kWorkPdfName)));
    }
    {
        ExportOptions o = pdf_options(dir);
        o.module_id = "account-mapping";
        o.artifact_id = p.artifacts[0].id;
        std::ostringstream out, err;
        REQUIRE(run_export(o, out, err) == kExitOk);
        const fs::path module = dir / "pdf" / "account-mapping.pdf";
        const fs::path artifact = dir / "pdf" / artifact_pdf_name(p.artifacts[0], p);
        CHECK(out.str() == module.string() + "\n" + artifact.string() + "\n");
        CHECK(is_pdf(test::slurp(module)));
        CHECK(is_pdf(test::slurp(artifact)));
    }
    {  // a module's page needs no profile
        ExportOptions o = pdf_options(dir);
        o.profile = "nobody";
        o.module_id = "account-mapping";
        std::ostringstream out, err;
        CHECK(run_export(o, out, err) == kExitOk);
    }
}

TEST_CASE("export --format pdf: unknown ids, a missing folder and an unwritable one each fail with a message") {
    test::TempDir dir;
    save_profile(dir, "anna", cli_profile());
    auto run = [&](const ExportOptions& o, std::string* message) {
        std::ostringstream out, err;
        const int code = run_export(o, out, err);
        *message = err.str();
        if (code != kExitOk) CHECK(out.str().empty());
        return code;
    };
    std::string message;
    ExportOptions o = pdf_options(dir);
    o.module_id = "no-such-module";
    CHECK(run(o, &message) == kExitUsage);
    CHECK(message.find("has no module or homework \"no-such-module\" (its ids: ") != std::string::npos);
    CHECK(message.find("account-mapping") != std::string::npos);

    o = pdf_options(dir);
    o.artifact_id = "art-999";
    CHECK(run(o, &message) == kExitUsage);
    CHECK(message.find("profile \"anna\" has no artifact \"art-999\" (its artifacts: art-") != std::string::npos);

    o = pdf_options(dir);
    o.format = "md";
    o.module_id = "account-mapping";
    CHECK(run(o, &message) == kExitUsage);
    CHECK(message.find("use them with --format pdf") != std::string::npos);

    o = pdf_options(dir);
    o.out_dir.clear();
    CHECK(run(o, &message) == kExitContentErrors);
    CHECK(message.find("--out DIR") != std::string::npos);

    test::spit(dir / "in-the-way", "a file, not a folder");
    o = pdf_options(dir);
    o.out_dir = (dir / "in-the-way").string();
    CHECK(run(o, &message) == kExitContentErrors);
    CHECK(message.find("cannot create the folder") != std::string::npos);

    o = pdf_options(dir);
    o.profile = "nobody";
    CHECK(run(o, &message) == kExitContentErrors);
    CHECK(message.find("no profile \"nobody\"") != std::string::npos);
    CHECK(!fs::exists(dir / "pdf"));
}

TEST_CASE("the binary's export --format pdf: files written, help names pdf, an unknown module exits 2") {
    test::TempDir dir;
    save_profile(dir, "anna", cli_profile());
    const std::string bin = GROUNDWORK_BINARY;
    const std::string args = " export --format pdf --profile anna --data-dir " + dir.path().string() + " --out " +
                             (dir / "out").string();
    CHECK(std::system((bin + args + " > /dev/null").c_str()) == 0);
    CHECK(is_pdf(test::slurp(dir / "out" / kWorkPdfName)));
    const int status = std::system((bin + args + " --module nope 2> " + (dir / "err.txt").string()).c_str());
    CHECK(WEXITSTATUS(status) == kExitUsage);
    CHECK(test::slurp(dir / "err.txt").find("no module or homework \"nope\"") != std::string::npos);
    CHECK(std::system((bin + " export --help > " + (dir / "help.txt").string()).c_str()) == 0);
    const std::string help = test::slurp(dir / "help.txt");
    CHECK(help.find("pdf") != std::string::npos);
    CHECK(help.find("--module") != std::string::npos);
    CHECK(help.find("--artifact") != std::string::npos);
}
