// Frame budget: building one UI frame of the longest shipped module, headless (budget 0.3 ms).
#include <imgui.h>

#include <filesystem>
#include <random>

#include "bench/bench_common.h"
#include "progress/work_session.h"
#include "runtime/course/course_loader.h"
#include "ui/headless.h"
#include "ui/reader_app.h"
#include "ui/views/sidebar_view.h"

namespace fs = std::filesystem;

namespace gw::bench {

namespace {

std::string longest_module(const Course& c) {
    std::string best;
    std::size_t best_len = 0;
    for (const auto& ch : c.chapters)
        for (const auto& m : ch.modules) {
            std::size_t len = 0;
            for (const auto& b : m.blocks) len += plain_text(b).size();
            if (len > best_len) best_len = len, best = m.id;
        }
    return best;
}

}  // namespace

int bench_frames() {
    std::printf("UI frames (headless, 1280x800)\n");
    ui::HeadlessImGui gui;
    AppOptions options;
    options.content_dir = GROUNDWORK_SHIPPED_CONTENT;
    // A learner with progress and writing, so the sidebar counts and the editor are part of the frame.
    const fs::path data = fs::temp_directory_path() / ("gw-bench-frames-" + std::to_string(std::random_device{}()));
    WorkSession session(std::make_unique<ProfileStore>(data, "bench"));
    session.open();
    ui::ReaderApp app(options, gui.fonts(), &session);
    app.load_content();
    std::string id = longest_module(app.course());
    std::string essay;
    for (int w = 0; w < 1000; ++w) essay += w % 12 == 11 ? "account.\n" : "account ";
    session.write_reflection(id, "", essay, essay.size());
    // A long-time learner: a thousand reflections elsewhere, which the sidebar counts.
    for (int r = 0; r < 1000; ++r)
        session.write_reflection("elsewhere-" + std::to_string(r), "", essay.substr(0, 1000), 0);
    session.set_done(app.course().chapters[0].modules[0].id, true);
    app.navigator().go(id);
    auto body = [&] { app.frame(); };
    for (int i = 0; i < 5; ++i) gui.frame(body);  // first frames lay the page out once

    double top = median_ms(301, [&] { gui.frame(body); });
    report(("one frame of the longest module (" + id + "), top").c_str(), top, 0.3);

    gui.key(ImGuiKey_PageDown, body);
    gui.key(ImGuiKey_PageDown, body);
    double middle = median_ms(301, [&] { gui.frame(body); });
    report("same module, scrolled two screens down", middle, 0.3);

    gui.key(ImGuiKey_End, body);
    gui.frame(body);
    double editor = median_ms(301, [&] { gui.frame(body); });
    report("same module at its end: a 1,000-word reflection in the editor", editor, 0.3);
    const ImDrawData* drawn = gui.frame(body);
    std::printf("%-64s %9d vertices, %d draw lists, editor text %s\n", "  what that frame drew", drawn->TotalVtxCount,
                drawn->CmdListsCount, app.reflection_state().item_id == id ? "bound" : "NOT BOUND");

    app.open_work(ui::kMyWorkPage);
    for (int i = 0; i < 3; ++i) gui.frame(body);
    double my_work = median_ms(51, [&] { gui.frame(body); });
    report("My work listing those 1,001 reflections", my_work, 0.3);
    app.navigator().go(id);
    app.open_work(id);
    for (int i = 0; i < 3; ++i) gui.frame(body);

    double relayout = median_ms(51, [&] {
        app.navigator().go(app.course().chapters[0].id);
        gui.frame(body);
        app.navigator().go(id);
        gui.frame(body);
    });
    report("open the module (layout at this width + two frames)", relayout, 0);
    std::printf("\n");
    session.flush();
    std::error_code ec;
    fs::remove_all(data, ec);
    return top > 0.3 || middle > 0.3 || editor > 0.3 || my_work > 0.3;
}

}  // namespace gw::bench
