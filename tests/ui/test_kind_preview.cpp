// --module artifact-kind:KIND: an empty preview of that kind's form, which creates nothing in the profile.
#include <doctest/doctest.h>

#include "reader_fixture.h"

using namespace gw;

TEST_CASE("--module artifact-kind:KIND opens an empty, unsaved preview of the kind's form") {
    test::ReaderFixture f(GROUNDWORK_SHIPPED_CONTENT, 2);
    f.start("artifact-kind:account-plan");
    CHECK(f.app->kind_previewed() == "account-plan");
    CHECK(ui::probe::centre("kind-preview"));
    f.frames(5);
    REQUIRE(f.session->flush());
    CHECK(f.session->profile().artifacts.empty());
    // A preview is not a place to come back to: no resume point names it, in memory or on disk.
    CHECK(f.session->work().resume.page_id.find("artifact-kind") == std::string::npos);
    if (std::filesystem::exists(f.dir / "profiles/t.json")) {
        Profile p = f.on_disk();
        CHECK(p.artifacts.empty());
        CHECK(p.work(f.app->course().id).resume.page_id.find("artifact-kind") == std::string::npos);
    }

    // The next start goes back to the course, not to the preview.
    f.start();
    CHECK(f.app->kind_previewed().empty());
}
