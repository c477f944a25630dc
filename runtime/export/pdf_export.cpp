#include "runtime/export/pdf_export.h"

#include <ctime>
#include <set>

#include "runtime/artifacts/artifact_export.h"
#include "runtime/markdown/markdown_parser.h"

namespace gw {

namespace {

namespace fs = std::filesystem;

Span pdf_span(const std::string& text, std::uint8_t style = kPlain) {
    Span s;
    s.text = text;
    s.style = style;
    return s;
}

void add_pdf_block(PdfWriter& pdf, const Block& b);

void add_pdf_item(PdfWriter& pdf, const Block& item, const std::string& marker) {
    // Task items show their box instead of the bullet (U+2610 ☐, U+2611 ☑, both in DejaVu Sans).
    pdf.begin_item(item.task ? (item.checked ? "\xE2\x98\x91" : "\xE2\x98\x90") : marker);
    for (const Block& child : item.children) add_pdf_block(pdf, child);
    pdf.end_item();
}

void add_pdf_block(PdfWriter& pdf, const Block& b) {
    switch (b.kind) {
    case BlockKind::Paragraph: pdf.paragraph(b.spans); break;
    case BlockKind::Heading: pdf.heading(b.level, b.spans); break;
    case BlockKind::BulletList:
        for (const Block& item : b.children) add_pdf_item(pdf, item, "\xE2\x80\xA2");  // •
        break;
    case BlockKind::OrderedList: {
        int n = b.start_number;
        for (const Block& item : b.children) add_pdf_item(pdf, item, std::to_string(n++) + ".");
        break;
    }
    case BlockKind::ListItem:  // only inside lists; kept readable if one stands alone
        add_pdf_item(pdf, b, "\xE2\x80\xA2");
        break;
    case BlockKind::Quote:
    case BlockKind::Callout:
        pdf.begin_box(b.kind == BlockKind::Callout ? PdfBox::Callout : PdfBox::Quote, b.title);
        for (const Block& child : b.children) add_pdf_block(pdf, child);
        pdf.end_box();
        break;
    case BlockKind::Code: pdf.code(plain_text(b.spans)); break;
    case BlockKind::Rule: pdf.rule(); break;
    case BlockKind::Table: {
        std::vector<std::vector<std::vector<Span>>> rows;
        for (const auto& row : b.table.rows) {
            rows.emplace_back();
            for (const TableCell& cell : row) rows.back().push_back(cell.spans);
        }
        pdf.table(rows, b.table.align);
        break;
    }
    case BlockKind::Image: {
        const std::string alt = !b.images.empty() && !b.images[0].alt.empty() ? b.images[0].alt : plain_text(b.spans);
        pdf.paragraph({pdf_span(alt.empty() ? "Image" : "Image: " + alt, kItalic)});
        break;
    }
    }
}


std::string pdf_item_title(const CourseItem& item) {
    return std::string(item.kind == ItemKind::Module ? "Module " : "Homework ") + std::to_string(item.number) + ": " +
           item.title;
}

// The learner's text in a box titled "Your reflection" (or "Your notes" for homework), with its date.
void add_learner_text(PdfWriter& pdf, const Reflection* r, bool homework) {
    pdf.begin_box(PdfBox::Quote, homework ? "Your notes" : "Your reflection");
    if (r && !export_blank(r->text)) {
        pdf.plain_text(r->text);
        if (r->edited > 0) pdf.paragraph({pdf_span("Last edited " + export_local_date(r->edited) + ".", kItalic)});
    } else {
        pdf.paragraph({pdf_span("Nothing written yet.", kItalic)});
    }
    pdf.end_box();
}

// A Markdown document the md export writes, parsed as written (no curly quotes: the learner's "--" stays "--"),
// with its "# Title" as the PDF's title and `note` (if any) in italics under it.
void add_export_markdown(PdfWriter& pdf, const std::string& markdown, const std::string& note = "") {
    std::vector<Diagnostic> ignored;  // the exporter escapes every piece of text: nothing here is for the learner
    MarkdownOptions options;
    options.smart_punctuation = false;
    std::vector<Block> blocks = parse_markdown(markdown, 1, "", ignored, options);
    size_t first = 0;
    if (!blocks.empty() && blocks[0].kind == BlockKind::Heading && blocks[0].level == 1) {
        pdf.title(plain_text(blocks[0]));
        first = 1;
    }
    if (!note.empty()) pdf.paragraph({pdf_span(note, kItalic)});
    for (size_t i = first; i < blocks.size(); ++i) add_pdf_block(pdf, blocks[i]);
}

std::string course_footer(const Course& course) { return course.title.empty() ? "Groundwork" : course.title; }

}  // namespace

void add_blocks(PdfWriter& pdf, const std::vector<Block>& blocks) {
    for (const Block& b : blocks) add_pdf_block(pdf, b);
}

void add_module(PdfWriter& pdf, const Course& course, const CourseItem& item, const Profile& profile) {
    pdf.title(pdf_item_title(item), item.subtitle);
    const Block* prompt = item.reflection_prompt();
    const Reflection* r = profile.work(course.id).reflection(item.id);
    const bool homework = item.kind == ItemKind::Homework;
    for (const Block& b : item.blocks) {
        add_pdf_block(pdf, b);
        if (&b == prompt) add_learner_text(pdf, r, homework);
    }
    if (!prompt && (homework || (r && !export_blank(r->text)))) add_learner_text(pdf, r, homework);
}

void add_reflection(PdfWriter& pdf, const Course& course, const Profile& profile, const std::string& item_id) {
    const Reflection* r = profile.work(course.id).reflection(item_id);
    const CourseItem* item = course.find_item(item_id);
    if (item) {
        pdf.title(pdf_item_title(*item), item->subtitle);
        if (const Block* prompt = item->reflection_prompt()) add_pdf_block(pdf, *prompt);
    } else {
        pdf.title((r && !r->title.empty() ? r->title : item_id) + " (no longer in the course)");
    }
    add_learner_text(pdf, r, item && item->kind == ItemKind::Homework);
}

void add_artifact(PdfWriter& pdf, const Course& course, const Artifact& artifact, const Profile& profile) {
    const ArtifactKind* kind = course.find_artifact_kind(artifact.kind);
    std::string markdown = artifact_markdown(kind, artifact, profile, course);
    // The Markdown leaves the currency symbol off amounts (so they paste into a CRM); the PDF names it once.
    bool money = false;
    if (kind)
        for (const Field& f : kind->fields) {
            money |= f.kind == FieldKind::Money;
            for (const Field& c : f.columns) money |= c.kind == FieldKind::Money;
        }
    add_export_markdown(pdf, markdown, money ? "Amounts in " + profile.currency + "." : "");
}

void add_work(PdfWriter& pdf, const Course& course, const Profile& profile) {
    add_export_markdown(pdf, work_markdown(profile, course));
    for (const Artifact& a : profile.artifacts) {
        pdf.page_break();
        add_artifact(pdf, course, a, profile);
    }
}

std::string module_pdf(const Course& course, const CourseItem& item, const Profile& profile, std::string* error) {
    PdfWriter pdf(pdf_item_title(item), course_footer(course));
    add_module(pdf, course, item, profile);
    return pdf.finish(error);
}

std::string reflection_pdf(const Course& course, const Profile& profile, const std::string& item_id, std::string* error) {
    const CourseItem* item = course.find_item(item_id);
    PdfWriter pdf(item ? pdf_item_title(*item) + " \xE2\x80\x94 reflection" : "Reflection", course_footer(course));
    add_reflection(pdf, course, profile, item_id);
    return pdf.finish(error);
}

std::string artifact_pdf(const Course& course, const Artifact& artifact, const Profile& profile, std::string* error) {
    PdfWriter pdf(artifact_display_name(artifact, course, profile), course_footer(course));
    add_artifact(pdf, course, artifact, profile);
    return pdf.finish(error);
}

std::string work_pdf(const Course& course, const Profile& profile, std::string* error) {
    PdfWriter pdf("My work \xE2\x80\x94 " + course_footer(course), course_footer(course));
    add_work(pdf, course, profile);
    return pdf.finish(error);
}

std::string module_pdf_name(const CourseItem& item) {
    const std::string slug = export_slug(item.id);
    return (slug.empty() ? std::string(item.kind == ItemKind::Module ? "module" : "homework") : slug) + ".pdf";
}

std::string reflection_pdf_name(const std::string& item_id) {
    const std::string slug = export_slug(item_id);
    return (slug.empty() ? std::string("item") : slug) + "-reflection.pdf";
}

std::string artifact_pdf_name(const Artifact& artifact, const Profile& profile) {
    return artifact_file_stem(artifact, profile) + ".pdf";
}

fs::path save_pdf(const fs::path& dir, const std::string& name, const std::string& pdf, std::string* error) {
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec || !fs::is_directory(dir, ec)) {
        *error = "cannot create the folder " + dir.string() + ": " +
                 (ec ? ec.message() : std::string("a file of that name is in the way"));
        return {};
    }
    const fs::path file = dir / name;
    if (!write_pdf_file(file.string(), pdf, error)) return {};
    return file;
}

}  // namespace gw
