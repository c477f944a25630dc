#include "ui/views/library_view.h"

#include <imgui.h>

#include <cstdio>
#include <filesystem>

#include "ui/item_probe.h"
#include "ui/text_style.h"
#include "ui/theme.h"
#include "ui/widgets/buttons.h"

namespace gw::ui {

namespace {

bool library_same_folder(const std::string& a, const std::string& b) {
    std::error_code ec;
    return std::filesystem::weakly_canonical(a, ec) == std::filesystem::weakly_canonical(b, ec);
}

// "4 / 13 · 31%" above a thin bar, as the sidebar shows a chapter's progress.
void library_progress(const ChapterProgress& p, float width, const Fonts& fonts) {
    char line[64];
    std::snprintf(line, sizeof line, "%d / %d  \xC2\xB7  %d%%", p.done(), p.total(), p.percent());
    StyledText(fonts.small, palette().muted, line, false);
    ImGui::Dummy(ImVec2(0, 2));
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float w = std::min(width, 360.0f);
    dl->AddRectFilled(pos, ImVec2(pos.x + w, pos.y + 6), palette().track, 3);
    if (p.done() > 0 && p.total() > 0)
        dl->AddRectFilled(pos, ImVec2(pos.x + w * float(p.done()) / float(p.total()), pos.y + 6), palette().done, 3);
    ImGui::Dummy(ImVec2(w, 8));
}

}  // namespace

LibraryViewResult draw_library_view(const LibraryViewState& state, const std::string& current_folder,
                                    const std::string& current_title, float width, const Fonts& fonts) {
    LibraryViewResult result;
    const std::string back = "\xE2\x86\x90  Back to " + (current_title.empty() ? std::string("the course") : current_title);
    if (PageButton((fit_text(fonts.ui.regular, back, width - 8) + "##library-back").c_str(), ButtonKind::Link, fonts))
        result.back = true;
    probe::last_item("library-back");
    ImGui::Dummy(ImVec2(0, 8));
    StyledText(fonts.label, palette().accent, "LIBRARY", false);
    ImGui::Dummy(ImVec2(0, 4));
    StyledText(fonts.title, palette().heading, "Your courses");
    ImGui::Dummy(ImVec2(0, 6));
    const std::size_t n = state.entries.size();
    StyledText(fonts.body.regular, palette().text,
               n == 0 ? std::string("No course is installed yet.")
                      : std::to_string(n) + (n == 1 ? " course is" : " courses are") +
                            " installed. Your work stays in your profile: opening another course, updating or "
                            "removing one never deletes what you wrote.");
    StyledText(fonts.small, palette().muted,
               "A trainer's package installs with: groundwork install course.zip  (into " + state.library_folder + ")");
    if (!state.message.empty()) {
        ImGui::Dummy(ImVec2(0, 6));
        StyledText(fonts.ui.bold, palette().error, state.message);
    }
    ImGui::Dummy(ImVec2(0, 16));

    for (const LibraryEntry& e : state.entries) {
        const InstalledCourse& c = e.course;
        const bool current = library_same_folder(c.folder.string(), current_folder);
        ImGui::PushID(c.id.c_str());
        ImDrawList* dl = ImGui::GetWindowDrawList();
        const ImVec2 top = ImGui::GetCursorScreenPos();
        dl->AddLine(top, ImVec2(top.x + width, top.y), palette().rule, 1.0f);
        ImGui::Dummy(ImVec2(0, 14));
        StyledText(fonts.subheading, current ? palette().accent : palette().heading, c.title);
        std::string meta = c.version.empty() ? std::string("unversioned") : "version " + c.version;
        meta += "  \xC2\xB7  " + c.id;
        if (c.has_previous)
            meta += "  \xC2\xB7  previous " + (c.previous_version.empty() ? std::string("unversioned") : c.previous_version) +
                    " kept";
        if (c.errors > 0) meta += "  \xC2\xB7  " + std::to_string(c.errors) + (c.errors == 1 ? " error" : " errors");
        StyledText(fonts.small, c.errors > 0 ? palette().error : palette().muted, meta);
        if (!c.description.empty()) {
            ImGui::Dummy(ImVec2(0, 4));
            StyledText(fonts.body.regular, palette().text, c.description);
        }
        ImGui::Dummy(ImVec2(0, 6));
        library_progress(e.progress, width, fonts);
        if (current) {
            StyledText(fonts.ui.bold, palette().accent, "You are reading this course", false);
            probe::last_item("library-current:" + c.id);
        } else {
            if (PageButton(e.progress.done() > 0 ? "Continue##open" : "Open##open", ButtonKind::Primary, fonts))
                result.open_folder = c.folder.string();
            probe::last_item("library-open:" + c.id);
        }
        ImGui::Dummy(ImVec2(0, 14));
        ImGui::PopID();
    }
    return result;
}

}  // namespace gw::ui
