#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <string>
#include <thread>
#include <vector>

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

namespace {

// Waits up to two seconds for the watcher to report a change.
bool change_seen(gw::ContentWatcher& w) {
    for (int i = 0; i < 100; ++i) {
        if (w.take_change()) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return false;
}

}  // namespace

TEST_CASE("an image changed two folders down is noticed (ch/images/map.png)") {
    gw::test::TempCourse t;
    std::filesystem::create_directories(t.root() / "ch/images");
    t.write("ch/images/map.png", "first");
    gw::ContentWatcher w(t.root(), [] {});
    REQUIRE(w.active());
    t.write("ch/images/map.png", "second version");
    CHECK(change_seen(w));
}

TEST_CASE("a folder made after the watcher started is watched too, however deep") {
    gw::test::TempCourse t;
    gw::ContentWatcher w(t.root(), [] {});
    REQUIRE(w.active());
    std::filesystem::create_directories(t.root() / "ch/figures/2026");
    CHECK(change_seen(w));  // the new folder itself
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    t.write("ch/figures/2026/chart.png", "pixels");
    CHECK(change_seen(w));
    t.write("ch/figures/2026/chart.png", "other pixels");
    CHECK(change_seen(w));
}

TEST_CASE("past its bound of folders the watcher stops adding watches and says where") {
    gw::test::TempCourse t;
    for (const char* d : {"ch/a1", "ch/a2", "ch/a3", "ch/a4"}) std::filesystem::create_directories(t.root() / d);
    std::vector<std::string> reported;
    gw::ContentWatcher w(t.root(), [] {}, [&](const std::string& s) { reported.push_back(s); }, 3);
    REQUIRE(w.active());
    CHECK(w.folders_watched() == 3);
    REQUIRE(reported.size() == 1);  // said once, not once per folder left out
    CHECK(reported[0].find("more than 3 folders") != std::string::npos);
    CHECK(reported[0].find("not picked up live") != std::string::npos);
    CHECK(w.problems() == reported);
}

TEST_CASE("hidden folders are not watched; a deleted folder gives its watch back") {
    gw::test::TempCourse t;
    std::filesystem::create_directories(t.root() / ".git/objects/ab");
    std::filesystem::create_directories(t.root() / "ch/old/images");
    gw::ContentWatcher w(t.root(), [] {});
    REQUIRE(w.active());
    CHECK(w.folders_watched() == 4);  // root, ch, ch/old, ch/old/images
    std::filesystem::remove_all(t.root() / "ch/old");
    CHECK(change_seen(w));
    for (int i = 0; i < 100 && w.folders_watched() != 2; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(20));
    CHECK(w.folders_watched() == 2);
    t.write("ch/a.md", gw::test::TempCourse::module("mod-a", 1, "cat") + "\nStill watched.\n");
    CHECK(change_seen(w));
}

TEST_CASE("the course folder swapped for a new copy (a library update) is followed by name") {
    // The library installs an update by renaming a new copy into the course's place; the watches stayed on the old
    // folder (now under .previous/), so edits and the update itself went unseen.
    gw::test::TempCourse t;
    gw::test::TempCourse next;
    const std::filesystem::path old_place = t.root().string() + ".previous";
    gw::ContentWatcher w(t.root(), [] {});
    REQUIRE(w.active());
    std::filesystem::rename(t.root(), old_place);
    std::filesystem::rename(next.root(), t.root());
    CHECK(change_seen(w));  // the swap itself
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    t.write("ch/a.md", gw::test::TempCourse::module("mod-a", 1, "cat") + "\nEdited in the new copy.\n");
    CHECK(change_seen(w));
    std::filesystem::remove_all(old_place);
    std::filesystem::create_directories(next.root());  // so `next` can clean up after itself
}
