#include "progress/profile_serializer.h"

#include "progress/profile_json.h"

namespace gw {

namespace {

using nlohmann::json;

// "replace" keeps one bad byte in a reflection from failing the whole save.
std::string encode(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

bool same(const Reflection& a, const Reflection& b) {
    return a.cursor == b.cursor && a.created == b.created && a.edited == b.edited && a.title == b.title &&
           a.text == b.text;
}

}  // namespace

const std::string& ProfileSerializer::array_text(CachedArray& cache, const json& array) {
    if (cache.source != array) {
        cache.source = array;
        if (array.empty()) {
            cache.text = "[]";
        } else {
            cache.text = "[\n";
            for (std::size_t i = 0; i < array.size(); ++i)
                cache.text += "\t\t" + encode(array[i]) + (i + 1 < array.size() ? ",\n" : "\n");
            cache.text += "\t]";
        }
    }
    return cache.text;
}

std::string ProfileSerializer::serialize(const Profile& p) {
    std::string out;
    out.reserve(last_size_ + 4096);
    out += "{\n\t\"schema\": " + std::to_string(kProfileSchema) + ",\n";

    json progress = json::object();
    for (const auto& [id, item] : p.progress) progress[id] = {{"done", item.done}, {"done_at", item.done_at}};
    out += "\t\"progress\": " + encode(progress) + ",\n";

    out += "\t\"reflections\": {";
    bool first = true;
    for (const auto& [id, r] : p.reflections) {
        CachedReflection& cached = reflections_[id];
        if (cached.line.empty() || !same(cached.source, r)) {
            cached.source = r;
            cached.line = encode(json(id)) + ": " +
                          encode({{"text", r.text}, {"cursor", r.cursor}, {"created", r.created},
                                  {"edited", r.edited}, {"title", r.title}});
        }
        out += first ? "\n\t\t" : ",\n\t\t";
        out += cached.line;
        first = false;
    }
    out += first ? "},\n" : "\n\t},\n";
    if (reflections_.size() > p.reflections.size()) {  // forget reflections that were deleted
        for (auto it = reflections_.begin(); it != reflections_.end();)
            it = p.reflections.count(it->first) ? std::next(it) : reflections_.erase(it);
    }

    out += "\t\"resume\": " +
           encode({{"page", p.resume.page_id}, {"scroll", p.resume.scroll}, {"editing", p.resume.editing}}) + ",\n";
    out += "\t\"accounts\": " + array_text(accounts_, p.accounts) + ",\n";
    out += "\t\"artifacts\": " + array_text(artifacts_, p.artifacts) + ",\n";
    out += "\t\"links\": " + array_text(links_, p.links) + "\n}\n";
    last_size_ = out.size();
    return out;
}

}  // namespace gw
