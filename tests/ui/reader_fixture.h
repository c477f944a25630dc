#pragma once
// A headless reader on a course, with a profile in a temporary folder and a clock the test moves by hand: the
// harness the learner-side UI tests share.
#include <doctest/doctest.h>

#include <functional>
#include <memory>
#include <string>

#include "../progress/temp_dir.h"
#include "progress/profile_json.h"
#include "progress/work_session.h"
#include "ui/headless.h"
#include "ui/item_probe.h"
#include "ui/reader_app.h"

namespace gw::test {

struct ReaderFixture {
    TempDir dir;
    Millis now = now_millis();  // the store stamps saves with the real clock
    ui::HeadlessImGui gui;
    std::unique_ptr<WorkSession> session;
    std::unique_ptr<ui::ReaderApp> app;
    std::function<void()> body = [this] { app->frame(); };
    std::string content;
    int frames_after_click;

    // `frames_after_click`: frames drawn after each click, so a page it opened is laid out before the next look.
    ReaderFixture(std::string content_dir, int frames_after_click)
        : content(std::move(content_dir)), frames_after_click(frames_after_click) {
        ui::probe::enable(true);
    }
    ~ReaderFixture() { ui::probe::enable(false); }

    // (Re)starts the app on the same folder: a new session and reader, as after a restart.
    void start(const std::string& module = "") {
        app.reset();
        session.reset();
        session = std::make_unique<WorkSession>(std::make_unique<ProfileStore>(dir.path(), "t"), [this] { return now; });
        session->open();
        AppOptions o;
        o.content_dir = content;
        o.start_item = module;
        app = std::make_unique<ui::ReaderApp>(o, gui.fonts(), session.get());
        app->load_content();
        frames(3);
    }
    void frames(int n) {
        for (int i = 0; i < n; ++i) gui.frame(body);
    }
    void click(const std::string& probe_name) {
        auto c = ui::probe::centre(probe_name);
        REQUIRE_MESSAGE(c, "not drawn: " << probe_name);
        gui.click(*c, body);
        frames(frames_after_click);
    }
    Profile on_disk() {
        REQUIRE(session->flush());
        Profile p;
        std::string error;
        REQUIRE_MESSAGE(load_profile_file(dir / "profiles/t.json", &p, &error), error);
        return p;
    }
    void scroll_to_end() {
        gui.key(ImGuiKey_End, body);
        frames(2);
    }
};

}  // namespace gw::test
