#pragma once
// One editor per field kind a content declaration can use. Each reads the field's current JSON value and returns
// true with `out` set when the learner changed it; the caller sends the change to the session.
#include <nlohmann/json.hpp>

#include <map>
#include <string>

#include "progress/profile.h"
#include "runtime/artifacts/artifact_kind.h"
#include "ui/fonts.h"
#include "ui/editor/prose_editor.h"

namespace gw::ui {

// Long-text editors keep cursor and undo per field across frames; nothing here outlives a restart.
struct FieldEditorState {
    std::map<std::string, ProseEditorState> prose;  // by field id
    // A row just added by "+ Add a row": scrolled into view with its first cell focused on the next frame, so the
    // learner types straight into it (a card below the window's bottom was otherwise out of sight).
    std::string reveal_table;
    int reveal_row = -1;
};

struct FieldContext {
    const Profile* profile = nullptr;  // accounts, for account references
    const Fonts* fonts = nullptr;
    float width = 600;
    const ArtifactKind* kind = nullptr;  // for rules that concern a field (the timeline's target)
};

// A labelled field: label, help line, the editor. Tables include their rows, add/remove and grouping.
bool draw_field(const Field& field, const nlohmann::json& value, nlohmann::json& out, FieldEditorState& state,
                const FieldContext& ctx);

// The QBR-style bar: one segment per row, as wide as its share of `column`, labelled with `label_column`.
void draw_timeline(const Field& table, const nlohmann::json& rows, double target, const FieldContext& ctx);

}  // namespace gw::ui
