#include "runtime/xapi/cohort_report.h"

#include <algorithm>
#include <cstdlib>
#include <ctime>
#include <unordered_set>

#include "runtime/artifacts/calendar_date.h"

namespace gw::xapi {

namespace {

using nlohmann::json;

const std::string kAdlVerbs = "http://adlnet.gov/expapi/verbs/";

std::string percent_decode(const std::string& s) {
    std::string out;
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '%' && i + 2 < s.size() && std::isxdigit(static_cast<unsigned char>(s[i + 1])) &&
            std::isxdigit(static_cast<unsigned char>(s[i + 2]))) {
            out += static_cast<char>(std::strtol(s.substr(i + 1, 2).c_str(), nullptr, 16));
            i += 2;
        } else {
            out += s[i];
        }
    }
    return out;
}

bool known_kind(const std::string& kind) {
    return kind == "module" || kind == "homework" || kind == "chapter" || kind == "reflection" || kind == "artifact";
}

const std::string* string_at(const json& j, const char* key) {
    if (!j.is_object()) return nullptr;
    auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get_ptr<const std::string*>() : nullptr;
}

// The statement's agent as a key and a name; empty key when it names no inverse functional identifier.
struct Who {
    std::string key, name;
};
Who who(const json& actor) {
    Who w;
    if (!actor.is_object()) return w;
    const json* account = actor.contains("account") ? &actor["account"] : nullptr;
    if (const std::string* mbox = string_at(actor, "mbox")) {
        w.key = "mbox:" + *mbox;
        w.name = mbox->rfind("mailto:", 0) == 0 ? mbox->substr(7) : *mbox;
    } else if (account && string_at(*account, "name") && string_at(*account, "homePage")) {
        w.key = "account:" + *string_at(*account, "homePage") + "|" + *string_at(*account, "name");
        w.name = *string_at(*account, "name");
    } else if (const std::string* sha = string_at(actor, "mbox_sha1sum")) {
        w.key = "mbox_sha1sum:" + *sha;
        w.name = *sha;
    } else if (const std::string* openid = string_at(actor, "openid")) {
        w.key = "openid:" + *openid;
        w.name = *openid;
    }
    if (const std::string* display = string_at(actor, "name"); display && !display->empty()) w.name = *display;
    return w;
}

bool is_verb(const json& s, const char* adl_name) {
    const std::string* id = s.contains("verb") ? string_at(s["verb"], "id") : nullptr;
    return id && *id == kAdlVerbs + adl_name;
}

std::string colour_of(const json& extensions) {
    for (const char* key : {"colour", "color"}) {
        if (const std::string* c = string_at(extensions, (std::string(kExtensionBase) + key).c_str())) return *c;
    }
    return "";
}

// A learner's rows while statements are read; the latest of each thing by timestamp.
struct Building {
    LearnerReport report;
    std::set<std::string> modules, homework;
    std::map<std::string, Millis> progress_at;
    std::map<std::string, HealthAuditStatus> audits;
};

}  // namespace

std::optional<ActivityIriParts> parse_activity_iri(const std::string& iri) {
    const size_t scheme = iri.find("://");
    if (scheme == std::string::npos || iri.find_first_of("?#") != std::string::npos) return std::nullopt;
    std::vector<size_t> slashes;  // slashes of the path, after the authority
    for (size_t i = iri.find('/', scheme + 3); i != std::string::npos; i = iri.find('/', i + 1)) slashes.push_back(i);
    if (slashes.empty() || slashes.back() == iri.size() - 1) return std::nullopt;
    auto segment = [&](size_t k) {  // the k-th path segment from the end, 1 = the last
        const size_t start = slashes[slashes.size() - k] + 1;
        const size_t end = k == 1 ? iri.size() : slashes[slashes.size() - k + 1];
        return iri.substr(start, end - start);
    };
    ActivityIriParts parts;
    if (slashes.size() >= 3 && known_kind(segment(2)) && !segment(3).empty()) {
        parts.base = iri.substr(0, slashes[slashes.size() - 3] + 1);
        parts.course = percent_decode(segment(3));
        parts.kind = segment(2);
        parts.id = percent_decode(segment(1));
        return parts;
    }
    parts.base = iri.substr(0, slashes.back() + 1);
    parts.course = percent_decode(segment(1));
    return parts;
}

std::optional<Millis> parse_timestamp(const std::string& text) {
    if (text.size() < 10) return std::nullopt;
    const std::optional<long> day = parse_date(text.substr(0, 10));
    if (!day) return std::nullopt;
    Millis ms = static_cast<Millis>(*day) * 86400000;
    if (text.size() == 10) return ms;
    size_t i = 10;
    if (text[i] != 'T' && text[i] != 't' && text[i] != ' ') return std::nullopt;
    ++i;
    auto digits = [&](size_t at, size_t n, int max) -> std::optional<int> {
        if (at + n > text.size()) return std::nullopt;
        int v = 0;
        for (size_t k = at; k < at + n; ++k) {
            if (text[k] < '0' || text[k] > '9') return std::nullopt;
            v = v * 10 + (text[k] - '0');
        }
        if (v > max) return std::nullopt;
        return v;
    };
    const auto hh = digits(i, 2, 23);
    if (!hh || i + 2 >= text.size() || text[i + 2] != ':') return std::nullopt;
    const auto mm = digits(i + 3, 2, 59);
    if (!mm) return std::nullopt;
    i += 5;
    int ss = 0;
    if (i < text.size() && text[i] == ':') {
        const auto s = digits(i + 1, 2, 60);  // 60: a leap second, as ISO 8601 allows
        if (!s) return std::nullopt;
        ss = *s;
        i += 3;
    }
    ms += (static_cast<Millis>(*hh) * 3600 + *mm * 60 + ss) * 1000;
    if (i < text.size() && (text[i] == '.' || text[i] == ',')) {
        ++i;
        int scale = 100, frac = 0;
        const size_t start = i;
        for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i) {
            frac += (text[i] - '0') * scale;
            scale /= 10;
        }
        if (i == start) return std::nullopt;
        ms += frac;
    }
    if (i == text.size()) return ms;  // no zone: read as UTC, as LRSs store them
    if ((text[i] == 'Z' || text[i] == 'z') && i + 1 == text.size()) return ms;
    if (text[i] != '+' && text[i] != '-') return std::nullopt;
    const int sign = text[i] == '+' ? 1 : -1;
    const auto oh = digits(i + 1, 2, 23);
    if (!oh) return std::nullopt;
    size_t j = i + 3;
    if (j < text.size() && text[j] == ':') ++j;
    int om = 0;
    if (j < text.size()) {
        const auto m = digits(j, 2, 59);
        if (!m || j + 2 != text.size()) return std::nullopt;
        om = *m;
    } else if (text[j - 1] == ':') {
        return std::nullopt;
    }
    // 07:00+02:00 is 05:00 UTC.
    return ms - sign * (static_cast<Millis>(*oh) * 3600 + om * 60) * 1000;
}

void sort_report(CohortReport& report) {
    for (LearnerReport& l : report.learners) {
        std::sort(l.modules_done.begin(), l.modules_done.end());
        std::sort(l.homework_done.begin(), l.homework_done.end());
        std::sort(l.health_audits.begin(), l.health_audits.end(),
                  [](const HealthAuditStatus& a, const HealthAuditStatus& b) { return a.name < b.name; });
    }
    std::sort(report.learners.begin(), report.learners.end(), [](const LearnerReport& a, const LearnerReport& b) {
        return a.name != b.name ? a.name < b.name : a.key < b.key;
    });
}

CohortReport cohort_from_statements(const std::vector<json>& statements, const CohortFilter& filter) {
    // Voided completions go first: a voiding statement may come before or after the one it voids in a list.
    std::unordered_set<std::string> voided;
    for (const json& s : statements) {
        if (!is_verb(s, "voided") || !s.contains("object")) continue;
        const std::string* type = string_at(s["object"], "objectType");
        const std::string* id = string_at(s["object"], "id");
        if (type && *type == "StatementRef" && id) voided.insert(*id);
    }

    CohortReport report;
    std::map<std::string, Building> learners;
    std::unordered_set<std::string> seen;
    int no_actor = 0, no_time = 0;
    for (const json& s : statements) {
        if (!s.is_object() || is_verb(s, "voided")) continue;
        if (const std::string* id = string_at(s, "id")) {
            if (voided.count(*id) || !seen.insert(*id).second) continue;  // voided, or repeated by paging
        }
        const json* object = s.contains("object") ? &s["object"] : nullptr;
        const std::string* object_id = object ? string_at(*object, "id") : nullptr;
        const std::string* object_type = object ? string_at(*object, "objectType") : nullptr;
        if (!object_id || (object_type && *object_type != "Activity")) continue;
        const std::optional<ActivityIriParts> iri = parse_activity_iri(*object_id);
        if (!iri) continue;
        if (!filter.course_id.empty() && iri->course != filter.course_id) continue;
        if (!filter.iri_base.empty() && iri->base != filter.iri_base) continue;

        const Who w = who(s.contains("actor") ? s["actor"] : json());
        if (w.key.empty()) {
            ++no_actor;
            continue;
        }
        const std::string* stamp = string_at(s, "timestamp");
        if (!stamp) stamp = string_at(s, "stored");
        const std::optional<Millis> when = stamp ? parse_timestamp(*stamp) : std::nullopt;
        if (!when) {
            ++no_time;
            continue;
        }
        if (filter.since && *when < *filter.since) continue;

        Building& b = learners[w.key];
        b.report.key = w.key;
        if (b.report.name.empty() || (s["actor"].contains("name") && *when >= b.report.last_activity))
            b.report.name = w.name;
        b.report.last_activity = std::max(b.report.last_activity, *when);

        const json result = s.contains("result") && s["result"].is_object() ? s["result"] : json::object();
        const json extensions =
            result.contains("extensions") && result["extensions"].is_object() ? result["extensions"] : json::object();
        if (is_verb(s, "completed") && iri->kind == "module") b.modules.insert(iri->id);
        if (is_verb(s, "completed") && iri->kind == "homework") b.homework.insert(iri->id);
        if (is_verb(s, "progressed") && iri->kind == "chapter") {
            auto p = extensions.find(kProgressExtension);
            if (p != extensions.end() && p->is_number()) {
                auto at = b.progress_at.find(iri->id);
                if (at == b.progress_at.end() || *when >= at->second) {
                    const double v = p->get<double>();
                    b.report.chapter_progress[iri->id] = v < 0 ? 0 : v > 100 ? 100 : static_cast<int>(v + 0.5);
                    b.progress_at[iri->id] = *when;
                }
            }
        }
        if (iri->kind == "artifact") {
            const std::string colour = colour_of(extensions);
            const std::string* kind = string_at(extensions, (std::string(kExtensionBase) + "kind").c_str());
            const bool audit = !colour.empty() && (!kind || filter.health_kinds.empty() ||
                                                   filter.health_kinds.count(*kind));
            if (audit) {
                std::string name;
                if (const std::string* account = string_at(extensions, (std::string(kExtensionBase) + "account").c_str()))
                    name = *account;
                if (name.empty() && object->contains("definition") && (*object)["definition"].contains("name")) {
                    const json& names = (*object)["definition"]["name"];
                    if (names.is_object() && !names.empty() && names.begin()->is_string())
                        name = names.begin()->get<std::string>();
                }
                if (name.empty()) name = iri->id;
                auto at = b.audits.find(name);
                if (at == b.audits.end() || *when >= at->second.when) b.audits[name] = {name, colour, *when};
            }
        }
    }

    for (auto& [key, b] : learners) {
        b.report.modules_done.assign(b.modules.begin(), b.modules.end());
        b.report.homework_done.assign(b.homework.begin(), b.homework.end());
        for (auto& [name, audit] : b.audits) b.report.health_audits.push_back(audit);
        report.learners.push_back(std::move(b.report));
    }
    if (no_actor)
        report.notes.push_back(std::to_string(no_actor) +
                                  " statement(s) name no learner (no account, mbox, mbox_sha1sum or openid): left out");
    if (no_time)
        report.notes.push_back(std::to_string(no_time) +
                                  " statement(s) have no readable timestamp or stored time: left out");
    sort_report(report);
    return report;
}

}  // namespace gw::xapi
