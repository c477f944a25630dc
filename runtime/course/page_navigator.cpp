#include "runtime/course/page_navigator.h"

#include "runtime/course/id_aliases.h"

#include <algorithm>

namespace gw {

void PageNavigator::reset(const Course& course, const std::string& wanted, const std::string& wanted_file,
                          const std::string& wanted_chapter) {
    order_ = page_order(course);
    current_.clear();
    index_ = -1;
    if (go(wanted)) return;
    if (!wanted_file.empty())
        for (const Chapter& ch : course.chapters)
            for (const auto* list : {&ch.modules, &ch.homework})
                for (const CourseItem& item : *list)
                    if (item.file == wanted_file && go(item.id)) return;
    if (!wanted_chapter.empty() && go(wanted_chapter)) return;
    if (!order_.empty()) move_to(0);
}

std::string PageNavigator::current_file(const Course& course) const {
    const CourseItem* item = course.find_item(current_);
    return item ? item->file : std::string();
}

std::string PageNavigator::current_chapter(const Course& course) const {
    const Chapter* ch = chapter_of(course, current_);
    return ch ? ch->id : std::string();
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

int edit_distance(const std::string& a, const std::string& b) {
    std::vector<int> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = int(j);
    for (std::size_t i = 1; i <= a.size(); ++i) {
        int diagonal = row[0];
        row[0] = int(i);
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const int up = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = up;
        }
    }
    return row[b.size()];
}

std::vector<std::string> near_ids(const std::vector<std::string>& ids, const std::string& wanted, std::size_t max) {
    const int limit = std::max(2, int(wanted.size()) / 3);
    std::vector<std::pair<int, std::string>> scored;
    for (const std::string& id : ids) {
        const int d = edit_distance(id, wanted);
        const bool contains = wanted.size() >= 3 && (id.find(wanted) != std::string::npos ||
                                                     wanted.find(id) != std::string::npos);
        if (d <= limit || contains) scored.emplace_back(d, id);
    }
    std::stable_sort(scored.begin(), scored.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
    std::vector<std::string> out;
    for (const auto& [d, id] : scored) {
        if (out.size() == max) break;
        if (std::find(out.begin(), out.end(), id) == out.end()) out.push_back(id);
    }
    return out;
}

std::string start_item_problem(const Course& course, const std::string& id) {
    const std::vector<std::string> pages = page_order(course);
    if (pages.empty()) return "";
    static const std::string kKindPrefix = "artifact-kind:";
    std::vector<std::string> known;
    std::string what;
    if (id.rfind(kKindPrefix, 0) == 0) {
        const std::string kind = id.substr(kKindPrefix.size());
        if (course.find_artifact_kind(kind)) return "";
        for (const ArtifactKind& k : course.artifact_kinds) known.push_back(kKindPrefix + k.id);
        what = "no artifact kind '" + kind + "' is declared in " + course.root + "/artifacts";
    } else {
        if (std::find(pages.begin(), pages.end(), id) != pages.end()) return "";
        if (current_page_id(course, id) != id) return "";  // an old id listed under aliases: opens its page
        static const char* const kOwnPages[] = {"my-work", "accounts", "dashboard", "records", "cohort", "search", "library"};
        for (const char* own : kOwnPages)
            if (id == own) return "";
        if (id.rfind("artifact:", 0) == 0) return "";
        known = pages;
        for (const char* own : kOwnPages) known.push_back(own);
        for (const ArtifactKind& k : course.artifact_kinds) known.push_back(kKindPrefix + k.id);
        what = "no module, homework or chapter has the id '" + id + "' in " + course.root;
    }
    std::string message = "--module " + id + ": " + what;
    const std::vector<std::string> near = near_ids(known, id);
    if (!near.empty()) {
        message += ". Did you mean: ";
        for (std::size_t i = 0; i < near.size(); ++i) message += (i ? ", " : "") + near[i];
        message += "?";
    } else {
        message += ". Its ids are listed by the course's files (id: in each module's front matter)";
        if (!known.empty()) message += ", for example " + known.front();
        message += ".";
    }
    return message;
}

}  // namespace gw
