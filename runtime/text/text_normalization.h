#pragma once
// Unicode Normalization Form C (UAX #15) through libutf8proc: one spelling per letter, so `e` + U+0301 (combining
// acute) becomes `é`, which the fonts have as one glyph and searches and comparisons see as one character.
#include <string>
#include <string_view>

namespace gw {

// `text` in NFC. Input must be valid UTF-8 (the loader and the editor check that first); if utf8proc still
// refuses it, the text comes back unchanged rather than lost. Canonical composition only (no compatibility
// folding: `ﬁ` and `²` stay as written). Text NFC cannot change (ASCII, Latin below U+0300, typographic dashes
// and quotes) is returned at once without calling utf8proc.
std::string to_nfc(std::string_view text);

// True when `text` is already NFC (cheap for ASCII); what the tests and `check` use without copying.
bool is_nfc(std::string_view text);

}  // namespace gw
