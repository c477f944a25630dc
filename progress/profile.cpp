#include "progress/profile.h"

#include <algorithm>
#include <chrono>
#include <cstdlib>

namespace gw {

Millis now_millis() {
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

bool Profile::is_done(const std::string& id) const {
    auto it = progress.find(id);
    return it != progress.end() && it->second.done;
}

void Profile::set_done(const std::string& id, bool done, Millis when) {
    ItemProgress& p = progress[id];
    p.done = done;
    p.done_at = done ? when : 0;
}

Reflection& Profile::edit_reflection(const std::string& id, const std::string& title, Millis when) {
    Reflection& r = reflections[id];
    if (r.created == 0) r.created = when;
    r.edited = when;
    if (!title.empty()) r.title = title;
    return r;
}

const Reflection* Profile::reflection(const std::string& id) const {
    auto it = reflections.find(id);
    return it == reflections.end() ? nullptr : &it->second;
}

bool Profile::has_writing(const std::string& id) const {
    const Reflection* r = reflection(id);
    if (!r) return false;
    for (char c : r->text)
        if (c != ' ' && c != '\n' && c != '\t' && c != '\r') return true;
    return false;
}

namespace {

// Short ids that stay unique within the profile: "acct-3", "art-12".
template <typename T>
std::string next_id(const std::vector<T>& items, const std::string& prefix, long& last_number) {
    long highest = last_number;
    for (const T& item : items)
        if (item.id.rfind(prefix, 0) == 0) {
            char* end = nullptr;
            long n = std::strtol(item.id.c_str() + prefix.size(), &end, 10);
            if (end && *end == 0) highest = std::max(highest, n);
        }
    last_number = highest + 1;
    return prefix + std::to_string(last_number);
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

void Profile::remove_artifact(const std::string& id) {
    artifacts.erase(std::remove_if(artifacts.begin(), artifacts.end(), [&](const Artifact& a) { return a.id == id; }),
                    artifacts.end());
    links.erase(std::remove_if(links.begin(), links.end(), [&](const Link& l) { return l.artifact == id; }),
                links.end());
}

bool Profile::link(const std::string& artifact, const std::string& item) {
    Link l{artifact, item};
    if (std::find(links.begin(), links.end(), l) != links.end()) return false;
    links.push_back(std::move(l));
    return true;
}

void Profile::unlink(const std::string& artifact, const std::string& item) {
    links.erase(std::remove(links.begin(), links.end(), Link{artifact, item}), links.end());
}

std::vector<const Artifact*> Profile::linked_from(const std::string& item) const {
    std::vector<const Artifact*> out;
    for (const Link& l : links)
        if (l.item == item)
            if (const Artifact* a = artifact(l.artifact)) out.push_back(a);
    return out;
}

std::vector<std::string> Profile::links_to(const std::string& artifact) const {
    std::vector<std::string> out;
    for (const Link& l : links)
        if (l.artifact == artifact) out.push_back(l.item);
    return out;
}

}  // namespace gw
