#pragma once
// Turns what the learner does into xAPI statements in the outbox (issue 12), by watching the profile rather than by
// a call in every view: the app hands it the profile once a frame (observe), and it compares with what it saw last.
//   the page read changes         -> experienced (module, homework or chapter page);
//   a done mark set / cleared     -> completed (with the time spent on the page this visit) / voided, then the
//                                    chapter's progressed;
//   an artifact created / edited  -> create at once / update when its page is left or the app closes (not per
//                                    keystroke), its status (label, colour, account, kind) in result.extensions;
//   a reflection or homework note changed -> answered when its page is left or the app closes, and only when the
//                                    learner chose to share their writing.
// The first observe() only takes the baseline: opening the app is not "experienced" again for the page it reopens
// unless that page is shown (page_shown is the one call views make).
#include <functional>
#include <map>
#include <string>

#include "progress/outbox.h"
#include "progress/profile.h"
#include "runtime/course/course.h"
#include "runtime/xapi/lrs_settings.h"
#include "runtime/xapi/statement.h"

namespace gw::xapi {

class LearningRecorder {
public:
    // `course` must outlive the recorder (the app keeps it; a reload calls set_course). `appended` runs after each
    // statement is kept (the app nudges the sender with it).
    LearningRecorder(const Course& course, const LrsSettings& settings, Outbox& outbox, std::string platform,
                     std::function<void()> appended = {});

    void set_course(const Course& course);
    // Compares `profile` with what was seen last and records what changed. Cheap: a few string compares per item.
    void observe(const Profile& profile, Millis now);
    // Records what waits for a page to be left (artifact updates, writing): the app calls it before it closes.
    void flush(const Profile& profile, Millis now);

    // The statements could not be kept (disk full...): the last such problem, "" when none.
    const std::string& problem() const { return problem_; }

private:
    const Course* course_;
    LrsSettings settings_;
    Outbox& outbox_;
    std::function<void()> appended_;
    StatementContext ctx_;
    std::string problem_;

    bool baseline_ = false;
    std::string page_;       // the page being read
    Millis page_since_ = 0;  // when it was opened
    std::map<std::string, Millis> done_;           // item id -> done_at, for the done ones
    std::map<std::string, Millis> artifact_edit_;  // artifact id -> edited time last recorded
    std::map<std::string, std::string> shared_text_;  // item id -> the reflection text last sent (or the baseline)

    void keep(const nlohmann::json& statement);
    Activity item_activity(const std::string& id) const;
    const Activity* chapter_activity(const std::string& page_id, Activity* storage) const;
    void record_progress(const std::string& item_id, const Profile& profile, Millis now);
    void leave_page(const Profile& profile, Millis now);
    void record_artifact(const Profile& profile, const Artifact& a, bool created, Millis now);
};

}  // namespace gw::xapi
