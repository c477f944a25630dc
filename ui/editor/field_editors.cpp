#include "ui/editor/field_editors.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cfloat>
#include <cstdint>
#include <cstdio>

#include "runtime/artifacts/calendar_date.h"
#include "runtime/artifacts/money.h"
#include "ui/widgets/buttons.h"
#include "ui/widgets/chip.h"
#include "ui/widgets/date_picker.h"
#include "ui/item_probe.h"
#include "ui/markdown/line_fit.h"
#include "ui/theme.h"
#include "ui/text_style.h"

namespace gw::ui {

namespace {

using nlohmann::json;

std::string as_text(const json& v) { return v.is_string() ? v.get<std::string>() : std::string(); }

// A member of an object without copying it (json::value copies): null when absent.
const json& member(const json& obj, const std::string& key) {
    static const json null_value;
    if (!obj.is_object()) return null_value;
    auto it = obj.find(key);
    return it == obj.end() ? null_value : *it;
}
double as_number(const json& v) { return v.is_number() ? v.get<double>() : 0.0; }

void label_line(const Field& f, const Fonts& fonts) {
    StyledText(fonts.ui.bold, palette().heading, f.label, false);
    if (!f.help.empty()) {
        StyledText(fonts.small, palette().muted, f.help);
    }
    ImGui::Dummy(ImVec2(0, 2));
}

bool text_input(const char* id, const json& value, json& out, float width, const char* hint = "") {
    std::string s = as_text(value);
    ImGui::SetNextItemWidth(width);
    if (ImGui::InputTextWithHint(id, hint, &s)) {
        out = s;
        return true;
    }
    return false;
}

// The message under a money or date field that could not read what was typed.
void field_message(const std::string& message, const Fonts& fonts) {
    StyledText(fonts.small, palette().error, message);
}

bool date_input_core(const char* id, const std::string& value, std::string* out, TypedDrafts& drafts, float width,
                     std::string* message);
void date_message(const std::string& message, const Fonts& fonts);

// A date cell: the typed field, filling the cell but for the calendar button beside it, and the message under both.
bool date_value(const char* id, const json& value, json& out, TypedDrafts& drafts, const Fonts& fonts,
                const std::string& probe_name) {
    std::string iso, message;
    bool changed = date_input_core(id, as_text(value), &iso, drafts, -date_picker_button_width(), &message);
    probe::last_item(probe_name);  // the typed field, not the button beside it
    const ImGuiID key = ImGui::GetID(id);
    ImGui::SameLine(0, ImGui::GetStyle().ItemInnerSpacing.x);
    if (date_picker_button("##pick", as_text(value), &iso, fonts, "date-picker:" + probe_name)) {
        drafts.erase(key);  // a picked day replaces whatever was half-typed
        message.clear();
        changed = true;
    }
    date_message(message, fonts);
    if (changed) out = iso;
    return changed;
}

// A money field or cell: the profile's currency, empty kept apart from 0 (absent or null in the values).
bool money_value(const char* id, const json& value, json& out, const FieldContext& ctx, TypedDrafts& drafts,
                 float width) {
    std::optional<double> v;
    if (value.is_number()) v = value.get<double>();
    std::optional<double> changed;
    if (!money_input(id, v, &changed, currency_for(ctx.profile ? ctx.profile->currency : ""), drafts, width,
                     *ctx.fonts))
        return false;
    out = changed ? json(*changed) : json(nullptr);
    return true;
}

bool number_input(const char* id, const Field& f, const json& value, json& out, float width) {
    double v = as_number(value);
    ImGui::SetNextItemWidth(width);
    const char* format = "%g";
    (void)f;
    if (ImGui::InputDouble(id, &v, 0, 0, format)) {
        out = v;
        return true;
    }
    return false;
}

bool choice_combo(const char* id, const Field& f, const json& value, json& out, float width) {
    const std::string current = as_text(value);
    const ChoiceOption* opt = f.option(current);
    ImGui::SetNextItemWidth(width);
    bool changed = false;
    if (opt && !opt->color.empty()) ImGui::PushStyleColor(ImGuiCol_Text, chip_colors(opt->color).ink);
    // In a narrow cell the arrow would eat the label: cells get none, the value itself opens the list.
    const bool open = ImGui::BeginCombo(id, opt ? opt->label.c_str() : "\xE2\x80\x94",
                                        width < 0 ? ImGuiComboFlags_NoArrowButton : 0);
    if (opt && !opt->color.empty()) ImGui::PopStyleColor();
    if (open) {
        if (ImGui::Selectable("\xE2\x80\x94", current.empty())) out = "", changed = true;
        for (const ChoiceOption& o : f.options) {
            if (!o.color.empty()) ImGui::PushStyleColor(ImGuiCol_Text, chip_colors(o.color).ink);
            ImGui::PushID(o.id.c_str());
            if (ImGui::Selectable(o.label.c_str(), o.id == current)) out = o.id, changed = true;
            ImGui::PopID();
            probe::last_item("option:" + o.id);
            if (!o.color.empty()) ImGui::PopStyleColor();
        }
        ImGui::EndCombo();
    }
    return changed;
}

// Options side by side as pills: one click picks, a click on the picked one clears.
bool choice_pills(const Field& f, const json& value, json& out, const Fonts& fonts) {
    const std::string current = as_text(value);
    bool changed = false;
    ImFont* font = fonts.ui.regular;
    for (std::size_t i = 0; i < f.options.size(); ++i) {
        const ChoiceOption& o = f.options[i];
        const bool on = o.id == current;
        const ImVec2 ts = font->CalcTextSizeA(font->FontSize, 1e9f, 0, o.label.c_str());
        const ImVec2 size(ts.x + 28, ts.y + 12);
        if (i > 0) ImGui::SameLine(0, 6);
        ImGui::PushID(o.id.c_str());
        const ImVec2 p = ImGui::GetCursorScreenPos();
        if (ImGui::InvisibleButton("pill", size)) {
            out = on ? "" : o.id;
            changed = true;
        }
        probe::last_item("pill:" + f.id + ":" + o.id);
        const bool hovered = ImGui::IsItemHovered();
        ImGui::PopID();
        const ChipColors c = chip_colors(o.color.empty() ? "blue" : o.color);
        ImDrawList* dl = ImGui::GetWindowDrawList();
        const ImVec2 q(p.x + size.x, p.y + size.y);
        dl->AddRectFilled(p, q, on ? c.background : hovered ? palette().accent_soft : palette().surface, size.y / 2);
        dl->AddRect(p, q, on ? c.dot : palette().rule, size.y / 2, 0, on ? 1.5f : 1.0f);
        dl->AddCircleFilled(ImVec2(p.x + 12, p.y + size.y / 2), 3.5f, on ? c.dot : palette().faint);
        dl->AddText(font, font->FontSize, ImVec2(p.x + 20, p.y + 6), on ? c.ink : palette().text, o.label.c_str());
        if (hovered) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    }
    return changed;
}

bool rating_input(const char* id, const Field& f, const json& value, json& out, const Fonts& fonts) {
    // Range-checked before the conversion: get<int>() of 4294967298 would wrap round to 2 stars.
    const int current = value.is_number_integer() && value.get<std::int64_t>() >= 0 &&
                                value.get<std::int64_t>() <= f.max
                            ? static_cast<int>(value.get<std::int64_t>())
                            : 0;
    bool changed = false;
    ImGui::PushID(id);
    for (int i = 1; i <= f.max; ++i) {
        if (i > 1) ImGui::SameLine(0, 4);
        ImGui::PushID(i);
        const ImVec2 p = ImGui::GetCursorScreenPos();
        if (ImGui::InvisibleButton("dot", ImVec2(20, 20))) {
            out = i == current ? 0 : i;  // clicking the current rating clears it
            changed = true;
        }
        const bool hovered = ImGui::IsItemHovered();
        ImGui::PopID();
        ImDrawList* dl = ImGui::GetWindowDrawList();
        const ImVec2 c(p.x + 10, p.y + 10);
        if (i <= current) dl->AddCircleFilled(c, 7, palette().accent);
        else dl->AddCircle(c, 7, hovered ? palette().accent : palette().faint, 0, 1.5f);
        if (hovered) ImGui::SetTooltip("%d of %d", i, f.max);
    }
    TextAfter(fonts.ui.regular, palette().muted,
              current ? std::to_string(current) + " / " + std::to_string(f.max) : std::string("not rated"), 0, 10);
    ImGui::PopID();
    return changed;
}

bool account_combo(const char* id, const json& value, json& out, const Profile* profile, float width) {
    const std::string current = as_text(value);
    const Account* acc = profile ? profile->account(current) : nullptr;
    ImGui::SetNextItemWidth(width);
    bool changed = false;
    if (ImGui::BeginCombo(id, acc ? acc->name.c_str() : "\xE2\x80\x94")) {
        if (ImGui::Selectable("\xE2\x80\x94", current.empty())) out = "", changed = true;
        if (profile)
            for (const Account& a : profile->accounts) {
                ImGui::PushID(a.id.c_str());
                if (ImGui::Selectable(a.name.empty() ? a.id.c_str() : a.name.c_str(), a.id == current))
                    out = a.id, changed = true;
                ImGui::PopID();
            }
        ImGui::EndCombo();
    }
    return changed;
}

// A table cell: the compact form of each kind.
// `probe_name` names the cell for tests ("cell:table:row:column"); a date cell's calendar button is
// "date-picker:" + it.
bool cell_editor(const Field& col, const json& value, json& out, FieldEditorState& state, const FieldContext& ctx,
                 const std::string& probe_name) {
    switch (col.kind) {
    case FieldKind::Number: return number_input("##v", col, value, out, -FLT_MIN);
    case FieldKind::Money: return money_value("##v", value, out, ctx, state.drafts, -FLT_MIN);
    case FieldKind::Date: return date_value("##v", value, out, state.drafts, *ctx.fonts, probe_name);
    case FieldKind::Choice: return choice_combo("##v", col, value, out, -FLT_MIN);
    case FieldKind::Rating: return rating_input("##v", col, value, out, *ctx.fonts);
    case FieldKind::Account: return account_combo("##v", value, out, ctx.profile, -FLT_MIN);
    case FieldKind::Check: {
        bool b = value.is_boolean() && value.get<bool>();
        if (ImGui::Checkbox("##v", &b)) return out = b, true;
        return false;
    }
    default: return text_input("##v", value, out, -FLT_MIN);
    }
}

float column_weight(const Field& col) {
    switch (col.kind) {
    case FieldKind::Date: return 1.1f;
    case FieldKind::Number:
    case FieldKind::Money: return 0.8f;
    case FieldKind::Check: return 0.45f;
    case FieldKind::Choice: return 1.2f;
    case FieldKind::Rating: return 1.6f;
    default: return 1.6f;
    }
}

// The narrowest a column may get in a table (px); narrower than that, the rows become cards.
float min_column_width(const Field& col) {
    switch (col.kind) {
    case FieldKind::Date: return 146;  // the date and its calendar button
    case FieldKind::Number:
    case FieldKind::Money: return 90;
    case FieldKind::Check: return 52;
    case FieldKind::Choice: return 124;
    case FieldKind::Rating: return 150;
    default: return 150;
    }
}

// Rows in display order: grouped by the group_by column's options (then unset), else as stored.
std::vector<std::pair<std::string, std::vector<std::size_t>>> row_groups(const Field& table, const json& rows) {
    std::vector<std::pair<std::string, std::vector<std::size_t>>> groups;
    const Field* g = table.group_by.empty() ? nullptr : table.column(table.group_by);
    if (!g) {
        groups.push_back({"", {}});
        for (std::size_t i = 0; i < rows.size(); ++i) groups[0].second.push_back(i);
        return groups;
    }
    for (const ChoiceOption& o : g->options) groups.push_back({o.id, {}});
    groups.push_back({"", {}});
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const std::string v = as_text(member(rows[i], g->id));
        bool placed = false;
        for (auto& [id, members] : groups)
            if (!id.empty() && id == v) members.push_back(i), placed = true;
        if (!placed) groups.back().second.push_back(i);
    }
    return groups;
}

// True when a table's columns, each at its readable minimum, are wider than `width` (px): its rows are then
// drawn as cards.
bool needs_cards(const Field& table, float width) {
    float needed = 30;  // the remove button's column
    for (const Field& col : table.columns) needed += min_column_width(col);
    return needed > width;
}

// One cell's editor; a change goes into the copy edit_rows() makes. Returns true when the learner changed it.
template <class EditRows>
bool edit_cell(const Field& table, const json& rows, std::size_t i, std::size_t c, EditRows& edit_rows,
               FieldEditorState& state, const FieldContext& ctx) {
    const Field& col = table.columns[c];
    ImGui::PushID(col.id.c_str());
    json cell;
    bool changed = false;
    const std::string probe_name = "cell:" + table.id + ":" + std::to_string(i) + ":" + col.id;
    if (cell_editor(col, member(rows[i], col.id), cell, state, ctx, probe_name)) {
        json& target = edit_rows()[i];
        if (!target.is_object()) target = json::object();
        target[col.id] = cell;
        changed = true;
    }
    if (col.kind != FieldKind::Date) probe::last_item(probe_name);  // a date cell names its typed field itself
    ImGui::PopID();
    return changed;
}

struct CardResult {
    bool changed = false;  // a cell changed
    bool remove = false;   // "Remove" was clicked
};

// A row as a card: every column's label above its editor, as many side by side as fit at 230 px or more, and
// "Remove" at the end.
template <class EditRows, class RevealHere>
CardResult row_card(const Field& table, const json& rows, std::size_t i, EditRows& edit_rows, FieldEditorState& state,
                    const FieldContext& ctx, RevealHere& reveal_here) {
    const int per_line = std::clamp(static_cast<int>(ctx.width / 230.0f), 1, 4);
    CardResult r;
    ImGui::PushID(static_cast<int>(i));
    const ImGuiTableFlags flags = ImGuiTableFlags_BordersOuter | ImGuiTableFlags_PadOuterX |
                                  ImGuiTableFlags_SizingStretchSame;
    if (ImGui::BeginTable("##card", per_line, flags, ImVec2(ctx.width, 0))) {
        for (std::size_t c = 0; c < table.columns.size(); ++c) {
            ImGui::TableNextColumn();
            StyledText(ctx.fonts->small, palette().muted, table.columns[c].label, false);
            reveal_here(i, c);
            if (edit_cell(table, rows, i, c, edit_rows, state, ctx)) r.changed = true;
        }
        ImGui::TableNextColumn();
        ImGui::Dummy(ImVec2(0, ctx.fonts->small->FontSize));
        if (ImGui::SmallButton("\xC3\x97 Remove")) r.remove = true;
        probe::last_item("remove-row:" + table.id + ":" + std::to_string(i));
        ImGui::EndTable();
    }
    ImGui::Dummy(ImVec2(0, 6));
    ImGui::PopID();
    return r;
}

bool table_editor(const Field& table, const json& value, json& out, FieldEditorState& state, const FieldContext& ctx) {
    static const json no_rows = json::array();
    const json& rows = value.is_array() ? value : no_rows;
    json updated;  // a copy is made only when something changes: a 300-row table is not copied per frame
    auto edit_rows = [&]() -> json& {
        if (updated.is_null()) updated = rows;
        return updated;
    };
    bool changed = false;
    int remove = -1;
    const Field* group_col = table.group_by.empty() ? nullptr : table.column(table.group_by);
    const auto groups = row_groups(table, rows);
    const int reveal = state.reveal_table == table.id ? state.reveal_row : -1;
    state.reveal_table.clear();
    state.reveal_row = -1;
    // Before a clipper's first Step: the revealed row gets widgets even when it is off screen, then is scrolled to.
    auto force_reveal = [&](ImGuiListClipper& clipper, const std::vector<std::size_t>& members) {
        for (std::size_t m = 0; m < members.size(); ++m)
            if (static_cast<int>(members[m]) == reveal)
                clipper.ForceDisplayRangeByIndices(static_cast<int>(m), static_cast<int>(m) + 1);
    };
    auto reveal_here = [&](std::size_t i, std::size_t c) {
        if (static_cast<int>(i) != reveal || c != 0) return;
        ImGui::SetScrollHereY(0.3f);
        ImGui::SetKeyboardFocusHere();
    };
    for (const auto& [group, members] : groups) {
        if (group_col) {
            if (members.empty() && group.empty()) continue;  // no ungrouped rows: no "not set" heading
            const ChoiceOption* o = group_col->option(group);
            ImGui::Dummy(ImVec2(0, 4));
            Chip((o ? o->label : std::string("Not rated yet")) + "  \xC2\xB7  " + std::to_string(members.size()),
                 o ? o->color : "grey", *ctx.fonts);
            if (members.empty()) continue;
        }
        ImGui::PushID(group.c_str());
        // Columns share the width while each keeps a readable minimum. A table whose columns cannot all fit the
        // page (the account map has nine) shows each row as a card instead, so every column stays in view: a
        // sideways-scrolling table per group hid the outreach plan off to the right.
        if (needs_cards(table, ctx.width)) {
            ImGuiListClipper clipper;  // cards of one table share a height: only those in view get widgets
            clipper.Begin(static_cast<int>(members.size()));
            force_reveal(clipper, members);
            while (clipper.Step())
                for (int m = clipper.DisplayStart; m < clipper.DisplayEnd; ++m) {
                    const std::size_t i = members[static_cast<std::size_t>(m)];
                    const CardResult r = row_card(table, rows, i, edit_rows, state, ctx, reveal_here);
                    changed |= r.changed;
                    if (r.remove) remove = static_cast<int>(i);
                }
            ImGui::PopID();
            continue;
        }
        const ImGuiTableFlags flags = ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_BordersOuter |
                                      ImGuiTableFlags_RowBg | ImGuiTableFlags_PadOuterX |
                                      ImGuiTableFlags_SizingStretchProp;
        if (ImGui::BeginTable("##rows", static_cast<int>(table.columns.size()) + 1, flags, ImVec2(ctx.width, 0))) {
            for (const Field& col : table.columns)
                ImGui::TableSetupColumn(col.label.c_str(), ImGuiTableColumnFlags_WidthStretch, column_weight(col));
            ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, 30);
            ImGui::TableHeadersRow();
            // Only the rows in view get widgets: a 300-person account map costs what a screenful does.
            ImGuiListClipper clipper;
            clipper.Begin(static_cast<int>(members.size()));
            force_reveal(clipper, members);
            while (clipper.Step())
            for (int m = clipper.DisplayStart; m < clipper.DisplayEnd; ++m) {
                const std::size_t i = members[static_cast<std::size_t>(m)];
                ImGui::TableNextRow();
                ImGui::PushID(static_cast<int>(i));
                for (std::size_t c = 0; c < table.columns.size(); ++c) {
                    ImGui::TableSetColumnIndex(static_cast<int>(c));
                    reveal_here(i, c);
                    if (edit_cell(table, rows, i, c, edit_rows, state, ctx)) changed = true;
                }
                ImGui::TableSetColumnIndex(static_cast<int>(table.columns.size()));
                if (ImGui::SmallButton("\xC3\x97")) remove = static_cast<int>(i);
                if (ImGui::IsItemHovered()) ImGui::SetTooltip("Remove this row");
                probe::last_item("remove-row:" + table.id + ":" + std::to_string(i));
                ImGui::PopID();
            }
            ImGui::EndTable();
        }
        ImGui::PopID();
    }
    if (remove >= 0) {
        // Recorded with every value the row held, so Ctrl+Z or the notice's Undo puts it back where it was.
        if (ctx.undo) ctx.undo->row_removed(ctx.artifact, table.id, static_cast<std::size_t>(remove), rows[remove]);
        state.deleted_row_table = table.id;
        edit_rows().erase(edit_rows().begin() + remove);
        changed = true;
    }
    ImGui::Dummy(ImVec2(0, 2));
    if (PageButton("+ Add a row##add", ButtonKind::Quiet, *ctx.fonts)) {
        edit_rows().push_back(json::object());
        if (ctx.undo) ctx.undo->row_added(ctx.artifact, table.id, edit_rows().size() - 1, edit_rows().back());
        state.deleted_row_table.clear();
        changed = true;
        state.reveal_table = table.id;
        state.reveal_row = static_cast<int>(edit_rows().size()) - 1;
    }
    probe::last_item("add-row:" + table.id);
    if (changed) out = std::move(updated);
    return changed;
}

}  // namespace

bool money_input(const char* id, const std::optional<double>& value, std::optional<double>* out,
                 const Currency& currency, TypedDrafts& drafts, float width, const Fonts& fonts) {
    const ImGuiID key = ImGui::GetID(id);
    auto draft = drafts.find(key);
    std::string text = draft != drafts.end() ? draft->second : value ? format_money(*value, currency) : std::string();
    ImGui::SetNextItemWidth(width);
    const bool edited = ImGui::InputTextWithHint(id, currency.decimal_comma ? "300k, 12.000,50" : "300k, 12,000", &text);
    const bool active = ImGui::IsItemActive();
    const MoneyParse parsed = parse_money(text, currency);
    bool changed = false;
    if (edited) {
        drafts[key] = text;  // shown as typed while the learner is in the field
        if (parsed.ok() && (!value || *value != parsed.value)) *out = parsed.value, changed = true;
        if (parsed.empty() && value) *out = std::nullopt, changed = true;
    } else if (!active && draft != drafts.end() && parsed.status != MoneyParse::Status::Error) {
        drafts.erase(draft);  // read: from now on the field shows the amount as the app writes it
    }
    // Not while typing: "1." on the way to "1.5m" is not a mistake yet.
    if (parsed.status == MoneyParse::Status::Error && !active) {
        field_message(parsed.error + (value ? " (still " + format_money(*value, currency) + ")" : ""), fonts);
        probe::last_item("field-error");
    }
    return changed;
}

namespace {

// date_input without its message: the full-width field puts "Today" beside it first.
bool date_input_core(const char* id, const std::string& value, std::string* out, TypedDrafts& drafts, float width,
                     std::string* message) {
    const ImGuiID key = ImGui::GetID(id);
    auto draft = drafts.find(key);
    std::string text = draft != drafts.end() ? draft->second : value;
    static const DateOrder order = locale_date_order();
    const char* hint = order == DateOrder::MonthDayYear ? "YYYY-MM-DD or MM/DD/YYYY"
                       : order == DateOrder::DayMonthYear ? "YYYY-MM-DD or DD/MM/YYYY"
                                                          : "YYYY-MM-DD";
    ImGui::SetNextItemWidth(width);
    const bool edited = ImGui::InputTextWithHint(id, hint, &text);
    const bool active = ImGui::IsItemActive();
    const TypedDate parsed = parse_typed_date(text, order);
    bool changed = false;
    if (edited) {
        drafts[key] = text;
        if (parsed.day && format_date(*parsed.day) != value) *out = format_date(*parsed.day), changed = true;
        if (!parsed.day && parsed.error.empty() && !value.empty()) *out = "", changed = true;
    } else if (!active && draft != drafts.end() && parsed.error.empty()) {
        drafts.erase(draft);  // read: show it as stored, year first
    }
    // A stored value this version cannot read (typed before dates were checked) gets the same message.
    if (!active) *message = parsed.error;  // not while typing: "10/1" on the way to "10/12/2026" is no mistake yet
    return changed;
}

void date_message(const std::string& message, const Fonts& fonts) {
    if (message.empty()) return;
    field_message(message, fonts);
    probe::last_item("field-error");
}

}  // namespace

bool date_input(const char* id, const std::string& value, std::string* out, TypedDrafts& drafts, float width,
                const Fonts& fonts) {
    std::string message;
    const bool changed = date_input_core(id, value, out, drafts, width, &message);
    date_message(message, fonts);
    return changed;
}

void draw_timeline(const Field& table, const json& rows, double target, const FieldContext& ctx) {
    if (!rows.is_array() || table.timeline.empty()) return;
    const std::string label_col = table.columns.empty() ? "" : table.columns.front().id;
    double total = 0;
    for (const json& r : rows) total += as_number(member(r, table.timeline));
    const double scale_to = std::max(total, target);
    if (scale_to <= 0) return;
    static const char* kCycle[] = {"blue", "green", "yellow", "blue", "green", "yellow"};
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float h = 46, w = ctx.width;
    dl->AddRectFilled(p, ImVec2(p.x + w, p.y + h), palette().track, 6);
    float x = p.x;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const double minutes = as_number(member(rows[i], table.timeline));
        if (minutes <= 0) continue;
        const float seg = static_cast<float>(w * minutes / scale_to);
        const ChipColors c = chip_colors(kCycle[i % 6]);
        dl->AddRectFilled(ImVec2(x + 1, p.y), ImVec2(x + seg - 1, p.y + h), c.background, 6);
        dl->AddRectFilled(ImVec2(x + 1, p.y + h - 4), ImVec2(x + seg - 1, p.y + h), c.dot);
        char top[32];
        std::snprintf(top, sizeof top, "%g min", minutes);
        const std::string name = as_text(member(rows[i], label_col));
        ImGui::PushClipRect(ImVec2(x + 4, p.y), ImVec2(x + seg - 4, p.y + h), true);
        dl->AddText(ctx.fonts->label, ctx.fonts->label->FontSize, ImVec2(x + 8, p.y + 7), c.ink, top);
        dl->AddText(ctx.fonts->small, ctx.fonts->small->FontSize, ImVec2(x + 8, p.y + 22), palette().text, name.c_str());
        ImGui::PopClipRect();
        x += seg;
    }
    if (target > 0 && total < target) {  // the unplanned part of the hour
        dl->AddText(ctx.fonts->small, ctx.fonts->small->FontSize, ImVec2(x + 8, p.y + 15), palette().muted, "unplanned");
    }
    ImGui::Dummy(ImVec2(w, h + 6));
}

bool draw_field(const Field& field, const json& value, json& out, FieldEditorState& state, const FieldContext& ctx) {
    ImGui::PushID(field.id.c_str());
    label_line(field, *ctx.fonts);
    if (field.kind == FieldKind::Table && !field.timeline.empty()) {
        double target = 0;  // the sum rule on this column, if the content states one
        if (ctx.kind)
            for (const Rule& r : ctx.kind->rules)
                if (r.kind == RuleKind::Sum && r.table == field.id && r.column == field.timeline) target = r.target;
        draw_timeline(field, value, target, ctx);
    }
    bool changed = false;
    switch (field.kind) {
    case FieldKind::Text: changed = text_input("##v", value, out, ctx.width); break;
    case FieldKind::LongText: {
        ProseEditorStyle style;
        apply_palette(style);
        style.width = ctx.width;
        style.min_lines = 3;
        style.font = ctx.fonts->body.regular;
        style.font_size = ctx.fonts->body.regular->FontSize;
        style.placeholder = "";
        std::string text = as_text(value);
        if (ProseEditor("##prose", text, state.prose[field.id], style)) out = text, changed = true;
        break;
    }
    case FieldKind::Number:
        changed = number_input("##v", field, value, out, 200);
        if (!field.unit.empty()) TextAfter(ctx.fonts->ui.regular, palette().muted, field.unit);
        break;
    case FieldKind::Money: {
        // The unit line goes before the field: the message for an unreadable amount goes under it.
        const Currency& c = currency_for(ctx.profile ? ctx.profile->currency : "");
        StyledText(ctx.fonts->small, palette().muted,
                   c.code + (field.unit.empty() ? " per year" : " " + field.unit) +
                       (ctx.caption.empty() ? "" : "  \xC2\xB7  " + ctx.caption),
                   false);
        changed = money_value("##v", value, out, ctx, state.drafts, 200);
        probe::last_item("money:" + field.id);
        if (!ctx.under.empty()) {
            StyledText(ctx.fonts->small, palette().muted, ctx.under);
            probe::last_item("money-note:" + field.id);
        }
        break;
    }
    case FieldKind::Date: {
        // "Today" sits beside the field, so the message for an unreadable date goes under both.
        std::string iso, message;
        if (date_input_core("##v", as_text(value), &iso, state.drafts, 160, &message)) out = iso, changed = true;
        probe::last_item("date:" + field.id);
        const ImGuiID key = ImGui::GetID("##v");
        ImGui::SameLine(0, ImGui::GetStyle().ItemInnerSpacing.x);
        if (date_picker_button("##pick", as_text(value), &iso, *ctx.fonts, "date-picker:" + field.id)) {
            out = iso;
            state.drafts.erase(key);
            changed = true;
            message.clear();
        }
        ImGui::SameLine();
        if (PageButton("Today##today", ButtonKind::Link, *ctx.fonts)) {
            out = format_date(today_days());
            state.drafts.erase(key);
            changed = true;
            message.clear();
        }
        date_message(message, *ctx.fonts);
        break;
    }
    case FieldKind::Choice: changed = choice_pills(field, value, out, *ctx.fonts); break;
    case FieldKind::Rating: changed = rating_input("##v", field, value, out, *ctx.fonts); break;
    case FieldKind::Account: changed = account_combo("##v", value, out, ctx.profile, 320); break;
    case FieldKind::Check: {
        bool b = value.is_boolean() && value.get<bool>();
        if (ImGui::Checkbox("##v", &b)) out = b, changed = true;
        break;
    }
    case FieldKind::Checklist: {
        json items = value.is_object() ? value : json::object();
        for (const ChoiceOption& item : field.items) {
            const json& stored = member(items, item.id);
            bool b = stored.is_boolean() && stored.get<bool>();  // a hand-edited file may hold anything here
            ImGui::PushID(item.id.c_str());
            const bool ticked = ImGui::Checkbox(item.label.c_str(), &b);
            ImGui::PopID();
            if (ticked) {
                items[item.id] = b;
                changed = true;
            }
        }
        if (changed) out = items;
        break;
    }
    case FieldKind::Table: changed = table_editor(field, value, out, state, ctx); break;
    }
    ImGui::PopID();
    ImGui::Dummy(ImVec2(0, 14));
    return changed;
}

}  // namespace gw::ui
