// A module whose front matter breaks while the learner reads it: the reader stays on it, shows its errors in place,
// and shows the module again as soon as the file is fixed.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "reader_fixture.h"
#include "ui/theme.h"

using namespace gw;

namespace {

const std::string kMini = std::string(GROUNDWORK_TEST_DATA) + "/mini-course";

std::string read(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

}  // namespace

TEST_CASE("a module broken while it is open keeps the reader on it and comes back when fixed") {
    test::TempDir content;
    std::filesystem::copy(kMini, content.path(), std::filesystem::copy_options::recursive);
    const auto file = content.path() / "ch1/m2.md";
    const std::string good = read(file);

    // Each way an editor can leave the front matter: the id line mistyped, the opening --- deleted, the file
    // saved empty for a moment.
    for (const std::string& broken : {std::string("---\nid mini-two\ntitle: [broken\n---\nBody.\n"),
                                      std::string("id: mini-two\ntitle: Second\n---\nBody.\n"), std::string()}) {
        CAPTURE(broken);
        test::ReaderFixture f(content.path().string(), 2);
        f.start("mini-two");
        REQUIRE(f.app->navigator().current() == "mini-two");

        std::ofstream(file, std::ios::binary) << broken;
        f.app->load_content();
        ImDrawData* d = nullptr;
        for (int i = 0; i < 2; ++i) d = f.gui.frame(f.body);
        const CourseItem* shown = f.app->course().find_item(f.app->navigator().current());
        REQUIRE(shown);  // not the chapter overview
        CHECK(shown->file == "ch1/m2.md");
        CHECK(shown->broken());
        CHECK(ui::draw_data_has_colour(d, ui::palette().error_bg));

        std::ofstream(file, std::ios::binary) << good;
        f.app->load_content();
        for (int i = 0; i < 2; ++i) d = f.gui.frame(f.body);
        CHECK(f.app->navigator().current() == "mini-two");
        CHECK_FALSE(ui::draw_data_has_colour(d, ui::palette().error_bg));
    }
}

TEST_CASE("course.md broken while the app runs keeps the learner's work under the course's id") {
    // A half-saved course.md reads as "Untitled course", whose id is another key: the done mark seemed gone and
    // what the learner did meanwhile went under that key. The reader keeps the id until the file is whole.
    test::TempDir content;
    std::filesystem::copy(kMini, content.path(), std::filesystem::copy_options::recursive);
    const auto course_md = content.path() / "course.md";
    const std::string good = read(course_md);
    test::ReaderFixture f(content.path().string(), 2);
    f.start("mini-two");
    const std::string id = f.app->course().id;
    f.session->set_done("mini-two", true);
    REQUIRE(f.session->work().is_done("mini-two"));

    std::ofstream(course_md, std::ios::binary) << "---\ntitle: [half saved\n";
    f.app->load_content();
    f.frames(2);
    CHECK(f.app->course().id == id);
    CHECK(f.session->work().is_done("mini-two"));
    f.session->set_done("mini-one", true);  // done while the file was broken: kept with the rest

    std::ofstream(course_md, std::ios::binary) << good;
    f.app->load_content();
    f.frames(2);
    CHECK(f.app->course().id == id);
    CHECK(f.session->work().is_done("mini-one"));
    CHECK(f.session->work().is_done("mini-two"));
}
