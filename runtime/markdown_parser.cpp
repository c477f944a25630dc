#include "runtime/markdown_parser.h"

#include <cmark.h>

#include <memory>

namespace gw {

namespace {

struct Parser {
    int line_offset;
    const std::string& path;
    std::vector<Diagnostic>& out;

    int line_of(cmark_node* n) const {
        int l = cmark_node_get_start_line(n);
        return l > 0 ? l + line_offset : 0;
    }

    static void append(std::vector<Span>& spans, std::string text, std::uint8_t style, const std::string& url) {
        if (text.empty()) return;
        if (!spans.empty() && spans.back().style == style && spans.back().url == url) {
            spans.back().text += text;
            return;
        }
        spans.push_back({std::move(text), style, url});
    }

    void inlines(cmark_node* parent, std::uint8_t style, const std::string& url, std::vector<Span>& spans) {
        for (cmark_node* n = cmark_node_first_child(parent); n; n = cmark_node_next(n)) {
            switch (cmark_node_get_type(n)) {
            case CMARK_NODE_TEXT:
            case CMARK_NODE_HTML_INLINE:
                append(spans, cmark_node_get_literal(n), style, url);
                break;
            case CMARK_NODE_CODE:
                append(spans, cmark_node_get_literal(n), std::uint8_t(style | kCode), url);
                break;
            case CMARK_NODE_SOFTBREAK:
                append(spans, " ", style, url);
                break;
            case CMARK_NODE_LINEBREAK:
                append(spans, "\n", style, url);
                break;
            case CMARK_NODE_EMPH:
                inlines(n, std::uint8_t(style | kItalic), url, spans);
                break;
            case CMARK_NODE_STRONG:
                inlines(n, std::uint8_t(style | kBold), url, spans);
                break;
            case CMARK_NODE_LINK:
                inlines(n, std::uint8_t(style | kLink), cmark_node_get_url(n) ? cmark_node_get_url(n) : "", spans);
                break;
            case CMARK_NODE_IMAGE: {
                // Images are not shown; their description keeps the sentence whole.
                std::vector<Span> alt;
                inlines(n, style, url, alt);
                append(spans, "[" + plain_text(alt) + "]", std::uint8_t(style | kItalic), url);
                break;
            }
            default:
                inlines(n, style, url, spans);
                break;
            }
        }
    }

    std::string node_text(cmark_node* n) {
        std::vector<Span> spans;
        if (cmark_node_get_type(n) == CMARK_NODE_TEXT || cmark_node_get_type(n) == CMARK_NODE_CODE)
            return cmark_node_get_literal(n);
        inlines(n, kPlain, "", spans);
        return plain_text(spans);
    }

    // `[!KIND] Title` on the first line of a quote's first paragraph: returns the marker and strips that line.
    bool take_marker(cmark_node* quote, std::string* kind, std::string* title, int* line) {
        cmark_node* para = cmark_node_first_child(quote);
        if (!para || cmark_node_get_type(para) != CMARK_NODE_PARAGRAPH) return false;
        // cmark splits "[!KIND]" over several text nodes, and the title may hold emphasis: take the whole line.
        std::string first_line;
        std::vector<cmark_node*> line_nodes;
        for (cmark_node* n = cmark_node_first_child(para); n; n = cmark_node_next(n)) {
            auto type = cmark_node_get_type(n);
            line_nodes.push_back(n);
            if (type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK) break;
            first_line += node_text(n);
        }
        std::size_t i = first_line.find_first_not_of(" \t");
        if (i == std::string::npos || first_line.compare(i, 2, "[!") != 0) return false;
        std::size_t close = first_line.find(']', i + 2);
        if (close == std::string::npos) return false;
        std::string name = first_line.substr(i + 2, close - i - 2);
        if (name.empty() || name.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_-") !=
                                std::string::npos)
            return false;
        *kind = name;
        std::string rest = first_line.substr(close + 1);
        rest.erase(0, rest.find_first_not_of(" \t"));
        while (!rest.empty() && rest.back() == ' ') rest.pop_back();
        *title = rest;
        *line = line_of(para);
        for (cmark_node* n : line_nodes) cmark_node_free(n);
        if (!cmark_node_first_child(para)) cmark_node_free(para);
        return true;
    }

    std::vector<Block> blocks(cmark_node* parent) {
        std::vector<Block> result;
        for (cmark_node* n = cmark_node_first_child(parent); n; n = cmark_node_next(n)) {
            Block b;
            b.line = line_of(n);
            switch (cmark_node_get_type(n)) {
            case CMARK_NODE_PARAGRAPH:
                b.kind = BlockKind::Paragraph;
                inlines(n, kPlain, "", b.spans);
                break;
            case CMARK_NODE_HEADING:
                b.kind = BlockKind::Heading;
                b.level = cmark_node_get_heading_level(n);
                inlines(n, kPlain, "", b.spans);
                break;
            case CMARK_NODE_LIST:
                b.kind = cmark_node_get_list_type(n) == CMARK_ORDERED_LIST ? BlockKind::OrderedList
                                                                           : BlockKind::BulletList;
                b.start_number = cmark_node_get_list_start(n);
                b.children = blocks(n);
                break;
            case CMARK_NODE_ITEM:
                b.kind = BlockKind::ListItem;
                b.children = blocks(n);
                break;
            case CMARK_NODE_CODE_BLOCK:
            case CMARK_NODE_HTML_BLOCK: {
                b.kind = BlockKind::Code;
                std::string literal = cmark_node_get_literal(n) ? cmark_node_get_literal(n) : "";
                while (!literal.empty() && literal.back() == '\n') literal.pop_back();
                b.spans.push_back({literal, kCode, ""});
                break;
            }
            case CMARK_NODE_THEMATIC_BREAK:
                b.kind = BlockKind::Rule;
                break;
            case CMARK_NODE_BLOCK_QUOTE: {
                std::string kind, title;
                int marker_line = b.line;
                if (take_marker(n, &kind, &title, &marker_line)) {
                    CalloutKind ck = callout_kind_from_name(kind);
                    if (ck == CalloutKind::None) {
                        out.push_back({path, marker_line, Severity::Error,
                                       "unknown block kind [!" + kind +
                                           "] (known: LEAD, STAT, PROCESS, MISTAKE, INSIGHT, PAUSE, QUOTE, "
                                           "TAKEAWAYS, REFLECTION, OUTCOME)"});
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
                continue;
            }
            result.push_back(std::move(b));
        }
        return result;
    }
};

}  // namespace

std::vector<Block> parse_markdown(const std::string& markdown, int first_line, const std::string& display_path,
                                  std::vector<Diagnostic>& out) {
    std::unique_ptr<cmark_node, decltype(&cmark_node_free)> doc(
        cmark_parse_document(markdown.data(), markdown.size(), CMARK_OPT_SMART), cmark_node_free);
    if (!doc) {
        out.push_back({display_path, first_line, Severity::Error, "the Markdown could not be parsed"});
        return {};
    }
    Parser p{first_line - 1, display_path, out};
    return p.blocks(doc.get());
}

}  // namespace gw
