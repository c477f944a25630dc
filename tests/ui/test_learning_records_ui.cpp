// The "Learning records" page: reached from the sidebar, off until an LRS is set, and a bad address is refused with
// its reason on the page while nothing is saved.
#include <doctest/doctest.h>

#include "reader_fixture.h"
#include "runtime/xapi/learning_records.h"
#include "ui/item_probe.h"
#include "ui/views/sidebar_view.h"

using namespace gw;

TEST_CASE("the sidebar opens Learning records; saving an address that is not http(s) is refused and nothing is kept") {
    test::ReaderFixture f(GROUNDWORK_SHIPPED_CONTENT, 2);
    f.start();
    xapi::LearningRecords records(f.dir.path(), "t", f.app->course(), "Groundwork test");
    f.app->set_learning_records(&records);
    ui::probe::enable(true);
    f.frames(2);
    f.click("records");
    f.frames(2);
    CHECK(f.session->work().resume.page_id == ui::kRecordsPage);
    CHECK_FALSE(records.enabled());
    f.click("lrs-save");  // the endpoint field is empty
    CHECK_FALSE(records.enabled());
    CHECK_FALSE(std::filesystem::exists(f.dir / "profiles/t.lrs.json"));
    f.app->set_learning_records(nullptr);
}
