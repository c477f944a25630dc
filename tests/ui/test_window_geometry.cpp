// Where the window opens: window.json read defensively, and a saved position checked against the monitors
// connected now. Headless: place_window is a pure function of (saved geometry, monitor work areas).
#include <doctest/doctest.h>

#include "../progress/temp_dir.h"
#include "ui/platform/window_geometry.h"

using namespace gw;
using namespace gw::ui;

namespace {

const WorkArea kLaptop{0, 0, 1280, 800};         // one 1280x800 screen
const WorkArea kLeftOfLaptop{-1920, 0, 1920, 1080};  // a monitor left of the primary one

WindowGeometry at(int x, int y, int w = 1000, int h = 700) {
    WindowGeometry g;
    g.x = x;
    g.y = y;
    g.width = w;
    g.height = h;
    g.has_position = true;
    return g;
}

WindowGeometry load(const std::string& text, std::string* problem) {
    test::TempDir dir;
    test::spit(dir / "window.json", text);
    return load_window_geometry(dir / "window.json", problem);
}

}  // namespace

TEST_CASE("a window saved on a monitor that is gone is centred on the primary one") {
    const WindowGeometry g = place_window(at(2200, 100), {kLaptop});
    CHECK(g.x == (1280 - 1000) / 2);
    CHECK(g.y == (800 - 700) / 2);
    CHECK(g.width == 1000);
    CHECK(g.height == 700);
}

TEST_CASE("a window left of the primary monitor keeps its negative position while that monitor is there") {
    const WindowGeometry g = place_window(at(-1500, 40), {kLaptop, kLeftOfLaptop});
    CHECK(g.x == -1500);
    CHECK(g.y == 40);
    // Unplug the left monitor: the same saved position comes back onto the laptop.
    const WindowGeometry back = place_window(at(-1500, 40), {kLaptop});
    CHECK(back.x == 140);
    CHECK(back.y == 50);
}

TEST_CASE("a window on a secondary monitor is centred on the primary one, not the first in some other order") {
    const WorkArea right{1280, 0, 1920, 1080};
    const WindowGeometry g = place_window(at(9000, 9000), {kLaptop, right});
    CHECK(g.x == 140);
    CHECK(g.y == 50);
}

TEST_CASE("a window partly off screen stays where it is while its top strip can still be grabbed") {
    CHECK(place_window(at(1000, 200), {kLaptop}).x == 1000);     // 280 px of the top strip on screen
    CHECK(place_window(at(-900, 200), {kLaptop}).x == -900);     // 100 px on screen, at the left edge
    CHECK(place_window(at(1250, 200), {kLaptop}).x == 140);      // 30 px: too little to grab
    CHECK(place_window(at(100, 790), {kLaptop}).y == 50);        // the top strip is below the screen
    CHECK(place_window(at(100, -500), {kLaptop}).y == 50);       // the top strip is above the screen
}

TEST_CASE("a window larger than its monitor shrinks to fit") {
    const WindowGeometry kept = place_window(at(0, 0, 2560, 1440), {kLaptop});
    CHECK(kept.width == 1280);
    CHECK(kept.height == 800);
    const WindowGeometry moved = place_window(at(5000, 0, 2560, 1440), {kLaptop});
    CHECK(moved.x == 0);
    CHECK(moved.y == 0);
    CHECK(moved.width == 1280);
}

TEST_CASE("no saved position or no monitor known: the window system places the window") {
    WindowGeometry unplaced;
    CHECK_FALSE(place_window(unplaced, {kLaptop}).has_position);
    CHECK(place_window(at(2200, 100), {}).x == 2200);
    CHECK(place_window(at(2200, 100), {WorkArea{0, 0, 0, 0}}).x == 2200);  // a monitor reporting no area
}

TEST_CASE("monitor coordinates near the int limits do not overflow the placement") {
    const WorkArea far{2147483000, 2147483000, 2000, 2000};
    const WindowGeometry g = place_window(at(32000, 32000), {kLaptop, far});
    CHECK(g.x == 140);
}

TEST_CASE("window.json with hostile numbers gives the defaults and a message, never an exception") {
    std::string problem;
    // A double too large for any type: nlohmann refuses the whole document.
    WindowGeometry g;
    CHECK_NOTHROW(g = load(R"({"x": 1e400, "y": 10, "width": 900, "height": 700})", &problem));
    CHECK_FALSE(g.has_position);
    CHECK(g.width == 1280);
    CHECK(problem.find("not valid JSON") != std::string::npos);

    // Integers an int cannot hold used to be truncated into plausible coordinates (2^32-1 became -1).
    g = load(R"({"x": 4294967295, "y": 99999999999, "width": 18446744073709551615, "height": -5})", &problem);
    CHECK_FALSE(g.has_position);
    CHECK(g.width == 1280);
    CHECK(g.height == 800);
    CHECK(problem.find("\"x\" is 4294967295") != std::string::npos);
    CHECK(problem.find("\"y\" is 99999999999") != std::string::npos);
    CHECK(problem.find("\"width\"") != std::string::npos);
    CHECK(problem.find("\"height\" is -5") != std::string::npos);

    g = load(R"({"x": 12.5, "y": 1e300, "width": 1e10, "height": 700})", &problem);
    CHECK_FALSE(g.has_position);
    CHECK(g.width == 1280);
    CHECK(g.height == 700);
    CHECK(problem.find("\"x\" is 12.5") != std::string::npos);
}

TEST_CASE("window.json with wrong types costs only those values, with a message for each") {
    std::string problem;
    const WindowGeometry g =
        load(R"({"x": "10", "y": 20, "width": [1], "height": 700, "maximized": "yes"})", &problem);
    CHECK_FALSE(g.has_position);
    CHECK(g.width == 1280);
    CHECK(g.height == 700);
    CHECK_FALSE(g.maximized);
    CHECK(problem.find("\"x\" is \"10\"") != std::string::npos);
    CHECK(problem.find("\"width\" is [1]") != std::string::npos);
    CHECK(problem.find("\"maximized\" is \"yes\"") != std::string::npos);
    CHECK(problem.find("\"height\"") == std::string::npos);

    CHECK_NOTHROW(load("[1, 2]", &problem));
    CHECK(problem.find("not a JSON object") != std::string::npos);
    CHECK_NOTHROW(load("", &problem));
    CHECK_FALSE(problem.empty());
}

TEST_CASE("a good window.json round-trips, negative position included, with nothing to report") {
    test::TempDir dir;
    WindowGeometry saved = at(-1500, -20, 1100, 750);
    saved.maximized = true;
    std::string error;
    REQUIRE(save_window_geometry(dir / "window.json", saved, &error));
    std::string problem = "stale";
    const WindowGeometry g = load_window_geometry(dir / "window.json", &problem);
    CHECK(problem.empty());
    CHECK(g.has_position);
    CHECK(g.x == -1500);
    CHECK(g.y == -20);
    CHECK(g.width == 1100);
    CHECK(g.height == 750);
    CHECK(g.maximized);
    // No file yet (first run): defaults, silently.
    problem = "stale";
    CHECK_FALSE(load_window_geometry(dir / "missing.json", &problem).has_position);
    CHECK(problem.empty());
}
