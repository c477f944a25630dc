#pragma once
// The learner's work while the app runs: the profile in memory, what changed since the last save, and when to
// save next. Views call it; it decides. Saving is "about a second after typing stops", and at once for deliberate
// acts (marking done, leaving a module, losing focus, quitting).
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
    ProfileStore& store() { return *store_; }

    void set_done(const std::string& id, bool done);
    // The editor's text changed. Saved once typing pauses (see tick).
    void write_reflection(const std::string& id, const std::string& title, const std::string& text, size_t cursor);
    // Cursor moves and where the learner is reading change only memory; they ride along with the next save.
    void move_cursor(const std::string& id, size_t cursor);
    void set_resume(const ResumePoint& resume);

    void save_now();               // writes if anything changed; returns at once
    void tick();                   // call every frame: saves once typing has paused long enough
    Millis ms_until_next_tick() const;  // how long the UI may sleep before tick or the status line needs it; -1: forever
    bool flush(int timeout_ms = 5000);

    std::string status_text() const;  // "Saved · just now", "Saving…", "Not saved, retrying", "Read-only"
    SaveStatus status() const { return store_->status(); }
    bool has_unsaved_changes() const { return dirty_; }

private:
    std::unique_ptr<ProfileStore> store_;
    std::function<Millis()> clock_;
    Profile profile_;
    bool dirty_ = false;        // edits not yet handed to the store
    bool quiet_dirty_ = false;  // only cursor/resume changed: worth saving, not worth a status change
    Millis last_edit_ = 0;
};

}  // namespace gw
