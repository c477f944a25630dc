#include "ui/views/sidebar_view.h"

#include <imgui.h>
#include <imgui_internal.h>  // ScrollToRect: reveal a row without recentring

#include <cstdio>

#include "ui/item_probe.h"
#include "ui/theme.h"
#include "ui/widgets/plural.h"
#include "ui/text_style.h"

namespace gw::ui {

namespace {

constexpr float kPad = 20.0f;

void label(const Fonts& fonts, const char* text, ImU32 col = palette().muted) {
    StyledText(fonts.label, col, text, false);
}

// Scrolls just enough to show the row just drawn; a row already in view stays where it is.
void reveal_last_item() {
    ImGui::ScrollToRect(ImGui::GetCurrentWindow(), ImRect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax()),
                        ImGuiScrollFlags_KeepVisibleEdgeY);
}

void state_marker(ImDrawList* dl, ImVec2 centre, float r, ItemState state, const char* text, const Fonts& fonts,
                  bool selected) {
    ImFont* f = fonts.ui.bold;
    if (state == ItemState::Done) {
        dl->AddCircleFilled(centre, r, palette().done);
        const char* tick = "\xE2\x9C\x93";
        ImVec2 ts = f->CalcTextSizeA(f->FontSize, 1e9f, 0, tick);
        dl->AddText(f, f->FontSize, ImVec2(centre.x - ts.x * 0.5f, centre.y - ts.y * 0.5f), palette().on_accent,
                    tick);
        return;
    }
    ImU32 ring = state == ItemState::Started ? palette().accent : selected ? palette().accent : palette().faint;
    dl->AddCircleFilled(centre, r, palette().surface);
    dl->AddCircle(centre, r, ring, 0, state == ItemState::Started ? 2.2f : 1.2f);
    if (state == ItemState::Started) dl->PathArcTo(centre, r, -1.5708f, 0.0f), dl->PathStroke(ring, 0, 3.0f);
    ImVec2 ts = f->CalcTextSizeA(f->FontSize * 0.85f, 1e9f, 0, text);
    dl->AddText(f, f->FontSize * 0.85f, ImVec2(centre.x - ts.x * 0.5f, centre.y - ts.y * 0.5f),
                state == ItemState::Started || selected ? palette().accent : palette().muted, text);
}

bool item_row(const CourseItem& item, const char* marker, bool selected, ItemState state, const Fonts& fonts) {
    const float width = ImGui::GetContentRegionAvail().x - kPad;
    const float r = 12.0f;
    const float text_x = r * 2 + 14;
    ImFont* title_font = selected ? fonts.ui.bold : fonts.ui.regular;
    const float wrap = width - text_x - 8;
    ImVec2 title_size = title_font->CalcTextSizeA(title_font->FontSize, 1e9f, wrap, item.title.c_str());
    const std::string meta = item_row_detail(item, state);
    // A row with nothing to say under its title (no minutes:, not started) is no taller than its title.
    const float height = 10 + title_size.y + (meta.empty() ? 0 : 4 + fonts.small->FontSize) + 10;

    ImVec2 pos = ImGui::GetCursorScreenPos();
    ImGui::PushID(item.id.c_str());
    bool clicked = ImGui::InvisibleButton("row", ImVec2(width, height));
    bool hovered = ImGui::IsItemHovered();
    ImGui::PopID();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    if (selected) {
        dl->AddRectFilled(pos, ImVec2(pos.x + width, pos.y + height), palette().accent_soft, 6);
    } else if (hovered) {
        dl->AddRectFilled(pos, ImVec2(pos.x + width, pos.y + height), palette().track, 6);
    }
    state_marker(dl, ImVec2(pos.x + 8 + r, pos.y + 10 + title_font->FontSize * 0.6f), r, state, marker, fonts,
                 selected);
    ImU32 title_col = item.broken() ? palette().error : selected ? palette().heading : palette().text;
    dl->AddText(title_font, title_font->FontSize, ImVec2(pos.x + text_x, pos.y + 10), title_col, item.title.c_str(),
                nullptr, wrap);
    dl->AddText(fonts.small, fonts.small->FontSize, ImVec2(pos.x + text_x, pos.y + 10 + title_size.y + 4),
                item.broken() ? palette().error : palette().muted, meta.c_str());
    if (hovered) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    return clicked;
}

void progress_block(const ChapterProgress& p, const Fonts& fonts) {
    const int done = p.done(), total = p.total(), percent = p.percent();
    char line[64];
    std::snprintf(line, sizeof line, "%d / %d  \xC2\xB7  %d%%", done, total, percent);
    ImGui::PushFont(fonts.ui.bold);
    ImGui::TextUnformatted(line);
    ImGui::PopFont();
    ImVec2 pos = ImGui::GetCursorScreenPos();
    float width = ImGui::GetContentRegionAvail().x - kPad;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(pos, ImVec2(pos.x + width, pos.y + 6), palette().track, 3);
    if (done > 0)
        dl->AddRectFilled(pos, ImVec2(pos.x + width * float(done) / float(total), pos.y + 6), palette().done, 3);
    ImGui::Dummy(ImVec2(width, 10));
    StyledText(fonts.small, palette().muted, chapter_counts(p), false);
}

// A row for one of the learner's own pages: Search, My work, Accounts, Health dashboard. `icon` null: a drawn magnifier.
bool nav_row(const SidebarModel& model, const char* page, const char* icon, const char* title,
             const std::string& detail, const Fonts& fonts) {
    const bool selected = model.current && *model.current == page;
    const float width = ImGui::GetContentRegionAvail().x - kPad;
    const float height = 38;
    ImVec2 pos = ImGui::GetCursorScreenPos();
    bool clicked = ImGui::InvisibleButton(page, ImVec2(width, height));
    probe::last_item(page + 1);  // "my-work", "accounts", "dashboard"
    bool hovered = ImGui::IsItemHovered();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    if (selected || hovered)
        dl->AddRectFilled(pos, ImVec2(pos.x + width, pos.y + height),
                          selected ? palette().accent_soft : palette().track, 6);
    ImFont* f = selected ? fonts.ui.bold : fonts.ui.regular;
    const float ty = pos.y + (height - f->FontSize) * 0.5f;
    if (icon) {
        dl->AddText(fonts.ui.bold, fonts.ui.bold->FontSize, ImVec2(pos.x + 12, ty), palette().accent, icon);
    } else {  // a magnifier, drawn: no face the app ships has one
        const float r = f->FontSize * 0.28f;
        const ImVec2 c(pos.x + 12 + r + 1, ty + f->FontSize * 0.45f);
        dl->AddCircle(c, r, palette().accent, 12, 1.8f);
        dl->AddLine(ImVec2(c.x + r * 0.7f, c.y + r * 0.7f), ImVec2(c.x + r * 1.8f, c.y + r * 1.8f), palette().accent, 2.2f);
    }
    dl->AddText(f, f->FontSize, ImVec2(pos.x + 36, ty), palette().heading, title);
    // The detail is shown whole or not at all: at 800 px "Learning records" leaves room for "off" but not for
    // "not sending", and a cut "n…" says nothing (the page itself says it).
    const float title_w = f->CalcTextSizeA(f->FontSize, 1e9f, 0, title).x;
    const float room = width - 36 - title_w - 10 - 12;
    const std::string shown =
        fonts.small->CalcTextSizeA(fonts.small->FontSize, 1e9f, 0, detail.c_str()).x <= room ? detail : std::string();
    float w = fonts.small->CalcTextSizeA(fonts.small->FontSize, 1e9f, 0, shown.c_str()).x;
    if (!shown.empty())
        dl->AddText(fonts.small, fonts.small->FontSize, ImVec2(pos.x + width - 10 - w, ty + 2), palette().muted,
                    shown.c_str());
    if (hovered) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    return clicked;
}

}  // namespace

std::string item_row_detail(const CourseItem& item, ItemState state) {
    if (item.broken()) return "has errors";
    std::string detail;
    if (item.minutes > 0) detail = std::to_string(item.minutes) + " min";
    const char* progress = state == ItemState::Done ? "done" : state == ItemState::Started ? "started" : "";
    if (*progress) detail += (detail.empty() ? "" : "  \xC2\xB7  ") + std::string(progress);
    // Only a homework row is ever called "homework": a module without minutes: is still a module.
    if (detail.empty() && item.kind == ItemKind::Homework) detail = "homework";
    return detail;
}

std::string chapter_counts(const ChapterProgress& p) {
    std::string line = std::to_string(p.modules_done) + "/" + std::to_string(p.modules_total) + " modules";
    if (p.homework_total > 0)
        line += "  \xC2\xB7  " + std::to_string(p.homework_done) + "/" + std::to_string(p.homework_total) + " homework";
    return line;
}

std::string draw_sidebar(const SidebarModel& model, const Fonts& fonts) {
    std::string clicked;
    const Course& course = *model.course;
    auto state_of = [&](const std::string& id) { return model.item_state ? model.item_state(id) : ItemState::NotStarted; };

    ImGui::SetCursorPos(ImVec2(kPad, kPad));
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(ImGui::GetWindowWidth() - kPad);
    label(fonts, upper(course.title).c_str());
    ImGui::Dummy(ImVec2(0, 6));
    // The course index, as the course web page's "Back to ..." link: every installed course, one of them open.
    if (model.library_count >= 0 &&
        nav_row(model, kLibraryPage, "\xE2\x96\xA4", "Library",
                count_of(model.library_count, "course", "courses"), fonts))
        clicked = kLibraryPage;
    if (nav_row(model, kSearchPage, nullptr, "Search", "Ctrl+F", fonts)) clicked = kSearchPage;
    if (!model.display_detail.empty() && nav_row(model, kDisplayMenu, "Aa", "Display", model.display_detail, fonts))
        clicked = kDisplayMenu;
    if (model.work_count >= 0) {
        if (nav_row(model, kMyWorkPage, "\xE2\x9C\x8E", "My work", count_of(model.work_count, "piece", "pieces"), fonts))
            clicked = kMyWorkPage;
        if (nav_row(model, kAccountsPage, "\xE2\x97\x86", "Accounts", count_of(model.account_count, "account", "accounts"),
                    fonts))
            clicked = kAccountsPage;
        if (model.has_dashboard &&
            nav_row(model, kDashboardPage, "\xE2\x97\x8F", "Health dashboard", model.dashboard_detail, fonts))
            clicked = kDashboardPage;
        if (nav_row(model, kRecordsPage, "\xE2\x86\x97", "Learning records", model.records_detail, fonts))
            clicked = kRecordsPage;
        ImGui::Dummy(ImVec2(0, 12));
    }
    for (const Chapter& ch : course.chapters) {
        const bool on_overview = model.current && *model.current == ch.id;
        char chapter_label[48];
        std::snprintf(chapter_label, sizeof chapter_label, "CHAPTER %d", ch.number);
        label(fonts, chapter_label, palette().accent);
        ImGui::PushFont(fonts.ui.bold);
        ImVec2 p = ImGui::GetCursorScreenPos();
        ImGui::PushStyleColor(ImGuiCol_Text, on_overview ? palette().accent : palette().heading);
        ImGui::TextWrapped("%s", ch.title.c_str());
        ImGui::PopStyleColor();
        ImGui::PopFont();
        ImVec2 q = ImGui::GetItemRectMax();
        if (ImGui::IsMouseHoveringRect(p, q) && ImGui::IsWindowHovered()) {
            ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
            if (ImGui::IsMouseClicked(0)) clicked = ch.id;
        }
        ImGui::Dummy(ImVec2(0, 8));
        if (model.chapter_progress) {
            progress_block(model.chapter_progress(ch), fonts);
            ImGui::Dummy(ImVec2(0, 10));
        }

        // A category heading wherever the category changes: the same category may come back later.
        std::string last_category = "\x01";
        for (std::size_t i = 0; i < ch.modules.size(); ++i) {
            const CourseItem& m = ch.modules[i];
            if (m.category != last_category) {
                last_category = m.category;
                const Category* cat = ch.category(m.category);
                int in_run = 0, done_in_run = 0;
                for (std::size_t j = i; j < ch.modules.size() && ch.modules[j].category == m.category; ++j) {
                    ++in_run;
                    done_in_run += state_of(ch.modules[j].id) == ItemState::Done;
                }
                ImGui::Dummy(ImVec2(0, 8));
                std::string heading = upper(cat ? cat->title : m.category.empty() ? "Modules" : m.category);
                char count[32];
                std::snprintf(count, sizeof count, "%d/%d", done_in_run, in_run);
                float w = fonts.label->CalcTextSizeA(fonts.label->FontSize, 1e9f, 0, count).x;
                const float room = ImGui::GetWindowContentRegionMax().x - kPad - w - 10 - ImGui::GetCursorPosX();
                label(fonts, fit_text(fonts.label, heading, room).c_str());
                ImGui::SameLine();
                ImGui::SetCursorPosX(ImGui::GetWindowContentRegionMax().x - kPad - w);  // in line with the rows
                label(fonts, count, palette().faint);
            }
            char marker[8];
            std::snprintf(marker, sizeof marker, "%d", m.number);
            if (item_row(m, marker, model.current && *model.current == m.id, state_of(m.id), fonts)) clicked = m.id;
            if (model.reveal_current && model.current && *model.current == m.id) reveal_last_item();
        }
        if (!ch.homework.empty()) {
            ImGui::Dummy(ImVec2(0, 8));
            label(fonts, "HOMEWORK");
            int hw_done = 0;
            for (const CourseItem& h : ch.homework) hw_done += state_of(h.id) == ItemState::Done;
            ImGui::SameLine();
            char count[32];
            std::snprintf(count, sizeof count, "%d/%d", hw_done, int(ch.homework.size()));
            float cw = fonts.label->CalcTextSizeA(fonts.label->FontSize, 1e9f, 0, count).x;
            ImGui::SetCursorPosX(ImGui::GetWindowContentRegionMax().x - kPad - cw);
            label(fonts, count, palette().faint);
            for (const CourseItem& h : ch.homework) {
                char marker[8];
                std::snprintf(marker, sizeof marker, "H%d", h.number);
                if (item_row(h, marker, model.current && *model.current == h.id, state_of(h.id), fonts))
                    clicked = h.id;
                if (model.reveal_current && model.current && *model.current == h.id) reveal_last_item();
            }
        }
        ImGui::Dummy(ImVec2(0, 16));
    }
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
    return clicked;
}

}  // namespace gw::ui
