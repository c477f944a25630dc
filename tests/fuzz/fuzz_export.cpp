// libFuzzer target: the Markdown and CSV exporters (runtime/artifacts/artifact_export.h) on hostile artifact values, with the
// shipped course's artifact declarations (content/artifacts).
//
// Input format, one line each (so the seeds are readable and mutations stay meaningful):
//   @kind=ID          starts a new artifact of that kind (a kind the course does not declare exercises the
//                     "kind removed" fallback); lines before the first @kind fill a health-audit
//   @account=NAME     puts the current artifact on a new account of that name ("" = portfolio)
//   @current=N  @potential=N  @tier=N   the account's numbers
//   @link=ITEM        links the artifact from a module or homework id
//   @created=MS  @edited=MS             the artifact's dates (milliseconds)
//   FIELD=VALUE       a value: JSON when it parses as JSON, else a number when strtod takes it all (1e400 becomes
//                     infinity), else the text as it is
// Text is made valid UTF-8 first: every way into a profile (a JSON file, ImGui's text input) yields valid UTF-8.
#include <utf8cpp/utf8.h>

#include <cstdint>
#include <cstdlib>
#include <sstream>

#include "fuzz_support.h"
#include "runtime/artifacts/artifact_export.h"
#include "progress/profile_migration.h"
#include "runtime/course/course_loader.h"

namespace {

using namespace gw;
using nlohmann::json;

struct Harness {
    fuzz::ScratchDir dir{"export"};
    Course course = load_course(GROUNDWORK_SHIPPED_CONTENT);
};

Harness& harness() {
    static auto* h = new Harness;
    return *h;
}

double number(const std::string& s) {
    return std::strtod(s.c_str(), nullptr);
}

json value_of(const std::string& text) {
    json parsed = json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (!parsed.is_discarded()) return parsed;
    char* end = nullptr;
    const double d = std::strtod(text.c_str(), &end);
    if (!text.empty() && end == text.c_str() + text.size()) return d;
    return text;
}

Profile profile_from(const std::string& input) {
    Profile p;
    Artifact* current = nullptr;
    Account* account = nullptr;
    auto artifact = [&](const std::string& kind) -> Artifact& {
        current = &p.add_artifact(kind, "Saved title of " + kind, "", 1764460800000);
        account = nullptr;
        return *current;
    };
    std::istringstream in(input);
    for (std::string line; std::getline(in, line);) {
        const std::size_t eq = line.find('=');
        const std::string key = line.substr(0, eq);
        const std::string val = eq == std::string::npos ? "" : line.substr(eq + 1);
        if (key == "@kind") {
            artifact(val);
            continue;
        }
        Artifact& a = current ? *current : artifact("health-audit");
        if (key == "@account") {
            account = &p.add_account(val, 1);
            a.account = account->id;
        } else if (key == "@current" && account) {
            account->current_value = number(val);
        } else if (key == "@potential" && account) {
            account->potential_value = number(val);
        } else if (key == "@tier" && account) {
            account->tier = std::atoi(val.c_str());
        } else if (key == "@link") {
            p.work_in(kShippedCourseId).link(a.id, val);  // the course the export reads (its id)
        } else if (key == "@created") {
            a.created = std::strtoll(val.c_str(), nullptr, 10);
        } else if (key == "@edited") {
            a.edited = std::strtoll(val.c_str(), nullptr, 10);
        } else if (!key.empty()) {
            a.values[key] = value_of(val);
        }
    }
    return p;
}

// Every artifact gets its file, and no two files share a name (nothing the learner wrote is lost).
void export_to_files(const Profile& p, const Course& course, const std::filesystem::path& out, const char* format) {
    std::error_code ec;
    std::filesystem::remove_all(out, ec);
    std::ostringstream log;
    std::string error;
    const int written = export_artifacts(p, course, format, out, log, &error);
    if (written < 0) std::abort();  // the scratch folder is writable: nothing may refuse here
    int files = 0;
    for (const auto& e : std::filesystem::directory_iterator(out)) files += e.is_regular_file();
    if (files != written) std::abort();
    if (std::string(format) == "md" && written != int(p.artifacts.size())) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    Harness& h = harness();
    std::string input(reinterpret_cast<const char*>(data), size);
    input = utf8::replace_invalid(input);
    const Profile p = profile_from(input);
    for (const Artifact& a : p.artifacts) {
        const ArtifactKind* kind = h.course.find_artifact_kind(a.kind);
        artifact_markdown(kind, a, p, h.course);
        if (!kind) continue;
        for (const Field& f : kind->fields)
            if (f.kind == FieldKind::Table) table_csv(f, a.values.contains(f.id) ? a.values[f.id] : json(), p);
    }
    export_to_files(p, h.course, h.dir / "md", "md");
    export_to_files(p, h.course, h.dir / "csv", "csv");
    return 0;
}
