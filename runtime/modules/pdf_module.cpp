// groundwork-pdf.so: PDF export's drawing with pango and cairo (see runtime/export/pdf_backend.h).
#include "runtime/export/pdf_backend.h"
#include "runtime/export/pdf_safe_text.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <cmath>


namespace gw {

namespace {

// Sizes in points. Body text at 10.5 pt with 1.3 line spacing reads like a printed report.
constexpr const char* kSansFamily = "DejaVu Sans";
constexpr const char* kMonoFamily = "DejaVu Sans Mono";
constexpr double kBodySize = 10.5;
constexpr double kCodeSize = 9;
constexpr double kSmallSize = 8.5;
constexpr double kTitleSize = 22;
constexpr double kLineSpacing = 1.3;
constexpr double kParagraphGap = 7;
constexpr double kItemGap = 2;
constexpr double kBoxIndent = 14;
constexpr double kItemIndent = 18;
constexpr double kCellPad = 4;
constexpr double kMinColumn = 36;
constexpr double kTableSize = 9.5;
constexpr double kSmallTableSize = 8;  // narrower, and a cell holds three letters a line

// Print colours (RGB 0-1): the page is paper, never the app's theme.
struct Rgb {
    double r, g, b;
};
constexpr Rgb kInk{0.11, 0.11, 0.13};
constexpr Rgb kMuted{0.42, 0.42, 0.45};
constexpr Rgb kRuleInk{0.72, 0.72, 0.75};
constexpr Rgb kHeaderFill{0.93, 0.93, 0.95};
constexpr Rgb kCodeFill{0.955, 0.955, 0.965};
constexpr Rgb kQuoteBar{0.70, 0.70, 0.74};
constexpr Rgb kCalloutBar{0.85, 0.55, 0.12};
constexpr Rgb kCalloutTitle{0.55, 0.33, 0.02};
// Pango's 16-bit colour channels for links (a dark blue that prints legibly in grey too).
constexpr guint16 kLinkR = 0x1a00, kLinkG = 0x4d00, kLinkB = 0xa600;
constexpr guint16 kCodeBg = 0xefff;

void set_colour(cairo_t* cr, Rgb c) { cairo_set_source_rgb(cr, c.r, c.g, c.b); }

cairo_status_t append_bytes(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

// cairo's tag attributes are single-quoted strings with backslash escapes (cairo_tag_begin, "Link Tags").
std::string quoted_attribute(const std::string& s) {
    std::string out = "'";
    for (char c : s) {
        if (c == '\'' || c == '\\') out += '\\';
        out += c;
    }
    return out + "'";
}

}  // namespace

// Outside the anonymous namespace: PangoPdfBackend::Impl (external linkage) holds them. Prefixed, since unity builds
// put this file beside others.
// A clickable range of a layout's text: byte offsets into the layout's text and where it goes.
struct PdfLinkRange {
    int start = 0, end = 0;
    std::string uri;
};

namespace {

// Text and styling for one layout, built from spans.
struct StyledText {
    std::string text;
    PangoAttrList* attrs = pango_attr_list_new();
    std::vector<PdfLinkRange> links;
    // Pango adds a hyphen where it breaks inside a word; that hyphen would be copied with the text, so none.
    StyledText() { pango_attr_list_insert(attrs, pango_attr_insert_hyphens_new(FALSE)); }
    StyledText(const StyledText&) = delete;
    StyledText& operator=(const StyledText&) = delete;
    ~StyledText() { pango_attr_list_unref(attrs); }

    void add(PangoAttribute* a, size_t start, size_t end) {
        a->start_index = static_cast<guint>(start);
        a->end_index = static_cast<guint>(end);
        pango_attr_list_insert(attrs, a);
    }

    void append(const std::string& raw, std::uint8_t style, const std::string& uri = "", bool clickable = false) {
        const size_t start = text.size();
        text += pdf_safe_text(raw);
        const size_t end = text.size();
        if (end == start) return;
        if (style & kBold) add(pango_attr_weight_new(PANGO_WEIGHT_BOLD), start, end);
        if (style & kItalic) add(pango_attr_style_new(PANGO_STYLE_ITALIC), start, end);
        if (style & kStrike) add(pango_attr_strikethrough_new(TRUE), start, end);
        if (style & kCode) {
            add(pango_attr_family_new(kMonoFamily), start, end);
            add(pango_attr_size_new_absolute(static_cast<int>(kCodeSize * PANGO_SCALE)), start, end);
            add(pango_attr_background_new(kCodeBg, kCodeBg, kCodeBg), start, end);
        }
        if (style & kLink) {
            add(pango_attr_underline_new(PANGO_UNDERLINE_SINGLE), start, end);
            add(pango_attr_foreground_new(kLinkR, kLinkG, kLinkB), start, end);
            if (clickable && !uri.empty()) links.push_back({static_cast<int>(start), static_cast<int>(end), uri});
        }
    }
};

// Only links that leave the app are clickable in the PDF; page links of a course mean nothing outside it.
void append_spans(StyledText& out, const std::vector<Span>& spans, std::uint8_t extra_style = 0) {
    for (const Span& s : spans)
        out.append(s.text, static_cast<std::uint8_t>(s.style | extra_style), s.url, s.link == LinkKind::External);
}

}  // namespace

// One laid-out line: offsets in the layout (points), for drawing it on whatever page it lands.
struct PdfLineBox {
    PangoLayoutLine* line = nullptr;
    double x = 0;         // left of the line within the layout (alignment)
    double top = 0;       // top within the layout
    double height = 0;    // advance to the next line
    double ascent = 0;    // baseline below the top
    double width = 0;
};

namespace {

std::vector<PdfLineBox> line_boxes(PangoLayout* layout) {
    std::vector<PdfLineBox> out;
    PangoLayoutIter* it = pango_layout_get_iter(layout);
    do {
        PangoRectangle logical;
        pango_layout_iter_get_line_extents(it, nullptr, &logical);
        PdfLineBox b;
        b.line = pango_layout_iter_get_line_readonly(it);
        b.x = static_cast<double>(logical.x) / PANGO_SCALE;
        b.top = static_cast<double>(logical.y) / PANGO_SCALE;
        b.height = static_cast<double>(logical.height) / PANGO_SCALE;
        b.ascent = static_cast<double>(pango_layout_iter_get_baseline(it) - logical.y) / PANGO_SCALE;
        b.width = static_cast<double>(logical.width) / PANGO_SCALE;
        out.push_back(b);
    } while (pango_layout_iter_next_line(it));
    pango_layout_iter_free(it);
    // Line spacing shows as the distance between line tops; the last line keeps its own height.
    for (size_t i = 0; i + 1 < out.size(); ++i) out[i].height = std::max(out[i].height, out[i + 1].top - out[i].top);
    return out;
}

double pdf_total_width(const std::vector<double>& widths) {
    double w = 0;
    for (double x : widths) w += x;
    return w;
}

int unknown_glyphs(PangoLayoutLine* line) {
    int n = 0;
    for (GSList* r = line->runs; r; r = r->next) {
        const PangoGlyphItem* run = static_cast<const PangoGlyphItem*>(r->data);
        for (int i = 0; i < run->glyphs->num_glyphs; ++i)
            if (run->glyphs->glyphs[i].glyph & PANGO_GLYPH_UNKNOWN_FLAG) ++n;
    }
    return n;
}

}  // namespace


struct PangoPdfImpl {
    PdfPageSize size;
    std::string footer;
    std::string bytes;
    cairo_surface_t* surface = nullptr;
    cairo_t* cr = nullptr;
    PangoContext* context = nullptr;
    std::vector<PdfTextLine> lines;
    int page = 0;
    double y = 0;
    bool page_has_content = false;
    bool finished = false;
    double indent = 0;  // of the content from the left margin
    double table_size = kTableSize;  // the font size of the table being drawn

    struct OpenBox {
        PdfBox kind;
        double x;    // the bar's left edge
        double top;  // where the bar starts on the current page
    };
    std::vector<OpenBox> boxes;
    struct OpenItem {
        std::string marker;
        double x;  // left edge of the marker's gutter
        double gutter;
        bool marker_drawn;
    };
    std::vector<OpenItem> items;

    double top() const { return size.margin; }
    double bottom() const { return size.height - size.margin; }
    double left() const { return size.margin + indent; }
    double right() const { return size.width - size.margin; }
    double column() const { return std::max(24.0, right() - left()); }

    PangoLayout* layout(const std::string& family, double points, double width, PangoWrapMode wrap = PANGO_WRAP_WORD_CHAR) {
        PangoLayout* l = pango_layout_new(context);
        PangoFontDescription* font = pango_font_description_new();
        pango_font_description_set_family(font, family.c_str());
        pango_font_description_set_absolute_size(font, points * PANGO_SCALE);
        pango_layout_set_font_description(l, font);
        pango_font_description_free(font);
        if (width > 0) {
            pango_layout_set_width(l, static_cast<int>(width * PANGO_SCALE));
            pango_layout_set_wrap(l, wrap);
        }
        pango_layout_set_line_spacing(l, static_cast<float>(kLineSpacing));
        PangoAttrList* no_hyphens = pango_attr_list_new();  // as in StyledText; replaced by a StyledText's list
        pango_attr_list_insert(no_hyphens, pango_attr_insert_hyphens_new(FALSE));
        pango_layout_set_attributes(l, no_hyphens);
        pango_attr_list_unref(no_hyphens);
        return l;
    }

    void draw_footer() {
        PangoLayout* l = layout(kSansFamily, kSmallSize, size.width - 2 * size.margin);
        const std::string number = std::to_string(page + 1);
        const std::string text = footer.empty() ? number : pdf_safe_text(footer) + "  \xC2\xB7  " + number;
        pango_layout_set_text(l, text.c_str(), static_cast<int>(text.size()));
        pango_layout_set_alignment(l, PANGO_ALIGN_RIGHT);
        pango_layout_set_ellipsize(l, PANGO_ELLIPSIZE_START);  // a long footer never pushes the number off
        const double y_footer = size.height - size.margin * 0.6;
        set_colour(cr, kMuted);
        for (const PdfLineBox& b : line_boxes(l)) {
            cairo_move_to(cr, size.margin + b.x, y_footer + b.top + b.ascent);
            pango_cairo_show_layout_line(cr, b.line);
            lines.push_back({page, size.margin + b.x, y_footer + b.top, b.width, text, unknown_glyphs(b.line)});
            break;  // one line
        }
        g_object_unref(l);
    }

    void close_bars(double until) {
        for (const OpenBox& box : boxes) {
            if (until <= box.top) continue;
            set_colour(cr, box.kind == PdfBox::Callout ? kCalloutBar : kQuoteBar);
            cairo_rectangle(cr, box.x, box.top, box.kind == PdfBox::Callout ? 3 : 2, until - box.top);
            cairo_fill(cr);
        }
    }

    void new_page() {
        close_bars(y);
        draw_footer();
        cairo_show_page(cr);
        ++page;
        y = top();
        page_has_content = false;
        for (OpenBox& box : boxes) box.top = y;
    }

    // Vertical space before the next block, dropped at the top of a page.
    void gap(double points) {
        if (page_has_content && y > top()) y = std::min(y + points, bottom());
    }

    // Starts a new page when less than `points` are left on this one (and this one holds something already).
    void need(double points) {
        if (page_has_content && y + points > bottom()) new_page();
    }

    void draw_pending_marker(const PdfLineBox& first, double line_y) {
        for (OpenItem& item : items) {
            if (item.marker_drawn) continue;
            item.marker_drawn = true;
            PangoLayout* l = layout(kSansFamily, kBodySize, item.gutter - 4);
            pango_layout_set_text(l, item.marker.c_str(), static_cast<int>(item.marker.size()));
            pango_layout_set_alignment(l, PANGO_ALIGN_RIGHT);
            const std::vector<PdfLineBox> m = line_boxes(l);
            if (!m.empty()) {
                set_colour(cr, kInk);
                // On the first line's baseline, right-aligned in the gutter.
                cairo_move_to(cr, item.x + m[0].x, line_y + first.ascent);
                pango_cairo_show_layout_line(cr, m[0].line);
                lines.push_back({page, item.x + m[0].x, line_y, m[0].width, item.marker, unknown_glyphs(m[0].line)});
            }
            g_object_unref(l);
        }
    }

    // Draws `layout` line by line at the left edge `x`, breaking pages between lines. `fill`: a ground behind
    // each line (code blocks), padded by `pad` on either side.
    void flow(PangoLayout* l, double x, const std::vector<PdfLinkRange>& links, Rgb ink, const Rgb* fill = nullptr,
              double pad = 0) {
        const char* text = pango_layout_get_text(l);
        for (const PdfLineBox& b : line_boxes(l)) {
            if (y + b.height > bottom() && page_has_content) new_page();
            if (fill) {
                set_colour(cr, *fill);
                cairo_rectangle(cr, x - pad, y, right() - (x - pad), b.height);
                cairo_fill(cr);
            }
            draw_pending_marker(b, y);
            set_colour(cr, ink);
            cairo_move_to(cr, x + b.x, y + b.ascent);
            pango_cairo_show_layout_line(cr, b.line);
            add_links(b, x, y, links);
            lines.push_back({page, x + b.x, y, b.width, std::string(text + b.line->start_index, b.line->length),
                             unknown_glyphs(b.line)});
            y += b.height;
            page_has_content = true;
        }
    }

    void add_links(const PdfLineBox& b, double x, double line_y, const std::vector<PdfLinkRange>& links) {
        for (const PdfLinkRange& link : links) {
            const int line_start = b.line->start_index, line_end = line_start + b.line->length;
            if (link.end <= line_start || link.start >= line_end) continue;
            int* ranges = nullptr;
            int n = 0;
            pango_layout_line_get_x_ranges(b.line, std::max(link.start, line_start), std::min(link.end, line_end),
                                           &ranges, &n);
            for (int i = 0; i < n; ++i) {
                const double x0 = x + static_cast<double>(ranges[2 * i]) / PANGO_SCALE;
                const double x1 = x + static_cast<double>(ranges[2 * i + 1]) / PANGO_SCALE;
                if (x1 <= x0) continue;
                const std::string attrs = "rect=[" + std::to_string(x0) + " " + std::to_string(line_y) + " " +
                                          std::to_string(x1 - x0) + " " + std::to_string(b.height) +
                                          "] uri=" + quoted_attribute(link.uri);
                cairo_tag_begin(cr, CAIRO_TAG_LINK, attrs.c_str());
                cairo_tag_end(cr, CAIRO_TAG_LINK);
            }
            g_free(ranges);
        }
    }

    void styled(const StyledText& s, const std::string& family, double points, Rgb ink,
                PangoAlignment align = PANGO_ALIGN_LEFT) {
        PangoLayout* l = layout(family, points, column());
        pango_layout_set_text(l, s.text.c_str(), static_cast<int>(s.text.size()));
        pango_layout_set_attributes(l, s.attrs);
        pango_layout_set_alignment(l, align);
        flow(l, left(), s.links, ink);
        g_object_unref(l);
    }

    double after_block() const { return items.empty() ? kParagraphGap : kItemGap; }

    // ---- tables -------------------------------------------------------------------------------------------

    struct Cell {
        PangoLayout* layout = nullptr;
        std::vector<PdfLineBox> boxes;
        std::vector<PdfLinkRange> links;
        size_t next = 0;  // first line not drawn yet
    };
    using Row = std::vector<Cell>;

    Row make_row(const std::vector<std::vector<Span>>& spans, size_t columns, const std::vector<double>& widths,
                 const std::vector<ColumnAlign>& align, bool header) {
        Row row(columns);
        for (size_t c = 0; c < columns; ++c) {
            StyledText s;
            if (c < spans.size()) append_spans(s, spans[c], header ? kBold : 0);
            const double pad = std::min(kCellPad, widths[c] / 4);
            Cell& cell = row[c];
            cell.layout = layout(kSansFamily, table_size, std::max(1.0, widths[c] - 2 * pad));
            pango_layout_set_text(cell.layout, s.text.c_str(), static_cast<int>(s.text.size()));
            pango_layout_set_attributes(cell.layout, s.attrs);
            const ColumnAlign a = c < align.size() ? align[c] : ColumnAlign::None;
            pango_layout_set_alignment(cell.layout, a == ColumnAlign::Right    ? PANGO_ALIGN_RIGHT
                                                    : a == ColumnAlign::Center ? PANGO_ALIGN_CENTER
                                                                               : PANGO_ALIGN_LEFT);
            cell.boxes = line_boxes(cell.layout);
            cell.links = s.links;
        }
        return row;
    }

    static void free_row(Row& row) {
        for (Cell& c : row)
            if (c.layout) g_object_unref(c.layout);
        row.clear();
    }

    // The height of a row's text; `remaining`: only of the lines not drawn yet.
    static double row_height(const Row& row, bool remaining = false) {
        double h = 0;
        for (const Cell& c : row) {
            double ch = 0;
            for (size_t i = remaining ? c.next : 0; i < c.boxes.size(); ++i) ch += c.boxes[i].height;
            h = std::max(h, ch);
        }
        return h;
    }

    // Draws what fits of `row` from each cell's next line; true when the whole row is drawn.
    bool draw_row_part(Row& row, const std::vector<double>& widths, bool header) {
        const double pad_y = 3;
        // Plan: how many lines of each cell fit above the bottom margin.
        std::vector<size_t> until(row.size());
        double content_h = 0;
        bool any = false;
        for (size_t c = 0; c < row.size(); ++c) {
            double h = 0;
            size_t i = row[c].next;
            while (i < row[c].boxes.size() && y + 2 * pad_y + h + row[c].boxes[i].height <= bottom()) h += row[c].boxes[i++].height;
            // A line taller than a whole page (it cannot be) would otherwise never be drawn.
            if (i == row[c].next && i < row[c].boxes.size() && y <= top()) h += row[c].boxes[i++].height;
            any |= i > row[c].next;
            until[c] = i;
            content_h = std::max(content_h, h);
        }
        if (!any && row_height(row, true) > 0) return false;  // nothing fits: the caller turns the page
        const double h = content_h + 2 * pad_y;
        double x = left();
        if (header) {
            set_colour(cr, kHeaderFill);
            cairo_rectangle(cr, x, y, pdf_total_width(widths), h);
            cairo_fill(cr);
        }
        for (size_t c = 0; c < row.size(); ++c) {
            Cell& cell = row[c];
            const double pad = std::min(kCellPad, widths[c] / 4);
            double ly = y + pad_y;
            for (size_t i = cell.next; i < until[c]; ++i) {
                const PdfLineBox& b = cell.boxes[i];
                set_colour(cr, kInk);
                cairo_move_to(cr, x + pad + b.x, ly + b.ascent);
                pango_cairo_show_layout_line(cr, b.line);
                add_links(b, x + pad, ly, cell.links);
                const char* text = pango_layout_get_text(cell.layout);
                lines.push_back({page, x + pad + b.x, ly, b.width,
                                 std::string(text + b.line->start_index, b.line->length), unknown_glyphs(b.line)});
                ly += b.height;
            }
            cell.next = until[c];
            x += widths[c];
        }
        // The grid: the box around this part of the row and the lines between its cells.
        set_colour(cr, kRuleInk);
        cairo_set_line_width(cr, 0.6);
        cairo_rectangle(cr, left(), y, x - left(), h);
        double cx = left();
        for (size_t c = 0; c + 1 < row.size(); ++c) {
            cx += widths[c];
            cairo_move_to(cr, cx, y);
            cairo_line_to(cr, cx, y + h);
        }
        cairo_stroke(cr);
        y += h;
        page_has_content = true;
        for (const Cell& cell : row)
            if (cell.next < cell.boxes.size()) return false;
        return true;
    }
};

// PdfWriter's pango and cairo half: the methods mean what pdf_writer.h says.
class PangoPdfBackend final : public PdfBackend {
public:
    PangoPdfBackend(const std::string& title, const std::string& footer, PdfPageSize size);
    ~PangoPdfBackend() override;
    void title(const std::string& text, const std::string& subtitle) override;
    void heading(int level, const std::vector<Span>& spans) override;
    void paragraph(const std::vector<Span>& spans) override;
    void plain_text(const std::string& text) override;
    void code(const std::string& text) override;
    void begin_item(const std::string& marker) override;
    void end_item() override;
    void begin_box(PdfBox kind, const std::string& box_title) override;
    void end_box() override;
    void table(const std::vector<std::vector<std::vector<Span>>>& rows, const std::vector<ColumnAlign>& align) override;
    void rule() override;
    void page_break() override;
    std::string finish(std::string* error) override;
    int page_count() const override;
    const std::vector<PdfTextLine>& lines() const override;

private:
    using Impl = PangoPdfImpl;
    std::unique_ptr<Impl> impl_;
};

PangoPdfBackend::PangoPdfBackend(const std::string& title, const std::string& footer, PdfPageSize size)
    : impl_(std::make_unique<Impl>()) {
    Impl& d = *impl_;
    d.size = size;
    d.footer = footer;
    d.surface = cairo_pdf_surface_create_for_stream(append_bytes, &d.bytes, size.width, size.height);
    const std::string safe_title = pdf_safe_text(title);
    cairo_pdf_surface_set_metadata(d.surface, CAIRO_PDF_METADATA_TITLE, safe_title.c_str());
    cairo_pdf_surface_set_metadata(d.surface, CAIRO_PDF_METADATA_CREATOR, "Groundwork");
    d.cr = cairo_create(d.surface);
    // Our own context: 72 dpi so a point of font size is a point on the page, and unhinted metrics so glyphs sit
    // where they would in print (hinting is for screen pixels).
    d.context = pango_font_map_create_context(pango_cairo_font_map_get_default());
    pango_cairo_context_set_resolution(d.context, 72);
    cairo_font_options_t* options = cairo_font_options_create();
    cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
    pango_cairo_context_set_font_options(d.context, options);
    cairo_font_options_destroy(options);
    pango_context_set_round_glyph_positions(d.context, FALSE);
    pango_cairo_update_context(d.cr, d.context);
    d.y = d.top();
}

PangoPdfBackend::~PangoPdfBackend() {
    Impl& d = *impl_;
    if (d.context) g_object_unref(d.context);
    if (d.cr) cairo_destroy(d.cr);
    if (d.surface) cairo_surface_destroy(d.surface);
}

void PangoPdfBackend::title(const std::string& text, const std::string& subtitle) {
    Impl& d = *impl_;
    if (d.finished) return;
    d.gap(18);
    d.need(60);
    StyledText t;
    t.append(text, kBold);
    d.styled(t, kSansFamily, kTitleSize, kInk);
    if (!subtitle.empty()) {
        d.y += 2;
        StyledText s;
        s.append(subtitle, kPlain);
        d.styled(s, kSansFamily, kBodySize + 1, kMuted);
    }
    d.y += 6;
    rule();
}

void PangoPdfBackend::heading(int level, const std::vector<Span>& spans) {
    Impl& d = *impl_;
    if (d.finished) return;
    static const double sizes[] = {18, 14.5, 12.5, 11, 10.5, 10.5};
    const double points = sizes[std::clamp(level, 1, 6) - 1];
    d.gap(level <= 2 ? 14 : 10);
    d.need(points * kLineSpacing + 3 * kBodySize * kLineSpacing);  // never the last thing on a page
    StyledText s;
    append_spans(s, spans, kBold);
    d.styled(s, kSansFamily, points, kInk);
    d.y += 4;
}

void PangoPdfBackend::paragraph(const std::vector<Span>& spans) {
    Impl& d = *impl_;
    if (d.finished) return;
    StyledText s;
    append_spans(s, spans);
    d.styled(s, kSansFamily, kBodySize, kInk);
    d.y += d.after_block();
}

void PangoPdfBackend::plain_text(const std::string& text) {
    // Paragraphs at blank lines (a line of only spaces counts as blank), the other line breaks kept.
    const std::string safe = pdf_safe_text(text);
    std::string para;
    size_t pos = 0;
    auto flush = [&] {
        while (!para.empty() && para.back() == '\n') para.pop_back();
        if (!para.empty()) {
            Span s;
            s.text = para;
            paragraph({s});
        }
        para.clear();
    };
    while (pos <= safe.size()) {
        const size_t end = std::min(safe.find('\n', pos), safe.size());
        const std::string line = safe.substr(pos, end - pos);
        if (line.find_first_not_of(" \t") == std::string::npos) flush();
        else para += line + "\n";
        pos = end + 1;
    }
    flush();
}

void PangoPdfBackend::code(const std::string& text) {
    Impl& d = *impl_;
    if (d.finished) return;
    std::string safe = pdf_safe_text(text);
    while (!safe.empty() && safe.back() == '\n') safe.pop_back();
    const double pad = 6;
    PangoLayout* l = d.layout(kMonoFamily, kCodeSize, d.column() - 2 * pad, PANGO_WRAP_CHAR);
    pango_layout_set_line_spacing(l, 1.2f);
    pango_layout_set_text(l, safe.c_str(), static_cast<int>(safe.size()));
    d.gap(2);
    d.y += 4;
    d.flow(l, d.left() + pad, {}, kInk, &kCodeFill, pad);
    g_object_unref(l);
    d.y += 4 + d.after_block();
}

void PangoPdfBackend::begin_item(const std::string& marker) {
    Impl& d = *impl_;
    if (d.finished) return;
    // The gutter fits the marker ("10." is wider than "•").
    PangoLayout* l = d.layout(kSansFamily, kBodySize, 0);
    const std::string safe = pdf_safe_text(marker);
    pango_layout_set_text(l, safe.c_str(), static_cast<int>(safe.size()));
    int w = 0, h = 0;
    pango_layout_get_size(l, &w, &h);
    g_object_unref(l);
    const double gutter = std::max(kItemIndent, static_cast<double>(w) / PANGO_SCALE + 6);
    d.items.push_back({safe, d.left(), gutter, false});
    d.indent += gutter;
}

void PangoPdfBackend::end_item() {
    Impl& d = *impl_;
    if (d.finished || d.items.empty()) return;
    if (!d.items.back().marker_drawn) {  // an empty item still shows its marker
        d.need(kBodySize * kLineSpacing);
        PangoLayout* l = d.layout(kSansFamily, kBodySize, d.column());
        pango_layout_set_text(l, " ", 1);
        d.flow(l, d.left(), {}, kInk);
        g_object_unref(l);
    }
    d.indent -= d.items.back().gutter;
    d.items.pop_back();
    if (d.items.empty()) d.y += kParagraphGap - kItemGap;
}

void PangoPdfBackend::begin_box(PdfBox kind, const std::string& box_title) {
    Impl& d = *impl_;
    if (d.finished) return;
    d.gap(4);
    d.need(3 * kBodySize * kLineSpacing);
    d.boxes.push_back({kind, d.left(), d.y});
    d.indent += kBoxIndent;
    d.y += 2;
    if (!box_title.empty()) {
        StyledText s;
        s.append(box_title, kBold);
        d.styled(s, kSansFamily, kBodySize, kind == PdfBox::Callout ? kCalloutTitle : kInk);
        d.y += 3;
    }
}

void PangoPdfBackend::end_box() {
    Impl& d = *impl_;
    if (d.finished || d.boxes.empty()) return;
    // The last block's gap after it is inside the box; take it back so the bar ends at the text.
    const double end = std::max(d.boxes.back().top, d.y - d.after_block() + 2);
    const Impl::OpenBox box = d.boxes.back();
    d.boxes.pop_back();
    const std::vector<Impl::OpenBox> outer = std::move(d.boxes);
    d.boxes = {box};
    d.close_bars(end);
    d.boxes = outer;
    d.indent -= kBoxIndent;
    d.y = end + d.after_block();
}

void PangoPdfBackend::table(const std::vector<std::vector<std::vector<Span>>>& rows, const std::vector<ColumnAlign>& align) {
    Impl& d = *impl_;
    if (d.finished || rows.empty()) return;
    size_t columns = align.size();
    for (const auto& row : rows) columns = std::max(columns, row.size());
    if (columns == 0) return;

    // Too many columns for the page: every column would be a few letters wide and each word one letter a line.
    // Each row becomes a numbered item of "Header: value" lines instead; nothing is left out.
    const double available = d.column();
    if (static_cast<double>(columns) * kMinColumn > available) {
        for (size_t r = 1; r < rows.size(); ++r) {
            begin_item(std::to_string(r) + ".");
            for (size_t c = 0; c < rows[r].size(); ++c) {
                std::vector<Span> line;
                if (c < rows[0].size() && !rows[0][c].empty()) {
                    for (Span s : rows[0][c]) {
                        s.style |= kBold;
                        line.push_back(std::move(s));
                    }
                } else {
                    Span s;
                    s.text = "Column " + std::to_string(c + 1);
                    s.style = kBold;
                    line.push_back(std::move(s));
                }
                Span colon;
                colon.text = ": ";
                line.push_back(colon);
                line.insert(line.end(), rows[r][c].begin(), rows[r][c].end());
                paragraph(line);
            }
            end_item();
        }
        if (rows.size() == 1) paragraph(rows[0].empty() ? std::vector<Span>{} : rows[0][0]);
        return;
    }

    // Natural widths (no wrapping) and widest words. When the words do not all fit side by side at the table's
    // usual size, the table is set smaller (a map of nine columns reads better small than broken mid-word).
    std::vector<double> natural, widest_word;
    double words = 0;
    for (const double points : {kTableSize, kSmallTableSize}) {
        d.table_size = points;
        natural.assign(columns, 0);
        widest_word.assign(columns, 0);
        for (size_t r = 0; r < rows.size(); ++r) {
            for (size_t c = 0; c < rows[r].size() && c < columns; ++c) {
                StyledText s;
                append_spans(s, rows[r][c], r == 0 ? kBold : 0);
                PangoLayout* l = d.layout(kSansFamily, points, 0);
                pango_layout_set_text(l, s.text.c_str(), static_cast<int>(s.text.size()));
                pango_layout_set_attributes(l, s.attrs);
                int w = 0, h = 0;
                pango_layout_get_size(l, &w, &h);
                natural[c] = std::max(natural[c], static_cast<double>(w) / PANGO_SCALE + 2 * kCellPad + 1);
                // Wrapped at every space, a word wider than the layout sticks out and sets the layout's width.
                pango_layout_set_width(l, PANGO_SCALE);
                pango_layout_set_wrap(l, PANGO_WRAP_WORD);
                pango_layout_get_size(l, &w, &h);
                widest_word[c] = std::max(widest_word[c], static_cast<double>(w) / PANGO_SCALE + 2 * kCellPad + 1);
                g_object_unref(l);
            }
        }
        words = 0;
        for (size_t c = 0; c < columns; ++c) words += std::min(widest_word[c], natural[c]);
        if (words <= available) break;
    }
    // Then the widths: natural when the table fits; else each column its widest word and the rest of the line
    // where there is most to wrap; else (some words wider than the page allows) each column up to kMinColumn of
    // its widest word, and the rest in proportion to how much wider its words are. (columns * kMinColumn fits.)
    std::vector<double> widths = natural;
    if (pdf_total_width(natural) > available) {
        std::vector<double> target = natural;  // what the remaining width is shared towards
        if (words > available) {
            for (size_t c = 0; c < columns; ++c) target[c] = std::min(widest_word[c], natural[c]);
        }
        double want = 0;
        for (size_t c = 0; c < columns; ++c) {
            const double word = std::min(widest_word[c], natural[c]);
            widths[c] = words <= available ? word : std::min(word, kMinColumn);
            want += target[c] - widths[c];
        }
        const double left_over = available - pdf_total_width(widths);
        for (size_t c = 0; c < columns && want > 0 && left_over > 0; ++c)
            widths[c] += left_over * (target[c] - widths[c]) / want;
    }

    d.gap(2);
    Impl::Row header = d.make_row(rows[0], columns, widths, align, true);
    const double page_room = d.bottom() - d.top();
    const bool repeat_header = rows.size() > 1 && Impl::row_height(header) + 6 < page_room / 3;
    auto draw_row = [&](Impl::Row& row, bool is_header) {
        // A row that fits on a page is never split: it moves to the next one (after the header again).
        const double h = Impl::row_height(row) + 6;
        if (d.y + h > d.bottom() && h <= page_room && d.page_has_content) {
            d.new_page();
            if (!is_header && repeat_header) {
                for (Impl::Cell& c : header) c.next = 0;
                d.draw_row_part(header, widths, true);
            }
        }
        while (!d.draw_row_part(row, widths, is_header)) {
            d.new_page();
            if (!is_header && repeat_header) {
                for (Impl::Cell& c : header) c.next = 0;
                d.draw_row_part(header, widths, true);
            }
        }
    };
    // Never a header alone at the foot of a page: it comes with at least a line of the first row.
    d.need(Impl::row_height(header) + 12 + 2 * d.table_size * kLineSpacing);
    draw_row(header, true);
    for (size_t r = 1; r < rows.size(); ++r) {
        Impl::Row row = d.make_row(rows[r], columns, widths, align, false);
        draw_row(row, false);
        Impl::free_row(row);
    }
    Impl::free_row(header);
    d.y += d.after_block() + 2;
}

void PangoPdfBackend::rule() {
    Impl& d = *impl_;
    if (d.finished) return;
    d.need(8);
    set_colour(d.cr, kRuleInk);
    cairo_set_line_width(d.cr, 0.75);
    cairo_move_to(d.cr, d.left(), d.y + 3);
    cairo_line_to(d.cr, d.right(), d.y + 3);
    cairo_stroke(d.cr);
    d.y += 6 + d.after_block();
    d.page_has_content = true;
}

void PangoPdfBackend::page_break() {
    Impl& d = *impl_;
    if (!d.finished && d.page_has_content) d.new_page();
}

std::string PangoPdfBackend::finish(std::string* error) {
    Impl& d = *impl_;
    if (!d.finished) {
        d.finished = true;
        d.close_bars(d.y);
        d.draw_footer();
        cairo_show_page(d.cr);
        cairo_destroy(d.cr);
        d.cr = nullptr;
        cairo_surface_finish(d.surface);
    }
    const cairo_status_t status = cairo_surface_status(d.surface);
    if (status != CAIRO_STATUS_SUCCESS) {
        if (error) *error = std::string("the PDF could not be made: ") + cairo_status_to_string(status);
        return "";
    }
    return d.bytes;
}

int PangoPdfBackend::page_count() const { return impl_->page + 1; }

const std::vector<PdfTextLine>& PangoPdfBackend::lines() const { return impl_->lines; }

std::unique_ptr<PdfBackend> make_pango_pdf_backend(const std::string& title, const std::string& footer,
                                                   PdfPageSize size) {
    return std::make_unique<PangoPdfBackend>(title, footer, size);
}

}  // namespace gw

// The module's one entry point (runtime/platform/optional_module.h).
extern "C" __attribute__((visibility("default"))) const void* groundwork_module_pdf() {
    static const gw::PdfModule table{&gw::make_pango_pdf_backend};
    return &table;
}
