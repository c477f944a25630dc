#include "progress/profile.h"

#include <algorithm>
#include <chrono>
#include <cerrno>
#include <cstdlib>
#include <limits>
#include <set>

namespace gw {

Millis now_millis() {
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

bool CourseWork::empty() const {
    return progress.empty() && reflections.empty() && links.empty() && resume.page_id.empty() && resume.scroll == 0 &&
           !resume.editing;
}

bool CourseWork::is_done(const std::string& id) const {
    auto it = progress.find(id);
    return it != progress.end() && it->second.done;
}

void CourseWork::set_done(const std::string& id, bool done, Millis when) {
    ItemProgress& p = progress[id];
    p.done = done;
    p.done_at = done ? when : 0;
}

Reflection& CourseWork::edit_reflection(const std::string& id, const std::string& title, Millis when) {
    Reflection& r = reflections[id];
    if (r.created == 0) r.created = when;
    r.edited = when;
    if (!title.empty()) r.title = title;
    return r;
}

const Reflection* CourseWork::reflection(const std::string& id) const {
    auto it = reflections.find(id);
    return it == reflections.end() ? nullptr : &it->second;
}

bool CourseWork::has_writing(const std::string& id) const {
    const Reflection* r = reflection(id);
    if (!r) return false;
    for (char c : r->text)
        if (c != ' ' && c != '\n' && c != '\t' && c != '\r') return true;
    return false;
}

bool CourseWork::link(const std::string& artifact, const std::string& item) {
    Link l{artifact, item};
    if (std::find(links.begin(), links.end(), l) != links.end()) return false;
    links.push_back(std::move(l));
    return true;
}

void CourseWork::unlink(const std::string& artifact, const std::string& item) {
    links.erase(std::remove(links.begin(), links.end(), Link{artifact, item}), links.end());
}

std::vector<std::string> CourseWork::links_to(const std::string& artifact) const {
    std::vector<std::string> out;
    for (const Link& l : links)
        if (l.artifact == artifact) out.push_back(l.item);
    return out;
}

const CourseWork& Profile::work(const std::string& course) const {
    static const CourseWork kNone;
    auto it = courses.find(course);
    return it == courses.end() ? kNone : it->second;
}

namespace {

// Short ids that stay unique within the profile: "acct-3", "art-12". Numbers come from a file the learner can
// edit, so one at the top of `long` ("art-9223372036854775807", or last_ids at that value) must not overflow into
// a negative id: ids whose number does not fit are ignored, and at the very top the lowest free number is used.
template <typename T>
std::string next_id(const std::vector<T>& items, const std::string& prefix, long& last_number) {
    auto number_of = [&](const T& item) -> long {  // -1: not an id of this shape, or its number does not fit
        if (item.id.rfind(prefix, 0) != 0) return -1;
        const char* digits = item.id.c_str() + prefix.size();
        char* end = nullptr;
        errno = 0;
        const long n = std::strtol(digits, &end, 10);
        return end != digits && *end == 0 && errno == 0 && n >= 0 ? n : -1;
    };
    long highest = std::max(last_number, 0L);
    for (const T& item : items) highest = std::max(highest, number_of(item));
    if (highest < std::numeric_limits<long>::max()) {
        last_number = highest + 1;
        return prefix + std::to_string(last_number);
    }
    std::set<long> used;
    for (const T& item : items) used.insert(number_of(item));
    long n = 1;
    while (used.count(n)) ++n;
    return prefix + std::to_string(n);
}

template <typename T>
T* find_by_id(std::vector<T>& items, const std::string& id) {
    for (T& item : items)
        if (item.id == id) return &item;
    return nullptr;
}

}  // namespace

Account* Profile::account(const std::string& id) { return find_by_id(accounts, id); }
const Account* Profile::account(const std::string& id) const {
    return find_by_id(const_cast<std::vector<Account>&>(accounts), id);
}

Account& Profile::add_account(const std::string& name, Millis when) {
    Account a;
    a.id = next_id(accounts, "acct-", last_account_number);
    a.name = name;
    a.created = a.edited = when;
    accounts.push_back(std::move(a));
    return accounts.back();
}

std::optional<double> Account::annual() const {
    return has_current_value ? std::optional<double>(current_value) : std::nullopt;
}
std::optional<double> Account::potential() const {
    return has_potential_value ? std::optional<double>(potential_value) : std::nullopt;
}
std::optional<double> Account::gap() const {
    if (!has_current_value || !has_potential_value) return std::nullopt;
    return potential_value - current_value;
}

Artifact* Profile::artifact(const std::string& id) { return find_by_id(artifacts, id); }
const Artifact* Profile::artifact(const std::string& id) const {
    return find_by_id(const_cast<std::vector<Artifact>&>(artifacts), id);
}

Artifact& Profile::add_artifact(const std::string& kind, const std::string& title, const std::string& account,
                                Millis when) {
    Artifact a;
    a.id = next_id(artifacts, "art-", last_artifact_number);
    a.kind = kind;
    a.title = title;
    a.account = account;
    a.created = a.edited = when;
    artifacts.push_back(std::move(a));
    return artifacts.back();
}

void Profile::remove_artifact(const std::string& id_ref) {
    const std::string id = id_ref;  // a copy: remove_if moves artifacts, the caller's may be one of their ids
    artifacts.erase(std::remove_if(artifacts.begin(), artifacts.end(), [&](const Artifact& a) { return a.id == id; }),
                    artifacts.end());
    for (auto& [course, w] : courses)
        w.links.erase(std::remove_if(w.links.begin(), w.links.end(), [&](const Link& l) { return l.artifact == id; }),
                      w.links.end());
}

namespace {

// Moves the artifacts `pick` selects, and every link to them, into `into`.
template <typename Pick>
void move_artifacts(Profile& p, DeletedWork& into, Pick pick) {
    auto keep_end = std::stable_partition(p.artifacts.begin(), p.artifacts.end(), [&](const Artifact& a) { return !pick(a); });
    std::vector<std::string> ids;
    for (auto it = keep_end; it != p.artifacts.end(); ++it) {
        ids.push_back(it->id);
        into.artifacts.push_back(std::move(*it));
    }
    p.artifacts.erase(keep_end, p.artifacts.end());
    auto gone = [&](const Link& l) { return std::find(ids.begin(), ids.end(), l.artifact) != ids.end(); };
    for (auto& [course, w] : p.courses) {
        auto moved = std::stable_partition(w.links.begin(), w.links.end(), [&](const Link& l) { return !gone(l); });
        if (moved == w.links.end()) continue;
        auto& kept = into.links[course];
        kept.insert(kept.end(), moved, w.links.end());
        w.links.erase(moved, w.links.end());
    }
}

}  // namespace

bool Profile::delete_artifact(const std::string& id_ref, Millis when) {
    const std::string id = id_ref;  // a copy: the caller's may live in the artifact that is about to move
    if (!artifact(id)) return false;
    DeletedWork d;
    d.deleted = when;
    move_artifacts(*this, d, [&](const Artifact& a) { return a.id == id; });
    recently_deleted.push_back(std::move(d));
    return true;
}

bool Profile::delete_account(const std::string& id_ref, Millis when) {
    const std::string id = id_ref;  // a copy: the caller's may be the account's own id, moved away below
    auto it = std::find_if(accounts.begin(), accounts.end(), [&](const Account& a) { return a.id == id; });
    if (it == accounts.end()) return false;
    DeletedWork d;
    d.deleted = when;
    d.accounts.push_back(std::move(*it));
    accounts.erase(it);
    move_artifacts(*this, d, [&](const Artifact& a) { return a.account == id; });
    recently_deleted.push_back(std::move(d));
    return true;
}

bool Profile::restore_deleted(std::size_t index) {
    if (index >= recently_deleted.size()) return false;
    DeletedWork d = std::move(recently_deleted[index]);
    recently_deleted.erase(recently_deleted.begin() + std::ptrdiff_t(index));
    // Ids are never handed out twice (last_*_number), so nothing restored can collide; checked all the same so a
    // hand-edited file cannot make two of one id.
    for (Account& a : d.accounts)
        if (!account(a.id)) accounts.push_back(std::move(a));
    for (Artifact& a : d.artifacts)
        if (!artifact(a.id)) artifacts.push_back(std::move(a));
    for (auto& [course, links] : d.links)
        for (const Link& l : links) work_in(course).link(l.artifact, l.item);
    return true;
}

std::size_t Profile::forget_deleted_before(Millis cutoff) {
    const std::size_t before = recently_deleted.size();
    recently_deleted.erase(std::remove_if(recently_deleted.begin(), recently_deleted.end(),
                                          [&](const DeletedWork& d) { return d.deleted < cutoff; }),
                           recently_deleted.end());
    return before - recently_deleted.size();
}

std::vector<const Artifact*> Profile::linked_from(const std::string& course, const std::string& item) const {
    std::vector<const Artifact*> out;
    for (const Link& l : work(course).links)
        if (l.item == item)
            if (const Artifact* a = artifact(l.artifact)) out.push_back(a);
    return out;
}

}  // namespace gw
