// libFuzzer target: a profile document (progress/profile_json.h) through parse_profile, and the same bytes as a
// file through `groundwork import` (runtime/cli/transfer_commands.h) into a scratch data folder.
//
// Properties checked beyond "no crash": a document that parses saves to text that parses again and saves the same
// (nothing is lost on the next save), and an import that reports success leaves a profile the app can open.
#include <cstdint>
#include <cstdlib>
#include <sstream>

#include "fuzz_support.h"
#include "progress/profile_json.h"
#include "progress/profile_store.h"
#include "runtime/cli/transfer_commands.h"

namespace {

using namespace gw;

fuzz::ScratchDir& scratch() {
    static auto* dir = new fuzz::ScratchDir("profile");
    return *dir;
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
