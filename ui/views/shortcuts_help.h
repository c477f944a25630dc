#pragma once
// The keyboard shortcuts window: F1, or '?' typed while no text field has the keyboard, opens a modal listing every
// shortcut the README's "Keys" paragraph gives; Escape (or Close) closes it.
#include <vector>

#include "ui/fonts.h"

namespace gw::ui {

struct Shortcut {
    const char* keys;  // as the learner presses them: "Ctrl+Z"
    const char* what;
};
struct ShortcutGroup {
    const char* title;  // where the keys work: "On a course page"
    std::vector<Shortcut> shortcuts;
};

// Every shortcut the app has, grouped by where it works (source: README.md, "Keys in the reader").
const std::vector<ShortcutGroup>& shortcut_groups();

// True in a frame where the learner asked for the list: F1 anywhere, or '?' typed while `text_focused` is false
// (in a text field '?' is a character like any other). Call between NewFrame and Render.
bool shortcuts_help_requested(bool text_focused);

// Opens the modal; draw_shortcuts_help must then run every frame, outside any window (top of the ID stack).
void open_shortcuts_help();
// True from open_shortcuts_help() until the modal closes: the page's own keys wait meanwhile.
bool shortcuts_help_open();
void draw_shortcuts_help(const Fonts& fonts);

}  // namespace gw::ui
