#pragma once
// One worked artifact, full page: its account, status from the content's rules, where it is linked from, and
// every declared field as an editor. Reads the session, sends edits back.
#include <filesystem>
#include <string>

#include "progress/work_session.h"
#include "runtime/artifacts/artifact_export.h"
#include "runtime/course/course.h"
#include "ui/markdown/document_view.h"
#include "ui/editor/field_editors.h"
#include "ui/fonts.h"
#include "ui/widgets/export_notice.h"

namespace gw::ui {

struct ArtifactViewState {
    std::string artifact_id;     // what the editors below belong to
    FieldEditorState fields;
    DocumentView description;
    bool confirm_delete = false;
    ExportNotice export_notice;  // "Copied", "Saved 2 files in ...", and where "Save as files" wrote
    // Table rows removed and added in this run, per artifact: Ctrl+Z and "Row deleted · Undo" take them back. Kept
    // when the page shows another artifact, so coming back still undoes.
    TableUndo table_undo;
};

struct ArtifactViewResult {
    std::string go;       // a page the learner asked for ("Linked from" click), or ""
    bool deleted = false;
};

// Takes back the newest table row removal or addition of `artifact_id` (state.table_undo): the removed row goes
// back at its index with its values, the added one goes. Returns false when there was nothing to take back.
bool undo_table_edit(ArtifactViewState& state, WorkSession& session, const std::string& artifact_id);

ArtifactViewResult draw_artifact_view(ArtifactViewState& state, WorkSession& session, const Course& course,
                                      const std::string& artifact_id, float width, const Fonts& fonts);

// The kind's description from the course (laid out once in `description`), then the rule that opens the form: what
// the artifact page and a kind's preview show above the fields.
void draw_kind_description(DocumentView& description, const ArtifactKind& kind, const Fonts& fonts, float width);

// artifact_display_name ("Account map · Northwind") is in runtime/artifacts/artifact_export.h.

}  // namespace gw::ui
