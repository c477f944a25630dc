#include "ui/views/learning_records_view.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include "ui/item_probe.h"
#include "ui/theme.h"
#include "ui/text_style.h"
#include "ui/widgets/buttons.h"

namespace gw::ui {

namespace {

void field_label(const Fonts& fonts, const char* label, const char* help) {
    ImGui::Dummy(ImVec2(0, 8));
    StyledText(fonts.ui.bold, palette().heading, label, false);
    if (help && *help) StyledText(fonts.small, palette().muted, help);
}

}  // namespace

bool draw_learning_records_view(LearningRecordsViewState& state, xapi::LearningRecords& records, float width,
                                const Fonts& fonts) {
    const xapi::LrsSettings& s = records.settings();
    if (!state.loaded) {
        state.loaded = true;
        state.endpoint = s.endpoint;
        state.key = s.key;
        state.display_name = s.display_name;
        state.sharing = s.sharing == xapi::Sharing::ProgressAndWriting ? 1 : 0;
    }
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    StyledText(fonts.label, palette().accent, "LEARNING RECORDS", false);
    ImGui::Dummy(ImVec2(0, 4));
    StyledText(fonts.title, palette().heading, "Share your progress with your trainer");
    ImGui::Dummy(ImVec2(0, 8));
    StyledText(fonts.body.regular, palette().text,
               "Groundwork can send what you open and finish to your organisation's Learning Record Store (an "
               "xAPI LRS, such as Learning Locker, Ralph or the one your LMS reports to). Records wait on this "
               "computer until the LRS can be reached, so working offline loses nothing. Nothing is recorded or "
               "sent until you set an LRS here.");
    ImGui::Dummy(ImVec2(0, 8));
    if (records.enabled()) {
        const xapi::SenderStatus st = records.status();
        const bool trouble = st.state == xapi::SenderState::NeedsCredentials ||
                             st.state == xapi::SenderState::Misconfigured;
        const std::string line = st.state == xapi::SenderState::Stopped
                                     ? "Not sending from this window (the profile is open read-only elsewhere)."
                                     : records.status_line();
        StyledText(fonts.ui.bold, trouble ? palette().error : palette().accent, line);
        StyledText(fonts.small, palette().muted,
                   std::to_string(st.counts.sent) + " sent \xC2\xB7 " + std::to_string(st.counts.queued) +
                       " waiting \xC2\xB7 " + std::to_string(st.counts.failed) + " refused");
    } else {
        StyledText(fonts.ui.bold, palette().muted, "Off: nothing is recorded or sent.");
    }

    const float field_width = std::min(width, 560.0f);
    field_label(fonts, "LRS endpoint", "The xAPI address your trainer or LMS administrator gave you.");
    ImGui::SetNextItemWidth(field_width);
    ImGui::InputTextWithHint("##endpoint", "https://lrs.example.com/xapi/", &state.endpoint);
    field_label(fonts, "Key", nullptr);
    ImGui::SetNextItemWidth(field_width);
    ImGui::InputText("##key", &state.key);
    field_label(fonts, "Secret",
                records.secret_kept_in().empty()
                    ? "Kept in the desktop keyring where one runs, else in a file only you can read."
                    : ("Kept in " + records.secret_kept_in() + ". Leave empty to keep it.").c_str());
    ImGui::SetNextItemWidth(field_width);
    ImGui::InputText("##secret", &state.secret, ImGuiInputTextFlags_Password);
    field_label(fonts, "What to share", nullptr);
    // Radio labels do not wrap in ImGui 1.86: a short label, and the detail as wrapped text beside it.
    ImGui::RadioButton("Progress only", &state.sharing, 0);
    StyledText(fonts.small, palette().muted, "Pages opened and finished, chapter progress, your artifacts' statuses.");
    ImGui::RadioButton("Progress and my writing", &state.sharing, 1);
    StyledText(fonts.small, palette().muted, "Also the text of your reflections and homework notes, when you leave "
                                           "their page.");
    field_label(fonts, "Your name (optional)", "Shown in your trainer's cohort report. Otherwise you are a number.");
    ImGui::SetNextItemWidth(field_width);
    ImGui::InputText("##name", &state.display_name);
    ImGui::Dummy(ImVec2(0, 12));

    const bool save = PageButton(records.enabled() ? "Save##lrs" : "Start sending##lrs", ButtonKind::Primary, fonts);
    probe::last_item("lrs-save");
    if (save) {
        xapi::LrsSettings next = s;
        next.endpoint = state.endpoint;
        next.key = state.key;
        next.display_name = state.display_name;
        next.sharing = state.sharing == 1 ? xapi::Sharing::ProgressAndWriting : xapi::Sharing::Progress;
        std::string error;
        if (records.apply(next, state.secret, &error)) {
            state.secret.clear();  // not kept in the view's memory longer than needed
            state.message = "Saved. Records are sent in the background.";
            state.message_is_error = false;
        } else {
            state.message = error;
            state.message_is_error = true;
        }
    }
    if (records.enabled()) {
        ImGui::SameLine();
        if (PageButton("Turn off##lrs", ButtonKind::Quiet, fonts)) {
            std::string error;
            state.message_is_error = !records.turn_off(&error);
            state.message = state.message_is_error ? error
                                                   : "Off. Records already waiting stay on this computer and go out if "
                                                     "you turn sending on again.";
            state.loaded = false;
        }
    }
    if (!state.message.empty()) {
        ImGui::Dummy(ImVec2(0, 6));
        StyledText(fonts.ui.regular, state.message_is_error ? palette().error : palette().muted, state.message);
    }
    ImGui::Dummy(ImVec2(0, 20));
    StyledText(fonts.small, palette().muted, "Training a group? See what your learners have done:");
    const bool cohort = PageButton("Cohort report##lrs", ButtonKind::Link, fonts);
    probe::last_item("open-cohort");
    ImGui::PopTextWrapPos();
    return cohort;
}

}  // namespace gw::ui
