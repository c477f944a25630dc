#pragma once
// The line under an in-app export button: what was written and where (or why not), and "Open folder".
#include <filesystem>
#include <string>

#include "ui/fonts.h"

namespace gw::ui {

struct ExportNotice {
    std::string message;  // "Saved 2 files in ...", "Not saved: ..."; "" draws nothing
    std::string folder;   // where the files went, for "Open folder"; "" when nothing was written
};

// Draws the notice's message in the small face and, when it has a folder, an "Open folder" link (probe name
// `open_probe`) that shows the folder in the desktop's file manager; when none can be started the message says
// where the files are instead.
void draw_export_notice(ExportNotice& notice, const char* open_probe, const Fonts& fonts);

// Shows `folder` in the desktop's file manager (xdg-open), without waiting for it: false when it could not be
// started.
bool open_folder(const std::filesystem::path& folder);

}  // namespace gw::ui
