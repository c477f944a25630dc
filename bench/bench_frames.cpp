// Frame budget: building one UI frame of the longest shipped module, headless (budget 0.3 ms).
#include <imgui.h>

#include "bench/bench_common.h"
#include "runtime/course_loader.h"
#include "ui/headless.h"
#include "ui/reader_app.h"

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
    ui::ReaderApp app(options, gui.fonts());
    app.load_content();
    std::string id = longest_module(app.course());
    app.navigator().go(id);
    auto body = [&] { app.frame(); };
    for (int i = 0; i < 5; ++i) gui.frame(body);  // first frames lay the page out once

    double top = median_ms(301, [&] { gui.frame(body); });
    report(("one frame of the longest module (" + id + "), top").c_str(), top, 0.3);

    gui.key(ImGuiKey_PageDown, body);
    gui.key(ImGuiKey_PageDown, body);
    double middle = median_ms(301, [&] { gui.frame(body); });
    report("same module, scrolled two screens down", middle, 0.3);

    double relayout = median_ms(51, [&] {
        app.navigator().go(app.course().chapters[0].id);
        gui.frame(body);
        app.navigator().go(id);
        gui.frame(body);
    });
    report("open the module (layout at this width + two frames)", relayout, 0);
    std::printf("\n");
    return 0;
}

}  // namespace gw::bench
