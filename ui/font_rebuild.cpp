#include "ui/font_rebuild.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <iterator>
#include <utility>

#include "runtime/text/glyph_coverage.h"
#include "ui/editor/text_buffer.h"

namespace gw::ui {

namespace {

// The members of Dear ImGui 1.86's ImFont (imgui.h), swapped one by one: ImVector::swap exchanges buffers, so
// FallbackGlyph (a pointer into Glyphs) stays valid in both fonts.
static_assert(IMGUI_VERSION_NUM == 18600, "swap_font_contents lists ImFont's members as of Dear ImGui 1.86");
void swap_font_contents(ImFont& a, ImFont& b) {
    a.IndexAdvanceX.swap(b.IndexAdvanceX);
    std::swap(a.FallbackAdvanceX, b.FallbackAdvanceX);
    std::swap(a.FontSize, b.FontSize);
    a.IndexLookup.swap(b.IndexLookup);
    a.Glyphs.swap(b.Glyphs);
    std::swap(a.FallbackGlyph, b.FallbackGlyph);
    std::swap(a.ContainerAtlas, b.ContainerAtlas);
    std::swap(a.ConfigData, b.ConfigData);
    std::swap(a.ConfigDataCount, b.ConfigDataCount);
    std::swap(a.FallbackChar, b.FallbackChar);
    std::swap(a.EllipsisChar, b.EllipsisChar);
    std::swap(a.DotChar, b.DotChar);
    std::swap(a.DirtyLookupTables, b.DirtyLookupTables);
    std::swap(a.Scale, b.Scale);
    std::swap(a.Ascent, b.Ascent);
    std::swap(a.Descent, b.Descent);
    std::swap(a.MetricsTotalSurface, b.MetricsTotalSurface);
    std::swap(a.Used4kPagesMap, b.Used4kPagesMap);
}

// Letters of alphabets come in blocks of a few dozen; ideographs, syllabaries past U+3000 and the like in thousands.
constexpr char32_t kWholeBlockBelow = 0x3000;

bool is_sorted_member(const std::vector<char32_t>& sorted, char32_t cp) {
    return std::binary_search(sorted.begin(), sorted.end(), cp);
}

void merge_into(std::vector<char32_t>& sorted, const std::vector<char32_t>& more_sorted) {
    std::vector<char32_t> merged;
    merged.reserve(sorted.size() + more_sorted.size());
    std::set_union(sorted.begin(), sorted.end(), more_sorted.begin(), more_sorted.end(), std::back_inserter(merged));
    sorted.swap(merged);
}

}  // namespace

bool transplant_glyphs(ImFontAtlas& into, ImFontAtlas& from) {
    // Sizes may differ (a zoom or a new content scale rebuilds at another size); the faces come in load_fonts' order.
    if (into.Fonts.Size != from.Fonts.Size) return false;
    for (int i = 0; i < into.Fonts.Size; ++i) {
        ImFont* kept = into.Fonts[i];  // the address everyone holds
        ImFont* built = from.Fonts[i];
        swap_font_contents(*kept, *built);
        // Each atlas now owns (and one day deletes) the object that holds its own glyphs.
        into.Fonts[i] = built;
        from.Fonts[i] = kept;
        // Input data, when still there, names its font: keep it naming the one in its own atlas.
        for (ImFontConfig& c : from.ConfigData)
            if (c.DstFont == built) c.DstFont = kept;
        for (ImFontConfig& c : into.ConfigData)
            if (c.DstFont == kept) c.DstFont = built;
    }
    return true;
}

ClipboardWatch::ClipboardWatch(ImGuiIO& io, FontRebuilder& rebuilder)
    : io_(io), rebuilder_(rebuilder), get_(io.GetClipboardTextFn), set_(io.SetClipboardTextFn),
      data_(io.ClipboardUserData) {
    // Both functions receive io.ClipboardUserData, so both are wrapped: the backend's get their own data back.
    io.ClipboardUserData = this;
    io.GetClipboardTextFn = [](void* self) -> const char* {
        auto* w = static_cast<ClipboardWatch*>(self);
        const char* text = w->get_ ? w->get_(w->data_) : nullptr;
        if (text) w->rebuilder_.note_text(text);
        return text;
    };
    io.SetClipboardTextFn = [](void* self, const char* text) {
        auto* w = static_cast<ClipboardWatch*>(self);
        if (w->set_) w->set_(w->data_, text);
    };
}

ClipboardWatch::~ClipboardWatch() {
    io_.GetClipboardTextFn = get_;
    io_.SetClipboardTextFn = set_;
    io_.ClipboardUserData = data_;
}

FontRebuilder::FontRebuilder(std::string font_dir, float scale, std::vector<char32_t> built_from,
                             std::function<void()> on_ready, float reading_zoom, std::filesystem::path cache_dir)
    : font_dir_(std::move(font_dir)), cache_(std::move(cache_dir)), scale_(scale), on_ready_(std::move(on_ready)), wanted_scale_(scale),
      wanted_zoom_(reading_zoom), built_scale_(scale), built_zoom_(reading_zoom) {
    std::sort(built_from.begin(), built_from.end());
    built_from.erase(std::unique(built_from.begin(), built_from.end()), built_from.end());
    known_ = built_from;
    merge_into(known_, code_points_in_every_face());  // typing these needs no rebuild
    wanted_ = built_from;
    building_ = std::move(built_from);
    worker_ = std::thread([this] { run(); });
}

FontRebuilder::~FontRebuilder() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        stop_ = true;
    }
    changed_.notify_all();
    worker_.join();
}

void FontRebuilder::note_text(std::string_view text) {
    std::vector<char32_t> fresh;
    for (size_t pos = 0; pos < text.size();) {
        const utf8::Decoded d = utf8::decode(text, pos);
        pos += d.len;
        if (d.cp < 0x20 || d.cp == 0x7F || d.cp > kLastDrawableCodePoint) continue;  // never drawn / never held
        if (d.cp == 0xFFFD && d.len == 1) continue;  // a malformed byte, not a character
        if (!is_sorted_member(known_, d.cp)) fresh.push_back(d.cp);
    }
    if (!fresh.empty()) ask(std::move(fresh));
}

void FontRebuilder::note_code_points(const std::vector<char32_t>& code_points) {
    std::vector<char32_t> fresh;
    for (char32_t cp : code_points)
        if (cp >= 0x20 && cp != 0x7F && cp <= kLastDrawableCodePoint && !is_sorted_member(known_, cp))
            fresh.push_back(cp);
    if (!fresh.empty()) ask(std::move(fresh));
}

void FontRebuilder::note_input(const ImGuiIO& io) {
    std::vector<char32_t> fresh;
    for (ImWchar c : io.InputQueueCharacters)
        if (c >= 0x20 && c != 0x7F && !is_sorted_member(known_, c)) fresh.push_back(c);
    if (!fresh.empty()) ask(std::move(fresh));
}

void FontRebuilder::ask(std::vector<char32_t> fresh) {
    std::vector<char32_t> more;
    for (char32_t cp : fresh) {
        if (cp >= 0x80 && cp < kWholeBlockBelow) {
            const char32_t first = cp & ~char32_t(0x7F);
            for (char32_t c = first; c < first + 0x80; ++c) more.push_back(c);
        } else {
            more.push_back(cp);
        }
    }
    std::sort(more.begin(), more.end());
    more.erase(std::unique(more.begin(), more.end()), more.end());
    merge_into(known_, more);
    {
        std::lock_guard<std::mutex> lock(mutex_);
        merge_into(wanted_, more);
    }
    changed_.notify_all();
}

void FontRebuilder::set_sizes(float scale, float reading_zoom) {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        if (wanted_scale_ == scale && wanted_zoom_ == reading_zoom) return;
        wanted_scale_ = scale;
        wanted_zoom_ = reading_zoom;
    }
    changed_.notify_all();
}

void FontRebuilder::note_course(const std::string& dir) {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        course_dirs_.push_back(dir);
    }
    changed_.notify_all();
}

std::unique_ptr<ImFontAtlas> FontRebuilder::take_rebuilt(ImFontAtlas& current, Fonts& fonts) {
    std::unique_ptr<Built> built;
    {
        std::lock_guard<std::mutex> lock(mutex_);
        built = std::move(ready_);
    }
    if (!built) return nullptr;
    if (!transplant_glyphs(current, *built->atlas)) {
        std::fprintf(stderr, "groundwork: the rebuilt font atlas has other faces than the one in use; keeping the old one\n");
        return nullptr;
    }
    fonts.cjk_fallback = built->fonts.cjk_fallback;
    fonts.scale = built->fonts.scale;
    fonts.reading_zoom = built->fonts.reading_zoom;
    note_fonts_changed();  // same addresses, other glyphs or sizes: measured text is stale
    return std::move(built->atlas);
}

bool FontRebuilder::idle() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return !busy_ && course_dirs_.empty() && wanted_ == building_ && !sizes_changed();
}

bool FontRebuilder::wait_idle(int timeout_ms) const {
    std::unique_lock<std::mutex> lock(mutex_);
    return changed_.wait_for(lock, std::chrono::milliseconds(timeout_ms),
                             [&] { return !busy_ && course_dirs_.empty() && wanted_ == building_ && !sizes_changed(); });
}

int FontRebuilder::builds() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return builds_;
}

void FontRebuilder::run() {
    GlyphCoverage coverage(reader_font_files());
    std::unique_lock<std::mutex> lock(mutex_);
    while (true) {
        changed_.wait(lock, [&] { return stop_ || !course_dirs_.empty() || wanted_ != building_ || sizes_changed(); });
        if (stop_) return;
        busy_ = true;
        std::vector<std::string> dirs;
        dirs.swap(course_dirs_);
        lock.unlock();
        std::vector<char32_t> from_course;
        for (const std::string& dir : dirs) collect_course_code_points(dir, from_course);
        lock.lock();
        merge_into(wanted_, from_course);
        std::vector<char32_t> target = wanted_;
        const std::vector<char32_t> had = building_;
        const float scale = wanted_scale_, zoom = wanted_zoom_;
        const bool resize = sizes_changed();
        lock.unlock();

        // Nothing a font can draw is new (an emoji, a private-use character): no build, they stay '?'.
        std::vector<char32_t> added;
        std::set_difference(target.begin(), target.end(), had.begin(), had.end(), std::back_inserter(added));
        const bool worth_it =
            resize || std::any_of(added.begin(), added.end(), [&](char32_t cp) { return coverage.drawable(cp); });
        std::unique_ptr<Built> built;
        if (worth_it) {
            built = std::make_unique<Built>();
            built->atlas = std::make_unique<ImFontAtlas>();
            std::string problem;
            built->fonts = load_fonts(built->atlas.get(), font_dir_, scale, &problem, target, zoom,
                                      FontFileReads::WhenBuilt);
            build_font_atlas(*built->atlas, built->fonts, scale, cache_, &problem);  // here, never on the UI thread
            built->atlas->ClearInputData();  // the font files read for rasterising, if any, are not needed now
            if (!built->fonts.loaded_from_files) built.reset();  // fonts gone since start: keep what we have
        }

        lock.lock();
        building_ = target;
        built_scale_ = scale;
        built_zoom_ = zoom;
        busy_ = false;
        if (built) {
            ready_ = std::move(built);  // a newer atlas replaces one never taken: it holds everything that did
            ++builds_;
        }
        const bool announce = ready_ != nullptr && worth_it;
        changed_.notify_all();
        if (announce && on_ready_) {
            lock.unlock();
            on_ready_();
            lock.lock();
        }
    }
}

}  // namespace gw::ui
