// The prose editor: its ImGui-free core (UTF-8, words, wrapping, cursor, undo) and the widget driven headlessly
// with simulated keys, characters and clicks.
#include <doctest/doctest.h>
#include <imgui.h>
#include <imgui_internal.h>

#include <filesystem>
#include <functional>
#include <string>

#include "ui/editor/prose_editor.h"
#include "ui/editor/text_buffer.h"

using namespace gw::ui;

namespace {

// Every character is 10 px wide: wrapping and hit tests become exact arithmetic.
float mono10(const char* b, const char* e) {
    size_t n = 0;
    for (std::string_view s(b, static_cast<size_t>(e - b)); !s.empty(); ++n) s.remove_prefix(utf8::decode(s, 0).len);
    return 10.0f * static_cast<float>(n);
}

WrapLayout wrap(std::string_view text, float width) {
    WrapLayout l;
    l.build(text, width, mono10);
    return l;
}

std::string line_text(std::string_view text, const WrapLayout& l, size_t i) {
    return std::string(text.substr(l.lines()[i].begin, l.lines()[i].end - l.lines()[i].begin));
}

// A TextBuffer fed one character at a time, as the widget does.
void type_chars(TextBuffer& b, std::string_view s, double now = 0) {
    for (size_t p = 0; p < s.size();) {
        const size_t n = utf8::next(s, p);
        if (s[p] == '\n')
            b.newline(now);
        else
            b.type(s.substr(p, n - p), now);
        p = n;
    }
}

// ---------------------------------------------------------------------------------------------------------------
// A headless ImGui with a real font, its own key map and an in-memory clipboard.
struct Gui {
    ImGuiContext* ctx;
    std::string clipboard;
    ImVec2 box_min, box_max;  // the editor's rect in the last frame
    bool changed = false;     // ProseEditor's return in the last frame
    int changed_frames = 0;

    explicit Gui(ImVec2 display = ImVec2(900, 700)) {
        ctx = ImGui::CreateContext();
        ImGui::SetCurrentContext(ctx);
        ImGuiIO& io = ImGui::GetIO();
        io.DisplaySize = display;
        io.DeltaTime = 1.0f / 60.0f;
        io.IniFilename = nullptr;
        // No backend: map ImGui's keys to made-up native indices.
        for (int k = 0; k < ImGuiKey_COUNT; ++k) io.KeyMap[k] = 100 + k;
        const char* dejavu = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
        if (std::filesystem::exists(dejavu))
            io.Fonts->AddFontFromFileTTF(dejavu, 16.0f);
        else
            io.Fonts->AddFontDefault();
        unsigned char* pixels;
        int w, h;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
        io.Fonts->SetTexID(reinterpret_cast<ImTextureID>(1));
        io.ClipboardUserData = this;
        io.SetClipboardTextFn = [](void* self, const char* text) { static_cast<Gui*>(self)->clipboard = text; };
        io.GetClipboardTextFn = [](void* self) { return static_cast<Gui*>(self)->clipboard.c_str(); };
    }
    ~Gui() { ImGui::DestroyContext(ctx); }
    Gui(const Gui&) = delete;
    Gui& operator=(const Gui&) = delete;

    ImDrawData* frame(const std::function<void()>& body) {
        ImGui::SetCurrentContext(ctx);
        ImGui::NewFrame();
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
        ImGui::Begin("page", nullptr,
                     ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings);
        body();
        ImGui::End();
        ImGui::Render();
        return ImGui::GetDrawData();
    }

    // A frame drawing one editor (and an optional widget before it).
    std::function<void()> editor(std::string& text, ProseEditorState& state, ProseEditorStyle style = {},
                                 std::function<void()> before = {}) {
        return [this, &text, &state, style, before] {
            if (before) before();
            changed = ProseEditor("##reflection", text, state, style);
            if (changed) ++changed_frames;
            box_min = ImGui::GetItemRectMin();
            box_max = ImGui::GetItemRectMax();
            ProseEditorFooter(state, "Saved just now", style);
        };
    }

    void key(ImGuiKey k, const std::function<void()>& body, bool ctrl = false, bool shift = false) {
        ImGuiIO& io = ImGui::GetIO();
        io.KeyCtrl = ctrl;
        io.KeyShift = shift;
        io.KeysDown[io.KeyMap[k]] = true;
        frame(body);
        io.KeysDown[io.KeyMap[k]] = false;
        frame(body);
        io.KeyCtrl = io.KeyShift = false;
    }

    void type(const char* utf8_text, const std::function<void()>& body) {
        ImGui::GetIO().AddInputCharactersUTF8(utf8_text);
        frame(body);
    }

    void press(ImVec2 p, const std::function<void()>& body, bool shift = false) {
        ImGuiIO& io = ImGui::GetIO();
        io.KeyShift = shift;
        io.MousePos = p;
        io.MouseDown[0] = true;
        frame(body);
    }
    void release(const std::function<void()>& body) {
        ImGuiIO& io = ImGui::GetIO();
        io.MouseDown[0] = false;
        frame(body);
        io.KeyShift = false;
    }
    void click(ImVec2 p, const std::function<void()>& body, bool shift = false) {
        ImGui::GetIO().MousePos = p;
        frame(body);
        press(p, body, shift);
        release(body);
    }
};

// Screen position of byte offset `pos` in the editor's text (middle of its line), from the editor's own layout.
ImVec2 screen_pos_of(const Gui& gui, const ProseEditorState& state, size_t pos, const ProseEditorStyle& style = {}) {
    const WrapLayout& l = state.layout();
    const size_t line = l.line_of(pos);
    const float line_h = std::floor(ImGui::GetFontSize() * style.line_spacing + 0.5f);
    return ImVec2(gui.box_min.x + style.padding.x + l.x_of(state.buffer().text(), line, pos),
                  gui.box_min.y + style.padding.y + (static_cast<float>(line) + 0.5f) * line_h);
}

const char* kPara =
    "Our biggest account renewed last quarter, but only after three escalations. Next time I will map every "
    "stakeholder before the renewal conversation starts, and I will ask the champion who else signs off.";

}  // namespace

// ---------------------------------------------------------------------------------------------------------------
// Core

TEST_CASE("prose: words are counted between Unicode white space") {
    CHECK(count_words("") == 0);
    CHECK(count_words("   \n\t ") == 0);
    CHECK(count_words("one") == 1);
    CHECK(count_words("  two  words ") == 2);
    CHECK(count_words("don't e-mail me") == 3);
    CHECK(count_words("line one\nline two\n\nthird para") == 6);
    CHECK(count_words("caf\xC3\xA9 na\xC3\xAFve") == 2);  // café naïve
    CHECK(count_words("a\xC2\xA0"
                      "b\xE2\x80\x83"
                      "c\xE3\x80\x80"
                      "d") == 4);                       // NBSP, em space, ideographic space
    CHECK(count_words("wait \xE2\x80\x94 what") == 3);  // a spaced dash counts, as in word processors
    CHECK(count_words("\xF0\x9F\x98\x80 smile") == 2);  // emoji
    CHECK(format_word_count(0) == "0 words");
    CHECK(format_word_count(1) == "1 word");
    CHECK(format_word_count(142) == "142 words");
    CHECK(format_word_count(12408) == "12,408 words");
    CHECK(format_word_count(1000000) == "1,000,000 words");
    CHECK(prose_footer_text(142, "Saved just now") == "142 words \xC2\xB7 Saved just now");
    CHECK(prose_footer_text(1, "") == "1 word");
}

TEST_CASE("prose: UTF-8 stepping never lands inside a character") {
    const std::string s = "a\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80z";  // a é € 😀 z: 1+2+3+4+1 bytes
    CHECK(utf8::next(s, 0) == 1);
    CHECK(utf8::next(s, 1) == 3);
    CHECK(utf8::next(s, 3) == 6);
    CHECK(utf8::next(s, 6) == 10);
    CHECK(utf8::next(s, 10) == 11);
    CHECK(utf8::next(s, 11) == 11);
    CHECK(utf8::prev(s, 11) == 10);
    CHECK(utf8::prev(s, 10) == 6);
    CHECK(utf8::prev(s, 6) == 3);
    CHECK(utf8::prev(s, 3) == 1);
    CHECK(utf8::prev(s, 0) == 0);
    CHECK(utf8::decode(s, 6).cp == 0x1F600);
    for (size_t inside : {2u, 4u, 5u}) CHECK(utf8::floor_boundary(s, inside) == (inside == 2 ? 1u : 3u));
    CHECK(utf8::floor_boundary(s, 9) == 6);
    CHECK(utf8::floor_boundary(s, 99) == s.size());
    // Malformed bytes are single characters, so stepping always advances.
    const std::string bad =
        "a\xFF\x80"
        "b";
    CHECK(utf8::next(bad, 1) == 2);
    CHECK(utf8::next(bad, 2) == 3);
    CHECK(utf8::prev(bad, 3) == 2);
    CHECK(utf8::sanitize("x\r\ny\rz\tw\x01"
                         "\xFF") == "x\ny\nz w\xEF\xBF\xBD");
    CHECK(utf8::encode(0xE9) == "\xC3\xA9");
    CHECK(utf8::encode(0x1F600) == "\xF0\x9F\x98\x80");
    // A combining accent travels with its letter.
    const std::string decomposed = "e\xCC\x81x";  // e + U+0301, x
    CHECK(utf8::next_cluster(decomposed, 0) == 3);
    CHECK(utf8::prev_cluster(decomposed, 3) == 0);
}

TEST_CASE("prose: wrapping breaks at spaces only, never changes the text, and splits over-long words") {
    const std::string text = std::string(kPara) + "\n\nShort.\n" + std::string(25, 'x') + " end";
    const std::string before = text;
    for (float width : {100.0f, 240.0f, 555.0f}) {
        WrapLayout l = wrap(text, width);
        CHECK(text == before);
        CHECK(l.line_count() > 3);
        std::string rebuilt;
        for (size_t i = 0; i < l.line_count(); ++i) {
            const VisualLine& v = l.lines()[i];
            rebuilt += line_text(text, l, i);
            if (i + 1 < l.line_count()) {
                const size_t next = l.lines()[i + 1].begin;
                if (v.hard_end) {
                    CHECK(text[v.end] == '\n');
                    CHECK(next == v.end + 1);
                    rebuilt += '\n';
                } else {
                    CHECK(next == v.end);
                    // Unless the word it falls in is wider than a whole line.
                    size_t wb = v.end, we = v.end;
                    while (wb > 0 && text[wb - 1] != ' ' && text[wb - 1] != '\n') --wb;
                    while (we < text.size() && text[we] != ' ' && text[we] != '\n') ++we;
                    const bool over_long_word = mono10(text.data() + wb, text.data() + we) > width;
                    if (!over_long_word) {
                        // A soft break falls just after a space, before a word.
                        CHECK(text[v.end - 1] == ' ');
                        CHECK(text[v.end] != ' ');
                    }
                }
            }
            // Without its hanging spaces, a line fits the width unless it is one over-long word.
            std::string visible = line_text(text, l, i);
            while (!visible.empty() && visible.back() == ' ') visible.pop_back();
            CHECK(mono10(visible.data(), visible.data() + visible.size()) <= width);
        }
        CHECK(rebuilt == text);  // the lines are the text: no inserted breaks, nothing lost
    }
    // 25 x's in 10-character lines: 10, 10, 5 (then " end" fits after them).
    WrapLayout l = wrap(std::string(25, 'x') + " end", 100);
    REQUIRE(l.line_count() == 3);
    CHECK(l.lines()[0].end - l.lines()[0].begin == 10);
    CHECK(l.lines()[1].end - l.lines()[1].begin == 10);
    CHECK(line_text(std::string(25, 'x') + " end", l, 2) == "xxxxx end");
    // Empty text and empty paragraphs are lines too.
    CHECK(wrap("", 100).line_count() == 1);
    CHECK(wrap("a\n\nb\n", 100).line_count() == 4);
    // A no-break space keeps its words together.
    WrapLayout nb = wrap(
        "aaaa bbbb\xC2\xA0"
        "cccc",
        100);
    REQUIRE(nb.line_count() == 2);
    CHECK(nb.lines()[1].begin == 5);
}

TEST_CASE("prose: cursor moves by character and word, UTF-8 safe") {
    TextBuffer b("caf\xC3\xA9 \xF0\x9F\x98\x80 ok");  // "café 😀 ok"
    b.move_doc_end(false);
    CHECK(b.cursor() == b.text().size());
    b.move_left(false);
    b.move_left(false);
    b.move_left(false);  // before " ok"
    CHECK(b.cursor() == 10);
    b.move_left(false);  // over the 4-byte emoji
    CHECK(b.cursor() == 6);
    b.move_left(false);
    b.move_left(false);  // over the 2-byte é
    CHECK(b.cursor() == 3);
    b.move_right(false);
    CHECK(b.cursor() == 5);
    b.set_cursor(4);  // inside é: pulled back to its start
    CHECK(b.cursor() == 3);

    TextBuffer w("Map every stakeholder, early.");
    w.move_word_right(false);
    CHECK(w.cursor() == 4);  // start of "every"
    w.move_word_right(false);
    CHECK(w.cursor() == 10);  // start of "stakeholder"
    w.move_word_right(false, true);
    CHECK(w.cursor() == 21);  // end of "stakeholder" (macOS style)
    w.move_word_left(false);
    CHECK(w.cursor() == 10);
    w.move_word_left(false);
    CHECK(w.cursor() == 4);
    w.move_word_right(true);
    CHECK(w.selected_text() == "every ");
    w.move_doc_start(false);
    CHECK(w.cursor() == 0);
    CHECK_FALSE(w.has_selection());
    TextBuffer apostrophe("don't stop");
    apostrophe.move_word_right(false, true);
    CHECK(apostrophe.cursor() == 5);  // "don't" is one word
    apostrophe.select_word_at(2);
    CHECK(apostrophe.selected_text() == "don't");
    apostrophe.select_paragraph_at(7);
    CHECK(apostrophe.selected_text() == "don't stop");

    // Left/Right without Shift collapse a selection to its edge.
    TextBuffer s("abcdef");
    s.set_selection(1, 4);
    s.move_left(false);
    CHECK(s.cursor() == 1);
    s.set_selection(1, 4);
    s.move_right(false);
    CHECK(s.cursor() == 4);
}

TEST_CASE("prose: up and down move by wrapped lines and keep the x") {
    // Lines of 10 characters: "aaaa bbbb " | "cccc dddd " | "ee"
    TextBuffer b("aaaa bbbb cccc dddd ee");
    WrapLayout l = wrap(b.text(), 100);
    REQUIRE(l.line_count() == 3);
    b.set_cursor(7);  // in "bbbb", x = 70
    b.move_lines(l, +1, false);
    CHECK(b.cursor() == 17);  // in "dddd", x = 70
    b.move_lines(l, +1, false);
    CHECK(b.cursor() == 22);  // the short last line: its end
    b.move_lines(l, -1, false);
    CHECK(b.cursor() == 17);  // back to x = 70, not to the short line's x
    b.move_lines(l, -1, true);
    CHECK(b.cursor() == 7);
    CHECK(b.selected_text() == "bb cccc dd");
    b.move_lines(l, -1, false);  // past the first line: start of the text
    CHECK(b.cursor() == 0);

    // Home/End work on the visual line; End of a wrapped line shows the caret at that line's end.
    b.set_cursor(12);
    b.move_line_end(l, false);
    CHECK(b.cursor() == 20);
    CHECK(b.upstream());
    CHECK(l.line_of(b.cursor(), b.upstream()) == 1);
    CHECK(l.line_of(b.cursor(), false) == 2);
    b.move_line_start(l, false);
    CHECK(b.cursor() == 10);

    // Across hard lines too, with a multi-byte character on the way.
    TextBuffer h("\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\nab\nxxxxxxxx");  // ééééé / ab / xxxxxxxx
    WrapLayout hl = wrap(h.text(), 200);
    h.set_cursor(8);  // after the fourth é: x = 40
    h.move_lines(hl, +1, false);
    CHECK(h.cursor() == 13);  // end of "ab"
    h.move_lines(hl, +1, false);
    CHECK(h.cursor() == 14 + 4);  // x = 40 in the x's
    h.move_lines(hl, -2, false);
    CHECK(h.cursor() == 8);

    // Hit test: the nearer side of a glyph, the end of a wrapped line, clamped lines.
    CHECK(l.hit_test(b.text(), 34, 5, 20) == 3);
    CHECK(l.hit_test(b.text(), 36, 5, 20) == 4);
    bool up = false;
    CHECK(l.hit_test(b.text(), 500, 25, 20, &up) == 20);
    CHECK(up);
    CHECK(l.hit_test(b.text(), 500, 999, 20) == 22);
}

TEST_CASE("prose: selection editing and deletion") {
    TextBuffer b("Ask the champion who signs.");
    b.set_selection(4, 8);  // "the "
    CHECK(b.selected_text() == "the ");
    CHECK(b.backspace());
    CHECK(b.text() == "Ask champion who signs.");
    CHECK(b.cursor() == 4);
    b.set_selection(4, 12);
    CHECK(b.type("a sponsor"));
    CHECK(b.text() == "Ask a sponsor who signs.");
    b.set_cursor(b.text().size());
    CHECK(b.backspace(true));  // Ctrl+Backspace: "." is a word of its own
    CHECK(b.text() == "Ask a sponsor who signs");
    CHECK(b.backspace(true));
    CHECK(b.text() == "Ask a sponsor who ");
    b.set_cursor(0);
    CHECK(b.delete_forward(true));  // Ctrl+Delete: the word and its space
    CHECK(b.text() == "a sponsor who ");
    CHECK(b.delete_forward());
    CHECK(b.text() == " sponsor who ");
    b.select_all();
    CHECK(b.delete_selection());
    CHECK(b.text().empty());
    CHECK_FALSE(b.backspace());
    CHECK_FALSE(b.delete_forward());

    TextBuffer e("x\xF0\x9F\x98\x80y");  // x😀y
    e.set_cursor(5);
    e.backspace();
    CHECK(e.text() == "xy");
    CHECK(e.cursor() == 1);
}

TEST_CASE("prose: undo groups typing into words and restores text and cursor") {
    TextBuffer b;
    type_chars(b, "hello world");
    CHECK(b.undo_depth() == 2);  // "hello " and "world"
    CHECK(b.undo());
    CHECK(b.text() == "hello ");
    CHECK(b.cursor() == 6);
    CHECK(b.undo());
    CHECK(b.text().empty());
    CHECK(b.cursor() == 0);
    CHECK_FALSE(b.undo());
    CHECK(b.redo());
    CHECK(b.text() == "hello ");
    CHECK(b.redo());
    CHECK(b.text() == "hello world");
    CHECK(b.cursor() == 11);
    CHECK_FALSE(b.redo());

    // A pause starts a new step even inside a word; Enter is a step of its own.
    TextBuffer p;
    type_chars(p, "ab", 0.0);
    type_chars(p, "cd", 10.0);
    p.newline(10.1);
    type_chars(p, "ef", 10.2);
    CHECK(p.text() == "abcd\nef");
    p.undo();
    CHECK(p.text() == "abcd\n");
    p.undo();
    CHECK(p.text() == "abcd");
    p.undo();
    CHECK(p.text() == "ab");

    // Moving the cursor ends a group.
    TextBuffer m;
    type_chars(m, "abc");
    m.move_left(false);
    type_chars(m, "X");
    CHECK(m.text() == "abXc");
    m.undo();
    CHECK(m.text() == "abc");
    CHECK(m.cursor() == 2);

    // Repeated Backspace is one step; deleting a selection is one step and restores the selection.
    TextBuffer d("Renewal risk is low.");
    d.move_doc_end(false);
    for (int i = 0; i < 4; ++i) d.backspace();
    CHECK(d.text() == "Renewal risk is ");
    d.undo();
    CHECK(d.text() == "Renewal risk is low.");
    CHECK(d.cursor() == 20);
    d.set_selection(8, 13);
    d.delete_selection();
    CHECK(d.text() == "Renewal is low.");
    d.undo();
    CHECK(d.text() == "Renewal risk is low.");
    CHECK(d.anchor() == 8);
    CHECK(d.cursor() == 13);
    d.redo();
    CHECK(d.text() == "Renewal is low.");

    // Each paste is one step; a new edit clears the redo history.
    TextBuffer v("ab");
    v.move_doc_end(false);
    v.paste("one two three");
    v.paste(" four");
    v.undo();
    CHECK(v.text() == "abone two three");
    CHECK(v.can_redo());
    type_chars(v, "!");
    CHECK_FALSE(v.can_redo());

    // Bounded history keeps the newest steps.
    TextBuffer h;
    h.set_history_limits(5, 1u << 20);
    for (int i = 0; i < 10; ++i) h.paste("x");
    CHECK(h.undo_depth() == 5);
    while (h.undo()) {
    }
    CHECK(h.text() == "xxxxx");
}

TEST_CASE("prose: random editing keeps the cursor on character boundaries and undo/redo exact") {
    const char* pieces[] = {"a", "b", " ", "\xC3\xA9", "\xE2\x82\xAC", "\xF0\x9F\x98\x80", "e\xCC\x81", "'"};
    for (unsigned seed = 1; seed <= 20; ++seed) {
        unsigned r = seed * 2654435761u;
        auto rnd = [&r](unsigned n) {
            r = r * 1103515245u + 12345u;
            return (r >> 8) % n;
        };
        const std::string initial = "Start \xC3\xA9t\xC3\xA9.\nSecond.";
        TextBuffer b(initial);
        WrapLayout l;
        for (int step = 0; step < 300; ++step) {
            switch (rnd(14)) {
                case 0:
                case 1:
                case 2:
                    b.type(pieces[rnd(8)], step * 0.1);
                    break;
                case 3:
                    b.newline();
                    break;
                case 4:
                    b.backspace(rnd(2) == 0);
                    break;
                case 5:
                    b.delete_forward(rnd(2) == 0);
                    break;
                case 6:
                    b.move_left(rnd(2) == 0);
                    break;
                case 7:
                    b.move_word_right(rnd(2) == 0, rnd(2) == 0);
                    break;
                case 8:
                    b.set_selection(rnd(static_cast<unsigned>(b.text().size()) + 1),
                                    rnd(static_cast<unsigned>(b.text().size()) + 1));
                    break;
                case 9:
                    b.paste("x\r\ny \xF0\x9F\x8E\x89");
                    break;
                case 10:
                    b.cut();
                    break;
                case 11:
                    b.undo();
                    break;
                case 12:
                    b.redo();
                    break;
                case 13:
                    l.build(b.text(), 60, mono10);
                    b.move_lines(l, rnd(2) ? 1 : -1, rnd(2) == 0);
                    break;
            }
            REQUIRE(b.cursor() <= b.text().size());
            REQUIRE(utf8::floor_boundary(b.text(), b.cursor()) == b.cursor());
            REQUIRE(utf8::floor_boundary(b.text(), b.anchor()) == b.anchor());
            REQUIRE(utf8::sanitize(b.text()) == b.text());  // still valid UTF-8
        }
        const std::string final_text = b.text();
        const size_t depth = b.undo_depth();
        while (b.undo()) {
        }
        CHECK(b.text() == initial);
        for (size_t i = 0; i < depth; ++i) b.redo();
        CHECK(b.text() == final_text);
    }
}

// ---------------------------------------------------------------------------------------------------------------
// The widget, headless

TEST_CASE("prose: typing into the focused editor changes the string and returns true") {
    Gui gui;
    std::string text;
    ProseEditorState state;
    auto body = gui.editor(text, state);
    gui.frame(body);
    CHECK_FALSE(state.focused);
    gui.type("ignored", body);  // not focused: keys and characters are not taken
    CHECK(text.empty());
    CHECK_FALSE(gui.changed);

    gui.click(ImVec2(gui.box_min.x + 40, gui.box_min.y + 30), body);
    CHECK(state.focused);
    CHECK(AnyProseEditorFocused());
    CHECK(ImGui::GetIO().WantTextInput);  // the host's reading keys step aside
    CHECK(ImGui::GetIO().WantCaptureKeyboard);

    gui.type(
        "Caf\xC3\xA9 \xE2\x82\xAC"
        "5",
        body);  // "Café €5" as a backend would queue it
    CHECK(gui.changed);
    CHECK(text ==
          "Caf\xC3\xA9 \xE2\x82\xAC"
          "5");
    CHECK(state.cursor() == text.size());
    gui.frame(body);
    CHECK_FALSE(gui.changed);  // nothing happened: no change reported
    CHECK(state.word_count() == 2);

    gui.key(ImGuiKey_Enter, body);
    gui.type("Next", body);
    CHECK(text ==
          "Caf\xC3\xA9 \xE2\x82\xAC"
          "5\nNext");
    gui.key(ImGuiKey_Tab, body);  // Tab inserts nothing
    CHECK(text.find('\t') == std::string::npos);
    gui.key(ImGuiKey_LeftArrow, body);
    gui.key(ImGuiKey_Backspace, body, true);  // Ctrl+Backspace: the word before the cursor
    CHECK(text ==
          "Caf\xC3\xA9 \xE2\x82\xAC"
          "5\nt");
    gui.key(ImGuiKey_Home, body, true);  // Ctrl+Home
    CHECK(state.cursor() == 0);
    gui.key(ImGuiKey_RightArrow, body, false, true);
    gui.key(ImGuiKey_RightArrow, body, true, true);  // Shift+Ctrl+Right extends by a word
    CHECK(state.buffer().selected_text() == "Caf\xC3\xA9 ");
    gui.key(ImGuiKey_Delete, body);
    CHECK(text ==
          "\xE2\x82\xAC"
          "5\nt");
    gui.key(ImGuiKey_Z, body, true);  // Ctrl+Z brings the selection back
    CHECK(text ==
          "Caf\xC3\xA9 \xE2\x82\xAC"
          "5\nt");
    CHECK(state.buffer().selected_text() == "Caf\xC3\xA9 ");
    gui.key(ImGuiKey_Y, body, true);
    CHECK(text ==
          "\xE2\x82\xAC"
          "5\nt");
    gui.key(ImGuiKey_Z, body, true);
    gui.key(ImGuiKey_Z, body, true, true);  // Ctrl+Shift+Z redoes too
    CHECK(text ==
          "\xE2\x82\xAC"
          "5\nt");

    gui.key(ImGuiKey_Escape, body);
    CHECK_FALSE(state.focused);
    gui.frame(body);
    CHECK_FALSE(AnyProseEditorFocused());
    CHECK_FALSE(ImGui::GetIO().WantTextInput);
    gui.type("more", body);
    CHECK(text ==
          "\xE2\x82\xAC"
          "5\nt");
}

TEST_CASE("prose: typed words undo a word at a time in the widget") {
    Gui gui;
    std::string text;
    ProseEditorState state;
    state.focused = true;  // the host focuses the editor
    auto body = gui.editor(text, state);
    gui.frame(body);
    REQUIRE(state.focused);
    for (const char* c : {"M", "a", "p", " ", "e", "v", "e", "r", "y", " ", "s", "i", "g", "n", "e", "r"})
        gui.type(c, body);
    CHECK(text == "Map every signer");
    CHECK(gui.changed_frames == 16);
    gui.key(ImGuiKey_Z, body, true);
    CHECK(text == "Map every ");
    CHECK(state.cursor() == 10);
    gui.key(ImGuiKey_Z, body, true);
    CHECK(text == "Map ");
    // An Undo button calls the buffer between frames: the caller's string follows on the next frame.
    CHECK(state.buffer().undo());
    gui.frame(body);
    CHECK(gui.changed);
    CHECK(text.empty());
    CHECK(state.buffer().redo());
    gui.frame(body);
    CHECK(text == "Map ");
    gui.key(ImGuiKey_Y, body, true);
    gui.key(ImGuiKey_Y, body, true);
    CHECK(text == "Map every signer");
    CHECK(state.cursor() == text.size());
}

TEST_CASE("prose: clipboard cut and paste round trip through ImGui's clipboard") {
    Gui gui;
    std::string text = "Renewal was late. Start earlier.";
    ProseEditorState state;
    state.focused = true;
    auto body = gui.editor(text, state);
    gui.frame(body);
    gui.key(ImGuiKey_A, body, true);
    CHECK(state.buffer().selected_text() == text);
    gui.key(ImGuiKey_C, body, true);
    CHECK(gui.clipboard == "Renewal was late. Start earlier.");
    CHECK(text == gui.clipboard);  // copying changes nothing

    state.set_selection(0, 18);  // "Renewal was late. "
    gui.frame(body);
    gui.key(ImGuiKey_X, body, true);
    CHECK(gui.clipboard == "Renewal was late. ");
    CHECK(text == "Start earlier.");
    CHECK(state.cursor() == 0);
    gui.key(ImGuiKey_End, body, true);
    gui.key(ImGuiKey_V, body, true);
    CHECK(text == "Start earlier.Renewal was late. ");
    CHECK(state.cursor() == text.size());

    // Pasted text is cleaned: CRLF becomes LF, tabs become spaces; multi-byte characters survive whole.
    gui.clipboard = "\r\nNext:\tcall \xF0\x9F\x93\x9E";
    gui.key(ImGuiKey_V, body, true);
    CHECK(text == "Start earlier.Renewal was late. \nNext: call \xF0\x9F\x93\x9E");
    gui.key(ImGuiKey_LeftArrow, body);  // over the 4-byte emoji in one step
    CHECK(state.cursor() == text.size() - 4);
    gui.key(ImGuiKey_Z, body, true);  // each paste is one step
    CHECK(text == "Start earlier.Renewal was late. ");
    gui.key(ImGuiKey_Z, body, true);
    CHECK(text == "Start earlier.");
    gui.key(ImGuiKey_Z, body, true);  // the cut comes back, with its selection
    CHECK(text == "Renewal was late. Start earlier.");
    CHECK(state.buffer().selected_text() == "Renewal was late. ");
}

TEST_CASE("prose: a click places the cursor at the clicked glyph, on wrapped lines too") {
    Gui gui;
    std::string text = std::string(kPara) + " " + kPara;
    ProseEditorState state;
    ProseEditorStyle style;
    style.width = 420;
    auto body = gui.editor(text, state, style);
    gui.frame(body);
    REQUIRE(state.layout().line_count() >= 4);
    CHECK(text.find('\n') == std::string::npos);  // wrapping is layout only

    // A glyph on the third visual line: clicking just right of its left edge puts the cursor before it.
    const VisualLine& third = state.layout().lines()[2];
    const size_t target = utf8::next(text, utf8::next(text, third.begin + 3));
    ImVec2 p = screen_pos_of(gui, state, target, style);
    gui.click(ImVec2(p.x + 1, p.y), body);
    CHECK(state.focused);
    CHECK(state.cursor() == target);
    CHECK_FALSE(state.buffer().has_selection());

    // Shift+click extends the selection from there.
    ImVec2 q = screen_pos_of(gui, state, third.begin + 20, style);
    gui.click(ImVec2(q.x + 1, q.y), body, true);
    CHECK(state.anchor() == target);
    CHECK(state.cursor() == third.begin + 20);

    // Past the end of a wrapped line: the caret goes to that line's end and shows there.
    const VisualLine& first = state.layout().lines()[0];
    ImVec2 e = screen_pos_of(gui, state, first.begin, style);
    gui.click(ImVec2(gui.box_max.x - 3, e.y), body);
    CHECK(state.cursor() == first.end);
    CHECK(state.layout().line_of(state.cursor(), state.buffer().upstream()) == 0);

    // Down from there keeps the x and lands on the second line.
    gui.key(ImGuiKey_DownArrow, body);
    CHECK(state.layout().line_of(state.cursor(), state.buffer().upstream()) == 1);

    // Down and Up again come back to the same place: the x is kept across lines of different lengths.
    gui.click(ImVec2(p.x + 1, p.y), body);
    REQUIRE(state.cursor() == target);
    gui.key(ImGuiKey_DownArrow, body);
    CHECK(state.layout().line_of(state.cursor(), state.buffer().upstream()) == 3);
    gui.key(ImGuiKey_DownArrow, body);
    gui.key(ImGuiKey_UpArrow, body);
    gui.key(ImGuiKey_UpArrow, body);
    CHECK(state.cursor() == target);
    const float target_x = state.layout().x_of(text, 2, target);
    gui.key(ImGuiKey_UpArrow, body);
    const float up_x = state.layout().x_of(text, 1, state.cursor());
    CHECK(std::abs(up_x - target_x) < 12.0f);  // within a glyph of the same x

    // A click in the empty space below the text goes to its end.
    gui.click(ImVec2(gui.box_min.x + 30, gui.box_max.y - 4), body);
    CHECK(state.cursor() == text.size());

    // A click outside the box unfocuses.
    gui.click(ImVec2(gui.box_min.x + 10, gui.box_max.y + 80), body);
    CHECK_FALSE(state.focused);
}

TEST_CASE("prose: drag selects, double-click selects a word") {
    Gui gui;
    std::string text = "Discovery calls should uncover the real decision process.";
    ProseEditorState state;
    auto body = gui.editor(text, state);
    gui.frame(body);
    const size_t calls = text.find("calls");
    const size_t real = text.find("real");

    ImVec2 a = screen_pos_of(gui, state, calls);
    ImVec2 b = screen_pos_of(gui, state, real);
    gui.frame(body);
    gui.press(ImVec2(a.x + 1, a.y), body);
    ImGui::GetIO().MousePos = ImVec2(b.x + 1, b.y);
    gui.frame(body);
    gui.release(body);
    CHECK(state.buffer().selected_text() == "calls should uncover the ");

    // Double-click (two presses in quick succession) on "decision".
    const size_t decision = text.find("decision");
    ImVec2 d = screen_pos_of(gui, state, decision + 3);
    gui.press(d, body);
    gui.release(body);
    gui.press(d, body);
    gui.release(body);
    CHECK(state.buffer().selected_text() == "decision");
    gui.press(d, body);  // a third click: the paragraph
    gui.release(body);
    CHECK(state.buffer().selected_text() == text);
}

TEST_CASE("prose: the cursor can be set from outside and read back; the layout is cached") {
    Gui gui;
    std::string text = "Caf\xC3\xA9 notes\nSecond paragraph.";
    ProseEditorState state;
    state.set_cursor(4);         // inside é: restored to its start
    CHECK(state.cursor() == 4);  // pending until the next frame
    auto body = gui.editor(text, state);
    gui.frame(body);
    CHECK(state.cursor() == 3);
    state.set_cursor(12);
    gui.frame(body);
    CHECK(state.cursor() == 12);
    state.set_cursor(9999);
    gui.frame(body);
    CHECK(state.cursor() == text.size());

    // Idle frames never re-wrap; a text change or a new width does, once.
    const int builds = state.layout_builds();
    for (int i = 0; i < 30; ++i) gui.frame(body);
    CHECK(state.layout_builds() == builds);
    text += " More.";  // changed by the host (e.g. a restore): adopted on the next frame
    gui.frame(body);
    gui.frame(body);
    CHECK(state.layout_builds() == builds + 1);
    CHECK(state.buffer().text() == text);
    ProseEditorStyle narrow;
    narrow.width = 200;
    auto narrow_body = gui.editor(text, state, narrow);
    gui.frame(narrow_body);
    gui.frame(narrow_body);
    CHECK(state.layout_builds() == builds + 2);

    // The box grows with its content, from six lines.
    const float h0 = state.height();
    std::string many;
    for (int i = 0; i < 12; ++i) many += "Line\n";
    text = many;
    gui.frame(body);
    CHECK(state.height() > h0);
}

TEST_CASE("prose: a long reflection is wrapped once and only its visible lines are drawn") {
    std::string big, small;
    for (int i = 0; i < 5000; ++i) big += (i % 120 == 119) ? "word.\n" : "word ";
    for (int i = 0; i < 800; ++i) small += (i % 120 == 119) ? "word.\n" : "word ";
    CHECK(count_words(big) == 5000);

    Gui gui;
    ProseEditorState big_state, small_state;
    auto big_body = gui.editor(big, big_state);
    auto small_body = gui.editor(small, small_state);
    ImDrawData* d = nullptr;
    for (int i = 0; i < 20; ++i) d = gui.frame(big_body);
    const int big_vertices = d->TotalVtxCount;
    CHECK(big_state.layout_builds() == 1);
    CHECK(big_state.layout().line_count() > 200);
    for (int i = 0; i < 3; ++i) d = gui.frame(small_body);
    const int small_vertices = d->TotalVtxCount;
    // Both fill the window; the six-times longer text draws about as much.
    CHECK(big_vertices < small_vertices * 1.3);
    CHECK(big_vertices > small_vertices * 0.7);
}

TEST_CASE("prose: a button before the editor still takes a click while the editor has focus") {
    Gui gui;
    std::string text = "Some text.";
    ProseEditorState state;
    state.focused = true;
    int clicks = 0;
    ImVec2 button_center;
    auto body = gui.editor(text, state, {}, [&] {
        if (ImGui::Button("Save now")) ++clicks;
        const ImVec2 mn = ImGui::GetItemRectMin(), mx = ImGui::GetItemRectMax();
        button_center = ImVec2((mn.x + mx.x) * 0.5f, (mn.y + mx.y) * 0.5f);
    });
    gui.frame(body);
    REQUIRE(state.focused);
    gui.click(button_center, body);
    CHECK(clicks == 1);
    CHECK_FALSE(state.focused);
}

TEST_CASE("prose: Tab moves on to the next text field and back; arrows stay with the editor under keyboard nav") {
    Gui gui;
    ImGui::GetIO().ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    char name[64] = "Dana";
    std::string text = "First line\nSecond line";
    ProseEditorState state;
    state.focused = true;
    bool any_focused_after_editor = false;
    auto body = [&] {
        gui.changed = ProseEditor("##reflection", text, state);
        any_focused_after_editor = AnyProseEditorFocused();
        ImGui::InputText("Name", name, sizeof name);
    };
    gui.frame(body);
    gui.frame(body);
    REQUIRE(state.focused);
    state.set_cursor(3);
    gui.frame(body);
    const ImGuiID editor_id = GImGui->ActiveId;
    gui.key(ImGuiKey_DownArrow, body);
    // Moved by the editor (to below "Fir|st", about "Se|cond"), not by navigation.
    CHECK(state.cursor() >= 13);
    CHECK(state.cursor() <= 14);
    CHECK(GImGui->NavId == editor_id);
    CHECK(state.focused);

    gui.key(ImGuiKey_Tab, body);
    CHECK_FALSE(state.focused);
    CHECK(GImGui->ActiveId != 0);  // the name field took over
    CHECK(text == "First line\nSecond line");
    gui.key(ImGuiKey_Tab, body, false, true);  // Shift+Tab comes back
    gui.frame(body);
    CHECK(state.focused);

    // The frame whose Escape unfocuses the editor still reports the keyboard as taken, so a host checking after
    // the editor does not act on that Escape; the next frame does not.
    ImGuiIO& io = ImGui::GetIO();
    io.KeysDown[io.KeyMap[ImGuiKey_Escape]] = true;
    gui.frame(body);
    io.KeysDown[io.KeyMap[ImGuiKey_Escape]] = false;
    CHECK_FALSE(state.focused);
    CHECK(any_focused_after_editor);
    gui.frame(body);
    CHECK_FALSE(any_focused_after_editor);
    CHECK_FALSE(AnyProseEditorFocused());
}

TEST_CASE("prose: PageDown moves a screenful; the focused editor draws the same frame while idle (no blinking)") {
    std::string text;
    for (int i = 0; i < 600; ++i) text += (i % 40 == 39) ? "plan.\n" : "plan ";
    Gui gui(ImVec2(700, 500));
    ProseEditorState state;
    state.focused = true;
    auto body = gui.editor(text, state);
    gui.frame(body);
    gui.frame(body);
    const size_t before_line = state.layout().line_of(state.cursor());
    gui.key(ImGuiKey_PageDown, body);
    const size_t after_line = state.layout().line_of(state.cursor());
    const float line_h = std::floor(ImGui::GetFontSize() * 1.4f + 0.5f);
    CHECK(after_line - before_line >= static_cast<size_t>(400 / line_h));
    gui.key(ImGuiKey_PageUp, body, false, true);  // Shift+PageUp selects back
    CHECK(state.cursor() == 0);
    CHECK(state.buffer().has_selection());

    // Time passes, nothing happens: every frame is drawn identically (the caret does not blink).
    gui.key(ImGuiKey_RightArrow, body);
    auto snapshot = [&] {
        ImDrawData* d = gui.frame(body);
        std::string bytes;
        for (int i = 0; i < d->CmdListsCount; ++i)
            bytes.append(reinterpret_cast<const char*>(d->CmdLists[i]->VtxBuffer.Data),
                         d->CmdLists[i]->VtxBuffer.Size * sizeof(ImDrawVert));
        return bytes;
    };
    const std::string first = snapshot();
    CHECK(first.size() > 0);
    for (int i = 0; i < 90; ++i) CHECK(snapshot() == first);
}
