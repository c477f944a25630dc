#pragma once
// Parsing JSON from files a learner (or anyone) can edit: never throws, and refuses documents nested deeper than
// a limit while it reads them, so a file of 100,000 '[' neither exhausts the stack nor builds a huge tree first.
#include <nlohmann/json.hpp>

#include <cstddef>
#include <string>

namespace gw {

// The deepest nesting of lists and objects accepted in a profile. Real profiles reach about 7 (document, artifacts,
// artifact, values, table, row, cell); nlohmann's dump, copy and comparison recurse once per level, so this keeps
// every later step on the stack well inside any thread's stack, sanitizers included.
constexpr std::size_t kMaxJsonNesting = 256;

// Parses `text` (one JSON value, nothing after it but white space) into `out`. Returns false with `error` set to a
// sentence for the learner: where the syntax breaks (byte offset, or "cut short" when it ends early), a number too
// large for a double (JSON has no infinity), or nesting deeper than `max_depth`. `out` is unspecified on failure.
// Memory and time are linear in the text; the parse stops at the first problem.
bool parse_json_bounded(const std::string& text, std::size_t max_depth, nlohmann::json* out, std::string* error);

}  // namespace gw
