#pragma once
// The in-memory document model a Markdown file becomes at load time. Frames only walk it; nothing here is
// re-parsed while the app runs.
#include <cstdint>
#include <string>
#include <vector>

namespace gw {

enum SpanStyle : std::uint8_t { kPlain = 0, kBold = 1, kItalic = 2, kCode = 4, kLink = 8, kStrike = 16 };

// What a link does, decided once at load (see runtime/markdown/link_target.h): only External ever leaves the app.
enum class LinkKind : std::uint8_t {
    None,      // not a link
    External,  // http, https or mailto: handed to the desktop's browser or mail client
    Page,      // another file of the course: opens that page in the app
    Refused,   // any other scheme (javascript:, file:, data:, ...): drawn as text, never opened
};

// A run of text with one style. Text holds no line breaks except a hard break ("\n", also from `<br>`).
struct Span {
    std::string text;
    std::uint8_t style = kPlain;
    std::string url;  // set when style has kLink: the target as written
    LinkKind link = LinkKind::None;
    // Page links: the course file (relative to the course root, lexically normal) and "#anchor" if any; after
    // resolve_page_links, `page` holds the page id the link opens (empty when the file is not a page), then
    // '#' and the heading's id when the anchor names a heading of that page.
    std::string link_file;
    std::string link_anchor;
    std::string page;
    int line = 0;  // links: the 1-based source line, for check's messages
    // An image written inline (in a heading, a table cell, a link's text): its index in the owning block's `images`,
    // and `text` is its "[alt]" stand-in, in a span of its own. -1 for text. Layout draws the picture from this
    // index, never by looking for the alt text (two images may share one).
    int image = -1;
};

enum class BlockKind : std::uint8_t {
    Paragraph, Heading, BulletList, OrderedList, ListItem, Quote, Callout, Code, Rule, Table,
    Image  // an image written as a paragraph of its own (or between text runs of one): `![alt](file.png)`
};

// What check found for an image (runtime/markdown/image_ref.h). Only Ok images are drawn; the others show their alt text.
enum class ImageStatus : std::uint8_t {
    Unchecked,    // not looked up yet (parse_markdown alone; resolve_images fills it in)
    Ok,           // a PNG or JPEG within the limits; width/height known
    Remote,       // http/https: never fetched (a course works offline and never calls out)
    Refused,      // another scheme, an absolute path, or a path out of the course folder
    Missing,      // no such file
    Unreadable,   // cannot be opened, or not a PNG/JPEG stb_image can read
    TooLarge,     // over the size cap (pixels a side or bytes)
};

// An image reference `![alt](url)`: written in the Markdown, checked at load (runtime/markdown/image_ref.h). The pixels are
// decoded only in ui/, when the image comes on screen; layout needs only width and height (the aspect ratio).
struct ImageRef {
    std::string url;   // as written
    std::string alt;   // the description as plain text
    int line = 0;      // 1-based source line
    ImageStatus status = ImageStatus::Unchecked;
    std::string file;  // relative to the course root, lexically normal ("ch19/images/map.png"); "" when not a file
    std::string path;  // the file to open (course root joined with `file`); set by resolve_images
    int width = 0, height = 0;      // pixels (Ok only), from the file's header
    std::uint64_t bytes = 0;        // file size; with `mtime_ns`, the texture cache's key (a changed file reloads)
    std::int64_t mtime_ns = 0;      // last write time, nanoseconds of the file clock
};

// The special blocks a course can use, written as `> [!KIND] Title` (see docs/authoring.md): the course's own
// kinds, then GitHub's five alerts (docs.github.com, "Basic writing and formatting syntax", Alerts).
enum class CalloutKind : std::uint8_t {
    None, Lead, Stat, Process, Mistake, Insight, Pause, PullQuote, Takeaways, Reflection, Outcome,
    Note, Tip, Important, Warning, Caution
};

// Column alignment of a GFM table, from its delimiter row (`:--`, `:-:`, `--:`; GFM spec 0.29, section 4.10).
enum class ColumnAlign : std::uint8_t { None, Left, Center, Right };

struct TableCell {
    std::vector<Span> spans;
};

// A GFM table: rows[0] is the header row; every row has exactly `align.size()` cells (GFM pads short rows with
// empty cells and drops the excess of long ones).
struct Table {
    std::vector<ColumnAlign> align;
    std::vector<std::vector<TableCell>> rows;
};

struct Block {
    BlockKind kind = BlockKind::Paragraph;
    CalloutKind callout = CalloutKind::None;
    int level = 0;         // heading level
    // Heading: its anchor id, by GitHub's rules and unique in its file (runtime/markdown/heading_slug.h), so
    // `file.md#id` links open the page at it. Computed once by parse_markdown.
    std::string id;
    int start_number = 1;  // first number of an ordered list
    int line = 0;          // 1-based line in the source file
    std::string title;     // callout title (the default title for its kind when none was written)
    bool task = false;     // ListItem: a GFM task list item (`- [ ]` / `- [x]`)
    bool checked = false;  // task item: ticked
    Table table;           // Table only
    std::vector<Span> spans;      // inline content (Paragraph, Heading, Code; Image: the alt text)
    // Image: exactly one, the image itself. Other blocks: images written inline where an image block cannot go
    // (in a heading, a link, a table cell); they show as "[alt]" in `spans` but are checked all the same.
    std::vector<ImageRef> images;
    std::vector<Block> children;  // nested blocks (lists, items, quotes, callouts)
};

// Parse the marker word of `[!KIND]` (case-insensitive); None when unknown.
CalloutKind callout_kind_from_name(const std::string& name);
const char* callout_default_title(CalloutKind kind);
const char* callout_name(CalloutKind kind);
// "LEAD, STAT, ..., CAUTION": every marker word, for messages about an unknown one.
std::string callout_known_names();

// Plain text of a block tree, spans joined; used for search, tests and summaries. Table cells are joined by
// "\n" in reading order (header row first).
std::string plain_text(const std::vector<Span>& spans);
std::string plain_text(const Block& block);

}  // namespace gw
