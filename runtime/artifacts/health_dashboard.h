#pragma once
// The portfolio read week over week: for a dashboard artifact kind (the health audit), each account's status in
// each week, coloured by the kind's count rule, like a Monday-morning report.
#include <string>
#include <vector>

#include "progress/profile.h"
#include "runtime/artifacts/artifact_kind.h"

namespace gw {

struct DashboardCell {
    std::string artifact;  // the latest audit dated in that week; "" for none
    std::string label;     // "At risk"
    std::string color;     // red / yellow / green / grey
};

struct DashboardRow {
    std::string account;  // id
    std::string name;
    int tier = 0;
    std::vector<DashboardCell> weeks;  // one per Dashboard::weeks
    DashboardCell latest;              // the newest audit of all
    std::string latest_date;
    std::string due_date;              // a check-in the newest audit asks for
};

struct Dashboard {
    std::vector<long> weeks;  // Monday of each week, oldest first (days since 1970-01-01)
    std::vector<DashboardRow> rows;  // tier 1 first, then by name; accounts without audits too
    int at_risk = 0, watch = 0, healthy = 0, not_audited = 0;  // by each account's newest audit
};

// `last_week` is any day of the newest week to show.
Dashboard build_dashboard(const Profile& profile, const ArtifactKind& kind, long last_week, int week_count);

}  // namespace gw
