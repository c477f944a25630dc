#include "progress/profile_serializer.h"

#include <cmath>

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

bool same(const Artifact& a, const Artifact& b) {
    return a.edited == b.edited && a.created == b.created && a.kind == b.kind && a.account == b.account &&
           a.title == b.title && a.values == b.values;
}

// A list written one element per line: "[\n\t\t{...},\n\t\t{...}\n\t]".
template <typename T, typename Line>
void write_list(std::string& out, const std::vector<T>& items, Line line) {
    if (items.empty()) {
        out += "[]";
        return;
    }
    out += "[";
    for (std::size_t i = 0; i < items.size(); ++i) {
        out += i ? ",\n\t\t" : "\n\t\t";
        out += line(items[i]);
    }
    out += "\n\t]";
}

}  // namespace

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

    const float scroll = std::isfinite(p.resume.scroll) ? p.resume.scroll : 0.0f;  // JSON has no infinity
    out += "\t\"resume\": " +
           encode({{"page", p.resume.page_id}, {"scroll", scroll}, {"editing", p.resume.editing}}) + ",\n";
    out += "\t\"currency\": " + encode(json(p.currency)) + ",\n";
    out += "\t\"accounts\": ";
    write_list(out, p.accounts, [](const Account& a) {
        // JSON has no infinity; an amount not entered is null, never 0.
        auto amount = [](double v, bool known) { return known ? json(std::isfinite(v) ? v : 0.0) : json(nullptr); };
        return encode({{"id", a.id}, {"name", a.name}, {"current_value", amount(a.current_value, a.has_current_value)},
                       {"potential_value", amount(a.potential_value, a.has_potential_value)}, {"tier", a.tier}, {"notes", a.notes},
                       {"created", a.created}, {"edited", a.edited}});
    });
    out += ",\n\t\"artifacts\": ";
    write_list(out, p.artifacts, [this](const Artifact& a) -> const std::string& {
        CachedArtifact& cached = artifacts_[a.id];
        if (cached.line.empty() || !same(cached.source, a)) {
            cached.source = a;
            cached.line = encode({{"id", a.id}, {"kind", a.kind}, {"account", a.account}, {"title", a.title},
                                  {"created", a.created}, {"edited", a.edited}, {"values", a.values}});
        }
        return cached.line;
    });
    if (artifacts_.size() > p.artifacts.size() + 16) artifacts_.clear();  // deleted artifacts: start over
    out += ",\n\t\"links\": ";
    write_list(out, p.links, [](const Link& l) { return encode({{"artifact", l.artifact}, {"item", l.item}}); });
    out += ",\n\t\"last_ids\": " +
           encode({{"account", p.last_account_number}, {"artifact", p.last_artifact_number}}) + "\n}\n";
    last_size_ = out.size();
    return out;
}

}  // namespace gw
