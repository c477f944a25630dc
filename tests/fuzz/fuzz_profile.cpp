// libFuzzer target: a profile document (progress/profile_json.h) through parse_profile, and the same bytes as a
// file through `groundwork import` (runtime/cli/transfer_commands.h) into a scratch data folder.
//
// Properties checked beyond "no crash": a document that parses saves to text that parses again and saves the same
// (nothing is lost on the next save), and an import that reports success leaves a profile the app can open. The
// id-alias migration (runtime/course/id_aliases.h) run on what parsed, against a course that renames ids the seeds
// use, is idempotent (a second run changes nothing) and leaves a profile that saves and reads back the same.
#include <cstdint>
#include <cstdlib>
#include <sstream>

#include "fuzz_support.h"
#include "progress/profile_json.h"
#include "progress/profile_migration.h"
#include "progress/profile_store.h"
#include "runtime/cli/transfer_commands.h"
#include "runtime/course/id_aliases.h"

namespace {

using namespace gw;

fuzz::ScratchDir& scratch() {
    static auto* dir = new fuzz::ScratchDir("profile");
    return *dir;
}

// The shipped course's id with a chapter, a module, a homework and an artifact kind renamed from ids the seeds hold.
const Course& renamed_course() {
    static const Course* course = [] {
        auto* c = new Course;
        c->id = kShippedCourseId;
        Chapter ch;
        ch.id = "ch-new";
        ch.aliases = {"old-module"};
        CourseItem m;
        m.id = "account-growth-mindset";
        m.aliases = {"growth-mindset", "account-mapping"};
        ch.modules.push_back(m);
        CourseItem h;
        h.kind = ItemKind::Homework;
        h.id = "hw-new";
        h.aliases = {"hw-qbr-design", "retention", "qbr"};
        ch.homework.push_back(h);
        c->chapters.push_back(ch);
        ArtifactKind k;
        k.id = "stakeholder-map";
        k.aliases = {"account-map", "health-audit"};
        c->artifact_kinds.push_back(k);
        return c;
    }();
    return *course;
}

void renamed(Profile p) {
    apply_id_aliases(p, renamed_course());
    const std::string once = serialize_profile(p);
    if (apply_id_aliases(p, renamed_course())) std::abort();  // not idempotent
    if (serialize_profile(p) != once) std::abort();
    Profile back;
    if (!parse_profile(once, &back).ok || serialize_profile(back) != once) std::abort();
}

void round_trip(const std::string& text) {
    Profile first;
    const ProfileParse parsed = parse_profile(text, &first);
    if (!parsed.ok) {
        if (parsed.error.empty()) std::abort();  // a refusal must say what is wrong
        return;
    }
    const std::string saved = serialize_profile(first);
    Profile second;
    const ProfileParse reread = parse_profile(saved, &second);
    if (!reread.ok) std::abort();                          // we wrote a file we cannot read
    if (serialize_profile(second) != saved) std::abort();  // the next save would change the learner's work
    renamed(std::move(first));
}

void import(const std::uint8_t* data, std::size_t size) {
    fuzz::ScratchDir& dir = scratch();
    const auto file = dir / "incoming.json";
    fuzz::write_bytes(file, data, size);
    std::ostringstream out, err;
    const int code = run_import(file.string(), (dir / "data").string(), "fuzz", out, err);
    if (code != 0) {
        if (err.str().empty()) std::abort();  // a refused import must say why
        return;
    }
    Profile stored;
    std::string error;
    if (!load_profile_file(dir / "data/profiles/fuzz.json", &stored, &error)) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    round_trip(std::string(reinterpret_cast<const char*>(data), size));
    import(data, size);
    return 0;
}
