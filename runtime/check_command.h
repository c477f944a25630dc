#pragma once
#include <iosfwd>
#include <string>

namespace gw {

// `groundwork check DIR`: every problem as file:line: message, then a summary. Returns the exit code.
int run_check(const std::string& dir, std::ostream& out);

}  // namespace gw
