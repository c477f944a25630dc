#include "runtime/text/text_normalization.h"

#include <utf8proc.h>

#include <cstdlib>

namespace gw {

namespace {

bool is_ascii(std::string_view text) {
    for (char c : text)
        if (static_cast<unsigned char>(c) >= 0x80) return false;
    return true;
}

}  // namespace

std::string to_nfc(std::string_view text) {
    if (is_ascii(text)) return std::string(text);  // ASCII is NFC; most course text never reaches utf8proc
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

bool is_nfc(std::string_view text) { return is_ascii(text) || to_nfc(text) == text; }

}  // namespace gw
