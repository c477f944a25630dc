// Images in course Markdown (issue 8): the model keeps them as Image blocks, and load checks each file (missing,
// damaged, over the caps, remote, out of the course) with a message at the image's line.
#include <doctest/doctest.h>

#include <filesystem>
#include <sstream>

#include "runtime/cli/check_command.h"
#include "runtime/course/course_loader.h"
#include "runtime/markdown/image_ref.h"
#include "runtime/markdown/markdown_parser.h"
#include "temp_course.h"

using namespace gw;
using gw::test::TempCourse;
namespace fs = std::filesystem;

namespace {

const fs::path kImages = fs::path(GROUNDWORK_TEST_DATA) / "images";

std::string module_with(const std::string& body) {
    return "---\nid: mod-a\nnumber: 1\ntitle: Module A\nminutes: 5\ncategory: cat\n---\n" + body +
           "\n\n> [!REFLECTION]\n> Think.\n";
}

// The module's body starts on line 8 (seven lines of front matter).
constexpr int kBodyLine = 8;

void copy_image(const TempCourse& t, const std::string& fixture, const std::string& to) {
    fs::create_directories((t.root() / to).parent_path());
    fs::copy_file(kImages / fixture, t.root() / to, fs::copy_options::overwrite_existing);
}

std::string check_output(const TempCourse& t, int* rc) {
    std::ostringstream out;
    *rc = run_check(t.path(), out);
    return out.str();
}

const Block* first_of(const std::vector<Block>& blocks, BlockKind kind) {
    for (const Block& b : blocks) {
        if (b.kind == kind) return &b;
        if (const Block* c = first_of(b.children, kind)) return c;
    }
    return nullptr;
}

std::vector<Block> parse(const std::string& md) {
    std::vector<Diagnostic> d;
    return parse_markdown(md, 1, "ch/a.md", d);
}

}  // namespace

TEST_CASE("an image on its own line is an Image block with its alt text, url and line") {
    auto blocks = parse("Intro.\n\n![The account map](diagram.png)\n");
    REQUIRE(blocks.size() == 2);
    CHECK(blocks[1].kind == BlockKind::Image);
    CHECK(blocks[1].line == 3);
    REQUIRE(blocks[1].images.size() == 1);
    CHECK(blocks[1].images[0].url == "diagram.png");
    CHECK(blocks[1].images[0].alt == "The account map");
    CHECK(blocks[1].images[0].line == 3);
    CHECK(plain_text(blocks[1]) == "The account map");
}

TEST_CASE("text around an image stays in order as paragraphs, without the breaks at its edges") {
    auto blocks = parse("Before the map:\n![map](m.png)\nand after it.\n");
    REQUIRE(blocks.size() == 3);
    CHECK(blocks[0].kind == BlockKind::Paragraph);
    CHECK(plain_text(blocks[0]) == "Before the map:");
    CHECK(blocks[1].kind == BlockKind::Image);
    CHECK(blocks[1].line == 2);
    CHECK(blocks[2].kind == BlockKind::Paragraph);
    CHECK(plain_text(blocks[2]) == "and after it.");
    CHECK(blocks[2].line == 3);
}

TEST_CASE("images in lists and callouts become Image blocks there; in headings, links and tables they are checked") {
    auto blocks = parse("- ![a](a.png)\n\n# Title ![h](h.png)\n\n[![badge](b.png)](https://example.com)\n\n"
                        "| x |\n| - |\n| ![c](c.png) |\n");
    const Block* in_list = first_of(blocks, BlockKind::Image);
    REQUIRE(in_list);
    CHECK(in_list->images.at(0).url == "a.png");
    REQUIRE(blocks.size() == 4);
    CHECK(blocks[1].images.at(0).url == "h.png");
    CHECK(plain_text(blocks[1]).find("[h]") != std::string::npos);
    CHECK(blocks[2].kind == BlockKind::Paragraph);  // the image is inside a link: it stays text
    CHECK(blocks[2].images.at(0).url == "b.png");
    CHECK(blocks[3].images.at(0).url == "c.png");
}

TEST_CASE("an image beside the module loads with its size in pixels, and check is clean") {
    TempCourse t;
    copy_image(t, "diagram.png", "ch/diagram.png");
    t.write("ch/a.md", module_with("![diagram](diagram.png)"));
    Course c = load_course(t.root());
    const Block* img = first_of(c.chapters.at(0).modules.at(0).blocks, BlockKind::Image);
    REQUIRE(img);
    const ImageRef& r = img->images.at(0);
    CHECK(r.status == ImageStatus::Ok);
    CHECK(r.width == 40);
    CHECK(r.height == 20);
    CHECK(r.file == "ch/diagram.png");
    CHECK(r.bytes == fs::file_size(kImages / "diagram.png"));
    CHECK(r.mtime_ns != 0);
    int rc = 0;
    std::string out = check_output(t, &rc);
    CHECK(rc == 0);
    CHECK(out.find("0 errors, 0 warnings") != std::string::npos);
}

TEST_CASE("a JPEG is read too") {
    TempCourse t;
    copy_image(t, "photo.jpg", "ch/photo.jpg");
    t.write("ch/a.md", module_with("![photo](photo.jpg)"));
    Course c = load_course(t.root());
    const ImageRef& r = first_of(c.chapters.at(0).modules.at(0).blocks, BlockKind::Image)->images.at(0);
    CHECK(r.status == ImageStatus::Ok);
    CHECK(r.width == 30);
    CHECK(r.height == 45);
}

TEST_CASE("a missing image is a check error at its line, also shown on the module's page") {
    TempCourse t;
    t.write("ch/a.md", module_with("Text.\n\n![diagram](diagram.png)"));
    int rc = 0;
    std::string out = check_output(t, &rc);
    CHECK(rc == 1);
    CHECK(out.find("ch/a.md:" + std::to_string(kBodyLine + 2) + ": error: image 'diagram.png': no such file") !=
          std::string::npos);
    Course c = load_course(t.root());
    CHECK(c.chapters.at(0).modules.at(0).problems.size() == 1);
    CHECK(first_of(c.chapters.at(0).modules.at(0).blocks, BlockKind::Image)->images.at(0).status ==
          ImageStatus::Missing);
}

TEST_CASE("images in a heading or a table cell are checked too") {
    TempCourse t;
    t.write("ch/a.md", module_with("## Map ![m](gone.png)\n\n| a |\n| - |\n| ![x](gone-too.png) |"));
    int rc = 0;
    std::string out = check_output(t, &rc);
    CHECK(rc == 1);
    CHECK(out.find("image 'gone.png': no such file") != std::string::npos);
    CHECK(out.find("ch/a.md:" + std::to_string(kBodyLine + 4) + ": error: image 'gone-too.png'") !=
          std::string::npos);
}

TEST_CASE("a damaged file and a file that is not a PNG or JPEG are check errors") {
    TempCourse t;
    copy_image(t, "damaged.png", "ch/damaged.png");
    t.write("ch/notes.png", "just some text\n");
    t.write("ch/a.md", module_with("![d](damaged.png)\n\n![n](notes.png)"));
    int rc = 0;
    std::string out = check_output(t, &rc);
    CHECK(rc == 1);
    CHECK(out.find(":" + std::to_string(kBodyLine) + ": error: image 'damaged.png': a damaged PNG file") !=
          std::string::npos);
    CHECK(out.find(":" + std::to_string(kBodyLine + 2) + ": error: image 'notes.png': not a PNG or JPEG file") !=
          std::string::npos);
}

TEST_CASE("an image over 8192 pixels a side is a check error naming its size") {
    TempCourse t;
    copy_image(t, "wide-9000.png", "ch/wide.png");
    t.write("ch/a.md", module_with("![w](wide.png)"));
    int rc = 0;
    std::string out = check_output(t, &rc);
    CHECK(rc == 1);
    CHECK(out.find(":" + std::to_string(kBodyLine) + ": error: image 'wide.png': 9000 x 10 pixels, over the 8192") !=
          std::string::npos);
    Course c = load_course(t.root());
    CHECK(first_of(c.chapters.at(0).modules.at(0).blocks, BlockKind::Image)->images.at(0).status ==
          ImageStatus::TooLarge);
}

TEST_CASE("an image file over 25 MB is a check error") {
    TempCourse t;
    copy_image(t, "diagram.png", "ch/big.png");
    fs::resize_file(t.root() / "ch/big.png", kMaxImageBytes + 1);  // a valid header, then zeros (sparse)
    t.write("ch/a.md", module_with("![b](big.png)"));
    int rc = 0;
    std::string out = check_output(t, &rc);
    CHECK(rc == 1);
    CHECK(out.find("error: image 'big.png': 25 MB, over the 25 MB an image may have") != std::string::npos);
}

TEST_CASE("a remote image is a warning, never fetched; other schemes and paths out of the course are refused") {
    TempCourse t;
    t.write("ch/a.md", module_with("![web](https://example.com/x.png)\n\n![f](file:///etc/x.png)\n\n"
                                   "![up](../../x.png)\n\n![abs](/tmp/x.png)"));
    int rc = 0;
    std::string out = check_output(t, &rc);
    CHECK(rc == 0);  // warnings only
    CHECK(out.find(":" + std::to_string(kBodyLine) + ": warning: image 'https://example.com/x.png' is on the web") !=
          std::string::npos);
    CHECK(out.find("warning: image 'file:///etc/x.png' is never shown") != std::string::npos);
    CHECK(out.find("warning: image '../../x.png' is never shown: the path leads out of the course folder") !=
          std::string::npos);
    CHECK(out.find("warning: image '/tmp/x.png' is never shown: an absolute path") != std::string::npos);
    Course c = load_course(t.root());
    const Block* img = first_of(c.chapters.at(0).modules.at(0).blocks, BlockKind::Image);
    CHECK(img->images.at(0).status == ImageStatus::Remote);
    CHECK(img->images.at(0).path.empty());
}

TEST_CASE("paths are relative to the Markdown file: a subfolder, and ../images from a chapter") {
    TempCourse t;
    copy_image(t, "diagram.png", "ch/img/diagram.png");
    copy_image(t, "photo.jpg", "images/photo.jpg");
    t.write("ch/a.md", module_with("![d](img/diagram.png)\n\n![p](../images/photo.jpg)\n\n![s](img/../img/diagram.png)"));
    int rc = 0;
    std::string out = check_output(t, &rc);
    CHECK(rc == 0);
    CHECK(out.find("0 errors, 0 warnings") != std::string::npos);
    Course c = load_course(t.root());
    std::vector<const ImageRef*> refs;
    for (const Block& b : c.chapters.at(0).modules.at(0).blocks)
        if (b.kind == BlockKind::Image) refs.push_back(&b.images.at(0));
    REQUIRE(refs.size() == 3);
    CHECK(refs[0]->file == "ch/img/diagram.png");
    CHECK(refs[1]->file == "images/photo.jpg");
    CHECK(refs[1]->height == 45);
    CHECK(refs[2]->file == "ch/img/diagram.png");
    CHECK(fs::path(refs[1]->path) == t.root() / "images/photo.jpg");
}

TEST_CASE("an image in a chapter's introduction is checked against chapter.md's folder") {
    TempCourse t;
    t.write("ch/chapter.md",
            "---\nid: ch\nnumber: 3\ntitle: A Chapter\ncategories:\n  - id: cat\n    title: Cat\n"
            "modules:\n  - a.md\n  - b.md\nhomework:\n  - hw.md\n---\nIntro.\n\n![cover](cover.png)\n");
    int rc = 0;
    std::string out = check_output(t, &rc);
    CHECK(rc == 1);
    CHECK(out.find("ch/chapter.md:16: error: image 'cover.png': no such file (ch/cover.png)") != std::string::npos);
}
