#pragma once
// CommonMark (through cmark) into the document model, recognising `> [!KIND] Title` blocks.
#include <string>
#include <vector>

#include "runtime/diagnostics.h"
#include "runtime/document.h"

namespace gw {

// `first_line` is the file line the Markdown starts on, so block lines point into the real file.
std::vector<Block> parse_markdown(const std::string& markdown, int first_line, const std::string& display_path,
                                  std::vector<Diagnostic>& out);

}  // namespace gw
