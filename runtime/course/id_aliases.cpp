#include "runtime/course/id_aliases.h"

#include <algorithm>
#include <set>

#include "runtime/course/course_progress.h"

namespace gw {

namespace {

bool blank_text(const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; }

// alias -> owner, leaving out aliases that are live ids or claimed by two owners.
void add_safe(std::map<std::string, std::string>& out, std::set<std::string>& ambiguous,
              const std::set<std::string>& live, const std::vector<std::string>& aliases, const std::string& owner) {
    for (const std::string& a : aliases) {
        if (live.count(a) || ambiguous.count(a)) continue;
        auto [it, fresh] = out.emplace(a, owner);
        if (!fresh && it->second != owner) {
            ambiguous.insert(a);
            out.erase(it);
        }
    }
}

void merge_progress(CourseWork& w, const std::string& from, const std::string& to) {
    auto old = w.progress.find(from);
    if (old == w.progress.end()) return;
    const ItemProgress moved = old->second;
    w.progress.erase(old);
    auto [it, fresh] = w.progress.emplace(to, moved);
    if (fresh) return;
    ItemProgress& kept = it->second;
    if (moved.done && (!kept.done || moved.done_at > kept.done_at)) kept.done_at = moved.done_at;
    kept.done = kept.done || moved.done;
}

void merge_reflection(CourseWork& w, const std::string& from, const std::string& to) {
    auto old = w.reflections.find(from);
    if (old == w.reflections.end()) return;
    Reflection moved = std::move(old->second);
    w.reflections.erase(old);
    auto [it, fresh] = w.reflections.emplace(to, moved);
    if (fresh) return;
    Reflection& current = it->second;
    // The text edited last leads (on a tie, the one already under the current id); the other follows it.
    const bool moved_is_newer = moved.edited > current.edited;
    Reflection first = moved_is_newer ? moved : current;
    const Reflection& second = moved_is_newer ? current : moved;
    const std::string& second_id = moved_is_newer ? to : from;
    // Dropped only when it says exactly what the first says, or was appended before: a text that merely occurs
    // inside the other ("Yes" in "Yesterday I called...") is the learner's and is kept.
    auto trimmed = [](const std::string& t) {
        const std::size_t b = t.find_first_not_of(" \t\r\n"), e = t.find_last_not_of(" \t\r\n");
        return b == std::string::npos ? std::string() : t.substr(b, e - b + 1);
    };
    const std::string where = second.title.empty() ? second_id : second.title + " (" + second_id + ")";
    const std::string appended = "\n\n\xE2\x80\x94 Also written under " + where + ":\n\n" + second.text;
    if (!blank_text(second.text) && trimmed(first.text) != trimmed(second.text) &&
        first.text.find(appended) == std::string::npos) {
        if (blank_text(first.text))
            first.text = second.text;
        else
            first.text += appended;
    }
    if (first.cursor > first.text.size()) first.cursor = first.text.size();
    auto earliest = [](Millis a, Millis b) { return a == 0 ? b : b == 0 ? a : std::min(a, b); };
    first.created = earliest(current.created, moved.created);
    first.edited = std::max(current.edited, moved.edited);
    if (first.title.empty()) first.title = second.title;
    current = std::move(first);
}

bool rename_page(CourseWork& w, const std::string& from, const std::string& to) {
    bool changed = false;
    if (w.progress.count(from)) {
        merge_progress(w, from, to);
        changed = true;
    }
    if (w.reflections.count(from)) {
        merge_reflection(w, from, to);
        changed = true;
    }
    if (w.resume.page_id == from) {
        w.resume.page_id = to;
        changed = true;
    }
    bool relinked = false;
    for (Link& l : w.links)
        if (l.item == from) {
            l.item = to;
            relinked = true;
        }
    if (relinked) {  // two links from the old and the new id to one artifact are now one
        std::vector<Link> unique;
        for (Link& l : w.links)
            if (std::find(unique.begin(), unique.end(), l) == unique.end()) unique.push_back(std::move(l));
        w.links = std::move(unique);
        changed = true;
    }
    return changed;
}

}  // namespace

IdAliases id_aliases(const Course& course) {
    IdAliases out;
    std::set<std::string> live_pages, live_kinds, ambiguous_pages, ambiguous_kinds;
    live_pages.insert(course.id);
    for (const Chapter& ch : course.chapters) {
        live_pages.insert(ch.id);
        for (const auto* list : {&ch.modules, &ch.homework})
            for (const CourseItem& item : *list) live_pages.insert(item.id);
    }
    for (const ArtifactKind& k : course.artifact_kinds) live_kinds.insert(k.id);
    for (const Chapter& ch : course.chapters) {
        add_safe(out.pages, ambiguous_pages, live_pages, ch.aliases, ch.id);
        for (const auto* list : {&ch.modules, &ch.homework})
            for (const CourseItem& item : *list) add_safe(out.pages, ambiguous_pages, live_pages, item.aliases, item.id);
    }
    for (const ArtifactKind& k : course.artifact_kinds)
        add_safe(out.kinds, ambiguous_kinds, live_kinds, k.aliases, k.id);
    return out;
}

std::string current_page_id(const Course& course, const std::string& id) {
    if (course.find_item(id) || find_chapter(course, id)) return id;
    const IdAliases aliases = id_aliases(course);
    auto it = aliases.pages.find(id);
    return it == aliases.pages.end() ? id : it->second;
}

bool apply_id_aliases(Profile& profile, const Course& course) {
    const IdAliases aliases = id_aliases(course);
    if (aliases.empty()) return false;
    bool changed = false;
    auto work = profile.courses.find(course.id);
    if (work != profile.courses.end())
        for (const auto& [from, to] : aliases.pages) changed |= rename_page(work->second, from, to);
    for (Artifact& a : profile.artifacts) {
        auto it = aliases.kinds.find(a.kind);
        if (it == aliases.kinds.end()) continue;
        a.kind = it->second;
        changed = true;
    }
    return changed;
}

}  // namespace gw
