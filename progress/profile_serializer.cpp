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

// A list written one element per line, one tab deeper than `indent`: "[\n\t\t{...},\n\t\t{...}\n\t]".
template <typename T, typename Line>
void write_list(std::string& out, const std::vector<T>& items, const char* indent, Line line) {
    if (items.empty()) {
        out += "[]";
        return;
    }
    out += "[";
    for (std::size_t i = 0; i < items.size(); ++i) {
        out += i ? ",\n\t" : "\n\t";
        out += indent;
        out += line(items[i]);
    }
    out += "\n";
    out += indent;
    out += "]";
}

json account_json(const Account& a) {
    // JSON has no infinity; an amount not entered is null, never 0.
    auto amount = [](double v, bool known) { return known ? json(std::isfinite(v) ? v : 0.0) : json(nullptr); };
    return {{"id", a.id}, {"name", a.name}, {"current_value", amount(a.current_value, a.has_current_value)},
            {"potential_value", amount(a.potential_value, a.has_potential_value)}, {"tier", a.tier}, {"notes", a.notes},
            {"created", a.created}, {"edited", a.edited}};
}

json artifact_json(const Artifact& a) {
    return {{"id", a.id}, {"kind", a.kind}, {"account", a.account}, {"title", a.title},
            {"created", a.created}, {"edited", a.edited}, {"values", a.values}};
}

json link_json(const Link& l) { return {{"artifact", l.artifact}, {"item", l.item}}; }

json deleted_json(const DeletedWork& d) {
    json accounts = json::array(), artifacts = json::array(), links = json::object();
    for (const Account& a : d.accounts) accounts.push_back(account_json(a));
    for (const Artifact& a : d.artifacts) artifacts.push_back(artifact_json(a));
    for (const auto& [course, list] : d.links) {
        json& out = links[course] = json::array();
        for (const Link& l : list) out.push_back(link_json(l));
    }
    return {{"deleted", d.deleted}, {"accounts", accounts}, {"artifacts", artifacts}, {"links", links}};
}

}  // namespace

std::string ProfileSerializer::serialize(const Profile& p) {
    std::string out;
    out.reserve(last_size_ + 4096);
    out += "{\n\t\"schema\": " + std::to_string(kProfileSchema) + ",\n";

    out += "\t\"courses\": {";
    std::size_t reflection_count = 0;
    bool first_course = true;
    for (const auto& [course, w] : p.courses) {
        out += first_course ? "\n\t\t" : ",\n\t\t";
        first_course = false;
        out += encode(json(course)) + ": {\n";
        json progress = json::object();
        for (const auto& [id, item] : w.progress) progress[id] = {{"done", item.done}, {"done_at", item.done_at}};
        out += "\t\t\t\"progress\": " + encode(progress) + ",\n";
        const float scroll = std::isfinite(w.resume.scroll) ? w.resume.scroll : 0.0f;  // JSON has no infinity
        out += "\t\t\t\"resume\": " +
               encode({{"page", w.resume.page_id}, {"scroll", scroll}, {"editing", w.resume.editing}}) + ",\n";
        out += "\t\t\t\"links\": ";
        write_list(out, w.links, "\t\t\t", [](const Link& l) { return encode(link_json(l)); });
        out += ",\n\t\t\t\"reflections\": {";
        bool first = true;
        for (const auto& [id, r] : w.reflections) {
            CachedReflection& cached = reflections_[{course, id}];
            if (cached.line.empty() || !same(cached.source, r)) {
                cached.source = r;
                cached.line = encode(json(id)) + ": " +
                              encode({{"text", r.text}, {"cursor", r.cursor}, {"created", r.created},
                                      {"edited", r.edited}, {"title", r.title}});
            }
            out += first ? "\n\t\t\t\t" : ",\n\t\t\t\t";
            out += cached.line;
            first = false;
        }
        out += first ? "}\n\t\t}" : "\n\t\t\t}\n\t\t}";
        reflection_count += w.reflections.size();
    }
    out += first_course ? "},\n" : "\n\t},\n";
    if (reflections_.size() > reflection_count) {  // forget reflections that were deleted or moved
        for (auto it = reflections_.begin(); it != reflections_.end();) {
            auto course = p.courses.find(it->first.first);
            const bool kept = course != p.courses.end() && course->second.reflections.count(it->first.second);
            it = kept ? std::next(it) : reflections_.erase(it);
        }
    }

    out += "\t\"currency\": " + encode(json(p.currency)) + ",\n";
    out += "\t\"accounts\": ";
    write_list(out, p.accounts, "\t", [](const Account& a) { return encode(account_json(a)); });
    out += ",\n\t\"artifacts\": ";
    write_list(out, p.artifacts, "\t", [this](const Artifact& a) -> const std::string& {
        CachedArtifact& cached = artifacts_[a.id];
        if (cached.line.empty() || !same(cached.source, a)) {
            cached.source = a;
            cached.line = encode(artifact_json(a));
        }
        return cached.line;
    });
    if (artifacts_.size() > p.artifacts.size() + 16) artifacts_.clear();  // deleted artifacts: start over
    out += ",\n\t\"deleted\": ";
    write_list(out, p.recently_deleted, "\t", [](const DeletedWork& d) { return encode(deleted_json(d)); });
    out += ",\n\t\"last_ids\": " +
           encode({{"account", p.last_account_number}, {"artifact", p.last_artifact_number}}) + "\n}\n";
    last_size_ = out.size();
    return out;
}

}  // namespace gw
