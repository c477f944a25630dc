#pragma once
// Debian ships Dear ImGui as a prebuilt library, so the sanitizers cannot see the reads ImGui makes of the text we
// hand it: a dangling `const char*` passed to ImDrawList::AddText draws garbage without a report. Every cached text
// range is therefore checked in our own code, just before it crosses into ImGui (see TOOLCHAIN.md, "Sanitizers and
// Debian's libimgui.a"). In builds without AddressSanitizer the check compiles to nothing.
#include <cstddef>

#if defined(__SANITIZE_ADDRESS__)
#define GW_HAS_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define GW_HAS_ASAN 1
#endif
#endif

#ifdef GW_HAS_ASAN
#include <sanitizer/asan_interface.h>

#include <cstdio>
#include <cstdlib>
#endif

namespace gw::ui {

// Aborts with AddressSanitizer's description of the first bad byte when [begin, end) is not live memory (freed,
// out of bounds, or a dead stack frame). `what` names the caller in the report. No-op without ASan.
inline void check_text_range(const char* begin, const char* end, const char* what) {
#ifdef GW_HAS_ASAN
    if (!begin || end <= begin) return;
    void* bad = __asan_region_is_poisoned(const_cast<char*>(begin), static_cast<std::size_t>(end - begin));
    if (!bad) return;
    std::fprintf(stderr, "groundwork: %s hands ImGui text that is not live memory (%zu bytes at %p)\n", what,
                 static_cast<std::size_t>(end - begin), static_cast<const void*>(begin));
    __asan_describe_address(bad);
    std::abort();
#else
    (void)begin;
    (void)end;
    (void)what;
#endif
}

}  // namespace gw::ui
