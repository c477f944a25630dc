// Artifact kinds declared by the content (<course>/artifacts/*.md): the shipped declarations load as the chapter
// needs them, and every kind of bad declaration gets its own message at the right file:line, never a crash.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <initializer_list>
#include <set>
#include <sstream>

#include "runtime/artifacts/artifact_declarations.h"
#include "runtime/cli/check_command.h"
#include "runtime/course/course_loader.h"
#include "temp_course.h"

using namespace gw;
using gw::test::TempCourse;

namespace {

// A throw-away course that also has an (empty) artifacts/ folder.
struct ArtifactCourse : TempCourse {
    ArtifactCourse() { std::filesystem::create_directories(root() / "artifacts"); }
};

// The lines of a file, joined with newlines: written one per source line so a test reads like the file, and the
// line numbers the checks expect can be counted down the left edge.
std::string lines(std::initializer_list<const char*> ls) {
    std::string s;
    for (const char* l : ls) s += std::string(l) + "\n";
    return s;
}

struct Loaded {
    std::vector<ArtifactKind> kinds;
    std::vector<Diagnostic> diagnostics;
    std::string text;  // every diagnostic as `groundwork check` prints it, one a line

    bool has(const std::string& s) const { return text.find(s) != std::string::npos; }
    int errors() const { return count_errors(diagnostics); }
    int warnings() const { return count_warnings(diagnostics); }
    const ArtifactKind* kind(const std::string& id) const {
        for (const ArtifactKind& k : kinds)
            if (k.id == id) return &k;
        return nullptr;
    }
};

Loaded load(const TempCourse& t) {
    Loaded r;
    r.kinds = load_artifact_kinds(t.root(), "", r.diagnostics);
    for (const Diagnostic& d : r.diagnostics) r.text += format_diagnostic(d) + "\n";
    return r;
}

// One declaration file, artifacts/k.md, in an otherwise valid course.
Loaded load_one(const std::string& declaration) {
    ArtifactCourse t;
    t.write("artifacts/k.md", declaration);
    return load(t);
}

std::vector<std::string> ids(const std::vector<ArtifactKind>& kinds) {
    std::vector<std::string> out;
    for (const ArtifactKind& k : kinds) out.push_back(k.id);
    return out;
}

}  // namespace

// ---------------------------------------------------------------------------------------------------------------
// The shipped declarations

TEST_CASE("the shipped content declares ten artifact kinds without a single diagnostic") {
    Course c = load_course(GROUNDWORK_SHIPPED_CONTENT);
    std::string all;
    for (const Diagnostic& d : c.diagnostics) all += format_diagnostic(d) + "\n";
    INFO(all);
    CHECK(c.diagnostics.empty());
    const std::vector<std::string> expected = {
        "account-map",  "account-plan",          "difficult-conversation-plan", "expansion-conversation",
        "expansion-potential", "health-audit",   "qbr-design",                  "three-loop-assessment",
        "tiering-rhythm",      "trigger-log"};
    CHECK(ids(c.artifact_kinds) == expected);  // read in file-name order
    for (const ArtifactKind& k : c.artifact_kinds) {
        CHECK(k.file == "artifacts/" + k.id + ".md");
        CHECK_FALSE(k.title.empty());
        CHECK_FALSE(k.summary.empty());
        CHECK_FALSE(k.fields.empty());
        CHECK_FALSE(k.description.empty());
    }
    // Every kind a module or homework asks for is one of them, and every kind is asked for somewhere.
    std::set<std::string> asked;
    for (const Chapter& ch : c.chapters) {
        for (const auto* items : {&ch.modules, &ch.homework})
            for (const CourseItem& item : *items)
                for (const std::string& a : item.artifacts) {
                    CHECK_MESSAGE(c.find_artifact_kind(a) != nullptr, item.file << " asks for " << a);
                    asked.insert(a);
                }
    }
    CHECK(asked.size() == 10);
    CHECK(c.find_artifact_kind("no-such-kind") == nullptr);
}

TEST_CASE("the shipped account map: a stakeholder table grouped by relationship quality, two rows rules") {
    Course c = load_course(GROUNDWORK_SHIPPED_CONTENT);
    const ArtifactKind* k = c.find_artifact_kind("account-map");
    REQUIRE(k);
    CHECK(k->title == "Account map");
    CHECK(k->scope == ArtifactScope::Account);
    CHECK(k->date_field.empty());
    CHECK_FALSE(k->dashboard);

    const Field* t = k->field("stakeholders");
    REQUIRE(t);
    CHECK(t->kind == FieldKind::Table);
    CHECK(t->group_by == "quality");
    CHECK(t->timeline.empty());
    CHECK(t->preset_rows.empty());
    std::vector<std::string> cols;
    for (const Field& col : t->columns) cols.push_back(col.id);
    CHECK(cols == std::vector<std::string>{"name", "role", "location", "influence", "quality", "value_seen",
                                           "challenge", "outreach", "outreach_date"});
    const Field* quality = t->column("quality");
    REQUIRE(quality);
    CHECK(quality->kind == FieldKind::Choice);
    REQUIRE(quality->options.size() == 4);
    CHECK(quality->options[0].id == "strong");
    CHECK(quality->options[0].label == "Strong");
    CHECK(quality->options[0].color == "green");
    CHECK(quality->options[3].id == "at_risk");
    CHECK(quality->options[3].label == "At-Risk");
    CHECK(quality->options[3].color == "red");
    REQUIRE(t->column("influence"));
    REQUIRE(t->column("influence")->option("decision_maker"));
    CHECK(t->column("influence")->option("decision_maker")->color == "blue");
    CHECK(t->column("influence")->option("influencer")->color.empty());  // no colour: plain
    CHECK(t->column("outreach_date")->kind == FieldKind::Date);
    REQUIRE(k->field("competitors"));
    CHECK(k->field("competitors")->kind == FieldKind::LongText);
    CHECK(k->field("competitors")->help.rfind("Other providers", 0) == 0);

    REQUIRE(k->rules.size() == 2);
    const Rule& threading = k->rules[0];
    CHECK(threading.kind == RuleKind::Rows);
    CHECK(threading.label == "Threading");
    CHECK(threading.table == "stakeholders");
    CHECK(threading.column == "quality");
    CHECK(threading.equals == "strong");
    CHECK(threading.min == 2);
    CHECK(threading.message.rfind("Single-threaded", 0) == 0);
    CHECK(threading.line == 42);
    const Rule& dm = k->rules[1];
    CHECK(dm.kind == RuleKind::Rows);
    CHECK(dm.column == "influence");
    CHECK(dm.equals == "decision_maker");
    CHECK(dm.min == 1);
    CHECK(dm.message == "No decision maker mapped yet.");
}

TEST_CASE("the shipped QBR design: five preset phases of 10/15/10/15/10 minutes that fill the hour") {
    Course c = load_course(GROUNDWORK_SHIPPED_CONTENT);
    const ArtifactKind* k = c.find_artifact_kind("qbr-design");
    REQUIRE(k);
    CHECK(k->date_field == "meeting_date");
    const Field* phases = k->field("phases");
    REQUIRE(phases);
    CHECK(phases->kind == FieldKind::Table);
    CHECK(phases->timeline == "minutes");
    REQUIRE(phases->column("minutes"));
    CHECK(phases->column("minutes")->kind == FieldKind::Number);
    CHECK(phases->column("minutes")->unit == "min");

    REQUIRE(phases->preset_rows.size() == 5);
    const std::vector<std::string> names = {"Results celebration", "Strategic context", "Current engagement health",
                                            "Forward vision", "Alignment conversation"};
    const std::vector<int> minutes = {10, 15, 10, 15, 10};
    int total = 0;
    for (std::size_t i = 0; i < 5; ++i) {
        const nlohmann::json& row = phases->preset_rows[i];
        CHECK(row.value("phase", "") == names[i]);
        REQUIRE(row.contains("minutes"));
        CHECK(row["minutes"].is_number());  // a number, not the text "10": the sum rule adds numbers only
        CHECK(row["minutes"].get<int>() == minutes[i]);
        CHECK_FALSE(row.contains("questions"));  // left for the learner
        total += row["minutes"].get<int>();
    }
    CHECK(total == 60);

    const Field* prep = k->field("preparation");
    REQUIRE(prep);
    CHECK(prep->kind == FieldKind::Checklist);
    REQUIRE(prep->items.size() == 3);
    CHECK(prep->items[0].id == "results");
    CHECK(prep->items[1].id == "intelligence");
    CHECK(prep->items[2].id == "hypothesis");
    for (const char* id : {"follow_up", "we_do", "client_does", "by_when"}) CHECK_MESSAGE(k->field(id), id);
    CHECK(k->field("by_when")->kind == FieldKind::Date);

    REQUIRE(k->rules.size() == 1);
    const Rule& sum = k->rules[0];
    CHECK(sum.kind == RuleKind::Sum);
    CHECK(sum.label == "Agenda");
    CHECK(sum.table == "phases");
    CHECK(sum.column == "minutes");
    CHECK(sum.target == 60);
    CHECK_FALSE(sum.message.empty());
}

TEST_CASE("the shipped health audit: dated, on the dashboard, four signals counted into three levels") {
    Course c = load_course(GROUNDWORK_SHIPPED_CONTENT);
    const ArtifactKind* k = c.find_artifact_kind("health-audit");
    REQUIRE(k);
    CHECK(k->dashboard);
    CHECK(k->date_field == "audit_date");
    REQUIRE(k->field("audit_date"));
    CHECK(k->field("audit_date")->kind == FieldKind::Date);
    // The four signals share one option list through a YAML anchor; each field gets its own copy.
    for (const char* id : {"response_time", "engagement", "referrals", "tone"}) {
        const Field* f = k->field(id);
        REQUIRE_MESSAGE(f, id);
        CHECK(f->kind == FieldKind::Choice);
        REQUIRE(f->options.size() == 2);
        CHECK(f->options[0].id == "healthy");
        CHECK(f->options[0].color == "green");
        CHECK(f->options[1].id == "at_risk");
        CHECK(f->options[1].label == "At risk");
        CHECK(f->options[1].color == "red");
    }
    for (const char* id : {"check_in_date", "opening_question", "found", "action"}) CHECK_MESSAGE(k->field(id), id);

    REQUIRE(k->rules.size() == 1);
    const Rule& r = k->rules[0];
    CHECK(r.kind == RuleKind::Count);
    CHECK(r.label == "Health");
    CHECK(r.fields == std::vector<std::string>{"response_time", "engagement", "referrals", "tone"});
    CHECK(r.equals == "at_risk");
    REQUIRE(r.levels.size() == 3);  // highest min first
    CHECK(r.levels[0].min == 2);
    CHECK(r.levels[0].label == "At risk");
    CHECK(r.levels[0].color == "red");
    CHECK(r.levels[0].due_days == 10);
    CHECK_FALSE(r.levels[0].note.empty());
    CHECK(r.levels[1].min == 1);
    CHECK(r.levels[1].label == "Watch");
    CHECK(r.levels[1].color == "yellow");
    CHECK(r.levels[1].due_days == 0);
    CHECK(r.levels[2].min == 0);
    CHECK(r.levels[2].label == "Healthy");
    CHECK(r.levels[2].color == "green");
    CHECK(r.levels[2].due_days == 0);
}

TEST_CASE("the shipped account plan: the seven components as fields, plus dated key actions") {
    Course c = load_course(GROUNDWORK_SHIPPED_CONTENT);
    const ArtifactKind* k = c.find_artifact_kind("account-plan");
    REQUIRE(k);
    CHECK(k->date_field == "plan_date");
    CHECK(k->rules.empty());
    // client profile, relationship map, engagement health, expansion opportunities, revenue forecast,
    // competitive landscape, success metrics
    const std::vector<std::pair<const char*, FieldKind>> components = {
        {"profile", FieldKind::LongText},     {"relationship_map", FieldKind::LongText},
        {"engagement_health", FieldKind::LongText}, {"opportunities", FieldKind::LongText},
        {"forecast", FieldKind::Money},        {"competition", FieldKind::LongText},
        {"metrics", FieldKind::LongText}};
    for (const auto& component : components) {
        // Not a structured binding: C++17 lambdas (inside doctest's message macros) cannot capture one.
        const char* id = component.first;
        const FieldKind kind = component.second;
        const Field* f = k->field(id);
        REQUIRE_MESSAGE(f, id);
        CHECK_MESSAGE(f->kind == kind, id);
        CHECK_MESSAGE(!f->label.empty(), id);
    }
    CHECK(k->field("relationship_map")->label == "Relationship map");
    CHECK(k->field("forecast")->label == "Revenue forecast (next 12 months)");
    REQUIRE(k->field("current_revenue"));
    CHECK(k->field("current_revenue")->kind == FieldKind::Money);
    const Field* actions = k->field("actions");
    REQUIRE(actions);
    CHECK(actions->kind == FieldKind::Table);
    REQUIRE(actions->column("due"));
    CHECK(actions->column("due")->kind == FieldKind::Date);
    REQUIRE(actions->column("done"));
    CHECK(actions->column("done")->kind == FieldKind::Check);
    REQUIRE(k->field("confidence"));
    CHECK(k->field("confidence")->kind == FieldKind::Rating);
    CHECK(k->field("confidence")->max == 5);
}

TEST_CASE("the shipped portfolio kinds are portfolio-wide") {
    Course c = load_course(GROUNDWORK_SHIPPED_CONTENT);
    for (const ArtifactKind& k : c.artifact_kinds) {
        const bool portfolio = k.id == "tiering-rhythm" || k.id == "trigger-log";
        CHECK_MESSAGE((k.scope == ArtifactScope::Portfolio) == portfolio, k.id);
        CHECK_MESSAGE(k.dashboard == (k.id == "health-audit"), k.id);
    }
}

TEST_CASE("a course without an artifacts folder declares no kinds and reports nothing") {
    TempCourse t;
    std::vector<Diagnostic> d;
    CHECK(load_artifact_kinds(t.root(), "", d).empty());
    CHECK(d.empty());
}

// ---------------------------------------------------------------------------------------------------------------
// Bad declarations: each its own message, at its own file:line

TEST_CASE("a minimal declaration loads clean") {
    auto r = load_one(lines({
        "---",                                // 1
        "id: k",                              // 2
        "title: K",                           // 3
        "fields:",                            // 4
        "  - {id: a, kind: text}",            // 5
        "---",                                // 6
        "What it is for.",                    // 7
    }));
    INFO(r.text);
    CHECK(r.diagnostics.empty());
    REQUIRE(r.kinds.size() == 1);
    CHECK(r.kinds[0].id == "k");
    CHECK(r.kinds[0].file == "artifacts/k.md");
    REQUIRE(r.kinds[0].fields.size() == 1);
    CHECK(r.kinds[0].fields[0].label == "a");  // the id stands in for a missing label
    CHECK(r.kinds[0].fields[0].line == 5);
    CHECK(r.kinds[0].scope == ArtifactScope::Account);
}

TEST_CASE("a declaration without front matter") {
    auto r = load_one("# Account map\n\nJust prose, no metadata.\n");
    INFO(r.text);
    CHECK(r.has("artifacts/k.md:1: error: missing front matter"));
    CHECK(r.errors() == 1);
    CHECK(r.kinds.empty());
}

TEST_CASE("malformed YAML in a declaration reports the line it happens on") {
    auto r = load_one(lines({
        "---",               // 1
        "id: k",             // 2
        "title: K",          // 3
        "fields:",           // 4
        "  - id: a",         // 5
        "   kind: text",     // 6: indented one space short of `id`
        "---",               // 7
    }));
    INFO(r.text);
    CHECK(r.has("artifacts/k.md:6: error: malformed front matter"));
    CHECK(r.errors() == 1);
    CHECK(r.kinds.empty());
}

TEST_CASE("a declaration without an id, or with an id that is not one") {
    SUBCASE("missing") {
        auto r = load_one(lines({"---", "title: K", "fields:", "  - {id: a, kind: text}", "---"}));
        INFO(r.text);
        CHECK(r.has("artifacts/k.md:1: error: missing required key 'id'"));
        CHECK(r.errors() == 1);
        CHECK(r.kinds.empty());
    }
    SUBCASE("not an id") {
        auto r = load_one(lines({"---", "title: K", "id: health audit!", "fields:", "  - {id: a, kind: text}", "---"}));
        INFO(r.text);
        CHECK(r.has("artifacts/k.md:3: error: artifact id 'health audit!' may only hold letters, digits"));
        CHECK(r.errors() == 1);
        CHECK(r.kinds.empty());
    }
}

TEST_CASE("the same artifact id in two files names the first declaration") {
    ArtifactCourse t;
    t.write("artifacts/a-first.md", lines({"---", "title: First", "id: audit", "fields:", "  - {id: a, kind: text}", "---"}));
    t.write("artifacts/b-second.md", lines({"---", "id: audit", "title: Second", "fields:", "  - {id: a, kind: text}", "---"}));
    auto r = load(t);
    INFO(r.text);
    CHECK(r.has("artifacts/b-second.md:2: error: duplicate artifact id 'audit': already declared by "
                "artifacts/a-first.md:3"));
    CHECK(r.errors() == 1);
    REQUIRE(r.kinds.size() == 1);
    CHECK(r.kinds[0].title == "First");  // the first one stays; the second is dropped
}

TEST_CASE("a field of an unknown kind lists the known kinds") {
    auto r = load_one(lines({
        "---",                     // 1
        "id: k",                   // 2
        "title: K",                // 3
        "fields:",                 // 4
        "  - id: notes",           // 5
        "    label: Notes",        // 6
        "    kind: textarea",      // 7
        "  - {id: b, kind: text}", // 8
        "---",
    }));
    INFO(r.text);
    CHECK(r.has("artifacts/k.md:7: error: field 'notes': unknown kind 'textarea' (known: text, long_text, number, "
                "money, date, choice, rating, checklist, table, account, check)"));
    CHECK(r.errors() == 1);
    REQUIRE(r.kinds.size() == 1);
    REQUIRE(r.kinds[0].fields.size() == 1);  // the rest of the kind still loads
    CHECK(r.kinds[0].fields[0].id == "b");
}

TEST_CASE("a field without a kind is an unknown kind at the field's line") {
    auto r = load_one(lines({"---", "id: k", "title: K", "fields:", "  - {id: a, kind: text}", "  - {id: b, label: B}", "---"}));
    INFO(r.text);
    CHECK(r.has("artifacts/k.md:6: error: field 'b': unknown kind ''"));
    CHECK(r.errors() == 1);
}

TEST_CASE("two fields with the same id") {
    auto r = load_one(lines({
        "---",                          // 1
        "id: k",                        // 2
        "title: K",                     // 3
        "fields:",                      // 4
        "  - {id: notes, kind: text}",  // 5
        "  - {id: date, kind: date}",   // 6
        "  - {id: notes, kind: long_text}",  // 7
        "---",
    }));
    INFO(r.text);
    CHECK(r.has("artifacts/k.md:7: error: duplicate field id 'notes'"));
    CHECK(r.errors() == 1);
    REQUIRE(r.kinds.size() == 1);
    REQUIRE(r.kinds[0].fields.size() == 2);
    CHECK(r.kinds[0].fields[0].kind == FieldKind::Text);  // the first declaration wins
}

TEST_CASE("a choice field without options") {
    SUBCASE("no options key: the field's line") {
        auto r = load_one(lines({"---", "id: k", "title: K", "fields:", "  - {id: a, kind: text}",
                                 "  - id: mood", "    kind: choice", "---"}));
        INFO(r.text);
        CHECK(r.has("artifacts/k.md:6: error: field 'mood' needs 'options': a list of"));
        CHECK(r.errors() == 1);
    }
    SUBCASE("an empty list: the list's line") {
        auto r = load_one(lines({"---", "id: k", "title: K", "fields:", "  - id: mood", "    kind: choice",
                                 "    options: []", "---"}));
        INFO(r.text);
        CHECK(r.has("artifacts/k.md:7: error: field 'mood' needs 'options'"));
        CHECK(r.errors() == 1);
    }
    SUBCASE("a checklist without items") {
        auto r = load_one(lines({"---", "id: k", "title: K", "fields:", "  - {id: prep, kind: checklist}", "---"}));
        INFO(r.text);
        CHECK(r.has("artifacts/k.md:5: error: field 'prep' needs 'items'"));
        CHECK(r.errors() == 1);
    }
}

TEST_CASE("an option with a colour that is not one of the five") {
    auto r = load_one(lines({
        "---",                                          // 1
        "id: k",                                        // 2
        "title: K",                                     // 3
        "fields:",                                      // 4
        "  - id: mood",                                 // 5
        "    kind: choice",                             // 6
        "    options:",                                 // 7
        "      - {id: good, label: Good, color: green}",  // 8
        "      - {id: bad, label: Bad, color: purple}",   // 9
        "---",
    }));
    INFO(r.text);
    CHECK(r.has("artifacts/k.md:9: error: colour 'purple' is not one of green, yellow, red, blue, grey"));
    CHECK(r.errors() == 1);
    REQUIRE(r.kinds.size() == 1);
    const Field& f = r.kinds[0].fields[0];
    REQUIRE(f.options.size() == 2);  // kept, shown plain
    CHECK(f.options[1].color.empty());
    CHECK(f.options[0].color == "green");
}

TEST_CASE("options given as plain words use the word as id and label") {
    auto r = load_one(lines({"---", "id: k", "title: K", "fields:", "  - {id: size, kind: choice, options: [small, large]}",
                             "---"}));
    INFO(r.text);
    CHECK(r.diagnostics.empty());
    REQUIRE(r.kinds.size() == 1);
    const Field& f = r.kinds[0].fields[0];
    REQUIRE(f.options.size() == 2);
    CHECK(f.options[1].id == "large");
    CHECK(f.options[1].label == "large");
    CHECK(f.options[1].color.empty());
}

TEST_CASE("a table without columns") {
    auto r = load_one(lines({
        "---",                             // 1
        "id: k",                           // 2
        "title: K",                        // 3
        "fields:",                         // 4
        "  - {id: a, kind: text}",         // 5
        "  - id: people",                  // 6
        "    label: People",               // 7
        "    kind: table",                 // 8
        "---",
    }));
    INFO(r.text);
    CHECK(r.has("artifacts/k.md:6: error: table 'people' needs 'columns': a list of fields"));
    CHECK(r.errors() == 1);
}

TEST_CASE("a table inside a table") {
    auto r = load_one(lines({
        "---",                                 // 1
        "id: k",                               // 2
        "title: K",                            // 3
        "fields:",                             // 4
        "  - id: people",                      // 5
        "    kind: table",                     // 6
        "    columns:",                        // 7
        "      - {id: name, kind: text}",      // 8
        "      - id: contacts",                // 9
        "        kind: table",                 // 10
        "        columns:",                    // 11
        "          - {id: when, kind: date}",  // 12
        "---",
    }));
    INFO(r.text);
    CHECK(r.has("artifacts/k.md:9: error: a table cannot hold another table ('contacts')"));
    CHECK(r.errors() == 1);
    REQUIRE(r.kinds.size() == 1);
    REQUIRE(r.kinds[0].fields.size() == 1);
    CHECK(r.kinds[0].fields[0].columns.size() == 1);  // the other column stays
}

TEST_CASE("a table cell cannot be long text or a checklist") {
    auto r = load_one(lines({"---", "id: k", "title: K", "fields:", "  - id: people", "    kind: table", "    columns:",
                             "      - {id: name, kind: text}", "      - {id: story, kind: long_text}", "---"}));
    INFO(r.text);
    CHECK(r.has("artifacts/k.md:9: error: column 'story': a table cell cannot be long_text"));
    CHECK(r.errors() == 1);
}

TEST_CASE("group_by that names a column which is not a choice") {
    auto r = load_one(lines({
        "---",                                                    // 1
        "id: k",                                                  // 2
        "title: K",                                               // 3
        "fields:",                                                // 4
        "  - id: people",                                         // 5
        "    kind: table",                                        // 6
        "    group_by: name",                                     // 7
        "    columns:",                                           // 8
        "      - {id: name, kind: text}",                         // 9
        "      - {id: quality, kind: choice, options: [a, b]}",  // 10
        "---",
    }));
    INFO(r.text);
    CHECK(r.has("artifacts/k.md:7: error: table 'people': group_by 'name' is not one of its choice columns"));
    CHECK(r.errors() == 1);
}

TEST_CASE("group_by that names no column at all") {
    auto r = load_one(lines({"---", "id: k", "title: K", "fields:", "  - id: people", "    kind: table",
                             "    columns: [{id: name, kind: text}]", "    group_by: quality", "---"}));
    INFO(r.text);
    CHECK(r.has("artifacts/k.md:8: error: table 'people': group_by 'quality' is not one of its choice columns"));
    CHECK(r.errors() == 1);
}

TEST_CASE("timeline that names a column which is not a number") {
    auto r = load_one(lines({
        "---",                                 // 1
        "id: k",                               // 2
        "title: K",                            // 3
        "fields:",                             // 4
        "  - id: phases",                      // 5
        "    kind: table",                     // 6
        "    columns:",                        // 7
        "      - {id: phase, kind: text}",     // 8
        "      - {id: minutes, kind: text}",   // 9
        "    timeline: minutes",               // 10
        "---",
    }));
    INFO(r.text);
    CHECK(r.has("artifacts/k.md:10: error: table 'phases': timeline 'minutes' is not one of its number columns"));
    CHECK(r.errors() == 1);
}

TEST_CASE("a preset row that names a column the table does not have") {
    auto r = load_one(lines({
        "---",                                         // 1
        "id: k",                                       // 2
        "title: K",                                    // 3
        "fields:",                                     // 4
        "  - id: phases",                              // 5
        "    kind: table",                             // 6
        "    columns:",                                // 7
        "      - {id: phase, kind: text}",             // 8
        "      - {id: minutes, kind: number}",         // 9
        "    rows:",                                   // 10
        "      - {phase: Opening, minutes: 10}",       // 11
        "      - phase: Close",                        // 12
        "        minute: 5",                           // 13
        "---",
    }));
    INFO(r.text);
    CHECK(r.has("artifacts/k.md:13: error: table 'phases' has no column 'minute'"));
    CHECK(r.errors() == 1);
    REQUIRE(r.kinds.size() == 1);
    const Field& t = r.kinds[0].fields[0];
    REQUIRE(t.preset_rows.size() == 2);  // the row stays, without the misspelt cell
    CHECK(t.preset_rows[1] == nlohmann::json{{"phase", "Close"}});
    CHECK(t.preset_rows[0]["minutes"] == 10);
}

TEST_CASE("a rule of an unknown kind lists the known kinds") {
    auto r = load_one(lines({
        "---",                        // 1
        "id: k",                      // 2
        "title: K",                   // 3
        "fields:",                    // 4
        "  - {id: a, kind: number}",  // 5
        "rules:",                     // 6
        "  - label: Average",         // 7
        "    kind: average",          // 8
        "---",
    }));
    INFO(r.text);
    CHECK(r.has("artifacts/k.md:8: error: unknown rule kind 'average' (known: count, sum, rows)"));
    CHECK(r.errors() == 1);
    REQUIRE(r.kinds.size() == 1);
    CHECK(r.kinds[0].rules.empty());
}

TEST_CASE("a count rule over a field that is not a choice") {
    auto r = load_one(lines({
        "---",                                                   // 1
        "id: k",                                                 // 2
        "title: K",                                              // 3
        "fields:",                                               // 4
        "  - {id: tone, kind: choice, options: [ok, at_risk]}",  // 5
        "  - {id: notes, kind: long_text}",                      // 6
        "rules:",                                                // 7
        "  - kind: count",                                       // 8
        "    equals: at_risk",                                   // 9
        "    fields:",                                           // 10
        "      - tone",                                          // 11
        "      - notes",                                         // 12
        "    levels: [{min: 0, label: Fine, color: green}]",     // 13
        "---",
    }));
    INFO(r.text);
    CHECK(r.has("artifacts/k.md:12: error: count rule: 'notes' is not a choice field"));
    CHECK(r.errors() == 1);
    CHECK(r.kinds[0].rules.empty());
}

TEST_CASE("a count rule over a field that does not exist") {
    auto r = load_one(lines({"---", "id: k", "title: K", "fields:", "  - {id: tone, kind: choice, options: [ok, bad]}",
                             "rules:", "  - kind: count", "    equals: bad", "    fields: [tone, mood]",
                             "    levels: [{min: 0, label: Fine}]", "---"}));
    INFO(r.text);
    CHECK(r.has("artifacts/k.md:9: error: count rule: 'mood' is not a choice field"));
    CHECK(r.errors() == 1);
}

TEST_CASE("a count rule whose 'equals' is not one of the field's options") {
    auto r = load_one(lines({
        "---",                                                   // 1
        "id: k",                                                 // 2
        "title: K",                                              // 3
        "fields:",                                               // 4
        "  - {id: tone, kind: choice, options: [ok, at_risk]}",  // 5
        "  - {id: pace, kind: choice, options: [ok, slow]}",     // 6
        "rules:",                                                // 7
        "  - kind: count",                                       // 8
        "    equals: at_risk",                                   // 9
        "    fields:",                                           // 10
        "      - tone",                                          // 11
        "      - pace",                                          // 12
        "    levels: [{min: 0, label: Fine, color: green}]",     // 13
        "---",
    }));
    INFO(r.text);
    CHECK(r.has("artifacts/k.md:12: error: count rule: field 'pace' has no option 'at_risk'"));
    CHECK(r.errors() == 1);
}

TEST_CASE("count levels are kept highest minimum first, whatever order they are written in") {
    auto r = load_one(lines({"---", "id: k", "title: K", "fields:", "  - {id: tone, kind: choice, options: [ok, bad]}",
                             "rules:", "  - kind: count", "    equals: bad", "    fields: [tone]", "    levels:",
                             "      - {min: 0, label: Fine, color: green}", "      - {min: 1, label: Bad, color: red}",
                             "---"}));
    INFO(r.text);
    CHECK(r.diagnostics.empty());
    REQUIRE(r.kinds.size() == 1);
    REQUIRE(r.kinds[0].rules.size() == 1);
    REQUIRE(r.kinds[0].rules[0].levels.size() == 2);
    CHECK(r.kinds[0].rules[0].levels[0].label == "Bad");
    CHECK(r.kinds[0].rules[0].levels[1].label == "Fine");
}

TEST_CASE("a sum rule on a table that does not exist") {
    auto r = load_one(lines({
        "---",                                   // 1
        "id: k",                                 // 2
        "title: K",                              // 3
        "fields:",                               // 4
        "  - {id: a, kind: text}",               // 5
        "rules:",                                // 6
        "  - kind: sum",                         // 7
        "    label: Agenda",                     // 8
        "    table: phases",                     // 9
        "    column: minutes",                   // 10
        "    target: 60",                        // 11
        "---",
    }));
    INFO(r.text);
    CHECK(r.has("artifacts/k.md:7: error: sum rule: 'phases' is not a table field"));
    CHECK(r.errors() == 1);
    CHECK(r.kinds[0].rules.empty());
}

TEST_CASE("a sum rule over a column that is not a number, and one without a target") {
    const char* table = "  - {id: phases, kind: table, columns: [{id: phase, kind: text}, {id: minutes, kind: number}]}";
    SUBCASE("not a number column") {
        auto r = load_one(lines({"---", "id: k", "title: K", "fields:", table, "rules:", "  - kind: sum",
                                 "    table: phases", "    column: phase", "    target: 60", "---"}));
        INFO(r.text);
        CHECK(r.has("artifacts/k.md:7: error: sum rule: table 'phases' has no number column 'phase'"));
        CHECK(r.errors() == 1);
    }
    SUBCASE("no target") {
        auto r = load_one(lines({"---", "id: k", "title: K", "fields:", table, "rules:", "  - kind: sum",
                                 "    table: phases", "    column: minutes", "---"}));
        INFO(r.text);
        CHECK(r.has("artifacts/k.md:7: error: sum rule: 'target' is required"));
        CHECK(r.errors() == 1);
    }
    SUBCASE("a target that is not a number") {
        auto r = load_one(lines({"---", "id: k", "title: K", "fields:", table, "rules:", "  - kind: sum",
                                 "    table: phases", "    column: minutes", "    target: an hour", "---"}));
        INFO(r.text);
        CHECK(r.has("artifacts/k.md:10: error: 'target' must be a number, not 'an hour'"));
    }
}

TEST_CASE("a rows rule without a message") {
    auto r = load_one(lines({
        "---",                                                                    // 1
        "id: k",                                                                  // 2
        "title: K",                                                               // 3
        "fields:",                                                                // 4
        "  - id: people",                                                         // 5
        "    kind: table",                                                        // 6
        "    columns: [{id: quality, kind: choice, options: [strong, weak]}]",    // 7
        "rules:",                                                                 // 8
        "  - kind: rows",                                                         // 9
        "    table: people",                                                      // 10
        "    column: quality",                                                    // 11
        "    equals: strong",                                                     // 12
        "    min: 2",                                                             // 13
        "---",
    }));
    INFO(r.text);
    CHECK(r.has("artifacts/k.md:9: error: rows rule: 'message' says what is wrong when too few rows match"));
    CHECK(r.errors() == 1);
}

TEST_CASE("a rows rule whose value is not an option of its column") {
    auto r = load_one(lines({"---", "id: k", "title: K", "fields:", "  - id: people", "    kind: table",
                             "    columns: [{id: quality, kind: choice, options: [strong, weak]}]", "rules:",
                             "  - kind: rows", "    table: people", "    column: quality", "    equals: Strong",
                             "    message: Too few.", "---"}));
    INFO(r.text);
    CHECK(r.has("artifacts/k.md:9: error: rows rule: column 'quality' has no option 'Strong'"));  // ids match exactly
    CHECK(r.errors() == 1);
}

TEST_CASE("a rows rule without min asks for at least one row") {
    auto r = load_one(lines({"---", "id: k", "title: K", "fields:", "  - id: people", "    kind: table",
                             "    columns: [{id: quality, kind: choice, options: [strong, weak]}]", "rules:",
                             "  - kind: rows", "    table: people", "    column: quality", "    equals: strong",
                             "    message: Nobody strong.", "---"}));
    INFO(r.text);
    CHECK(r.diagnostics.empty());
    REQUIRE(r.kinds.size() == 1);
    REQUIRE(r.kinds[0].rules.size() == 1);
    CHECK(r.kinds[0].rules[0].min == 1);
}

TEST_CASE("a dashboard kind without a count rule") {
    auto r = load_one(lines({
        "---",                                // 1
        "id: k",                              // 2
        "title: K",                           // 3
        "date: held_on",                      // 4
        "dashboard: true",                    // 5
        "fields:",                            // 6
        "  - {id: held_on, kind: date}",      // 7
        "---",
    }));
    INFO(r.text);
    CHECK(r.has("artifacts/k.md:5: error: 'dashboard: true' needs a count rule to colour the accounts by"));
    CHECK(r.errors() == 1);
}

TEST_CASE("a dashboard kind without a date field") {
    auto r = load_one(lines({"---", "id: k", "title: K", "fields:", "  - {id: tone, kind: choice, options: [ok, bad]}",
                             "rules:", "  - {kind: count, equals: bad, fields: [tone], levels: [{min: 0, label: Fine}]}",
                             "dashboard: true", "---"}));
    INFO(r.text);
    CHECK(r.has("artifacts/k.md:8: error: 'dashboard: true' needs a 'date:' field to place audits in time"));
    CHECK(r.errors() == 1);
}

TEST_CASE("a 'date:' that names a field which is not a date") {
    auto r = load_one(lines({"---", "id: k", "title: K", "date: notes", "fields:", "  - {id: notes, kind: text}", "---"}));
    INFO(r.text);
    CHECK(r.has("artifacts/k.md:4: error: 'date: notes' is not one of its date fields"));
    CHECK(r.errors() == 1);
}

TEST_CASE("a level with due_days in a kind without a date field") {
    auto r = load_one(lines({
        "---",                                                         // 1
        "id: k",                                                       // 2
        "title: K",                                                    // 3
        "fields:",                                                     // 4
        "  - {id: tone, kind: choice, options: [ok, at_risk]}",        // 5
        "rules:",                                                      // 6
        "  - kind: count",                                             // 7
        "    fields: [tone]",                                          // 8
        "    equals: at_risk",                                         // 9
        "    levels:",                                                 // 10
        "      - {min: 1, label: At risk, color: red, due_days: 10}",  // 11
        "      - {min: 0, label: Fine, color: green}",                 // 12
        "---",
    }));
    INFO(r.text);
    CHECK(r.has("artifacts/k.md:11: error: 'due_days' needs the kind to have a 'date:' field to count from"));
    CHECK(r.errors() == 1);
}

TEST_CASE("a scope that is neither account nor portfolio, and a rating out of range") {
    SUBCASE("scope") {
        auto r = load_one(lines({"---", "id: k", "title: K", "scope: team", "fields:", "  - {id: a, kind: text}", "---"}));
        INFO(r.text);
        CHECK(r.has("artifacts/k.md:4: error: 'scope' is 'account' or 'portfolio', not 'team'"));
        CHECK(r.errors() == 1);
    }
    SUBCASE("portfolio") {
        auto r = load_one(lines({"---", "id: k", "title: K", "scope: portfolio", "fields:", "  - {id: a, kind: text}", "---"}));
        CHECK(r.diagnostics.empty());
        REQUIRE(r.kinds.size() == 1);
        CHECK(r.kinds[0].scope == ArtifactScope::Portfolio);
    }
    SUBCASE("rating max") {
        auto r = load_one(lines({"---", "id: k", "title: K", "fields:", "  - id: trust", "    kind: rating",
                                 "    max: 20", "---"}));
        INFO(r.text);
        CHECK(r.has("artifacts/k.md:7: error: 'max' of a rating must be 2 to 10"));
        CHECK(r.errors() == 1);
        REQUIRE(r.kinds.size() == 1);
        CHECK(r.kinds[0].fields[0].max == 5);  // the default stays
    }
}

TEST_CASE("unknown keys are warnings, not errors, and the kind still loads") {
    auto r = load_one(lines({
        "---",                                              // 1
        "id: k",                                            // 2
        "title: K",                                         // 3
        "titel: Typo",                                      // 4
        "fields:",                                          // 5
        "  - id: tone",                                     // 6
        "    kind: choice",                                 // 7
        "    lable: Tone",                                  // 8
        "    options:",                                     // 9
        "      - {id: ok, label: OK, colour: green}",       // 10
        "      - {id: bad, label: Bad}",                    // 11
        "rules:",                                           // 12
        "  - kind: count",                                  // 13
        "    fields: [tone]",                               // 14
        "    equals: bad",                                  // 15
        "    treshold: 2",                                  // 16
        "    levels: [{min: 0, label: Fine}]",              // 17
        "---",
    }));
    INFO(r.text);
    CHECK(r.errors() == 0);
    CHECK(r.warnings() == 4);
    CHECK(r.has("artifacts/k.md:4: warning: unknown key 'titel' is ignored"));
    CHECK(r.has("artifacts/k.md:8: warning: unknown key 'lable' in field 'tone' is ignored"));
    CHECK(r.has("artifacts/k.md:10: warning: unknown key 'colour' in an option is ignored"));
    CHECK(r.has("artifacts/k.md:16: warning: unknown key 'treshold' in a rule is ignored"));
    REQUIRE(r.kinds.size() == 1);
    CHECK(r.kinds[0].fields.size() == 1);
    CHECK(r.kinds[0].rules.size() == 1);
}

TEST_CASE("the file name, not the folder, decides what is read: only .md files in artifacts/") {
    ArtifactCourse t;
    t.write("artifacts/notes.txt", "not a declaration");
    t.write("artifacts/k.md", lines({"---", "id: k", "title: K", "fields:", "  - {id: a, kind: text}", "---"}));
    auto r = load(t);
    CHECK(r.diagnostics.empty());
    CHECK(ids(r.kinds) == std::vector<std::string>{"k"});
}

// ---------------------------------------------------------------------------------------------------------------
// Modules and homework that name kinds

TEST_CASE("a module or homework that asks for an undeclared kind: an error at that entry") {
    ArtifactCourse t;
    t.write("artifacts/k.md", lines({"---", "id: audit", "title: Audit", "fields:", "  - {id: a, kind: text}", "---"}));
    t.write("ch/a.md", lines({
                           "---",                      // 1
                           "id: mod-a",                // 2
                           "number: 1",                // 3
                           "title: A",                 // 4
                           "minutes: 5",               // 5
                           "category: cat",            // 6
                           "artifacts:",               // 7
                           "  - audit",                // 8
                           "  - account-mapp",         // 9
                           "---",                      // 10
                           "Body.",                    // 11
                           "",                         //
                           "> [!REFLECTION]",          //
                           "> Think.",                 //
                       }));
    t.write("ch/hw.md", lines({"---", "id: hw-1", "number: 1", "title: Homework", "artifacts: [nowhere]", "---", "Do it."}));
    Course c = load_course(t.root());
    std::string all;
    for (const Diagnostic& d : c.diagnostics) all += format_diagnostic(d) + "\n";
    INFO(all);
    CHECK(all.find("ch/a.md:9: error: artifact kind 'account-mapp' is not declared in the course's artifacts/ "
                   "folder") != std::string::npos);
    CHECK(all.find("ch/hw.md:5: error: artifact kind 'nowhere' is not declared") != std::string::npos);
    CHECK(count_errors(c.diagnostics) == 2);  // 'audit' is declared: no message for it
    REQUIRE(c.chapters.size() == 1);
    REQUIRE(c.chapters[0].modules.size() == 2);
    const CourseItem& a = c.chapters[0].modules[0];
    CHECK(a.artifacts == std::vector<std::string>{"audit", "account-mapp"});
    CHECK(a.problems.size() == 1);  // the module itself carries the problem, so the app can show it there

    std::ostringstream out;
    CHECK(run_check(t.path(), out) == 1);
    CHECK(out.str().find("ch/a.md:9: error: artifact kind 'account-mapp'") != std::string::npos);
}

TEST_CASE("a course with no artifacts folder: every named kind is undeclared") {
    TempCourse t;
    t.write("ch/b.md", lines({"---", "id: mod-b", "number: 2", "title: B", "category: cat", "artifacts: [health-audit]",
                              "---", "> [!REFLECTION]", "> Think."}));
    Course c = load_course(t.root());
    REQUIRE(c.diagnostics.size() == 1);
    CHECK(format_diagnostic(c.diagnostics[0]) ==
          "ch/b.md:6: error: artifact kind 'health-audit' is not declared in the course's artifacts/ folder");
}

TEST_CASE("artifact errors make `groundwork check` fail, with the declaration's file:line") {
    ArtifactCourse t;
    t.write("artifacts/k.md", lines({"---", "id: k", "title: K", "fields:", "  - {id: a, kind: wat}", "---"}));
    std::ostringstream out;
    CHECK(run_check(t.path(), out) == 1);
    CHECK(out.str().find("artifacts/k.md:5: error: field 'a': unknown kind 'wat'") != std::string::npos);
}

// ---------------------------------------------------------------------------------------------------------------
// Never a crash

TEST_CASE("odd shapes anywhere in a declaration are reported, never thrown") {
    const std::vector<std::string> bodies = {
        "",
        "---\n---\n",
        "---\n- just\n- a list\n---\n",
        "---\nid: k\ntitle: K\nfields: nope\n---\n",
        "---\nid: k\ntitle: K\nfields: {id: a, kind: text}\n---\n",
        "---\nid: [k]\ntitle: {t: 1}\nfields: []\n---\n",
        "---\nid: k\ntitle: K\nfields:\n  - plain\n  - [a, b]\n  - {id: [x], kind: text}\n---\n",
        "---\nid: k\ntitle: K\nfields:\n  - {id: c, kind: choice, options: nope}\n  - {id: d, kind: choice, options: "
        "[[x], {id: [y]}, {label: L}, a, a]}\n---\n",
        "---\nid: k\ntitle: K\nfields:\n  - {id: r, kind: rating, max: lots}\n  - {id: s, kind: rating, max: [1]}\n---\n",
        "---\nid: k\ntitle: K\nfields:\n  - {id: t, kind: table, columns: nope}\n  - {id: u, kind: table, columns: "
        "[plain, {kind: text}], rows: nope}\n  - {id: v, kind: table, columns: [{id: x, kind: text}], rows: [plain, "
        "[1], {[x]: 1}, {x: [1, 2]}], group_by: [x], timeline: {a: b}}\n---\n",
        "---\nid: k\ntitle: K\nfields:\n  - {id: a, kind: choice, options: [x]}\nrules: nope\n---\n",
        "---\nid: k\ntitle: K\nfields:\n  - {id: a, kind: choice, options: [x]}\nrules:\n  - plain\n  - [1]\n  - {}\n"
        "  - {kind: count, fields: nope}\n  - {kind: count, fields: [[a]], equals: x}\n"
        "  - {kind: count, fields: [a], equals: x, levels: nope}\n  - {kind: sum}\n  - {kind: rows, table: [a]}\n---\n",
        "---\nid: k\ntitle: K\ndate: [d]\nscope: [s]\ndashboard: {x: 1}\nfields:\n  - {id: a, kind: text}\n---\n",
        "---\nid: k\ntitle: K\nfields: &f\n  - {id: t, kind: table, columns: *f}\n---\n",
        "---\nid: k\ntitle: K\nfields:\n  - {id: a, kind: text}\n---\n> [!NOPE]\n> an unknown block in the body\n",
    };
    for (const std::string& body : bodies) {
        CAPTURE(body);
        ArtifactCourse t;
        t.write("artifacts/k.md", body);
        std::vector<Diagnostic> d;
        CHECK_NOTHROW(load_artifact_kinds(t.root(), "", d));
        CHECK(count_errors(d) > 0);
        for (const Diagnostic& x : d) CHECK(x.file == "artifacts/k.md");
        std::ostringstream out;
        CHECK_NOTHROW(run_check(t.path(), out));
    }
}

// Three mistakes in a count rule that once made yaml-cpp throw out of the loader (no 'fields', no 'levels', a
// level that is a plain word): each must be one error at its own line.
TEST_CASE("a count rule without fields or levels, or with a level that is not a map, is an error, not a crash") {
    auto count_rule = [](std::initializer_list<const char*> rule) {
        std::string s = lines({"---", "id: k", "title: K", "fields:", "  - {id: tone, kind: choice, options: [ok, bad]}",
                               "rules:"});  // lines 1-6; the rule starts on line 7
        for (const char* l : rule) s += std::string(l) + "\n";
        return s + "---\n";
    };
    std::string body, expected;
    SUBCASE("no levels") {
        body = count_rule({"  - kind: count", "    fields: [tone]", "    equals: bad"});
        expected = "artifacts/k.md:7: error: count rule: 'levels' must list";
    }
    SUBCASE("no fields") {
        body = count_rule({"  - kind: count", "    equals: bad", "    levels: [{min: 0, label: Fine}]"});
        expected = "artifacts/k.md:7: error: count rule: 'fields' must list the choice fields to count";
    }
    SUBCASE("a level that is a plain word") {
        body = count_rule({"  - kind: count", "    fields: [tone]", "    equals: bad", "    levels:", "      - red"});
        expected = "artifacts/k.md:11: error:";
    }
    CAPTURE(body);
    ArtifactCourse t;
    t.write("artifacts/k.md", body);
    Loaded r;
    REQUIRE_NOTHROW(r = load(t));
    INFO(r.text);
    CHECK(r.has(expected));
    CHECK(r.errors() == 1);
}

TEST_CASE("preset rows are typed by their column, and a value a column cannot take is an error at its line") {
    Loaded r = load_one(lines({
        "---",                                                       // 1
        "id: k",                                                     // 2
        "title: K",                                                  // 3
        "fields:",                                                   // 4
        "  - id: rows",                                              // 5
        "    kind: table",                                           // 6
        "    columns:",                                              // 7
        "      - {id: year, kind: text}",                            // 8
        "      - {id: minutes, kind: number}",                       // 9
        "      - {id: quality, kind: choice, options: [good, bad]}", // 10
        "      - {id: done, kind: check}",                           // 11
        "    rows:",                                                 // 12
        "      - {year: 2026, minutes: 10, quality: good, done: true}",  // 13
        "      - {year: 'true', minutes: ten, quality: meh}",        // 14
        "---",
    }));
    INFO(r.text);
    CHECK(r.has("artifacts/k.md:14: error: table 'rows': column 'minutes' takes a number, not 'ten'"));
    CHECK(r.has("artifacts/k.md:14: error: table 'rows': column 'quality' has no option 'meh'"));
    CHECK(r.errors() == 2);
    REQUIRE(r.kind("k"));
    const auto& rows = r.kind("k")->fields[0].preset_rows;
    REQUIRE(rows.size() == 2);
    CHECK(rows[0]["year"] == "2026");  // text stays text
    CHECK(rows[0]["minutes"] == 10);
    CHECK(rows[0]["done"] == true);
    CHECK(rows[1]["year"] == "true");
}

TEST_CASE("dashboard takes true or false, and nothing that merely looks like it") {
    auto with = [](const char* value) {
        return load_one(lines({"---", "id: k", "title: K", "date: d", std::string("dashboard: ").append(value).c_str(),
                               "fields:", "  - {id: d, kind: date}", "  - {id: s, kind: choice, options: [ok, bad]}",
                               "rules:", "  - {kind: count, fields: [s], equals: bad, levels: [{min: 0, label: Fine}]}",
                               "---"}));
    };
    CHECK(with("True").errors() == 0);
    CHECK(with("True").kind("k")->dashboard);
    CHECK_FALSE(with("false").kind("k")->dashboard);
    Loaded yes = with("yes");
    CHECK(yes.has("artifacts/k.md:5: error: 'dashboard' is true or false, not 'yes'"));
}
