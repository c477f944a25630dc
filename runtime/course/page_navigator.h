#pragma once
// Which page is open and how to move between pages. Pure model: views ask it and tell it, tests drive it.
#include <string>
#include <vector>

#include "runtime/course/course.h"

namespace gw {

class PageNavigator {
public:
    // Opens `wanted` in a freshly loaded course. When that id is gone, the page loaded from `wanted_file` (a path
    // relative to the course root, as CourseItem::file): a module whose front matter broke while it was open loses
    // its id, and comes back under it once fixed, but it is the same file, and the reader stays on it. Then the
    // overview of `wanted_chapter`, then the first page.
    void reset(const Course& course, const std::string& wanted, const std::string& wanted_file = "",
               const std::string& wanted_chapter = "");
    // The file the current page was loaded from and its chapter's id ("" on an overview / with no course).
    std::string current_file(const Course& course) const;
    std::string current_chapter(const Course& course) const;
    const std::string& current() const { return current_; }
    bool go(const std::string& page_id);  // false when the page does not exist
    bool next();
    bool previous();
    bool first();
    bool last();
    const std::string* next_id() const;
    const std::string* previous_id() const;
    int index() const { return index_; }
    int count() const { return int(order_.size()); }

private:
    std::vector<std::string> order_;
    std::string current_;
    int index_ = -1;
    bool move_to(int i);
};

// Levenshtein distance between two ids (bytes; ids are ASCII): insertions, deletions and substitutions count 1.
int edit_distance(const std::string& a, const std::string& b);

// The ids among `ids` close to `wanted` (edit distance at most a third of its length, at least 2, or one holding
// the other), nearest first, at most `max`.
std::vector<std::string> near_ids(const std::vector<std::string>& ids, const std::string& wanted, std::size_t max = 5);

// For --module ID: "" when the reader can open `id` first (a page of `course`, my-work, accounts, dashboard,
// artifact:ID (artifacts live in the profile: not checked here), artifact-kind:KIND of a declared kind); else a
// message naming the near matches. A course with no pages accepts anything: its problems are what the app shows.
std::string start_item_problem(const Course& course, const std::string& id);

}  // namespace gw
