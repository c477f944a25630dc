#pragma once
// The profile's file format: one versioned JSON document. Reading validates every field and names the first bad
// one, so a damaged file is reported precisely instead of half-loaded.
#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>

#include "progress/profile.h"

namespace gw {

// Version 1: the pre-release draft layout ({"schema":1,"done":[ids],"reflections":{id:text},"last_page":id}).
// Version 2: progress, reflections with cursor/timestamps/title, resume point, accounts, artifacts, links.
// Version 3: "currency" (ISO 4217 code); an account's current_value / potential_value may be null (not entered).
// 4: the work (progress, reflections, resume point, links) is kept per course under "courses" (issue 9).
// 5: "deleted": recently deleted accounts and artifacts with their links, kept 30 days (issue 10).
constexpr int kProfileSchema = 5;

nlohmann::json profile_to_json(const Profile& profile);
std::string serialize_profile(const Profile& profile);  // one-off; the store keeps a ProfileSerializer

struct ProfileParse {
    bool ok = false;
    std::int64_t schema = 0;  // the version the document was written with (beyond int64: int64's maximum)
    bool migrated = false;  // it was older and has been brought forward
    std::string error;      // when !ok: what is wrong, e.g. "reflections.qbr.text: expected a string"
};

// Accepts every earlier schema (migrating it) and newer ones (reading the fields this version knows; the caller
// must then treat the profile as read-only so the newer fields are not destroyed). Never throws: bad syntax, numbers
// beyond a double, nesting deeper than kMaxJsonNesting and out-of-range integers (tier 0-3; timestamps, cursors and
// last id numbers from 0 to their type's maximum) all come back as !ok with `error` naming the first one.
ProfileParse parse_profile(const std::string& text, Profile* out);
ProfileParse profile_from_json(nlohmann::json doc, Profile* out);

}  // namespace gw
