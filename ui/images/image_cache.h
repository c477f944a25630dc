#pragma once
// Textures for the course images on screen. A page's view holds the images it has shown (ImageHolds); the pixels
// are decoded with stb_image on a worker thread the first time an image comes on screen, uploaded on the UI
// thread, and released when no view holds them any more (the page was left). Keyed on the file's path, mtime and
// size, so a course reloaded after an image changed shows the new picture.
#include <cstdint>
#include <functional>
#include <future>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "runtime/markdown/document.h"
#include "ui/images/texture_backend.h"

namespace gw::ui {

struct ImageKey {
    std::string path;
    std::int64_t mtime_ns = 0;
    std::uint64_t bytes = 0;
    static ImageKey of(const ImageRef& ref) { return {ref.path, ref.mtime_ns, ref.bytes}; }
    bool operator<(const ImageKey& o) const {
        if (path != o.path) return path < o.path;
        if (mtime_ns != o.mtime_ns) return mtime_ns < o.mtime_ns;
        return bytes < o.bytes;
    }
    bool operator==(const ImageKey& o) const { return path == o.path && mtime_ns == o.mtime_ns && bytes == o.bytes; }
};

// Pixels decoded from a file: RGBA, 8 bits a channel; empty with `error` set when the file could not be decoded.
struct DecodedImage {
    std::vector<unsigned char> rgba;
    int width = 0, height = 0;
    std::string error;
};
// Decodes a PNG or JPEG with stb_image (libstb.so), refusing more than kMaxImageSide pixels a side. Any thread.
DecodedImage decode_image(const std::string& path);

class ImageCache {
public:
    struct Texture {
        ImTextureID id = nullptr;
        int width = 0, height = 0;  // pixels
    };

    explicit ImageCache(TextureBackend* backend = nullptr) : backend_(backend) {}
    ~ImageCache();  // waits for running decodes; destroys the textures through the backend
    ImageCache(const ImageCache&) = delete;
    ImageCache& operator=(const ImageCache&) = delete;

    // Without a backend nothing is decoded and every image shows its alt text (headless, no GPU).
    void set_backend(TextureBackend* backend) { backend_ = backend; }
    TextureBackend* backend() const { return backend_; }
    // Runs on the worker thread when a decode finishes, so an idle window draws the frame that uploads it.
    void set_wake(std::function<void()> wake) { wake_ = std::move(wake); }

    void acquire(const ImageKey& key);  // one more view holds this image
    void release(const ImageKey& key);  // one fewer; unheld textures go at the next collect()
    // The texture of a held image: the first ask starts its decode; null while decoding, when decoding failed, or
    // without a backend. Uploads a finished decode (UI thread).
    const Texture* texture(const ImageKey& key);
    bool failed(const ImageKey& key) const;
    // Destroys the textures no view holds (end of a frame, so a view that re-lays out keeps its images).
    void collect();
    // Blocks until every running decode has finished, then uploads them (tests, benchmarks, a screenshot, shutdown).
    void finish_decodes();
    // True while a decode of a held image is running or waiting to be uploaded.
    bool decoding() const;

    std::size_t texture_count() const;  // live textures
    std::size_t decode_count() const { return decodes_started_; }  // decodes ever started

private:
    struct Entry {
        int holders = 0;
        bool started = false;
        bool failed = false;
        std::future<DecodedImage> decoding;
        Texture texture;
    };
    TextureBackend* backend_;
    std::function<void()> wake_;
    std::map<ImageKey, Entry> entries_;
    std::vector<std::future<DecodedImage>> abandoned_;  // decodes of images released while running
    std::size_t decodes_started_ = 0;

    void upload(Entry& e, DecodedImage decoded);
};

// The app's cache: OpenGL textures once the imgui_impl_opengl3 renderer is running, none before (headless).
ImageCache& app_image_cache();

// The images one view holds: acquired as they come on screen, released together when the view's page is left
// (release_all) or the view goes away. Movable, not copyable (a copy would release twice).
class ImageHolds {
public:
    explicit ImageHolds(ImageCache* cache = nullptr) : cache_(cache) {}
    ~ImageHolds() { release_all(); }
    ImageHolds(ImageHolds&& o) noexcept : cache_(o.cache_), keys_(std::move(o.keys_)) { o.keys_.clear(); }
    ImageHolds& operator=(ImageHolds&& o) noexcept;
    ImageHolds(const ImageHolds&) = delete;
    ImageHolds& operator=(const ImageHolds&) = delete;

    void set_cache(ImageCache* cache);  // releases what the previous cache held
    ImageCache* cache() const { return cache_; }
    // The texture for `ref`, holding it from now on; null while it loads or when it cannot be shown.
    const ImageCache::Texture* use(const ImageRef& ref);
    void release_all();
    std::size_t held() const { return keys_.size(); }

private:
    ImageCache* cache_;
    std::vector<ImageKey> keys_;
};

}  // namespace gw::ui
