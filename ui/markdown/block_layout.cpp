#include "ui/markdown/block_layout.h"

#include <algorithm>
#include <array>
#include <cfloat>
#include <cstring>

#include "ui/markdown/link_opener.h"
#include "ui/theme.h"
#include "ui/text_style.h"

namespace gw::ui {

namespace {

float text_width(ImFont* f, const char* b, const char* e) {
    return f->CalcTextSizeA(f->FontSize, FLT_MAX, 0.0f, b, e).x;
}

void add_text(LaidOutBlock& out, ImFont* font, ImVec2 pos, ImU32 color, const char* b, const char* e);

// Starts a run of text (Prim::flow): the text added from here on belongs to it.
void begin_flow(LaidOutBlock& out, char after = '\n') { out.flow_after.push_back(after); }

// The text just added is decoration: not selected, not copied.
void mark_decoration(LaidOutBlock& out) { out.prims.back().flow = kNoFlow; }


// The end of the UTF-8 code point that starts at p (p < e): a break never splits a character's bytes.
const char* next_code_point(const char* p, const char* e) {
    ++p;
    while (p < e && (static_cast<unsigned char>(*p) & 0xC0) == 0x80) ++p;
    return p;
}

// Where to break [b, e) so the part before fits in `avail` pixels: after the last space that fits when
// `at_spaces` and there is one, else between code points. Returns b when not even one character fits; the caller
// then moves to a fresh line or, on one already, takes a character anyway (a column narrower than a letter).
// ImGui 1.86 has no kerning, so the widths of the characters add up to the width of the run.
const char* break_point(ImFont* f, const char* b, const char* e, float avail, bool at_spaces) {
    const char* fits = b;
    const char* last_space = nullptr;
    float w = 0;
    for (const char* p = b; p < e;) {
        const char* n = next_code_point(p, e);
        w += text_width(f, p, n);
        if (w > avail) break;
        if (*p == ' ') last_space = n;
        fits = p = n;
    }
    return at_spaces && last_space && fits < e ? last_space : fits;
}

// Lines of plain text (titles the layout made up) from `pos`, broken at spaces or, for a word wider than `width`,
// between characters; returns the number of lines.
int wrap_plain(LaidOutBlock& out, ImFont* f, ImVec2 pos, float width, float line_h, ImU32 color, const char* b,
               const char* e) {
    begin_flow(out);
    int lines = 0;
    while (b < e || lines == 0) {
        const char* cut = text_width(f, b, e) <= width ? e : break_point(f, b, e, width, true);
        if (cut == b && b < e) cut = next_code_point(b, e);
        const char* visible = cut;
        while (visible > b && visible[-1] == ' ') --visible;
        add_text(out, f, ImVec2(pos.x, pos.y + line_h * lines), color, b, visible);
        ++lines;
        b = cut;
    }
    return lines;
}

void add_text(LaidOutBlock& out, ImFont* font, ImVec2 pos, ImU32 color, const char* b, const char* e) {
    Prim p;
    p.type = Prim::Text;
    p.flow = out.flow_after.empty() ? kNoFlow : std::uint32_t(out.flow_after.size() - 1);
    p.a = pos;
    p.color = color;
    p.font = font;
    p.begin = b;
    p.end = e;
    out.prims.push_back(p);
}

void add_rect(LaidOutBlock& out, Prim::Type type, ImVec2 a, ImVec2 b, ImU32 color, float rounding) {
    Prim p;
    p.type = type;
    p.a = a;
    p.b = b;
    p.color = color;
    p.rounding = rounding;
    out.prims.push_back(p);
}

const char* own(LaidOutBlock& out, std::string s) {
    out.owned.push_back(std::move(s));
    return out.owned.back().c_str();
}

bool drawable(const ImageRef& r) { return r.status == ImageStatus::Ok && r.width > 0 && r.height > 0; }

// A piece of a span's text: plain text, or the "[alt]" stand-in of an image that is drawn in its place.
struct Piece {
    const char* begin;
    const char* end;
    const ImageRef* image;
};

// A span is one piece, drawn as the picture its `image` index names (Span::image, set by the parser) when that
// picture can be shown; a remote, missing or nested image stays its "[alt]" text.
void split_at_images(const Span& span, const InlineImages* images, std::vector<Piece>& out) {
    out.clear();
    const char* p = span.text.data();
    const char* const end = p + span.text.size();
    const ImageRef* picture = nullptr;
    if (images && images->refs && span.image >= 0 && std::size_t(span.image) < images->refs->size() &&
        drawable((*images->refs)[std::size_t(span.image)]))
        picture = &(*images->refs)[std::size_t(span.image)];
    out.push_back({p, end, picture});
}

// A picture in running text (inline_image_size), over a shaded box with as much of its alt text as fits, drawn
// only while the picture is not (loading, failed): the box is the picture's size, so nothing moves when it comes.
void add_inline_picture(LaidOutBlock& out, const ImageRef* ref, ImVec2 a, ImVec2 b, ImFont* alt_font,
                        const char* alt_begin, const char* alt_end) {
    Prim picture;
    picture.type = Prim::Image;
    picture.a = a;
    picture.b = b;
    picture.image = ref;
    out.prims.push_back(picture);
    add_rect(out, Prim::RectFilled, a, b, palette().code_bg, 3);
    out.prims.back().image = ref;
    const float pad = 3, avail = b.x - a.x - 2 * pad;
    if (alt_font->FontSize > b.y - a.y + 0.5f || avail <= 0 || alt_begin == alt_end) return;
    const char* text = alt_begin;
    const char* text_end = alt_end;
    if (text_width(alt_font, alt_begin, alt_end) > avail) {
        static const char kEllipsis[] = "\xE2\x80\xA6";
        const char* cut =
            break_point(alt_font, alt_begin, alt_end, avail - text_width(alt_font, kEllipsis, nullptr), false);
        if (cut == alt_begin) return;  // not even one letter and the ellipsis: the shaded box says enough
        text = own(out, std::string(alt_begin, cut) + kEllipsis);
        text_end = text + std::strlen(text);
    }
    add_text(out, alt_font, ImVec2(a.x + pad, a.y + (b.y - a.y - alt_font->FontSize) * 0.5f), palette().muted, text,
             text_end);
    out.prims.back().image = ref;
}

struct Layouter {
    const Fonts& fonts;
    LaidOutBlock& out;
    ImU32 surface = palette().page;  // what the block is drawn on: a frozen table column is painted over in it

    float body_size() const { return fonts.body.regular->FontSize; }

    TextStyle body_style(ImU32 color = palette().text) const { return {&fonts.body, nullptr, color, 1.55f}; }

    // Returns the height of `blocks` laid out in [x, x + width) from y, with `gap` after each block but the last.
    float blocks(const std::vector<Block>& list, float x, float y, float width, const TextStyle& style) {
        float y0 = y;
        for (std::size_t i = 0; i < list.size(); ++i) {
            y += block(list[i], x, y, width, style);
            if (i + 1 < list.size()) y += gap_after(list[i]);
        }
        return y - y0;
    }

    float gap_after(const Block& b) const {
        if (b.kind == BlockKind::Heading) return body_size() * 0.45f;
        return body_size() * 0.85f;
    }

    float block(const Block& b, float x, float y, float width, const TextStyle& style) {
        switch (b.kind) {
        case BlockKind::Paragraph: {
            InlineImages images{&b.images};
            return layout_spans(b.spans, style, x, y, width, out, &images);
        }
        case BlockKind::Heading: return heading(b, x, y, width);
        case BlockKind::BulletList:
        case BlockKind::OrderedList: return list(b, x, y, width, style, nullptr);
        case BlockKind::ListItem: return blocks(b.children, x, y, width, style);
        case BlockKind::Quote: return quote(b, x, y, width);
        case BlockKind::Code: return code(b, x, y, width);
        case BlockKind::Rule: {
            float mid = y + body_size() * 0.6f;
            add_rect(out, Prim::Line, ImVec2(x, mid), ImVec2(x + width, mid), palette().rule, 1.0f);
            return body_size() * 1.2f;
        }
        case BlockKind::Callout: return callout(b, x, y, width);
        case BlockKind::Table: return table(b.table, b.images, x, y, width);
        case BlockKind::Image: return image(b, x, y, width);
        }
        return 0;
    }

    // An image block: the picture scaled to the column (image_display_size). Until its texture is ready, and where
    // decoding fails, a shaded box of the same size shows the alt text, so the page does not move when it arrives.
    // An image that cannot be shown (remote, missing, refused) is its alt text alone.
    float image(const Block& b, float x, float y, float width) {
        const ImageRef* ref = b.images.empty() ? nullptr : &b.images[0];
        const TextStyle alt_style{&fonts.body, fonts.body.pick(false, true, false), palette().muted, 1.45f};
        const bool shown = ref && ref->status == ImageStatus::Ok && ref->width > 0 && ref->height > 0;
        if (!shown) {
            if (!b.spans.empty()) return layout_spans(b.spans, alt_style, x, y, width, out);
            const std::string& url = ref ? ref->url : std::string();
            const char* t = own(out, "[image: " + url + "]");
            begin_flow(out);
            add_text(out, alt_style.font_override, ImVec2(x, y), palette().muted, t, t + std::strlen(t));
            return fonts.body.regular->FontSize * 1.45f;
        }
        const ImVec2 size = image_display_size(ref->width, ref->height, width);
        Prim picture;
        picture.type = Prim::Image;
        picture.a = ImVec2(x, y);
        picture.b = ImVec2(x + size.x, y + size.y);
        picture.image = ref;
        out.prims.push_back(picture);
        const std::size_t first = out.prims.size();
        add_rect(out, Prim::RectFilled, ImVec2(x, y), ImVec2(x + size.x, y + size.y), palette().code_bg, 4);
        const float pad = std::min(body_size() * 0.5f, size.x * 0.1f);
        if (!b.spans.empty() && size.x > 2 * pad)
            layout_spans(b.spans, alt_style, x + pad, y + pad, size.x - 2 * pad, out);
        // Lines of alt text that do not fit in the box (a small picture, a long description) are left out.
        const float bottom = y + size.y - pad;
        out.prims.erase(std::remove_if(out.prims.begin() + std::ptrdiff_t(first) + 1, out.prims.end(),
                                       [&](const Prim& p) {
                                           return p.type == Prim::Text ? p.a.y + p.font->FontSize > bottom
                                                                       : p.b.y > bottom;
                                       }),
                        out.prims.end());
        for (std::size_t i = first; i < out.prims.size(); ++i) out.prims[i].image = ref;
        return size.y;
    }

    float heading(const Block& b, float x, float y, float width) {
        ImFont* f = b.level <= 1 ? fonts.title : b.level == 2 ? fonts.heading : fonts.subheading;
        float top = b.level <= 2 ? body_size() * 0.9f : body_size() * 0.5f;
        TextStyle hs{&fonts.body, f, palette().heading, 1.3f};
        InlineImages images{&b.images};
        return top + layout_spans(b.spans, hs, x, y + top, width, out, &images);
    }

    // `marker` draws the bullet or number of item i at (x, y) with the item's first line height lh.
    float list(const Block& b, float x, float y, float width, const TextStyle& style, const char* check) {
        const bool ordered = b.kind == BlockKind::OrderedList;
        const float indent = body_size() * (ordered ? 1.9f : 1.4f);
        const float lh = style.family->regular->FontSize * style.line_height;
        float y0 = y;
        int n = b.start_number;
        for (std::size_t i = 0; i < b.children.size(); ++i, ++n) {
            const Block& item = b.children[i];
            if (item.task) {
                // A read-only box: the trainer's list shows what is done, the learner does not tick it here.
                const float side = body_size() * 0.85f;
                ImVec2 a(x + 1, y + (lh - side) * 0.5f), c(a.x + side, a.y + side);
                add_rect(out, item.checked ? Prim::RectFilled : Prim::Rect, a, c,
                         item.checked ? palette().done : palette().muted, 3);
                if (!item.checked) out.prims.back().rounding = 3;
                if (item.checked) {
                    const char* mark = own(out, "\xE2\x9C\x93");  // ✓
                    float w = text_width(fonts.body.bold, mark, nullptr);
                    add_text(out, fonts.body.bold, ImVec2(a.x + (side - w) * 0.5f, a.y + (side - body_size()) * 0.5f),
                             palette().on_accent, mark, mark + std::strlen(mark));
                    mark_decoration(out);
                }
            } else if (check) {
                const char* mark = own(out, check);
                add_text(out, fonts.body.bold, ImVec2(x + 2, y + (lh - body_size()) * 0.5f), palette().done, mark,
                         mark + std::strlen(mark));
                mark_decoration(out);
            } else if (ordered) {
                const char* num = own(out, std::to_string(n) + ".");
                begin_flow(out, ' ');  // "1. First step" when copied
                float w = text_width(fonts.body.bold, num, nullptr);
                add_text(out, fonts.body.bold, ImVec2(x + indent - w - 8, y + (lh - body_size()) * 0.5f),
                         palette().accent, num, num + std::strlen(num));
            } else {
                Prim dot;
                dot.type = Prim::CircleFilled;
                dot.a = ImVec2(x + body_size() * 0.45f, y + lh * 0.5f);
                dot.b = ImVec2(body_size() * 0.16f, 0);
                dot.color = palette().muted;
                out.prims.push_back(dot);
            }
            y += blocks(item.children, x + indent, y, width - indent, style);
            if (i + 1 < b.children.size()) y += body_size() * 0.4f;
        }
        return y - y0;
    }

    float quote(const Block& b, float x, float y, float width) {
        const float pad = body_size();
        TextStyle qs{&fonts.body, nullptr, palette().muted, 1.55f};
        float h = blocks(b.children, x + pad, y, width - pad, qs);
        add_rect(out, Prim::RectFilled, ImVec2(x, y), ImVec2(x + 3, y + h), palette().rule, 0);
        return h;
    }

    float code(const Block& b, float x, float y, float width) {
        const float pad = body_size() * 0.7f;
        std::size_t first = out.prims.size();
        add_rect(out, Prim::RectFilled, ImVec2(x, y), ImVec2(x + width, y), palette().code_bg, 6);
        ImFont* f = fonts.body.mono;
        float lh = f->FontSize * 1.45f;
        float cy = y + pad;
        // Both arms must be lvalues: `cond ? std::string() : span.text` would copy the text into a temporary
        // that dies at the end of this function, leaving every primitive below pointing into freed memory.
        static const std::string kNoText;
        const std::string& text = b.spans.empty() ? kNoText : b.spans[0].text;
        const char* p = text.c_str();
        const char* end = p + text.size();
        begin_flow(out);  // one run: the source's newlines separate its lines when copied
        // A line wider than the box wraps between characters (code has no word breaks to prefer), so nothing is
        // drawn past the box's edge.
        const float avail = std::max(1.0f, width - 2 * pad);
        while (p <= end) {
            const char* eol = std::find(p, end, '\n');
            const char* q = p;
            do {
                const char* cut = text_width(f, q, eol) <= avail ? eol : break_point(f, q, eol, avail, false);
                if (cut == q && q < eol) cut = next_code_point(q, eol);
                add_text(out, f, ImVec2(x + pad, cy), palette().text, q, cut);
                cy += lh;
                q = cut;
            } while (q < eol);
            if (eol == end) break;
            p = eol + 1;
        }
        float h = cy - y + pad;
        out.prims[first].b.y = y + h;
        return h;
    }

    float callout(const Block& b, float x, float y, float width) {
        CalloutColors c = callout_colors(b.callout);
        switch (b.callout) {
        case CalloutKind::Lead: {
            TextStyle ls{&fonts.body, fonts.lead, palette().muted, 1.45f};
            return blocks(b.children, x, y, width, ls) + body_size() * 0.2f;
        }
        case CalloutKind::PullQuote: {
            const float pad = body_size() * 2.6f;
            const char* mark = own(out, "\xE2\x80\x9C");  // “
            float top = body_size() * 0.6f;
            TextStyle qs{&fonts.body, fonts.quote, palette().heading, 1.45f};
            float h = blocks(b.children, x + pad, y + top, width - pad * 1.5f, qs);
            add_rect(out, Prim::RectFilled, ImVec2(x, y + top), ImVec2(x + 4, y + top + h), c.accent, 2);
            add_text(out, fonts.title, ImVec2(x + body_size() * 0.9f, y + top - body_size() * 0.1f),
                     color::with_alpha(c.accent, 110), mark, mark + 3);
            mark_decoration(out);
            return top * 2 + h;
        }
        default: break;
        }

        const float pad = body_size() * 1.1f;
        std::size_t bg = out.prims.size();
        add_rect(out, Prim::RectFilled, ImVec2(x, y), ImVec2(x + width, y), c.background, 8);
        add_rect(out, Prim::Rect, ImVec2(x, y), ImVec2(x + width, y), c.border, 8);
        out.prims.back().rounding = 8;
        bool has_bar = b.callout == CalloutKind::Mistake || b.callout == CalloutKind::Insight ||
                       b.callout == CalloutKind::Pause || b.callout == CalloutKind::Stat || is_alert(b.callout);
        std::size_t bar = out.prims.size();
        if (has_bar) add_rect(out, Prim::RectFilled, ImVec2(x, y), ImVec2(x + 4, y), c.accent, 0);

        float cy = y + pad * 0.85f;
        float cx = x + pad + (has_bar ? 4 : 0);
        float inner = width - (cx - x) - pad;
        // Title line: icon + "KIND · TITLE" in small bold capitals.
        std::string title = callout_title(b);
        if (!title.empty()) {
            float tx = cx;
            const char* icon = own(out, callout_icon(b.callout));
            if (*icon) {
                add_text(out, fonts.body.bold, ImVec2(tx, cy - 2), c.accent, icon, icon + std::strlen(icon));
                mark_decoration(out);
                tx += text_width(fonts.body.bold, icon, nullptr) + 8;
            }
            const char* t = own(out, title);
            float label_h = fonts.label->FontSize;
            const float label_lh = label_h * 1.4f;
            const int lines = wrap_plain(out, fonts.label, ImVec2(tx, cy + (body_size() - label_h) * 0.5f),
                                         std::max(1.0f, inner - (tx - cx)), label_lh, c.accent, t, t + title.size());
            cy += body_size() * 1.6f + label_lh * float(lines - 1);
        }
        float h;
        const ImU32 outer_surface = surface;
        surface = c.background;
        if (b.callout == CalloutKind::Process)
            h = process_steps(b, cx, cy, inner, c);
        else if (b.callout == CalloutKind::Takeaways)
            h = takeaways(b, cx, cy, inner);
        else
            h = blocks(b.children, cx, cy, inner, body_style());
        surface = outer_surface;
        cy += h + pad * 0.9f;
        out.prims[bg].b = ImVec2(x + width, cy);
        out.prims[bg + 1].b = ImVec2(x + width, cy);
        if (has_bar) out.prims[bar].b = ImVec2(x + 4, cy);
        return cy - y;
    }

    std::string callout_title(const Block& b) const {
        std::string kind;
        switch (b.callout) {
        case CalloutKind::Mistake: kind = "Common Mistake"; break;
        case CalloutKind::Insight: kind = "Pro Insight"; break;
        case CalloutKind::Pause: kind = "Pause & Reflect"; break;
        default: break;
        }
        std::string title = b.title;
        if (!kind.empty() && title != kind) title = kind + (title.empty() ? "" : "  \xC2\xB7  " + title);
        if (b.callout == CalloutKind::Stat || b.callout == CalloutKind::Process)
            title = "\xE2\x94\x81\xE2\x94\x81  " + title + "  \xE2\x94\x81\xE2\x94\x81";  // ━━ TITLE ━━
        return upper(title);
    }

    static bool is_alert(CalloutKind k) {
        return k == CalloutKind::Note || k == CalloutKind::Tip || k == CalloutKind::Important ||
               k == CalloutKind::Warning || k == CalloutKind::Caution;
    }

    // Widest run of `spans` on one line (natural) and its widest word (the narrowest the cell can wrap to), for
    // lines `line_h` px tall; pictures (InlineImages) count as the words they stand for.
    void measure(const std::vector<Span>& spans, ImFont* override_font, float line_h, InlineImages* images,
                 float* natural, float* narrowest) const {
        *natural = *narrowest = 0;
        float line = 0;
        std::vector<Piece> pieces;
        for (const Span& span : spans) {
            ImFont* f = override_font ? override_font
                                      : fonts.body.pick(span.style & kBold, span.style & kItalic, span.style & kCode);
            split_at_images(span, images, pieces);
            for (const Piece& piece : pieces) {
                if (piece.image) {
                    const ImVec2 size = inline_image_size(piece.image->width, piece.image->height, line_h, FLT_MAX);
                    if (size.y > line_h) {  // on lines of its own: as wide as its pixels, or a third of a page
                        const float w = std::min(size.x, body_size() * 16);
                        *natural = std::max({*natural, line, w});
                        *narrowest = std::max(*narrowest, std::min(w, body_size() * 6));
                        line = 0;
                    } else {
                        line += size.x;
                        *narrowest = std::max(*narrowest, size.x);
                    }
                    continue;
                }
                const char* p = piece.begin;
                const char* end = piece.end;
                while (p < end) {
                    const char* w = p;
                    while (w < end && *w != ' ' && *w != '\n') ++w;
                    float ww = text_width(f, p, w);
                    // A long word (a URL) breaks between characters when its column is narrow: it may not claim
                    // the whole table's width from the other columns.
                    *narrowest = std::max(*narrowest, std::min(ww, body_size() * 8));
                    line += ww;
                    if (w < end && *w == '\n') {
                        *natural = std::max(*natural, line);
                        line = 0;
                    } else if (w < end) {
                        line += text_width(f, w, w + 1);
                    }
                    p = w < end ? w + 1 : w;
                }
            }
        }
        *natural = std::max(*natural, line);
    }

    // Column widths (px) of a table in a column `width` px wide, from each column's natural width (its longest
    // line), `keep` (its widest word, at most 8 em: narrower, words break) and `floor` (six characters, `ch`
    // as in CSS, or less when the content is narrower): the narrowest a column is squeezed to before the table
    // scrolls instead. Sets *scrolls when even the floors do not fit.
    static std::vector<float> column_widths(const std::vector<float>& natural, std::vector<float> keep,
                                            const std::vector<float>& floor, float width, bool* scrolls) {
        const std::size_t cols = natural.size();
        float total = 0, total_keep = 0, total_floor = 0;
        for (std::size_t c = 0; c < cols; ++c) {
            keep[c] = std::max(keep[c], floor[c]);
            total += natural[c], total_keep += keep[c], total_floor += floor[c];
        }
        *scrolls = false;
        std::vector<float> w = natural;
        if (total <= width) return w;
        // Share what is left over in proportion to what each column would still take.
        auto share = [&](const std::vector<float>& lo, const std::vector<float>& hi, float lo_total, float hi_total) {
            const float spare = width - lo_total, wanted = hi_total - lo_total;
            for (std::size_t c = 0; c < cols; ++c) w[c] = lo[c] + (wanted > 0 ? spare * (hi[c] - lo[c]) / wanted : 0);
        };
        if (total_keep <= width)
            share(keep, natural, total_keep, total);
        else if (total_floor <= width)
            share(floor, keep, total_floor, total_keep);
        else {
            *scrolls = true;
            w = keep;
        }
        return w;
    }

    // GFM tables: a shaded header row in bold, hairlines between rows, each column as wide as its content needs
    // when the page allows; otherwise columns share the page down to a floor of six characters and cells wrap
    // (column_widths). Below that the table is laid out at the width its words need and scrolls sideways in a
    // viewport as wide as the page, its first column frozen (ScrollRegion). `images`: the table block's own.
    float table(const Table& t, const std::vector<ImageRef>& images, float x, float y, float width) {
        const std::size_t cols = t.align.size();
        if (cols == 0 || t.rows.empty()) return 0;
        const float pad_x = body_size() * 0.6f, pad_y = body_size() * 0.35f;
        const float line_h = body_size() * 1.45f;
        const float ch = text_width(fonts.body.regular, "0", nullptr);
        std::vector<float> natural(cols, 0), keep(cols, 0), floor(cols, 0);
        InlineImages measured{&images};
        for (std::size_t r = 0; r < t.rows.size(); ++r)
            for (std::size_t c = 0; c < cols && c < t.rows[r].size(); ++c) {
                float n = 0, w = 0;
                measure(t.rows[r][c].spans, r == 0 ? fonts.body.bold : nullptr, line_h, &measured, &n, &w);
                natural[c] = std::max(natural[c], n + 2 * pad_x + 1);
                keep[c] = std::max(keep[c], w + 2 * pad_x + 1);
            }
        for (std::size_t c = 0; c < cols; ++c) floor[c] = std::min(natural[c], 6 * ch + 2 * pad_x + 1);
        bool scrolls = false;
        std::vector<float> col_w = column_widths(natural, keep, floor, width, &scrolls);
        // A frozen first column leaves at least 60% of the viewport to the columns that scroll past it.
        const bool freeze = scrolls && cols > 1 && floor[0] <= width * 0.4f;
        if (freeze) col_w[0] = std::min(col_w[0], std::max(floor[0], width * 0.4f));
        float table_w = 0;
        for (float w : col_w) table_w += w;

        const std::size_t begin = out.prims.size(), links_begin = out.links.size();
        const std::size_t frame = out.prims.size();
        add_rect(out, Prim::RectFilled, ImVec2(x, y), ImVec2(x + table_w, y), palette().code_bg, 0);  // header, sized below
        float cy = y;
        std::vector<std::size_t> column_rules;
        std::vector<float> row_bottoms;
        // The first column's cells, [prims) and [links) per row: drawn again over the scrolling table when frozen.
        std::vector<std::array<std::size_t, 4>> first_cells;
        InlineImages drawn{&images};
        for (std::size_t r = 0; r < t.rows.size(); ++r) {
            float cx = x, row_h = 0;
            for (std::size_t c = 0; c < cols; ++c) {
                static const std::vector<Span> kEmpty;
                const std::vector<Span>& spans = c < t.rows[r].size() ? t.rows[r][c].spans : kEmpty;
                const std::size_t first_prim = out.prims.size(), first_link = out.links.size();
                const float inner = std::max(1.0f, col_w[c] - 2 * pad_x);
                TextStyle ts{&fonts.body, r == 0 ? fonts.body.bold : nullptr, r == 0 ? palette().heading : palette().text,
                             1.45f};
                float h = spans.empty() ? 0 : layout_spans(spans, ts, cx + pad_x, cy + pad_y, inner, out, &drawn);
                if (!spans.empty() && c + 1 < cols) out.flow_after.back() = '\t';  // a row copies as one line
                row_h = std::max(row_h, h);
                // Align the cell's text inside its column: measure how far its text reaches, shift it over.
                float reach = cx + pad_x;
                for (std::size_t i = first_prim; i < out.prims.size(); ++i) {
                    const Prim& p = out.prims[i];
                    if (p.type == Prim::Text)
                        reach = std::max(reach, p.a.x + text_width(p.font, p.begin, p.end));
                    else if (p.type == Prim::Image)
                        reach = std::max(reach, p.b.x);
                }
                const float slack = std::max(0.0f, inner - (reach - cx - pad_x));
                const ColumnAlign a = t.align[c];
                const float dx = a == ColumnAlign::Right ? slack : a == ColumnAlign::Center ? slack * 0.5f : 0;
                if (dx > 0) {
                    for (std::size_t i = first_prim; i < out.prims.size(); ++i) {
                        out.prims[i].a.x += dx;
                        if (out.prims[i].type != Prim::Text && out.prims[i].type != Prim::CircleFilled)
                            out.prims[i].b.x += dx;
                    }
                    for (std::size_t i = first_link; i < out.links.size(); ++i) {
                        out.links[i].min.x += dx;
                        out.links[i].max.x += dx;
                    }
                }
                if (c == 0) first_cells.push_back({first_prim, out.prims.size(), first_link, out.links.size()});
                if (c > 0) {  // column rule, given its height when the row's is known
                    column_rules.push_back(out.prims.size());
                    add_rect(out, Prim::Line, ImVec2(cx, cy), ImVec2(cx, cy), palette().rule, 1.0f);
                }
                cx += col_w[c];
            }
            row_h += 2 * pad_y;
            for (std::size_t i : column_rules) out.prims[i].b.y = cy + row_h;
            column_rules.clear();
            if (r == 0) out.prims[frame].b.y = cy + row_h;
            cy += row_h;
            row_bottoms.push_back(cy);
            add_rect(out, Prim::Line, ImVec2(x, cy), ImVec2(x + table_w, cy), r == 0 ? palette().muted : palette().rule,
                     1.0f);
        }
        add_rect(out, Prim::Rect, ImVec2(x, y), ImVec2(x + table_w, cy), palette().rule, 1.0f);
        out.prims.back().rounding = 0;
        if (!scrolls) return cy - y;

        // Text reaches right to b.x, so a frame can skip the cells scrolled out of view at either side.
        for (std::size_t i = begin; i < out.prims.size(); ++i) {
            Prim& p = out.prims[i];
            if (p.type == Prim::Text) p.b = ImVec2(p.a.x + text_width(p.font, p.begin, p.end), p.a.y + p.font->FontSize);
        }
        ScrollRegion region;
        region.scrollbar = std::max(8.0f, body_size() * 0.75f);
        region.min = ImVec2(x, y);
        region.max = ImVec2(x + width, cy + region.scrollbar);
        region.content_width = table_w;
        region.frozen_width = freeze ? col_w[0] : 0;
        region.begin = begin;
        region.frozen = out.prims.size();
        region.links_begin = links_begin;
        region.links_frozen = out.links.size();
        region.key = &t;
        if (freeze) {
            const float right = x + col_w[0];
            add_rect(out, Prim::RectFilled, ImVec2(x, y), ImVec2(right, cy), surface, 0);
            add_rect(out, Prim::RectFilled, ImVec2(x, y), ImVec2(right, row_bottoms[0]), palette().code_bg, 0);
            for (const auto& cell : first_cells) {
                for (std::size_t i = cell[0]; i < cell[1]; ++i) {
                    const Prim copy = out.prims[i];  // not a reference into the vector that grows
                    out.prims.push_back(copy);
                }
                for (std::size_t i = cell[2]; i < cell[3]; ++i) {
                    const LinkArea copy = out.links[i];
                    out.links.push_back(copy);
                }
            }
            for (std::size_t r = 0; r < row_bottoms.size(); ++r)
                add_rect(out, Prim::Line, ImVec2(x, row_bottoms[r]), ImVec2(right, row_bottoms[r]),
                         r == 0 ? palette().muted : palette().rule, 1.0f);
            add_rect(out, Prim::Line, ImVec2(x, y), ImVec2(right, y), palette().rule, 1.0f);
            add_rect(out, Prim::Line, ImVec2(x, y), ImVec2(x, cy), palette().rule, 1.0f);
            // A stronger rule than the others: the edge the other columns slide under.
            add_rect(out, Prim::Line, ImVec2(right, y), ImVec2(right, cy), palette().muted, 1.0f);
        }
        region.end = out.prims.size();
        region.links_end = out.links.size();
        out.scrolls.push_back(region);
        return region.max.y - y;
    }

    // Process boxes: each step gets a filled numbered circle and a hairline between steps.
    float process_steps(const Block& b, float x, float y, float width, const CalloutColors& c) {
        float y0 = y;
        for (const Block& child : b.children) {
            if (child.kind != BlockKind::OrderedList) {
                y += block(child, x, y, width, body_style()) + body_size() * 0.6f;
                continue;
            }
            int n = child.start_number;
            const float r = body_size() * 0.78f;
            const float indent = r * 2 + body_size() * 0.8f;
            for (std::size_t i = 0; i < child.children.size(); ++i, ++n) {
                Prim circle;
                circle.type = Prim::CircleFilled;
                circle.a = ImVec2(x + r, y + r * 0.95f);
                circle.b = ImVec2(r, 0);
                circle.color = c.accent;
                out.prims.push_back(circle);
                const char* num = own(out, std::to_string(n));
                float w = text_width(fonts.ui.bold, num, nullptr);
                add_text(out, fonts.ui.bold, ImVec2(x + r - w * 0.5f, y + r * 0.95f - fonts.ui.bold->FontSize * 0.5f),
                         palette().on_accent, num, num + std::strlen(num));
                mark_decoration(out);  // ink on a filled circle: a highlight there would hide the circle
                float h = blocks(child.children[i].children, x + indent, y, width - indent, body_style());
                y += std::max(h, r * 2);
                if (i + 1 < child.children.size()) {
                    y += body_size() * 0.55f;
                    add_rect(out, Prim::Line, ImVec2(x + indent, y), ImVec2(x + width, y), palette().rule, 1.0f);
                    y += body_size() * 0.55f;
                }
            }
        }
        return y - y0;
    }

    float takeaways(const Block& b, float x, float y, float width) {
        float y0 = y;
        for (std::size_t i = 0; i < b.children.size(); ++i) {
            const Block& child = b.children[i];
            if (child.kind == BlockKind::BulletList || child.kind == BlockKind::OrderedList)
                y += list(child, x, y, width, body_style(), "\xE2\x9C\x93");  // ✓
            else
                y += block(child, x, y, width, body_style());
            if (i + 1 < b.children.size()) y += gap_after(child);
        }
        return y - y0;
    }
};

}  // namespace

float layout_spans(const std::vector<Span>& spans, const TextStyle& style, float x0, float y0, float width,
                   LaidOutBlock& out, InlineImages* images) {
    ImFont* base = style.font_override ? style.font_override : style.family->regular;
    const float lh = base->FontSize * style.line_height;
    const float baseline_pad = (lh - base->FontSize) * 0.5f;
    begin_flow(out);
    float x = 0, y = 0;
    bool line_has_text = false;
    bool line_counts = true;  // the line at y holds something (false right after a picture on lines of its own)
    std::vector<Piece> pieces;

    for (const Span& span : spans) {
        ImFont* f = style.font_override ? style.font_override
                                        : style.family->pick(span.style & kBold, span.style & kItalic, span.style & kCode);
        // Where a click goes: the model's url for web links, an owned "page:ID" for course pages; a refused or
        // unresolved link is drawn as text and gets no clickable area (nothing to hand to xdg-open).
        const std::string* target = nullptr;
        if ((span.style & kLink) && span.link == LinkKind::External) target = &span.url;
        if ((span.style & kLink) && span.link == LinkKind::Page && !span.page.empty()) {
            out.owned.push_back(page_link_url(span.page));  // "ID" or "ID#HEADING-ID": the reader scrolls to the heading
            target = &out.owned.back();
        }
        ImU32 col = target ? palette().link : (span.style & kCode) ? palette().heading : style.color;
        split_at_images(span, images, pieces);
        for (const Piece& piece : pieces) {
        if (piece.image) {
            const ImageRef& ref = *piece.image;
            const ImVec2 size = inline_image_size(ref.width, ref.height, lh, width);
            ImVec2 a;
            if (size.y > lh) {  // lines of its own
                if (line_has_text) y += lh;
                a = ImVec2(x0, y0 + y);
                y += size.y + lh * 0.2f;
                x = 0;
                line_has_text = line_counts = false;
            } else {
                if (line_has_text && x + size.x > width) {
                    x = 0;
                    y += lh;
                }
                a = ImVec2(x0 + x, y0 + y + (lh - size.y) * 0.5f);
                x += size.x;
                line_has_text = line_counts = true;
            }
            const ImVec2 b(a.x + size.x, a.y + size.y);
            add_inline_picture(out, piece.image, a, b, style.family->pick(false, true, false), piece.begin + 1,
                               piece.end - 1);
            if (target) out.links.push_back({a, b, target});  // a linked picture is clicked as its link
            continue;
        }
        const char* p = piece.begin;
        const char* end = piece.end;
        const char* run_begin = nullptr;  // the run being built on the current line
        float run_x = 0;
        auto flush = [&](const char* run_end) {
            if (!run_begin || run_begin == run_end) {
                run_begin = nullptr;
                return;
            }
            // trailing spaces take room but are not drawn or underlined
            const char* visible_end = run_end;
            while (visible_end > run_begin && visible_end[-1] == ' ') --visible_end;
            ImVec2 pos(x0 + run_x, y0 + y + baseline_pad + (base->FontSize - f->FontSize) * 0.7f);
            if (span.style & kCode) {
                float w = text_width(f, run_begin, visible_end);
                add_rect(out, Prim::RectFilled, ImVec2(pos.x - 2, y0 + y + baseline_pad - 1),
                         ImVec2(pos.x + w + 2, y0 + y + baseline_pad + base->FontSize + 2), palette().code_bg, 3);
            }
            add_text(out, f, pos, col, run_begin, visible_end);
            if (span.style & kStrike) {
                float w = text_width(f, run_begin, visible_end);
                float sy = y0 + y + baseline_pad + base->FontSize * 0.55f;
                add_rect(out, Prim::Line, ImVec2(pos.x, sy), ImVec2(pos.x + w, sy), col, 1.2f);
            }
            if (target) {
                float w = text_width(f, run_begin, visible_end);
                float uy = y0 + y + baseline_pad + base->FontSize + 1;
                add_rect(out, Prim::Line, ImVec2(pos.x, uy), ImVec2(pos.x + w, uy), color::with_alpha(palette().link, 120), 1);
                out.links.push_back({ImVec2(pos.x, y0 + y), ImVec2(pos.x + w, y0 + y + lh), target});
            }
            run_begin = nullptr;
        };
        while (p < end) {
            if (*p == '\n') {
                flush(p);
                x = 0;
                if (line_counts) y += lh;
                line_has_text = false;
                line_counts = true;
                ++p;
                continue;
            }
            // A token is a word and the spaces after it.
            const char* w_end = p;
            while (w_end < end && *w_end != ' ' && *w_end != '\n') ++w_end;
            const char* t_end = w_end;
            while (t_end < end && *t_end == ' ') ++t_end;
            float word_w = text_width(f, p, w_end);
            if (line_has_text && x + word_w > width) {
                flush(p);
                x = 0;
                y += lh;
                line_has_text = false;
                if (p < end && *p == ' ') continue;
            }
            // A word wider than what is left of the line (a URL, a long compound, a code span) breaks between
            // characters; the rest goes on the next line and breaks again if it must.
            if (w_end > p && x + word_w > width) {
                const char* cut = break_point(f, p, w_end, width - x, false);
                if (cut == p && x > 0) {  // not one letter fits after the leading spaces: start a fresh line
                    flush(p);
                    x = 0;
                    y += lh;
                    line_has_text = false;
                    continue;
                }
                if (cut == p) cut = next_code_point(p, w_end);  // a column narrower than one letter
                if (!run_begin) {
                    run_begin = p;
                    run_x = x;
                }
                line_counts = true;
                flush(cut);
                x = 0;
                y += lh;
                line_has_text = false;
                p = cut;
                continue;
            }
            if (!line_counts && w_end == p) {  // spaces after a picture on lines of its own: nothing to show
                p = t_end;
                continue;
            }
            if (!run_begin) {
                run_begin = p;
                run_x = x;
            }
            x += text_width(f, p, t_end);
            line_has_text = line_has_text || w_end > p;
            line_counts = true;
            p = t_end;
        }
        flush(end);
        }
    }
    return line_counts ? y + lh : y;
}

ImVec2 inline_image_size(int width, int height, float line_height, float room) {
    if (width <= 0 || height <= 0 || room <= 0) return ImVec2(0, 0);
    const float w = float(width), h = float(height);
    float scale;
    if (h <= 2 * line_height)
        scale = std::min({1.0f, (line_height - 2) / h, room / w});
    else
        scale = std::min({1.0f, room / w, 12 * line_height / h});
    return ImVec2(w * scale, h * scale);
}

ImVec2 image_display_size(int width, int height, float column) {
    if (width <= 0 || height <= 0 || column <= 0) return ImVec2(0, 0);
    const float scale = std::min(column / float(width), 2.0f);
    return ImVec2(float(width) * scale, float(height) * scale);
}

LaidOutBlock layout_block(const Block& block, const Fonts& fonts, float width) {
    LaidOutBlock out;
    out.source = &block;
    Layouter l{fonts, out};
    float h = l.block(block, 0, 0, width, l.body_style());
    out.height = h + l.gap_after(block);
    return out;
}

}  // namespace gw::ui
