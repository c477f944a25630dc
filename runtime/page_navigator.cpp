#include "runtime/page_navigator.h"

#include <algorithm>

namespace gw {

void PageNavigator::reset(const Course& course, const std::string& wanted) {
    order_ = page_order(course);
    current_.clear();
    index_ = -1;
    if (!go(wanted) && !order_.empty()) move_to(0);
}

bool PageNavigator::move_to(int i) {
    if (i < 0 || i >= int(order_.size())) return false;
    index_ = i;
    current_ = order_[std::size_t(i)];
    return true;
}

bool PageNavigator::go(const std::string& page_id) {
    auto it = std::find(order_.begin(), order_.end(), page_id);
    return it != order_.end() && move_to(int(it - order_.begin()));
}

bool PageNavigator::next() { return move_to(index_ + 1); }
bool PageNavigator::previous() { return index_ > 0 && move_to(index_ - 1); }
bool PageNavigator::first() { return move_to(0); }
bool PageNavigator::last() { return move_to(int(order_.size()) - 1); }

const std::string* PageNavigator::next_id() const {
    return index_ + 1 < int(order_.size()) ? &order_[std::size_t(index_ + 1)] : nullptr;
}

const std::string* PageNavigator::previous_id() const {
    return index_ > 0 ? &order_[std::size_t(index_ - 1)] : nullptr;
}

}  // namespace gw
