#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <thread>

#include "runtime/course/content_watcher.h"
#include "temp_course.h"

TEST_CASE("editing a module file is noticed once, and the wake callback runs") {
    gw::test::TempCourse t;
    std::atomic<int> wakes{0};
    gw::ContentWatcher w(t.root(), [&] { ++wakes; });
    REQUIRE(w.active());
    CHECK_FALSE(w.take_change());
    t.write("ch/a.md", gw::test::TempCourse::module("mod-a", 1, "cat") + "\nMore text.\n");
    for (int i = 0; i < 100 && wakes == 0; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(20));
    CHECK(wakes >= 1);
    CHECK(w.take_change());
    CHECK_FALSE(w.take_change());  // one reload per burst
}
