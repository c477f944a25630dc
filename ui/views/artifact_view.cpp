#include "ui/views/artifact_view.h"

#include "ui/markdown/link_opener.h"

#include <imgui.h>

#include <ctime>

#include "progress/atomic_file.h"
#include "runtime/artifacts/artifact_export.h"
#include "runtime/artifacts/artifact_rules.h"
#include "runtime/export/pdf_export.h"
#include "ui/widgets/buttons.h"
#include "ui/widgets/chip.h"
#include "ui/item_probe.h"
#include "ui/markdown/line_fit.h"
#include "ui/widgets/plural.h"
#include "ui/theme.h"
#include "ui/text_style.h"

namespace gw::ui {

bool open_folder(const std::filesystem::path& folder) { return desktop_open(folder.string()); }

namespace {

std::string item_label(const Course& course, const std::string& id) {
    if (const CourseItem* item = course.find_item(id))
        return (item->kind == ItemKind::Homework ? "Homework " : "Module ") + std::to_string(item->number) + " \xC2\xB7 " +
               item->title;
    return id + " (no longer in the course)";
}

void rule_results(const ArtifactKind& kind, const Artifact& a, const Fonts& fonts) {
    const std::vector<RuleResult> results = evaluate_rules(kind, a.values);
    for (const RuleResult& r : results) {
        const std::string label = r.rule->label.empty() ? r.label : r.rule->label + ": " + r.label;
        if (r.rule->kind == RuleKind::Rows && r.met) {
            Chip(r.rule->label + " \xE2\x9C\x93", "green", fonts);
        } else if (r.rule->kind == RuleKind::Rows) {
            Chip(r.rule->label, r.applies ? "yellow" : "grey", fonts);
            probe::last_item("rule:" + r.rule->label);
            // Wrapped beside the chip while 160 px are left, else on its own line: the wrap position pushed here
            // (cursor + width - 160) ran past the column's right edge beside a wide chip.
            TextBeside(fonts.small, r.applies ? chip_colors("yellow").ink : palette().muted, r.label, 160, 3, 8);
            continue;
        } else {
            Chip(label, r.applies ? r.color : "grey", fonts);
        }
        probe::last_item("rule:" + r.rule->label);
        // After a chip that nearly fills the line, the note was wrapped to the pixels left: a letter per line.
        if (!r.detail.empty()) TextAfter(fonts.small, palette().muted, r.detail, 3, 8);
    }
}

}  // namespace

void draw_kind_description(DocumentView& description, const ArtifactKind& kind, const Fonts& fonts, float width) {
    if (!kind.description.empty()) {
        description.draw(kind.description, fonts, width);
        ImGui::Dummy(ImVec2(0, 6));
    }
    ImVec2 p = ImGui::GetCursorScreenPos();
    ImGui::GetWindowDrawList()->AddLine(p, ImVec2(p.x + width, p.y), palette().rule);
    ImGui::Dummy(ImVec2(0, 16));
}

ArtifactViewResult draw_artifact_view(ArtifactViewState& state, WorkSession& session, const Course& course,
                                      const std::string& artifact_id, float width, const Fonts& fonts) {
    ArtifactViewResult result;
    const Profile& profile = session.profile();
    const Artifact* a = profile.artifact(artifact_id);
    if (!a) {
        StyledText(fonts.title, palette().heading, "This artifact was deleted");
        return result;
    }
    if (state.artifact_id != artifact_id) {
        state = ArtifactViewState();
        state.artifact_id = artifact_id;
    }
    const ArtifactKind* kind = course.find_artifact_kind(a->kind);
    const Account* account = profile.account(a->account);

    // Header: wrapped, as an account's name can be longer than the column.
    StyledText(fonts.label, palette().accent,
               upper((kind ? kind->title : a->title) + "  \xC2\xB7  " +
                     (account ? account->name : a->account.empty() ? "Portfolio" : "Deleted account")));
    ImGui::Dummy(ImVec2(0, 4));
    StyledText(fonts.title, palette().heading, artifact_display_name(*a, course, profile));
    StyledText(fonts.small, palette().muted, "Created " + time_text(a->created, "%e %b %Y, %H:%M") + "  \xC2\xB7  last changed " + time_text(a->edited, "%e %b %Y, %H:%M"));
    ImGui::Dummy(ImVec2(0, 10));

    const bool read_only = session.store().read_only();
    ImGui::BeginDisabled(read_only);
    if (!kind || kind->scope == ArtifactScope::Account) {
        StyledText(fonts.small, palette().muted, "Account", false);
        ImGui::SameLine(0, 10);
        ImGui::SetNextItemWidth(280);
        if (ImGui::BeginCombo("##account", account ? account->name.c_str() : "Choose an account")) {
            std::string chosen;
            for (const Account& acc : profile.accounts) {
                ImGui::PushID(acc.id.c_str());
                if (ImGui::Selectable(acc.name.c_str(), acc.id == a->account)) chosen = acc.id;
                ImGui::PopID();
            }
            if (!chosen.empty()) session.set_artifact_account(artifact_id, chosen);
            ImGui::EndCombo();
        }
    }
    ImGui::EndDisabled();

    if (!kind) {
        ImGui::Dummy(ImVec2(0, 8));
        StyledText(fonts.body.regular, palette().warning,
                "The course no longer declares \"" + a->kind + "\". Your entries are kept and export as they are.");
        ImGui::Dummy(ImVec2(0, 8));
        StyledText(fonts.ui.mono, palette().text, a->values.dump(2));
        return result;
    }

    if (!kind->rules.empty()) {
        ImGui::Dummy(ImVec2(0, 8));
        rule_results(*kind, *a, fonts);
    }

    // Linked from.
    ImGui::Dummy(ImVec2(0, 10));
    const std::vector<std::string> linked = session.work().links_to(a->id);
    StyledText(fonts.label, palette().muted, linked.empty() ? "NOT LINKED FROM ANY REFLECTION YET" : "LINKED FROM", false);
    for (const std::string& item : linked) {
        ImGui::PushID(item.c_str());
        if (PageButton((item_label(course, item) + "##go").c_str(), ButtonKind::Link, fonts)) result.go = item;
        probe::last_item("linked-from:" + item);
        if (!read_only) {  // after a long module title the button goes under it rather than past the column's edge
            SameLineIfFits(ImGui::CalcTextSize("\xC3\x97").x + ImGui::GetStyle().FramePadding.x * 2, 4);
            if (ImGui::SmallButton("\xC3\x97")) session.unlink(a->id, item);
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("Unlink from this page (the artifact stays)");
        }
        ImGui::PopID();
    }

    ImGui::Dummy(ImVec2(0, 6));
    draw_kind_description(state.description, *kind, fonts, width);

    // Fields.
    FieldContext ctx{&profile, &fonts, width, kind};
    ImGui::BeginDisabled(read_only);
    for (const Field& f : kind->fields) {
        static const nlohmann::json null_value;
        auto found = a->values.find(f.id);
        const nlohmann::json& value = found == a->values.end() ? null_value : *found;
        nlohmann::json out;
        if (draw_field(f, value, out, state.fields, ctx)) session.set_artifact_value(a->id, f.id, out);
        a = session.profile().artifact(artifact_id);  // an edit may have reallocated nothing, but stay safe
        if (!a) break;
    }
    ImGui::EndDisabled();
    if (!a) return result;

    // Footer: take it elsewhere (a CRM, an email, a team folder), or delete it.
    ImGui::Dummy(ImVec2(0, 12));
    if (PageButton("Copy as Markdown##copy", ButtonKind::Quiet, fonts)) {
        ImGui::SetClipboardText(artifact_markdown(kind, *a, profile, course).c_str());
        state.export_message = "Copied: paste it into an email, a document or your CRM.";
    }
    probe::last_item("copy-markdown");
    ImGui::SameLine(0, 8);
    if (PageButton("Save as files##save", ButtonKind::Quiet, fonts)) {
        const std::filesystem::path dir = session.store().data_dir() / "exports";
        std::error_code ec;
        std::filesystem::create_directories(dir, ec);
        std::string error;
        bool ok = write_file_atomic(dir / artifact_markdown_name(*a, profile), artifact_markdown(kind, *a, profile, course),
                                    &error);
        int files = ok ? 1 : 0;
        for (const Field& f : kind->fields)
            if (ok && f.kind == FieldKind::Table) {
                auto rows = a->values.find(f.id);
                if (rows == a->values.end() || !rows->is_array()) continue;
                ok = write_file_atomic(dir / artifact_csv_name(*a, profile, f.id), table_csv(f, *rows, profile), &error);
                files += ok;
            }
        state.export_message = ok ? "Saved " + count_of(files, "file", "files") +
                                        " (Markdown, and CSV for its tables) in " + dir.string()
                                  : "Not saved: " + error;
        state.export_folder = files > 0 ? dir.string() : std::string();
    }
    probe::last_item("save-files");
    ImGui::SameLine(0, 8);
    if (PageButton("Save as PDF##save-pdf", ButtonKind::Quiet, fonts)) {
        const std::filesystem::path dir = session.store().data_dir() / "exports";
        std::string error;
        const std::string pdf = artifact_pdf(course, *a, profile, &error);
        const std::filesystem::path file = pdf.empty() ? std::filesystem::path() : save_pdf(dir, artifact_pdf_name(*a, profile), pdf, &error);
        state.export_message = file.empty() ? "Not saved: " + error : "Saved " + file.string();
        state.export_folder = file.empty() ? std::string() : dir.string();
    }
    probe::last_item("save-pdf");
    if (!state.export_message.empty()) StyledText(fonts.small, palette().muted, state.export_message);
    if (!state.export_folder.empty()) {
        if (PageButton("Open folder##open-folder", ButtonKind::Link, fonts) && !open_folder(state.export_folder))
            state.export_message = "Could not open a file manager (xdg-open): the files are in " + state.export_folder;
        probe::last_item("open-folder");
    }
    ImGui::Dummy(ImVec2(0, 12));
    if (!read_only) {
        if (!state.confirm_delete) {
            if (PageButton("Delete this artifact##del", ButtonKind::Link, fonts)) state.confirm_delete = true;
        } else {
            StyledText(fonts.ui.regular, palette().error, "Delete it? It waits in My work, under Recently deleted, for 30 days.", false);
            if (PageButton("Delete##yes", ButtonKind::Quiet, fonts)) {
                session.delete_artifact(artifact_id);
                result.deleted = true;
            }
            ImGui::SameLine();
            if (PageButton("Keep it##no", ButtonKind::Primary, fonts)) state.confirm_delete = false;
        }
    }
    return result;
}

}  // namespace gw::ui
