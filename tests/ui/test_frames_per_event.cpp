// Frames per event: the window loop's policy (ui/platform/frame_pacer.h) driven by a fake event source, first with pictures
// the test makes up, then with real headless ImGui frames of the reader. "Built" is an ImGui frame (cheap);
// "rendered" is one handed to OpenGL (what costs tens of milliseconds under software rendering).
#include <doctest/doctest.h>

#include <imgui.h>
#include <imgui_internal.h>

#include <cstring>
#include <functional>

#include "reader_fixture.h"
#include "ui/platform/frame_pacer.h"
#include "ui/headless.h"

using namespace gw;
using namespace gw::ui;

namespace {

struct Count {
    int built = 0;
    int rendered = 0;
};

// The loop with made-up pictures: `picture(frame)` is the digest of the n-th frame built after the event.
Count settle(FramePacer& pacer, const std::function<std::uint64_t(int)>& picture,
             const std::function<unsigned(int)>& next = {}) {
    Count c;
    for (int guard = 0; pacer.frame_due() && guard < 100; ++guard) {
        const bool rendered = pacer.built(picture(c.built), next ? next(c.built) : 0u);
        ++c.built;
        if (rendered) ++c.rendered;
    }
    return c;
}

// Brings the pacer to rest on picture `p`.
void rest_on(FramePacer& pacer, std::uint64_t p) {
    settle(pacer, [p](int) { return p; });
    REQUIRE_FALSE(pacer.frame_due());
}

}  // namespace

TEST_CASE("frame pacer: a keystroke renders one frame, and a second one is built only to see nothing moved") {
    FramePacer pacer;
    rest_on(pacer, 1);
    pacer.request(kFrameInput);
    const Count c = settle(pacer, [](int) { return 2; });  // the character shows at once and stays
    CHECK(c.rendered == 1);
    CHECK(c.built == 2);
    CHECK_FALSE(pacer.frame_due());
}

TEST_CASE("frame pacer: when layout moves on the frame after the event (a popup sizing itself), two are rendered") {
    FramePacer pacer;
    rest_on(pacer, 1);
    pacer.request(kFrameInput);
    const Count c = settle(pacer, [](int n) { return n == 0 ? 2 : 3; });
    CHECK(c.rendered == 2);
    CHECK(c.built == 3);
}

TEST_CASE("frame pacer: an event that changes nothing renders nothing; with no event nothing is built") {
    FramePacer pacer;
    rest_on(pacer, 7);
    pacer.request(kFrameInput);  // the pointer moved over plain text
    Count c = settle(pacer, [](int) { return 7; });
    CHECK(c.rendered == 0);
    CHECK(c.built == 2);  // the press/release latch and a tooltip's hidden first frame get their second frame
    pacer.request(kFrameTimer);  // the autosave came due and the status line did not change
    c = settle(pacer, [](int) { return 7; });
    CHECK(c.rendered == 0);
    CHECK(c.built == 1);
    CHECK_FALSE(pacer.frame_due());
}

TEST_CASE("frame pacer: an exposed or resized window is drawn again even when its picture is the same") {
    FramePacer pacer;
    rest_on(pacer, 7);
    pacer.request(kFrameExposed);
    const Count c = settle(pacer, [](int) { return 7; });
    CHECK(c.rendered == 1);
}

TEST_CASE("frame pacer: a picture that never settles stops costing frames after the settle limit") {
    FramePacer pacer(4);
    rest_on(pacer, 1);
    pacer.request(kFrameInput);
    const Count c = settle(pacer, [](int n) { return 100 + n; });
    CHECK(c.built == 5);  // the input frame, then four settle frames
    CHECK_FALSE(pacer.frame_due());
}

TEST_CASE("frame pacer: ImGui laying out, the app scrolling and queued keys keep frames coming, each rendered once") {
    FramePacer pacer;
    rest_on(pacer, 1);
    pacer.request(kFrameInput);
    // The app asks for three more frames (a page jump settling) with the picture the same after the first.
    const Count c = settle(pacer, [](int n) { return n == 0 ? 1 : 2; },
                           [](int n) { return n < 3 ? static_cast<unsigned>(kFrameAppMoving) : 0u; });
    CHECK(c.built == 4);     // input and three app frames; the last changed nothing, so no settle frame
    CHECK(c.rendered == 1);  // only the frame where the picture changed
}

// --- Real ImGui frames -----------------------------------------------------------------------------------------

namespace {

// The window loop of ui/app.cpp without the window: builds frames while the pacer wants them.
Count run(FramePacer& pacer, HeadlessImGui& gui, const std::function<void()>& body,
          const std::function<unsigned()>& app_next = {}) {
    Count c;
    for (int guard = 0; pacer.frame_due() && guard < 100; ++guard) {
        ImDrawData* data = gui.frame(body);
        unsigned next = imgui_layout_pending(*ImGui::GetCurrentContext()) ? kFrameImGuiLayout : 0u;
        if (app_next) next |= app_next();
        const bool rendered = pacer.built(draw_data_digest(*data), next);
        ++c.built;
        if (rendered) ++c.rendered;
    }
    return c;
}

bool window_shown(const char* name_prefix) {
    for (ImGuiWindow* w : ImGui::GetCurrentContext()->Windows)
        if (w->Active && !w->Hidden && std::string(w->Name).rfind(name_prefix, 0) == 0) return true;
    return false;
}

}  // namespace

TEST_CASE("draw data digest: the same frame twice gives the same digest; one changed character a different one") {
    HeadlessImGui gui;
    std::string text = "Account map";
    auto body = [&] {
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::Begin("w", nullptr, ImGuiWindowFlags_NoDecoration);
        ImGui::TextUnformatted(text.c_str());
        ImGui::End();
    };
    gui.frame(body);
    const std::uint64_t a = draw_data_digest(*gui.frame(body));
    CHECK(draw_data_digest(*gui.frame(body)) == a);
    text = "Account mop";
    CHECK(draw_data_digest(*gui.frame(body)) != a);
}

TEST_CASE("a tooltip and a popup show up on screen under the pacer: the frame where they appear is rendered") {
    HeadlessImGui gui;
    ImVec2 button_centre;
    auto body = [&] {
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImVec2(400, 300));
        ImGui::Begin("w", nullptr, ImGuiWindowFlags_NoDecoration);
        ImGui::SetCursorPos(ImVec2(100, 100));
        ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ImGui::GetStyleColorVec4(ImGuiCol_Button));  // hover invisible
        if (ImGui::Button("Create for account...")) ImGui::OpenPopup("menu");
        ImGui::PopStyleColor();
        button_centre = ImVec2((ImGui::GetItemRectMin().x + ImGui::GetItemRectMax().x) / 2,
                               (ImGui::GetItemRectMin().y + ImGui::GetItemRectMax().y) / 2);
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Create an artifact for one of your accounts");
        if (ImGui::BeginPopup("menu")) {
            ImGui::TextUnformatted("Northwind Traders");
            ImGui::EndPopup();
        }
        ImGui::End();
    };
    FramePacer pacer;
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
    run(pacer, gui, body);
    REQUIRE_FALSE(pacer.frame_due());

    // The pointer moves onto the button: its look does not change, only a tooltip appears (hidden on its first frame).
    io.MousePos = button_centre;
    pacer.request(kFrameInput);
    Count c = run(pacer, gui, body);
    CHECK(window_shown("##Tooltip"));
    CHECK(c.rendered >= 1);
    CHECK(c.rendered <= 2);
    const std::uint64_t rendered_before = pacer.frames_rendered();

    // Press and release arrive in one event batch: the backend latches the press for one frame, then releases.
    io.MouseDown[0] = true;
    pacer.request(kFrameInput);
    c.built = 0;
    {
        ImDrawData* data = gui.frame(body);
        pacer.built(draw_data_digest(*data), imgui_layout_pending(*ImGui::GetCurrentContext()) ? kFrameImGuiLayout : 0u);
        ++c.built;
    }
    io.MouseDown[0] = false;  // no new event: the pacer's own settle frames must deliver the release
    c = run(pacer, gui, body);
    CHECK(ImGui::GetCurrentContext()->OpenPopupStack.Size == 1);
    CHECK(window_shown("##Popup"));
    CHECK(pacer.frames_rendered() - rendered_before <= 3);
    // What is on screen is the settled picture: one more frame would change nothing.
    const std::uint64_t shown = draw_data_digest(*gui.frame(body));
    CHECK(draw_data_digest(*gui.frame(body)) == shown);
}

namespace {

struct ShippedReader : test::ReaderFixture {
    ShippedReader() : ReaderFixture(GROUNDWORK_SHIPPED_CONTENT, 1) {}
    FramePacer pacer;
    unsigned app_next() const { return app->wants_another_frame() ? static_cast<unsigned>(kFrameAppMoving) : 0u; }
    Count event() {
        pacer.request(kFrameInput);
        return run(pacer, gui, body, [this] { return app_next(); });
    }
    void rest() {
        pacer.request(kFrameInput);
        run(pacer, gui, body, [this] { return app_next(); });
        REQUIRE_FALSE(pacer.frame_due());
    }
};

}  // namespace

TEST_CASE("typing in the reflection editor: each character renders one frame (the first two) and builds one more") {
    ShippedReader f;
    f.start("account-mapping");
    f.app->open_work("account-mapping");
    f.rest();
    REQUIRE(f.app->reflection_state().editor.focused);
    int rendered = 0, built = 0;
    const char* text = "Northwind's CFO is our only strong relationship.";
    for (const char* p = text; *p; ++p) {
        const char ch[2] = {*p, 0};
        ImGui::GetIO().AddInputCharactersUTF8(ch);
        const Count c = f.event();
        rendered += c.rendered;
        built += c.built;
        INFO("character " << (p - text));
        if (p == text) {  // the first one also brings up the status line under the editor: layout settles once
            CHECK(c.rendered <= 2);
            CHECK(c.built <= 3);
        } else {
            CHECK(c.rendered == 1);
            CHECK(c.built <= 2);
        }
    }
    const Reflection* written = f.session->work().reflection("account-mapping");
    REQUIRE(written);
    CHECK(written->text == text);
    MESSAGE("typing " << std::strlen(text) << " characters: " << built << " frames built, " << rendered << " rendered");
}

TEST_CASE("a wheel notch on a long module renders the frames its scroll needs; more notches, more frames, no more") {
    ShippedReader f;
    f.start("account-mapping");
    f.rest();
    ImGuiWindow* scrolled = nullptr;
    for (ImGuiWindow* w : ImGui::GetCurrentContext()->Windows)
        if (w->Active && w->ScrollMax.y > 0 && (!scrolled || w->ScrollMax.y > scrolled->ScrollMax.y)) scrolled = w;
    REQUIRE(scrolled);
    const ImVec2 inside((scrolled->Pos.x + scrolled->Size.x / 2), scrolled->Pos.y + scrolled->Size.y / 2);
    ImGui::GetIO().MousePos = inside;
    f.rest();
    int rendered = 0;
    for (int notch = 0; notch < 10; ++notch) {
        const float before = scrolled->Scroll.y;
        ImGui::GetIO().MouseWheel = -1.0f;
        const Count c = f.event();
        CHECK(scrolled->Scroll.y > before);
        CHECK(c.rendered >= 1);
        CHECK(c.rendered <= 2);
        rendered += c.rendered;
    }
    MESSAGE("ten wheel notches: " << rendered << " frames rendered");
    // And at rest nothing is built.
    CHECK_FALSE(f.pacer.frame_due());
}
