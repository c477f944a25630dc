#pragma once
// GitHub Flavored Markdown (cmark-gfm with its table, strikethrough, autolink and tasklist extensions) into the
// document model, recognising `> [!KIND] Title` blocks. Parsed once at load; frames only walk the result.
#include <string>
#include <vector>

#include "runtime/text/diagnostics.h"
#include "runtime/markdown/document.h"

namespace gw {

struct MarkdownOptions {
    // Curly quotes and dashes (cmark's CMARK_OPT_SMART), as the course is read; off to compare with the spec.
    bool smart_punctuation = true;
};

// Parses `markdown` (a file's body). `first_line` is the file line the Markdown starts on, so block and link
// lines point into the real file; `display_path` is the file relative to the course root and is the base that
// relative links are resolved against (runtime/markdown/link_target.h). Raw HTML is never kept: comments vanish silently,
// `<br>` becomes a hard break, any other tag is left out with a warning at its line in `out`. Links with a
// scheme other than http/https/mailto get a warning too. `[!KIND]` markers that name no known kind are errors.
// Never throws; a document cmark cannot parse is one error.
std::vector<Block> parse_markdown(const std::string& markdown, int first_line, const std::string& display_path,
                                  std::vector<Diagnostic>& out, const MarkdownOptions& options = {});

}  // namespace gw
