#include "ui/views/page_view.h"

#include <imgui.h>

#include <algorithm>
#include <cstdio>

#include "runtime/export/pdf_export.h"
#include "ui/views/artifact_view.h"
#include "ui/item_probe.h"
#include "ui/widgets/buttons.h"
#include "ui/widgets/export_notice.h"
#include "ui/theme.h"
#include "ui/text_style.h"

namespace gw::ui {

namespace {

void small_caps(const Fonts& fonts, ImU32 col, const std::string& text) {
    StyledText(fonts.label, col, upper(text), false);
}

void problems_box(const std::vector<Diagnostic>& problems, const Fonts& fonts, float width, const char* heading) {
    if (problems.empty()) return;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImVec2 p0 = ImGui::GetCursorScreenPos();
    dl->ChannelsSplit(2);
    dl->ChannelsSetCurrent(1);
    ImGui::SetCursorScreenPos(ImVec2(p0.x + 16, p0.y + 14));
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width - 32);
    small_caps(fonts, palette().error, heading);
    ImGui::Dummy(ImVec2(0, 2));
    ImGui::PushFont(fonts.ui.mono);
    for (const auto& d : problems) {
        ImGui::PushStyleColor(ImGuiCol_Text, d.severity == Severity::Error ? palette().error : palette().warning);
        ImGui::TextWrapped("%s", format_diagnostic(d).c_str());
        ImGui::PopStyleColor();
    }
    ImGui::PopFont();
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
    float h = ImGui::GetItemRectMax().y - p0.y + 14;
    dl->ChannelsSetCurrent(0);
    dl->AddRectFilled(p0, ImVec2(p0.x + width, p0.y + h), palette().error_bg, 8);
    dl->AddRectFilled(p0, ImVec2(p0.x + 4, p0.y + h), palette().error, 0);
    dl->ChannelsMerge();
    ImGui::SetCursorScreenPos(ImVec2(p0.x, p0.y + h));
    ImGui::Dummy(ImVec2(width, 16));
}

// A card linking to another page: used for the overview's module list and the previous/next footer.
float page_card_height(const std::string& title, const std::string& detail, float width, const Fonts& fonts) {
    const float wrap = width - 32;
    ImVec2 ts = fonts.ui.bold->CalcTextSizeA(fonts.ui.bold->FontSize, 1e9f, wrap, title.c_str());
    ImVec2 ds = fonts.small->CalcTextSizeA(fonts.small->FontSize, 1e9f, wrap, detail.c_str());
    return 14 + fonts.label->FontSize + 6 + ts.y + (detail.empty() ? 0 : 4 + ds.y) + 14;
}

bool page_card(const char* id, const std::string& kicker, const std::string& title, const std::string& detail,
               float width, const Fonts& fonts, bool align_right = false, float min_height = 0) {
    ImFont* tf = fonts.ui.bold;
    float wrap = width - 32;
    ImVec2 ts = tf->CalcTextSizeA(tf->FontSize, 1e9f, wrap, title.c_str());
    float h = std::max(min_height, page_card_height(title, detail, width, fonts));
    ImVec2 p = ImGui::GetCursorScreenPos();
    bool clicked = ImGui::InvisibleButton(id, ImVec2(width, h));
    bool hovered = ImGui::IsItemHovered();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(p, ImVec2(p.x + width, p.y + h), hovered ? palette().accent_soft : palette().surface, 8);
    dl->AddRect(p, ImVec2(p.x + width, p.y + h), hovered ? palette().accent_border : palette().rule, 8);
    auto x_for = [&](ImFont* f, const std::string& s) {
        if (!align_right) return p.x + 16;
        return p.x + width - 16 - f->CalcTextSizeA(f->FontSize, 1e9f, wrap, s.c_str()).x;
    };
    std::string k = upper(kicker);
    float y = p.y + 14;
    // A narrow card cuts its kicker at the card's edge rather than letting it run out.
    dl->PushClipRect(ImVec2(p.x + 12, p.y), ImVec2(p.x + width - 12, p.y + h), true);
    dl->AddText(fonts.label, fonts.label->FontSize, ImVec2(std::max(p.x + 16, x_for(fonts.label, k)), y),
                palette().accent, k.c_str());
    dl->PopClipRect();
    y += fonts.label->FontSize + 6;
    dl->AddText(tf, tf->FontSize, ImVec2(x_for(tf, title), y), palette().heading, title.c_str(), nullptr, wrap);
    y += ts.y + 4;
    if (!detail.empty())
        dl->AddText(fonts.small, fonts.small->FontSize, ImVec2(x_for(fonts.small, detail), y), palette().muted,
                    detail.c_str(), nullptr, wrap);
    if (hovered) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    return clicked;
}

std::string page_title(const Course& course, const std::string& id) {
    if (const CourseItem* item = course.find_item(id)) return item->title;
    if (const Chapter* ch = find_chapter(course, id)) return "Chapter overview: " + ch->title;
    return id;
}

std::string page_kicker(const Course& course, const std::string& id) {
    if (const CourseItem* item = course.find_item(id)) return item_kicker(*item);
    if (const Chapter* ch = find_chapter(course, id)) return "Chapter " + std::to_string(ch->number);
    return "";
}

bool holds_heading(const Block& b, const std::string& id) {
    if (b.kind == BlockKind::Heading && b.id == id) return true;
    for (const Block& c : b.children)
        if (holds_heading(c, id)) return true;
    return false;
}

// Draws a page body and returns the window-local y where the top-level block holding heading `heading` starts
// (a heading nested in a quote or list: the top of that block), or -1. The layout places blocks one under the other
// with the host's widgets after them, so a block starts where the previous block's after_block hook left the cursor.
float draw_body(DocumentView& view, const std::vector<Block>& blocks, const Fonts& fonts, float width,
                const std::string& heading, const DocumentView::AfterBlock& after_block = {}) {
    std::size_t target = blocks.size();
    if (!heading.empty())
        for (std::size_t i = 0; i < blocks.size() && target == blocks.size(); ++i)
            if (holds_heading(blocks[i], heading)) target = i;
    float y = target == 0 ? ImGui::GetCursorPosY() : -1;
    view.draw(blocks, fonts, width, [&](const Block& b) {
        if (after_block) after_block(b);
        if (target < blocks.size() && &b == &blocks[target - 1]) y = ImGui::GetCursorPosY();
    });
    return y;
}

std::string draw_overview(PageViewState& state, const Course& course, const Chapter& ch, const Fonts& fonts,
                          float width, float* heading_y) {
    std::string go;
    // The course's first page carries the course's own description (course.md): what the learner is starting.
    if (!course.description.empty() && !course.chapters.empty() && &course.chapters.front() == &ch) {
        small_caps(fonts, palette().muted, course.title);
        ImGui::Dummy(ImVec2(0, 2));
        StyledText(fonts.lead, palette().text, course.description);
        probe::last_item("course-description");
        ImGui::Dummy(ImVec2(0, 18));
    }
    small_caps(fonts, palette().accent, chapter_meta(ch));
    ImGui::Dummy(ImVec2(0, 4));
    StyledText(fonts.title, palette().heading, ch.title);
    if (!ch.tagline.empty()) {
        ImGui::Dummy(ImVec2(0, 2));
        StyledText(fonts.lead, palette().muted, ch.tagline);
    }
    ImGui::Dummy(ImVec2(0, 18));

    std::vector<Diagnostic> chapter_problems;
    for (const auto& d : course.diagnostics)
        if (!course.find_item(d.file)) {
            bool belongs_to_item = false;
            for (const auto& m : ch.modules) belongs_to_item |= m.file == d.file;
            for (const auto& h : ch.homework) belongs_to_item |= h.file == d.file;
            if (!belongs_to_item) chapter_problems.push_back(d);
        }
    problems_box(chapter_problems, fonts, width, "Problems in this course's files");

    *heading_y = draw_body(state.body, ch.introduction, fonts, width, state.pending_heading);
    ImGui::Dummy(ImVec2(0, 20));

    std::string last = "\x01";
    for (const CourseItem& m : ch.modules) {
        if (m.category != last) {
            last = m.category;
            const Category* cat = ch.category(m.category);
            ImGui::Dummy(ImVec2(0, 10));
            small_caps(fonts, palette().muted, cat ? cat->title : m.category);
            ImGui::Dummy(ImVec2(0, 2));
        }
        if (page_card(m.id.c_str(), item_kicker(m), m.title, m.subtitle, width, fonts)) go = m.id;
        ImGui::Dummy(ImVec2(0, 2));
    }
    if (!ch.homework.empty()) {
        ImGui::Dummy(ImVec2(0, 10));
        small_caps(fonts, palette().muted, "Homework \xC2\xB7 lock it in before you move on");
        ImGui::Dummy(ImVec2(0, 2));
        for (const CourseItem& h : ch.homework) {
            if (page_card(h.id.c_str(), item_kicker(h), h.title, h.subtitle, width, fonts)) go = h.id;
            ImGui::Dummy(ImVec2(0, 2));
        }
    }
    return go;
}

float draw_item(PageViewState& state, const CourseItem& item, const Chapter& ch, const PageHooks& hooks,
                const Fonts& fonts, float width) {
    std::string meta = item_kicker(item);
    if (item.kind == ItemKind::Module) {
        if (const Category* cat = ch.category(item.category)) meta += "  \xC2\xB7  " + cat->title;
    }
    small_caps(fonts, palette().accent, meta);
    ImGui::Dummy(ImVec2(0, 4));
    StyledText(fonts.title, palette().heading, item.title);
    if (!item.subtitle.empty()) {
        ImGui::Dummy(ImVec2(0, 2));
        StyledText(fonts.heading, palette().muted, item.subtitle);
    }
    ImGui::Dummy(ImVec2(0, 14));
    ImVec2 p = ImGui::GetCursorScreenPos();
    ImGui::GetWindowDrawList()->AddLine(p, ImVec2(p.x + width, p.y), palette().rule, 1.0f);
    ImGui::Dummy(ImVec2(0, 20));

    problems_box(item.problems, fonts, width,
                 item.broken() ? "This page has errors: fix them in the file and it reloads"
                               : "Warnings for the course author");

    bool editor_placed = false;
    const float heading_y = draw_body(state.body, item.blocks, fonts, width, state.pending_heading, [&](const Block& b) {
        if (b.kind == BlockKind::Callout && b.callout == CalloutKind::Reflection && hooks.reflection_editor) {
            hooks.reflection_editor(item, width);
            ImGui::Dummy(ImVec2(0, 18));
            editor_placed = true;
        }
    });
    // Homework (and modules without a prompt) still get a place to write.
    if (!editor_placed && hooks.reflection_editor) {
        ImGui::Dummy(ImVec2(0, 8));
        hooks.reflection_editor(item, width);
    }
    if (hooks.item_footer) {
        ImGui::Dummy(ImVec2(0, 12));
        hooks.item_footer(item, width);
    }
    return heading_y;
}

}  // namespace

std::string item_kicker(const CourseItem& item) {
    // Minutes are optional in the content: a page without them says nothing about time rather than "0 min".
    if (item.kind == ItemKind::Homework) return "Homework " + std::to_string(item.number);
    std::string k = "Module " + std::to_string(item.number);
    if (item.minutes > 0) k += "  \xC2\xB7  " + std::to_string(item.minutes) + " min";
    return k;
}

std::string chapter_meta(const Chapter& ch) {
    auto plural = [](std::size_t n, const char* one, const char* many) {
        return std::to_string(n) + " " + (n == 1 ? one : many);
    };
    std::string meta = "Chapter " + std::to_string(ch.number) + "  \xC2\xB7  " +
                       plural(ch.modules.size(), "module", "modules");
    if (!ch.homework.empty()) meta += "  \xC2\xB7  " + plural(ch.homework.size(), "homework", "homework");
    if (const int minutes = ch.total_minutes(); minutes > 0) {
        char time[48];
        if (minutes < 60) std::snprintf(time, sizeof time, "about %d min", minutes);
        else std::snprintf(time, sizeof time, "about %d h %02d min", minutes / 60, minutes % 60);
        meta += std::string("  \xC2\xB7  ") + time;
    }
    return meta;
}

void draw_artifact_kind_preview(KindPreviewState& state, const Course& course, const std::string& kind_id, float width,
                                const Fonts& fonts) {
    const ArtifactKind* kind = course.find_artifact_kind(kind_id);
    if (!kind) {
        small_caps(fonts, palette().error, "No such artifact kind");
        std::string known;
        for (const ArtifactKind& k : course.artifact_kinds) known += (known.empty() ? "" : ", ") + k.id;
        StyledText(fonts.body.regular, palette().text,
                   "The course declares no artifact kind \"" + kind_id + "\"" +
                       (known.empty() ? std::string(".") : ". Declared: " + known + "."));
        return;
    }
    if (state.kind != kind_id) {
        state = KindPreviewState();
        state.kind = kind_id;
    }
    small_caps(fonts, palette().warning, "Preview  \xC2\xB7  " + kind->title + "  \xC2\xB7  nothing here is saved");
    probe::last_item("kind-preview");
    ImGui::Dummy(ImVec2(0, 4));
    StyledText(fonts.title, palette().heading, kind->title);
    StyledText(fonts.small, palette().muted,
               kind->scope == ArtifactScope::Account ? "One per account: the learner chooses the account first."
                                                     : "One for the learner's whole portfolio.");
    ImGui::Dummy(ImVec2(0, 10));
    draw_kind_description(state.description, *kind, fonts, width);
    FieldContext ctx;
    ctx.profile = &state.no_profile;
    ctx.fonts = &fonts;
    ctx.width = width;
    ctx.kind = kind;
    for (const Field& f : kind->fields) {
        static const nlohmann::json null_value;
        auto found = state.values.find(f.id);
        const nlohmann::json& value = found == state.values.end() ? null_value : *found;
        nlohmann::json out;
        if (draw_field(f, value, out, state.fields, ctx)) state.values[f.id] = std::move(out);
    }
}

void draw_save_page_pdf(PagePdfState& state, const Course& course, const CourseItem& item, const Profile& profile,
                        const std::filesystem::path& export_dir, const Fonts& fonts) {
    if (state.page != item.id) state = PagePdfState{item.id, {}};
    if (PageButton("Save as PDF##save-pdf", ButtonKind::Quiet, fonts)) {
        std::string error;
        const std::string pdf = module_pdf(course, item, profile, &error);
        const std::filesystem::path file = pdf.empty() ? std::filesystem::path() : save_pdf(export_dir, module_pdf_name(item), pdf, &error);
        state.notice.message = file.empty() ? "Not saved: " + error : "Saved " + file.string();
        state.notice.folder = file.empty() ? std::string() : export_dir.string();
    }
    probe::last_item("save-pdf");
    draw_export_notice(state.notice, "open-pdf-folder", fonts);
}

float reading_column_width(float available, float body_px) {
    const float measure = 760.0f / 17.0f * body_px;
    return std::max(280.0f, std::min(available - 96.0f, measure));
}

std::string draw_page(PageViewState& state, const Course& course, const PageNavigator& nav, const PageHooks& hooks,
                      const Fonts& fonts) {
    std::string go;
    const float avail = ImGui::GetContentRegionAvail().x;
    const float width = reading_column_width(avail, fonts.body.regular->FontSize);
    state.column_width = width;
    const float left = std::max(48.0f, (avail - width) * 0.5f);

    if (state.shown_page != nav.current()) {
        state.shown_page = nav.current();
        state.body.invalidate();
        if (state.pending_scroll < 0) state.pending_scroll = 0;
    }
    float heading_y = -1;  // window-local y of the pending heading's block, once drawn

    ImGui::SetCursorPos(ImVec2(left, 44));
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(left + width);

    if (course.chapters.empty()) {
        small_caps(fonts, palette().error, "No course to show");
        StyledText(fonts.title, palette().heading, "This folder does not hold a course yet");
        ImGui::Dummy(ImVec2(0, 12));
        problems_box(course.diagnostics, fonts, width, "What groundwork check found");
        StyledText(fonts.body.regular, palette().muted,
                "Fix the files listed above; the app reloads them when they change. The format is described in "
                "docs/authoring.md.");
    } else if (const Chapter* ch = find_chapter(course, nav.current())) {
        go = draw_overview(state, course, *ch, fonts, width, &heading_y);
    } else if (const CourseItem* item = course.find_item(nav.current())) {
        heading_y = draw_item(state, *item, *chapter_of(course, item->id), hooks, fonts, width);
    }

    // Previous / next.
    if (nav.count() > 1) {
        ImGui::Dummy(ImVec2(0, 28));
        // Side by side, the same height; stacked when the column is too narrow for two.
        const bool stacked = width < 560;
        const float card_w = stacked ? width : (width - 16) * 0.5f;
        const std::string* prev = nav.previous_id();
        const std::string* next = nav.next_id();
        float h = 0;
        if (prev) h = std::max(h, page_card_height(page_title(course, *prev), "", card_w, fonts));
        if (next) h = std::max(h, page_card_height(page_title(course, *next), "", card_w, fonts));
        ImVec2 row = ImGui::GetCursorScreenPos();
        if (prev && page_card("##prev", "\xE2\x86\x90  Previous  \xC2\xB7  " + page_kicker(course, *prev),
                              page_title(course, *prev), "", card_w, fonts, false, h))
            go = *prev;
        if (next) {
            if (stacked) ImGui::Dummy(ImVec2(0, 4));
            else ImGui::SetCursorScreenPos(ImVec2(row.x + card_w + 16, row.y));
            if (page_card("##next", "Next  \xC2\xB7  " + page_kicker(course, *next) + "  \xE2\x86\x92",
                          page_title(course, *next), "", card_w, fonts, !stacked, h))
                go = *next;
        }
    }
    ImGui::Dummy(ImVec2(0, 64));
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();

    if (state.pending_scroll >= 0) {
        ImGui::SetScrollY(state.pending_scroll);
        state.pending_scroll = -1;
    }
    if (!state.pending_heading.empty()) {
        // The heading's line at the top edge of the view. Applied on a few frames: ImGui clamps a scroll target to
        // the content height of the frame before, which right after a page change is the old page's.
        if (heading_y >= 0) ImGui::SetScrollY(heading_y);
        if (++state.heading_frames >= kHeadingScrollFrames || heading_y < 0) {
            state.pending_heading.clear();
            state.heading_frames = 0;
        }
    }
    state.scroll = ImGui::GetScrollY();
    return go;
}

}  // namespace gw::ui
