#pragma once
// The windowed app. Kept free of ImGui/GLFW types so the command line (runtime/main.cpp) can call it.
#include "runtime/cli/app_options.h"

namespace gw::ui {

int run_app(const AppOptions& options);

}  // namespace gw::ui
