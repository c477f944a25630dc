// Fuzzes what Groundwork reads back from beside the profile for xAPI: the statement outbox (any bytes: torn lines,
// lines that are not statements, a damaged header, duplicates) and the LRS settings file. Invariants: opening never
// crashes; what it keeps are whole statements with unique ids; acknowledging and failing move exactly one each; a
// reopen sees what the last write left.
#include <cstdint>
#include <set>

#include "fuzz_support.h"
#include "progress/outbox.h"
#include "runtime/xapi/lrs_settings.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static gw::fuzz::ScratchDir dir("outbox");
    const std::filesystem::path file = gw::Outbox::path_for(dir.path(), "p");
    std::error_code ec;
    std::filesystem::remove(file, ec);
    std::filesystem::remove(dir / "p.outbox-failed.jsonl", ec);
    gw::fuzz::write_bytes(file, data, size);

    std::string error;
    gw::Outbox box(file, &error);
    const std::vector<std::string> lines = box.peek(1u << 20);
    std::set<std::string> ids;
    for (const std::string& line : lines) {
        const nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
        if (!j.is_object() || !j.contains("id") || !j["id"].is_string()) std::abort();
        if (!ids.insert(j["id"].get<std::string>()).second) std::abort();  // a duplicate kept
    }
    const gw::OutboxCounts before = box.counts();
    if (before.queued != lines.size()) std::abort();
    if (before.queued > 0) {
        if (!box.acknowledge(1, &error)) std::abort();
        if (before.queued > 1 && !box.fail_first(409, "fuzz", &error)) std::abort();
        const size_t expected = before.queued > 1 ? before.queued - 2 : 0;
        gw::Outbox again(file, &error);
        if (again.counts().queued != expected) std::abort();
        if (again.counts().sent != before.sent + 1) std::abort();
    }

    // The same bytes as the LRS settings file: a clear error or settings that pass their own checks.
    std::filesystem::copy_file(file, dir / "p.lrs.json", std::filesystem::copy_options::overwrite_existing, ec);
    gw::fuzz::write_bytes(dir / "p.lrs.json", data, size);
    std::string settings_error;
    const gw::xapi::LrsSettings s = gw::xapi::load_lrs_settings(dir.path(), "p", &settings_error);
    if (s.configured() && !gw::xapi::endpoint_problem(s.endpoint).empty()) std::abort();
    return 0;
}
