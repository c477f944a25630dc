#include "ui/atlas_cache.h"

#include "ui/fonts.h"

#include <ft2build.h>
#include FT_FREETYPE_H
#include <imgui_freetype.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <sstream>
#include <system_error>
#include <type_traits>
#include <vector>

namespace gw::ui {

namespace {

constexpr char kMagic[8] = {'G', 'W', 'A', 'T', 'L', 'A', 'S', '1'};
constexpr std::size_t kKeptEntries = 8;
constexpr int kMaxTextureSide = 16384;  // more than any GPU's limit for one texture

std::string freetype_version() {
    FT_Library library = nullptr;
    if (FT_Init_FreeType(&library) != 0) return "unknown";
    FT_Int major = 0, minor = 0, patch = 0;
    FT_Library_Version(library, &major, &minor, &patch);
    FT_Done_FreeType(library);
    return std::to_string(major) + "." + std::to_string(minor) + "." + std::to_string(patch);
}

// Appends values as their bytes: the file is read back only by the same build of the same program (the key holds
// the versions and the structure sizes), so native byte order and layout are what it is meant to keep.
struct ByteWriter {
    std::string out;
    template <class T>
    void put(const T& v) {
        static_assert(std::is_trivially_copyable<T>::value, "bytes of a plain value only");
        out.append(reinterpret_cast<const char*>(&v), sizeof v);
    }
    void put_bytes(const void* p, std::size_t n) { out.append(static_cast<const char*>(p), n); }
};

// Reads what ByteWriter wrote; every read is bounds-checked and a short read makes ok() false for good.
struct ByteReader {
    const char* p;
    const char* end;
    bool failed = false;
    template <class T>
    T get() {
        T v{};
        if (failed || std::size_t(end - p) < sizeof v) {
            failed = true;
            return v;
        }
        std::memcpy(&v, p, sizeof v);
        p += sizeof v;
        return v;
    }
    const char* take(std::size_t n) {
        if (failed || std::size_t(end - p) < n) {
            failed = true;
            return nullptr;
        }
        const char* at = p;
        p += n;
        return at;
    }
    bool ok() const { return !failed; }
};

std::uint64_t fnv1a64(const std::string& s) {
    std::uint64_t h = 1469598103934665603ull;
    for (unsigned char c : s) {
        h ^= c;
        h *= 1099511628211ull;
    }
    return h;
}

std::uint32_t crc_of(const char* p, std::size_t n) {
    uLong crc = crc32(0L, Z_NULL, 0);
    while (n > 0) {  // zlib takes a uInt length
        const uInt chunk = uInt(std::min<std::size_t>(n, 1u << 30));
        crc = crc32(crc, reinterpret_cast<const Bytef*>(p), chunk);
        p += chunk;
        n -= chunk;
    }
    return std::uint32_t(crc);
}

struct CachedFont {
    float font_size = 0, ascent = 0, descent = 0, scale = 1;
    int metrics_total_surface = 0;
    ImWchar fallback_char = 0, ellipsis_char = 0, dot_char = 0;
    std::vector<ImFontGlyph> glyphs;
};

struct CachedAtlas {
    int width = 0, height = 0;
    ImVec2 uv_scale, uv_white_pixel;
    ImVec4 uv_lines[IM_DRAWLIST_TEX_LINES_WIDTH_MAX + 1];
    bool uses_colors = false;
    int pack_id_mouse_cursors = -1, pack_id_lines = -1;
    std::vector<ImFontAtlasCustomRect> custom_rects;
    std::vector<CachedFont> fonts;
    std::string pixels;  // Alpha8, width * height
};

std::string encode_payload(const ImFontAtlas& atlas) {
    ByteWriter w;
    w.put(atlas.TexWidth);
    w.put(atlas.TexHeight);
    w.put(atlas.TexUvScale);
    w.put(atlas.TexUvWhitePixel);
    for (const ImVec4& uv : atlas.TexUvLines) w.put(uv);
    w.put(std::uint8_t(atlas.TexPixelsUseColors));
    w.put(atlas.PackIdMouseCursors);
    w.put(atlas.PackIdLines);
    w.put(std::uint32_t(atlas.CustomRects.Size));
    for (const ImFontAtlasCustomRect& r : atlas.CustomRects) {
        w.put(r.Width), w.put(r.Height), w.put(r.X), w.put(r.Y);
        w.put(r.GlyphID), w.put(r.GlyphAdvanceX), w.put(r.GlyphOffset);  // Font: only null rects are cached
    }
    w.put(std::uint32_t(atlas.Fonts.Size));
    for (const ImFont* f : atlas.Fonts) {
        w.put(f->FontSize), w.put(f->Ascent), w.put(f->Descent), w.put(f->Scale);
        w.put(f->MetricsTotalSurface);
        w.put(f->FallbackChar), w.put(f->EllipsisChar), w.put(f->DotChar);
        w.put(std::uint32_t(f->Glyphs.Size));
        w.put_bytes(f->Glyphs.Data, sizeof(ImFontGlyph) * std::size_t(f->Glyphs.Size));
    }
    w.put_bytes(atlas.TexPixelsAlpha8, std::size_t(atlas.TexWidth) * std::size_t(atlas.TexHeight));
    return std::move(w.out);
}

bool decode_payload(const char* data, std::size_t size, CachedAtlas& a) {
    ByteReader r{data, data + size};
    a.width = r.get<int>();
    a.height = r.get<int>();
    if (!r.ok() || a.width <= 0 || a.height <= 0 || a.width > kMaxTextureSide || a.height > kMaxTextureSide)
        return false;
    a.uv_scale = r.get<ImVec2>();
    a.uv_white_pixel = r.get<ImVec2>();
    for (ImVec4& uv : a.uv_lines) uv = r.get<ImVec4>();
    a.uses_colors = r.get<std::uint8_t>() != 0;
    a.pack_id_mouse_cursors = r.get<int>();
    a.pack_id_lines = r.get<int>();
    const std::uint32_t rects = r.get<std::uint32_t>();
    if (!r.ok() || rects > 4096) return false;
    for (std::uint32_t i = 0; i < rects && r.ok(); ++i) {
        ImFontAtlasCustomRect c;
        c.Width = r.get<unsigned short>(), c.Height = r.get<unsigned short>();
        c.X = r.get<unsigned short>(), c.Y = r.get<unsigned short>();
        c.GlyphID = r.get<unsigned int>();
        c.GlyphAdvanceX = r.get<float>();
        c.GlyphOffset = r.get<ImVec2>();
        c.Font = nullptr;
        if (int(c.X) + int(c.Width) > a.width || int(c.Y) + int(c.Height) > a.height) return false;
        a.custom_rects.push_back(c);
    }
    auto valid_id = [&](int id) { return id == -1 || (id >= 0 && std::uint32_t(id) < rects); };
    if (!valid_id(a.pack_id_mouse_cursors) || !valid_id(a.pack_id_lines)) return false;
    const std::uint32_t fonts = r.get<std::uint32_t>();
    if (!r.ok() || fonts > 1024) return false;
    for (std::uint32_t i = 0; i < fonts && r.ok(); ++i) {
        CachedFont f;
        f.font_size = r.get<float>(), f.ascent = r.get<float>(), f.descent = r.get<float>(), f.scale = r.get<float>();
        f.metrics_total_surface = r.get<int>();
        f.fallback_char = r.get<ImWchar>(), f.ellipsis_char = r.get<ImWchar>(), f.dot_char = r.get<ImWchar>();
        const std::uint32_t glyphs = r.get<std::uint32_t>();
        if (!r.ok() || glyphs == 0 || glyphs >= 0xFFFF) return false;  // ImGui indexes glyphs with 16 bits
        const char* bytes = r.take(sizeof(ImFontGlyph) * glyphs);
        if (!bytes) return false;
        f.glyphs.resize(glyphs);
        std::memcpy(f.glyphs.data(), bytes, sizeof(ImFontGlyph) * glyphs);
        for (const ImFontGlyph& g : f.glyphs)  // the lookup tables are indexed by code point
            if (g.Codepoint > IM_UNICODE_CODEPOINT_MAX || !std::isfinite(g.AdvanceX)) return false;
        a.fonts.push_back(std::move(f));
    }
    const std::size_t pixels = std::size_t(a.width) * std::size_t(a.height);
    const char* bytes = r.take(pixels);
    if (!bytes || r.p != r.end) return false;
    a.pixels.assign(bytes, pixels);
    return true;
}

}  // namespace

std::string atlas_cache_key(const ImFontAtlas& atlas, const std::string& sources, float density) {
    std::ostringstream k;
    k.precision(9);  // floats exactly
    k << "groundwork font atlas 1; Dear ImGui " << ImGui::GetVersion() << " (" << IMGUI_VERSION_NUM
      << "); FreeType " << freetype_version() << "; glyph " << sizeof(ImFontGlyph) << " B; density " << density
      << "; flags " << atlas.Flags << " width " << atlas.TexDesiredWidth << " padding " << atlas.TexGlyphPadding
      << " builder " << (atlas.FontBuilderIO == ImGuiFreeType::GetBuilderForFreeType() ? "freetype" : "other")
      << " builder flags " << atlas.FontBuilderFlags << "\nsources " << sources << "\n";
    std::vector<const void*> files;  // font data buffers in the order first used: a config's file is its index here
    for (const ImFontConfig& c : atlas.ConfigData) {
        auto it = std::find(files.begin(), files.end(), c.FontData);
        const std::size_t file = std::size_t(it - files.begin());
        if (it == files.end()) files.push_back(c.FontData);
        int font = -1;
        for (int i = 0; i < atlas.Fonts.Size; ++i)
            if (atlas.Fonts[i] == c.DstFont) font = i;
        k << "config file " << file << " no " << c.FontNo << " px " << c.SizePixels
          << " over " << c.OversampleH << "x" << c.OversampleV << " snap " << c.PixelSnapH << " spacing "
          << c.GlyphExtraSpacing.x << "," << c.GlyphExtraSpacing.y << " offset " << c.GlyphOffset.x << ","
          << c.GlyphOffset.y << " advance " << c.GlyphMinAdvanceX << "-" << c.GlyphMaxAdvanceX << " merge "
          << c.MergeMode << " flags " << c.FontBuilderFlags << " multiply " << c.RasterizerMultiply << " ellipsis "
          << c.EllipsisChar << " font " << font << " ranges";
        for (const ImWchar* r = c.GlyphRanges; r && r[0]; r += 2) k << ' ' << r[0] << '-' << r[1];
        k << '\n';
    }
    return k.str();
}

bool build_font_atlas(ImFontAtlas& atlas, Fonts& fonts, float density, const AtlasCache& cache,
                      std::string* problem) {
    if (!fonts.loaded_from_files) {
        rasterise_atlas(atlas, 1.0f);
        return false;
    }
    const std::string key = atlas_cache_key(atlas, fonts.source_stamp, density);
    if (cache.restore(atlas, key)) return true;
    if (!read_font_files(atlas, fonts, problem)) {
        rasterise_atlas(atlas, 1.0f);  // the built-in font, drawn at its own size
        return false;
    }
    rasterise_atlas(atlas, density);
    cache.store(atlas, key);
    return false;
}

AtlasCache::AtlasCache(std::filesystem::path dir) : dir_(std::move(dir)) {}

std::filesystem::path AtlasCache::default_dir() {
    if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && xdg[0] == '/')
        return std::filesystem::path(xdg) / "groundwork" / "fonts";
    if (const char* home = std::getenv("HOME"); home && home[0])
        return std::filesystem::path(home) / ".cache" / "groundwork" / "fonts";
    return {};
}

std::filesystem::path AtlasCache::file_for(const std::string& key) const {
    char name[32];
    std::snprintf(name, sizeof name, "atlas-%016llx.bin", static_cast<unsigned long long>(fnv1a64(key)));
    return dir_ / name;
}

bool AtlasCache::restore(ImFontAtlas& atlas, const std::string& key) const {
    if (dir_.empty() || atlas.Fonts.empty()) return false;
    std::ifstream in(file_for(key), std::ios::binary | std::ios::ate);
    const std::streamoff size = in ? std::streamoff(in.tellg()) : std::streamoff(-1);
    if (size <= 0 || size > (std::streamoff(1) << 31)) return false;
    std::string file(std::size_t(size), '\0');  // one read: a stream iterator took 4 ms for 0.6 MB
    in.seekg(0);
    if (!in.read(file.data(), size)) return false;
    return restore_from_bytes(atlas, key, file);
}

std::string AtlasCache::envelope(const std::string& key, const std::string& payload) {
    ByteWriter w;
    w.put_bytes(kMagic, sizeof kMagic);
    w.put(std::uint64_t(key.size()));
    w.put_bytes(key.data(), key.size());
    w.put(crc_of(payload.data(), payload.size()));
    w.out += payload;
    return std::move(w.out);
}

bool AtlasCache::restore_from_bytes(ImFontAtlas& atlas, const std::string& key, std::string_view file) {
    if (atlas.Fonts.empty()) return false;
    ByteReader r{file.data(), file.data() + file.size()};
    const char* magic = r.take(sizeof kMagic);
    if (!magic || std::memcmp(magic, kMagic, sizeof kMagic) != 0) return false;
    const auto key_size = r.get<std::uint64_t>();
    if (!r.ok() || key_size != key.size()) return false;
    const char* stored_key = r.take(key.size());
    if (!stored_key || std::memcmp(stored_key, key.data(), key.size()) != 0) return false;
    const auto crc = r.get<std::uint32_t>();
    if (!r.ok() || crc != crc_of(r.p, std::size_t(r.end - r.p))) return false;
    CachedAtlas cached;
    if (!decode_payload(r.p, std::size_t(r.end - r.p), cached) || int(cached.fonts.size()) != atlas.Fonts.Size)
        return false;

    // As ImFontAtlas::Build leaves it: the texture and its packing, then each face's output data (what
    // ImFontAtlasBuildSetupFont and the builder set) and lookup tables.
    atlas.ClearTexData();
    atlas.TexPixelsAlpha8 = static_cast<unsigned char*>(IM_ALLOC(cached.pixels.size()));
    std::memcpy(atlas.TexPixelsAlpha8, cached.pixels.data(), cached.pixels.size());
    atlas.TexWidth = cached.width;
    atlas.TexHeight = cached.height;
    atlas.TexUvScale = cached.uv_scale;
    atlas.TexUvWhitePixel = cached.uv_white_pixel;
    std::copy(std::begin(cached.uv_lines), std::end(cached.uv_lines), atlas.TexUvLines);
    atlas.TexPixelsUseColors = cached.uses_colors;
    atlas.CustomRects.clear();
    for (const ImFontAtlasCustomRect& c : cached.custom_rects) atlas.CustomRects.push_back(c);
    atlas.PackIdMouseCursors = cached.pack_id_mouse_cursors;
    atlas.PackIdLines = cached.pack_id_lines;
    for (int i = 0; i < atlas.Fonts.Size; ++i) {
        ImFont* font = atlas.Fonts[i];
        const CachedFont& c = cached.fonts[std::size_t(i)];
        font->ClearOutputData();
        font->ContainerAtlas = &atlas;
        font->ConfigData = nullptr;
        font->ConfigDataCount = 0;
        for (const ImFontConfig& cfg : atlas.ConfigData)
            if (cfg.DstFont == font) {
                if (!font->ConfigData) font->ConfigData = &cfg;
                ++font->ConfigDataCount;
            }
        font->FontSize = c.font_size;
        font->Ascent = c.ascent;
        font->Descent = c.descent;
        font->Scale = c.scale;
        font->MetricsTotalSurface = c.metrics_total_surface;
        font->FallbackChar = c.fallback_char;
        font->EllipsisChar = c.ellipsis_char;
        font->DotChar = c.dot_char;
        font->Glyphs.resize(int(c.glyphs.size()));
        std::memcpy(font->Glyphs.Data, c.glyphs.data(), sizeof(ImFontGlyph) * c.glyphs.size());
        font->BuildLookupTable();
    }
    atlas.TexReady = true;
    return true;
}

bool AtlasCache::store(const ImFontAtlas& atlas, const std::string& key) const {
    if (dir_.empty() || !atlas.TexPixelsAlpha8 || atlas.TexWidth <= 0 || atlas.TexHeight <= 0) return false;
    for (const ImFontAtlasCustomRect& r : atlas.CustomRects)
        if (r.Font) return false;  // a custom glyph in a face: not something this cache knows how to restore
    const std::string bytes = envelope(key, encode_payload(atlas));

    namespace fs = std::filesystem;
    std::error_code ec;
    fs::create_directories(dir_, ec);
    const fs::path file = file_for(key);
    const fs::path temporary = file.string() + ".tmp-" + std::to_string(::getpid());
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        out.write(bytes.data(), std::streamsize(bytes.size()));
        if (!out.flush()) {
            fs::remove(temporary, ec);
            return false;
        }
    }
    fs::rename(temporary, file, ec);  // no fsync: a cache lost in a crash is rebuilt, a torn one fails its CRC
    if (ec) {
        fs::remove(temporary, ec);
        return false;
    }
    // Keep the newest few: each text size, screen scale and new character set makes another entry.
    std::vector<std::pair<fs::file_time_type, fs::path>> entries;
    for (fs::directory_iterator it(dir_, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (name.rfind("atlas-", 0) == 0 && it->path().extension() == ".bin")
            entries.emplace_back(it->last_write_time(ec), it->path());
    }
    if (entries.size() > kKeptEntries) {
        std::sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
        for (std::size_t i = kKeptEntries; i < entries.size(); ++i)
            if (entries[i].second != file) fs::remove(entries[i].second, ec);
    }
    return true;
}

}  // namespace gw::ui
