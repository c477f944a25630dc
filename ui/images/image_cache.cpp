#include "ui/images/image_cache.h"

#include <stb/stb_image.h>

#include <algorithm>
#include <chrono>
#include <cstring>

#include "runtime/markdown/image_ref.h"
#include "ui/images/gl_texture_backend.h"

namespace gw::ui {

DecodedImage decode_image(const std::string& path) {
    DecodedImage d;
    int w = 0, h = 0, channels = 0;
    // The file may have changed since load checked it: the caps are checked again before any pixel is allocated.
    if (!stbi_info(path.c_str(), &w, &h, &channels)) {
        const char* why = stbi_failure_reason();  // may be "" (libstb's reason for truncated data)
        d.error = why && *why ? why : "not a PNG or JPEG";
        return d;
    }
    if (w <= 0 || h <= 0 || w > kMaxImageSide || h > kMaxImageSide) {
        d.error = "over 8192 pixels a side";
        return d;
    }
    unsigned char* pixels = stbi_load(path.c_str(), &w, &h, &channels, 4);
    if (!pixels) {
        const char* why = stbi_failure_reason();
        d.error = why && *why ? why : "cannot be decoded";
        return d;
    }
    d.rgba.assign(pixels, pixels + std::size_t(w) * std::size_t(h) * 4);
    stbi_image_free(pixels);
    d.width = w;
    d.height = h;
    return d;
}

ImageCache::~ImageCache() {
    for (auto& [key, e] : entries_) {
        if (e.decoding.valid()) e.decoding.wait();
        if (e.texture.id && backend_) backend_->destroy(e.texture.id);
    }
    for (auto& f : abandoned_) f.wait();
}

void ImageCache::acquire(const ImageKey& key) {
    ++entries_[key].holders;
}

void ImageCache::release(const ImageKey& key) {
    auto it = entries_.find(key);
    if (it != entries_.end() && it->second.holders > 0) --it->second.holders;
}

void ImageCache::upload(Entry& e, DecodedImage decoded) {
    if (!decoded.error.empty() || !backend_) {
        e.failed = true;
        return;
    }
    e.texture.id = backend_->create(decoded.rgba.data(), decoded.width, decoded.height);
    e.texture.width = decoded.width;
    e.texture.height = decoded.height;
    e.failed = e.texture.id == nullptr;
}

const ImageCache::Texture* ImageCache::texture(const ImageKey& key) {
    auto it = entries_.find(key);
    if (it == entries_.end() || !backend_ || key.path.empty()) return nullptr;
    Entry& e = it->second;
    if (!e.started) {
        e.started = true;
        ++decodes_started_;
        std::function<void()> wake = wake_;
        e.decoding = std::async(std::launch::async, [path = key.path, wake] {
            DecodedImage d = decode_image(path);
            if (wake) wake();
            return d;
        });
    }
    if (e.decoding.valid() && e.decoding.wait_for(std::chrono::seconds(0)) == std::future_status::ready)
        upload(e, e.decoding.get());
    return e.texture.id ? &e.texture : nullptr;
}

bool ImageCache::failed(const ImageKey& key) const {
    auto it = entries_.find(key);
    return it != entries_.end() && it->second.failed;
}

void ImageCache::collect() {
    for (auto it = entries_.begin(); it != entries_.end();) {
        Entry& e = it->second;
        if (e.holders > 0) {
            ++it;
            continue;
        }
        if (e.texture.id && backend_) backend_->destroy(e.texture.id);
        // A std::future from std::async blocks in its destructor: a running decode is left to finish on its own.
        if (e.decoding.valid()) abandoned_.push_back(std::move(e.decoding));
        it = entries_.erase(it);
    }
    abandoned_.erase(std::remove_if(abandoned_.begin(), abandoned_.end(),
                                    [](std::future<DecodedImage>& f) {
                                        return f.wait_for(std::chrono::seconds(0)) == std::future_status::ready;
                                    }),
                     abandoned_.end());
}

void ImageCache::finish_decodes() {
    for (auto& [key, e] : entries_)
        if (e.decoding.valid()) upload(e, e.decoding.get());
    for (auto& f : abandoned_) f.wait();
    abandoned_.clear();
}

bool ImageCache::decoding() const {
    for (const auto& [key, e] : entries_)
        if (e.decoding.valid()) return true;
    return false;
}

std::size_t ImageCache::texture_count() const {
    std::size_t n = 0;
    for (const auto& [key, e] : entries_)
        if (e.texture.id) ++n;
    return n;
}

ImageCache& app_image_cache() {
    // Never destroyed: at exit the GL context is already gone, and the driver frees its textures with it.
    static ImageCache* cache = new ImageCache();
    static GlTextureBackend gl;
    if (!cache->backend()) {
        const char* renderer = ImGui::GetCurrentContext() ? ImGui::GetIO().BackendRendererName : nullptr;
        if (renderer && std::strncmp(renderer, "imgui_impl_opengl3", 18) == 0) cache->set_backend(&gl);
    }
    return *cache;
}

ImageHolds& ImageHolds::operator=(ImageHolds&& o) noexcept {
    if (this != &o) {
        release_all();
        cache_ = o.cache_;
        keys_ = std::move(o.keys_);
        o.keys_.clear();
    }
    return *this;
}

void ImageHolds::set_cache(ImageCache* cache) {
    if (cache == cache_) return;
    release_all();
    cache_ = cache;
}

const ImageCache::Texture* ImageHolds::use(const ImageRef& ref) {
    if (!cache_ || ref.status != ImageStatus::Ok) return nullptr;
    ImageKey key = ImageKey::of(ref);
    if (std::find(keys_.begin(), keys_.end(), key) == keys_.end()) {
        cache_->acquire(key);
        keys_.push_back(key);
    }
    return cache_->texture(key);
}

void ImageHolds::release_all() {
    if (cache_)
        for (const ImageKey& k : keys_) cache_->release(k);
    keys_.clear();
}

}  // namespace gw::ui
