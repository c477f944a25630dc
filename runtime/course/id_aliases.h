#pragma once
// Renamed ids: modules, homework, chapters and artifact kinds may list the ids they had before (`aliases:` in their
// front matter, docs/authoring.md "Renaming an id"). The learner's work kept under an old id is moved to the new one
// when the course loads, so a rename never orphans a done mark, a reflection, the resume point or a link.
#include <map>
#include <string>

#include "progress/profile.h"
#include "runtime/course/course.h"

namespace gw {

// Old id -> current id, for the aliases it is safe to follow: an alias that is also a live id (of a page, or of an
// artifact kind for kind aliases), or that two pages (two kinds) claim, is left out (`groundwork check` reports it,
// runtime/course/course_loader.cpp and runtime/artifacts/artifact_declarations.cpp).
struct IdAliases {
    std::map<std::string, std::string> pages;  // modules, homework and chapters
    std::map<std::string, std::string> kinds;  // artifact kinds
    bool empty() const { return pages.empty() && kinds.empty(); }
};
IdAliases id_aliases(const Course& course);

// The page an id names now: `id` itself when it is a live page or no alias, else the page that lists it as an alias.
std::string current_page_id(const Course& course, const std::string& id);

// Moves the work under every old id of `course` to its current id, in Profile::work(course.id), and renames the
// kind of every artifact of an old kind (artifacts are shared by every course). Returns true when anything changed.
// Pure and idempotent: a second call changes nothing. When an old and a new id (or two old ids) both hold work:
//  - done if either is done (done_at: the latest of the done ones);
//  - one reflection: the text edited last comes first, the other's text follows it under a line naming where it was
//    written, unless it is blank or already part of the kept text (created: the earliest; edited: the latest);
//  - the resume point follows the rename; links move to the current id (a link that is then doubled is dropped).
bool apply_id_aliases(Profile& profile, const Course& course);

}  // namespace gw
