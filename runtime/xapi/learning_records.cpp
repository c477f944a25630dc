#include "runtime/xapi/learning_records.h"

namespace gw::xapi {

LearningRecords::LearningRecords(std::filesystem::path data_dir, std::string profile, const Course& course,
                                 std::string platform, std::function<void()> wake, bool active)
    : data_dir_(std::move(data_dir)), profile_(std::move(profile)), course_(&course), platform_(std::move(platform)),
      wake_(std::move(wake)), active_(active) {
    settings_ = load_lrs_settings(data_dir_, profile_, &settings_problem_);
    if (settings_.configured()) start();
}

LearningRecords::~LearningRecords() { stop(); }

void LearningRecords::start() {
    if (!active_) return;
    std::string error;
    outbox_ = std::make_unique<Outbox>(Outbox::path_for(data_dir_, profile_), &error);
    if (!error.empty()) settings_problem_ = error;
    const std::string secret = lookup_lrs_secret(data_dir_, profile_, settings_.endpoint, &secret_where_);
    sender_ = std::make_unique<StatementSender>(*outbox_, LrsEndpoint{settings_.endpoint, settings_.key, secret, 30000},
                                                wake_);
    StatementSender* sender = sender_.get();
    recorder_ = std::make_unique<LearningRecorder>(*course_, settings_, *outbox_, platform_,
                                                   [sender] { sender->nudge(); });
}

void LearningRecords::stop() {
    recorder_.reset();
    sender_.reset();  // joins the thread before the outbox it reads goes
    outbox_.reset();
}

void LearningRecords::set_course(const Course& course) {
    course_ = &course;
    if (recorder_) recorder_->set_course(course);
}

void LearningRecords::observe(const Profile& profile, Millis now) {
    if (recorder_) recorder_->observe(profile, now);
}

void LearningRecords::flush(const Profile& profile, Millis now) {
    if (recorder_) recorder_->flush(profile, now);
}

bool LearningRecords::apply(LrsSettings settings, const std::string& secret, std::string* error) {
    const std::string problem = endpoint_problem(settings.endpoint);
    if (!problem.empty()) {
        if (error) *error = problem;
        return false;
    }
    settings.actor_uuid = settings_.actor_uuid;  // who the learner is to the LRS never changes
    const std::string old_secret = lookup_lrs_secret(data_dir_, profile_, settings_.endpoint, nullptr);
    if (!save_lrs_settings(data_dir_, profile_, settings, error)) return false;
    const std::string kept = secret.empty() ? old_secret : secret;
    if (!kept.empty() && !store_lrs_secret(data_dir_, profile_, settings.endpoint, kept, &secret_where_, error))
        return false;
    stop();
    settings_ = settings;
    settings_problem_.clear();
    start();
    return true;
}

bool LearningRecords::turn_off(std::string* error) {
    stop();
    settings_ = LrsSettings{};
    return forget_lrs_settings(data_dir_, profile_, error);
}

LrsEndpoint LearningRecords::endpoint() const {
    if (!settings_.configured()) return {};
    return LrsEndpoint{settings_.endpoint, settings_.key,
                       lookup_lrs_secret(data_dir_, profile_, settings_.endpoint, nullptr), 30000};
}

SenderStatus LearningRecords::status() const {
    if (!sender_) return SenderStatus{SenderState::Stopped, {}, {}};
    return sender_->status();
}

std::string LearningRecords::status_line() const {
    if (!sender_) return {};
    return describe(sender_->status());
}

std::string LearningRecords::take_problem() {
    std::string p;
    std::swap(p, settings_problem_);
    if (!p.empty()) return p;
    if (recorder_ && !recorder_->problem().empty()) return recorder_->problem();
    if (outbox_) {
        const OutboxCounts c = outbox_->counts();
        if (c.failed_unseen > 0) {
            outbox_->mark_failures_seen();
            return std::to_string(c.failed_unseen) +
                   (c.failed_unseen == 1 ? " learning record was" : " learning records were") +
                   " refused by the LRS and kept in " + outbox_->failed_file().string() +
                   ". Your trainer's LRS administrator can say why.";
        }
    }
    return {};
}

}  // namespace gw::xapi
