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

// One chip for cards and lists: the first count rule's level; otherwise the first rule that warns; otherwise
// "Complete"/green when there are rules and all are met, "" when there are none.
struct ArtifactStatus {
    std::string label;
    std::string color;
};
ArtifactStatus artifact_status(const ArtifactKind& kind, const nlohmann::json& values);

}  // namespace gw
