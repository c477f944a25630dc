#pragma once
// Loads a course folder into the Course model. Never throws and never gives up early: every problem becomes a
// Diagnostic, broken modules stay in the course with their problems, and the rest loads.
#include <filesystem>

#include "runtime/course/course.h"

namespace gw {

Course load_course(const std::filesystem::path& root);

}  // namespace gw
