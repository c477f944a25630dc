// Store budget: saving a profile of 1,000 reflections and 200 artifacts (under 20 ms, on the writer thread), and
// loading it back. The save is timed the way the writer thread does it: serialize, back up, write, fsync, rename.
#include <filesystem>
#include <random>
#include <string>

#include "bench/bench_common.h"
#include "progress/profile_json.h"
#include "progress/profile_store.h"

namespace fs = std::filesystem;

namespace gw::bench {

namespace {

Profile large_profile() {
    Profile p;
    CourseWork& work = p.work_in("sales-success-excellence");
    std::mt19937 rng(42);
    const std::string words[] = {"account", "renewal", "champion", "budget", "quarterly", "expansion", "signal",
                                 "stakeholder", "roadmap", "value", "risk", "pipeline"};
    for (int i = 0; i < 1000; ++i) {
        std::string id = "module-" + std::to_string(i);
        Reflection& r = work.edit_reflection(id, "Module " + std::to_string(i), 1'790'000'000'000 + i);
        for (int w = 0; w < 150; ++w) r.text += words[rng() % 12] + std::string(w % 17 == 16 ? ". " : " ");
        r.cursor = r.text.size() / 2;
        work.set_done(id, i % 3 == 0, 1'790'000'000'000 + i);
    }
    for (int a = 0; a < 40; ++a) p.add_account("Account " + std::to_string(a), 1'790'000'000'000);
    for (int i = 0; i < 200; ++i) {
        nlohmann::json rows = nlohmann::json::array();
        for (int s = 0; s < 12; ++s)
            rows.push_back({{"name", "Stakeholder " + std::to_string(s)}, {"role", "Director of Operations"},
                            {"influence", "decision_maker"}, {"quality", s % 3 == 0 ? "strong" : "neutral"}});
        Artifact& art = p.add_artifact("account-map", "Account map", p.accounts[i % 40].id, 1'790'000'000'000 + i);
        art.values = {{"stakeholders", rows}, {"notes", std::string(400, 'x')}};
    }
    return p;
}

}  // namespace

int bench_progress() {
    std::printf("\nProgress store (1,000 reflections of 150 words + 200 artifacts)\n");
    Profile profile = large_profile();
    const fs::path dir = fs::temp_directory_path() / ("gw-bench-store-" + std::to_string(std::random_device{}()));
    std::string text = serialize_profile(profile);
    std::printf("%-64s %9.1f KB\n", "profile size on disk", text.size() / 1024.0);

    report("serialize to JSON from scratch (export, first save)", median_ms(15, [&] { text = serialize_profile(profile); }), 0);
    int over = 0;
    {
        ProfileStore store(dir, "bench");
        Profile loaded;
        store.open(&loaded);
        // As in use: between two saves the learner has typed into one reflection.
        int edit = 0;
        double save = median_ms(15, [&] {
            profile.work_in("sales-success-excellence").reflections["module-" + std::to_string(edit++ * 61 % 1000)].text += " more words";
            store.save(profile);
            store.flush();
        });
        report("save after one edit: copy, serialize, back up, write, fsync", save, 20.0);
        over |= save > 20.0;
        report("  of which on the UI thread (copy into the queue)",
               median_ms(15, [&] {
                   store.save(profile);
               }),
               0);
        store.flush();
    }
    {
        ProfileStore store(dir, "bench");
        Profile loaded;
        report("load: read, parse, validate", median_ms(15, [&] { store.open(&loaded); }), 0);
    }
    std::error_code ec;
    fs::remove_all(dir, ec);
    return over;
}

}  // namespace gw::bench
