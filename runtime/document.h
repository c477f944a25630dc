#pragma once
// The in-memory document model a Markdown file becomes at load time. Frames only walk it; nothing here is
// re-parsed while the app runs.
#include <cstdint>
#include <string>
#include <vector>

namespace gw {

enum SpanStyle : std::uint8_t { kPlain = 0, kBold = 1, kItalic = 2, kCode = 4, kLink = 8 };

// A run of text with one style. Text holds no line breaks except a hard break ("\n").
struct Span {
    std::string text;
    std::uint8_t style = kPlain;
    std::string url;  // set when style has kLink
};

enum class BlockKind : std::uint8_t { Paragraph, Heading, BulletList, OrderedList, ListItem, Quote, Callout, Code, Rule };

// The special blocks a course can use, written as `> [!KIND] Title` (see docs/authoring.md).
enum class CalloutKind : std::uint8_t {
    None, Lead, Stat, Process, Mistake, Insight, Pause, PullQuote, Takeaways, Reflection, Outcome
};

struct Block {
    BlockKind kind = BlockKind::Paragraph;
    CalloutKind callout = CalloutKind::None;
    int level = 0;         // heading level
    int start_number = 1;  // first number of an ordered list
    int line = 0;          // 1-based line in the source file
    std::string title;     // callout title (the default title for its kind when none was written)
    std::vector<Span> spans;      // inline content (Paragraph, Heading, Code)
    std::vector<Block> children;  // nested blocks (lists, items, quotes, callouts)
};

// Parse the marker word of `[!KIND]` (case-insensitive); None when unknown.
CalloutKind callout_kind_from_name(const std::string& name);
const char* callout_default_title(CalloutKind kind);
const char* callout_name(CalloutKind kind);

// Plain text of a block tree, spans joined; used for search, tests and summaries.
std::string plain_text(const std::vector<Span>& spans);
std::string plain_text(const Block& block);

}  // namespace gw
