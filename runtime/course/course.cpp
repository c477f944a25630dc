#include "runtime/course/course.h"

namespace gw {

bool CourseItem::broken() const {
    for (const auto& p : problems)
        if (p.severity == Severity::Error) return true;
    return false;
}

const Block* CourseItem::reflection_prompt() const {
    for (const auto& b : blocks)
        if (b.kind == BlockKind::Callout && b.callout == CalloutKind::Reflection) return &b;
    return nullptr;
}

const Category* Chapter::category(const std::string& id) const {
    for (const auto& c : categories)
        if (c.id == id) return &c;
    return nullptr;
}

int Chapter::total_minutes() const {
    int total = 0;
    for (const auto& m : modules) total += m.minutes;
    return total;
}

const CourseItem* Course::find_item(const std::string& id) const {
    for (const auto& ch : chapters) {
        for (const auto& m : ch.modules)
            if (m.id == id) return &m;
        for (const auto& h : ch.homework)
            if (h.id == id) return &h;
    }
    return nullptr;
}

int Course::module_count() const {
    int n = 0;
    for (const auto& ch : chapters) n += int(ch.modules.size());
    return n;
}

int Course::homework_count() const {
    int n = 0;
    for (const auto& ch : chapters) n += int(ch.homework.size());
    return n;
}

}  // namespace gw

namespace gw {

std::vector<std::string> page_order(const Course& course) {
    std::vector<std::string> order;
    for (const auto& ch : course.chapters) {
        order.push_back(ch.id);
        for (const auto& m : ch.modules) order.push_back(m.id);
        for (const auto& h : ch.homework) order.push_back(h.id);
    }
    return order;
}

const Chapter* find_chapter(const Course& course, const std::string& id) {
    for (const auto& ch : course.chapters)
        if (ch.id == id) return &ch;
    return nullptr;
}

const Chapter* chapter_of(const Course& course, const std::string& page_id) {
    for (const auto& ch : course.chapters) {
        if (ch.id == page_id) return &ch;
        for (const auto& m : ch.modules)
            if (m.id == page_id) return &ch;
        for (const auto& h : ch.homework)
            if (h.id == page_id) return &ch;
    }
    return nullptr;
}

const ArtifactKind* Course::find_artifact_kind(const std::string& id) const {
    for (const ArtifactKind& k : artifact_kinds)
        if (k.id == id) return &k;
    return nullptr;
}

}  // namespace gw
