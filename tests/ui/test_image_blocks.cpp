// Headless: image blocks laid out (scaled to the column, at most 2x, aspect kept) and drawn through the texture
// cache with a fake texture backend (created when on screen, released when the page is left, reloaded when the
// file changes, alt text while loading and where decoding fails).
#include <doctest/doctest.h>

#include <imgui.h>

#include <filesystem>
#include <random>
#include <set>

#include "runtime/markdown/image_ref.h"
#include "runtime/markdown/markdown_parser.h"
#include "ui/markdown/block_layout.h"
#include "ui/markdown/document_view.h"
#include "ui/headless.h"
#include "ui/images/image_cache.h"

using namespace gw;
using namespace gw::ui;
namespace fs = std::filesystem;

namespace {

const fs::path kImages = fs::path(GROUNDWORK_TEST_DATA) / "images";

class FakeTextures : public TextureBackend {
public:
    ImTextureID create(const unsigned char* rgba, int width, int height) override {
        CHECK(rgba != nullptr);
        sizes.push_back({width, height});
        live.insert(++last);
        return reinterpret_cast<ImTextureID>(last);
    }
    void destroy(ImTextureID id) override {
        CHECK(live.erase(reinterpret_cast<std::intptr_t>(id)) == 1);
        ++destroyed;
    }
    std::intptr_t last = 0;
    std::set<std::intptr_t> live;
    std::vector<std::pair<int, int>> sizes;
    int destroyed = 0;
};

// A course folder of its own, with images copied in.
struct Folder {
    fs::path root;
    Folder() {
        root = fs::temp_directory_path() / ("gw-images-" + std::to_string(std::random_device{}()));
        fs::create_directories(root / "ch");
    }
    ~Folder() {
        std::error_code ec;
        fs::remove_all(root, ec);
    }
    void copy(const std::string& fixture, const std::string& to) const {
        fs::copy_file(kImages / fixture, root / to, fs::copy_options::overwrite_existing);
    }
    // Parses `md` as ch/a.md and checks its images the way the loader does.
    std::vector<Block> page(const std::string& md) const {
        std::vector<Diagnostic> d;
        std::vector<Block> blocks = parse_markdown(md, 1, "ch/a.md", d);
        for (Block& b : blocks)
            for (ImageRef& r : b.images) resolve_image(r, root, "ch/a.md");
        return blocks;
    }
};

std::vector<const Prim*> of_type(const LaidOutBlock& l, Prim::Type t) {
    std::vector<const Prim*> out;
    for (const Prim& p : l.prims)
        if (p.type == t) out.push_back(&p);
    return out;
}

ImDrawData* draw(HeadlessImGui& gui, DocumentView& view, const std::vector<Block>& blocks, float width = 600) {
    return gui.frame([&] {
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImVec2(1280, 800));
        ImGui::Begin("page", nullptr, ImGuiWindowFlags_NoDecoration);
        view.draw(blocks, gui.fonts(), width);
        ImGui::End();
    });
}

bool draws_texture(const ImDrawData* data, std::intptr_t id) {
    for (int i = 0; i < data->CmdListsCount; ++i)
        for (const ImDrawCmd& cmd : data->CmdLists[i]->CmdBuffer)
            if (reinterpret_cast<std::intptr_t>(cmd.TextureId) == id && cmd.ElemCount > 0) return true;
    return false;
}

}  // namespace

TEST_CASE("an image is scaled down to the column, up to at most twice its pixel size, aspect kept") {
    ImVec2 down = image_display_size(400, 100, 300);  // wider than the column
    CHECK(down.x == doctest::Approx(300));
    CHECK(down.y == doctest::Approx(75));
    ImVec2 capped = image_display_size(40, 20, 600);  // small: 2x, not the column's 600
    CHECK(capped.x == doctest::Approx(80));
    CHECK(capped.y == doctest::Approx(40));
    ImVec2 between = image_display_size(400, 100, 600);
    CHECK(between.x == doctest::Approx(600));
    CHECK(between.y / between.x == doctest::Approx(0.25));
    CHECK(image_display_size(0, 10, 600).x == 0);
}

TEST_CASE("an image block lays out as a picture the size it is shown at, over a placeholder with its alt text") {
    HeadlessImGui gui;
    Folder f;
    f.copy("wide.png", "ch/wide.png");
    auto blocks = f.page("![Quarterly revenue by region](wide.png)\n");
    REQUIRE(blocks.size() == 1);
    REQUIRE(blocks[0].kind == BlockKind::Image);
    for (float column : {300.0f, 600.0f, 1000.0f}) {
        CAPTURE(column);
        LaidOutBlock l = layout_block(blocks[0], gui.fonts(), column);
        auto pictures = of_type(l, Prim::Image);
        REQUIRE(pictures.size() == 1);
        const ImVec2 want = image_display_size(400, 100, column);
        CHECK(pictures[0]->b.x - pictures[0]->a.x == doctest::Approx(want.x));
        CHECK(pictures[0]->b.y - pictures[0]->a.y == doctest::Approx(want.y));
        CHECK(pictures[0]->b.x <= column + 0.01f);
        CHECK(l.height >= want.y);
        // the alt text lies in the model, and is drawn only while the picture is not
        auto texts = of_type(l, Prim::Text);
        REQUIRE(!texts.empty());
        const std::string& alt = blocks[0].spans.at(0).text;
        for (const Prim* t : texts) {
            CHECK(t->image == &blocks[0].images[0]);
            CHECK(t->begin >= alt.data());
            CHECK(t->end <= alt.data() + alt.size());
        }
    }
}

TEST_CASE("a remote or missing image is its alt text, with no picture") {
    HeadlessImGui gui;
    Folder f;
    auto blocks = f.page("![Org chart](https://example.com/org.png)\n\n![Gone](gone.png)\n\n![](gone.png)\n");
    REQUIRE(blocks.size() == 3);
    for (const Block& b : blocks) {
        LaidOutBlock l = layout_block(b, gui.fonts(), 600);
        CHECK(of_type(l, Prim::Image).empty());
        REQUIRE(!of_type(l, Prim::Text).empty());
        CHECK(l.height > 0);
    }
    LaidOutBlock no_alt = layout_block(blocks[2], gui.fonts(), 600);
    const Prim* t = of_type(no_alt, Prim::Text).at(0);
    CHECK(std::string(t->begin, t->end) == "[image: gone.png]");
    CHECK(no_alt.owned.size() == 1);
}

TEST_CASE("textures: created for images on screen, alt text while loading, released when the page is left") {
    HeadlessImGui gui;
    Folder f;
    f.copy("diagram.png", "ch/diagram.png");
    f.copy("photo.jpg", "ch/photo.jpg");
    // the photo sits far below the first screen
    std::string tall;
    for (int i = 0; i < 80; ++i) tall += "Paragraph " + std::to_string(i) + ".\n\n";
    auto page = f.page("![diagram](diagram.png)\n\n" + tall + "![photo](photo.jpg)\n");
    auto other = f.page("Another page, no images.\n");
    FakeTextures fake;
    ImageCache cache(&fake);
    {
        DocumentView view;
        view.set_image_cache(&cache);
        draw(gui, view, page);
        const int loading_prims = view.stats().prims_emitted;
        CHECK(cache.decode_count() == 1);  // only the diagram is on screen
        CHECK(fake.live.empty());          // still decoding: its placeholder and alt text are drawn
        cache.finish_decodes();
        ImDrawData* data = draw(gui, view, page);
        REQUIRE(fake.live.size() == 1);
        CHECK(fake.sizes.at(0) == std::pair<int, int>(40, 20));
        CHECK(draws_texture(data, fake.last));
        CHECK(view.stats().prims_emitted < loading_prims);  // the picture instead of its box and alt text
        CHECK(view.images().held() == 1);

        draw(gui, view, other);  // the learner leaves the page
        CHECK(fake.live.empty());
        CHECK(fake.destroyed == 1);
        CHECK(cache.texture_count() == 0);
        CHECK(view.images().held() == 0);

        draw(gui, view, page);  // and comes back: decoded again
        cache.finish_decodes();
        draw(gui, view, page);
        CHECK(fake.live.size() == 1);
    }
    CHECK(fake.live.size() == 1);  // the view is gone: nothing holds it, the next collect frees it
    cache.collect();
    CHECK(fake.live.empty());
}

TEST_CASE("textures: a changed image file is decoded again after the course reloads") {
    HeadlessImGui gui;
    Folder f;
    f.copy("diagram.png", "ch/diagram.png");
    FakeTextures fake;
    ImageCache cache(&fake);
    DocumentView view;
    view.set_image_cache(&cache);
    auto page = f.page("![diagram](diagram.png)\n");
    draw(gui, view, page);
    cache.finish_decodes();
    draw(gui, view, page);
    REQUIRE(fake.sizes.size() == 1);

    // an unchanged file survives a reload (same path, mtime and size): no second decode
    auto same = f.page("![diagram](diagram.png)\n");
    view.invalidate();
    draw(gui, view, same);
    CHECK(cache.decode_count() == 1);
    CHECK(fake.destroyed == 0);

    f.copy("wide.png", "ch/diagram.png");  // the trainer saves a new picture under the same name
    fs::last_write_time(f.root / "ch/diagram.png", fs::last_write_time(f.root / "ch/diagram.png") + std::chrono::seconds(2));
    auto reloaded = f.page("![diagram](diagram.png)\n");
    view.invalidate();  // what ReaderApp::load_content does
    draw(gui, view, reloaded);
    cache.finish_decodes();
    draw(gui, view, reloaded);
    CHECK(cache.decode_count() == 2);
    REQUIRE(fake.sizes.size() == 2);
    CHECK(fake.sizes[1] == std::pair<int, int>(400, 100));
    CHECK(fake.live.size() == 1);
    CHECK(fake.destroyed == 1);
}

TEST_CASE("textures: a file that passes the header check but cannot be decoded keeps its alt text") {
    HeadlessImGui gui;
    Folder f;
    f.copy("diagram.png", "ch/cut.png");
    fs::resize_file(f.root / "ch/cut.png", 300);  // the header survives, the pixels do not
    auto page = f.page("![A cut-off picture](cut.png)\n");
    REQUIRE(page.at(0).images.at(0).status == ImageStatus::Ok);
    FakeTextures fake;
    ImageCache cache(&fake);
    DocumentView view;
    view.set_image_cache(&cache);
    draw(gui, view, page);
    const int alt_prims = view.stats().prims_emitted;
    cache.finish_decodes();
    draw(gui, view, page);
    CHECK(fake.sizes.empty());
    CHECK(cache.failed(ImageKey::of(page[0].images[0])));
    CHECK(view.stats().prims_emitted == alt_prims);  // the box and the alt text, still
    CHECK(cache.decode_count() == 1);                 // not retried every frame
}

TEST_CASE("without a texture backend (headless, no GPU) images show their alt text and nothing is decoded") {
    HeadlessImGui gui;
    Folder f;
    f.copy("diagram.png", "ch/diagram.png");
    auto page = f.page("![diagram](diagram.png)\n");
    ImageCache cache(nullptr);
    DocumentView view;
    view.set_image_cache(&cache);
    draw(gui, view, page);
    CHECK(cache.decode_count() == 0);
    CHECK(view.stats().prims_emitted >= 2);
}
