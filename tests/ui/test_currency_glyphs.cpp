// Money is shown in every face (a page title's summary, a heading, a chip): each face holds every known currency's
// symbol and the no-break space the formatter puts beside it. An Accounts summary in a title face once read
// "120.000??" for euros.
#include <doctest/doctest.h>

#include "runtime/artifacts/money.h"
#include "runtime/text/glyph_coverage.h"
#include "ui/headless.h"

using namespace gw;

TEST_CASE("every face draws every known currency symbol and the no-break space") {
    ui::HeadlessImGui gui;
    const ui::Fonts& f = gui.fonts();
    REQUIRE(f.loaded_from_files);
    const ImFont* faces[] = {f.body.regular, f.body.bold, f.body.italic, f.ui.regular, f.ui.bold, f.title, f.heading,
                             f.subheading, f.lead, f.quote, f.label, f.small};
    std::vector<char32_t> needed = {0x00A0};
    for (const Currency& c : known_currencies()) collect_code_points(c.symbol, needed);
    for (const ImFont* face : faces) {
        REQUIRE(face);
        for (char32_t cp : needed) {
            const bool drawn = const_cast<ImFont*>(face)->FindGlyphNoFallback(static_cast<ImWchar>(cp)) != nullptr;
            CHECK_MESSAGE(drawn, "U+" << std::hex << static_cast<unsigned>(cp) << " missing in a "
                                      << face->FontSize << " px face");
        }
    }
}
