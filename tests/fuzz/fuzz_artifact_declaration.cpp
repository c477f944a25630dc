// libFuzzer target: one artifact declaration file (content/artifacts/*.md) through load_artifact_kinds, then
// everything the app does with a kind it accepted: a new artifact's initial values, its rules and status, and its
// Markdown and CSV export. A declaration the loader lets through must be usable.
#include <cstdint>
#include <cstdlib>

#include "fuzz_support.h"
#include "runtime/artifacts/artifact_declarations.h"
#include "runtime/artifacts/artifact_export.h"
#include "runtime/artifacts/artifact_rules.h"

namespace {

using namespace gw;

fuzz::ScratchDir& scratch() {
    static auto* dir = new fuzz::ScratchDir("declaration");
    return *dir;
}

void use(const ArtifactKind& kind) {
    Profile profile;
    Account& account = profile.add_account("Northwind Traders", 1);
    Artifact& artifact = profile.add_artifact(kind.id, kind.title, kind.scope == ArtifactScope::Account ? account.id : "", 1);
    artifact.values = initial_values(kind, "2026-11-30");
    evaluate_rules(kind, artifact.values);
    artifact_status(kind, artifact.values);
    const Course course;
    const std::string md = artifact_markdown(&kind, artifact, profile, course);
    fuzz::touch(md.data(), md.data() + md.size());
    for (const Field& f : kind.fields)
        if (f.kind == FieldKind::Table) {
            const auto rows = artifact.values.contains(f.id) ? artifact.values[f.id] : nlohmann::json::array();
            table_csv(f, rows, profile);
            artifact_csv_name(artifact, profile, f.id);
        }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    fuzz::ScratchDir& dir = scratch();
    fuzz::write_bytes(dir / "artifacts/kind.md", data, size);
    std::vector<Diagnostic> diagnostics;
    const std::vector<ArtifactKind> kinds = load_artifact_kinds(dir.path(), "", diagnostics);
    // Every bad input gets a clear message: a file that declares nothing must say why.
    if (kinds.empty() && count_errors(diagnostics) == 0) std::abort();
    for (const Diagnostic& d : diagnostics)
        if (d.message.empty() || d.file.empty()) std::abort();
    for (const ArtifactKind& kind : kinds) use(kind);
    return 0;
}
