#pragma once
// The learner's work while the app runs: the profile in memory, what changed since the last save, and when to
// save next. Views call it; it decides. Saving is "about a second after typing stops", and at once for deliberate
// acts (marking done, leaving a module, losing focus, quitting).
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "progress/profile.h"
#include "progress/profile_store.h"

namespace gw {

class WorkSession {
public:
    static constexpr Millis kAutosaveDelay = 1000;  // after the last keystroke
    static constexpr Millis kJustNow = 60000;       // "Saved · just now" for this long, then "Saved at 14:05"

    explicit WorkSession(std::unique_ptr<ProfileStore> store, std::function<Millis()> clock = now_millis);
    ~WorkSession();  // hands anything unsaved to the store, whose destructor writes it

    OpenReport open();
    const Profile& profile() const { return profile_; }

    // The course being worked on (its id, runtime/course/course.h): done marks, reflections, the resume point and
    // links below are read and written in its CourseWork. Set by the app whenever the course (re)loads; "" until.
    void set_course(const std::string& course_id);
    const std::string& course() const { return course_; }
    const CourseWork& work() const { return profile_.work(course_); }
    // A change to the whole profile (the id-alias migration when a course loads, runtime/course/id_aliases.h):
    // `change` returns whether it changed anything; if so it is saved at once. Returns what `change` returned.
    bool change_profile(const std::function<bool(Profile&)>& change);
    ProfileStore& store() { return *store_; }

    // Item ids are the current course's (see set_course).
    void set_done(const std::string& id, bool done);
    // The editor's text changed. Saved once typing pauses (see tick).
    void write_reflection(const std::string& id, const std::string& title, const std::string& text, size_t cursor);
    // Cursor moves and where the learner is reading change only memory; they ride along with the next save.
    void move_cursor(const std::string& id, size_t cursor);
    void set_resume(const ResumePoint& resume);

    // Accounts and artifacts. Edits to values are saved like typing (after a pause); creating, linking and
    // deleting are deliberate acts and saved at once.
    Account& add_account(const std::string& name);
    void edit_account(const Account& changed);
    // The currency every amount is counted in (an ISO 4217 code); amounts are kept as they are, not converted.
    void set_currency(const std::string& code);
    Artifact& create_artifact(const std::string& kind, const std::string& title, const std::string& account,
                              const nlohmann::json& initial_values, const std::string& link_from_item);
    void set_artifact_value(const std::string& artifact, const std::string& field, const nlohmann::json& value);
    void set_artifact_account(const std::string& artifact, const std::string& account);
    void link(const std::string& artifact, const std::string& item);
    void unlink(const std::string& artifact, const std::string& item);
    // Deletes go to the profile's "Recently deleted" for 30 days (Profile::recently_deleted), from where
    // restore_deleted(index) brings them back with their links; both are saved at once.
    void delete_artifact(const std::string& artifact);
    void delete_account(const std::string& account);  // with its artifacts
    void restore_deleted(std::size_t index);

    void save_now();               // writes if anything changed; returns at once
    void tick();                   // call every frame: saves once typing has paused long enough
    Millis ms_until_next_tick() const;  // how long the UI may sleep before tick or the status line needs it; -1: forever
    bool flush(int timeout_ms = 5000);

    std::string status_text() const;  // "Saved · just now", "Saving…", "Not saved, retrying", "Read-only"
    SaveStatus status() const { return store_->status(); }
    bool has_unsaved_changes() const { return dirty_; }
    // Goes up with every change to the profile: views cache what they compute from it against this.
    std::uint64_t revision() const { return revision_; }
    Millis started_at() const { return started_at_; }  // when this run began: "edited in this run" vs before

private:
    std::unique_ptr<ProfileStore> store_;
    std::function<Millis()> clock_;
    Profile profile_;
    std::string course_;
    bool dirty_ = false;        // edits not yet handed to the store
    bool quiet_dirty_ = false;  // only cursor/resume changed: worth saving, not worth a status change
    Millis last_edit_ = 0;
    std::uint64_t revision_ = 1;
    Millis started_at_ = 0;

    void edited() {  // a change to save after the typing pause
        ++revision_;
        dirty_ = true;
        last_edit_ = clock_();
    }
    void changed_now() {  // a deliberate act: save at once
        ++revision_;
        dirty_ = true;
        save_now();
    }
};

}  // namespace gw
