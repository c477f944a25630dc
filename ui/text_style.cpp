#include "ui/text_style.h"

#include <utf8proc.h>

#include <algorithm>
#include <ctime>

namespace gw::ui {

namespace {

// SpecialCasing.txt's unconditional upper-case expansions that have no one-character form (utf8proc_toupper maps
// one code point to one, so it leaves these as they are): the sharp s and the Latin ligatures.
const char* special_upper(utf8proc_int32_t cp) {
    switch (cp) {
    case 0x00DF: return "SS";   // ß
    case 0xFB00: return "FF";   // ﬀ
    case 0xFB01: return "FI";   // ﬁ
    case 0xFB02: return "FL";   // ﬂ
    case 0xFB03: return "FFI";  // ﬃ
    case 0xFB04: return "FFL";  // ﬄ
    case 0xFB05: return "ST";   // ﬅ
    case 0xFB06: return "ST";   // ﬆ
    default: return nullptr;
    }
}

}  // namespace

std::string upper(std::string s) {
    bool ascii = true;
    for (char c : s) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
    if (ascii) {  // the common case (the shipped course), without a copy
        for (char& c : s)
            if (c >= 'a' && c <= 'z') c = char(c - 'a' + 'A');
        return s;
    }
    std::string out;
    out.reserve(s.size());
    auto p = reinterpret_cast<const utf8proc_uint8_t*>(s.data());
    utf8proc_ssize_t left = utf8proc_ssize_t(s.size());
    while (left > 0) {
        utf8proc_int32_t cp = 0;
        const utf8proc_ssize_t n = utf8proc_iterate(p, left, &cp);
        if (n <= 0) {  // not UTF-8: keep the byte, lose nothing
            out += char(*p);
            ++p;
            --left;
            continue;
        }
        if (const char* expanded = special_upper(cp)) {
            out += expanded;
        } else {
            utf8proc_uint8_t buf[4];
            const utf8proc_ssize_t m = utf8proc_encode_char(utf8proc_toupper(cp), buf);
            out.append(reinterpret_cast<const char*>(buf), std::size_t(m));
        }
        p += n;
        left -= n;
    }
    return out;
}

void add_upper_case_forms(std::vector<char32_t>& code_points) {
    const std::size_t n = code_points.size();
    for (std::size_t i = 0; i < n; ++i) {
        const auto cp = utf8proc_int32_t(code_points[i]);
        if (!utf8proc_codepoint_valid(cp)) continue;
        if (const char* expanded = special_upper(cp)) {
            for (const char* c = expanded; *c; ++c) code_points.push_back(char32_t(*c));
            continue;
        }
        const utf8proc_int32_t u = utf8proc_toupper(cp);
        if (u != cp) code_points.push_back(char32_t(u));
    }
    std::sort(code_points.begin(), code_points.end());
    code_points.erase(std::unique(code_points.begin(), code_points.end()), code_points.end());
}

std::string time_text(Millis ms, const char* format) {
    std::time_t t = static_cast<std::time_t>(ms / 1000);
    std::tm tm{};
    localtime_r(&t, &tm);
    char buf[96];
    std::strftime(buf, sizeof buf, format, &tm);
    return buf;
}

std::string fit_text(ImFont* font, std::string text, float width) {
    auto w = [&](const std::string& s) { return font->CalcTextSizeA(font->FontSize, 1e9f, 0, s.c_str()).x; };
    if (w(text) <= width) return text;
    const std::string ellipsis = "\xE2\x80\xA6";
    while (!text.empty() && w(text + ellipsis) > width) {
        text.pop_back();
        while (!text.empty() && (static_cast<unsigned char>(text.back()) & 0xC0) == 0x80) text.pop_back();
    }
    while (!text.empty() && text.back() == ' ') text.pop_back();
    return text + ellipsis;
}

void StyledText(ImFont* font, ImU32 color, const std::string& text, bool wrapped) {
    ImGui::PushFont(font);
    ImGui::PushStyleColor(ImGuiCol_Text, color);
    if (wrapped) {
        ImGui::TextWrapped("%s", text.c_str());
    } else {
        // TextUnformatted still wraps at a wrap position pushed around it (every page column pushes one), so text
        // placed near the column's right edge went down the page a letter per line. -1 turns wrapping off.
        const std::string shown = fit_text(font, text, ImGui::GetContentRegionAvail().x);
        ImGui::PushTextWrapPos(-1.0f);
        ImGui::TextUnformatted(shown.c_str(), shown.c_str() + shown.size());
        ImGui::PopTextWrapPos();
        if (shown.size() != text.size() && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", text.c_str());
    }
    ImGui::PopStyleColor();
    ImGui::PopFont();
}

}  // namespace gw::ui
