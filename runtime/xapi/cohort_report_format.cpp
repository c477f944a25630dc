#include "runtime/xapi/cohort_report_format.h"

#include <iterator>

#include "runtime/artifacts/export_escaping.h"

namespace gw::xapi {

namespace {

using nlohmann::json;

const char* const kHeaders[] = {"Learner",          "Modules done",  "Homework done",
                                "Chapter progress", "Last activity", "Health audits"};

std::string progress_text(const LearnerReport& l) {
    if (l.chapter_progress.size() == 1) return std::to_string(l.chapter_progress.begin()->second) + "%";
    std::string out;
    for (const auto& [chapter, percent] : l.chapter_progress)
        out += (out.empty() ? "" : "; ") + chapter + " " + std::to_string(percent) + "%";
    return out;
}

std::string health_text(const LearnerReport& l) {
    std::string out;
    for (const HealthAuditStatus& h : l.health_audits) out += (out.empty() ? "" : "; ") + h.name + ": " + h.colour;
    return out;
}

std::string when_text(Millis t) { return t ? iso8601_utc(t) : ""; }

std::string csv(const CohortReport& report) {
    std::string out = kUtf8Bom;
    for (size_t i = 0; i < std::size(kHeaders); ++i) out += (i ? "," : "") + csv_field(kHeaders[i], CsvValue::Text);
    out += "\r\n";  // RFC 4180 line ends, as the artifact CSV exports write them
    for (const LearnerReport& l : report.learners) {
        out += csv_field(l.name, CsvValue::Text) + ",";
        out += csv_field(std::to_string(l.modules_done.size()), CsvValue::Number) + ",";
        out += csv_field(std::to_string(l.homework_done.size()), CsvValue::Number) + ",";
        out += csv_field(progress_text(l), CsvValue::Text) + ",";
        out += csv_field(when_text(l.last_activity), CsvValue::Text) + ",";
        out += csv_field(health_text(l), CsvValue::Text) + "\r\n";
    }
    return out;
}

std::string markdown(const CohortReport& report) {
    std::string out = "|";
    for (const char* h : kHeaders) out += std::string(" ") + h + " |";
    out += "\n|---|--:|--:|---|---|---|\n";
    auto cell = [](const std::string& text) { return " " + markdown_text(text, MarkdownPlace::TableCell) + " |"; };
    for (const LearnerReport& l : report.learners) {
        out += "|" + cell(l.name) + cell(std::to_string(l.modules_done.size())) +
               cell(std::to_string(l.homework_done.size())) + cell(progress_text(l)) +
               cell(when_text(l.last_activity)) + cell(health_text(l)) + "\n";
    }
    if (report.learners.empty()) out += "\nNo learner has any record in this report.\n";
    return out;
}

std::string json_text(const CohortReport& report) {
    json learners = json::array();
    for (const LearnerReport& l : report.learners) {
        json audits = json::array();
        for (const HealthAuditStatus& h : l.health_audits)
            audits.push_back({{"account", h.name}, {"colour", h.colour}, {"at", when_text(h.when)}});
        learners.push_back({{"learner", l.name},
                            {"key", l.key},
                            {"modules_done", l.modules_done},
                            {"homework_done", l.homework_done},
                            {"chapter_progress", l.chapter_progress},
                            {"last_activity", l.last_activity ? json(iso8601_utc(l.last_activity)) : json()},
                            {"health_audits", audits}});
    }
    // Invalid UTF-8 from a hostile file must not throw: replace it.
    return json{{"learners", learners}, {"problems", report.problems}}.dump(2, ' ', false,
                                                                           json::error_handler_t::replace) +
           "\n";
}

}  // namespace

std::optional<CohortFormat> cohort_format_named(const std::string& name) {
    if (name == "csv") return CohortFormat::Csv;
    if (name == "md") return CohortFormat::Markdown;
    if (name == "json") return CohortFormat::Json;
    return std::nullopt;
}

std::string format_cohort_report(const CohortReport& report, CohortFormat format) {
    switch (format) {
        case CohortFormat::Csv: return csv(report);
        case CohortFormat::Markdown: return markdown(report);
        case CohortFormat::Json: return json_text(report);
    }
    return "";
}

}  // namespace gw::xapi
