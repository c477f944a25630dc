#include "progress/profile.h"

#include <chrono>

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

}  // namespace gw
