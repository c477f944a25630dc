#pragma once
// xAPI statements (Experience API 1.0.3, IEEE 9274.1.1) for what a learner does in Groundwork. Pure functions: they
// build the JSON; the outbox (progress/outbox.h) keeps it and the sender (runtime/xapi/statement_sender.h) posts it.
//
// What is sent, and why each choice (docs/xapi.md has one example of each):
// - Verbs are ADL's (http://adlnet.gov/expapi/verbs/...): experienced, completed, voided, answered, progressed. ADL
//   has no verb for making a document, so an artifact uses the Activity Streams verbs xAPI's registry carries
//   (http://activitystrea.ms/schema/1.0/create and .../update).
// - Activity ids are IRIs built from the course's xAPI base and its stable ids (activity_iri), never from titles or
//   file names, so a content update or a renamed file keeps the same activity.
// - The actor is an account (homePage + a per-profile UUID), not an email address, unless the organisation set one
//   (Actor::mbox).
// - Each statement gets its id and timestamp when the event happens, so a retry sends the same bytes: an LRS answers
//   a repeat with 204, not a second statement (xAPI 1.0.3 part three, 2.1.1 PUT/POST Statements).
#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>

namespace gw::xapi {

using Millis = std::int64_t;  // milliseconds since the Unix epoch, as progress/profile.h

// Who did it. With `mbox` set ("mailto:name@example.com") the agent is identified by it; otherwise by the account.
struct Actor {
    std::string home_page;     // the account's system, e.g. the LRS's or the organisation's URL
    std::string account_name;  // a UUID made once per profile (lrs settings), never the profile's folder name
    std::string display_name;  // optional "name"
    std::string mbox;          // optional, only when the learner's organisation sets it
};

// The course a statement is about.
struct CourseInfo {
    std::string iri_base;         // e.g. "https://training.example.com/xapi/" (course.md xapi_base:), ends in '/'
    std::string id;               // course.md id:
    std::string title;
    std::string content_version;  // course.md version:, "" when unversioned
    std::string language = "en";  // RFC 5646 tag for the display names
};

// The kind of thing acted on, mapped to an ADL activity type (activity_type_iri).
enum class ActivityType { Course, Chapter, Module, Homework, Reflection, Artifact };

struct Activity {
    ActivityType type = ActivityType::Module;
    std::string id;     // the course's item id (module, homework, chapter) or the artifact's id
    std::string title;  // shown by LRSs and reports: the module's title, the artifact's name
};

// Everything each statement shares.
struct StatementContext {
    Actor actor;
    CourseInfo course;
    std::string platform;  // "Groundwork 0.9.0"
};

// "<iri_base><course id>/<kind>/<id>", e.g. ".../xapi/sales-success/module/growth-mindset"; the course itself is
// "<iri_base><course id>". Ids are percent-encoded where an IRI needs it (RFC 3987 iunreserved kept).
std::string activity_iri(const CourseInfo& course, ActivityType type, const std::string& id);
// The ADL (or registry) activity type IRI: course, module (a chapter), lesson (a module), assessment (homework),
// cmi.interaction (a reflection), and http://id.tincanapi.com/activitytype/document for an artifact.
std::string activity_type_iri(ActivityType type);

// 2026-11-30T07:41:05.123Z (ISO 8601, UTC, milliseconds), as xAPI's timestamp wants.
std::string iso8601_utc(Millis when);
// ISO 8601 duration for result.duration: "PT1H2M3.4S"; negative values give "PT0S".
std::string iso8601_duration(Millis duration_ms);

// A random (version 4) UUID in lower case: a new statement's id.
std::string random_statement_id();
// A name-based (version 5) UUID: the same inputs always give the same id. Used for a completion so that undoing it
// can void exactly that statement without remembering its id anywhere (the done time is in the profile).
std::string derived_statement_id(const std::string& name);

// A module, homework or chapter page opened (verb experienced). `chapter` may be null (a chapter page itself).
nlohmann::json experienced(const StatementContext& ctx, const Activity& item, const Activity* chapter, Millis when);
// Marked done (verb completed, result.completion true, result.duration the time spent on the page this visit).
// Its id is completion_statement_id(ctx, item, when), so uncompleted() can void it.
nlohmann::json completed(const StatementContext& ctx, const Activity& item, const Activity* chapter, Millis when,
                         Millis duration_ms);
std::string completion_statement_id(const StatementContext& ctx, const Activity& item, Millis done_at);
// Marked not done again: a voided statement whose object is the completion made at `done_at` (xAPI part two 2.3.2).
nlohmann::json uncompleted(const StatementContext& ctx, const Activity& item, Millis done_at, Millis when);
// A reflection or homework note written (verb answered on a cmi.interaction of interactionType long-fill-in; the
// text in result.response). Only built when the learner chose to share their writing: the caller checks.
nlohmann::json answered(const StatementContext& ctx, const Activity& item, const Activity* chapter,
                        const std::string& text, Millis when);
// A chapter's progress, 0..100 (verb progressed, cmi5's progress result extension, not score.scaled).
nlohmann::json progressed(const StatementContext& ctx, const Activity& chapter, int percent, Millis when);
// An artifact created or changed, its status (health audit colour, QBR total...) as result.extensions under
// kExtensionBase + name. `linked_item` (may be null) becomes the context parent.
nlohmann::json artifact_saved(const StatementContext& ctx, const Activity& artifact, bool created,
                              const nlohmann::json& status, const Activity* linked_item, Millis when);

// The cmi5 progress result extension's IRI.
inline constexpr const char* kProgressExtension = "https://w3id.org/xapi/cmi5/result/extensions/progress";
// Where Groundwork's own extensions live (content version, artifact status fields). Under ".invalid" (RFC 2606)
// because the project owns no domain to publish them at; reports match on this prefix.
inline constexpr const char* kExtensionBase = "https://groundwork.invalid/xapi/extensions/";
// The activity IRI base of a course that sets no xapi_base: in course.md.
inline constexpr const char* kDefaultIriBase = "https://groundwork.invalid/xapi/courses/";

}  // namespace gw::xapi
