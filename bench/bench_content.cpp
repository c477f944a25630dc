// Loading budget: the shipped course, and a generated course of 100 chapters x 10 modules (budget 300 ms).
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

}  // namespace

int bench_content() {
    std::printf("Content loading\n");
    std::size_t errors = 0;
    double shipped = median_ms(21, [&] { errors += load_course(GROUNDWORK_SHIPPED_CONTENT).diagnostics.size(); });
    report("load the shipped course (1 chapter, 13 files)", shipped, 0);

    fs::path generated = generate_course(100, 10);
    int modules = 0;
    double big = median_ms(7, [&] {
        Course c = load_course(generated);
        modules = c.module_count();
        errors += c.diagnostics.size();
    });
    char what[96];
    std::snprintf(what, sizeof what, "load a generated course (100 chapters x 10 modules = %d)", modules);
    report(what, big, 300);
    fs::remove_all(generated);
    if (errors) std::printf("  (%zu diagnostics while loading: the generator is out of date)\n", errors);
    std::printf("\n");
    return 0;
}

}  // namespace gw::bench
