// Issue 11, "start-up close to the floor": a start whose faces, sizes and characters are the ones an earlier start
// built reads the rasterised atlas from the cache (ui/atlas_cache.h) instead of running FreeType. What comes back
// must be exactly what FreeType built, and anything that does not match must be rebuilt, never drawn.
#include <doctest/doctest.h>

#include <imgui.h>

#include <chrono>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

#include "../progress/temp_dir.h"
#include "runtime/text/glyph_coverage.h"
#include "ui/atlas_cache.h"
#include "ui/fonts.h"

using namespace gw;
using namespace gw::ui;

namespace {

// Łódź, кат and 中: Latin beyond ASCII, Cyrillic, and a CJK glyph merged in from the fallback face.
std::vector<char32_t> some_used_characters() {
    std::vector<char32_t> used;
    collect_code_points("\xC5\x81\xC3\xB3\x64\xC5\xBA \xD0\xBA\xD0\xB0\xD1\x82 \xE4\xB8\xAD", used);
    return used;
}

struct LoadedAtlas {
    ImFontAtlas atlas;
    Fonts fonts;
    LoadedAtlas(float scale, float zoom) {
        fonts = load_fonts(&atlas, GROUNDWORK_FONT_DIR, scale, nullptr, some_used_characters(), zoom);
    }
};

// A cache that holds the atlas of one start at 1x and text size 100%, and that atlas's key.
struct FirstStart {
    test::TempDir dir;
    AtlasCache cache{dir.path()};
    LoadedAtlas first{1.0f, 1.0f};
    std::string key;
    FirstStart() {
        build_font_atlas(first.atlas, first.fonts, 1.0f, cache);
        key = atlas_cache_key(first.atlas, first.fonts.source_stamp, 1.0f);
    }
};

void check_same_font(const ImFont& a, const ImFont& b, const ImFontAtlas& atlas_a, const ImFontAtlas& atlas_b) {
    CHECK(a.FontSize == b.FontSize);
    CHECK(a.Ascent == b.Ascent);
    CHECK(a.Descent == b.Descent);
    CHECK(a.Scale == b.Scale);
    CHECK(a.MetricsTotalSurface == b.MetricsTotalSurface);
    CHECK(a.FallbackChar == b.FallbackChar);
    CHECK(a.EllipsisChar == b.EllipsisChar);
    CHECK(a.DotChar == b.DotChar);
    CHECK(a.FallbackAdvanceX == b.FallbackAdvanceX);
    CHECK(a.ConfigDataCount == b.ConfigDataCount);
    CHECK(a.ConfigData - atlas_a.ConfigData.Data == b.ConfigData - atlas_b.ConfigData.Data);
    CHECK(b.ContainerAtlas == &atlas_b);
    REQUIRE(a.Glyphs.Size == b.Glyphs.Size);
    CHECK(std::memcmp(a.Glyphs.Data, b.Glyphs.Data, sizeof(ImFontGlyph) * std::size_t(a.Glyphs.Size)) == 0);
    REQUIRE(a.IndexAdvanceX.Size == b.IndexAdvanceX.Size);
    CHECK(std::memcmp(a.IndexAdvanceX.Data, b.IndexAdvanceX.Data, sizeof(float) * std::size_t(a.IndexAdvanceX.Size)) == 0);
    REQUIRE(a.IndexLookup.Size == b.IndexLookup.Size);
    CHECK(std::memcmp(a.IndexLookup.Data, b.IndexLookup.Data, sizeof(ImWchar) * std::size_t(a.IndexLookup.Size)) == 0);
    REQUIRE(b.FallbackGlyph != nullptr);
    CHECK(a.FallbackGlyph - a.Glyphs.Data == b.FallbackGlyph - b.Glyphs.Data);
    CHECK(std::memcmp(a.Used4kPagesMap, b.Used4kPagesMap, sizeof a.Used4kPagesMap) == 0);
}

void check_same_atlas(const ImFontAtlas& a, const ImFontAtlas& b) {
    REQUIRE(a.TexWidth == b.TexWidth);
    REQUIRE(a.TexHeight == b.TexHeight);
    REQUIRE(b.TexPixelsAlpha8 != nullptr);
    CHECK(std::memcmp(a.TexPixelsAlpha8, b.TexPixelsAlpha8, std::size_t(a.TexWidth) * std::size_t(a.TexHeight)) == 0);
    CHECK(a.TexUvScale.x == b.TexUvScale.x);
    CHECK(a.TexUvScale.y == b.TexUvScale.y);
    CHECK(a.TexUvWhitePixel.x == b.TexUvWhitePixel.x);
    CHECK(a.TexUvWhitePixel.y == b.TexUvWhitePixel.y);
    CHECK(std::memcmp(a.TexUvLines, b.TexUvLines, sizeof a.TexUvLines) == 0);
    CHECK(a.PackIdMouseCursors == b.PackIdMouseCursors);
    CHECK(a.PackIdLines == b.PackIdLines);
    REQUIRE(a.CustomRects.Size == b.CustomRects.Size);
    for (int i = 0; i < a.CustomRects.Size; ++i) {
        CHECK(a.CustomRects[i].X == b.CustomRects[i].X);
        CHECK(a.CustomRects[i].Y == b.CustomRects[i].Y);
        CHECK(a.CustomRects[i].Width == b.CustomRects[i].Width);
        CHECK(a.CustomRects[i].Height == b.CustomRects[i].Height);
    }
    CHECK(b.TexReady);
    REQUIRE(a.Fonts.Size == b.Fonts.Size);
    for (int i = 0; i < a.Fonts.Size; ++i) check_same_font(*a.Fonts[i], *b.Fonts[i], a, b);
    // Drawing needs the mouse cursor shapes and the white pixel where ImGui looks for them.
    ImVec2 offset_a, size_a, uv_a[4], offset_b, size_b, uv_b[4];
    CHECK(const_cast<ImFontAtlas&>(a).GetMouseCursorTexData(ImGuiMouseCursor_Arrow, &offset_a, &size_a, &uv_a[0], &uv_a[2]));
    CHECK(const_cast<ImFontAtlas&>(b).GetMouseCursorTexData(ImGuiMouseCursor_Arrow, &offset_b, &size_b, &uv_b[0], &uv_b[2]));
    CHECK(uv_a[0].x == uv_b[0].x);
    CHECK(uv_a[3].y == uv_b[3].y);
}

}  // namespace

TEST_CASE("a cached atlas comes back exactly as FreeType built it, at 1x and on a HiDPI screen") {
    for (float density : {1.0f, 2.0f}) {
        CAPTURE(density);
        test::TempDir dir;
        const AtlasCache cache(dir.path());
        LoadedAtlas built(density, 1.25f);
        REQUIRE(built.fonts.loaded_from_files);
        REQUIRE(built.fonts.cjk_fallback);  // merged configs are part of what is cached
        CHECK_FALSE(build_font_atlas(built.atlas, built.fonts, density, cache));  // first start: a miss, then stored
        CHECK(std::filesystem::exists(cache.file_for(atlas_cache_key(built.atlas, built.fonts.source_stamp, density))));

        LoadedAtlas restored(density, 1.25f);
        CHECK(build_font_atlas(restored.atlas, restored.fonts, density, cache));  // the next start: a hit
        check_same_atlas(built.atlas, restored.atlas);
        // The faces measure text as the built ones do.
        const char* text = "\xC5\x81\xC3\xB3\x64\xC5\xBA, \xD0\xBA\xD0\xB0\xD1\x82 \xE4\xB8\xAD\tend";
        for (int i = 0; i < built.atlas.Fonts.Size; ++i) {
            const ImFont* a = built.atlas.Fonts[i];
            const ImFont* b = restored.atlas.Fonts[i];
            CHECK(a->CalcTextSizeA(a->FontSize, 1e9f, 0, text).x == b->CalcTextSizeA(b->FontSize, 1e9f, 0, text).x);
        }
    }
}

TEST_CASE("an atlas built from other inputs is not taken from the cache") {
    FirstStart start;
    const AtlasCache& cache = start.cache;
    const std::string& key = start.key;

    SUBCASE("another text size") {
        LoadedAtlas larger(1.0f, 1.5f);
        CHECK(atlas_cache_key(larger.atlas, larger.fonts.source_stamp, 1.0f) != key);
        CHECK_FALSE(build_font_atlas(larger.atlas, larger.fonts, 1.0f, cache));
    }
    SUBCASE("other characters") {
        ImFontAtlas atlas;
        std::vector<char32_t> used = some_used_characters();
        used.push_back(0x0416);  // Ж
        Fonts fonts = load_fonts(&atlas, GROUNDWORK_FONT_DIR, 1.0f, nullptr, used);
        CHECK(atlas_cache_key(atlas, fonts.source_stamp, 1.0f) != key);
    }
    SUBCASE("another density, or font files that changed since") {
        LoadedAtlas same(1.0f, 1.0f);
        CHECK(atlas_cache_key(same.atlas, same.fonts.source_stamp, 1.0f) == key);
        CHECK(atlas_cache_key(same.atlas, same.fonts.source_stamp, 2.0f) != key);
        CHECK(atlas_cache_key(same.atlas, same.fonts.source_stamp + "x", 1.0f) != key);
        CHECK(same.fonts.source_stamp.find("DejaVuSans.ttf") != std::string::npos);
    }
}

TEST_CASE("a damaged cache file is a miss that leaves the atlas untouched, and is replaced by the next build") {
    FirstStart start;
    const AtlasCache& cache = start.cache;
    const std::string& key = start.key;
    const std::filesystem::path file = cache.file_for(key);
    const std::string good = test::slurp(file);
    REQUIRE(good.size() > 1000);

    std::vector<std::string> damaged;
    std::string flipped = good;
    flipped[flipped.size() / 2] = char(flipped[flipped.size() / 2] ^ 0x40);  // a pixel or a glyph, by the CRC
    damaged.push_back(flipped);
    damaged.push_back(good.substr(0, good.size() - 1));        // torn write
    damaged.push_back(good.substr(0, good.size() / 3));
    damaged.push_back(good + "x");                             // longer than its payload says
    damaged.push_back("GWATLAS1");                             // the magic and nothing else
    damaged.push_back("");
    std::string other_key = good;
    other_key[20] = char(other_key[20] ^ 1);  // inside the stored key: another build's file under this name
    damaged.push_back(other_key);
    for (const std::string& bytes : damaged) {
        CAPTURE(bytes.size());
        test::spit(file, bytes);
        LoadedAtlas next(1.0f, 1.0f);
        CHECK_FALSE(cache.restore(next.atlas, key));
        CHECK(next.atlas.TexPixelsAlpha8 == nullptr);
        CHECK(next.atlas.Fonts[0]->Glyphs.Size == 0);
        CHECK_FALSE(next.atlas.Fonts[0]->IsLoaded());
    }
    LoadedAtlas rebuilt(1.0f, 1.0f);
    CHECK_FALSE(build_font_atlas(rebuilt.atlas, rebuilt.fonts, 1.0f, cache));  // built again and stored
    CHECK(test::slurp(file) == good);
}

TEST_CASE("the cache keeps the eight most recent atlases") {
    test::TempDir dir;
    const AtlasCache cache(dir.path());
    LoadedAtlas built(1.0f, 1.0f);
    build_font_atlas(built.atlas, built.fonts, 1.0f, cache);
    std::vector<std::filesystem::path> files{cache.file_for(atlas_cache_key(built.atlas, built.fonts.source_stamp, 1.0f))};
    for (int i = 0; i < 10; ++i) {
        const std::string key = "another build " + std::to_string(i);
        std::filesystem::last_write_time(files.back(), std::filesystem::file_time_type::clock::now() -
                                                           std::chrono::seconds(100 - i));  // older than the next
        CHECK(cache.store(built.atlas, key));
        files.push_back(cache.file_for(key));
    }
    int kept = 0;
    for (const auto& entry : std::filesystem::directory_iterator(dir.path())) {
        (void)entry;
        ++kept;
    }
    CHECK(kept == 8);
    CHECK_FALSE(std::filesystem::exists(files[0]));  // the oldest went first
    CHECK(std::filesystem::exists(files.back()));
}

TEST_CASE("without a cache folder every start rasterises, and nothing is written") {
    const AtlasCache none{std::filesystem::path()};
    LoadedAtlas built(1.0f, 1.0f);
    CHECK_FALSE(build_font_atlas(built.atlas, built.fonts, 1.0f, none));
    CHECK(built.atlas.TexPixelsAlpha8 != nullptr);
    CHECK_FALSE(none.store(built.atlas, "key"));
}

TEST_CASE("a start whose atlas is cached never reads the font files; one that is not reads them to rasterise") {
    test::TempDir dir;
    const AtlasCache cache(dir.path());
    LoadedAtlas reference(1.0f, 1.0f);  // read at once, built without the cache
    rasterise_atlas(reference.atlas, 1.0f);

    auto deferred = [](ImFontAtlas& atlas) {
        return load_fonts(&atlas, GROUNDWORK_FONT_DIR, 1.0f, nullptr, some_used_characters(), 1.0f,
                          FontFileReads::WhenBuilt);
    };
    ImFontAtlas first;
    Fonts first_fonts = deferred(first);
    REQUIRE(first_fonts.deferred_files.size() == 6);  // five DejaVu files and the CJK face
    for (const ImFontConfig& c : first.ConfigData) CHECK(c.FontDataSize == 1);  // nothing read yet
    CHECK_FALSE(build_font_atlas(first, first_fonts, 1.0f, cache));
    CHECK(first_fonts.deferred_files.empty());
    for (const ImFontConfig& c : first.ConfigData) CHECK(c.FontDataSize > 100000);  // read to be rasterised
    check_same_atlas(reference.atlas, first);

    ImFontAtlas second;
    Fonts second_fonts = deferred(second);
    CHECK(build_font_atlas(second, second_fonts, 1.0f, cache));
    for (const ImFontConfig& c : second.ConfigData) CHECK(c.FontDataSize == 1);  // drawn without reading a file
    check_same_atlas(reference.atlas, second);
}

TEST_CASE("a font file gone between the start's look and its read gives the built-in font and says which") {
    test::TempDir fonts_dir;
    for (const char* name : {"DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf",
                             "DejaVuSans-BoldOblique.ttf", "DejaVuSansMono.ttf"})
        std::filesystem::copy_file(std::filesystem::path(GROUNDWORK_FONT_DIR) / name, fonts_dir / name);
    ImFontAtlas atlas;
    Fonts fonts = load_fonts(&atlas, fonts_dir.path().string(), 1.0f, nullptr, {}, 1.0f, FontFileReads::WhenBuilt);
    REQUIRE(fonts.loaded_from_files);
    std::filesystem::remove(fonts_dir / "DejaVuSans-Bold.ttf");
    std::string problem;
    const AtlasCache none{std::filesystem::path()};
    CHECK_FALSE(build_font_atlas(atlas, fonts, 1.0f, none, &problem));
    CHECK_FALSE(fonts.loaded_from_files);
    CHECK(problem.find("DejaVuSans-Bold.ttf cannot be read") != std::string::npos);
    REQUIRE(fonts.body.bold != nullptr);
    CHECK(fonts.body.bold == fonts.title);  // every face is the built-in one
    CHECK(fonts.title->IsLoaded());
    CHECK(atlas.TexPixelsAlpha8 != nullptr);
}
