#pragma once
// Brings a profile document written by an earlier schema up to the current one, one version step at a time.
#include <nlohmann/json.hpp>

#include <string>

namespace gw {

// The id (content/course.md `id:`) of the course Groundwork ships. Profiles before schema 4 kept one course's work
// with no course key; it was the shipped course's work (tests/runtime checks this matches content/course.md).
inline constexpr const char* kShippedCourseId = "sales-success-excellence";

// `doc` must be an object with an integer "schema" below kProfileSchema. False with `error` when a step cannot
// make sense of the old layout. Steps: 1->2 metadata on progress and reflections; 2->3 currency and amounts not
// entered; 3->4 the work (progress, reflections, resume, links) moves under "courses"/kShippedCourseId.
bool migrate_profile(nlohmann::json& doc, std::string* error);

}  // namespace gw
