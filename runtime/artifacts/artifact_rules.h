#pragma once
// What the app computes from an artifact's values, as the content's rules say: a status from counted signals, a
// sum against a target, a warning from counted table rows.
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "runtime/artifacts/artifact_kind.h"

namespace gw {

struct RuleResult {
    const Rule* rule = nullptr;
    bool met = true;         // false: the rule warns (sum off target, too few rows)
    bool applies = true;     // false: nothing entered yet for it to judge
    double value = 0;        // what was counted or summed
    std::string label;       // "At risk", "55 of 60 min", "Single-threaded — ..."
    std::string color;       // green, yellow, red, grey or ""
    std::string detail;      // "Plan a proactive check-in. Due by 2026-12-06."
    std::string due_date;    // "YYYY-MM-DD" when a level asks for a follow-up
};

std::vector<RuleResult> evaluate_rules(const ArtifactKind& kind, const nlohmann::json& values);

// One chip for cards and lists (issue 10: an untouched QBR design said "Complete"):
// - the first count rule's level ("Not rated yet"/grey before any signal is rated);
// - "Not started"/grey while nothing is filled in: every field is empty or still what the kind starts an artifact
//   with (preset table rows, today's date in the date field; see initial_values), or no rule has anything to count;
// - otherwise the first rule that warns;
// - "Complete"/green only when every rule has something of the learner's to judge and all are met (a sum over a
//   table still holding only its preset rows has judged the course's numbers, not the learner's);
// - "In progress"/blue when some rule has nothing entered yet; "" for a started kind without rules.
struct ArtifactStatus {
    std::string label;
    std::string color;
};
ArtifactStatus artifact_status(const ArtifactKind& kind, const nlohmann::json& values);

// True when the learner has filled in anything: a declared field holding more than what initial_values gave it (a blank
// string, an empty list, unticked boxes and a 0 rating are empty; the date field's prefilled day does not count).
bool artifact_started(const ArtifactKind& kind, const nlohmann::json& values);

}  // namespace gw
