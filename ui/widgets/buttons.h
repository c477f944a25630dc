#pragma once
// The few buttons the reader uses, drawn to match the page rather than ImGui's default grey.
#include <imgui.h>

#include "ui/fonts.h"

namespace gw::ui {

enum class ButtonKind {
    Primary,  // filled accent: the one thing to do next
    Done,     // filled green: a finished state that can be undone
    Quiet,    // outlined: secondary actions
    Link,     // text only
};

// Returns true when clicked. `id_label` follows ImGui's "visible##id" convention.
bool PageButton(const char* id_label, ButtonKind kind, const Fonts& fonts);

}  // namespace gw::ui
