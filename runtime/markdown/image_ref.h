#pragma once
// Images in course Markdown, checked at load: where the file is, that it is a PNG or JPEG within the size caps,
// and its size in pixels (read from the header with stb_image's stbi_info; the pixels are decoded only in ui/, when
// the image comes on screen). No ImGui here.
#include <cstdint>
#include <filesystem>
#include <string>

#include "runtime/markdown/document.h"

namespace gw {

struct Course;

// The caps a course image must keep (docs/authoring.md, Images): a texture larger than 8192 a side is beyond what
// many GPUs take, and 25 MB is far more than any picture in a course needs.
constexpr int kMaxImageSide = 8192;                            // pixels, width and height each
constexpr std::uint64_t kMaxImageBytes = 25ull * 1024 * 1024;  // bytes of the file

// What the header of one image file says. `status` is Ok, Missing, Unreadable or TooLarge; `problem` says why in
// words for check ("no such file", "9000 x 20 pixels: ..."). Never throws; reads only the first bytes of the file.
struct ImageProbe {
    ImageStatus status = ImageStatus::Missing;
    int width = 0, height = 0;
    std::uint64_t bytes = 0;
    std::int64_t mtime_ns = 0;
    std::string problem;
};
ImageProbe probe_image(const std::filesystem::path& file);

// Looks up `ref.url` written in `from_file` (relative to the course root) under `root` and fills in status, file,
// path, width/height, bytes and mtime. Relative paths are resolved against from_file's folder (`../images/x.png`
// is fine while it stays in the course folder); http/https images are Remote (never fetched); other schemes,
// absolute paths and paths out of the course are Refused. Returns check's message, "" when the image is fine.
std::string resolve_image(ImageRef& ref, const std::filesystem::path& root, const std::string& from_file);

// Resolves every image of every page of the course (image blocks and images written inline) and reports into
// course.diagnostics at the image's line: an error for a missing, unreadable or oversized file (also in the
// module's own problems, shown on its page), a warning for a remote or refused one. Runs once after loading.
void resolve_images(Course& course);

}  // namespace gw
