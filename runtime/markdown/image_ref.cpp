#include "runtime/markdown/image_ref.h"

// The image header is read through Debian's libstb.so (stbi_info), the same library ui/ decodes with.
#include <stb/stb_image.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <memory>

#include "runtime/course/course.h"
#include "runtime/markdown/link_target.h"

namespace fs = std::filesystem;

namespace gw {

namespace {

// The two formats a course may use, told apart by their signatures (PNG spec 5.2; JPEG SOI marker FF D8 FF).
// stb_image reads others too (GIF, BMP, PSD, ...), but those are not promised to trainers.
const char* format_of(const unsigned char* head, std::size_t n) {
    static const unsigned char kPng[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    if (n >= 8 && std::equal(kPng, kPng + 8, head)) return "PNG";
    if (n >= 3 && head[0] == 0xFF && head[1] == 0xD8 && head[2] == 0xFF) return "JPEG";
    return nullptr;
}

void for_each_image(std::vector<Block>& blocks, const std::function<void(ImageRef&)>& fn) {
    for (Block& b : blocks) {
        for (ImageRef& r : b.images) fn(r);
        for_each_image(b.children, fn);
    }
}

}  // namespace

ImageProbe probe_image(const fs::path& file) {
    ImageProbe p;
    std::error_code ec;
    const fs::file_status st = fs::status(file, ec);
    if (!fs::exists(st)) {
        p.problem = "no such file";
        return p;
    }
    p.status = ImageStatus::Unreadable;
    if (!fs::is_regular_file(st)) {
        p.problem = "not a file";
        return p;
    }
    p.bytes = fs::file_size(file, ec);
    if (ec) {
        p.problem = "cannot read its size (" + ec.message() + ")";
        return p;
    }
    const auto mtime = fs::last_write_time(file, ec);
    if (!ec) p.mtime_ns = std::chrono::duration_cast<std::chrono::nanoseconds>(mtime.time_since_epoch()).count();
    std::unique_ptr<FILE, int (*)(FILE*)> f(std::fopen(file.c_str(), "rb"), std::fclose);
    if (!f) {
        p.problem = "cannot be opened";
        return p;
    }
    unsigned char head[8] = {};
    const std::size_t n = std::fread(head, 1, sizeof head, f.get());
    const char* format = format_of(head, n);
    if (!format) {
        p.problem = "not a PNG or JPEG file (only those two formats are shown)";
        return p;
    }
    std::fseek(f.get(), 0, SEEK_SET);
    int w = 0, h = 0, channels = 0;
    if (!stbi_info_from_file(f.get(), &w, &h, &channels) || w <= 0 || h <= 0) {
        const char* why = stbi_failure_reason();
        p.problem = std::string("a damaged ") + format + " file (" + (why && *why ? why : "unreadable header") + ")";
        return p;
    }
    p.width = w;
    p.height = h;
    if (p.bytes > kMaxImageBytes) {
        p.status = ImageStatus::TooLarge;
        p.problem = std::to_string(p.bytes / (1024 * 1024)) + " MB, over the 25 MB an image may have: save it smaller";
        return p;
    }
    if (w > kMaxImageSide || h > kMaxImageSide) {
        p.status = ImageStatus::TooLarge;
        p.problem = std::to_string(w) + " x " + std::to_string(h) +
                    " pixels, over the 8192 pixels a side an image may have: scale it down";
        return p;
    }
    p.status = ImageStatus::Ok;
    return p;
}

std::string resolve_image(ImageRef& ref, const fs::path& root, const std::string& from_file) {
    const std::string shown = "image '" + ref.url + "'";
    if (ref.url.empty()) {
        ref.status = ImageStatus::Refused;
        return shown + " has no file: write ![description](file.png)";
    }
    // Same rules as links (runtime/markdown/link_target.h): a path relative to this file that stays in the course folder.
    LinkTarget t = classify_link(ref.url, from_file);
    if (t.kind == LinkKind::External) {
        const bool web = ref.url.compare(0, 4, "http") == 0 || ref.url.compare(0, 4, "HTTP") == 0;
        ref.status = web ? ImageStatus::Remote : ImageStatus::Refused;
        return web ? shown + " is on the web and is never fetched (the course works offline): learners see its "
                             "description; put the file in the course folder"
                   : shown + " is not an image file";
    }
    if (t.kind != LinkKind::Page) {
        ref.status = ImageStatus::Refused;
        return shown + " is never shown: " + t.reason;
    }
    ref.file = t.file;
    ref.path = (root / t.file).string();
    ImageProbe p = probe_image(ref.path);
    ref.status = p.status;
    ref.width = p.width;
    ref.height = p.height;
    ref.bytes = p.bytes;
    ref.mtime_ns = p.mtime_ns;
    if (p.status == ImageStatus::Ok) return "";
    return shown + ": " + p.problem + " (" + t.file + ")";
}

void resolve_images(Course& course) {
    const fs::path root(course.root);
    std::vector<Diagnostic> found;
    auto resolve = [&](std::vector<Block>& blocks, const std::string& file, std::vector<Diagnostic>* problems) {
        for_each_image(blocks, [&](ImageRef& ref) {
            std::string message = resolve_image(ref, root, file);
            if (message.empty()) return;
            const bool warning = ref.status == ImageStatus::Remote || ref.status == ImageStatus::Refused;
            Diagnostic d{file, ref.line, warning ? Severity::Warning : Severity::Error, std::move(message)};
            if (problems && !warning) problems->push_back(d);
            found.push_back(std::move(d));
        });
    };
    for (Chapter& ch : course.chapters) {
        resolve(ch.introduction, fs::path(ch.folder + "/chapter.md").lexically_normal().generic_string(), nullptr);
        for (CourseItem& m : ch.modules) resolve(m.blocks, m.file, &m.problems);
        for (CourseItem& h : ch.homework) resolve(h.blocks, h.file, &h.problems);
    }
    course.diagnostics.insert(course.diagnostics.end(), found.begin(), found.end());
}

}  // namespace gw
