#include "ui/views/cohort_view.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <chrono>

#include "runtime/cli/cohort_command.h"
#include "runtime/xapi/cohort_report_files.h"
#include "ui/item_probe.h"
#include "ui/text_style.h"
#include "ui/theme.h"
#include "ui/widgets/buttons.h"

namespace gw::ui {

namespace {

xapi::CohortFilter filter_for(const Course& course) {
    xapi::CohortFilter f;
    f.course_id = course.id;
    f.iri_base = course.xapi_base.empty() ? xapi::kDefaultIriBase : course.xapi_base;
    for (const ArtifactKind& k : course.artifact_kinds)
        if (k.dashboard) f.health_kinds.insert(k.id);
    return f;
}

ImU32 audit_colour(const std::string& c) {
    if (c == "red") return palette().error;
    if (c == "yellow") return palette().warning;
    if (c == "green") return palette().done;
    return palette().faint;
}

int total_items(const Course& course, bool homework) {
    return homework ? course.homework_count() : course.module_count();
}

}  // namespace

int course_share_done(const xapi::LearnerReport& l, const Course& course) {
    const int total = course.module_count() + course.homework_count();
    if (total <= 0) return 0;
    const int done = static_cast<int>(l.modules_done.size() + l.homework_done.size());
    return std::min(100, (done * 100 + total / 2) / total);
}

void draw_cohort_view(CohortViewState& state, const Course& course, const xapi::LearningRecords* records, float width,
                      const Fonts& fonts) {
    // A finished read replaces the report; the worker never touches the state.
    if (state.loading.valid() &&
        state.loading.wait_for(std::chrono::seconds(0)) == std::future_status::ready) {
        xapi::CohortReport r = state.loading.get();
        state.error = r.problems.empty() ? "" : r.problems.front();
        state.report = std::move(r);
        state.order.clear();  // sorted again for the new rows
    }
    const bool busy = state.loading.valid();

    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    StyledText(fonts.label, palette().accent, "COHORT", false);
    ImGui::Dummy(ImVec2(0, 4));
    StyledText(fonts.title, palette().heading, "Your learners' progress");
    ImGui::Dummy(ImVec2(0, 6));
    StyledText(fonts.body.regular, palette().text,
               "For trainers: read what each learner has done in this course, from a folder of the files your "
               "learners sent with \"groundwork export\", or from the Learning Record Store set under Learning "
               "records.");
    ImGui::Dummy(ImVec2(0, 10));
    ImGui::SetNextItemWidth(std::min(width - 140.0f, 480.0f));
    ImGui::InputTextWithHint("##cohort-folder", "Folder of export files, e.g. /home/me/learners", &state.folder);
    ImGui::SameLine();
    ImGui::BeginDisabled(busy || state.folder.empty());
    if (PageButton("Read folder##cohort", ButtonKind::Primary, fonts)) {
        const std::string folder = state.folder;
        const xapi::CohortFilter filter = filter_for(course);
        state.source = "from " + folder;
        // The course is copied: the worker must not read the reader's course while a reload replaces it.
        state.loading = std::async(std::launch::async, [folder, filter, course_copy = course] {
            return xapi::cohort_from_export_folder(folder, course_copy, filter);
        });
    }
    ImGui::EndDisabled();
    probe::last_item("cohort-read-folder");
    if (records && records->enabled()) {
        ImGui::BeginDisabled(busy);
        if (PageButton("Read from the LRS##cohort", ButtonKind::Quiet, fonts)) {
            const xapi::LrsEndpoint lrs = records->endpoint();
            const xapi::CohortFilter filter = filter_for(course);
            state.source = "from " + lrs.url;
            state.loading = std::async(std::launch::async, [lrs, filter] {
                StatementFetch fetch = fetch_all_statements(lrs, "limit=500", 2000);
                xapi::CohortReport r = xapi::cohort_from_statements(fetch.statements, filter);
                if (!fetch.error.empty()) r.problems.insert(r.problems.begin(), fetch.error);
                return r;
            });
        }
        ImGui::EndDisabled();
    }
    if (busy) StyledText(fonts.small, palette().muted, "Reading " + state.source + "\xE2\x80\xA6");
    if (!state.error.empty()) StyledText(fonts.ui.regular, palette().error, state.error);
    ImGui::PopTextWrapPos();
    if (!state.report) return;

    const xapi::CohortReport& report = *state.report;
    ImGui::Dummy(ImVec2(0, 10));
    StyledText(fonts.small, palette().muted,
               std::to_string(report.learners.size()) + (report.learners.size() == 1 ? " learner " : " learners ") +
                   state.source);
    if (report.learners.empty()) return;
    const ImGuiTableFlags flags = ImGuiTableFlags_Sortable | ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH |
                                  ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("##cohort", 6, flags, ImVec2(width, 0))) return;
    ImGui::TableSetupColumn("Learner", ImGuiTableColumnFlags_DefaultSort, 2.0f);
    ImGui::TableSetupColumn("Progress", 0, 2.0f);
    ImGui::TableSetupColumn("Modules", 0, 1.0f);
    ImGui::TableSetupColumn("Homework", 0, 1.0f);
    ImGui::TableSetupColumn("Last activity", 0, 1.6f);
    ImGui::TableSetupColumn("Health audits", ImGuiTableColumnFlags_NoSort, 2.4f);
    ImGui::TableHeadersRow();

    // Sorting is an order of indices, worked out only when the spec changes: the report itself stays as read.
    std::vector<size_t>& order = state.order;
    ImGuiTableSortSpecs* sort = ImGui::TableGetSortSpecs();
    if (order.size() != report.learners.size() || (sort && sort->SpecsDirty)) {
        order.resize(report.learners.size());
        for (size_t i = 0; i < order.size(); ++i) order[i] = i;
        if (sort && sort->SpecsCount > 0) {
            const ImGuiTableColumnSortSpecs& s = sort->Specs[0];
            auto key = [&](const xapi::LearnerReport& l) -> double {
                switch (s.ColumnIndex) {
                    case 1: return course_share_done(l, course);
                    case 2: return static_cast<double>(l.modules_done.size());
                    case 3: return static_cast<double>(l.homework_done.size());
                    case 4: return static_cast<double>(l.last_activity);
                    default: return 0;
                }
            };
            std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
                const xapi::LearnerReport &la = report.learners[a], &lb = report.learners[b];
                const bool less = s.ColumnIndex == 0 ? la.name < lb.name : key(la) < key(lb);
                const bool more = s.ColumnIndex == 0 ? lb.name < la.name : key(lb) < key(la);
                return s.SortDirection == ImGuiSortDirection_Ascending ? less : more;
            });
        }
        if (sort) sort->SpecsDirty = false;
    }

    for (size_t i : order) {
        const xapi::LearnerReport& l = report.learners[i];
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(l.name.c_str());
        ImGui::TableNextColumn();
        const int share = course_share_done(l, course);
        char label[16];
        std::snprintf(label, sizeof label, "%d%%", share);
        ImGui::PushStyleColor(ImGuiCol_PlotHistogram, palette().done);
        ImGui::ProgressBar(static_cast<float>(share) / 100.0f, ImVec2(-1, 0), label);
        ImGui::PopStyleColor();
        ImGui::TableNextColumn();
        ImGui::Text("%zu / %d", l.modules_done.size(), total_items(course, false));
        ImGui::TableNextColumn();
        ImGui::Text("%zu / %d", l.homework_done.size(), total_items(course, true));
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(l.last_activity ? time_text(l.last_activity, "%Y-%m-%d").c_str() : "\xE2\x80\x94");
        ImGui::TableNextColumn();
        if (l.health_audits.empty()) ImGui::TextUnformatted("\xE2\x80\x94");
        for (const xapi::HealthAuditStatus& a : l.health_audits) {
            ImGui::PushStyleColor(ImGuiCol_Text, audit_colour(a.colour));
            ImGui::TextUnformatted("\xE2\x97\x8F");
            ImGui::PopStyleColor();
            ImGui::SameLine(0, 4);
            ImGui::TextUnformatted(a.name.c_str());
        }
    }
    ImGui::EndTable();
    for (const std::string& note : report.notes) StyledText(fonts.small, palette().muted, note);
    for (size_t i = 1; i < report.problems.size(); ++i) StyledText(fonts.small, palette().error, report.problems[i]);
}

}  // namespace gw::ui
