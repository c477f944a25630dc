// What the app computes from an artifact's values, run on the shipped declarations: the health audit's status and
// check-in date, the QBR agenda against its hour, the account map's threading warnings, and the one-chip status.
#include <doctest/doctest.h>

#include "runtime/artifacts/artifact_rules.h"
#include "runtime/course/course_loader.h"

using namespace gw;
using nlohmann::json;

namespace {

const Course& shipped() {
    static const Course course = load_course(GROUNDWORK_SHIPPED_CONTENT);
    return course;
}

const ArtifactKind& kind(const char* id) {
    const ArtifactKind* k = shipped().find_artifact_kind(id);
    REQUIRE_MESSAGE(k, "the shipped content declares no kind '" << id << "'");
    return *k;
}

const char* const kSignals[] = {"response_time", "engagement", "referrals", "tone"};

// A health audit dated `date` with the first `at_risk` signals at risk and the others healthy.
json audit(int at_risk, const std::string& date = "2026-11-24") {
    json v = json::object();
    if (!date.empty()) v["audit_date"] = date;
    for (int i = 0; i < 4; ++i) v[kSignals[i]] = i < at_risk ? "at_risk" : "healthy";
    return v;
}

// The QBR's agenda with these minutes per phase.
json agenda(std::initializer_list<json> minutes) {
    json rows = json::array();
    int n = 0;
    for (const json& m : minutes) rows.push_back({{"phase", "Phase " + std::to_string(++n)}, {"minutes", m}});
    return json{{"phases", rows}};
}

json stakeholder(const std::string& name, const std::string& quality, const std::string& influence = "user") {
    return {{"name", name}, {"quality", quality}, {"influence", influence}};
}

json account_map(std::initializer_list<json> people) {
    json rows = json::array();
    for (const json& p : people) rows.push_back(p);
    return json{{"stakeholders", rows}};
}

const std::string kSingleThreaded =
    "Single-threaded — fewer than two Strong relationships. One departure puts the account at risk.";
const std::string kNoDecisionMaker = "No decision maker mapped yet.";

}  // namespace

// ---------------------------------------------------------------------------------------------------------------
// Health audit: count the at-risk signals

TEST_CASE("health audit: no at-risk signal is Healthy, green") {
    const ArtifactKind& k = kind("health-audit");
    auto results = evaluate_rules(k, audit(0));
    REQUIRE(results.size() == 1);
    const RuleResult& r = results[0];
    CHECK(r.rule == &k.rules[0]);
    CHECK(r.applies);
    CHECK(r.met);
    CHECK(r.value == 0);
    CHECK(r.label == "Healthy");
    CHECK(r.color == "green");
    CHECK(r.due_date.empty());
    CHECK(r.detail.empty());
    auto s = artifact_status(k, audit(0));
    CHECK(s.label == "Healthy");
    CHECK(s.color == "green");
}

TEST_CASE("health audit: one at-risk signal is Watch, yellow, with no follow-up date") {
    const ArtifactKind& k = kind("health-audit");
    auto results = evaluate_rules(k, audit(1));
    REQUIRE(results.size() == 1);
    const RuleResult& r = results[0];
    CHECK(r.applies);
    CHECK(r.met);
    CHECK(r.value == 1);
    CHECK(r.label == "Watch");
    CHECK(r.color == "yellow");
    CHECK(r.detail == "One signal is slipping; keep an eye on it.");
    CHECK(r.due_date.empty());
    auto s = artifact_status(k, audit(1));
    CHECK(s.label == "Watch");
    CHECK(s.color == "yellow");
}

TEST_CASE("health audit: two or more at-risk signals are At risk, red, with a check-in due ten days later") {
    const ArtifactKind& k = kind("health-audit");
    for (int n : {2, 3, 4}) {
        CAPTURE(n);
        auto results = evaluate_rules(k, audit(n, "2026-11-24"));
        REQUIRE(results.size() == 1);
        const RuleResult& r = results[0];
        CHECK(r.applies);
        CHECK_FALSE(r.met);  // a follow-up is owed
        CHECK(r.value == n);
        CHECK(r.label == "At risk");
        CHECK(r.color == "red");
        CHECK(r.due_date == "2026-12-04");
        CHECK(r.detail == "Plan a proactive check-in. Due by 2026-12-04.");
        auto s = artifact_status(k, audit(n));
        CHECK(s.label == "At risk");
        CHECK(s.color == "red");
    }
}

TEST_CASE("health audit: the check-in date is counted in calendar days, across month, year and leap-day ends") {
    const ArtifactKind& k = kind("health-audit");
    const std::pair<const char*, const char*> cases[] = {
        {"2026-11-24", "2026-12-04"},  // into the next month
        {"2026-12-25", "2027-01-04"},  // into the next year
        {"2026-12-31", "2027-01-10"},
        {"2027-02-25", "2027-03-07"},  // February of a common year: 28 days
        {"2028-02-25", "2028-03-06"},  // February of a leap year: 29 days
        {"2026-01-01", "2026-01-11"},
    };
    for (const auto& c : cases) {
        // Not a structured binding: C++17 lambdas (inside CAPTURE) cannot capture one, and clang refuses it.
        const char* audit_date = c.first;
        const char* due = c.second;
        CAPTURE(audit_date);
        auto results = evaluate_rules(k, audit(4, audit_date));
        REQUIRE(results.size() == 1);
        CHECK(results[0].due_date == due);
        CHECK(results[0].detail == std::string("Plan a proactive check-in. Due by ") + due + ".");
    }
}

TEST_CASE("health audit: at risk without a usable audit date has no due date, but still asks for the check-in") {
    const ArtifactKind& k = kind("health-audit");
    for (const json& date : {json(), json(""), json("2026-02-30"), json("next week"), json(20260224)}) {
        CAPTURE(date.dump());
        json v = audit(2, "");
        if (!date.is_null()) v["audit_date"] = date;
        auto results = evaluate_rules(k, v);
        REQUIRE(results.size() == 1);
        CHECK(results[0].label == "At risk");
        CHECK(results[0].color == "red");
        CHECK_FALSE(results[0].met);
        CHECK(results[0].due_date.empty());
        CHECK(results[0].detail == "Plan a proactive check-in.");
    }
}

TEST_CASE("health audit: nothing rated yet is grey and does not apply") {
    const ArtifactKind& k = kind("health-audit");
    json cleared = {{"audit_date", "2026-11-24"}};
    for (const char* s : kSignals) cleared[s] = "";  // a choice clicked off again is stored as ""
    json wrong_types = {{"response_time", 1}, {"engagement", nullptr}, {"referrals", json::array({"at_risk"})},
                        {"tone", true}};
    for (const json& v : {json::object(), json{{"audit_date", "2026-11-24"}}, cleared, wrong_types, json()}) {
        CAPTURE(v.dump());
        auto results = evaluate_rules(k, v);
        REQUIRE(results.size() == 1);
        CHECK_FALSE(results[0].applies);
        CHECK(results[0].value == 0);
        CHECK(results[0].label == "Not rated yet");
        CHECK(results[0].color == "grey");
        CHECK(results[0].due_date.empty());
        auto s = artifact_status(k, v);
        CHECK(s.label == "Not rated yet");
        CHECK(s.color == "grey");
    }
}

TEST_CASE("health audit: a partly rated audit is judged on the signals rated so far") {
    const ArtifactKind& k = kind("health-audit");
    json v = {{"audit_date", "2026-11-24"}, {"engagement", "at_risk"}, {"tone", "at_risk"}};
    auto results = evaluate_rules(k, v);
    REQUIRE(results.size() == 1);
    CHECK(results[0].applies);
    CHECK(results[0].label == "At risk");
    CHECK(results[0].due_date == "2026-12-04");

    json one = {{"referrals", "healthy"}};
    CHECK(artifact_status(k, one).label == "Healthy");
}

// ---------------------------------------------------------------------------------------------------------------
// QBR design: the phases add up to the hour

TEST_CASE("QBR: the preset phases fill the hour: met, green, but the untouched artifact is Not started") {
    const ArtifactKind& k = kind("qbr-design");
    const Field* phases = k.field("phases");
    REQUIRE(phases);
    json v = {{"phases", phases->preset_rows}};
    auto results = evaluate_rules(k, v);
    REQUIRE(results.size() == 1);
    const RuleResult& r = results[0];
    CHECK(r.rule == &k.rules[0]);
    CHECK(r.applies);
    CHECK(r.met);
    CHECK(r.value == 60);
    CHECK(r.label == "60 of 60");
    CHECK(r.color == "green");
    CHECK(r.detail.empty());
    // The course's numbers, not the learner's (issue 10): nothing is complete until they fill something in.
    auto s = artifact_status(k, v);
    CHECK(s.label == "Not started");
    CHECK(s.color == "grey");
}

TEST_CASE("QBR: minutes edited in the app (stored as decimals) still make the hour") {
    const ArtifactKind& k = kind("qbr-design");
    json v = agenda({10.0, 15.0, 10.0, 15.0, 10.0});
    auto results = evaluate_rules(k, v);
    REQUIRE(results.size() == 1);
    CHECK(results[0].met);
    CHECK(results[0].label == "60 of 60");
    CHECK(artifact_status(k, v).label == "Complete");
}

TEST_CASE("QBR: 55 minutes is not met, with the message and '55 of 60'") {
    const ArtifactKind& k = kind("qbr-design");
    json v = agenda({10, 15, 5, 15, 10});
    auto results = evaluate_rules(k, v);
    REQUIRE(results.size() == 1);
    const RuleResult& r = results[0];
    CHECK(r.applies);
    CHECK_FALSE(r.met);
    CHECK(r.value == 55);
    CHECK(r.label == "55 of 60");
    CHECK(r.color == "yellow");
    CHECK(r.detail == "The five phases are designed to fill 60 minutes.");
    auto s = artifact_status(k, v);
    CHECK(s.label == "Agenda 55 of 60");
    CHECK(s.color == "yellow");
}

TEST_CASE("QBR: over the hour is not met either, and fractions show one decimal") {
    const ArtifactKind& k = kind("qbr-design");
    auto over = evaluate_rules(k, agenda({10, 15, 10, 15, 15}));
    REQUIRE(over.size() == 1);
    CHECK_FALSE(over[0].met);
    CHECK(over[0].label == "65 of 60");
    auto half = evaluate_rules(k, agenda({10, 15, 10, 15, 7.5}));
    REQUIRE(half.size() == 1);
    CHECK_FALSE(half[0].met);
    CHECK(half[0].value == doctest::Approx(57.5));
    CHECK(half[0].label == "57.5 of 60");
}

TEST_CASE("QBR: only numbers are added up") {
    const ArtifactKind& k = kind("qbr-design");
    // Text that looks like a number, an empty cell and a missing cell add nothing.
    json v = agenda({10, 15, "10", json(), 10});
    v["phases"].push_back({{"phase", "No minutes yet"}});
    v["phases"].push_back("not a row");
    auto results = evaluate_rules(k, v);
    REQUIRE(results.size() == 1);
    CHECK(results[0].value == 35);
    CHECK_FALSE(results[0].met);
    CHECK(results[0].label == "35 of 60");
}

TEST_CASE("QBR: no agenda yet is Not started, grey") {
    const ArtifactKind& k = kind("qbr-design");
    for (const json& v : {json::object(), json{{"phases", json::array()}}, json{{"phases", "ten minutes"}},
                          json{{"meeting_date", "2026-11-24"}}}) {
        CAPTURE(v.dump());
        auto results = evaluate_rules(k, v);
        REQUIRE(results.size() == 1);
        CHECK_FALSE(results[0].applies);
        CHECK(results[0].value == 0);
        auto s = artifact_status(k, v);
        CHECK(s.label == "Not started");
        CHECK(s.color == "grey");
    }
}

// ---------------------------------------------------------------------------------------------------------------
// Account map: count Strong relationships and decision makers

TEST_CASE("account map: fewer than two Strong relationships is single-threaded") {
    const ArtifactKind& k = kind("account-map");
    REQUIRE(k.rules.size() == 2);
    REQUIRE(k.rules[0].message == kSingleThreaded);

    SUBCASE("no Strong relationship") {
        json v = account_map({stakeholder("Ana", "neutral", "decision_maker"), stakeholder("Ben", "unknown")});
        auto results = evaluate_rules(k, v);
        REQUIRE(results.size() == 2);
        CHECK(results[0].applies);
        CHECK_FALSE(results[0].met);
        CHECK(results[0].value == 0);
        CHECK(results[0].label == kSingleThreaded);
        CHECK(results[0].color == "yellow");
        CHECK(results[1].met);  // there is a decision maker
        auto s = artifact_status(k, v);
        CHECK(s.label == kSingleThreaded);
        CHECK(s.color == "yellow");
    }
    SUBCASE("one Strong relationship") {
        json v = account_map({stakeholder("Ana", "strong", "decision_maker"), stakeholder("Ben", "neutral"),
                              stakeholder("Cy", "at_risk")});
        auto results = evaluate_rules(k, v);
        REQUIRE(results.size() == 2);
        CHECK_FALSE(results[0].met);
        CHECK(results[0].value == 1);
        CHECK(results[0].label == kSingleThreaded);
        CHECK(artifact_status(k, v).label == kSingleThreaded);
    }
    SUBCASE("two Strong relationships: no warning") {
        json v = account_map({stakeholder("Ana", "strong", "decision_maker"), stakeholder("Ben", "strong"),
                              stakeholder("Cy", "at_risk")});
        auto results = evaluate_rules(k, v);
        REQUIRE(results.size() == 2);
        CHECK(results[0].applies);
        CHECK(results[0].met);
        CHECK(results[0].value == 2);
        CHECK(results[0].label == "OK");
        CHECK(results[0].color == "green");
        CHECK(results[1].met);
        CHECK(results[1].value == 1);
        auto s = artifact_status(k, v);
        CHECK(s.label == "Complete");
        CHECK(s.color == "green");
    }
}

TEST_CASE("account map: only the exact option id counts as Strong") {
    const ArtifactKind& k = kind("account-map");
    json v = account_map({stakeholder("Ana", "Strong", "decision_maker"), stakeholder("Ben", "strong"),
                          {{"name", "Cy"}}, {{"name", "Di"}, {"quality", 1}}});
    auto results = evaluate_rules(k, v);
    REQUIRE(results.size() == 2);
    CHECK(results[0].value == 1);
    CHECK_FALSE(results[0].met);
}

TEST_CASE("account map: no decision maker mapped is a warning of its own") {
    const ArtifactKind& k = kind("account-map");
    json v = account_map({stakeholder("Ana", "strong", "influencer"), stakeholder("Ben", "strong", "user")});
    auto results = evaluate_rules(k, v);
    REQUIRE(results.size() == 2);
    CHECK(results[0].met);  // well threaded
    CHECK(results[1].applies);
    CHECK_FALSE(results[1].met);
    CHECK(results[1].value == 0);
    CHECK(results[1].label == kNoDecisionMaker);
    CHECK(results[1].color == "yellow");
    auto s = artifact_status(k, v);
    CHECK(s.label == kNoDecisionMaker);
    CHECK(s.color == "yellow");
}

TEST_CASE("account map: with both problems the chip shows the first rule's warning") {
    const ArtifactKind& k = kind("account-map");
    json v = account_map({stakeholder("Ana", "neutral", "user")});
    auto results = evaluate_rules(k, v);
    REQUIRE(results.size() == 2);
    CHECK_FALSE(results[0].met);
    CHECK_FALSE(results[1].met);
    CHECK(artifact_status(k, v).label == kSingleThreaded);
}

TEST_CASE("account map: nobody listed yet is Not started, not a warning") {
    const ArtifactKind& k = kind("account-map");
    for (const json& v : {json::object(), account_map({}), json{{"notes", "to do"}}}) {
        CAPTURE(v.dump());
        auto results = evaluate_rules(k, v);
        REQUIRE(results.size() == 2);
        CHECK_FALSE(results[0].applies);
        CHECK_FALSE(results[1].applies);
        auto s = artifact_status(k, v);
        CHECK(s.label == "Not started");
        CHECK(s.color == "grey");
    }
}

// ---------------------------------------------------------------------------------------------------------------
// The other shipped rules, and kinds without rules

TEST_CASE("three-loop assessment: weak loops counted into three levels, no follow-up date") {
    const ArtifactKind& k = kind("three-loop-assessment");
    json v = {{"assessed_on", "2026-11-24"}, {"retention", "weak"}, {"expansion", "weak"}, {"referral", "strong"}};
    auto s = artifact_status(k, v);
    CHECK(s.label == "Ecosystem at risk");
    CHECK(s.color == "red");
    auto results = evaluate_rules(k, v);
    REQUIRE(results.size() == 1);
    CHECK(results[0].due_date.empty());
    v["expansion"] = "developing";
    CHECK(artifact_status(k, v).label == "One loop needs work");
    v["retention"] = "strong";
    CHECK(artifact_status(k, v).label == "Self-sustaining");
    CHECK(artifact_status(k, v).color == "green");
}

TEST_CASE("tiering: a warning until one account is in Tier 1") {
    const ArtifactKind& k = kind("tiering-rhythm");
    json v = {{"accounts", json::array({{{"account", "acc-1"}, {"tier", "tier_2"}}})}};
    auto s = artifact_status(k, v);
    CHECK(s.label.rfind("No account is in Tier 1 yet.", 0) == 0);
    CHECK(s.color == "yellow");
    v["accounts"].push_back({{"account", "acc-2"}, {"tier", "tier_1"}});
    CHECK(artifact_status(k, v).label == "Complete");
}

TEST_CASE("a kind without rules has no results and an empty chip") {
    const ArtifactKind& k = kind("account-plan");
    json v = {{"plan_date", "2026-11-24"}, {"profile", "A regional bank."}};
    CHECK(evaluate_rules(k, v).empty());
    auto s = artifact_status(k, v);
    CHECK(s.label.empty());
    CHECK(s.color.empty());
}

TEST_CASE("a sum rule without a label still gives a clean status") {
    ArtifactKind kind;
    Field table;
    table.id = "t";
    table.kind = FieldKind::Table;
    Field minutes;
    minutes.id = "m";
    minutes.kind = FieldKind::Number;
    table.columns.push_back(minutes);
    kind.fields.push_back(table);
    Rule sum;
    sum.kind = RuleKind::Sum;
    sum.table = "t";
    sum.column = "m";
    sum.target = 60;
    kind.rules.push_back(sum);
    ArtifactStatus s = artifact_status(kind, {{"t", {{{"m", 55}}}}});
    CHECK(s.label == "55 of 60");
    CHECK(s.color == "yellow");
}
