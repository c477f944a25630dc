#include "runtime/text/text_normalization.h"

#include <utf8proc.h>

#include <cstdlib>

namespace gw {

namespace {

// True when every code point is one NFC leaves alone whatever surrounds it: below U+0300 (Basic Latin to the
// spacing modifiers) or a dash, quote, bullet or ellipsis of U+2010..U+2027. UAX #15 can change only characters
// whose NFC_Quick_Check is No (singletons, composition exclusions) or Maybe (the second half of a composition:
// combining marks, Hangul vowels and trailing consonants, a few vowel signs), and Unicode has none of either
// there. Course text is ASCII with typographic punctuation: this keeps it away from utf8proc's full pass (a
// quarter of the course's reading time at start-up). Invalid UTF-8 is not inert: utf8proc decides.
bool nfc_inert(std::string_view text) {
    auto p = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
    const auto end = p + text.size();
    while (p < end) {
        if (*p < 0x80) {
            ++p;
            continue;
        }
        utf8proc_int32_t cp = -1;
        const utf8proc_ssize_t n = utf8proc_iterate(p, end - p, &cp);
        if (n <= 0 || cp < 0) return false;
        if (!(cp < 0x300 || (cp >= 0x2010 && cp <= 0x2027))) return false;
        p += n;
    }
    return true;
}

}  // namespace

std::string to_nfc(std::string_view text) {
    if (nfc_inert(text)) return std::string(text);  // most course text never reaches utf8proc
    utf8proc_uint8_t* out = nullptr;
    // UTF8PROC_STABLE | COMPOSE is exactly what utf8proc_NFC does; the length-taking call keeps embedded NULs
    // and needs no terminator on the view.
    const utf8proc_ssize_t n =
        utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(text.data()), utf8proc_ssize_t(text.size()), &out,
                     utf8proc_option_t(UTF8PROC_STABLE | UTF8PROC_COMPOSE));
    if (n < 0 || !out) return std::string(text);  // invalid UTF-8 or out of memory: keep what was written
    std::string result(reinterpret_cast<const char*>(out), std::size_t(n));
    std::free(out);
    return result;
}

bool is_nfc(std::string_view text) { return nfc_inert(text) || to_nfc(text) == text; }

}  // namespace gw
