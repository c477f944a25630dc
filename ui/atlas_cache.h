#pragma once
// A disk cache of rasterised font atlases. FreeType rasterising the 17 faces was the largest part of a start the app
// controls (27 ms of CPU for the shipped course on a 2-core laptop, issue 11); a start whose faces, sizes,
// characters and font files are the same as a previous one reads that atlas back in about a millisecond.
//
// Where: $XDG_CACHE_HOME/groundwork/fonts (~/.cache/groundwork/fonts), one file per atlas, the 8 most recently
// written kept. A cache file holds the atlas's texture (Alpha8), its packing results (white pixel, line UVs, custom
// rectangles) and every face's metrics and glyphs, behind the full key it was built for and a CRC-32 of the rest.
// Anything that does not match (another key, a truncated or altered file, another Dear ImGui or FreeType) is a
// miss, and the atlas is built as if there were no cache.
#include <imgui.h>

#include <filesystem>
#include <string>
#include <string_view>

namespace gw::ui {

struct Fonts;

// Everything a built atlas depends on, as one string: the Dear ImGui and FreeType versions, the atlas's flags, each
// font config (which file, size, oversampling, flags, merge, glyph ranges, the face it goes to), `sources` (the font
// files' paths, sizes and modification times: Fonts::source_stamp) and `density` (rasterise_atlas's). Call after
// load_fonts and before the atlas is built (the glyph ranges are read from the configs).
std::string atlas_cache_key(const ImFontAtlas& atlas, const std::string& sources, float density);

class AtlasCache;

// Builds `atlas` (fonts added by load_fonts, which made `fonts`) as rasterise_atlas(atlas, density) does, reading it
// from `cache` when an earlier start built the same one; else reads the font files load_fonts deferred
// (read_font_files), rasterises and stores the result. The built-in fallback font is always rasterised, at 1x; if
// a deferred file cannot be read any more, `fonts` becomes the built-in font's and `problem` says why. Returns true
// when the atlas came from the cache.
bool build_font_atlas(ImFontAtlas& atlas, Fonts& fonts, float density, const AtlasCache& cache,
                      std::string* problem = nullptr);

class AtlasCache {
public:
    // Files go in `dir` (created when first written). An empty dir disables the cache: every lookup misses.
    explicit AtlasCache(std::filesystem::path dir);

    // $XDG_CACHE_HOME/groundwork/fonts, or ~/.cache/groundwork/fonts; empty (no cache) when neither is set.
    static std::filesystem::path default_dir();

    // Fills `atlas`, whose fonts were added (load_fonts) and not built, with the atlas cached under `key`: texture
    // pixels (Alpha8), packing and glyphs, as rasterise_atlas would leave them. Returns false, with the atlas
    // untouched, on any miss; the caller then builds it.
    bool restore(ImFontAtlas& atlas, const std::string& key) const;

    // Writes `atlas` (built, its Alpha8 pixels still there) under `key`, replacing an entry with the same key, and
    // removes all but the 8 most recent entries. Writes a temporary file and renames it, so a reader never sees half
    // a file. Returns false if it could not be written; the cache is an optimisation and the app carries on.
    bool store(const ImFontAtlas& atlas, const std::string& key) const;

    // The file an atlas with `key` is kept in.
    std::filesystem::path file_for(const std::string& key) const;

    // What restore does with a cache file's bytes (the fuzz target's way in, tests/fuzz/fuzz_atlas_cache.cpp).
    static bool restore_from_bytes(ImFontAtlas& atlas, const std::string& key, std::string_view file);
    // A cache file's bytes around `payload`: the magic, the key and the payload's CRC-32, as store writes them.
    static std::string envelope(const std::string& key, const std::string& payload);

private:
    std::filesystem::path dir_;
};

}  // namespace gw::ui
