// Frame budget for a trainer's ordinary Markdown (issue 8): a module holding a 40-row GFM table and ten images,
// and a module holding a 40-row table of twelve columns, too wide for the page (it scrolls sideways, first column
// frozen), with ten pictures in its cells; headless (images show their placeholders: no GPU here), budget 0.3 ms
// like any module.
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

// A 12-column forecast, 40 rows, a small picture in the first cell of every fourth row (ten in all).
std::string wide_table_module() {
    std::string md = "---\nid: gfm-wide\ntitle: Forecast by month\ncategory: c\n---\n\n| Account |";
    const char* const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov"};
    for (const char* m : months) md += std::string(" ") + m + " forecast |";
    md += "\n| --- |";
    for (int c = 0; c < 11; ++c) md += " ---: |";
    md += "\n";
    for (int r = 0; r < 40; ++r) {
        md += "| " + std::string(r % 4 == 0 ? "![status](diagram.png) " : "") + "Account " + std::to_string(r) + " |";
        for (int c = 0; c < 11; ++c)
            md += " $" + std::to_string(10000 + r * 250 + c * 40) + " `expansion-" + std::to_string(c) + "` |";
        md += "\n";
    }
    return md + "\n> [!REFLECTION]\n> Which month carries the quarter?\n";
}

// A one-module course: a 40-row table with wrapped and aligned cells, then ten images between paragraphs.
fs::path make_gfm_course(const fs::path& root) {
    write_bench_file(root / "course.md", "---\ntitle: Bench\nchapters:\n  - ch1\n---\n");
    write_bench_file(root / "ch1/chapter.md",
          "---\nid: ch1\ntitle: Bench\ncategories:\n  - id: c\n    title: C\nmodules:\n  - m1.md\n  - m2.md\n---\n");
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
    write_bench_file(root / "ch1/m2.md", wide_table_module());
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

    app.navigator().go("gfm-wide");
    for (int i = 0; i < 5; ++i) gui.frame(body);
    report("one frame of a 12-column x 40-row table that scrolls sideways, top", median_ms(301, [&] { gui.frame(body); }),
           0.3);
    // Scrolled to its right end with shift+wheel over the table (the page is 1280 px wide; the table starts high).
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = ImVec2(900, 200);
    for (int i = 0; i < 60; ++i) {
        io.KeyShift = true;
        io.MouseWheel = -3;
        gui.frame(body);
    }
    io.KeyShift = false;
    for (int i = 0; i < 3; ++i) gui.frame(body);
    report("same table scrolled sideways to its end", median_ms(301, [&] { gui.frame(body); }), 0.3);
    std::error_code ec;
    fs::remove_all(root, ec);
    std::printf("\n");
    return 0;
}

}  // namespace gw::bench
