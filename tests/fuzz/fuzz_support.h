#pragma once
// What the fuzz targets share: a scratch folder that lives as long as the fuzzing process, and a way to write the
// input into it. libFuzzer runs one input after another in one process, so each target reuses its folder.
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

namespace gw::fuzz {

// A fresh folder under $TMPDIR named after the target and the process id; removed when the process exits normally
// (a crash leaves it for the post-mortem).
class ScratchDir {
public:
    explicit ScratchDir(const std::string& name) {
        root_ = std::filesystem::temp_directory_path() / ("gw-fuzz-" + name + "-" + std::to_string(::getpid()));
        std::error_code ec;
        std::filesystem::remove_all(root_, ec);
        std::filesystem::create_directories(root_);
    }
    ~ScratchDir() {
        std::error_code ec;
        std::filesystem::remove_all(root_, ec);
    }
    const std::filesystem::path& path() const { return root_; }
    std::filesystem::path operator/(const std::string& rel) const { return root_ / rel; }

private:
    std::filesystem::path root_;
};

// Writes bytes exactly (binary, truncating), creating parent folders; aborts when the disk refuses, because a
// harness that silently tests an empty file finds nothing.
inline void write_bytes(const std::filesystem::path& file, const std::uint8_t* data, std::size_t size) {
    std::filesystem::create_directories(file.parent_path());
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), std::streamsize(size));
    if (!out) std::abort();
}

inline void write_text(const std::filesystem::path& file, const std::string& text) {
    write_bytes(file, reinterpret_cast<const std::uint8_t*>(text.data()), text.size());
}

// Reads every byte of [begin, end) in our own (instrumented) code. Text ranges handed to Debian's uninstrumented
// libimgui.a are otherwise never checked by AddressSanitizer (see TOOLCHAIN.md): a dangling range is caught here.
inline unsigned touch(const char* begin, const char* end) {
    if (begin == nullptr || end == nullptr || end < begin) std::abort();
    unsigned sum = 0;
    for (const volatile char* p = begin; p < end; ++p) sum += static_cast<unsigned char>(*p);
    return sum;
}

}  // namespace gw::fuzz
