#pragma once
// A small document builder that writes PDF: text flows down A4 pages (margins, page numbers in the footer) as
// titles, headings, paragraphs of styled spans, list items, quotes and titled callouts, code blocks and ruled
// tables. Pango lays the text out (line wrapping, bold/italic/monospace, fallback fonts for scripts DejaVu Sans
// lacks, such as CJK) and cairo's PDF surface writes it, so the text in the file stays real text a reader can
// select, search and copy. No ImGui: the export runs from the command line too.
// Pango and cairo are loaded on first use: the drawing is in groundwork-pdf.so (runtime/modules/pdf_module.cpp,
// see runtime/platform/optional_module.h). When that module cannot be loaded, every call is ignored and finish()
// fails with a message naming the file and why.
#include <memory>
#include <string>
#include <vector>

#include "runtime/export/pdf_safe_text.h"
#include "runtime/markdown/document.h"

namespace gw {

// A4 portrait in PostScript points (1/72 inch): 210 x 297 mm. Margins of 20 mm leave a 481 pt wide column.
struct PdfPageSize {
    double width = 595.28;
    double height = 841.89;
    double margin = 56.69;  // left, right and top; the footer with the page number sits in the bottom margin
};

// One line of text the writer put on a page: what a PDF reader would find there. Tests and the fuzz run read these
// instead of parsing the PDF (cairo compresses its content streams and stores glyph ids, not characters).
struct PdfTextLine {
    int page = 0;           // 0-based
    double x = 0, y = 0;    // top-left of the line's box, points from the page's top-left corner
    double width = 0;       // points
    std::string text;       // UTF-8, as laid out (valid UTF-8 even when the input was not)
    int unknown_glyphs = 0; // characters no installed font could draw (shown as boxes); 0 is the goal
};

// How a quote or a callout is set off from the text around it: a bar on its left, grey for a quote, amber and
// thicker for a callout (whose title is set in amber too).
enum class PdfBox { Quote, Callout };

class PdfBackend;  // pdf_backend.h

// Builds one PDF in memory. Every text input is UTF-8; invalid bytes are replaced by U+FFFD and NUL by a space,
// so no learner text can make the layout fail. Words longer than a line (or a table cell) are broken between
// characters. Calls after finish() are ignored.
class PdfWriter {
public:
    // `title` goes into the file's metadata (the window title of a PDF viewer); `footer` is printed left of the
    // page number at the bottom of every page ("" for the number alone).
    explicit PdfWriter(const std::string& title, const std::string& footer = "", PdfPageSize size = {});
    ~PdfWriter();
    PdfWriter(const PdfWriter&) = delete;
    PdfWriter& operator=(const PdfWriter&) = delete;

    // A document title (large, bold) with an optional line under it in a muted colour.
    void title(const std::string& text, const std::string& subtitle = "");
    // Level 1-6, as in Markdown; kept on the page with at least the next two lines of what follows.
    void heading(int level, const std::vector<Span>& spans);
    // A paragraph of styled spans: kBold, kItalic, kCode (monospace), kLink (underlined; an External link is
    // clickable, its url is the target), kStrike. "\n" in a span is a hard line break.
    void paragraph(const std::vector<Span>& spans);
    // Plain text as paragraphs: blank lines separate paragraphs, single line breaks are kept. For what a learner
    // typed, which is text and never Markdown.
    void plain_text(const std::string& text);
    // Preformatted monospace text on a light ground, never re-wrapped except where a line is wider than the page.
    void code(const std::string& text);
    // A list item: `marker` ("•", "3.", "☐") hangs in the left margin of the item's content, which is indented
    // until end_item(). Items nest.
    void begin_item(const std::string& marker);
    void end_item();
    // A quote or callout: its content (added until end_box()) is indented and marked by a bar on the left, drawn
    // on every page the box spans. `box_title` ("" for none) is set in bold first.
    void begin_box(PdfBox kind, const std::string& box_title);
    void end_box();
    // A table as a ruled grid. rows[0] is the header (bold, shaded, repeated at the top of each page the table
    // continues on). Column widths follow the content, shrunk to fit the column; cells wrap. Rows may be ragged.
    // A table with more columns than fit at 36 pt each is written as a numbered list, one "Header: value" line
    // per cell. A row taller than a page is split between pages.
    void table(const std::vector<std::vector<std::vector<Span>>>& rows, const std::vector<ColumnAlign>& align = {});
    // A thin horizontal rule.
    void rule();
    // Starts a new page unless the current one is still empty.
    void page_break();

    // Ends the document and returns the PDF's bytes; "" with *error set when cairo failed (out of memory).
    std::string finish(std::string* error);

    // Pages so far (the current one counts once anything is on it, or from the start: at least 1).
    int page_count() const;
    // Every line of text put on the pages, in order (headers of a continued table again on each page).
    const std::vector<PdfTextLine>& lines() const;

private:
    std::unique_ptr<PdfBackend> backend_;  // from groundwork-pdf.so; null when it could not be loaded
    std::string load_error_;               // why, then
};

// Writes `pdf` (bytes from PdfWriter::finish) to `file` atomically (a failed write leaves any old file as it was).
// False with a message naming the file when it cannot be written.
bool write_pdf_file(const std::string& file, const std::string& pdf, std::string* error);

}  // namespace gw
