#pragma once
// pdf_safe_text (declared with PdfWriter in pdf_writer.h) is inline so that the executable and the PDF module
// (runtime/modules/pdf_module.cpp), which may not call into the executable, each have it.
#include <utf8cpp/utf8.h>

#include <iterator>
#include <string>

namespace gw {

// `text` as valid UTF-8: invalid sequences become U+FFFD, NUL becomes a space. Exposed for tests.
inline std::string pdf_safe_text(const std::string& text) {
    std::string valid;
    valid.reserve(text.size());
    utf8::replace_invalid(text.begin(), text.end(), std::back_inserter(valid), 0xFFFD);
    std::string out;
    out.reserve(valid.size());
    for (size_t i = 0; i < valid.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(valid[i]);
        if (c == '\r') {
            if (i + 1 < valid.size() && valid[i + 1] == '\n') continue;  // \r\n: the \n follows
            out += '\n';
        } else if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7f) {
            out += ' ';  // NUL and other controls: fonts have no glyph for them
        } else {
            out += static_cast<char>(c);
        }
    }
    return out;
}

}  // namespace gw
