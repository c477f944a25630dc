#pragma once
// `groundwork install`, `install --rollback`, `uninstall`, `courses` and `pack` (issue 9): the course library on
// the command line. The rules live in runtime/course/course_library.h; these print them. Exit codes as the rest of
// the command line: 0 ok, 1 refused (content errors, a hostile package, nothing to roll back), 2 usage or an id
// that is not installed.
#include <iosfwd>
#include <string>

#include "runtime/course/course_library.h"

namespace gw {

// `groundwork install DIR|FILE`: the check's problems (file:line: message, as `groundwork check` prints them), then
// one line saying what was installed or updated, or why not. `limits` exists for tests.
int run_install(const std::string& source, const std::string& data_dir, std::ostream& out, std::ostream& err,
                const LibraryLimits& limits = {});
// `groundwork install --rollback ID`: swaps the installed and the previous version (again: swaps back).
int run_rollback(const std::string& id, const std::string& data_dir, std::ostream& out, std::ostream& err);
// `groundwork uninstall ID`: removes the course's files; says that the learner's work is kept.
int run_uninstall(const std::string& id, const std::string& data_dir, std::ostream& out, std::ostream& err);
// `groundwork courses`: one line per installed course: id, version, progress of `profile`, title; the course the
// app opens next is marked with '*'. Progress is whole_course_progress of the profile's file, read without its lock.
int run_courses(const std::string& data_dir, const std::string& profile, std::ostream& out, std::ostream& err);
// `groundwork pack DIR -o FILE`: checks DIR (errors refuse, printed as check prints them), then writes the zip.
int run_pack(const std::string& dir, const std::string& out_file, std::ostream& out, std::ostream& err);

}  // namespace gw
