#include "ui/views/recently_deleted_view.h"

#include <imgui.h>

#include "runtime/artifacts/artifact_export.h"
#include "ui/item_probe.h"
#include "ui/text_style.h"
#include "ui/theme.h"
#include "ui/widgets/buttons.h"
#include "ui/widgets/plural.h"

namespace gw::ui {

namespace {

// "Northwind Traders and 2 artifacts", "Account map · Globex".
std::string what_was_deleted(const DeletedWork& d, const Course& course, const Profile& profile) {
    if (!d.accounts.empty()) {
        const std::string name = d.accounts[0].name.empty() ? "An account" : d.accounts[0].name;
        return d.artifacts.empty() ? name : name + " and " + count_of(long(d.artifacts.size()), "artifact", "artifacts");
    }
    if (d.artifacts.empty()) return "Nothing";
    // An artifact of a deleted account names the account it had from the entry that holds it, if any.
    Profile lookup;
    const Artifact& a = d.artifacts[0];
    if (!profile.account(a.account))
        for (const DeletedWork& other : profile.recently_deleted)
            for (const Account& acc : other.accounts)
                if (acc.id == a.account) lookup.accounts.push_back(acc);
    return artifact_display_name(a, course, lookup.accounts.empty() ? profile : lookup);
}

}  // namespace

void draw_recently_deleted(WorkSession& session, const Course& course, float width, const Fonts& fonts) {
    const Profile& profile = session.profile();
    if (profile.recently_deleted.empty()) return;
    ImGui::Dummy(ImVec2(0, 18));
    StyledText(fonts.label, palette().muted, "RECENTLY DELETED", false);
    StyledText(fonts.small, palette().muted, "Kept for 30 days after you delete them, then gone.", true);
    ImGui::Dummy(ImVec2(0, 4));
    const Millis now = now_millis();
    std::size_t restore = profile.recently_deleted.size();
    // Newest first; an index, not a reference, is what survives the restore below.
    for (std::size_t k = profile.recently_deleted.size(); k-- > 0;) {
        const DeletedWork& d = profile.recently_deleted[k];
        ImGui::PushID(int(k));
        const Millis day = 24LL * 60 * 60 * 1000, left = d.deleted + kDeletedKeptMillis - now;
        const long days_left = left <= 0 ? 0 : long((left + day - 1) / day);  // a part day counts: "30 days" at first
        const std::string when = time_text(d.deleted, "deleted %e %b") + "  \xC2\xB7  " +
                                 (days_left <= 0 ? std::string("goes today") : count_of(days_left, "day", "days") + " left");
        if (!session.store().read_only()) {
            if (PageButton("Restore##restore", ButtonKind::Quiet, fonts)) restore = k;
            probe::last_item("restore:" + std::to_string(k));
            ImGui::SameLine(0, 12);
        }
        ImGui::BeginGroup();
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + std::max(120.0f, width - 120));
        StyledText(fonts.ui.bold, palette().heading, what_was_deleted(d, course, profile));
        StyledText(fonts.small, palette().muted, when);
        ImGui::PopTextWrapPos();
        ImGui::EndGroup();
        ImGui::PopID();
        ImGui::Dummy(ImVec2(0, 4));
    }
    if (restore < profile.recently_deleted.size()) session.restore_deleted(restore);
}

}  // namespace gw::ui
