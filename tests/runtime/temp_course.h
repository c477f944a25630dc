#pragma once
// Builds a throw-away course folder for a test, valid by default; tests then break one thing at a time.
#include <filesystem>
#include <fstream>
#include <random>
#include <string>

namespace gw::test {

class TempCourse {
public:
    TempCourse() {
        std::random_device rd;
        root_ = std::filesystem::temp_directory_path() / ("gw-course-" + std::to_string(rd()));
        std::filesystem::create_directories(root_ / "ch");
        write("course.md", "---\ntitle: Test Course\nchapters:\n  - ch\n---\n");
        write("ch/chapter.md",
              "---\nid: ch\nnumber: 3\ntitle: A Chapter\ncategories:\n  - id: cat\n    title: Cat\n"
              "modules:\n  - a.md\n  - b.md\nhomework:\n  - hw.md\n---\nIntro.\n");
        write("ch/a.md", module("mod-a", 1, "cat"));
        write("ch/b.md", module("mod-b", 2, "cat"));
        write("ch/hw.md", "---\nid: hw-1\nnumber: 1\ntitle: Homework\n---\nDo it.\n");
    }
    ~TempCourse() {
        std::error_code ec;
        std::filesystem::remove_all(root_, ec);
    }
    static std::string module(const std::string& id, int number, const std::string& category) {
        return "---\nid: " + id + "\nnumber: " + std::to_string(number) + "\ntitle: Module " + id +
               "\nminutes: 5\ncategory: " + category + "\n---\n\nBody.\n\n> [!REFLECTION]\n> Think.\n";
    }
    void write(const std::string& rel, const std::string& text) {
        std::filesystem::create_directories((root_ / rel).parent_path());
        std::ofstream(root_ / rel, std::ios::binary) << text;
    }
    std::string path() const { return root_.string(); }
    std::filesystem::path root() const { return root_; }

private:
    std::filesystem::path root_;
};

}  // namespace gw::test
