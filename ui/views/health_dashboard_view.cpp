#include "ui/views/health_dashboard_view.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "runtime/artifacts/calendar_date.h"
#include "runtime/artifacts/health_dashboard.h"
#include "ui/widgets/buttons.h"
#include "ui/widgets/chip.h"
#include "ui/item_probe.h"
#include "ui/theme.h"
#include "ui/text_style.h"

namespace gw::ui {

namespace {

std::string short_date(long day) {
    static const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const std::string iso = format_date(day);
    const int month = std::stoi(iso.substr(5, 2));
    return std::to_string(std::stoi(iso.substr(8, 2))) + " " + kMonths[month - 1];
}

}  // namespace

std::string draw_health_dashboard(HealthDashboardState& state, WorkSession& session, const Course& course,
                                  float width, const Fonts& fonts) {
    std::string open;
    const ArtifactKind* kind = nullptr;
    for (const ArtifactKind& k : course.artifact_kinds)
        if (k.dashboard) {
            kind = &k;
            break;
        }
    StyledText(fonts.label, palette().accent, "YOUR PORTFOLIO");
    ImGui::Dummy(ImVec2(0, 4));
    StyledText(fonts.title, palette().heading, "Health dashboard");
    if (!kind) {
        StyledText(fonts.body.regular, palette().muted, "This course declares no artifact kind with 'dashboard: true'.");
        return open;
    }
    const Profile& profile = session.profile();
    // Weeks shown: as many as fit beside the names, from 6 (an 800 px window) to 16.
    const float name_w = std::min(190.0f, std::max(120.0f, width * 0.3f)), status_w = 290;
    const int week_count = width > 900 ? 16 : std::clamp(static_cast<int>((width - name_w) / 22.0f), 6, 12);
    const long today = today_days();
    if (state.revision != session.revision() || state.today != today || state.weeks != week_count ||
        state.course != &course) {
        state.dashboard = build_dashboard(profile, *kind, today, week_count);
        state.revision = session.revision();
        state.today = today;
        state.weeks = week_count;
        state.course = &course;
    }
    const Dashboard& d = state.dashboard;
    char summary[160];
    std::snprintf(summary, sizeof summary, "%d at risk \xC2\xB7 %d to watch \xC2\xB7 %d healthy \xC2\xB7 %d not audited",
                  d.at_risk, d.watch, d.healthy, d.not_audited);
    StyledText(fonts.heading, palette().muted, summary);
    ImGui::Dummy(ImVec2(0, 16));
    if (d.rows.empty()) {
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
        StyledText(fonts.body.regular, palette().text,
                   "Add your accounts (the Accounts page), then audit each one: four signals, rated healthy or at "
                   "risk. Each audit is dated, and this page colours every account by week.");
        ImGui::PopTextWrapPos();
        return open;
    }

    // Grid geometry: names on the left, one square per week, the latest status on the right; on a page too narrow
    // for all three the status and "+ Audit" go on a line of their own under the squares, so both stay in reach.
    const bool stacked = width < name_w + week_count * 20.0f + status_w;
    const float cell = std::max(16.0f, std::min(34.0f, (width - name_w - (stacked ? 0 : status_w)) / week_count - 4));
    const float pitch = cell + 4;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImVec2 p = ImGui::GetCursorScreenPos();
    // A date label every `every` weeks, so that labels never overlap ("12 Oct" is wider than a small square).
    float label_w = 0;
    for (int w = 0; w < week_count; ++w)
        label_w = std::max(label_w, fonts.small->CalcTextSizeA(fonts.small->FontSize, 1e9f, 0,
                                                                short_date(d.weeks[w]).c_str()).x);
    const int every = std::max(2, static_cast<int>(std::ceil((label_w + 8) / pitch)));
    for (int w = 0; w < week_count; w += every) {
        const std::string label = short_date(d.weeks[w]);
        dl->AddText(fonts.small, fonts.small->FontSize, ImVec2(p.x + name_w + w * pitch, p.y), palette().muted,
                    label.c_str());
    }
    if (!stacked)
        dl->AddText(fonts.small, fonts.small->FontSize, ImVec2(p.x + name_w + week_count * pitch + 12, p.y),
                    palette().muted, "Latest audit");
    ImGui::Dummy(ImVec2(width, fonts.small->FontSize + 8));

    const float grid_h = cell + 8, status_h = stacked ? fonts.small->FontSize + 14 : 0, row_h = grid_h + status_h;
    for (const DashboardRow& row : d.rows) {
        if (!ImGui::IsRectVisible(ImVec2(width, row_h + 2))) {  // off screen: keep the room, draw nothing
            ImGui::Dummy(ImVec2(width, row_h + 2));  // the pitch a drawn row takes, spacing included
            continue;
        }
        ImGui::PushID(row.account.c_str());
        p = ImGui::GetCursorScreenPos();
        const char* tier = row.tier == 1 ? "  T1" : row.tier == 2 ? "  T2" : row.tier == 3 ? "  T3" : "";
        // A long name is cut at its column rather than drawn over the squares.
        dl->PushClipRect(p, ImVec2(p.x + name_w - 8, p.y + grid_h), true);
        dl->AddText(fonts.ui.regular, fonts.ui.regular->FontSize, ImVec2(p.x, p.y + (grid_h - fonts.ui.regular->FontSize) / 2),
                    palette().text, (row.name + tier).c_str());
        dl->PopClipRect();
        for (int w = 0; w < week_count; ++w) {
            const DashboardCell& c = row.weeks[w];
            const ImVec2 a(p.x + name_w + w * pitch, p.y + 4), b(a.x + cell, a.y + cell);
            ImGui::SetCursorScreenPos(a);
            ImGui::PushID(w);
            const bool clicked = ImGui::InvisibleButton("cell", ImVec2(cell, cell));
            const bool hovered = ImGui::IsItemHovered();
            ImGui::PopID();
            if (c.artifact.empty()) {
                dl->AddRect(a, b, palette().rule, 5);
            } else {
                const ChipColors cc = chip_colors(c.color);
                dl->AddRectFilled(a, b, cc.dot, 5);
                if (hovered) {
                    ImGui::SetTooltip("%s \xC2\xB7 week of %s", c.label.c_str(), short_date(d.weeks[w]).c_str());
                    ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
                }
                if (clicked) open = c.artifact;
            }
        }
        ImGui::SetCursorScreenPos(stacked ? ImVec2(p.x + name_w, p.y + grid_h)
                                          : ImVec2(p.x + name_w + week_count * pitch + 12,
                                                   p.y + (grid_h - fonts.small->FontSize - 8) / 2));
        if (!row.latest.artifact.empty()) {
            std::string due;
            if (auto day = parse_date(row.due_date)) due = " \xC2\xB7 check in by " + short_date(*day);
            Chip(row.latest.label + due, row.latest.color, fonts);
            if (ImGui::IsItemClicked()) open = row.latest.artifact;
        } else {
            Chip("Not audited", "grey", fonts);
        }
        ImGui::SameLine(0, 8);
        if (!session.store().read_only() && ImGui::SmallButton("+ Audit")) {
            open = session.create_artifact(kind->id, kind->title, row.account,
                                           initial_values(*kind, format_date(today_days())), "").id;
        }
        probe::last_item("audit:" + row.account);
        ImGui::SetCursorScreenPos(ImVec2(p.x, p.y + row_h + 2));
        ImGui::Dummy(ImVec2(width, 0));
        ImGui::PopID();
    }
    return open;
}

}  // namespace gw::ui
