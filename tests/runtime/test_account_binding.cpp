// Money fields that stand for the account's own amounts (issue 10: the expansion-potential artifact asked again for
// the current and potential values the account already has): `account_field:` in a declaration, its errors at
// file:line, reading and writing through it, and what an older profile's stored amounts become.
#include <doctest/doctest.h>

#include <filesystem>
#include <initializer_list>

#include "runtime/artifacts/account_binding.h"
#include "runtime/artifacts/artifact_declarations.h"
#include "runtime/artifacts/artifact_export.h"
#include "runtime/cli/check_command.h"
#include "runtime/course/course_loader.h"
#include "temp_course.h"

using namespace gw;
using nlohmann::json;

namespace {

struct BindingLoad {
    std::vector<ArtifactKind> kinds;
    std::string text;  // every diagnostic as `groundwork check` prints it
    int errors = 0;
    bool has(const std::string& s) const { return text.find(s) != std::string::npos; }
};

BindingLoad load_binding_decl(std::initializer_list<const char*> file_lines) {
    gw::test::TempCourse t;
    std::string s;
    for (const char* l : file_lines) s += std::string(l) + "\n";
    t.write("artifacts/k.md", s);
    std::vector<Diagnostic> diagnostics;
    BindingLoad r;
    r.kinds = load_artifact_kinds(t.root(), "", diagnostics);
    for (const Diagnostic& d : diagnostics) r.text += format_diagnostic(d) + "\n";
    r.errors = count_errors(diagnostics);
    return r;
}

// The shipped expansion-potential kind, and a profile with one account and one such artifact.
struct Expansion {
    Course course = load_course(GROUNDWORK_SHIPPED_CONTENT);
    const ArtifactKind* kind = course.find_artifact_kind("expansion-potential");
    Profile profile;
    Account* account = nullptr;
    Artifact* artifact = nullptr;
    Expansion() {
        REQUIRE(kind);
        Account& a = profile.add_account("Northwind", 1);
        a.has_current_value = a.has_potential_value = false;
        profile.add_artifact("expansion-potential", "Expansion potential", a.id, 1);
        account = &profile.accounts.back();
        artifact = &profile.artifacts.back();
    }
};

}  // namespace

TEST_CASE("account_field: the shipped expansion potential binds its two amounts to the account") {
    Course c = load_course(GROUNDWORK_SHIPPED_CONTENT);
    const ArtifactKind* k = c.find_artifact_kind("expansion-potential");
    REQUIRE(k);
    REQUIRE(k->field("current_value"));
    REQUIRE(k->field("potential_value"));
    CHECK(k->field("current_value")->account_field == AccountField::CurrentValue);
    CHECK(k->field("potential_value")->account_field == AccountField::PotentialValue);
    CHECK(k->field("buys_now")->account_field == AccountField::None);
    CHECK(has_account_fields(*k));
    CHECK_FALSE(has_account_fields(*c.find_artifact_kind("account-map")));
}

TEST_CASE("account_field: what a declaration may not bind, each at its file:line") {
    SUBCASE("a valid binding loads clean") {
        auto r = load_binding_decl({"---", "id: k", "title: K", "scope: account", "fields:", "  - id: now",
                                    "    kind: money", "    account_field: current_value", "---"});
        INFO(r.text);
        CHECK(r.text.empty());
        REQUIRE(r.kinds.size() == 1);
        CHECK(r.kinds[0].fields[0].account_field == AccountField::CurrentValue);
    }
    SUBCASE("an amount the account does not have") {
        auto r = load_binding_decl({"---", "id: k", "title: K", "fields:", "  - id: now", "    kind: money",
                                    "    account_field: revenue", "---"});
        INFO(r.text);
        CHECK(r.has("artifacts/k.md:7: error: field 'now': account_field 'revenue' is not one of the account's amounts "
                    "(current_value, potential_value)"));
        CHECK(r.errors == 1);
        REQUIRE(r.kinds.size() == 1);
        CHECK(r.kinds[0].fields[0].account_field == AccountField::None);  // the field stays, as its own value
    }
    SUBCASE("a field that is not money") {
        auto r = load_binding_decl({"---", "id: k", "title: K", "fields:", "  - id: now", "    kind: number",
                                    "    account_field: current_value", "---"});
        INFO(r.text);
        CHECK(r.has("artifacts/k.md:7: error: field 'now': account_field needs 'kind: money'"));
        CHECK(r.errors == 1);
    }
    SUBCASE("a portfolio kind has no account") {
        auto r = load_binding_decl({"---", "id: k", "title: K", "scope: portfolio", "fields:", "  - id: now",
                                    "    kind: money", "    account_field: potential_value", "---"});
        INFO(r.text);
        CHECK(r.has("artifacts/k.md:6: error: field 'now': account_field potential_value needs 'scope: account'"));
        CHECK(r.errors == 1);
        CHECK(r.kinds[0].fields[0].account_field == AccountField::None);
    }
    SUBCASE("a table column") {
        auto r = load_binding_decl({"---", "id: k", "title: K", "fields:", "  - id: t", "    kind: table",
                                    "    columns:", "      - {id: v, kind: money, account_field: current_value}", "---"});
        INFO(r.text);
        CHECK(r.has("artifacts/k.md:8: error: column 'v': a table cell cannot stand for the account's current_value"));
        CHECK(r.errors == 1);
    }
    SUBCASE("two fields for one amount") {
        auto r = load_binding_decl({"---", "id: k", "title: K", "fields:",
                                    "  - {id: a, kind: money, account_field: current_value}",
                                    "  - {id: b, kind: money, account_field: current_value}", "---"});
        INFO(r.text);
        CHECK(r.has("artifacts/k.md:6: error: field 'b': account_field current_value is already the field 'a' (line 5)"));
        CHECK(r.errors == 1);
    }
}

TEST_CASE("account_field: reads come from the account, an empty amount stays absent, writes go to the account") {
    Expansion e;
    json scratch;
    // Nothing entered anywhere: the bound fields are absent, not 0.
    const json& none = values_with_account(*e.kind, *e.artifact, e.profile, scratch);
    CHECK_FALSE(none.contains("current_value"));
    CHECK_FALSE(none.contains("potential_value"));

    set_account_amount(*e.account, AccountField::CurrentValue, 300000.0);
    const json& one = values_with_account(*e.kind, *e.artifact, e.profile, scratch);
    CHECK(one["current_value"] == 300000.0);
    CHECK_FALSE(one.contains("potential_value"));
    CHECK(e.account->annual() == 300000.0);
    CHECK_FALSE(e.account->potential().has_value());

    set_account_amount(*e.account, AccountField::PotentialValue, 0.0);  // 0 is an amount
    CHECK(e.account->potential() == 0.0);
    set_account_amount(*e.account, AccountField::PotentialValue, std::nullopt);  // emptied again
    CHECK_FALSE(e.account->potential().has_value());
    CHECK_FALSE(e.account->has_potential_value);

    // An artifact's own stale copy never shows through: the account's amount wins.
    e.artifact->values["current_value"] = 5;
    CHECK(values_with_account(*e.kind, *e.artifact, e.profile, scratch)["current_value"] == 300000.0);
    CHECK(stored_before_binding(*e.kind->field("current_value"), *e.artifact, e.profile) == 5.0);

    // The Markdown export shows the account's amount under the field's label.
    const std::string md = artifact_markdown(e.kind, *e.artifact, e.profile, e.course);
    INFO(md);
    CHECK(md.find("300,000") != std::string::npos);

    // Without an account (deleted), what the artifact saved itself is what it has: exports keep the number.
    e.artifact->account = "gone";
    CHECK(values_with_account(*e.kind, *e.artifact, e.profile, scratch)["current_value"] == 5);
    e.artifact->values.erase("current_value");
    CHECK_FALSE(values_with_account(*e.kind, *e.artifact, e.profile, scratch).contains("current_value"));
}

TEST_CASE("account_field: an older profile's stored amounts go to the account when it has none, else stay put") {
    SUBCASE("the account has none: it takes the artifact's, whose copy goes") {
        Expansion e;
        e.artifact->values = {{"current_value", 120000}, {"potential_value", 450000}, {"buys_now", "Support"}};
        CHECK(adopt_account_amounts(e.course.artifact_kinds, e.profile));
        CHECK(e.account->annual() == 120000.0);
        CHECK(e.account->potential() == 450000.0);
        CHECK(e.artifact->values == json{{"buys_now", "Support"}});
        CHECK_FALSE(adopt_account_amounts(e.course.artifact_kinds, e.profile));  // once is enough
    }
    SUBCASE("the same amount in both: the copy goes") {
        Expansion e;
        set_account_amount(*e.account, AccountField::CurrentValue, 120000.0);
        e.artifact->values = {{"current_value", 120000}};
        CHECK(adopt_account_amounts(e.course.artifact_kinds, e.profile));
        CHECK(e.artifact->values.empty());
        CHECK(e.account->annual() == 120000.0);
    }
    SUBCASE("different amounts: the account keeps its own and the artifact's stays where it was") {
        Expansion e;
        set_account_amount(*e.account, AccountField::CurrentValue, 200000.0);
        e.artifact->values = {{"current_value", 120000}, {"potential_value", 450000}};
        CHECK(adopt_account_amounts(e.course.artifact_kinds, e.profile));  // the potential was adopted
        CHECK(e.account->annual() == 200000.0);
        CHECK(e.account->potential() == 450000.0);
        CHECK(e.artifact->values == json{{"current_value", 120000}});
        CHECK(stored_before_binding(*e.kind->field("current_value"), *e.artifact, e.profile) == 120000.0);
    }
    SUBCASE("an artifact without an existing account keeps its amounts") {
        Expansion e;
        e.artifact->account = "gone";
        e.artifact->values = {{"current_value", 120000}};
        CHECK_FALSE(adopt_account_amounts(e.course.artifact_kinds, e.profile));
        CHECK(e.artifact->values == json{{"current_value", 120000}});
    }
    SUBCASE("an empty (null) stored amount is not an amount") {
        Expansion e;
        e.artifact->values = {{"current_value", nullptr}};
        CHECK_FALSE(adopt_account_amounts(e.course.artifact_kinds, e.profile));
        CHECK_FALSE(e.account->annual().has_value());
    }
}
