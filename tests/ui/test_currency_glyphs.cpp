// Money is shown in every face (a page title's summary, a heading, a chip): each face holds every known currency
// sign and the no-break space the formatter puts beside it. An Accounts summary in a title face once read
// "120.000??" for euros. Symbols written with letters (zł, kr) come with the chosen currency instead.
#include <doctest/doctest.h>

#include <utf8proc.h>

#include <algorithm>

#include "runtime/artifacts/money.h"
#include "runtime/text/glyph_coverage.h"
#include "ui/headless.h"

using namespace gw;

TEST_CASE("every face draws every known currency sign and the no-break space") {
    ui::HeadlessImGui gui;
    const ui::Fonts& f = gui.fonts();
    REQUIRE(f.loaded_from_files);
    const ImFont* faces[] = {f.body.regular, f.body.bold, f.body.italic, f.ui.regular, f.ui.bold, f.title, f.heading,
                             f.subheading, f.lead, f.quote, f.label, f.small};
    std::vector<char32_t> needed = {0x00A0};
    std::vector<char32_t> symbols;
    for (const Currency& c : known_currencies()) collect_code_points(c.symbol, symbols);
    for (char32_t cp : symbols)
        if (utf8proc_category(static_cast<utf8proc_int32_t>(cp)) == UTF8PROC_CATEGORY_SC) needed.push_back(cp);
    CHECK(std::find(needed.begin(), needed.end(), U'\u20AC') != needed.end());  // the euro is among them
    for (const ImFont* face : faces) {
        REQUIRE(face);
        for (char32_t cp : needed) {
            const bool drawn = const_cast<ImFont*>(face)->FindGlyphNoFallback(static_cast<ImWchar>(cp)) != nullptr;
            CHECK_MESSAGE(drawn, "U+" << std::hex << static_cast<unsigned>(cp) << " missing in a "
                                      << face->FontSize << " px face");
        }
    }
}
