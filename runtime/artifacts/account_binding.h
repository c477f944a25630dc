#pragma once
// Money fields that stand for the account's own amounts (artifact_kind.h AccountField, declared with
// `account_field:`): reading an artifact through them, writing to the account through them, and the one-time
// adoption of amounts that artifacts stored themselves before their field was bound.
#include <nlohmann/json.hpp>

#include <optional>
#include <vector>

#include "progress/profile.h"
#include "runtime/artifacts/artifact_kind.h"
#include "runtime/artifacts/artifact_rules.h"

namespace gw {

// The account's amount a field stands for: empty when not entered (Account::annual()/potential()), never 0.
std::optional<double> account_amount(const Account& account, AccountField which);
// Sets it (nullopt empties it, the has_* flag cleared); `which` None changes nothing.
void set_account_amount(Account& account, AccountField which, const std::optional<double>& amount);

// True when any field of `kind` is bound to the account.
bool has_account_fields(const ArtifactKind& kind);

// The values the rules, exports and cards read: the artifact's own, with each bound field replaced by its
// account's amount (a number); when the account has none or the artifact has no (existing) account, the amount
// the artifact saved itself, if any (so an export never loses a number the learner typed).
// Returns artifact.values itself, uncopied, for a kind without bound fields; otherwise fills and returns `scratch`.
const nlohmann::json& values_with_account(const ArtifactKind& kind, const Artifact& artifact, const Profile& profile,
                                          nlohmann::json& scratch);

// The status chip (artifact_rules.h artifact_status) and the rule results of an artifact, its values read through
// its account fields: what cards, lists, the artifact page and the learning records show.
ArtifactStatus artifact_status(const ArtifactKind& kind, const Artifact& artifact, const Profile& profile);
std::vector<RuleResult> evaluate_rules(const ArtifactKind& kind, const Artifact& artifact, const Profile& profile);

// What a bound field's artifact stored itself before the field followed the account, when that differs from the
// account's amount (adopt_account_amounts keeps it there): shown under the field so nothing is silently lost.
std::optional<double> stored_before_binding(const Field& field, const Artifact& artifact, const Profile& profile);

// Profiles from before `account_field:` (issue 10): an expansion-potential artifact held its own current and
// potential values. For each artifact of a kind in `kinds` with an existing account, and each bound field whose
// stored value is a number:
// - the account's amount is empty: the account takes the stored amount, and the artifact's copy is removed;
// - the account has the same amount: the artifact's copy is removed (nothing to keep apart);
// - the amounts differ: the account keeps its own; the artifact's stored value is left untouched, so nothing is
//   lost (stored_before_binding shows it under the field, and the JSON export carries it).
// Artifacts are visited in profile order, so of two artifacts of one account the first one's amount is adopted.
// Returns whether the profile changed. Idempotent.
bool adopt_account_amounts(const std::vector<ArtifactKind>& kinds, Profile& profile);

}  // namespace gw
