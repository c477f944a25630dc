#include "runtime/artifacts/artifact_kind.h"

namespace gw {

const char* field_kind_name(FieldKind kind) {
    switch (kind) {
    case FieldKind::Text: return "text";
    case FieldKind::LongText: return "long_text";
    case FieldKind::Number: return "number";
    case FieldKind::Money: return "money";
    case FieldKind::Date: return "date";
    case FieldKind::Choice: return "choice";
    case FieldKind::Rating: return "rating";
    case FieldKind::Checklist: return "checklist";
    case FieldKind::Table: return "table";
    case FieldKind::Account: return "account";
    case FieldKind::Check: return "check";
    }
    return "text";
}

const char* account_field_name(AccountField f) {
    switch (f) {
    case AccountField::None: return "";
    case AccountField::CurrentValue: return "current_value";
    case AccountField::PotentialValue: return "potential_value";
    }
    return "";
}

nlohmann::json initial_values(const ArtifactKind& kind, const std::string& today) {
    nlohmann::json values = nlohmann::json::object();
    for (const Field& f : kind.fields)
        if (f.kind == FieldKind::Table && !f.preset_rows.empty()) values[f.id] = f.preset_rows;
    if (!kind.date_field.empty()) values[kind.date_field] = today;
    return values;
}

const ChoiceOption* Field::option(const std::string& id) const {
    for (const ChoiceOption& o : options)
        if (o.id == id) return &o;
    return nullptr;
}

const Field* Field::column(const std::string& id) const {
    for (const Field& c : columns)
        if (c.id == id) return &c;
    return nullptr;
}

const Field* ArtifactKind::field(const std::string& id) const {
    for (const Field& f : fields)
        if (f.id == id) return &f;
    return nullptr;
}

}  // namespace gw
