#include "runtime/markdown/heading_slug.h"

#include <utf8proc.h>

namespace gw {

namespace {

// github-slugger's regex, by general category (script/generate-regex.mjs there): what a slug never holds.
bool slug_drops(utf8proc_int32_t c) {
    if (c == ' ' || c == '-') return false;
    switch (utf8proc_category(c)) {
    case UTF8PROC_CATEGORY_NO:
    case UTF8PROC_CATEGORY_PS: case UTF8PROC_CATEGORY_PE: case UTF8PROC_CATEGORY_PI: case UTF8PROC_CATEGORY_PF:
    case UTF8PROC_CATEGORY_PO: case UTF8PROC_CATEGORY_PD:
    case UTF8PROC_CATEGORY_SM: case UTF8PROC_CATEGORY_SC: case UTF8PROC_CATEGORY_SK: case UTF8PROC_CATEGORY_SO:
    case UTF8PROC_CATEGORY_CC: case UTF8PROC_CATEGORY_CF: case UTF8PROC_CATEGORY_CO: case UTF8PROC_CATEGORY_CS:
    case UTF8PROC_CATEGORY_CN:
    case UTF8PROC_CATEGORY_ZS: case UTF8PROC_CATEGORY_ZL: case UTF8PROC_CATEGORY_ZP:
        return true;
    default:
        return false;  // letters, marks, Nd, Nl, Pc ('_')
    }
}

void append_utf8(std::string& out, utf8proc_int32_t c) {
    utf8proc_uint8_t buf[4];
    const utf8proc_ssize_t n = utf8proc_encode_char(c, buf);
    out.append(reinterpret_cast<const char*>(buf), std::size_t(n));
}

}  // namespace

std::string heading_slug(const std::string& text) {
    std::string slug;
    const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
    utf8proc_ssize_t left = static_cast<utf8proc_ssize_t>(text.size());
    while (left > 0) {
        utf8proc_int32_t c = -1;
        utf8proc_ssize_t n = utf8proc_iterate(p, left, &c);
        if (n <= 0) {  // not UTF-8: skip the byte (loading already reported the file)
            ++p;
            --left;
            continue;
        }
        p += n;
        left -= n;
        if (c == 0x130) {  // JavaScript's full lower-case mapping of İ: i + combining dot above (SpecialCasing.txt)
            slug += "i\xCC\x87";
            continue;
        }
        c = utf8proc_tolower(c);
        if (slug_drops(c)) continue;
        if (c == ' ') slug += '-';
        else append_utf8(slug, c);
    }
    return slug;
}

std::string HeadingIds::next(const std::string& text) {
    const std::string base = heading_slug(text);
    std::string id = base;
    while (occurrences_.count(id)) id = base + "-" + std::to_string(++occurrences_[base]);
    occurrences_[id] = 0;
    return id;
}

}  // namespace gw
