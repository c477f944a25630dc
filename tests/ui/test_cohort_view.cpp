// The trainer's Cohort page: a folder of export files is read off the UI thread and shown one row per learner,
// with the course's share done.
#include <doctest/doctest.h>

#include <chrono>
#include <fstream>
#include <thread>

#include "../progress/temp_dir.h"
#include "progress/profile_json.h"
#include "runtime/course/course_loader.h"
#include "ui/headless.h"
#include "ui/item_probe.h"
#include "ui/views/cohort_view.h"

using namespace gw;

TEST_CASE("the cohort page reads a folder of export files in the background and lists each learner") {
    const Course course = load_course(GROUNDWORK_SHIPPED_CONTENT);
    REQUIRE(course.module_count() > 0);
    test::TempDir dir;
    for (int n = 0; n < 3; ++n) {
        Profile p;
        for (int i = 0; i < n; ++i) p.work_in(course.id).set_done(course.chapters[0].modules[static_cast<size_t>(i)].id, true, 1000 + i);
        std::ofstream(dir / ("learner-" + std::to_string(n) + ".json")) << profile_to_json(p).dump();
    }
    ui::HeadlessImGui gui;
    ui::CohortViewState state;
    state.folder = dir.path().string();
    auto body = [&] {
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImVec2(1200, 800));
        ImGui::Begin("cohort");
        ui::draw_cohort_view(state, course, nullptr, 1100, gui.fonts());
        ImGui::End();
    };
    ui::probe::enable(true);
    gui.frame(body);
    gui.frame(body);
    auto button = ui::probe::centre("cohort-read-folder");
    REQUIRE(button);
    gui.click(*button, body);
    for (int i = 0; i < 200 && !state.report; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
        gui.frame(body);
    }
    REQUIRE(state.report);
    REQUIRE(state.report->learners.size() == 3);
    CHECK(state.report->learners[0].name == "learner-0");
    CHECK(state.report->learners[2].modules_done.size() == 2);
    const int total = course.module_count() + course.homework_count();
    CHECK(ui::course_share_done(state.report->learners[2], course) == (200 + total / 2) / total);
    CHECK(state.error.empty());
    CHECK(state.order.size() == 3);  // the table was drawn
}
