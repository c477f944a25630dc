// Keys as the learner's keyboard sends them: named after the character the key types in the active layout, and
// queued per event so a chord sent in one burst, a held key's repeats and presses during a slow frame all reach
// the widgets. Events go through KeyEventQueue as GLFW's callbacks would deliver them; the reader, its prose
// editor and ImGui see them through io.KeyMap set as Dear ImGui's GLFW backend sets it.
#include <GLFW/glfw3.h>
#include <doctest/doctest.h>
#include <imgui.h>

#include <functional>
#include <string>

#include "reader_fixture.h"
#include "ui/input/key_event_queue.h"
#include "ui/input/keyboard_layout.h"
#include "ui/platform/frame_pacer.h"

using namespace gw;
using namespace gw::ui;

namespace {

const std::string kMini = std::string(GROUNDWORK_TEST_DATA) + "/mini-course";

// What the main block's keys type where a layout differs from US (X11's "fr" and "de" layouts, first level; dead
// keys as the character they put on the key).
TableKeyboardLayout us_layout() { return TableKeyboardLayout(); }
TableKeyboardLayout french_layout() {
    return TableKeyboardLayout({
        {GLFW_KEY_GRAVE_ACCENT, "²"}, {GLFW_KEY_1, "&"}, {GLFW_KEY_2, "é"}, {GLFW_KEY_3, "\""}, {GLFW_KEY_4, "'"},
        {GLFW_KEY_5, "("}, {GLFW_KEY_6, "-"}, {GLFW_KEY_7, "è"}, {GLFW_KEY_8, "_"}, {GLFW_KEY_9, "ç"},
        {GLFW_KEY_0, "à"}, {GLFW_KEY_MINUS, ")"}, {GLFW_KEY_Q, "a"}, {GLFW_KEY_W, "z"}, {GLFW_KEY_LEFT_BRACKET, "^"},
        {GLFW_KEY_RIGHT_BRACKET, "$"}, {GLFW_KEY_A, "q"}, {GLFW_KEY_SEMICOLON, "m"}, {GLFW_KEY_APOSTROPHE, "ù"},
        {GLFW_KEY_BACKSLASH, "*"}, {GLFW_KEY_Z, "w"}, {GLFW_KEY_M, ","}, {GLFW_KEY_COMMA, ";"},
        {GLFW_KEY_PERIOD, ":"}, {GLFW_KEY_SLASH, "!"},
    });
}
TableKeyboardLayout german_layout() {
    return TableKeyboardLayout({
        {GLFW_KEY_GRAVE_ACCENT, "^"}, {GLFW_KEY_MINUS, "ß"}, {GLFW_KEY_EQUAL, "´"}, {GLFW_KEY_Y, "z"},
        {GLFW_KEY_LEFT_BRACKET, "ü"}, {GLFW_KEY_RIGHT_BRACKET, "+"}, {GLFW_KEY_SEMICOLON, "ö"},
        {GLFW_KEY_APOSTROPHE, "ä"}, {GLFW_KEY_BACKSLASH, "#"}, {GLFW_KEY_Z, "y"}, {GLFW_KEY_SLASH, "-"},
    });
}

// A layout that can be switched while keys are held, as setxkbmap does.
struct SwitchableLayout : KeyboardLayout {
    const KeyboardLayout* current;
    explicit SwitchableLayout(const KeyboardLayout* l) : current(l) {}
    std::string key_character(int key, int scancode) const override { return current->key_character(key, scancode); }
};

// io.KeyMap as Dear ImGui 1.86's GLFW backend fills it.
void map_glfw_keys(ImGuiIO& io) {
    const std::pair<ImGuiKey, int> map[] = {
        {ImGuiKey_Tab, GLFW_KEY_TAB}, {ImGuiKey_LeftArrow, GLFW_KEY_LEFT}, {ImGuiKey_RightArrow, GLFW_KEY_RIGHT},
        {ImGuiKey_UpArrow, GLFW_KEY_UP}, {ImGuiKey_DownArrow, GLFW_KEY_DOWN}, {ImGuiKey_PageUp, GLFW_KEY_PAGE_UP},
        {ImGuiKey_PageDown, GLFW_KEY_PAGE_DOWN}, {ImGuiKey_Home, GLFW_KEY_HOME}, {ImGuiKey_End, GLFW_KEY_END},
        {ImGuiKey_Insert, GLFW_KEY_INSERT}, {ImGuiKey_Delete, GLFW_KEY_DELETE},
        {ImGuiKey_Backspace, GLFW_KEY_BACKSPACE}, {ImGuiKey_Space, GLFW_KEY_SPACE}, {ImGuiKey_Enter, GLFW_KEY_ENTER},
        {ImGuiKey_Escape, GLFW_KEY_ESCAPE}, {ImGuiKey_KeyPadEnter, GLFW_KEY_KP_ENTER}, {ImGuiKey_A, GLFW_KEY_A},
        {ImGuiKey_C, GLFW_KEY_C}, {ImGuiKey_V, GLFW_KEY_V}, {ImGuiKey_X, GLFW_KEY_X}, {ImGuiKey_Y, GLFW_KEY_Y},
        {ImGuiKey_Z, GLFW_KEY_Z},
    };
    for (const auto& [imgui_key, glfw_key] : map) io.KeyMap[imgui_key] = glfw_key;
}

// The reader on the mini course, fed through a key queue as the app feeds it.
struct Keyboard : test::ReaderFixture {
    SwitchableLayout layout;
    KeyEventQueue queue{&layout};

    explicit Keyboard(const KeyboardLayout& l) : ReaderFixture(kMini, 0), layout(&l) {
        map_glfw_keys(ImGui::GetIO());
        start("mini-one");
    }
    // Opens the module's reflection with the keyboard in its editor.
    void edit() {
        app->open_work("mini-one");
        frames(3);
        REQUIRE(app->reflection_state().editor.focused);
    }
    void press(int key) { queue.push_key(key, 0, GLFW_PRESS); }
    void repeat(int key) { queue.push_key(key, 0, GLFW_REPEAT); }
    void release(int key) { queue.push_key(key, 0, GLFW_RELEASE); }
    void tap(int key) { press(key), release(key); }
    void chars(const std::string& ascii) {
        for (char c : ascii) queue.push_char(static_cast<unsigned char>(c));
    }
    // Everything queued arrives within one frame, then the app draws frames until the queue is empty (it asks for
    // the next one at once meanwhile). Returns the frames drawn.
    int run() {
        int n = 0;
        do {
            queue.apply_frame(ImGui::GetIO());
            gui.frame(body);
            ++n;
        } while (!queue.empty() && n < 1000);
        frames(1);
        return n;
    }
    // Ctrl+key sent slowly: each event in a frame of its own.
    void ctrl_slowly(int key) {
        for (auto [k, down] : {std::pair{GLFW_KEY_LEFT_CONTROL, true}, {key, true}, {key, false},
                               {GLFW_KEY_LEFT_CONTROL, false}}) {
            down ? press(k) : release(k);
            run();
        }
    }
    // Ctrl+key sent in one burst, within a single frame.
    void ctrl_burst(int key) {
        press(GLFW_KEY_LEFT_CONTROL), tap(key), release(GLFW_KEY_LEFT_CONTROL);
        run();
    }
    // Types into the editor, a character per event with its key as GLFW sends them.
    void type(const std::string& ascii) {
        for (char c : ascii) chars(std::string(1, c));
        run();
    }
    // The window loop's key path (ui/app.cpp) for one batch of events arriving in one poll: `events` queues
    // them as GLFW's callbacks would; a frame is asked for when the queue needs one (its key callback); frames
    // are built while the pacer wants them, each taking its share of the queue. Counts frames built and rendered.
    struct Frames {
        int built = 0, rendered = 0;
    };
    Frames poll(FramePacer& pacer, const std::function<void()>& events) {
        events();
        if (queue.needs_frame()) pacer.request(kFrameInput);
        Frames f;
        for (int guard = 0; pacer.frame_due() && guard < 100; ++guard) {
            unsigned next = queue.apply_frame(ImGui::GetIO()) ? static_cast<unsigned>(kFrameQueuedKeys) : 0u;
            ImDrawData* data = gui.frame(body);
            if (app->wants_another_frame()) next |= kFrameAppMoving;
            if (imgui_layout_pending(*ImGui::GetCurrentContext())) next |= kFrameImGuiLayout;
            ++f.built;
            if (pacer.built(draw_data_digest(*data), next)) ++f.rendered;
        }
        return f;
    }
    // One keystroke as a keyboard sends it: the key's press and its character in one poll, its release later
    // (in a poll of its own). `shift`: a capital, with Shift pressed before and released after.
    Frames keystroke(FramePacer& pacer, int key, char c, bool shift = false) {
        Frames total;
        auto add = [&total](Frames f) { total.built += f.built, total.rendered += f.rendered; };
        if (shift) add(poll(pacer, [this] { press(GLFW_KEY_LEFT_SHIFT); }));
        add(poll(pacer, [this, key, c] { press(key), chars(std::string(1, c)); }));
        add(poll(pacer, [this, key] { release(key); }));
        if (shift) add(poll(pacer, [this] { release(GLFW_KEY_LEFT_SHIFT); }));
        return total;
    }
    const ProseEditorState& editor() const { return app->reflection_state().editor; }
    std::string text() const { return editor().buffer().text(); }
    bool all_selected() const { return editor().anchor() == 0 && editor().cursor() == text().size() && !text().empty(); }
};

}  // namespace

TEST_CASE("keyboard layout: a key is named after the character it types, when GLFW has a key for that character") {
    const TableKeyboardLayout us = us_layout(), fr = french_layout(), de = german_layout();
    CHECK(layout_key_code(us, GLFW_KEY_A, 0) == GLFW_KEY_A);
    CHECK(layout_key_code(us, GLFW_KEY_Q, 0) == GLFW_KEY_Q);
    CHECK(layout_key_code(us, GLFW_KEY_SEMICOLON, 0) == GLFW_KEY_SEMICOLON);

    CHECK(layout_key_code(fr, GLFW_KEY_Q, 0) == GLFW_KEY_A);
    CHECK(layout_key_code(fr, GLFW_KEY_A, 0) == GLFW_KEY_Q);
    CHECK(layout_key_code(fr, GLFW_KEY_W, 0) == GLFW_KEY_Z);
    CHECK(layout_key_code(fr, GLFW_KEY_SEMICOLON, 0) == GLFW_KEY_M);
    CHECK(layout_key_code(fr, GLFW_KEY_M, 0) == GLFW_KEY_COMMA);   // types ","
    CHECK(layout_key_code(fr, GLFW_KEY_6, 0) == GLFW_KEY_MINUS);   // types "-"
    CHECK(layout_key_code(fr, GLFW_KEY_1, 0) == GLFW_KEY_1);       // "&": no key of its own, the key keeps its name
    CHECK(layout_key_code(fr, GLFW_KEY_2, 0) == GLFW_KEY_2);       // "é"

    CHECK(layout_key_code(de, GLFW_KEY_Y, 0) == GLFW_KEY_Z);
    CHECK(layout_key_code(de, GLFW_KEY_Z, 0) == GLFW_KEY_Y);
    CHECK(layout_key_code(de, GLFW_KEY_MINUS, 0) == GLFW_KEY_MINUS);  // "ß"
    CHECK(layout_key_code(de, GLFW_KEY_SLASH, 0) == GLFW_KEY_MINUS);  // types "-"

    // Non-printable keys, the keypad and the ISO key keep their names whatever the table says.
    const TableKeyboardLayout odd({{GLFW_KEY_KP_1, "a"}, {GLFW_KEY_WORLD_1, "b"}, {GLFW_KEY_ENTER, "c"}});
    CHECK(layout_key_code(odd, GLFW_KEY_KP_1, 0) == GLFW_KEY_KP_1);
    CHECK(layout_key_code(odd, GLFW_KEY_WORLD_1, 0) == GLFW_KEY_WORLD_1);
    CHECK(layout_key_code(odd, GLFW_KEY_ENTER, 0) == GLFW_KEY_ENTER);
    // A layout without Latin letters keeps the US names, so Ctrl+C still copies there.
    const TableKeyboardLayout russian({{GLFW_KEY_A, "ф"}, {GLFW_KEY_C, "с"}});
    CHECK(layout_key_code(russian, GLFW_KEY_C, 0) == GLFW_KEY_C);
}

TEST_CASE("US layout: Ctrl+A selects all in the editor, Ctrl+Z undoes, Ctrl+Q quits") {
    const TableKeyboardLayout us = us_layout();
    Keyboard k(us);
    k.edit();
    k.type("one two");
    k.ctrl_slowly(GLFW_KEY_A);
    CHECK(k.all_selected());
    k.ctrl_slowly(GLFW_KEY_Z);
    CHECK(k.editor().buffer().redo_depth() == 1);
    CHECK_FALSE(k.app->quit_requested());
    k.ctrl_slowly(GLFW_KEY_Q);
    CHECK(k.app->quit_requested());
}

TEST_CASE("French AZERTY: Ctrl+A (the key GLFW calls Q) selects all and does not quit; Ctrl+Q quits") {
    const TableKeyboardLayout fr = french_layout();
    Keyboard k(fr);
    k.ctrl_slowly(GLFW_KEY_Q);  // in the reader
    CHECK_FALSE(k.app->quit_requested());
    k.edit();
    k.type("une phrase");
    k.ctrl_slowly(GLFW_KEY_Q);  // in the editor
    CHECK(k.all_selected());
    CHECK_FALSE(k.app->quit_requested());
    k.ctrl_slowly(GLFW_KEY_W);  // types "z": undo
    CHECK(k.editor().buffer().redo_depth() == 1);
    k.ctrl_slowly(GLFW_KEY_A);  // types "q"
    CHECK(k.app->quit_requested());
}

TEST_CASE("German QWERTZ: Ctrl+Z (the key GLFW calls Y) undoes and Ctrl+Y (GLFW's Z) redoes") {
    const TableKeyboardLayout de = german_layout();
    Keyboard k(de);
    k.edit();
    k.type("ein Satz");
    const std::string typed = k.text();
    k.ctrl_slowly(GLFW_KEY_Y);
    CHECK(k.text() != typed);
    CHECK(k.editor().buffer().redo_depth() == 1);
    k.ctrl_slowly(GLFW_KEY_Z);
    CHECK(k.text() == typed);
    CHECK(k.editor().buffer().redo_depth() == 0);
}

TEST_CASE("frames per keystroke: typing into the editor builds two frames a key and renders one, capitals too") {
    const TableKeyboardLayout us = us_layout();
    Keyboard k(us);
    k.edit();
    FramePacer pacer;
    k.poll(pacer, [] {});  // at rest
    REQUIRE_FALSE(pacer.frame_due());
    // The first character into the empty reflection also changes what is drawn before the editor (its status),
    // a frame later: two frames rendered, as when layout settles. The ones after it are plain keystrokes.
    k.keystroke(pacer, GLFW_KEY_PERIOD, '.');
    const std::string before = k.text();
    // The key's press and its character share a frame (rendered); one more is built to see that nothing moved;
    // the release, and the Shift around a capital, wait for the next frame and cost none.
    for (const std::pair<int, char>& key : {std::pair{GLFW_KEY_M, 'm'}, {GLFW_KEY_A, 'a'}, {GLFW_KEY_P, 'p'},
                                            {GLFW_KEY_SPACE, ' '}}) {
        const Keyboard::Frames f = k.keystroke(pacer, key.first, key.second);
        INFO("typing ", key.second);
        CHECK(f.built == 2);
        CHECK(f.rendered == 1);
    }
    const Keyboard::Frames capital = k.keystroke(pacer, GLFW_KEY_T, 'T', true);
    CHECK(capital.built == 2);
    CHECK(capital.rendered == 1);
    // A doubled letter: the first one's release is still queued when the second is pressed: one frame more.
    const Keyboard::Frames again = k.keystroke(pacer, GLFW_KEY_T, 't');
    CHECK(again.built <= 3);
    CHECK(again.rendered == 1);
    CHECK(k.text() == before + "map Tt");
    // Nothing is left behind that would matter: the next frame built for any reason applies the releases.
    k.poll(pacer, [&pacer] { pacer.request(kFrameTimer); });  // the autosave's status line, say
    CHECK(k.queue.empty());
    CHECK_FALSE(ImGui::GetIO().KeysDown[GLFW_KEY_T]);
    CHECK_FALSE(ImGui::GetIO().KeyShift);
}

TEST_CASE("frames per keystroke: Backspace and the arrows get their own frame, before a character typed with them") {
    const TableKeyboardLayout us = us_layout();
    Keyboard k(us);
    k.edit();
    k.type("abc");
    const std::string before = k.text();
    // An input method's text right after Backspace, in one burst: Backspace takes the "c", then "x" is typed.
    k.press(GLFW_KEY_BACKSPACE);
    k.chars("x");
    k.release(GLFW_KEY_BACKSPACE);
    CHECK(k.run() == 2);
    CHECK(k.text() == before.substr(0, before.size() - 1) + "x");
    // Left then a character: the character goes before the "x".
    k.press(GLFW_KEY_LEFT);
    k.chars("y");
    k.run();
    CHECK(k.text() == before.substr(0, before.size() - 1) + "yx");
}

TEST_CASE("deferred modifiers: Ctrl pressed alone costs no frame and still makes the next key a shortcut") {
    const TableKeyboardLayout us = us_layout();
    Keyboard k(us);
    k.edit();
    k.type("alpha beta");
    FramePacer pacer;
    k.poll(pacer, [] {});
    CHECK(k.poll(pacer, [&k] { k.press(GLFW_KEY_LEFT_CONTROL); }).built == 0);
    k.poll(pacer, [&k] { k.press(GLFW_KEY_A); });
    k.poll(pacer, [&k] { k.release(GLFW_KEY_A); });
    CHECK(k.poll(pacer, [&k] { k.release(GLFW_KEY_LEFT_CONTROL); }).built == 0);
    CHECK(k.all_selected());
    k.poll(pacer, [&k] { k.press(GLFW_KEY_B), k.chars("b"); });  // Ctrl's release comes first: "b" replaces all
    CHECK(k.text() == "b");
}

TEST_CASE("burst: Ctrl+Z sent within one frame undoes exactly once") {
    const TableKeyboardLayout us = us_layout();
    Keyboard k(us);
    k.edit();
    k.type("alpha beta gamma");
    REQUIRE(k.editor().buffer().undo_depth() >= 2);
    const std::string typed = k.text();
    k.ctrl_burst(GLFW_KEY_Z);
    CHECK(k.text() != typed);
    CHECK(k.editor().buffer().redo_depth() == 1);
    CHECK(k.queue.empty());
}

TEST_CASE("burst: a held Backspace's 34 repeats after its press delete 35 characters") {
    const TableKeyboardLayout us = us_layout();
    Keyboard k(us);
    k.edit();
    const std::string typed = "abcdefghijklmnopqrstuvwxyz0123456789ABCD";  // 40 characters
    k.type(typed);
    REQUIRE(k.text() == typed);
    k.press(GLFW_KEY_BACKSPACE);
    for (int i = 0; i < 34; ++i) k.repeat(GLFW_KEY_BACKSPACE);
    k.release(GLFW_KEY_BACKSPACE);
    k.run();
    CHECK(k.text() == typed.substr(0, 5));
}

TEST_CASE("burst: ten Left presses during one slow frame move the cursor ten places") {
    const TableKeyboardLayout us = us_layout();
    Keyboard k(us);
    k.edit();
    k.type("twelve chars");
    REQUIRE(k.editor().cursor() == 12);
    for (int i = 0; i < 10; ++i) k.tap(GLFW_KEY_LEFT);
    k.run();
    CHECK(k.editor().cursor() == 2);
}

TEST_CASE("burst: characters keep their order with the keys around them") {
    const TableKeyboardLayout us = us_layout();
    Keyboard k(us);
    k.edit();
    k.type("xyz");
    // "a", Backspace, "b", Left, "c" within one frame: Backspace takes the "a", Left goes before the "b".
    k.chars("a");
    k.tap(GLFW_KEY_BACKSPACE);
    k.chars("b");
    k.tap(GLFW_KEY_LEFT);
    k.chars("c");
    k.run();
    CHECK(k.text() == "xyzcb");
    // Ctrl pressed right after a character does not swallow it (the editor ignores characters under Ctrl).
    k.chars("d");
    k.press(GLFW_KEY_LEFT_CONTROL);
    k.release(GLFW_KEY_LEFT_CONTROL);
    k.run();
    CHECK(k.text() == "xyzcdb");
}

TEST_CASE("a held key repeats only when the platform repeats it") {
    const TableKeyboardLayout us = us_layout();
    Keyboard k(us);
    k.edit();
    k.type("0123456789");
    k.press(GLFW_KEY_BACKSPACE);
    k.run();
    k.frames(60);  // a second held down before the platform's first repeat: ImGui's own 0.25 s timer stays quiet
    CHECK(k.text() == "012345678");
    k.repeat(GLFW_KEY_BACKSPACE);
    k.repeat(GLFW_KEY_BACKSPACE);
    k.release(GLFW_KEY_BACKSPACE);
    k.run();
    CHECK(k.text() == "0123456");
}

TEST_CASE("key queue: a key is released under the name it was pressed with, after a layout switch too") {
    const TableKeyboardLayout us = us_layout(), fr = french_layout();
    SwitchableLayout layout(&fr);
    KeyEventQueue q(&layout);
    ImGuiIO io;
    q.push_key(GLFW_KEY_Q, 24, GLFW_PRESS);  // "a" on AZERTY
    CHECK_FALSE(q.apply_frame(io));
    CHECK(io.KeysDown[GLFW_KEY_A]);
    CHECK_FALSE(io.KeysDown[GLFW_KEY_Q]);
    layout.current = &us;
    q.push_key(GLFW_KEY_Q, 24, GLFW_RELEASE);
    q.apply_frame(io);
    CHECK_FALSE(io.KeysDown[GLFW_KEY_A]);
    CHECK_FALSE(io.KeysDown[GLFW_KEY_Q]);

    // Two keys typing the same character (AZERTY's "6" types "-"; its ")" key keeps the name MINUS): the name is up
    // only when both are.
    layout.current = &fr;
    q.push_key(GLFW_KEY_6, 15, GLFW_PRESS);
    q.push_key(GLFW_KEY_MINUS, 20, GLFW_PRESS);
    q.push_key(GLFW_KEY_6, 15, GLFW_RELEASE);
    while (q.apply_frame(io)) {}
    CHECK(io.KeysDown[GLFW_KEY_MINUS]);
    q.push_key(GLFW_KEY_MINUS, 20, GLFW_RELEASE);
    q.apply_frame(io);
    CHECK_FALSE(io.KeysDown[GLFW_KEY_MINUS]);

    // Keys GLFW has no name for, and releases of keys pressed before the queue listened, change nothing.
    q.push_key(GLFW_KEY_UNKNOWN, 200, GLFW_PRESS);
    q.push_key(GLFW_KEY_X, 53, GLFW_RELEASE);
    CHECK(q.empty());
}

TEST_CASE("key queue: modifiers follow the keys held, and their repeats cost no frame") {
    const TableKeyboardLayout us = us_layout();
    KeyEventQueue q(&us);
    ImGuiIO io;
    q.push_key(GLFW_KEY_RIGHT_CONTROL, 105, GLFW_PRESS);
    q.push_key(GLFW_KEY_LEFT_SHIFT, 50, GLFW_PRESS);
    q.apply_frame(io);
    CHECK(io.KeyCtrl);
    CHECK(io.KeyShift);
    CHECK_FALSE(io.KeyAlt);
    q.push_key(GLFW_KEY_RIGHT_CONTROL, 105, GLFW_REPEAT);
    CHECK(q.empty());
    q.push_key(GLFW_KEY_RIGHT_CONTROL, 105, GLFW_RELEASE);
    q.apply_frame(io);
    CHECK_FALSE(io.KeyCtrl);
    CHECK(io.KeyShift);
}

TEST_CASE("text size keys follow the layout: Ctrl+= / Ctrl+- / Ctrl+0 on US, AZERTY's - on its 6 key, QWERTZ's +") {
    {
        const TableKeyboardLayout us = us_layout();
        Keyboard k(us);
        k.ctrl_slowly(GLFW_KEY_EQUAL);
        CHECK(k.app->view_settings().text_zoom == doctest::Approx(1.1f));
        k.ctrl_burst(GLFW_KEY_EQUAL);  // one burst: counted once, not lost
        CHECK(k.app->view_settings().text_zoom == doctest::Approx(1.25f));
        k.ctrl_slowly(GLFW_KEY_MINUS);
        CHECK(k.app->view_settings().text_zoom == doctest::Approx(1.1f));
        k.ctrl_slowly(GLFW_KEY_0);
        CHECK(k.app->view_settings().text_zoom == doctest::Approx(1.0f));
        k.ctrl_slowly(GLFW_KEY_KP_ADD);
        CHECK(k.app->view_settings().text_zoom == doctest::Approx(1.1f));
        // In the editor too: none of these types a character there.
        k.edit();
        k.ctrl_slowly(GLFW_KEY_KP_SUBTRACT);
        CHECK(k.app->view_settings().text_zoom == doctest::Approx(1.0f));
        CHECK(k.text().empty());
    }
    {
        const TableKeyboardLayout fr = french_layout();
        Keyboard k(fr);
        k.ctrl_slowly(GLFW_KEY_6);  // types "-" on AZERTY
        CHECK(k.app->view_settings().text_zoom == doctest::Approx(0.9f));
        k.ctrl_slowly(GLFW_KEY_EQUAL);  // "=" where US has it
        CHECK(k.app->view_settings().text_zoom == doctest::Approx(1.0f));
    }
    {
        const TableKeyboardLayout de = german_layout();
        Keyboard k(de);
        k.ctrl_slowly(GLFW_KEY_RIGHT_BRACKET);  // types "+" on QWERTZ
        CHECK(k.app->view_settings().text_zoom == doctest::Approx(1.1f));
        k.ctrl_slowly(GLFW_KEY_SLASH);  // types "-"
        CHECK(k.app->view_settings().text_zoom == doctest::Approx(1.0f));
    }
}
