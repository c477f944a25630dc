#include "runtime/markdown/markdown_parser.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <mutex>

#include "runtime/markdown/heading_slug.h"
#include "runtime/markdown/link_target.h"
#include "runtime/text/text_normalization.h"

namespace gw {

namespace {

// Extension node kinds have no fixed enum value in cmark-gfm; their type strings are stable API.
bool is_type(cmark_node* n, const char* type) {
    return std::strcmp(cmark_node_get_type_string(n), type) == 0;
}

std::string literal(cmark_node* n) {
    const char* l = cmark_node_get_literal(n);
    return l ? l : "";
}

bool is_blank(const std::string& s, std::size_t from = 0) {
    return s.find_first_not_of(" \t\r\n", from) == std::string::npos;
}

// An HTML comment and nothing else (the CommonMark HTML block of type 2 runs to the line holding "-->").
bool is_comment_only(const std::string& html) {
    std::size_t start = html.find_first_not_of(" \t\r\n");
    if (start == std::string::npos || html.compare(start, 4, "<!--") != 0) return false;
    std::size_t end = html.rfind("-->");
    return end != std::string::npos && end >= start + 4 && is_blank(html, end + 3);
}

// `<br>`, `<br/>`, `<br />` in any case: GitHub renders them as a line break.
bool is_line_break_tag(const std::string& html) {
    if (html.size() < 4 || html[0] != '<' || (html[1] != 'b' && html[1] != 'B') || (html[2] != 'r' && html[2] != 'R'))
        return false;
    std::size_t i = 3;
    while (i < html.size() && (html[i] == ' ' || html[i] == '\t' || html[i] == '\n')) ++i;
    if (i < html.size() && html[i] == '/') ++i;
    return i + 1 == html.size() && html[i] == '>';
}

std::string first_line_of(const std::string& s) {
    std::string line = s.substr(0, s.find('\n'));
    return line.size() > 60 ? line.substr(0, 57) + "..." : line;
}

// Quotes, lists and emphasis nest without limit in CommonMark; the model and the layout are built by recursion, so
// a hostile file of 20,000 `>` would overflow the stack. No real course nests anywhere near this deep.
constexpr int kMaxNesting = 32;

struct NestingGuard {
    int& depth;
    explicit NestingGuard(int& d) : depth(++d) {}
    ~NestingGuard() { --depth; }
};

// The text of a subtree, walked without recursion (cmark's iterator keeps its own stack).
std::string flat_text(cmark_node* root) {
    std::string text;
    cmark_iter* it = cmark_iter_new(root);
    for (cmark_event_type ev; (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE;) {
        if (ev != CMARK_EVENT_ENTER) continue;
        cmark_node* n = cmark_iter_get_node(it);
        const int type = cmark_node_get_type(n);
        if (type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE || type == CMARK_NODE_CODE_BLOCK) {
            if (const char* l = cmark_node_get_literal(n)) text += l;
        } else if (type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK ||
                   (type == CMARK_NODE_PARAGRAPH && !text.empty() && text.back() != ' ')) {
            text += ' ';
        }
    }
    cmark_iter_free(it);
    return text;
}

// A heading's text content as GitHub slugs it (the HTML element's textContent): text and code, no image
// descriptions, no tags; line breaks are dropped by the slug rules anyway.
std::string heading_text(cmark_node* heading) {
    std::string text;
    cmark_iter* it = cmark_iter_new(heading);
    for (cmark_event_type ev; (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE;) {
        cmark_node* n = cmark_iter_get_node(it);
        const int type = cmark_node_get_type(n);
        if (ev == CMARK_EVENT_ENTER && type == CMARK_NODE_IMAGE) {
            // An image's description is an attribute in HTML, not text: skip its subtree.
            cmark_iter_reset(it, n, CMARK_EVENT_EXIT);
            continue;
        }
        if (ev == CMARK_EVENT_ENTER && (type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE))
            if (const char* l = cmark_node_get_literal(n)) text += l;
    }
    cmark_iter_free(it);
    return text;
}

// Smart punctuation turns `--` into an en dash, which the slug rules drop, where GitHub (which has no smart
// punctuation) keeps "--". Such a heading's text is taken from its source parsed without smart punctuation.
std::string heading_text_as_written(const std::string& source_lines) {
    std::unique_ptr<cmark_node, decltype(&cmark_node_free)> doc(
        cmark_parse_document(source_lines.data(), source_lines.size(), CMARK_OPT_DEFAULT), cmark_node_free);
    if (!doc) return "";
    std::string text;
    cmark_iter* it = cmark_iter_new(doc.get());
    for (cmark_event_type ev; (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE;) {
        cmark_node* n = cmark_iter_get_node(it);
        if (ev == CMARK_EVENT_ENTER && cmark_node_get_type(n) == CMARK_NODE_HEADING) {
            text = heading_text(n);
            break;
        }
    }
    cmark_iter_free(it);
    return text;
}

struct Parser {
    int line_offset;
    const std::string& path;
    const std::string& source;
    std::vector<Diagnostic>& out;
    std::vector<std::size_t> line_starts;  // byte offset of each source line, for the marker rule

    int line_of(cmark_node* n) const {
        int l = cmark_node_get_start_line(n);
        return l > 0 ? l + line_offset : 0;
    }

    // Source text from 1-based (line, column) to the end of that line; "" when out of range.
    std::string source_at(int line, int column) const {
        if (line < 1 || std::size_t(line) > line_starts.size() || column < 1) return "";
        std::size_t begin = line_starts[line - 1];
        std::size_t end = source.find('\n', begin);
        std::string text = source.substr(begin, end == std::string::npos ? std::string::npos : end - begin);
        return std::size_t(column - 1) < text.size() ? text.substr(column - 1) : "";
    }

    bool smart_punctuation = true;
    HeadingIds heading_ids{};  // one document's ids, handed out in reading order

    std::string heading_id(cmark_node* n) {
        std::string text = heading_text(n);
        const bool dashes = text.find("\xE2\x80\x93") != std::string::npos || text.find("\xE2\x80\x94") != std::string::npos;
        if (smart_punctuation && dashes) {
            const int first = cmark_node_get_start_line(n), last = cmark_node_get_end_line(n);
            if (first >= 1 && last >= first && std::size_t(last) <= line_starts.size()) {
                const std::size_t begin = line_starts[first - 1];
                const std::size_t end = std::size_t(last) < line_starts.size() ? line_starts[last] : source.size();
                text = heading_text_as_written(source.substr(begin, end - begin));
            }
        }
        return heading_ids.next(to_nfc(text));
    }

    int block_depth = 0;
    int inline_depth = 0;
    bool reported_depth = false;

    void too_deep(cmark_node* n) {
        if (reported_depth) return;
        reported_depth = true;
        out.push_back({path, line_of(n), Severity::Warning,
                       "nested more than " + std::to_string(kMaxNesting) +
                           " levels deep; the deeper levels are shown as plain text (flatten the quotes or lists)"});
    }

    void warn_html(cmark_node* n, const std::string& html) {
        out.push_back({path, line_of(n), Severity::Warning,
                       "raw HTML is not shown to learners: '" + first_line_of(html) +
                           "' (write it in Markdown; comments and <br> are fine)"});
    }

    // Text is normalised to NFC here as well as at load: an entity (`e&#x301;`) only becomes its character in cmark,
    // and a combining mark arriving in the next text node must join the letter before it.
    static void append(std::vector<Span>& spans, std::string text, std::uint8_t style, const Span& link) {
        if (text.empty()) return;
        const bool ascii = std::all_of(text.begin(), text.end(), [](char c) { return (c & 0x80) == 0; });
        if (!spans.empty() && spans.back().image < 0 && spans.back().style == style && spans.back().url == link.url &&
            spans.back().link == link.link) {
            // NFC(a + b) is NFC(a) + NFC(b) when b starts with an ASCII character: ASCII is never reordered nor
            // composed with what precedes it. Only a non-ASCII start (maybe a combining mark) renormalises the join.
            if (ascii)
                spans.back().text += text;
            else if ((text[0] & 0x80) == 0)
                spans.back().text += to_nfc(text);
            else
                spans.back().text = to_nfc(spans.back().text + text);
            return;
        }
        Span s = link;
        s.text = ascii ? std::move(text) : to_nfc(text);
        s.style = style;
        spans.push_back(std::move(s));
    }

    Span link_span(cmark_node* n) {
        Span s;
        s.url = cmark_node_get_url(n) ? cmark_node_get_url(n) : "";
        s.line = line_of(n);
        LinkTarget t = classify_link(s.url, path);
        s.link = t.kind;
        s.link_file = std::move(t.file);
        s.link_anchor = std::move(t.anchor);
        if (t.kind == LinkKind::Refused)
            out.push_back({path, s.line, Severity::Warning, "link to '" + s.url + "' is never opened: " + t.reason});
        return s;
    }

    // Where images met inside inline content are recorded (the block being built); null to drop them.
    std::vector<ImageRef>* inline_images = nullptr;

    ImageRef image_ref(cmark_node* n, std::string alt) const {
        ImageRef r;
        r.url = cmark_node_get_url(n) ? cmark_node_get_url(n) : "";
        r.alt = std::move(alt);
        r.line = line_of(n);
        return r;
    }

    void inlines(cmark_node* parent, std::uint8_t style, const Span& link, std::vector<Span>& spans) {
        NestingGuard guard(inline_depth);
        if (inline_depth > kMaxNesting) {
            too_deep(parent);
            append(spans, flat_text(parent), style, link);
            return;
        }
        for (cmark_node* n = cmark_node_first_child(parent); n; n = cmark_node_next(n))
            inline_node(n, style, link, spans);
    }

    void inline_node(cmark_node* n, std::uint8_t style, const Span& link, std::vector<Span>& spans) {
        {
            switch (cmark_node_get_type(n)) {
            case CMARK_NODE_TEXT:
                append(spans, literal(n), style, link);
                break;
            case CMARK_NODE_HTML_INLINE: {
                // Raw HTML is never rendered (PRODUCT.md, Guarantees); <br> is the one tag trainers use for layout.
                std::string html = literal(n);
                if (is_line_break_tag(html))
                    append(spans, "\n", style, link);
                else if (!is_comment_only(html) && html.rfind("</", 0) != 0)  // a closing tag: its opening one said it
                    warn_html(n, html);
                break;
            }
            case CMARK_NODE_CODE:
                append(spans, literal(n), std::uint8_t(style | kCode), link);
                break;
            case CMARK_NODE_SOFTBREAK:
                append(spans, " ", style, link);
                break;
            case CMARK_NODE_LINEBREAK:
                append(spans, "\n", style, link);
                break;
            case CMARK_NODE_EMPH:
                inlines(n, std::uint8_t(style | kItalic), link, spans);
                break;
            case CMARK_NODE_STRONG:
                inlines(n, std::uint8_t(style | kBold), link, spans);
                break;
            case CMARK_NODE_LINK:
                inlines(n, std::uint8_t(style | kLink), link_span(n), spans);
                break;
            case CMARK_NODE_IMAGE: {
                // An image inside a heading, a link or a table cell cannot be drawn there: its description keeps
                // the sentence whole, and the image is still checked (paragraph() makes images of the others).
                std::vector<Span> alt;
                inlines(n, style, link, alt);
                Span stand_in = link;
                stand_in.text = "[" + plain_text(alt) + "]";
                stand_in.style = std::uint8_t(style | kItalic);
                if (inline_images) {
                    inline_images->push_back(image_ref(n, plain_text(alt)));
                    stand_in.image = int(inline_images->size() - 1);
                }
                spans.push_back(std::move(stand_in));
                break;
            }
            default:
                if (is_type(n, "strikethrough"))
                    inlines(n, std::uint8_t(style | kStrike), link, spans);
                else
                    inlines(n, style, link, spans);
                break;
            }
        }
    }

    std::string node_text(cmark_node* n) {
        if (cmark_node_get_type(n) == CMARK_NODE_TEXT || cmark_node_get_type(n) == CMARK_NODE_CODE) return literal(n);
        std::vector<Span> spans;
        inlines(n, kPlain, Span{}, spans);
        return plain_text(spans);
    }

    // `[!KIND] Title` as the first plain text of a quote's first paragraph. The marker must be written as such in
    // the source (GitHub's rule): `\[!NOTE]` and `` `[!NOTE]` `` are text. Returns true when a marker was found,
    // with its name and title; when `known` accepts the name, the marker's line is removed from the paragraph.
    template <class Known>
    bool take_marker(cmark_node* quote, std::string* kind, std::string* title, int* line, Known known) {
        cmark_node* para = cmark_node_first_child(quote);
        if (!para || cmark_node_get_type(para) != CMARK_NODE_PARAGRAPH) return false;
        cmark_node* first = cmark_node_first_child(para);
        if (!first || cmark_node_get_type(first) != CMARK_NODE_TEXT) return false;
        if (source_at(cmark_node_get_start_line(para), cmark_node_get_start_column(para)).rfind("[!", 0) != 0)
            return false;
        // cmark splits "[!KIND]" over several text nodes: the marker is read from the leading run of text nodes
        // only, the title from the rest of the line (it may hold emphasis).
        std::string marker_text;
        for (cmark_node* n = first; n && cmark_node_get_type(n) == CMARK_NODE_TEXT; n = cmark_node_next(n))
            marker_text += literal(n);
        std::size_t close = marker_text.find(']');
        if (marker_text.rfind("[!", 0) != 0 || close == std::string::npos) return false;
        std::string name = marker_text.substr(2, close - 2);
        if (name.empty() || name.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_-") !=
                                std::string::npos)
            return false;
        std::string rest = marker_text.substr(close + 1);
        std::vector<cmark_node*> line_nodes;
        bool in_marker_run = true;
        for (cmark_node* m = first; m; m = cmark_node_next(m)) {
            line_nodes.push_back(m);
            auto type = cmark_node_get_type(m);
            if (type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK) break;
            if (in_marker_run && type == CMARK_NODE_TEXT) continue;  // already in marker_text
            in_marker_run = false;
            rest += node_text(m);
        }
        rest.erase(0, rest.find_first_not_of(" \t"));
        while (!rest.empty() && (rest.back() == ' ' || rest.back() == '\t')) rest.pop_back();
        *kind = name;
        *title = rest;
        *line = line_of(para);
        if (!known(name)) return true;  // the quote keeps its text; the caller reports the unknown kind
        for (cmark_node* m : line_nodes) cmark_node_free(m);
        if (!cmark_node_first_child(para)) cmark_node_free(para);
        return true;
    }

    Table table(cmark_node* n) {
        Table t;
        const std::uint16_t columns = cmark_gfm_extensions_get_table_columns(n);
        const std::uint8_t* align = cmark_gfm_extensions_get_table_alignments(n);
        for (std::uint16_t i = 0; i < columns; ++i) {
            const std::uint8_t a = align ? align[i] : 0;
            t.align.push_back(a == 'l' ? ColumnAlign::Left
                              : a == 'c' ? ColumnAlign::Center
                              : a == 'r' ? ColumnAlign::Right
                                         : ColumnAlign::None);
        }
        for (cmark_node* row = cmark_node_first_child(n); row; row = cmark_node_next(row)) {
            std::vector<TableCell> cells;
            for (cmark_node* cell = cmark_node_first_child(row); cell && cells.size() < columns;
                 cell = cmark_node_next(cell)) {
                cells.emplace_back();
                inlines(cell, kPlain, Span{}, cells.back().spans);
            }
            cells.resize(columns);
            t.rows.push_back(std::move(cells));
        }
        return t;
    }

    // Trims the spaces and line breaks an image leaves at the edges of the text around it.
    static void trim_spans(std::vector<Span>& spans) {
        while (!spans.empty()) {
            std::string& t = spans.front().text;
            t.erase(0, t.find_first_not_of(" \n"));
            if (!t.empty()) break;
            spans.erase(spans.begin());
        }
        while (!spans.empty()) {
            std::string& t = spans.back().text;
            std::size_t last = t.find_last_not_of(" \n");
            t.erase(last == std::string::npos ? 0 : last + 1);
            if (!t.empty()) break;
            spans.pop_back();
        }
    }

    // A paragraph, with each image written directly in it (`![alt](file)`, not inside a link or emphasis) made an
    // Image block of its own, and the text before, between and after images kept as paragraphs in order.
    void paragraph(cmark_node* n, int line, std::vector<Block>& result) {
        Block text;
        text.line = line;
        inline_images = &text.images;
        bool has_image = false;
        // A text run next to an image loses the spaces and breaks at its edges, and goes if nothing else is left.
        auto push_text = [&] {
            if (has_image) trim_spans(text.spans);
            if (!text.spans.empty() || !text.images.empty() || !has_image) result.push_back(std::move(text));
            text = Block{};
            text.line = line;
            inline_images = &text.images;
        };
        for (cmark_node* c = cmark_node_first_child(n); c; c = cmark_node_next(c)) {
            if (cmark_node_get_type(c) != CMARK_NODE_IMAGE) {
                if (has_image && is_blank(plain_text(text.spans)) && line_of(c) > 0) text.line = line_of(c);
                inline_node(c, kPlain, Span{}, text.spans);
                continue;
            }
            has_image = true;
            push_text();
            Block img;
            img.kind = BlockKind::Image;
            img.line = line_of(c) > 0 ? line_of(c) : line;
            std::vector<ImageRef> nested;  // an image inside the description: checked, never drawn
            inline_images = &nested;
            inlines(c, kPlain, Span{}, img.spans);
            img.images.push_back(image_ref(c, plain_text(img.spans)));
            img.images.back().line = img.line;
            img.images.insert(img.images.end(), nested.begin(), nested.end());
            result.push_back(std::move(img));
            inline_images = &text.images;
        }
        push_text();
        inline_images = nullptr;
    }

    std::vector<Block> blocks(cmark_node* parent) {
        std::vector<Block> result;
        NestingGuard guard(block_depth);
        if (block_depth > kMaxNesting) {
            // Deeper quotes and lists are shown flat, as one paragraph of their text.
            too_deep(parent);
            Block flat;
            flat.line = line_of(parent);
            flat.spans.push_back(Span{});
            flat.spans.back().text = flat_text(parent);
            result.push_back(std::move(flat));
            return result;
        }
        for (cmark_node* n = cmark_node_first_child(parent); n; n = cmark_node_next(n)) {
            Block b;
            b.line = line_of(n);
            inline_images = &b.images;  // images in this block's own inline content (heading, table cells, title)
            switch (cmark_node_get_type(n)) {
            case CMARK_NODE_PARAGRAPH:
                paragraph(n, b.line, result);
                continue;
            case CMARK_NODE_HEADING:
                b.kind = BlockKind::Heading;
                b.level = cmark_node_get_heading_level(n);
                inlines(n, kPlain, Span{}, b.spans);
                b.id = heading_id(n);
                break;
            case CMARK_NODE_LIST:
                b.kind = cmark_node_get_list_type(n) == CMARK_ORDERED_LIST ? BlockKind::OrderedList
                                                                           : BlockKind::BulletList;
                b.start_number = cmark_node_get_list_start(n);
                b.children = blocks(n);
                break;
            case CMARK_NODE_ITEM:
                b.kind = BlockKind::ListItem;
                b.task = is_type(n, "tasklist");
                b.checked = b.task && cmark_gfm_extensions_get_tasklist_item_checked(n);
                b.children = blocks(n);
                break;
            case CMARK_NODE_CODE_BLOCK: {
                b.kind = BlockKind::Code;
                std::string text = literal(n);
                while (!text.empty() && text.back() == '\n') text.pop_back();
                Span code;
                code.text = std::move(text);
                code.style = kCode;
                b.spans.push_back(std::move(code));
                break;
            }
            case CMARK_NODE_HTML_BLOCK: {
                // Raw HTML is never rendered; a comment is the trainer's note to themselves and stays silent.
                std::string html = literal(n);
                if (!is_comment_only(html)) warn_html(n, html);
                continue;
            }
            case CMARK_NODE_THEMATIC_BREAK:
                b.kind = BlockKind::Rule;
                break;
            case CMARK_NODE_BLOCK_QUOTE: {
                std::string kind, title;
                int marker_line = b.line;
                auto known = [](const std::string& k) { return callout_kind_from_name(k) != CalloutKind::None; };
                if (take_marker(n, &kind, &title, &marker_line, known)) {
                    CalloutKind ck = callout_kind_from_name(kind);
                    if (ck == CalloutKind::None) {
                        out.push_back({path, marker_line, Severity::Error,
                                       "unknown block kind [!" + kind + "] (known: " + callout_known_names() + ")"});
                        b.kind = BlockKind::Quote;
                    } else {
                        b.kind = BlockKind::Callout;
                        b.callout = ck;
                        b.title = title.empty() ? callout_default_title(ck) : title;
                    }
                } else {
                    b.kind = BlockKind::Quote;
                }
                b.children = blocks(n);
                break;
            }
            default:
                if (is_type(n, "table")) {
                    b.kind = BlockKind::Table;
                    b.table = table(n);
                    break;
                }
                continue;
            }
            result.push_back(std::move(b));
        }
        return result;
    }
};

}  // namespace

std::vector<Block> parse_markdown(const std::string& markdown, int first_line, const std::string& display_path,
                                  std::vector<Diagnostic>& out, const MarkdownOptions& options) {
    static std::once_flag registered;
    std::call_once(registered, [] { cmark_gfm_core_extensions_ensure_registered(); });
    std::unique_ptr<cmark_parser, decltype(&cmark_parser_free)> parser(
        cmark_parser_new(options.smart_punctuation ? CMARK_OPT_SMART : CMARK_OPT_DEFAULT), cmark_parser_free);
    for (const char* name : {"table", "strikethrough", "autolink", "tasklist"})
        if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name))
            cmark_parser_attach_syntax_extension(parser.get(), ext);
    cmark_parser_feed(parser.get(), markdown.data(), markdown.size());
    std::unique_ptr<cmark_node, decltype(&cmark_node_free)> doc(cmark_parser_finish(parser.get()), cmark_node_free);
    if (!doc) {
        out.push_back({display_path, first_line, Severity::Error, "the Markdown could not be parsed"});
        return {};
    }
    Parser p{first_line - 1, display_path, markdown, out, {0}};
    p.smart_punctuation = options.smart_punctuation;
    for (std::size_t i = 0; i < markdown.size(); ++i)
        if (markdown[i] == '\n') p.line_starts.push_back(i + 1);
    return p.blocks(doc.get());
}

}  // namespace gw
