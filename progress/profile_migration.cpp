#include "progress/profile_migration.h"

#include "progress/profile_json.h"

namespace gw {

namespace {

using nlohmann::json;

// v1 kept a flat list of done ids, reflection texts without metadata and the last page.
bool v1_to_v2(json& doc, std::string* error) {
    json out = {{"schema", 2}, {"progress", json::object()}, {"reflections", json::object()}};
    if (doc.contains("done")) {
        if (!doc["done"].is_array()) return *error = "done: expected a list of ids", false;
        for (const json& id : doc["done"]) {
            if (!id.is_string()) return *error = "done: expected a list of ids", false;
            out["progress"][id.get<std::string>()] = {{"done", true}, {"done_at", 0}};
        }
    }
    if (doc.contains("reflections")) {
        if (!doc["reflections"].is_object()) return *error = "reflections: expected an object", false;
        for (auto& [id, text] : doc["reflections"].items()) {
            if (!text.is_string()) return *error = "reflections." + id + ": expected a string", false;
            std::string t = text.get<std::string>();
            out["reflections"][id] = {{"text", t}, {"cursor", t.size()}, {"created", 0}, {"edited", 0}, {"title", ""}};
        }
    }
    if (doc.contains("last_page") && doc["last_page"].is_string())
        out["resume"] = {{"page", doc["last_page"]}, {"scroll", 0.0}, {"editing", false}};
    doc = std::move(out);
    return true;
}

// v2 had no currency (amounts were shown as dollars) and wrote 0 for an amount never entered, so 0 and absent
// both meant 0. v3 reads null/absent as "not entered": write the old meaning out so every amount loads unchanged.
bool v2_to_v3(json& doc, std::string* error) {
    if (doc.contains("accounts") && doc["accounts"].is_array()) {
        for (json& account : doc["accounts"]) {
            if (!account.is_object()) continue;  // the reader names it
            for (const char* key : {"current_value", "potential_value"})
                if (!account.contains(key) || account[key].is_null()) account[key] = 0.0;
        }
    }
    (void)error;
    if (!doc.contains("currency")) doc["currency"] = "USD";
    doc["schema"] = 3;
    return true;
}

// v3 kept progress, reflections, resume and links at the top level, for whatever course was open: that was the
// shipped course (--content was a trainer's preview). v4 keeps them per course id. The values move as they are
// (the reader checks them at their new paths); only the top-level shapes are checked here.
bool v3_to_v4(json& doc, std::string* error) {
    json work = json::object();
    for (const char* key : {"progress", "reflections", "resume", "links"}) {
        if (!doc.contains(key)) continue;
        work[key] = std::move(doc[key]);
        doc.erase(key);
    }
    (void)error;
    doc["courses"] = json::object();  // no earlier schema had one: a stray key in an old file is replaced
    if (!work.empty()) doc["courses"][kShippedCourseId] = std::move(work);
    doc["schema"] = 4;
    return true;
}

}  // namespace

bool migrate_profile(json& doc, std::string* error) {
    while (doc["schema"].get<std::int64_t>() < kProfileSchema) {
        const std::int64_t from = doc["schema"].get<std::int64_t>();
        bool ok = false;
        switch (from) {
        case 1: ok = v1_to_v2(doc, error); break;
        case 2: ok = v2_to_v3(doc, error); break;
        case 3: ok = v3_to_v4(doc, error); break;
        case 4: doc["schema"] = 5, ok = true; break;  // 5 adds "deleted" (recently deleted work): none before
        default: *error = "schema " + std::to_string(from) + " is not one Groundwork ever wrote"; return false;
        }
        if (!ok) {
            *error = "while upgrading from schema " + std::to_string(from) + ": " + *error;
            return false;
        }
    }
    return true;
}

}  // namespace gw
