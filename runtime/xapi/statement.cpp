#include "runtime/xapi/statement.h"

#include <uuid/uuid.h>

#include <cstdio>
#include <ctime>

namespace gw::xapi {

namespace {

using nlohmann::json;

const char* kind_path(ActivityType type) {
    switch (type) {
        case ActivityType::Course: return "";
        case ActivityType::Chapter: return "chapter";
        case ActivityType::Module: return "module";
        case ActivityType::Homework: return "homework";
        case ActivityType::Reflection: return "reflection";
        case ActivityType::Artifact: return "artifact";
    }
    return "item";
}

// RFC 3987 keeps unreserved ASCII and every non-ASCII byte sequence (ucschar); everything else is escaped so that an
// id holding '/', '#', '?' or a space cannot change the IRI's shape.
std::string encode_segment(const std::string& s) {
    std::string out;
    for (unsigned char c : s) {
        const bool unreserved = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                                c == '-' || c == '.' || c == '_' || c == '~' || c >= 0x80;
        if (unreserved) {
            out += static_cast<char>(c);
        } else {
            char buf[4];
            std::snprintf(buf, sizeof buf, "%%%02X", c);
            out += buf;
        }
    }
    return out;
}

std::string uuid_text(const uuid_t u) {
    char buf[37];
    uuid_unparse_lower(u, buf);
    return buf;
}

json language_map(const CourseInfo& course, const std::string& text) {
    return json{{course.language.empty() ? "en" : course.language, text}};
}

json actor_json(const Actor& a) {
    json j{{"objectType", "Agent"}};
    if (!a.display_name.empty()) j["name"] = a.display_name;
    if (!a.mbox.empty())
        j["mbox"] = a.mbox;
    else
        j["account"] = json{{"homePage", a.home_page}, {"name", a.account_name}};
    return j;
}

json verb_json(const std::string& iri, const char* display) {
    return json{{"id", iri}, {"display", json{{"en-US", display}}}};
}

json activity_json(const CourseInfo& course, const Activity& a) {
    json definition{{"type", activity_type_iri(a.type)}};
    if (!a.title.empty()) definition["name"] = language_map(course, a.title);
    if (a.type == ActivityType::Reflection) definition["interactionType"] = "long-fill-in";
    return json{{"objectType", "Activity"}, {"id", activity_iri(course, a.type, a.id)}, {"definition", definition}};
}

json context_json(const StatementContext& ctx, const Activity* parent) {
    json activities;
    if (parent) activities["parent"] = json::array({activity_json(ctx.course, *parent)});
    activities["grouping"] =
        json::array({activity_json(ctx.course, Activity{ActivityType::Course, ctx.course.id, ctx.course.title})});
    json c{{"platform", ctx.platform}, {"contextActivities", activities}};
    if (!ctx.course.language.empty()) c["language"] = ctx.course.language;
    if (!ctx.course.content_version.empty())
        c["extensions"] = json{{std::string(kExtensionBase) + "content-version", ctx.course.content_version}};
    return c;
}

json base_statement(const StatementContext& ctx, const std::string& id, const std::string& verb_iri,
                    const char* verb_display, Millis when) {
    return json{{"id", id},
                {"actor", actor_json(ctx.actor)},
                {"verb", verb_json(verb_iri, verb_display)},
                {"timestamp", iso8601_utc(when)}};
}

const std::string kAdl = "http://adlnet.gov/expapi/verbs/";

}  // namespace

std::string activity_iri(const CourseInfo& course, ActivityType type, const std::string& id) {
    std::string base = course.iri_base.empty() ? kDefaultIriBase : course.iri_base;
    if (base.back() != '/') base += '/';
    std::string iri = base + encode_segment(course.id);
    if (type == ActivityType::Course) return iri;
    return iri + "/" + kind_path(type) + "/" + encode_segment(id);
}

std::string activity_type_iri(ActivityType type) {
    switch (type) {
        case ActivityType::Course: return "http://adlnet.gov/expapi/activities/course";
        case ActivityType::Chapter: return "http://adlnet.gov/expapi/activities/module";
        case ActivityType::Module: return "http://adlnet.gov/expapi/activities/lesson";
        case ActivityType::Homework: return "http://adlnet.gov/expapi/activities/assessment";
        case ActivityType::Reflection: return "http://adlnet.gov/expapi/activities/cmi.interaction";
        case ActivityType::Artifact: return "http://id.tincanapi.com/activitytype/document";
    }
    return "http://adlnet.gov/expapi/activities/lesson";
}

std::string iso8601_utc(Millis when) {
    const std::time_t secs = static_cast<std::time_t>(when / 1000);
    int millis = static_cast<int>(when % 1000);
    std::tm tm{};
    gmtime_r(&secs, &tm);
    char buf[64];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                  tm.tm_hour, tm.tm_min, tm.tm_sec, millis < 0 ? 0 : millis);
    return buf;
}

std::string iso8601_duration(Millis duration_ms) {
    if (duration_ms <= 0) return "PT0S";
    const long long total_cs = duration_ms / 10;  // xAPI keeps durations to 0.01 s (part two 4.6)
    const long long hours = total_cs / 360000, minutes = (total_cs / 6000) % 60, cs = total_cs % 6000;
    std::string out = "PT";
    if (hours) out += std::to_string(hours) + "H";
    if (minutes) out += std::to_string(minutes) + "M";
    if (cs || out == "PT") {
        char buf[32];
        if (cs % 100)
            std::snprintf(buf, sizeof buf, "%lld.%02lldS", cs / 100, cs % 100);
        else
            std::snprintf(buf, sizeof buf, "%lldS", cs / 100);
        out += buf;
    }
    return out;
}

std::string random_statement_id() {
    uuid_t u;
    uuid_generate_random(u);
    return uuid_text(u);
}

std::string derived_statement_id(const std::string& name) {
    // A fixed namespace of our own (itself a v4 UUID made once), so our derived ids never meet another system's.
    uuid_t ns;
    uuid_parse("6f1c2d9e-3b7a-4c55-9e1d-2a8b7c4f0e13", ns);
    uuid_t u;
    uuid_generate_sha1(u, ns, name.data(), name.size());
    return uuid_text(u);
}

nlohmann::json experienced(const StatementContext& ctx, const Activity& item, const Activity* chapter, Millis when) {
    json s = base_statement(ctx, random_statement_id(), kAdl + "experienced", "experienced", when);
    s["object"] = activity_json(ctx.course, item);
    s["context"] = context_json(ctx, chapter);
    return s;
}

std::string completion_statement_id(const StatementContext& ctx, const Activity& item, Millis done_at) {
    const std::string who = ctx.actor.mbox.empty() ? ctx.actor.home_page + "|" + ctx.actor.account_name : ctx.actor.mbox;
    return derived_statement_id("completed|" + who + "|" + activity_iri(ctx.course, item.type, item.id) + "|" +
                                std::to_string(done_at));
}

nlohmann::json completed(const StatementContext& ctx, const Activity& item, const Activity* chapter, Millis when,
                         Millis duration_ms) {
    json s = base_statement(ctx, completion_statement_id(ctx, item, when), kAdl + "completed", "completed", when);
    s["object"] = activity_json(ctx.course, item);
    s["result"] = json{{"completion", true}, {"duration", iso8601_duration(duration_ms)}};
    s["context"] = context_json(ctx, chapter);
    return s;
}

nlohmann::json uncompleted(const StatementContext& ctx, const Activity& item, Millis done_at, Millis when) {
    json s = base_statement(ctx, random_statement_id(), kAdl + "voided", "voided", when);
    s["object"] = json{{"objectType", "StatementRef"}, {"id", completion_statement_id(ctx, item, done_at)}};
    return s;
}

nlohmann::json answered(const StatementContext& ctx, const Activity& item, const Activity* chapter,
                        const std::string& text, Millis when) {
    json s = base_statement(ctx, random_statement_id(), kAdl + "answered", "answered", when);
    Activity interaction{ActivityType::Reflection, item.id, item.title};
    s["object"] = activity_json(ctx.course, interaction);
    s["result"] = json{{"response", text}};
    // The reflection belongs to its module: the module is the parent, its chapter is not lost either.
    json c = context_json(ctx, &item);
    if (chapter) c["contextActivities"]["grouping"].push_back(activity_json(ctx.course, *chapter));
    s["context"] = c;
    return s;
}

nlohmann::json progressed(const StatementContext& ctx, const Activity& chapter, int percent, Millis when) {
    json s = base_statement(ctx, random_statement_id(), kAdl + "progressed", "progressed", when);
    s["object"] = activity_json(ctx.course, chapter);
    const int clamped = percent < 0 ? 0 : percent > 100 ? 100 : percent;
    s["result"] = json{{"extensions", json{{kProgressExtension, clamped}}}};
    s["context"] = context_json(ctx, nullptr);
    return s;
}

nlohmann::json artifact_saved(const StatementContext& ctx, const Activity& artifact, bool created,
                              const nlohmann::json& status, const Activity* linked_item, Millis when) {
    json s = created ? base_statement(ctx, random_statement_id(), "http://activitystrea.ms/schema/1.0/create",
                                      "created", when)
                     : base_statement(ctx, random_statement_id(), "http://activitystrea.ms/schema/1.0/update",
                                      "updated", when);
    s["object"] = activity_json(ctx.course, artifact);
    if (status.is_object() && !status.empty()) {
        json ext = json::object();
        for (auto it = status.begin(); it != status.end(); ++it) ext[std::string(kExtensionBase) + it.key()] = it.value();
        s["result"] = json{{"extensions", ext}};
    }
    s["context"] = context_json(ctx, linked_item);
    return s;
}

}  // namespace gw::xapi
