#pragma once
// Which page is open and how to move between pages. Pure model: views ask it and tell it, tests drive it.
#include <string>
#include <vector>

#include "runtime/course.h"

namespace gw {

class PageNavigator {
public:
    void reset(const Course& course, const std::string& wanted);  // falls back to the first page
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

}  // namespace gw
