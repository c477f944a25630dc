#include "ui/views/artifact_links_panel.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include "runtime/artifacts/artifact_rules.h"
#include "runtime/artifacts/account_binding.h"
#include "runtime/artifacts/calendar_date.h"
#include "ui/views/artifact_view.h"
#include "ui/widgets/buttons.h"
#include "ui/widgets/chip.h"
#include "ui/item_probe.h"
#include "ui/theme.h"
#include "ui/text_style.h"

namespace gw::ui {

namespace {

// One linked artifact: status chip, name, "Open".
bool artifact_row(const Artifact& a, const Course& course, const Profile& profile, const Fonts& fonts) {
    ImGui::PushID(a.id.c_str());
    const ArtifactKind* kind = course.find_artifact_kind(a.kind);
    const ArtifactStatus status = kind ? artifact_status(*kind, a, profile) : ArtifactStatus{"Kept", "grey"};
    if (!status.label.empty()) {
        Chip(status.label, status.color, fonts);
        ImGui::SameLine(0, 10);
    }
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + 1);
    const bool open = PageButton((artifact_display_name(a, course, profile) + "  \xE2\x80\xBA##open").c_str(),
                                 ButtonKind::Link, fonts);
    probe::last_item("open:" + a.id);
    ImGui::PopID();
    return open;
}

}  // namespace

std::string draw_artifact_links(ArtifactLinksState& state, WorkSession& session, const Course& course,
                                const CourseItem& item, float width, const Fonts& fonts) {
    std::string open;
    if (state.item_id != item.id) state = ArtifactLinksState{item.id, {}};
    const Profile& profile = session.profile();
    const bool read_only = session.store().read_only();
    // Ids, not pointers: creating an artifact below grows the profile's vector and would leave pointers dangling.
    std::vector<std::string> linked;
    for (const Artifact* a : profile.linked_from(session.course(), item.id)) linked.push_back(a->id);
    if (item.artifacts.empty() && linked.empty() && profile.artifacts.empty()) return open;

    ImGui::PushID("artifacts");
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 p0 = ImGui::GetCursorScreenPos();
    dl->ChannelsSplit(2);
    dl->ChannelsSetCurrent(1);
    ImGui::SetCursorScreenPos(ImVec2(p0.x + 18, p0.y + 14));
    ImGui::BeginGroup();
    const float inner = width - 36;

    for (const std::string& kind_id : item.artifacts) {
        const ArtifactKind* kind = course.find_artifact_kind(kind_id);
        if (!kind) continue;
        ImGui::PushID(kind_id.c_str());
        StyledText(fonts.label, palette().accent, ("\xE2\x97\x86  " + upper(kind->title)), false);
        if (!kind->summary.empty()) {
            ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + inner);
            StyledText(fonts.small, palette().muted, kind->summary);
            ImGui::PopTextWrapPos();
        }
        ImGui::Dummy(ImVec2(0, 2));
        for (const std::string& id : linked)
            if (const Artifact* a = profile.artifact(id))
                if (a->kind == kind_id && artifact_row(*a, course, profile, fonts)) open = a->id;

        if (!read_only) {
            if (kind->scope == ArtifactScope::Portfolio) {
                if (PageButton(("Create a " + kind->title + "##create").c_str(), ButtonKind::Quiet, fonts)) {
                    open = session.create_artifact(kind->id, kind->title, "", initial_values(*kind, format_date(today_days())),
                                                   item.id).id;
                }
                probe::last_item("create:" + kind->id);
            } else {
                // "Create for account …": every account, and a new one typed in place.
                ImGui::SetNextItemWidth(300);
                if (ImGui::BeginCombo("##for", ("Create for account\xE2\x80\xA6"), ImGuiComboFlags_HeightLarge)) {
                    std::string chosen;
                    for (const Account& acc : profile.accounts) {
                        ImGui::PushID(acc.id.c_str());  // two accounts may share a name
                        if (ImGui::Selectable(acc.name.c_str())) chosen = acc.id;
                        ImGui::PopID();
                    }
                    if (!chosen.empty())
                        open = session.create_artifact(kind->id, kind->title, chosen,
                                                       initial_values(*kind, format_date(today_days())), item.id).id;
                    ImGui::Separator();
                    ImGui::SetNextItemWidth(200);
                    const bool enter = ImGui::InputTextWithHint("##new", "New account name", &state.new_account_name,
                                                                ImGuiInputTextFlags_EnterReturnsTrue);
                    ImGui::SameLine();
                    if ((ImGui::Button("Add") || enter) && !state.new_account_name.empty()) {
                        const std::string acc = session.add_account(state.new_account_name).id;
                        state.new_account_name.clear();
                        open = session.create_artifact(kind->id, kind->title, acc,
                                                       initial_values(*kind, format_date(today_days())), item.id).id;
                        ImGui::CloseCurrentPopup();
                    }
                    ImGui::EndCombo();
                }
                probe::last_item("create:" + kind->id);
            }
        }
        ImGui::Dummy(ImVec2(0, 8));
        ImGui::PopID();
    }

    // Other artifacts the learner linked here, and a way to link one more.
    bool heading = false;
    for (const std::string& id : linked) {
        const Artifact* a = profile.artifact(id);
        if (!a || std::find(item.artifacts.begin(), item.artifacts.end(), a->kind) != item.artifacts.end()) continue;
        if (!heading) {
            StyledText(fonts.label, palette().muted, "ALSO LINKED HERE", false);
            heading = true;
        }
        if (artifact_row(*a, course, profile, fonts)) open = a->id;
    }
    if (!read_only && !profile.artifacts.empty()) {
        ImGui::SetNextItemWidth(300);
        if (ImGui::BeginCombo("##link", "Link another artifact\xE2\x80\xA6", ImGuiComboFlags_HeightLarge)) {
            std::string chosen;
            for (const Artifact& a : profile.artifacts) {
                const auto here = session.work().links_to(a.id);
                if (std::find(here.begin(), here.end(), item.id) != here.end()) continue;
                ImGui::PushID(a.id.c_str());  // two audits of one account read alike
                if (ImGui::Selectable(artifact_display_name(a, course, profile).c_str())) chosen = a.id;
                ImGui::PopID();
            }
            if (!chosen.empty()) session.link(chosen, item.id);
            ImGui::EndCombo();
        }
    }
    ImGui::EndGroup();
    const float h = ImGui::GetItemRectMax().y - p0.y + 14;
    dl->ChannelsSetCurrent(0);
    dl->AddRectFilled(p0, ImVec2(p0.x + width, p0.y + h), palette().surface_alt, 10);
    dl->AddRect(p0, ImVec2(p0.x + width, p0.y + h), palette().accent_border, 10);
    dl->ChannelsMerge();
    ImGui::SetCursorScreenPos(ImVec2(p0.x, p0.y + h));
    ImGui::Dummy(ImVec2(width, 12));
    ImGui::PopID();
    return open;
}

}  // namespace gw::ui
