// Frame budget for a trainer's ordinary Markdown (issue 8): a module holding a 40-row GFM table and ten images,
// headless (images show their placeholders: no GPU here), budget 0.3 ms like any module.
#include <imgui.h>

#include <filesystem>
#include <fstream>
#include <random>

#include "bench/bench_common.h"
#include "progress/work_session.h"
#include "ui/headless.h"
#include "ui/reader_app.h"

namespace fs = std::filesystem;

namespace gw::bench {

namespace {

void write_bench_file(const fs::path& p, const std::string& text) {
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << text;
}

// A one-module course: a 40-row table with wrapped and aligned cells, then ten images between paragraphs.
fs::path make_gfm_course(const fs::path& root) {
    write_bench_file(root / "course.md", "---\ntitle: Bench\nchapters:\n  - ch1\n---\n");
    write_bench_file(root / "ch1/chapter.md",
          "---\nid: ch1\ntitle: Bench\ncategories:\n  - id: c\n    title: C\nmodules:\n  - m1.md\n---\n");
    std::string md = "---\nid: gfm-bench\ntitle: Pipeline review\ncategory: c\n---\n\n"
                     "| Account | Stage | Owner | Value |\n| :--- | :---: | --- | ---: |\n";
    for (int r = 0; r < 40; ++r)
        md += "| Account " + std::to_string(r) + " with a longer name | ~~Proposal~~ Negotiation | **Anna** and `ops` | $" +
              std::to_string(12000 + r * 1500) + " |\n";
    fs::copy_file(fs::path(GROUNDWORK_BENCH_DATA) / "images/diagram.png", root / "ch1/diagram.png",
                  fs::copy_options::overwrite_existing);
    fs::copy_file(fs::path(GROUNDWORK_BENCH_DATA) / "images/photo.jpg", root / "ch1/photo.jpg",
                  fs::copy_options::overwrite_existing);
    for (int i = 0; i < 10; ++i)
        md += "\nA paragraph before picture " + std::to_string(i) + ".\n\n![figure " + std::to_string(i) + "](" +
              (i % 2 ? "photo.jpg" : "diagram.png") + ")\n";
    md += "\n> [!REFLECTION]\n> What did you learn?\n";
    write_bench_file(root / "ch1/m1.md", md);
    return root;
}

}  // namespace

int bench_gfm() {
    std::printf("\nGFM blocks (headless, 1280x800)\n");
    const std::string tag = std::to_string(std::random_device{}());
    const fs::path root = make_gfm_course(fs::temp_directory_path() / ("gw-bench-gfm-" + tag));
    ui::HeadlessImGui gui;
    AppOptions options;
    options.content_dir = root.string();
    WorkSession session(std::make_unique<ProfileStore>(root / "data", "bench"));
    session.open();
    ui::ReaderApp app(options, gui.fonts(), &session);
    app.load_content();
    app.navigator().go("gfm-bench");
    auto body = [&] { app.frame(); };
    for (int i = 0; i < 5; ++i) gui.frame(body);
    report("one frame of a module with a 40-row table and 10 images, top", median_ms(301, [&] { gui.frame(body); }),
           0.3);
    gui.key(ImGuiKey_End, body);
    for (int i = 0; i < 3; ++i) gui.frame(body);
    report("same module at its end, among the images", median_ms(301, [&] { gui.frame(body); }), 0.3);
    std::error_code ec;
    fs::remove_all(root, ec);
    std::printf("\n");
    return 0;
}

}  // namespace gw::bench
