#pragma once
// Brings a profile document written by an earlier schema up to the current one, one version step at a time.
#include <nlohmann/json.hpp>

#include <string>

namespace gw {

// `doc` must be an object with an integer "schema" below kProfileSchema. False with `error` when a step cannot
// make sense of the old layout.
bool migrate_profile(nlohmann::json& doc, std::string* error);

}  // namespace gw
