#include "runtime/artifacts/artifact_rules.h"

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

RuleResult count_rule(const ArtifactKind& kind, const Rule& rule, const json& values) {
    RuleResult r;
    r.rule = &rule;
    int rated = 0, matching = 0;
    for (const std::string& f : rule.fields) {
        auto it = values.find(f);
        if (it == values.end() || !it->is_string() || it->get<std::string>().empty()) continue;
        ++rated;
        matching += it->get<std::string>() == rule.equals;
    }
    r.value = matching;
    if (rated == 0) {
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

}  // namespace

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
    for (const RuleResult& r : results)
        if (r.rule->kind == RuleKind::Count) return {r.label, r.color};
    bool any_applies = false;
    for (const RuleResult& r : results) {
        any_applies |= r.applies;
        if (r.applies && !r.met) {
            const bool named = r.rule->kind != RuleKind::Rows && !r.rule->label.empty();
            return {named ? r.rule->label + " " + r.label : r.label, "yellow"};
        }
    }
    if (results.empty()) return {};
    return any_applies ? ArtifactStatus{"Complete", "green"} : ArtifactStatus{"Not started", "grey"};
}

}  // namespace gw
