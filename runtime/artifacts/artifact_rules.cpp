#include "runtime/artifacts/artifact_rules.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "runtime/artifacts/calendar_date.h"

namespace gw {

namespace {

using nlohmann::json;

const json& table_rows(const json& values, const std::string& table) {
    static const json empty = json::array();
    auto it = values.find(table);
    return it != values.end() && it->is_array() ? *it : empty;
}

std::string number_text(double v) {
    char buf[32];
    if (std::fabs(v - std::round(v)) < 1e-9) std::snprintf(buf, sizeof buf, "%.0f", v);
    else std::snprintf(buf, sizeof buf, "%.1f", v);
    return buf;
}

bool has_text(const std::string& s) { return s.find_first_not_of(" \t\r\n") != std::string::npos; }

// A signal counts as rated only when it holds one of its field's options: blank text ("  " from a hand-edited or
// imported file) or an option the course has since removed is what the editor shows as "Not rated yet" too.
bool rated(const ArtifactKind& kind, const std::string& field_id, const json& v) {
    if (!v.is_string() || !has_text(v.get_ref<const std::string&>())) return false;
    const Field* field = kind.field(field_id);
    return !field || field->options.empty() || field->option(v.get_ref<const std::string&>());
}

RuleResult count_rule(const ArtifactKind& kind, const Rule& rule, const json& values) {
    RuleResult r;
    r.rule = &rule;
    int rated_fields = 0, matching = 0;
    for (const std::string& f : rule.fields) {
        auto it = values.find(f);
        if (it == values.end() || !rated(kind, f, *it)) continue;
        ++rated_fields;
        matching += it->get<std::string>() == rule.equals;
    }
    r.value = matching;
    if (rated_fields == 0) {
        r.applies = false;
        r.label = "Not rated yet";
        r.color = "grey";
        return r;
    }
    for (const StatusLevel& level : rule.levels) {  // highest min first
        if (matching < level.min) continue;
        r.label = level.label;
        r.color = level.color;
        r.detail = level.note;
        r.met = level.due_days == 0;
        if (level.due_days > 0) {
            auto date = values.find(kind.date_field);
            if (date != values.end() && date->is_string())
                if (auto day = parse_date(date->get<std::string>())) {
                    r.due_date = format_date(*day + level.due_days);
                    r.detail += (r.detail.empty() ? "" : " ") + std::string("Due by ") + r.due_date + ".";
                }
        }
        break;
    }
    return r;
}

RuleResult sum_rule(const Rule& rule, const json& values) {
    RuleResult r;
    r.rule = &rule;
    double sum = 0;
    const json& rows = table_rows(values, rule.table);
    for (const json& row : rows) {
        auto it = row.find(rule.column);
        if (it != row.end() && it->is_number()) sum += it->get<double>();
    }
    r.value = sum;
    r.applies = !rows.empty();
    r.met = std::fabs(sum - rule.target) < 1e-9;
    r.label = number_text(sum) + " of " + number_text(rule.target);
    r.color = r.met ? "green" : "yellow";
    if (!r.met) r.detail = rule.message;
    return r;
}

RuleResult rows_rule(const Rule& rule, const json& values) {
    RuleResult r;
    r.rule = &rule;
    int matching = 0;
    const json& rows = table_rows(values, rule.table);
    for (const json& row : rows) {
        auto it = row.find(rule.column);
        matching += it != row.end() && it->is_string() && it->get<std::string>() == rule.equals;
    }
    r.value = matching;
    r.applies = !rows.empty();
    r.met = matching >= rule.min;
    r.label = r.met ? "OK" : rule.message;
    r.color = r.met ? "green" : "yellow";
    return r;
}

// Anything of the learner's in one value: what "empty" means for each kind of field.
bool filled(const Field* field, const json& v) {
    if (v.is_null()) return false;
    if (field && field->kind == FieldKind::Table && !v.is_array()) return false;  // nothing a table can show
    if (v.is_string()) return has_text(v.get<std::string>());
    if (v.is_boolean()) return v.get<bool>();
    if (v.is_number()) return !(field && field->kind == FieldKind::Rating && v.get<double>() == 0);
    if (v.is_array()) {
        if (field && !field->preset_rows.empty() && v.size() == field->preset_rows.size() &&
            std::equal(v.begin(), v.end(), field->preset_rows.begin()))
            return false;  // still the rows the course put there
        for (const json& row : v)
            if (row.is_object()) {
                for (auto it = row.begin(); it != row.end(); ++it)
                    if (filled(field ? field->column(it.key()) : nullptr, *it)) return true;
            } else if (filled(nullptr, row)) {
                return true;
            }
        return false;
    }
    if (v.is_object()) {
        for (const json& item : v)
            if (filled(nullptr, item)) return true;
        return false;
    }
    return true;
}

}  // namespace

bool artifact_started(const ArtifactKind& kind, const json& values) {
    if (!values.is_object()) return false;
    for (auto it = values.begin(); it != values.end(); ++it) {
        if (it.key() == kind.date_field) continue;  // prefilled with the day it was created
        // Only what the declaration asks for: a value kept from a field since removed is shown, but not judged.
        if (const Field* f = kind.field(it.key()); f && filled(f, *it)) return true;
    }
    return false;
}

std::vector<RuleResult> evaluate_rules(const ArtifactKind& kind, const json& values) {
    std::vector<RuleResult> out;
    out.reserve(kind.rules.size());
    for (const Rule& rule : kind.rules) {
        switch (rule.kind) {
        case RuleKind::Count: out.push_back(count_rule(kind, rule, values)); break;
        case RuleKind::Sum: out.push_back(sum_rule(rule, values)); break;
        case RuleKind::Rows: out.push_back(rows_rule(rule, values)); break;
        }
    }
    return out;
}

ArtifactStatus artifact_status(const ArtifactKind& kind, const json& values) {
    const std::vector<RuleResult> results = evaluate_rules(kind, values);
    for (const RuleResult& r : results)  // "Not rated yet" (grey) until a signal is rated
        if (r.rule->kind == RuleKind::Count) return {r.label, r.color};
    if (!artifact_started(kind, values)) return {"Not started", "grey"};
    // Rules that count nothing filled in yet: notes alone do not start an account map's threading.
    if (!results.empty() && std::none_of(results.begin(), results.end(), [](const RuleResult& r) { return r.applies; }))
        return {"Not started", "grey"};
    bool all_judged = true;
    for (const RuleResult& r : results) {
        if (r.applies && !r.met) {
            const bool named = r.rule->kind != RuleKind::Rows && !r.rule->label.empty();
            return {named ? r.rule->label + " " + r.label : r.label, "yellow"};
        }
        // A sum over a table the learner has not touched judged the course's preset numbers, not theirs.
        const Field* table = kind.field(r.rule->table);
        const bool learners = r.rule->kind == RuleKind::Count ||
                              filled(table, values.is_object() && values.contains(r.rule->table) ? values[r.rule->table] : json());
        all_judged &= r.applies && learners;
    }
    if (results.empty()) return {};
    return all_judged ? ArtifactStatus{"Complete", "green"} : ArtifactStatus{"In progress", "blue"};
}

}  // namespace gw
