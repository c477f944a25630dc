// libFuzzer target: one module file (front matter + Markdown) through the course loader, then every block of the
// loaded course through the block layout at a reading width and a very narrow one, headless.
//
// The loader only reads folders (runtime/course/course_loader.h has no per-file entry point), so the input becomes
// ch/m.md of a small valid course in a scratch folder; the course also declares one shipped artifact kind so an
// `artifacts:` list in the input can resolve.
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <memory>

#include "fuzz_support.h"
#include "runtime/course/course_loader.h"
#include "ui/markdown/block_layout.h"
#include "ui/headless.h"

namespace {

using namespace gw;

struct Harness {
    fuzz::ScratchDir dir{"module"};
    ui::HeadlessImGui gui;  // an ImGui context with the real, built font atlas

    Harness() {
        fuzz::write_text(dir / "course.md", "---\ntitle: Fuzz course\nchapters:\n  - ch\n---\n");
        fuzz::write_text(dir / "ch/chapter.md",
                         "---\nid: ch\nnumber: 1\ntitle: Chapter\ncategories:\n  - id: cat\n    title: Cat\n"
                         "modules:\n  - m.md\n---\nIntroduction.\n");
        std::filesystem::create_directories(dir / "artifacts");
        std::filesystem::copy_file(std::filesystem::path(GROUNDWORK_SHIPPED_CONTENT) / "artifacts/health-audit.md",
                                   dir / "artifacts/health-audit.md");
    }
};

Harness& harness() {
    static Harness* h = new Harness;  // never destroyed: the context outlives every input
    return *h;
}

// Checks what a laid-out block hands to ImGui: readable text ranges, real link targets, a finite height.
void check(const ui::LaidOutBlock& laid) {
    if (!std::isfinite(laid.height) || laid.height < 0) std::abort();
    for (const ui::Prim& p : laid.prims)
        if (p.type == ui::Prim::Text) {
            if (p.font == nullptr) std::abort();
            fuzz::touch(p.begin, p.end);
        }
    for (const ui::LinkArea& l : laid.links) {
        if (l.url == nullptr) std::abort();
        fuzz::touch(l.url->data(), l.url->data() + l.url->size());
    }
}

void lay_out(const std::vector<Block>& blocks, const ui::Fonts& fonts) {
    for (const Block& b : blocks)
        for (float width : {680.0f, 48.0f}) check(ui::layout_block(b, fonts, width));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    Harness& h = harness();
    fuzz::write_bytes(h.dir / "ch/m.md", data, size);
    const Course course = load_course(h.dir.path());
    const ui::Fonts& fonts = h.gui.fonts();
    for (const Chapter& ch : course.chapters) {
        lay_out(ch.introduction, fonts);
        for (const CourseItem& item : ch.modules) lay_out(item.blocks, fonts);
        for (const CourseItem& item : ch.homework) lay_out(item.blocks, fonts);
    }
    return 0;
}
