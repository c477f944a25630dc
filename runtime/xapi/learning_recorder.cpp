#include "runtime/xapi/learning_recorder.h"

#include "runtime/artifacts/artifact_rules.h"
#include "runtime/artifacts/account_binding.h"
#include "runtime/course/id_aliases.h"

namespace gw::xapi {

using nlohmann::json;

namespace {

bool is_homework(const Course& course, const std::string& id) {
    for (const Chapter& ch : course.chapters)
        for (const CourseItem& h : ch.homework)
            if (h.id == id) return true;
    return false;
}

// The reader's page id for an artifact (ui/views/sidebar_view.h kArtifactPrefix); runtime cannot include ui.
const std::string kArtifactPrefix = "@artifact:";

}  // namespace

LearningRecorder::LearningRecorder(const Course& course, const LrsSettings& settings, Outbox& outbox,
                                   std::string platform, std::function<void()> appended)
    : course_(&course), settings_(settings), outbox_(outbox), appended_(std::move(appended)) {
    ctx_.platform = std::move(platform);
    ctx_.actor.home_page = settings.account_home_page();
    ctx_.actor.account_name = settings.actor_uuid;
    ctx_.actor.display_name = settings.display_name;
    ctx_.actor.mbox = settings.mbox;
    set_course(course);
}

void LearningRecorder::set_course(const Course& course) {
    // Another course's work is another baseline: its marks were not made now. Within one course, what was seen
    // under a renamed id was seen under the new one (the app moves the work, runtime/course/id_aliases.h).
    if (baseline_ && course.id != ctx_.course.id) {
        baseline_ = false;
        done_.clear();
        shared_text_.clear();
    } else if (baseline_) {
        for (const auto& [from, to] : id_aliases(course).pages) {
            if (auto d = done_.find(from); d != done_.end()) {
                done_.emplace(to, d->second);
                done_.erase(d);
            }
            if (auto t = shared_text_.find(from); t != shared_text_.end()) {
                shared_text_.emplace(to, std::move(t->second));  // a merged text differs, and is sent when left
                shared_text_.erase(t);
            }
            if (page_ == from) page_ = to;
        }
    }
    course_ = &course;
    ctx_.course.id = course.id;
    ctx_.course.title = course.title;
    ctx_.course.content_version = course.version;
    ctx_.course.iri_base = course.xapi_base;
}

void LearningRecorder::keep(const json& statement) {
    std::string error;
    if (!outbox_.append(statement, &error)) {
        problem_ = "a learning record could not be kept: " + error;
        return;
    }
    if (appended_) appended_();
}

Activity LearningRecorder::item_activity(const std::string& id) const {
    if (const Chapter* ch = find_chapter(*course_, id)) return Activity{ActivityType::Chapter, ch->id, ch->title};
    const CourseItem* item = course_->find_item(id);
    return Activity{is_homework(*course_, id) ? ActivityType::Homework : ActivityType::Module, id,
                    item ? item->title : id};
}

const Activity* LearningRecorder::chapter_activity(const std::string& page_id, Activity* storage) const {
    const Chapter* ch = chapter_of(*course_, page_id);
    if (!ch || ch->id == page_id) return nullptr;
    *storage = Activity{ActivityType::Chapter, ch->id, ch->title};
    return storage;
}

void LearningRecorder::record_progress(const std::string& item_id, const Profile& profile, Millis now) {
    const Chapter* ch = chapter_of(*course_, item_id);
    if (!ch) return;
    int total = 0, done = 0;
    for (const auto* list : {&ch->modules, &ch->homework})
        for (const CourseItem& item : *list) {
            ++total;
            done += profile.work(course_->id).is_done(item.id) ? 1 : 0;
        }
    if (total == 0) return;
    // Rounded to nearest, as the course page shows it.
    keep(progressed(ctx_, Activity{ActivityType::Chapter, ch->id, ch->title}, (done * 100 + total / 2) / total, now));
}

void LearningRecorder::record_artifact(const Profile& profile, const Artifact& a, bool created, Millis now) {
    json status = json::object();
    if (const ArtifactKind* kind = course_->find_artifact_kind(a.kind)) {
        const ArtifactStatus s = artifact_status(*kind, a, profile);
        if (!s.label.empty()) status["status"] = s.label;
        if (!s.color.empty()) status["colour"] = s.color;
    }
    status["kind"] = a.kind;
    if (const Account* account = profile.account(a.account)) status["account"] = account->name;
    const std::string title = a.title.empty() ? a.kind : a.title;
    keep(artifact_saved(ctx_, Activity{ActivityType::Artifact, a.id, title}, created, status, nullptr, now));
    artifact_edit_[a.id] = a.edited;
}

void LearningRecorder::leave_page(const Profile& profile, Millis now) {
    if (page_.empty()) return;
    if (page_.rfind(kArtifactPrefix, 0) == 0) {
        const std::string id = page_.substr(kArtifactPrefix.size());
        for (const Artifact& a : profile.artifacts)
            if (a.id == id && artifact_edit_.count(id) && artifact_edit_[id] != a.edited)
                record_artifact(profile, a, false, now);
        return;
    }
    const Reflection* r = profile.work(course_->id).reflection(page_);
    if (!r) return;
    auto [it, fresh] = shared_text_.emplace(page_, std::string());
    if (r->text == it->second) return;
    it->second = r->text;
    if (settings_.sharing != Sharing::ProgressAndWriting || r->text.empty()) return;
    Activity chapter;
    keep(answered(ctx_, item_activity(page_), chapter_activity(page_, &chapter), r->text, now));
}

void LearningRecorder::observe(const Profile& profile, Millis now) {
    const CourseWork& work = profile.work(course_->id);
    if (!baseline_) {
        // What the profile already holds was done before recording began (or was recorded then).
        baseline_ = true;
        page_ = work.resume.page_id;
        page_since_ = now;
        for (const auto& [id, p] : work.progress)
            if (p.done) done_[id] = p.done_at;
        for (const Artifact& a : profile.artifacts) artifact_edit_[a.id] = a.edited;
        for (const auto& [id, r] : work.reflections) shared_text_[id] = r.text;
        return;
    }
    if (work.resume.page_id != page_) {
        leave_page(profile, now);
        page_ = work.resume.page_id;
        page_since_ = now;
        const bool course_page = !page_.empty() && (course_->find_item(page_) || find_chapter(*course_, page_));
        if (course_page) {
            Activity chapter;
            keep(experienced(ctx_, item_activity(page_), chapter_activity(page_, &chapter), now));
        }
    }
    for (const auto& [id, p] : work.progress) {
        if (!p.done || done_.count(id)) continue;
        Activity chapter;
        const Millis spent = id == page_ ? now - page_since_ : 0;
        keep(completed(ctx_, item_activity(id), chapter_activity(id, &chapter), p.done_at, spent));
        done_[id] = p.done_at;
        record_progress(id, profile, now);
    }
    // An undone mark may leave the profile's map altogether, so look from the marks seen.
    for (auto it = done_.begin(); it != done_.end();) {
        if (work.is_done(it->first)) {
            ++it;
            continue;
        }
        const std::string id = it->first;
        keep(uncompleted(ctx_, item_activity(id), it->second, now));
        it = done_.erase(it);
        record_progress(id, profile, now);
    }
    for (const Artifact& a : profile.artifacts)
        if (!artifact_edit_.count(a.id)) record_artifact(profile, a, true, now);
}

void LearningRecorder::flush(const Profile& profile, Millis now) {
    if (!baseline_) return;
    leave_page(profile, now);
    // Artifacts edited elsewhere than their own page (the accounts view, a table) are recorded now too.
    for (const Artifact& a : profile.artifacts)
        if (artifact_edit_.count(a.id) && artifact_edit_[a.id] != a.edited) record_artifact(profile, a, false, now);
}

}  // namespace gw::xapi
