// Loading budget: the shipped course, and a generated course of 100 chapters x 10 modules (budget 300 ms), beside a
// floor measured in the same run: reading the same files and parsing them with cmark-gfm alone, which any Markdown
// reader pays. The ratio is what the loader adds (front matter, the document model, checks) and holds across machines.
#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <string>

#include "bench/bench_common.h"
#include "runtime/course/course_loader.h"

namespace fs = std::filesystem;

namespace gw::bench {

namespace {

// A module about the size of a real one: prose, a process box, callouts, takeaways, a reflection.
std::string generated_module(int chapter, int number) {
    std::string id = "c" + std::to_string(chapter) + "-m" + std::to_string(number);
    std::string s = "---\nid: " + id + "\nnumber: " + std::to_string(number) + "\ntitle: Module " + id +
                    "\nsubtitle: Generated\nminutes: 12\ncategory: cat" + std::to_string(number % 3) + "\n---\n\n";
    s += "> [!LEAD]\n> A generated lead line for the benchmark.\n\n";
    for (int section = 0; section < 4; ++section) {
        s += "## Section " + std::to_string(section) + "\n\n";
        for (int p = 0; p < 3; ++p)
            s += "Account management is **the** disciplined work of growing revenue from clients you already "
                 "have, and *the* most efficient commercial activity available. It needs deep knowledge, a "
                 "systematic process and relationship quality, with [links](https://example.com) too.\n\n";
    }
    s += "> [!PROCESS] Steps\n> 1. **One** thing.\n> 2. **Two** things.\n> 3. **Three** things.\n\n";
    s += "> [!MISTAKE] Trap\n> A mistake to avoid.\n\n> [!TAKEAWAYS]\n> - One\n> - Two\n> - Three\n\n";
    s += "> [!REFLECTION]\n> Write it down.\n\n> [!OUTCOME]\n> You did it.\n";
    return s;
}

fs::path generate_course(int chapters, int modules) {
    fs::path root = fs::temp_directory_path() / ("gw-bench-course-" + std::to_string(std::random_device{}()));
    fs::create_directories(root);
    std::ofstream course(root / "course.md");
    course << "---\ntitle: Generated\nchapters:\n";
    for (int c = 0; c < chapters; ++c) {
        std::string folder = "ch" + std::to_string(c);
        course << "  - " << folder << "\n";
        fs::create_directories(root / folder);
        std::ofstream ch(root / folder / "chapter.md");
        ch << "---\nid: chapter-" << c << "\nnumber: " << c + 1 << "\ntitle: Chapter " << c
           << "\ncategories:\n  - id: cat0\n    title: A\n  - id: cat1\n    title: B\n  - id: cat2\n    title: C\n"
              "modules:\n";
        for (int m = 1; m <= modules; ++m) ch << "  - m" << m << ".md\n";
        ch << "---\nIntroduction.\n";
        for (int m = 1; m <= modules; ++m)
            std::ofstream(root / folder / ("m" + std::to_string(m) + ".md")) << generated_module(c, m);
    }
    course << "---\n";
    return root;
}

// The floor: every .md file read and parsed by cmark-gfm with the extensions and options the loader uses; no model.
std::size_t read_and_parse_only(const fs::path& root) {
    cmark_gfm_core_extensions_ensure_registered();
    std::size_t nodes = 0;
    for (const auto& e : fs::recursive_directory_iterator(root)) {
        if (e.path().extension() != ".md") continue;
        std::ifstream in(e.path(), std::ios::binary);
        std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        cmark_parser* parser = cmark_parser_new(CMARK_OPT_SMART);
        for (const char* name : {"table", "strikethrough", "autolink", "tasklist"})
            if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name))
                cmark_parser_attach_syntax_extension(parser, ext);
        cmark_parser_feed(parser, text.data(), text.size());
        cmark_node* doc = cmark_parser_finish(parser);
        nodes += cmark_node_first_child(doc) != nullptr;
        cmark_node_free(doc);
        cmark_parser_free(parser);
    }
    return nodes;
}

}  // namespace

int bench_content() {
    std::printf("Content loading\n");
    std::size_t errors = 0;
    double shipped = median_ms(21, [&] { errors += load_course(GROUNDWORK_SHIPPED_CONTENT).diagnostics.size(); });
    report("load the shipped course (1 chapter, 13 files)", shipped, 0);

    fs::path generated = generate_course(100, 10);
    int modules = 0;
    double big = median_cpu_ms(7, [&] {
        Course c = load_course(generated);
        modules = c.module_count();
        errors += c.diagnostics.size();
    });
    char what[96];
    std::snprintf(what, sizeof what, "load a generated course (100 x 10 = %d modules), CPU", modules);
    report(what, big, 300);
    std::size_t parsed = 0;
    const double floor = median_cpu_ms(7, [&] { parsed += read_and_parse_only(generated); });
    std::printf("%-64s median %9.3f ms   ratio %5.2fx\n", "  floor: read the same files, parse with cmark-gfm only, CPU",
                floor, floor > 0 ? big / floor : 0.0);
    fs::remove_all(generated);
    if (errors) std::printf("  (%zu diagnostics while loading: the generator is out of date)\n", errors);
    std::printf("\n");
    return 0;
}

}  // namespace gw::bench
