#include "progress/profile_json.h"

#include <cmath>
#include <cstdint>
#include <limits>

#include "progress/bounded_json.h"
#include "progress/profile_migration.h"
#include "progress/profile_serializer.h"

namespace gw {

namespace {

using nlohmann::json;

// Field readers: each names the path of the first wrong value. Missing optional fields keep their defaults.
struct Reader {
    std::string error;

    bool fail(const std::string& path, const char* expected) {
        if (error.empty()) error = path + ": expected " + expected;
        return false;
    }
    bool object(const json& j, const std::string& path) { return j.is_object() || fail(path, "an object"); }
    bool string(const json& obj, const char* key, const std::string& path, std::string* out) {
        if (!obj.contains(key)) return true;
        const json& v = obj[key];
        if (!v.is_string()) return fail(path + "." + key, "a string");
        *out = v.get<std::string>();
        return true;
    }
    bool boolean(const json& obj, const char* key, const std::string& path, bool* out) {
        if (!obj.contains(key)) return true;
        const json& v = obj[key];
        if (!v.is_boolean()) return fail(path + "." + key, "true or false");
        *out = v.get<bool>();
        return true;
    }
    // A whole number in [lo, hi], converted only after the check: JSON integers arrive as int64 or uint64, and
    // get<int>() of 4294967298 would silently give 2. `expected` names the range when the default wording would not.
    template <typename Int>
    bool integer(const json& obj, const char* key, const std::string& path, Int* out, std::int64_t lo = 0,
                 std::uint64_t hi = static_cast<std::uint64_t>(std::numeric_limits<Int>::max()),
                 const char* expected = nullptr) {
        if (!obj.contains(key)) return true;
        const json& v = obj[key];
        bool in_range = false;
        if (v.is_number_unsigned()) {
            const std::uint64_t u = v.get<std::uint64_t>();
            in_range = u <= hi && (lo <= 0 || u >= static_cast<std::uint64_t>(lo));
        } else if (v.is_number_integer()) {
            const std::int64_t i = v.get<std::int64_t>();
            in_range = i >= lo && (i < 0 || static_cast<std::uint64_t>(i) <= hi);
        }
        if (!in_range) {
            const std::string range = "a whole number from " + std::to_string(lo) + " to " + std::to_string(hi);
            return fail(path + "." + key, expected ? expected : range.c_str());
        }
        *out = v.is_number_unsigned() ? static_cast<Int>(v.get<std::uint64_t>()) : static_cast<Int>(v.get<std::int64_t>());
        return true;
    }
    bool number(const json& obj, const char* key, const std::string& path, float* out) {
        if (!obj.contains(key)) return true;
        const json& v = obj[key];
        if (!v.is_number() || !std::isfinite(v.get<double>()) || std::fabs(v.get<double>()) > 1e9)
            return fail(path + "." + key, "a number");
        *out = v.get<float>();
        return true;
    }
    bool real(const json& obj, const char* key, const std::string& path, double* out) {
        if (!obj.contains(key)) return true;
        const json& v = obj[key];
        if (!v.is_number() || !std::isfinite(v.get<double>())) return fail(path + "." + key, "a number");
        *out = v.get<double>();
        return true;
    }
    // An amount that may be empty: null or absent clears *known (schema 3; older files are migrated first).
    bool amount(const json& obj, const char* key, const std::string& path, double* out, bool* known) {
        if (!obj.contains(key) || obj[key].is_null()) {
            *known = false;
            *out = 0;
            return true;
        }
        *known = true;
        return real(obj, key, path, out);
    }
    // A list of objects, each read by `item`; paths look like "artifacts[3].kind", or under `at` (a path of the
    // object holding the list) "deleted[0].artifacts[3].kind".
    template <typename T, typename Item>
    bool list(const json& doc, const char* key, std::vector<T>* out, Item item, const std::string& at = "") {
        if (!doc.contains(key)) return true;
        const json& arr = doc[key];
        const std::string where = at.empty() ? std::string(key) : at + "." + key;
        if (!arr.is_array()) return fail(where, "a list");
        for (std::size_t i = 0; i < arr.size(); ++i) {
            std::string path = where + "[" + std::to_string(i) + "]";
            T value;
            if (!object(arr[i], path) || !item(arr[i], path, value)) return false;
            out->push_back(std::move(value));
        }
        return true;
    }
};

// A list of links [{"artifact": id, "item": id}, ...] at `at` ("courses.c1.links").
bool read_links(Reader& r, const json& list, const std::string& at, std::vector<Link>* out) {
    if (!list.is_array()) return r.fail(at, "a list");
    for (std::size_t i = 0; i < list.size(); ++i) {
        const std::string path = at + "[" + std::to_string(i) + "]";
        Link l;
        if (!r.object(list[i], path) || !r.string(list[i], "artifact", path, &l.artifact) ||
            !r.string(list[i], "item", path, &l.item))
            return false;
        out->push_back(std::move(l));
    }
    return true;
}

// One course's work: {"progress": {...}, "reflections": {...}, "resume": {...}, "links": [...]}; paths start at
// `at` ("courses.<id>").
bool read_course_work(Reader& r, const json& doc, const std::string& at, CourseWork* w) {
    if (doc.contains("progress")) {
        const json& progress = doc["progress"];
        if (!r.object(progress, at + ".progress")) return false;
        for (auto& [id, item] : progress.items()) {
            std::string path = at + ".progress." + id;
            ItemProgress ip;
            if (!r.object(item, path) || !r.boolean(item, "done", path, &ip.done) ||
                !r.integer(item, "done_at", path, &ip.done_at))
                return false;
            w->progress[id] = ip;
        }
    }
    if (doc.contains("reflections")) {
        const json& reflections = doc["reflections"];
        if (!r.object(reflections, at + ".reflections")) return false;
        for (auto& [id, item] : reflections.items()) {
            std::string path = at + ".reflections." + id;
            Reflection ref;
            if (!r.object(item, path) || !r.string(item, "text", path, &ref.text) ||
                !r.integer(item, "cursor", path, &ref.cursor) || !r.integer(item, "created", path, &ref.created) ||
                !r.integer(item, "edited", path, &ref.edited) || !r.string(item, "title", path, &ref.title))
                return false;
            if (ref.cursor > ref.text.size()) ref.cursor = ref.text.size();
            w->reflections[id] = std::move(ref);
        }
    }
    if (doc.contains("resume")) {
        const json& resume = doc["resume"];
        const std::string path = at + ".resume";
        if (!r.object(resume, path) || !r.string(resume, "page", path, &w->resume.page_id) ||
            !r.number(resume, "scroll", path, &w->resume.scroll) ||
            !r.boolean(resume, "editing", path, &w->resume.editing))
            return false;
    }
    return !doc.contains("links") || read_links(r, doc["links"], at + ".links", &w->links);
}

bool read_current(const json& doc, Profile* p, std::string* error) {
    Reader r;
    if (doc.contains("courses")) {
        const json& courses = doc["courses"];
        if (!r.object(courses, "courses")) return *error = r.error, false;
        for (auto& [id, work] : courses.items()) {
            const std::string path = "courses." + id;
            CourseWork w;
            if (!r.object(work, path) || !read_course_work(r, work, path, &w)) return *error = r.error, false;
            p->courses[id] = std::move(w);
        }
    }
    auto account = [&](const json& j, const std::string& path, Account& a) {
        return r.string(j, "id", path, &a.id) && r.string(j, "name", path, &a.name) &&
               r.amount(j, "current_value", path, &a.current_value, &a.has_current_value) &&
               r.amount(j, "potential_value", path, &a.potential_value, &a.has_potential_value) && r.integer(j, "tier", path, &a.tier, 0, 3, "a whole number from 0 (not tiered) to 3") &&
               r.string(j, "notes", path, &a.notes) && r.integer(j, "created", path, &a.created) &&
               r.integer(j, "edited", path, &a.edited);
    };
    auto artifact = [&](const json& j, const std::string& path, Artifact& a) {
        if (!(r.string(j, "id", path, &a.id) && r.string(j, "kind", path, &a.kind) &&
              r.string(j, "account", path, &a.account) && r.string(j, "title", path, &a.title) &&
              r.integer(j, "created", path, &a.created) && r.integer(j, "edited", path, &a.edited)))
            return false;
        if (j.contains("values")) {
            if (!j["values"].is_object()) return r.fail(path + ".values", "an object");
            a.values = j["values"];
        }
        return true;
    };
    if (!r.list(doc, "accounts", &p->accounts, account) || !r.list(doc, "artifacts", &p->artifacts, artifact))
        return *error = r.error, false;
    // Recently deleted work (schema 5): each entry as {"deleted": ms, "accounts": [...], "artifacts": [...],
    // "links": {course: [...]}}, its parts read like the live ones. A path names the entry: "deleted[2].artifacts[0]".
    auto deleted = [&](const json& j, const std::string& path, DeletedWork& d) {
        if (!r.integer(j, "deleted", path, &d.deleted) || !r.list(j, "accounts", &d.accounts, account, path) ||
            !r.list(j, "artifacts", &d.artifacts, artifact, path))
            return false;
        if (j.contains("links")) {
            const json& links = j["links"];
            if (!r.object(links, path + ".links")) return false;
            for (auto& [course, list] : links.items())
                if (!read_links(r, list, path + ".links." + course, &d.links[course])) return false;
        }
        return true;
    };
    if (!r.list(doc, "deleted", &p->recently_deleted, deleted)) return *error = r.error, false;
    if (!r.string(doc, "currency", "", &p->currency)) return *error = r.error.substr(1), false;
    if (p->currency.empty()) p->currency = "USD";
    if (doc.contains("last_ids")) {
        const json& ids = doc["last_ids"];
        if (!r.object(ids, "last_ids") || !r.integer(ids, "account", "last_ids", &p->last_account_number) ||
            !r.integer(ids, "artifact", "last_ids", &p->last_artifact_number))
            return *error = r.error, false;
    }
    return true;
}

}  // namespace

json profile_to_json(const Profile& p) { return json::parse(serialize_profile(p)); }

std::string serialize_profile(const Profile& p) { return ProfileSerializer().serialize(p); }

ProfileParse profile_from_json(json doc, Profile* out) {
    ProfileParse result;
    if (!doc.is_object()) {
        result.error = "the document is not a JSON object";
        return result;
    }
    // Range-checked before any conversion: a schema beyond int64 is still a newer file, never a wrapped-round one.
    const json* schema = doc.contains("schema") ? &doc["schema"] : nullptr;
    if (schema && schema->is_number_unsigned()) {
        const std::uint64_t u = schema->get<std::uint64_t>();
        result.schema = u > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())
                            ? std::numeric_limits<std::int64_t>::max()
                            : static_cast<std::int64_t>(u);
    } else if (schema && schema->is_number_integer()) {
        result.schema = schema->get<std::int64_t>();
    }
    if (result.schema < 1) {
        result.schema = 0;
        result.error = "no schema version (\"schema\": a whole number from 1)";
        return result;
    }
    // The readers check each value's type before reading it; this catch is the backstop that keeps any JSON
    // library exception a message about the file, never an abort at start-up.
    try {
        if (result.schema < kProfileSchema) {
            if (!migrate_profile(doc, &result.error)) return result;
            result.migrated = true;
        }
        Profile p;
        if (!read_current(doc, &p, &result.error)) return result;
        *out = std::move(p);
        result.ok = true;
    } catch (const json::exception& e) {
        result.error = std::string("unexpected content: ") + e.what();
    }
    return result;
}

ProfileParse parse_profile(const std::string& text, Profile* out) {
    ProfileParse result;
    if (text.find_first_not_of(" \t\r\n") == std::string::npos) {
        result.error = "the file is empty";
        return result;
    }
    json doc;
    if (!parse_json_bounded(text, kMaxJsonNesting, &doc, &result.error)) return result;
    return profile_from_json(std::move(doc), out);
}

}  // namespace gw
