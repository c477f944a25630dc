// Artifact budgets: one frame of an account map with 300 stakeholders (budget 2 ms), and of a health dashboard of
// 50 accounts by 52 weeks of audits, headless at 1280x800.
#include <imgui.h>

#include <filesystem>
#include <random>

#include "bench/bench_common.h"
#include "progress/work_session.h"
#include "runtime/artifacts/calendar_date.h"
#include "runtime/artifacts/health_dashboard.h"
#include "ui/headless.h"
#include "ui/reader_app.h"
#include "ui/views/sidebar_view.h"

namespace fs = std::filesystem;

namespace gw::bench {

int bench_artifacts() {
    std::printf("Worked artifacts (headless, 1280x800)\n");
    ui::HeadlessImGui gui;
    const fs::path data = fs::temp_directory_path() / ("gw-bench-artifacts-" + std::to_string(std::random_device{}()));
    WorkSession session(std::make_unique<ProfileStore>(data, "bench"));
    session.open();
    AppOptions options;
    options.content_dir = GROUNDWORK_SHIPPED_CONTENT;
    ui::ReaderApp app(options, gui.fonts(), &session);
    app.load_content();
    auto body = [&] { app.frame(); };

    // An account map of 300 stakeholders spread over the four relationship groups.
    const char* quality[] = {"strong", "neutral", "unknown", "at_risk"};
    const char* influence[] = {"decision_maker", "influencer", "user"};
    nlohmann::json rows = nlohmann::json::array();
    for (int i = 0; i < 300; ++i)
        rows.push_back({{"name", "Stakeholder " + std::to_string(i)}, {"role", "Director of Operations"},
                        {"location", "Rotterdam"}, {"influence", influence[i % 3]}, {"quality", quality[i % 4]},
                        {"value_seen", "Faster month-end close"}, {"challenge", "Forecast accuracy"},
                        {"outreach", "Lunch with the team"}, {"outreach_date", "2026-12-01"}});
    const std::string big = session.add_account("Big Account").id;
    const std::string map = session.create_artifact("account-map", "Account map", big, {{"stakeholders", rows}}, "").id;
    app.open_work(ui::kArtifactPrefix + map);
    for (int i = 0; i < 5; ++i) gui.frame(body);
    const double map_top = median_ms(101, [&] { gui.frame(body); });
    report("account map, 300 stakeholders, top of the page", map_top, 2.0);
    for (int i = 0; i < 6; ++i) gui.key(ImGuiKey_PageDown, body);
    const double map_mid = median_ms(101, [&] { gui.frame(body); });
    report("account map, 300 stakeholders, scrolled into the table", map_mid, 2.0);

    // 50 accounts, a weekly audit each for a year.
    const long today = today_days();
    for (int a = 0; a < 50; ++a) {
        const std::string acct = session.add_account("Account " + std::to_string(a)).id;
        for (int w = 0; w < 52; ++w) {
            const char* r = (a + w) % 7 == 0 ? "at_risk" : "healthy";
            session.create_artifact("health-audit", "Health audit", acct,
                                    {{"audit_date", format_date(today - 7 * w)}, {"response_time", r},
                                     {"engagement", (a * w) % 5 == 0 ? "at_risk" : "healthy"}, {"referrals", "healthy"},
                                     {"tone", "healthy"}},
                                    "");
        }
    }
    const ArtifactKind* audit = app.course().find_artifact_kind("health-audit");
    const double build = median_ms(21, [&] { (void)build_dashboard(session.profile(), *audit, today, 52); });
    report("dashboard model: 50 accounts x 52 weekly audits (2,600)", build, 0);
    app.open_work(ui::kDashboardPage);
    for (int i = 0; i < 5; ++i) gui.frame(body);
    const double dash = median_ms(51, [&] { gui.frame(body); });
    report("one frame of that health dashboard", dash, 0);
    std::printf("\n");
    std::error_code ec;
    fs::remove_all(data, ec);
    return map_top > 2.0 || map_mid > 2.0;
}

}  // namespace gw::bench
