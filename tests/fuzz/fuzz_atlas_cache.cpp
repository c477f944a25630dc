// Fuzzes the font atlas cache's reader (ui/atlas_cache.h). The input is the payload, wrapped in the magic, the key
// and the payload's CRC-32 as the cache writes them, so every run gets past the envelope to the tables and pixels
// that a damaged or hostile file in ~/.cache could hold. Invariants: no crash, no read outside the input; a
// restored atlas has a texture of the size it claims and faces that measure text; a refused one is untouched.
//
// GROUNDWORK_FUZZ_DUMP_SEED=FILE writes the payload of a real atlas (ImGui's built-in font, small enough for the
// fuzzer's input size) to FILE and exits: how tests/fuzz/corpus/fuzz_atlas_cache/ was made.
#include <imgui.h>

#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <string>

#include "fuzz_support.h"
#include "ui/atlas_cache.h"
#include "ui/fonts.h"

namespace {

constexpr const char* kKey = "fuzz";

// ImGui's built-in font, not built: what restore fills.
void add_faces(ImFontAtlas& atlas) {
    atlas.Clear();
    atlas.AddFontDefault();
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    if (const char* out = std::getenv("GROUNDWORK_FUZZ_DUMP_SEED")) {
        static gw::fuzz::ScratchDir dir("atlas-seed");
        ImFontAtlas atlas;
        add_faces(atlas);
        gw::ui::rasterise_atlas(atlas, 1.0f);
        const gw::ui::AtlasCache cache(dir.path());
        if (!cache.store(atlas, kKey)) std::abort();
        std::ifstream in(cache.file_for(kKey), std::ios::binary);
        const std::string file((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        const std::size_t header = 8 + 8 + std::string(kKey).size() + 4;  // magic, key size, key, CRC
        std::ofstream(out, std::ios::binary) << file.substr(header);
        std::exit(0);
    }
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    ImFontAtlas atlas;
    add_faces(atlas);
    const std::string file =
        gw::ui::AtlasCache::envelope(kKey, std::string(reinterpret_cast<const char*>(data), size));
    if (!gw::ui::AtlasCache::restore_from_bytes(atlas, kKey, file)) {
        if (atlas.TexPixelsAlpha8 || atlas.Fonts[0]->IsLoaded()) std::abort();  // refused, yet changed
        return 0;
    }
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    atlas.GetTexDataAsAlpha8(&pixels, &w, &h);  // must not rebuild: the restored texture is the one returned
    if (!pixels || w <= 0 || h <= 0) std::abort();
    volatile unsigned char last = pixels[std::size_t(w) * std::size_t(h) - 1];  // within the buffer ASan watches
    (void)last;
    const ImFont* font = atlas.Fonts[0];
    if (!font->IsLoaded() || !font->FallbackGlyph) std::abort();
    const char* text = "Groundwork \xC5\x81\xC3\xB3\x64\xC5\xBA\t\xE4\xB8\xAD\n";
    (void)font->CalcTextSizeA(font->FontSize > 0 ? font->FontSize : 13.0f, 1e9f, 200.0f, text);
    for (ImWchar c = 0; c < 0x300; ++c) (void)font->FindGlyph(c);
    return 0;
}
