#include "runtime/xapi/cohort_report_files.h"

#include <algorithm>

#include "progress/atomic_file.h"
#include "progress/profile_json.h"
#include "runtime/artifacts/calendar_date.h"
#include "runtime/artifacts/health_dashboard.h"
#include "runtime/course/course_progress.h"
#include "runtime/course/id_aliases.h"

namespace gw::xapi {

namespace {

namespace fs = std::filesystem;

constexpr Millis kMillisPerDay = 86400000;

LearnerReport learner_from_profile(const std::string& name, Profile profile, const Course& course,
                                   const CohortFilter& filter) {
    // The learner's work in this course, read under the ids the course has now (a renamed module still counts).
    apply_id_aliases(profile, course);
    const CourseWork& work = profile.work(course.id);
    LearnerReport l;
    l.key = "file:" + name;
    l.name = name;
    auto in_window = [&](Millis t) { return !filter.since || t >= *filter.since; };
    auto seen = [&](Millis t) {
        if (in_window(t)) l.last_activity = std::max(l.last_activity, t);
    };
    for (const auto& [id, item] : work.progress) {
        if (!item.done || !in_window(item.done_at)) continue;
        const CourseItem* known = course.find_item(id);
        (known && known->kind == ItemKind::Homework ? l.homework_done : l.modules_done).push_back(id);
        seen(item.done_at);
    }
    for (const auto& [id, r] : work.reflections) seen(r.edited);
    for (const Account& a : profile.accounts) seen(a.edited);
    for (const Artifact& a : profile.artifacts) seen(a.edited);
    for (const Chapter& chapter : course.chapters) l.chapter_progress[chapter.id] = chapter_progress(work, chapter).percent();

    // The dashboard's own reading of the audits, so the report says what the learner's dashboard says.
    for (const ArtifactKind& kind : course.artifact_kinds) {
        if (!kind.dashboard) continue;
        const Dashboard d = build_dashboard(profile, kind, today_days(), 1);
        for (const DashboardRow& row : d.rows) {
            if (row.latest.artifact.empty()) continue;
            const std::optional<long> day = parse_date(row.latest_date);
            const Millis when = day ? static_cast<Millis>(*day) * kMillisPerDay : 0;
            if (!in_window(when)) continue;
            l.health_audits.push_back({row.name, row.latest.color, when});
        }
    }
    return l;
}

}  // namespace

CohortReport cohort_from_export_folder(const fs::path& folder, const Course& course, const CohortFilter& filter) {
    CohortReport report;
    std::error_code ec;
    if (!fs::is_directory(folder, ec)) {
        report.problems.push_back(folder.string() + ": " +
                                  (fs::exists(folder, ec) ? "not a folder" : "no such folder"));
        return report;
    }
    std::vector<fs::path> entries;
    fs::directory_iterator it(folder, ec), end;
    if (ec) {
        report.problems.push_back(folder.string() + ": cannot list it (" + ec.message() + ")");
        return report;
    }
    for (; it != end; it.increment(ec)) {
        if (ec) {
            report.problems.push_back(folder.string() + ": listing stopped (" + ec.message() + ")");
            break;
        }
        entries.push_back(it->path());
    }
    std::sort(entries.begin(), entries.end());  // problems in a stable order

    for (const fs::path& path : entries) {
        if (fs::is_directory(path, ec)) {
            report.notes.push_back(path.string() + ": skipped (a folder, not an export file)");
            continue;
        }
        if (path.extension() != ".json") {
            report.notes.push_back(path.string() + ": skipped (not a .json export file)");
            continue;
        }
        const std::uintmax_t size = fs::file_size(path, ec);
        if (!ec && size > kMaxExportFileBytes) {
            report.problems.push_back(path.string() + ": " + std::to_string(size / (1024 * 1024)) +
                                      " MB is too large for an export file (at most 64 MB)");
            continue;
        }
        std::string text, error;
        if (!read_file(path, &text, &error)) {
            report.problems.push_back(error);  // "cannot open <path>: <reason>"
            continue;
        }
        Profile profile;
        const ProfileParse parse = parse_profile(text, &profile);
        if (!parse.ok) {
            report.problems.push_back(path.string() + ": not a groundwork export file (" + parse.error + ")");
            continue;
        }
        report.learners.push_back(learner_from_profile(path.stem().string(), profile, course, filter));
    }
    sort_report(report);
    return report;
}

}  // namespace gw::xapi
