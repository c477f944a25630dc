#pragma once
// The reading column: a chapter overview, or a module or homework page with its header, body and navigation.
#include <filesystem>
#include <functional>
#include <string>

#include "runtime/course/course.h"
#include "runtime/course/page_navigator.h"
#include "progress/profile.h"
#include "ui/markdown/document_view.h"
#include "ui/editor/field_editors.h"
#include "ui/fonts.h"
#include "ui/widgets/export_notice.h"

namespace gw::ui {

struct PageHooks {
    // Draws the learner's editor under an item's reflection prompt (or at the end of a homework page).
    std::function<void(const CourseItem&, float width)> reflection_editor;
    // Draws item actions (mark done) in the page footer.
    std::function<void(const CourseItem&, float width)> item_footer;
};

// An artifact kind's form, empty and never saved (--module artifact-kind:KIND): what a trainer writing the
// declaration sees a learner get. Its values live here only; nothing reaches the profile.
struct KindPreviewState {
    std::string kind;  // the values below belong to this kind
    nlohmann::json values = nlohmann::json::object();
    FieldEditorState fields;
    DocumentView description;
    Profile no_profile;  // account fields offer no accounts: a preview has no learner
};

// Frames a jump to a heading is applied for: the first may still be clamped to the previous page's height.
constexpr int kHeadingScrollFrames = 3;

// "Save as PDF" under a module or homework page: what the last save said and the folder "Open folder" shows, for
// the page it was done on (another page starts without them).
struct PagePdfState {
    std::string page;     // the page the notice is about: another page starts without one
    ExportNotice notice;  // "Saved ...pdf" and "Open folder"
};

// View state of the reading column; nothing here needs to survive a restart (scroll is saved by the host).
struct PageViewState {
    DocumentView body;
    std::string shown_page;
    float pending_scroll = -1;  // applied on the next frame, once the content height is known
    // The id of a heading (Block::id) to bring to the top of the view, from a link with an #anchor; set by the
    // host, kept for kHeadingScrollFrames frames, then cleared. Wins over pending_scroll.
    std::string pending_heading;
    int heading_frames = 0;
    float scroll = 0;           // last scroll position, read by the host to save it
    float column_width = 0;
    KindPreviewState kind_preview;
    PagePdfState pdf;
};

// Returns a page id when the learner asked to go somewhere, else "".
std::string draw_page(PageViewState& state, const Course& course, const PageNavigator& nav, const PageHooks& hooks,
                      const Fonts& fonts);

// The small-caps line over a module or homework: "Module 3  ·  12 min", "Module 3" when the file gives no minutes:,
// "Homework 1".
std::string item_kicker(const CourseItem& item);

// The chapter overview's line: "Chapter 19  ·  8 modules  ·  3 homework  ·  about 2 h 05 min". The homework count
// and the time are left out when there are none (minutes: is optional in module files).
std::string chapter_meta(const Chapter& ch);

// Draws the empty form of artifact kind `kind_id` with a "Preview" banner; edits stay in `state`. An unknown kind
// gets a message naming the declared ones.
void draw_artifact_kind_preview(KindPreviewState& state, const Course& course, const std::string& kind_id, float width,
                                const Fonts& fonts);

// A "Save as PDF" button: writes the page's text with the learner's reflection (runtime/export/pdf_export.h,
// module_pdf) into `export_dir`, says where, and offers "Open folder". For the footer of a module or homework page.
void draw_save_page_pdf(PagePdfState& state, const Course& course, const CourseItem& item, const Profile& profile,
                        const std::filesystem::path& export_dir, const Fonts& fonts);

// Width (px) of the reading column for an available width: a comfortable line of about 85 characters of body
// text (760 px at the 17 px body size), so a larger text size widens the column with it, never past what the
// window leaves after 48 px margins, nor under 280 px.
float reading_column_width(float available, float body_px);

}  // namespace gw::ui
