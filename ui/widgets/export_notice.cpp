#include "ui/widgets/export_notice.h"

#include <imgui.h>

#include "ui/markdown/link_opener.h"
#include "ui/item_probe.h"
#include "ui/text_style.h"
#include "ui/theme.h"
#include "ui/widgets/buttons.h"

namespace gw::ui {

bool open_folder(const std::filesystem::path& folder) { return desktop_open(folder.string()); }

void draw_export_notice(ExportNotice& notice, const char* open_probe, const Fonts& fonts) {
    if (!notice.message.empty()) StyledText(fonts.small, palette().muted, notice.message);
    if (notice.folder.empty()) return;
    const std::string label = std::string("Open folder##") + open_probe;
    if (PageButton(label.c_str(), ButtonKind::Link, fonts) && !open_folder(notice.folder))
        notice.message = "Could not open a file manager (xdg-open): the files are in " + notice.folder;
    probe::last_item(open_probe);
}

}  // namespace gw::ui
