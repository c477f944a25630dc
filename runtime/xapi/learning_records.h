#pragma once
// The app's learning-records service (issue 12): one per open profile. It owns the settings, the outbox, the
// background sender and the recorder, so views only ask it for a status line and hand it new settings. Nothing is
// recorded or sent while no LRS is set.
#include <functional>
#include <memory>
#include <string>

#include "progress/outbox.h"
#include "runtime/course/course.h"
#include "runtime/xapi/learning_recorder.h"
#include "runtime/xapi/lrs_settings.h"
#include "runtime/xapi/statement_sender.h"

namespace gw::xapi {

class LearningRecords {
public:
    // Reads <data_dir>/<profile>.lrs.json and, when an LRS is set, opens the outbox and starts sending. `wake` runs
    // on the sender's thread when its status changes (the app wakes its event loop). `course` must outlive this
    // object or be replaced with set_course before it goes.
    // `active` false (a screenshot, a read-only profile) shows the settings but records and sends nothing.
    LearningRecords(std::filesystem::path data_dir, std::string profile, const Course& course, std::string platform,
                    std::function<void()> wake = {}, bool active = true);
    ~LearningRecords();  // stops the sender after its request in flight; the outbox keeps what was not sent

    void set_course(const Course& course);
    // Once a frame: records what changed in the profile (cheap when nothing did).
    void observe(const Profile& profile, Millis now);
    // Before closing: records what waits for a page to be left.
    void flush(const Profile& profile, Millis now);

    const LrsSettings& settings() const { return settings_; }
    bool enabled() const { return settings_.configured(); }
    // Saves new settings and the secret (empty secret = keep the stored one) and restarts sending with them. False
    // with `error` (the settings file, the keyring or the file refused, or the URL is not http(s)).
    bool apply(LrsSettings settings, const std::string& secret, std::string* error);
    // Turns recording and sending off and forgets the LRS and its secret; the outbox stays.
    bool turn_off(std::string* error);

    // "Synced", "3 statements waiting to send", "... the LRS refused the key ...", or "" when no LRS is set.
    std::string status_line() const;
    SenderStatus status() const;
    // A problem to show once (failed statements, a settings file that could not be read, a record not kept);
    // "" when none. Taking it marks failures as seen.
    std::string take_problem();
    const std::string& secret_kept_in() const { return secret_where_; }
    // The LRS with its stored secret, for reading statements back (the cohort page); an empty url when none is set.
    LrsEndpoint endpoint() const;

private:
    std::filesystem::path data_dir_;
    std::string profile_;
    const Course* course_;
    std::string platform_;
    std::function<void()> wake_;
    bool active_ = true;
    LrsSettings settings_;
    std::string settings_problem_;
    std::string secret_where_;
    std::unique_ptr<Outbox> outbox_;
    std::unique_ptr<StatementSender> sender_;
    std::unique_ptr<LearningRecorder> recorder_;

    void start();
    void stop();
};

}  // namespace gw::xapi
