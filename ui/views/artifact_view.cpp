#include "ui/views/artifact_view.h"

#include "ui/markdown/link_opener.h"

#include <imgui.h>

#include <ctime>

#include "progress/atomic_file.h"
#include "runtime/artifacts/artifact_export.h"
#include "runtime/artifacts/account_binding.h"
#include "runtime/artifacts/artifact_rules.h"
#include "runtime/export/pdf_export.h"
#include "ui/widgets/buttons.h"
#include "ui/widgets/chip.h"
#include "ui/widgets/export_notice.h"
#include "ui/widgets/notice_banner.h"
#include "ui/views/shortcuts_help.h"
#include "ui/editor/prose_editor.h"
#include "ui/item_probe.h"
#include "ui/markdown/line_fit.h"
#include "ui/widgets/plural.h"
#include "ui/theme.h"
#include "ui/text_style.h"

namespace gw::ui {


namespace {

std::string item_label(const Course& course, const std::string& id) {
    if (const CourseItem* item = course.find_item(id))
        return (item->kind == ItemKind::Homework ? "Homework " : "Module ") + std::to_string(item->number) + " \xC2\xB7 " +
               item->title;
    return id + " (no longer in the course)";
}

void rule_results(const ArtifactKind& kind, const Artifact& a, const Profile& profile, const Fonts& fonts) {
    const std::vector<RuleResult> results = evaluate_rules(kind, a, profile);
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

// A money field that stands for the account's amount (account_field:): shows the account's amount and writes a
// change to the account, so the Accounts page shows it at once and the two never disagree.
void draw_account_field(const Field& f, const Artifact& a, WorkSession& session, FieldEditorState& state,
                        FieldContext ctx) {
    const Profile& profile = session.profile();
    const Account* account = profile.account(a.account);
    const char* what = f.account_field == AccountField::CurrentValue ? "annual value" : "potential value";
    ctx.caption = account ? std::string("the account's ") + what + ", as on the Accounts page"
                          : std::string("choose the account above: this is its ") + what;
    if (auto before = stored_before_binding(f, a, profile))
        ctx.under = "Before this field followed the account, this artifact said " +
                    format_money(*before, currency_for(profile.currency)) + ". The account's amount is kept.";
    std::optional<double> amount = account ? account_amount(*account, f.account_field) : std::nullopt;
    const nlohmann::json value = amount ? nlohmann::json(*amount) : nlohmann::json(nullptr);
    nlohmann::json out;
    ImGui::BeginDisabled(!account);
    const bool changed = draw_field(f, value, out, state, ctx);
    ImGui::EndDisabled();
    if (!changed || !account) return;
    Account edited = *account;
    set_account_amount(edited, f.account_field,
                       out.is_number() ? std::optional<double>(out.get<double>()) : std::nullopt);
    session.edit_account(edited);
}

}  // namespace

bool undo_table_edit(ArtifactViewState& state, WorkSession& session, const std::string& artifact_id) {
    state.fields.deleted_row_table.clear();
    for (;;) {
        std::optional<TableEdit> edit = state.table_undo.take_newest(artifact_id);
        if (!edit) return false;
        const Artifact* a = session.profile().artifact(artifact_id);
        if (!a) return false;
        auto stored = a->values.find(edit->field);
        nlohmann::json rows = stored == a->values.end() ? nlohmann::json() : *stored;
        // An edit with nothing left to reverse (its added row is gone already) is skipped: the key did something.
        if (!reverse_table_edit(*edit, rows)) continue;
        session.set_artifact_value(artifact_id, edit->field, rows);
        return true;
    }
}

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
        TableUndo undo = std::move(state.table_undo);
        state = ArtifactViewState();
        state.artifact_id = artifact_id;
        state.table_undo = std::move(undo);
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
        rule_results(*kind, *a, profile, fonts);
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

    // Ctrl+Z takes back the last row removed or added, unless a text field has the keys (it undoes its own
    // typing then). 'Z' is GLFW_KEY_Z, which ui/input gives to the key that types z in the learner's layout
    // (QWERTZ's Y key, AZERTY's W key), as for the reader's Ctrl+F and Ctrl+Q.
    const ImGuiIO& io = ImGui::GetIO();
    if (!read_only && io.KeyCtrl && !io.KeyShift && !io.KeyAlt && ImGui::IsKeyPressed('Z', false) &&
        !io.WantTextInput && !AnyProseEditorFocused() && !shortcuts_help_open()) {
        undo_table_edit(state, session, artifact_id);
        a = session.profile().artifact(artifact_id);
        if (!a) return result;
    }

    // Fields.
    FieldContext ctx;
    ctx.profile = &profile;
    ctx.fonts = &fonts;
    ctx.width = width;
    ctx.kind = kind;
    ctx.undo = &state.table_undo;
    ctx.artifact = artifact_id;
    ImGui::BeginDisabled(read_only);
    for (const Field& f : kind->fields) {
        static const nlohmann::json null_value;
        nlohmann::json out;
        if (f.account_field != AccountField::None) {
            draw_account_field(f, *a, session, state.fields, ctx);
            a = session.profile().artifact(artifact_id);
            if (!a) break;
            continue;
        }
        auto found = a->values.find(f.id);
        const nlohmann::json& value = found == a->values.end() ? null_value : *found;
        if (draw_field(f, value, out, state.fields, ctx)) session.set_artifact_value(a->id, f.id, out);
        a = session.profile().artifact(artifact_id);  // an edit may have reallocated nothing, but stay safe
        if (!a) break;
        if (f.kind == FieldKind::Table && state.fields.deleted_row_table == f.id) {
            // Under the table it came from, where the learner is looking: the row is not gone for good.
            // Named by its first cell, when it had one: "Maria Lopez" says which row went.
            std::string what = "The row";
            if (const TableEdit* e = state.table_undo.newest(artifact_id);
                e && e->kind == TableEdit::Kind::RowRemoved && e->field == f.id && !f.columns.empty()) {
                auto first = e->row.is_object() ? e->row.find(f.columns.front().id) : e->row.end();
                if (e->row.is_object() && first != e->row.end() && first->is_string() && !first->get<std::string>().empty())
                    what = "\xE2\x80\x9C" + first->get<std::string>() + "\xE2\x80\x9D";
            }
            const NoticeClick click = draw_notice_with_action(
                "##row-deleted", NoticeKind::Info, "Row deleted",
                what + " is gone from " + f.label + ". Undo puts it back with everything it held (or press Ctrl+Z).",
                width, fonts, "Undo");
            if (click == NoticeClick::Action) undo_table_edit(state, session, artifact_id);
            if (click == NoticeClick::Dismiss) state.fields.deleted_row_table.clear();
            a = session.profile().artifact(artifact_id);
            if (!a) break;
        }
    }
    ImGui::EndDisabled();
    if (!a) return result;

    // Footer: take it elsewhere (a CRM, an email, a team folder), or delete it.
    ImGui::Dummy(ImVec2(0, 12));
    if (PageButton("Copy as Markdown##copy", ButtonKind::Quiet, fonts)) {
        ImGui::SetClipboardText(artifact_markdown(kind, *a, profile, course).c_str());
        state.export_notice.message = "Copied: paste it into an email, a document or your CRM.";
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
        state.export_notice.message = ok ? "Saved " + count_of(files, "file", "files") +
                                        " (Markdown, and CSV for its tables) in " + dir.string()
                                  : "Not saved: " + error;
        state.export_notice.folder = files > 0 ? dir.string() : std::string();
    }
    probe::last_item("save-files");
    ImGui::SameLine(0, 8);
    if (PageButton("Save as PDF##save-pdf", ButtonKind::Quiet, fonts)) {
        const std::filesystem::path dir = session.store().data_dir() / "exports";
        std::string error;
        const std::string pdf = artifact_pdf(course, *a, profile, &error);
        const std::filesystem::path file = pdf.empty() ? std::filesystem::path() : save_pdf(dir, artifact_pdf_name(*a, profile), pdf, &error);
        state.export_notice.message = file.empty() ? "Not saved: " + error : "Saved " + file.string();
        state.export_notice.folder = file.empty() ? std::string() : dir.string();
    }
    probe::last_item("save-pdf");
    draw_export_notice(state.export_notice, "open-folder", fonts);
    ImGui::Dummy(ImVec2(0, 12));
    if (!read_only) {
        if (!state.confirm_delete) {
            if (PageButton("Delete this artifact##del", ButtonKind::Link, fonts)) state.confirm_delete = true;
        } else {
            StyledText(fonts.ui.regular, palette().error, "Delete it? It waits in My work, under Recently deleted, for 30 days.", false);
            if (PageButton("Delete##yes", ButtonKind::Quiet, fonts)) {
                state.table_undo.forget(artifact_id);  // a restored artifact starts a history of its own
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
