#pragma once
// The one place where exported text is escaped: every CSV cell and every piece of learner or course text that goes
// into an exported Markdown document passes through csv_field or markdown_text, so a value can never run as a
// spreadsheet formula or turn into Markdown structure, a link or HTML. The rules are listed in docs/authoring.md
// ("Exports").
#include <string>

namespace gw {

// UTF-8 byte order mark, written at the start of every CSV so spreadsheet programs read it as UTF-8 (Excel
// otherwise guesses the system code page and garbles accented names).
inline constexpr const char* kUtf8Bom = "\xEF\xBB\xBF";

// Who wrote a CSV cell. Number: the app formatted it from a number it stored (money, number or rating columns, a
// number saved under a column the course dropped): it goes out as it is, so "-1500" stays a number. Text: anything
// a person typed or a course declared (names, labels, choice ids, text that sits in a number column since a
// declaration changed).
enum class CsvValue { Text, Number };

// One RFC 4180 field (no separator). Text whose first character is '=', '+', '-', '@', a tab or a carriage return,
// or whose first character after leading spaces and line breaks is '=', '+', '-' or '@', gets a leading single
// quote, OWASP's defence against CSV (formula) injection: a spreadsheet then shows it as text instead of running
// it. The field is then quoted ("" for a quote) when it holds a comma, semicolon (the separator in many locales),
// quote, tab, CR or LF. Bytes are otherwise kept as they are (UTF-8 in, UTF-8 out).
std::string csv_field(const std::string& value, CsvValue kind);

// Where a piece of plain text lands in an exported Markdown document (CommonMark with GitHub's tables).
enum class MarkdownPlace {
    TableCell,  // one cell of a GFM table: trimmed, line breaks become <br>
    Line,       // a heading's text, a list item, a fragment of a line: line breaks become spaces, trimmed
    Block,      // a field's own paragraph(s): every line kept, consecutive lines joined by hard breaks
};

// `text` (plain UTF-8 as the learner typed it, "\r\n" or "\r" line ends allowed) as Markdown that renders as that
// same text and nothing else. Everywhere: '\', '`', '*', '[', ']', '<', '~' and '|' are backslash-escaped, '&' when
// it would start an entity ("&amp;", "&#60;"), and '_' unless it sits inside a word (snake_case stays readable).
// At the start of a line (Line and Block): leading blanks are dropped (four would start a code block); '#', '>'
// and '=' are escaped; '-' and '+' when they would start a list item or a rule ("- x", "---"); "1." or "1)" when
// it would start a numbered item. In Line, a trailing run of '#' after a space (a heading's closing sequence) is
// escaped. Block ends trailing blanks on each line and drops trailing empty lines.
std::string markdown_text(const std::string& text, MarkdownPlace place);

}  // namespace gw
