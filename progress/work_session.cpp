#include "progress/work_session.h"

#include <cmath>
#include <ctime>

namespace gw {

namespace {

// True when no number anywhere in `j` is infinite or NaN (JSON would write them as null).
bool all_finite(const nlohmann::json& j) {
    if (j.is_number_float()) return std::isfinite(j.get<double>());
    if (j.is_structured())
        for (const auto& v : j)
            if (!all_finite(v)) return false;
    return true;
}

}  // namespace

WorkSession::WorkSession(std::unique_ptr<ProfileStore> store, std::function<Millis()> clock)
    : store_(std::move(store)), clock_(std::move(clock)), started_at_(clock_()) {}

WorkSession::~WorkSession() {
    if (dirty_ || quiet_dirty_) store_->save(profile_);
}

OpenReport WorkSession::open() {
    dirty_ = quiet_dirty_ = false;
    ++revision_;
    OpenReport report = store_->open(&profile_);
    // Deletes older than 30 days are forgotten at the next save (a read-only profile is never written).
    if (profile_.forget_deleted_before(clock_() - kDeletedKeptMillis) > 0) quiet_dirty_ = true;
    return report;
}

void WorkSession::set_course(const std::string& course_id) {
    if (course_id == course_) return;
    course_ = course_id;
    ++revision_;  // views cache what they compute from the work shown
}

bool WorkSession::change_profile(const std::function<bool(Profile&)>& change) {
    if (!change(profile_)) return false;
    changed_now();
    return true;
}

void WorkSession::set_done(const std::string& id, bool done) {
    CourseWork& w = profile_.work_in(course_);
    if (w.is_done(id) == done) return;
    w.set_done(id, done, clock_());
    changed_now();
}

void WorkSession::write_reflection(const std::string& id, const std::string& title, const std::string& text,
                                   size_t cursor) {
    const Millis now = clock_();
    Reflection& r = profile_.work_in(course_).edit_reflection(id, title, now);
    r.text = text;
    r.cursor = cursor;
    edited();
}

void WorkSession::move_cursor(const std::string& id, size_t cursor) {
    CourseWork& w = profile_.work_in(course_);
    auto it = w.reflections.find(id);
    if (it == w.reflections.end() || it->second.cursor == cursor) return;
    it->second.cursor = cursor;
    quiet_dirty_ = true;
}

void WorkSession::set_resume(const ResumePoint& resume) {
    const ResumePoint& now = work().resume;
    if (resume.page_id == now.page_id && resume.scroll == now.scroll && resume.editing == now.editing) return;
    profile_.work_in(course_).resume = resume;
    quiet_dirty_ = true;
}

Account& WorkSession::add_account(const std::string& name) {
    Account& a = profile_.add_account(name, clock_());
    a.has_current_value = a.has_potential_value = false;  // nothing typed yet: "—", not $0
    changed_now();
    return a;
}

void WorkSession::edit_account(const Account& changed) {
    Account* a = profile_.account(changed.id);
    if (!a) return;
    // JSON cannot hold infinity: a typed "1e999" would make the saved file unreadable.
    if (!std::isfinite(changed.current_value) || !std::isfinite(changed.potential_value)) return;
    Millis created = a->created;
    *a = changed;
    a->created = created;
    a->edited = clock_();
    edited();
}

void WorkSession::set_currency(const std::string& code) {
    if (code.empty() || code == profile_.currency) return;
    profile_.currency = code;
    changed_now();
}

Artifact& WorkSession::create_artifact(const std::string& kind, const std::string& title, const std::string& account,
                                       const nlohmann::json& initial_values, const std::string& link_from_item) {
    Artifact& a = profile_.add_artifact(kind, title, account, clock_());
    if (initial_values.is_object()) a.values = initial_values;
    if (!link_from_item.empty()) profile_.work_in(course_).link(a.id, link_from_item);
    changed_now();
    return *profile_.artifact(a.id);  // add_artifact may have moved it; look it up again after saving
}

void WorkSession::set_artifact_value(const std::string& artifact, const std::string& field,
                                     const nlohmann::json& value) {
    Artifact* a = profile_.artifact(artifact);
    if (!a || !all_finite(value)) return;
    auto it = a->values.find(field);
    if (it != a->values.end() && *it == value) return;
    a->values[field] = value;
    a->edited = clock_();
    edited();
}

void WorkSession::set_artifact_account(const std::string& artifact, const std::string& account) {
    Artifact* a = profile_.artifact(artifact);
    if (!a || a->account == account) return;
    a->account = account;
    a->edited = clock_();
    changed_now();
}

void WorkSession::link(const std::string& artifact, const std::string& item) {
    if (profile_.work_in(course_).link(artifact, item)) changed_now();
}

void WorkSession::unlink(const std::string& artifact, const std::string& item) {
    profile_.work_in(course_).unlink(artifact, item);
    changed_now();
}

void WorkSession::delete_artifact(const std::string& artifact) {
    if (profile_.delete_artifact(artifact, clock_())) changed_now();
}

void WorkSession::delete_account(const std::string& account) {
    if (profile_.delete_account(account, clock_())) changed_now();
}

void WorkSession::restore_deleted(std::size_t index) {
    if (profile_.restore_deleted(index)) changed_now();
}

void WorkSession::save_now() {
    if (!dirty_ && !quiet_dirty_) return;
    store_->save(profile_);
    dirty_ = quiet_dirty_ = false;
}

void WorkSession::tick() {
    if (dirty_ && clock_() - last_edit_ >= kAutosaveDelay) save_now();
}

Millis WorkSession::ms_until_next_tick() const {
    const Millis now = clock_();
    Millis wait = -1;
    if (dirty_) wait = std::max<Millis>(0, last_edit_ + kAutosaveDelay - now);
    SaveStatus s = store_->status();
    if (s.state == SaveState::Saved && s.last_saved > 0 && now - s.last_saved < kJustNow) {
        Millis relabel = s.last_saved + kJustNow - now;
        wait = wait < 0 ? relabel : std::min(wait, relabel);
    }
    return wait;
}

bool WorkSession::flush(int timeout_ms) {
    save_now();
    return store_->flush(timeout_ms);
}

std::string WorkSession::status_text() const {
    SaveStatus s = store_->status();
    switch (s.state) {
    case SaveState::ReadOnly: return "Read-only";
    case SaveState::Failed: return "Not saved, retrying";
    case SaveState::Pending: return "Saving\xE2\x80\xA6";
    case SaveState::Saved: break;
    }
    if (dirty_) return "Saving\xE2\x80\xA6";
    if (s.last_saved == 0) return "Saved";
    if (clock_() - s.last_saved < kJustNow) return "Saved \xC2\xB7 just now";
    std::time_t t = static_cast<std::time_t>(s.last_saved / 1000);
    std::tm tm{};
    localtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "Saved at %H:%M", &tm);
    return buf;
}

}  // namespace gw
