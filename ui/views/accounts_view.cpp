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
    StyledText(fonts.label, palette().accent, kicker, false);
    ImGui::Dummy(ImVec2(0, 4));
    StyledText(fonts.title, palette().heading, title, false);
    StyledText(fonts.heading, palette().muted, subtitle);
    ImGui::Dummy(ImVec2(0, 16));
}

}  // namespace

std::string format_money(double value) { return gw::format_money(value, currency_for("USD")); }

std::string portfolio_summary(const Profile& profile) {
    if (profile.accounts.empty()) return "Add the clients you work with; every artifact belongs to one";
    const Currency& c = currency_for(profile.currency);
    double current = 0, room = 0;
    long long with_value = 0, with_gap = 0;
    for (const Account& a : profile.accounts) {
        if (auto v = a.annual()) current += *v, ++with_value;
        if (auto g = a.gap()) room += std::max(0.0, *g), ++with_gap;
    }
    const long long n = static_cast<long long>(profile.accounts.size());
    std::string out = count_of(n, "account", "accounts") + " \xC2\xB7 " +
                      (with_value ? gw::format_money(current, c) : std::string("\xE2\x80\x94")) + " today";
    if (with_value && with_value < n) out += " (" + std::to_string(n - with_value) + " without a value)";
    out += " \xC2\xB7 " + (with_gap ? gw::format_money(room, c) : std::string("\xE2\x80\x94")) + " of room to grow";
    if (with_gap && with_gap < n) out += " (" + std::to_string(n - with_gap) + " without both values)";
    return out;
}

std::string draw_accounts_view(AccountsViewState& state, WorkSession& session, const Course& course, float width,
                               const Fonts& fonts) {
    std::string open;
    const Profile& profile = session.profile();
    const Currency& currency = currency_for(profile.currency);
    heading(fonts, "YOUR PORTFOLIO", "Accounts", portfolio_summary(profile));

    const bool read_only = session.store().read_only();
    ImGui::BeginDisabled(read_only);
    // The currency every amount is counted in: shown with every amount and in exports; nothing is converted.
    StyledText(fonts.ui.regular, palette().muted, "Amounts in", false);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(150);
    if (ImGui::BeginCombo("##currency", (currency.code + "  " + currency.symbol).c_str())) {
        for (const Currency& c : known_currencies()) {
            if (ImGui::Selectable((c.code + "  " + c.symbol).c_str(), c.code == currency.code)) {
                session.set_currency(c.code);
                state.drafts.clear();  // typed text is read in the currency it was typed for
            }
            probe::last_item("currency:" + c.code);
        }
        ImGui::EndCombo();
    }
    probe::last_item("currency");
    ImGui::Dummy(ImVec2(0, 4));
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
            // Amounts as typed ("300k", "12,000"): what cannot be read stays in the cell with a message under it.
            auto amount = [&](const char* id, double* value, bool* known, const std::string& probe_name) {
                std::optional<double> now = *known ? std::optional<double>(*value) : std::nullopt, typed;
                const bool edited = money_input(id, now, &typed, currency, state.drafts, -FLT_MIN, fonts);
                probe::last_item(probe_name);
                if (!edited) return false;
                *known = typed.has_value();
                *value = typed.value_or(0);
                return true;
            };
            ImGui::TableSetColumnIndex(1);
            changed |= amount("##cur", &edit.current_value, &edit.has_current_value, "account-value:" + a.id);
            ImGui::TableSetColumnIndex(2);
            changed |= amount("##pot", &edit.potential_value, &edit.has_potential_value, "account-potential:" + a.id);
            ImGui::TableSetColumnIndex(3);
            const std::optional<double> gap = edit.gap();
            ImGui::PushStyleColor(ImGuiCol_Text, gap && *gap > 0 ? palette().done : palette().muted);
            ImGui::TextUnformatted(gw::format_money(gap, currency).c_str());
            probe::last_item("account-gap:" + a.id);
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
    // Deleting an account takes its artifacts along; both wait in My work's "Recently deleted" for 30 days.
    if (!profile.accounts.empty()) {
        // Beside "Add account" when the column has room for it (at 800 px it has not: then on a line of its own).
        const float row_right = ImGui::GetItemRectMax().x + 18 + 200;
        if (row_right <= ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x &&
            row_right <= ImGui::GetCursorScreenPos().x + width)
            ImGui::SameLine(0, 18);
        ImGui::SetNextItemWidth(200);
        if (ImGui::BeginCombo("##delete-account", "Delete an account\xE2\x80\xA6", ImGuiComboFlags_HeightLarge)) {
            for (const Account& a : profile.accounts)
                if (ImGui::Selectable(((a.name.empty() ? std::string("(no name)") : a.name) + "##" + a.id).c_str()))
                    state.delete_account = a.id;
                else
                    probe::last_item("delete-account:" + a.id);
            ImGui::EndCombo();
        }
        probe::last_item("delete-account");
    }
    if (const Account* doomed = profile.account(state.delete_account)) {
        int artifacts = 0;
        for (const Artifact& art : profile.artifacts) artifacts += art.account == doomed->id;
        StyledText(fonts.ui.regular, palette().error,
                   "Delete " + doomed->name +
                       (artifacts > 0 ? " and its " + count_of(artifacts, "artifact", "artifacts") : std::string()) +
                       "? They wait in My work, under Recently deleted, for 30 days.");
        const std::string id = doomed->id;  // delete_account moves the account this points at
        if (PageButton("Delete##confirm-delete-account", ButtonKind::Quiet, fonts)) {
            session.delete_account(id);
            state.delete_account.clear();
        }
        probe::last_item("confirm-delete-account");
        ImGui::SameLine();
        if (PageButton("Keep it##keep-account", ButtonKind::Primary, fonts)) state.delete_account.clear();
    } else {
        state.delete_account.clear();
    }
    ImGui::EndDisabled();

    // Each account's artifacts, one line per kind: the newest opens, the count says how many more there are
    // (a weekly audit makes dozens; the dashboard shows them all).
    ImGui::Dummy(ImVec2(0, 18));
    for (const Account& a : profile.accounts) {
        std::map<std::string, std::vector<const Artifact*>> by_kind;
        for (const Artifact& art : profile.artifacts)
            if (art.account == a.id) by_kind[art.kind].push_back(&art);
        if (by_kind.empty()) continue;
        StyledText(fonts.ui.bold, palette().heading, a.name, false);
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
                TextAfter(fonts.small, palette().muted, "and " + std::to_string(arts.size() - 1) + " earlier", 4);
            }
            ImGui::PopID();
        }
        ImGui::Dummy(ImVec2(0, 8));
    }
    return open;
}

}  // namespace gw::ui
