#include "runtime/artifacts/account_binding.h"

#include <algorithm>

namespace gw {

using nlohmann::json;

std::optional<double> account_amount(const Account& account, AccountField which) {
    switch (which) {
    case AccountField::CurrentValue: return account.annual();
    case AccountField::PotentialValue: return account.potential();
    case AccountField::None: break;
    }
    return std::nullopt;
}

void set_account_amount(Account& account, AccountField which, const std::optional<double>& amount) {
    double* value = which == AccountField::CurrentValue     ? &account.current_value
                    : which == AccountField::PotentialValue ? &account.potential_value
                                                            : nullptr;
    bool* has = which == AccountField::CurrentValue     ? &account.has_current_value
                : which == AccountField::PotentialValue ? &account.has_potential_value
                                                        : nullptr;
    if (!value) return;
    *value = amount.value_or(0);
    *has = amount.has_value();
}

bool has_account_fields(const ArtifactKind& kind) {
    return std::any_of(kind.fields.begin(), kind.fields.end(),
                       [](const Field& f) { return f.account_field != AccountField::None; });
}

const json& values_with_account(const ArtifactKind& kind, const Artifact& artifact, const Profile& profile,
                                json& scratch) {
    if (!has_account_fields(kind)) return artifact.values;
    scratch = artifact.values.is_object() ? artifact.values : json::object();
    const Account* account = profile.account(artifact.account);
    for (const Field& f : kind.fields) {
        if (f.account_field == AccountField::None) continue;
        const std::optional<double> amount = account ? account_amount(*account, f.account_field) : std::nullopt;
        // The account's amount when it has one; otherwise what the artifact saved, if anything (an artifact with no
        // account, or a profile not opened since amounts followed the account): never dropped from an export.
        if (amount) scratch[f.id] = *amount;
    }
    return scratch;
}

ArtifactStatus artifact_status(const ArtifactKind& kind, const Artifact& artifact, const Profile& profile) {
    json scratch;
    return artifact_status(kind, values_with_account(kind, artifact, profile, scratch));
}

std::vector<RuleResult> evaluate_rules(const ArtifactKind& kind, const Artifact& artifact, const Profile& profile) {
    json scratch;
    return evaluate_rules(kind, values_with_account(kind, artifact, profile, scratch));
}

std::optional<double> stored_before_binding(const Field& field, const Artifact& artifact, const Profile& profile) {
    if (field.account_field == AccountField::None || !artifact.values.is_object()) return std::nullopt;
    auto it = artifact.values.find(field.id);
    if (it == artifact.values.end() || !it->is_number()) return std::nullopt;
    const Account* account = profile.account(artifact.account);
    const std::optional<double> now = account ? account_amount(*account, field.account_field) : std::nullopt;
    if (now && *now == it->get<double>()) return std::nullopt;
    return it->get<double>();
}

bool adopt_account_amounts(const std::vector<ArtifactKind>& kinds, Profile& profile) {
    bool changed = false;
    for (Artifact& artifact : profile.artifacts) {
        auto kind = std::find_if(kinds.begin(), kinds.end(), [&](const ArtifactKind& k) { return k.id == artifact.kind; });
        if (kind == kinds.end() || !artifact.values.is_object()) continue;
        Account* account = profile.account(artifact.account);
        if (!account) continue;  // no account to give it to: the artifact keeps its amount
        for (const Field& f : kind->fields) {
            if (f.account_field == AccountField::None) continue;
            auto stored = artifact.values.find(f.id);
            if (stored == artifact.values.end() || !stored->is_number()) continue;
            const double amount = stored->get<double>();
            const std::optional<double> own = account_amount(*account, f.account_field);
            if (own && *own != amount) continue;  // both entered and different: each keeps its own
            if (!own) set_account_amount(*account, f.account_field, amount);
            artifact.values.erase(stored);
            changed = true;
        }
    }
    return changed;
}

}  // namespace gw
