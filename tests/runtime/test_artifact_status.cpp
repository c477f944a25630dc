// The one-chip status against every kind the course ships (issue 10: an untouched QBR design said "Complete"):
// untouched is "Not started", "Complete" only once what the rules count was filled in by the learner.
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

}  // namespace

TEST_CASE("every shipped kind: a new artifact, as the app creates it, is Not started") {
    REQUIRE(shipped().artifact_kinds.size() >= 10);
    for (const ArtifactKind& k : shipped().artifact_kinds) {
        CAPTURE(k.id);
        for (const json& v : {json::object(), initial_values(k, "2026-11-24")}) {
            CAPTURE(v.dump());
            CHECK_FALSE(artifact_started(k, v));
            const ArtifactStatus s = artifact_status(k, v);
            const bool counts = !k.rules.empty() && k.rules.front().kind == RuleKind::Count;
            CHECK(s.label == (counts ? "Not rated yet" : "Not started"));  // never Complete, never green
            CHECK(s.color == "grey");
        }
    }
}

TEST_CASE("every shipped kind: empty-looking values (blank text, unticked boxes, a 0 rating) are not a start") {
    for (const ArtifactKind& k : shipped().artifact_kinds) {
        CAPTURE(k.id);
        json v = initial_values(k, "2026-11-24");
        for (const Field& f : k.fields) {
            if (v.contains(f.id)) continue;
            switch (f.kind) {
            case FieldKind::Text:
            case FieldKind::LongText:
            case FieldKind::Choice: v[f.id] = "  "; break;
            case FieldKind::Rating: v[f.id] = 0; break;
            case FieldKind::Check: v[f.id] = false; break;
            case FieldKind::Checklist: {
                json ticks = json::object();
                for (const ChoiceOption& item : f.items) ticks[item.id] = false;
                v[f.id] = ticks;
                break;
            }
            case FieldKind::Table: v[f.id] = json::array(); break;
            default: break;
            }
        }
        CAPTURE(v.dump());
        const bool counts = !k.rules.empty() && k.rules.front().kind == RuleKind::Count;
        CHECK(artifact_status(k, v).label == (counts ? "Not rated yet" : "Not started"));
    }
}

TEST_CASE("every shipped kind: one field filled in starts it") {
    for (const ArtifactKind& k : shipped().artifact_kinds) {
        for (const Field& f : k.fields) {
            if (f.id == k.date_field) continue;
            json v = initial_values(k, "2026-11-24");
            switch (f.kind) {
            case FieldKind::Text:
            case FieldKind::LongText: v[f.id] = "Something real"; break;
            case FieldKind::Number:
            case FieldKind::Money: v[f.id] = 5; break;
            case FieldKind::Date: v[f.id] = "2026-12-01"; break;
            case FieldKind::Choice:
                if (f.options.empty()) continue;
                v[f.id] = f.options.front().id;
                break;
            case FieldKind::Rating: v[f.id] = 1; break;
            case FieldKind::Check: v[f.id] = true; break;
            case FieldKind::Account: v[f.id] = "acct-1"; break;
            case FieldKind::Checklist:
                if (f.items.empty()) continue;
                v[f.id] = {{f.items.front().id, true}};
                break;
            case FieldKind::Table:
                if (f.columns.empty()) continue;
                v[f.id].push_back({{f.columns.front().id, "Someone"}});
                break;
            }
            CAPTURE(k.id);
            CAPTURE(f.id);
            CHECK(artifact_started(k, v));
        }
    }
}

TEST_CASE("QBR design: preset agenda plus a hypothesis is In progress; the learner's own agenda makes it Complete") {
    const ArtifactKind* k = shipped().find_artifact_kind("qbr-design");
    REQUIRE(k);
    json v = initial_values(*k, "2026-11-24");
    v["hypothesis"] = "They will want the analytics add-on.";
    ArtifactStatus s = artifact_status(*k, v);
    CHECK(s.label == "In progress");
    CHECK(s.color == "blue");
    v["phases"][0]["questions"] = "What changed in your business since spring?";
    s = artifact_status(*k, v);
    CHECK(s.label == "Complete");
    CHECK(s.color == "green");
}

TEST_CASE("health audit: a signal holding blank text or an option the course no longer offers is not rated") {
    const ArtifactKind* k = shipped().find_artifact_kind("health-audit");
    REQUIRE(k);
    json v = initial_values(*k, "2026-11-24");
    v["response_time"] = "\t";
    v["engagement"] = "amber";  // an option an earlier version of the course offered
    ArtifactStatus s = artifact_status(*k, v);
    CHECK(s.label == "Not rated yet");
    CHECK(s.color == "grey");
    v["tone"] = "at_risk";  // one real rating: the others still count for nothing
    s = artifact_status(*k, v);
    CHECK(s.label == "Watch");
    CHECK(s.color == "yellow");
}
