#include "ui/views/accounts_view.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <cfloat>
#include <cmath>
#include <cstdio>
#include <map>
#include <algorithm>

#include "ui/views/artifact_view.h"
#include "ui/widgets/buttons.h"
#include "ui/widgets/chip.h"
#include "ui/item_probe.h"
#include "ui/markdown/line_fit.h"
#include "ui/widgets/plural.h"
#include "ui/theme.h"
#include "ui/text_style.h"

namespace gw::ui {

namespace {

const char* kTiers[] = {"Not tiered", "1 \xC2\xB7 Strategic", "2 \xC2\xB7 Growth", "3 \xC2\xB7 Maintain"};

void heading(const Fonts& fonts, const char* kicker, const char* title, const std::string& subtitle) {
    StyledText(fonts.label, color::kAccent, kicker, false);
    ImGui::Dummy(ImVec2(0, 4));
    StyledText(fonts.title, color::kHeading, title, false);
    StyledText(fonts.heading, color::kMuted, subtitle);
    ImGui::Dummy(ImVec2(0, 16));
}

}  // namespace

std::string format_money(double value) {
    char digits[32];
    std::snprintf(digits, sizeof digits, "%.0f", std::fabs(value));
    std::string s = digits, out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (i > 0 && (s.size() - i) % 3 == 0) out += ',';
        out += s[i];
    }
    return (value < 0 ? "-$" : "$") + out;
}

std::string draw_accounts_view(AccountsViewState& state, WorkSession& session, const Course& course, float width,
                               const Fonts& fonts) {
    std::string open;
    const Profile& profile = session.profile();
    double current = 0, potential = 0;
    for (const Account& a : profile.accounts) current += a.current_value, potential += a.potential_value;
    const std::string subtitle = profile.accounts.empty()
                                     ? std::string("Add the clients you work with; every artifact belongs to one")
                                     : count_of(static_cast<long long>(profile.accounts.size()), "account", "accounts") + " \xC2\xB7 " +
                                           format_money(current) + " today \xC2\xB7 " +
                                           format_money(std::max(0.0, potential - current)) + " of room to grow";
    heading(fonts, "YOUR PORTFOLIO", "Accounts", subtitle);

    const bool read_only = session.store().read_only();
    ImGui::BeginDisabled(read_only);
    // Each column keeps the width its values need ("$12,000,000" whole, the longest tier): on a page narrower than
    // that (800 px windows) the table scrolls sideways, with the account's name held in place, instead of cutting
    // every value short.
    struct Column {
        const char* label;
        float weight, min_width;
    };
    static const Column kColumns[] = {{"Account", 1.6f, 150}, {"Annual value", 0.9f, 112}, {"Potential", 0.9f, 112},
                                      {"Gap", 0.8f, 104},      {"Tier", 1.0f, 132},          {"Notes", 1.8f, 150}};
    float needed = 0;
    for (const Column& c : kColumns) needed += c.min_width;
    const bool scroll = needed > width;
    ImGuiTableFlags flags = ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_BordersOuter | ImGuiTableFlags_RowBg |
                            ImGuiTableFlags_PadOuterX;
    ImVec2 outer(width, 0);
    if (scroll) {
        const ImGuiStyle& st = ImGui::GetStyle();
        const float row_h = ImGui::GetFrameHeight() + st.CellPadding.y * 2;
        const int shown = std::min<int>(static_cast<int>(profile.accounts.size()), 12);
        flags |= ImGuiTableFlags_ScrollX | ImGuiTableFlags_SizingFixedFit;
        if (static_cast<int>(profile.accounts.size()) > shown) flags |= ImGuiTableFlags_ScrollY;
        outer.y = row_h * (shown + 1) + st.ScrollbarSize + 4;
    } else {
        flags |= ImGuiTableFlags_SizingStretchProp;
    }
    if (!profile.accounts.empty() && ImGui::BeginTable("##accounts", 6, flags, outer)) {
        if (scroll) ImGui::TableSetupScrollFreeze(1, 1);
        for (const Column& c : kColumns)
            ImGui::TableSetupColumn(c.label, scroll ? ImGuiTableColumnFlags_WidthFixed : ImGuiTableColumnFlags_WidthStretch,
                                    scroll ? c.min_width : c.weight);
        ImGui::TableHeadersRow();
        // Only the rows in view get widgets: hundreds of accounts would overflow one draw list otherwise.
        ImGuiListClipper clipper;
        clipper.Begin(static_cast<int>(profile.accounts.size()));
        while (clipper.Step())
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const Account& a = profile.accounts[static_cast<size_t>(i)];
            ImGui::PushID(a.id.c_str());
            ImGui::TableNextRow();
            Account edit = a;
            bool changed = false;
            ImGui::TableSetColumnIndex(0);
            ImGui::SetNextItemWidth(-FLT_MIN);
            changed |= ImGui::InputText("##name", &edit.name);
            ImGui::TableSetColumnIndex(1);
            ImGui::SetNextItemWidth(-FLT_MIN);
            changed |= ImGui::InputDouble("##cur", &edit.current_value, 0, 0, "%.0f");
            probe::last_item("account-value:" + a.id);
            ImGui::TableSetColumnIndex(2);
            ImGui::SetNextItemWidth(-FLT_MIN);
            changed |= ImGui::InputDouble("##pot", &edit.potential_value, 0, 0, "%.0f");
            probe::last_item("account-potential:" + a.id);
            ImGui::TableSetColumnIndex(3);
            const double gap = edit.potential_value - edit.current_value;
            ImGui::PushStyleColor(ImGuiCol_Text, gap > 0 ? color::kDone : color::kMuted);
            ImGui::TextUnformatted(format_money(gap).c_str());
            ImGui::PopStyleColor();
            ImGui::TableSetColumnIndex(4);
            ImGui::SetNextItemWidth(-FLT_MIN);
            int tier = std::clamp(edit.tier, 0, 3);
            if (ImGui::Combo("##tier", &tier, kTiers, 4)) edit.tier = tier, changed = true;
            ImGui::TableSetColumnIndex(5);
            ImGui::SetNextItemWidth(-FLT_MIN);
            changed |= ImGui::InputText("##notes", &edit.notes);
            if (changed) session.edit_account(edit);
            ImGui::PopID();
        }
        ImGui::EndTable();
    }
    ImGui::Dummy(ImVec2(0, 6));
    ImGui::SetNextItemWidth(280);
    const bool enter = ImGui::InputTextWithHint("##newacct", "New account name", &state.new_name,
                                                ImGuiInputTextFlags_EnterReturnsTrue);
    ImGui::SameLine();
    if ((PageButton("Add account##add", ButtonKind::Primary, fonts) || enter) && !state.new_name.empty()) {
        session.add_account(state.new_name);
        state.new_name.clear();
    }
    probe::last_item("add-account");
    ImGui::EndDisabled();

    // Each account's artifacts, one line per kind: the newest opens, the count says how many more there are
    // (a weekly audit makes dozens; the dashboard shows them all).
    ImGui::Dummy(ImVec2(0, 18));
    for (const Account& a : profile.accounts) {
        std::map<std::string, std::vector<const Artifact*>> by_kind;
        for (const Artifact& art : profile.artifacts)
            if (art.account == a.id) by_kind[art.kind].push_back(&art);
        if (by_kind.empty()) continue;
        StyledText(fonts.ui.bold, color::kHeading, a.name, false);
        for (auto& [kind_id, arts] : by_kind) {
            const ArtifactKind* kind = course.find_artifact_kind(kind_id);
            auto date_of = [&](const Artifact* art) {  // the kind's own date when it has one, else last change
                if (kind && !kind->date_field.empty()) {
                    auto d = art->values.find(kind->date_field);
                    if (d != art->values.end() && d->is_string() && !d->get<std::string>().empty())
                        return d->get<std::string>();
                }
                return time_text(art->edited, "%Y-%m-%d");
            };
            const Artifact* newest = *std::max_element(arts.begin(), arts.end(), [&](const Artifact* x, const Artifact* y) {
                return date_of(x) < date_of(y);
            });
            std::string label = (kind ? kind->title : newest->title) + " \xC2\xB7 " + date_of(newest) + "  \xE2\x80\xBA##open";
            ImGui::PushID(kind_id.c_str());
            if (PageButton(label.c_str(), ButtonKind::Link, fonts)) open = newest->id;
            if (arts.size() > 1) {
                TextAfter(fonts.small, color::kMuted, "and " + std::to_string(arts.size() - 1) + " earlier", 4);
            }
            ImGui::PopID();
        }
        ImGui::Dummy(ImVec2(0, 8));
    }
    return open;
}

}  // namespace gw::ui
