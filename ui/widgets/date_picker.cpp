#include "ui/widgets/date_picker.h"

#include <imgui.h>

#include <cfloat>
#include <climits>
#include <cstdio>

#include "runtime/artifacts/calendar_date.h"
#include "ui/item_probe.h"
#include "ui/theme.h"
#include "ui/widgets/buttons.h"

namespace gw::ui {

namespace {

int g_picker_frame = -1;  // the last frame a picker's popup was drawn open in: read by date_picker_open()

constexpr const char* kMonthNames[] = {"January", "February", "March",     "April",   "May",      "June",
                                       "July",    "August",   "September", "October", "November", "December"};
constexpr const char* kWeekdayShort[] = {"Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"};

// A small calendar drawn from lines, so it needs no glyph in the fonts: a frame, two rings on top, a grid of dots.
void draw_calendar_icon(ImDrawList* dl, ImVec2 p, float size, ImU32 ink) {
    const float pad = size * 0.24f;
    const ImVec2 a(p.x + pad, p.y + pad + 1), b(p.x + size - pad, p.y + size - pad);
    dl->AddRect(a, b, ink, 2, 0, 1.3f);
    dl->AddLine(ImVec2(a.x, a.y + (b.y - a.y) * 0.3f), ImVec2(b.x, a.y + (b.y - a.y) * 0.3f), ink, 1.3f);
    for (float fx : {0.3f, 0.7f}) {
        const float x = a.x + (b.x - a.x) * fx;
        dl->AddLine(ImVec2(x, a.y - 2), ImVec2(x, a.y + 2), ink, 1.5f);
    }
    for (int row = 0; row < 2; ++row)
        for (int col = 0; col < 3; ++col) {
            const float x = a.x + (b.x - a.x) * (0.25f + 0.25f * col);
            const float y = a.y + (b.y - a.y) * (0.55f + 0.25f * row);
            dl->AddRectFilled(ImVec2(x - 1, y - 1), ImVec2(x + 1, y + 1), ink);
        }
}

// The month grid inside the open popup. Returns true with *picked set when a day was clicked.
// `storage` is the field's window's (inside the popup, GetStateStorage() is the popup's own).
bool month_grid(ImGuiStorage* storage, ImGuiID storage_key, long chosen, long today, const Fonts& fonts, long* picked) {
    const int stored = storage->GetInt(storage_key, 0);
    YearMonth shown{stored / 12, stored % 12 + 1};
    ImFont* font = fonts.ui.regular;
    const float cell_w = font->FontSize * 2.3f, cell_h = font->FontSize * 1.9f;
    const float grid_w = cell_w * 7;
    bool done = false;

    // Heading: previous month, "December 2026", next month.
    if (ImGui::ArrowButton("##prev", ImGuiDir_Left)) shown = add_months(shown, -1);
    probe::last_item("picker-prev");
    char title[40];
    std::snprintf(title, sizeof title, "%s %d", kMonthNames[shown.month - 1], shown.year);
    const float arrow_w = ImGui::GetFrameHeight();
    const ImVec2 ts = fonts.ui.bold->CalcTextSizeA(fonts.ui.bold->FontSize, FLT_MAX, 0, title);
    ImGui::SameLine(0, 0);
    const ImVec2 row_start = ImGui::GetCursorScreenPos();
    const float title_x = row_start.x + (grid_w - 2 * arrow_w - ts.x) / 2;
    ImGui::GetWindowDrawList()->AddText(fonts.ui.bold, fonts.ui.bold->FontSize,
                                        ImVec2(title_x, row_start.y + (arrow_w - ts.y) / 2), palette().heading, title);
    ImGui::Dummy(ImVec2(grid_w - 2 * arrow_w, arrow_w));
    probe::last_item("picker-title");
    ImGui::SameLine(0, 0);
    if (ImGui::ArrowButton("##next", ImGuiDir_Right)) shown = add_months(shown, 1);
    probe::last_item("picker-next");

    // Weekday headings, from the locale's first day of the week.
    const int first_weekday = locale_first_weekday();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImVec2 p = ImGui::GetCursorScreenPos();
    for (int c = 0; c < 7; ++c) {
        const char* name = kWeekdayShort[(first_weekday + c) % 7];
        const ImVec2 ns = fonts.small->CalcTextSizeA(fonts.small->FontSize, FLT_MAX, 0, name);
        dl->AddText(fonts.small, fonts.small->FontSize, ImVec2(p.x + c * cell_w + (cell_w - ns.x) / 2, p.y + 2),
                    palette().muted, name);
    }
    ImGui::Dummy(ImVec2(grid_w, fonts.small->FontSize + 6));

    // Six weeks of days; only the shown month's are buttons, the neighbours' are left blank.
    const long start = month_grid_start(shown, first_weekday);
    const long first = first_day_of(shown), end = first + days_in_month(shown);
    const int rows = static_cast<int>((end - start + 6) / 7);
    for (int r = 0; r < rows; ++r) {
        for (int c = 0; c < 7; ++c) {
            const long d = start + r * 7 + c;
            if (c > 0) ImGui::SameLine(0, 0);
            if (d < first || d >= end) {
                ImGui::Dummy(ImVec2(cell_w, cell_h));
                continue;
            }
            ImGui::PushID(static_cast<int>(d));
            const ImVec2 q = ImGui::GetCursorScreenPos();
            if (ImGui::InvisibleButton("##day", ImVec2(cell_w, cell_h))) *picked = d, done = true;
            probe::last_item("picker-day:" + format_date(d));
            const bool hovered = ImGui::IsItemHovered();
            ImGui::PopID();
            const ImVec2 centre(q.x + cell_w / 2, q.y + cell_h / 2);
            const float radius = cell_h / 2 - 2;
            ImU32 ink = palette().text;
            if (d == chosen) {
                dl->AddCircleFilled(centre, radius, palette().accent);
                ink = palette().on_accent;
            } else if (hovered) {
                dl->AddCircleFilled(centre, radius, palette().accent_soft);
            }
            if (d == today) dl->AddCircle(centre, radius, d == chosen ? palette().on_accent : palette().accent, 0, 1.5f);
            char number[4];
            std::snprintf(number, sizeof number, "%d", static_cast<int>(d - first + 1));
            ImFont* f = d == today ? fonts.ui.bold : font;
            const ImVec2 s = f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, number);
            dl->AddText(f, f->FontSize, ImVec2(centre.x - s.x / 2, centre.y - s.y / 2), ink, number);
            if (hovered) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
        }
    }
    ImGui::Dummy(ImVec2(0, 2));
    if (PageButton("Today##picker-today", ButtonKind::Link, fonts)) *picked = today, done = true;
    probe::last_item("picker-today");
    storage->SetInt(storage_key, shown.year * 12 + shown.month - 1);
    return done;
}

}  // namespace

float date_picker_button_width() { return ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x; }

bool date_picker_open() { return g_picker_frame >= 0 && g_picker_frame == ImGui::GetFrameCount(); }

bool date_picker_button(const char* id, const std::string& value, std::string* out, const Fonts& fonts,
                        const std::string& probe_name) {
    ImGui::PushID(id);
    const float size = ImGui::GetFrameHeight();
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const bool clicked = ImGui::InvisibleButton("##calendar", ImVec2(size, size));
    probe::last_item(probe_name);
    const bool hovered = ImGui::IsItemHovered();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(p, ImVec2(p.x + size, p.y + size), hovered ? palette().accent_soft : palette().surface,
                      ImGui::GetStyle().FrameRounding);
    dl->AddRect(p, ImVec2(p.x + size, p.y + size), palette().rule, ImGui::GetStyle().FrameRounding);
    draw_calendar_icon(dl, p, size, hovered ? palette().accent : palette().muted);
    if (hovered) ImGui::SetTooltip("Pick a date from a calendar");

    const ImGuiID month_key = ImGui::GetID("##shown-month");
    ImGuiStorage* storage = ImGui::GetStateStorage();
    const long today = today_days();
    const std::optional<long> chosen = parse_date(value);
    if (clicked) {
        const YearMonth ym = year_month_of(chosen.value_or(today));
        storage->SetInt(month_key, ym.year * 12 + ym.month - 1);
        ImGui::OpenPopup("##month");
    }
    bool picked_any = false;
    // Under the button, its right edge on the button's, so the field stays readable; above it when the grid (six
    // weeks at most, estimated from the fonts) would run past the window's bottom.
    const ImGuiStyle& style = ImGui::GetStyle();
    const float grid_h = 2 * ImGui::GetFrameHeight() + fonts.small->FontSize + 8 +
                         6 * fonts.ui.regular->FontSize * 1.9f + 2 * 8 + 4 * style.ItemSpacing.y;
    const bool below = p.y + size + 4 + grid_h <= ImGui::GetIO().DisplaySize.y;
    ImGui::SetNextWindowPos(below ? ImVec2(p.x + size, p.y + size + 4) : ImVec2(p.x + size, p.y - 4),
                            ImGuiCond_Appearing, below ? ImVec2(1, 0) : ImVec2(1, 1));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(10, 8));  // the app's windows have none
    const bool open = ImGui::BeginPopup("##month");
    ImGui::PopStyleVar();
    if (open) {
        g_picker_frame = ImGui::GetFrameCount();
        long picked = 0;
        if (month_grid(storage, month_key, chosen.value_or(LONG_MIN), today, fonts, &picked)) {
            *out = format_date(picked);
            picked_any = true;
            ImGui::CloseCurrentPopup();
        } else if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false)) {
            ImGui::CloseCurrentPopup();
        }
        ImGui::EndPopup();
    }
    ImGui::PopID();
    return picked_any;
}

}  // namespace gw::ui
