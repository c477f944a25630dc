#include "runtime/artifacts/health_dashboard.h"

#include <algorithm>
#include <map>

#include "runtime/artifacts/artifact_rules.h"
#include "runtime/artifacts/calendar_date.h"

namespace gw {

Dashboard build_dashboard(const Profile& profile, const ArtifactKind& kind, long last_week, int week_count) {
    Dashboard d;
    const long newest = week_start(last_week);
    for (int i = week_count - 1; i >= 0; --i) d.weeks.push_back(newest - 7L * i);
    const long first = d.weeks.empty() ? newest : d.weeks.front();

    std::map<std::string, std::size_t> row_of;
    for (const Account& a : profile.accounts) {
        DashboardRow row;
        row.account = a.id;
        row.name = a.name;
        row.tier = a.tier;
        row.weeks.resize(d.weeks.size());
        row_of[a.id] = d.rows.size();
        d.rows.push_back(std::move(row));
    }

    // Audits in date order, so a later one in the same week overwrites an earlier one.
    struct Dated {
        long day;
        const Artifact* artifact;
    };
    std::vector<Dated> audits;
    for (const Artifact& a : profile.artifacts) {
        if (a.kind != kind.id || !row_of.count(a.account)) continue;
        auto date = a.values.find(kind.date_field);
        if (date == a.values.end() || !date->is_string()) continue;
        if (auto day = parse_date(date->get<std::string>())) audits.push_back({*day, &a});
    }
    std::stable_sort(audits.begin(), audits.end(), [](const Dated& x, const Dated& y) { return x.day < y.day; });

    for (const Dated& audit : audits) {
        DashboardRow& row = d.rows[row_of[audit.artifact->account]];
        const std::vector<RuleResult> results = evaluate_rules(kind, audit.artifact->values);
        DashboardCell cell{audit.artifact->id, "", "grey"};
        std::string due;
        for (const RuleResult& r : results)
            if (r.rule->kind == RuleKind::Count) {
                cell.label = r.label;
                cell.color = r.applies ? r.color : "grey";
                due = r.due_date;
                break;
            }
        row.latest = cell;
        row.latest_date = format_date(audit.day);
        row.due_date = due;
        if (audit.day >= first && audit.day < newest + 7) row.weeks[(week_start(audit.day) - first) / 7] = cell;
    }

    for (const DashboardRow& row : d.rows) {
        if (row.latest.artifact.empty()) ++d.not_audited;
        else if (row.latest.color == "red") ++d.at_risk;
        else if (row.latest.color == "yellow") ++d.watch;
        else if (row.latest.color == "green") ++d.healthy;
        else ++d.not_audited;
    }
    std::stable_sort(d.rows.begin(), d.rows.end(), [](const DashboardRow& a, const DashboardRow& b) {
        const int ta = a.tier == 0 ? 9 : a.tier, tb = b.tier == 0 ? 9 : b.tier;
        return ta != tb ? ta < tb : a.name < b.name;
    });
    return d;
}

}  // namespace gw
