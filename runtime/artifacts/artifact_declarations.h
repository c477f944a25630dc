#pragma once
// Reads the artifact kinds a course declares in <course>/artifacts/*.md, reporting every problem as file:line.
#include <filesystem>
#include <vector>

#include "runtime/artifacts/artifact_kind.h"
#include "runtime/text/diagnostics.h"

namespace gw {

// `root` is the course folder; a course without an artifacts/ folder declares none. `display_root` prefixes the
// file names in messages the way the rest of the loader does.
std::vector<ArtifactKind> load_artifact_kinds(const std::filesystem::path& root, const std::string& display_root,
                                              std::vector<Diagnostic>& out);

}  // namespace gw
