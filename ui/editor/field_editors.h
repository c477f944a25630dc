#pragma once
// One editor per field kind a content declaration can use. Each reads the field's current JSON value and returns
// true with `out` set when the learner changed it; the caller sends the change to the session.
#include <nlohmann/json.hpp>

#include <map>
#include <optional>
#include <string>

#include "progress/profile.h"
#include "runtime/artifacts/artifact_kind.h"
#include "runtime/artifacts/money.h"
#include "runtime/artifacts/table_undo.h"
#include "ui/fonts.h"
#include "ui/editor/prose_editor.h"

namespace gw::ui {

// What the learner typed into a money or date field that is not (yet) a value, by the field's ImGui id: it stays
// in the field, with its message under it, until it reads or is cleared; the stored value is left as it was.
using TypedDrafts = std::map<unsigned, std::string>;

// Long-text editors keep cursor and undo per field across frames; nothing here outlives a restart.
struct FieldEditorState {
    std::map<std::string, ProseEditorState> prose;  // by field id
    // A row just added by "+ Add a row": scrolled into view with its first cell focused on the next frame, so the
    // learner types straight into it (a card below the window's bottom was otherwise out of sight).
    std::string reveal_table;
    int reveal_row = -1;
    TypedDrafts drafts;  // money and date fields and cells
    // The table field whose row "×" / "Remove" was clicked last: the artifact page shows "Row deleted · Undo" under
    // it until the learner undoes, dismisses or adds a row. "" when none.
    std::string deleted_row_table;
};

struct FieldContext {
    const Profile* profile = nullptr;  // accounts, for account references
    const Fonts* fonts = nullptr;
    float width = 600;
    const ArtifactKind* kind = nullptr;  // for rules that concern a field (the timeline's target)
    // A money field bound to the account (account_field:): the line above the field says whose amount it is, and
    // `under` (when not empty) is a muted line under it (an amount the artifact held before it was bound).
    std::string caption;
    std::string under;
    // Row removals and additions in table fields are recorded here, under `artifact`, so they can be taken back
    // (runtime/artifacts/table_undo.h). Null: not recorded.
    TableUndo* undo = nullptr;
    std::string artifact;
};

// An amount as the learner types it (runtime/artifacts/money.h: "300k", "12,000", "$1.2m"). Shows the stored
// amount formatted in `currency` ("" with a hint when empty); what cannot be read stays in the field with a message
// under it (wrapped to `width`, or the column's width when width < 0). Returns true with *out set when the amount
// changed: a number, or nullopt when the field was emptied (an empty field is not 0).
bool money_input(const char* id, const std::optional<double>& value, std::optional<double>* out,
                 const Currency& currency, TypedDrafts& drafts, float width, const Fonts& fonts);

// A date as the learner types it (calendar_date.h parse_typed_date: ISO, or the locale's order). Stores ISO
// "YYYY-MM-DD"; what cannot be read stays with a message under it. Returns true with *out set ("" = cleared).
bool date_input(const char* id, const std::string& value, std::string* out, TypedDrafts& drafts, float width,
                const Fonts& fonts);

// A labelled field: label, help line, the editor. Tables include their rows, add/remove and grouping.
bool draw_field(const Field& field, const nlohmann::json& value, nlohmann::json& out, FieldEditorState& state,
                const FieldContext& ctx);

// The QBR-style bar: one segment per row, as wide as its share of `column`, labelled with `label_column`.
void draw_timeline(const Field& table, const nlohmann::json& rows, double target, const FieldContext& ctx);

}  // namespace gw::ui
