#include "runtime/artifacts/artifact_export.h"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fstream>
#include <ostream>
#include <set>

#include "progress/profile_json.h"
#include "runtime/artifacts/account_binding.h"
#include "runtime/artifacts/artifact_rules.h"
#include "runtime/artifacts/export_escaping.h"
#include "runtime/artifacts/money.h"

namespace gw {

std::string export_local_date(Millis ms) {
    const std::time_t t = static_cast<std::time_t>(ms / 1000);
    std::tm tm{};
    localtime_r(&t, &tm);
    char buf[16];
    std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
    return buf;
}

bool export_blank(const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; }

namespace {

using nlohmann::json;
namespace fs = std::filesystem;

const char* const kEmpty = "\xE2\x80\x94";  // "—": an empty field, so a reader knows it was not forgotten

// Where a value is going: its own section, a Markdown table cell, or a CSV cell.
enum class Place { Block, MarkdownCell, Csv };

// ---- numbers ------------------------------------------------------------------------------------------------

// The shortest text that reads back as the same double: 10, 2.5, 0.1, 1e+20.
std::string plain_number(double v) {
    if (!std::isfinite(v)) return "";
    if (v == std::round(v) && std::fabs(v) < 1e15) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.0f", v);
        return std::string(buf) == "-0" ? "0" : buf;
    }
    char buf[40];
    for (int precision = 1; precision <= 17; ++precision) {
        std::snprintf(buf, sizeof buf, "%.*g", precision, v);
        if (std::strtod(buf, nullptr) == v) break;
    }
    return buf;
}

// Whole amounts without decimals, anything else to the cent: "1250000", "1480000.50".
std::string money_number(double v) {
    if (!std::isfinite(v)) return "";
    if (v == std::round(v) && std::fabs(v) < 1e15) return plain_number(v);
    char buf[48];
    std::snprintf(buf, sizeof buf, "%.2f", v);
    return buf;
}

// ---- text ---------------------------------------------------------------------------------------------------

bool blank(const std::string& s) { return export_blank(s); }
std::string local_date(Millis ms) { return export_local_date(ms); }

// ---- values -------------------------------------------------------------------------------------------------

const json* find_value(const json& object, const std::string& key) {
    if (!object.is_object()) return nullptr;
    auto it = object.find(key);
    return it == object.end() || it->is_null() ? nullptr : &*it;
}

// A value rendered for export. `number`: the app formatted it from a number it stored, so a CSV keeps it a number.
// `markdown`: already Markdown (a checklist or table in its own section), not plain text to escape.
struct Rendered {
    std::string text;
    bool number = false;
    bool markdown = false;
};

Rendered text(std::string s) { return {std::move(s)}; }
Rendered number(std::string s) { return {std::move(s), true}; }

// A value whose type the declaration does not expect (the field changed kind since): shown as it is.
Rendered generic(const json& v) {
    if (v.is_null()) return {};
    if (v.is_string()) return text(v.get<std::string>());
    if (v.is_boolean()) return text(v.get<bool>() ? "Yes" : "No");
    if (v.is_number()) return number(plain_number(v.get<double>()));
    return text(v.dump());
}

std::string account_name(const Profile& profile, const std::string& id) {
    if (const Account* a = profile.account(id)) return a->name.empty() ? id : a->name;
    return id;
}

std::string render_table(const Field& table, const json& rows, const Profile& profile);

std::string rows_text(size_t n) { return std::to_string(n) + (n == 1 ? " row" : " rows"); }

// One value, "" when there is nothing to show: plain text (escaped by the caller for its place), except a
// checklist or table in its own section, which comes back as Markdown with each piece of text escaped.
Rendered render_value(const Field& field, const json* value, const Profile& profile, Place place) {
    const bool csv = place == Place::Csv;
    switch (field.kind) {
    case FieldKind::Checklist: {
        // A checklist reads as a list even when nothing is ticked yet.
        if (value && !value->is_object()) return generic(*value);
        const json empty = json::object();
        const json& ticks = value && value->is_object() ? *value : empty;
        auto ticked = [&](const std::string& id) {
            auto it = ticks.find(id);
            return it != ticks.end() && it->is_boolean() && it->get<bool>();
        };
        std::vector<std::pair<std::string, bool>> lines;  // label, ticked
        std::set<std::string> declared;
        for (const ChoiceOption& item : field.items) {
            declared.insert(item.id);
            lines.emplace_back(item.label.empty() ? item.id : item.label, ticked(item.id));
        }
        for (auto it = ticks.begin(); it != ticks.end(); ++it)  // items the declaration has since dropped
            if (!declared.count(it.key())) lines.emplace_back(it.key(), ticked(it.key()));
        Rendered out;
        if (place == Place::Block) {
            out.markdown = true;
            for (const auto& [label, on] : lines)
                out.text += std::string(out.text.empty() ? "" : "\n") + (on ? "- [x] " : "- [ ] ") +
                            markdown_text(label, MarkdownPlace::Line);
        } else {  // in a cell: the ticked ones
            for (const auto& [label, on] : lines)
                if (on) out.text += (out.text.empty() ? "" : "; ") + label;
        }
        return out;
    }
    case FieldKind::Table:
        if (!value) return {};
        if (!value->is_array()) return generic(*value);
        if (place != Place::Block) return text(value->empty() ? "" : rows_text(value->size()));
        return {render_table(field, *value, profile), false, true};
    default: break;
    }
    if (!value) return {};
    switch (field.kind) {
    case FieldKind::Text:
    case FieldKind::LongText:
    case FieldKind::Date:
        if (!value->is_string()) return generic(*value);
        return text(blank(value->get<std::string>()) ? "" : value->get<std::string>());
    case FieldKind::Number: {
        if (!value->is_number()) return generic(*value);
        const std::string n = plain_number(value->get<double>());
        if (csv || n.empty() || field.unit.empty()) return number(n);
        return number(n + (field.unit == "%" ? "" : " ") + field.unit);
    }
    case FieldKind::Money: {
        if (!value->is_number()) return generic(*value);
        if (csv) return number(money_number(value->get<double>()));
        // Grouped as the learner's currency writes it; the symbol is left to the reader (goldens, CRM pastes).
        Currency grouping = currency_for(profile.currency);
        grouping.symbol.clear();
        grouping.symbol_after = false;
        return number(format_money(value->get<double>(), grouping));
    }
    case FieldKind::Choice: {
        if (!value->is_string()) return generic(*value);
        const std::string id = value->get<std::string>();
        if (const ChoiceOption* o = field.option(id)) return text(o->label.empty() ? id : o->label);
        return text(id);  // an option the declaration no longer has
    }
    case FieldKind::Rating: {
        if (!value->is_number()) return generic(*value);
        const long n = std::lround(value->get<double>());
        return number(n <= 0 ? "" : std::to_string(n) + " / " + std::to_string(field.max));
    }
    case FieldKind::Check:
        if (!value->is_boolean()) return generic(*value);
        return text(value->get<bool>() ? "Yes" : "No");
    case FieldKind::Account:
        if (!value->is_string()) return generic(*value);
        return text(value->get<std::string>().empty() ? "" : account_name(profile, value->get<std::string>()));
    default: return generic(*value);
    }
}

// Declared columns, then any key a row holds that the declaration has since dropped (so no cell is lost).
std::vector<Field> table_columns(const Field& table, const json& rows) {
    std::vector<Field> columns = table.columns;
    std::set<std::string> known;
    for (const Field& c : columns) known.insert(c.id);
    for (const json& row : rows) {
        if (!row.is_object()) continue;
        for (auto it = row.begin(); it != row.end(); ++it)
            if (!it->is_null() && known.insert(it.key()).second) {
                Field extra;
                extra.id = extra.label = it.key();
                columns.push_back(extra);  // Text: shown as saved
            }
    }
    return columns;
}

std::vector<Rendered> row_cells(const std::vector<Field>& columns, const json& row, const Profile& profile, Place place) {
    std::vector<Rendered> cells;
    if (!row.is_object()) {  // not a row the app writes; keep it visible in the first column
        cells.push_back(generic(row));
        cells.resize(columns.size());
        return cells;
    }
    for (const Field& c : columns) cells.push_back(render_value(c, find_value(row, c.id), profile, place));
    return cells;
}

std::string render_table(const Field& table, const json& rows, const Profile& profile) {
    if (rows.empty()) return "";
    const std::vector<Field> columns = table_columns(table, rows);
    if (columns.empty()) return rows_text(rows.size());
    std::string out = "|";
    auto cell = [](const std::string& s) {
        const std::string escaped = markdown_text(s, MarkdownPlace::TableCell);
        return escaped.empty() ? std::string(" |") : " " + escaped + " |";
    };
    for (const Field& c : columns) out += cell(c.label.empty() ? c.id : c.label);
    out += "\n|";
    for (const Field& c : columns)
        out += c.kind == FieldKind::Number || c.kind == FieldKind::Money ? " ---: |" : " --- |";
    for (const json& row : rows) {
        out += "\n|";
        for (const Rendered& r : row_cells(columns, row, profile, Place::MarkdownCell)) out += cell(r.text);
    }
    return out;
}

// A best guess at a field for a saved value whose declaration is gone: enough to render it readably.
Field guess_field(const std::string& id, const std::string& label, const json& value) {
    Field f;
    f.id = id;
    f.label = label;
    if (value.is_number()) f.kind = FieldKind::Number;
    else if (value.is_boolean()) f.kind = FieldKind::Check;
    else if (value.is_string()) f.kind = value.get<std::string>().find('\n') != std::string::npos ? FieldKind::LongText : FieldKind::Text;
    else if (value.is_object()) {
        bool all_bools = true;
        for (const json& v : value) all_bools &= v.is_boolean();
        if (all_bools) f.kind = FieldKind::Checklist;  // items are added from the saved keys when rendered
    } else if (value.is_array() && std::any_of(value.begin(), value.end(), [](const json& r) { return r.is_object(); })) {
        f.kind = FieldKind::Table;  // any other array is shown as saved
        for (const json& row : value) {
            if (!row.is_object()) continue;
            for (auto it = row.begin(); it != row.end(); ++it)
                if (!f.column(it.key()) && !it->is_null()) f.columns.push_back(guess_field(it.key(), it.key(), *it));
        }
    }
    return f;
}

// ---- the document -------------------------------------------------------------------------------------------

std::string item_title(const Course& course, const Profile& profile, const std::string& id) {
    if (const CourseItem* item = course.find_item(id))
        return std::string(item->kind == ItemKind::Module ? "Module " : "Homework ") + std::to_string(item->number) +
               ": " + item->title;
    const Reflection* r = profile.work(course.id).reflection(id);
    return (r && !r->title.empty() ? r->title : id) + " (no longer in the course)";
}

// The owner as Markdown for the title line.
std::string account_heading(const Artifact& artifact, const Profile& profile) {
    if (artifact.account.empty()) return "Portfolio";
    if (const Account* a = profile.account(artifact.account))
        return markdown_text(a->name.empty() ? a->id : a->name, MarkdownPlace::Line);
    return markdown_text(artifact.account, MarkdownPlace::Line) + " (account no longer in your list)";
}

// Labels and messages come from the declaration (a course file): text like any other, escaped.
// `values`: the artifact's, read through its account fields (account_binding.h).
std::string rules_section(const ArtifactKind& kind, const json& values) {
    const std::vector<RuleResult> results = evaluate_rules(kind, values);
    if (results.empty()) return "";
    const ArtifactStatus status = artifact_status(kind, values);
    auto md = [](const std::string& s) { return markdown_text(s, MarkdownPlace::Line); };
    std::string out;
    if (!status.label.empty()) {
        out += "**Status:** " + md(status.label);
        if (!status.color.empty()) out += " (" + md(status.color) + ")";
        for (const RuleResult& r : results)
            if (!r.due_date.empty()) out += " \xC2\xB7 follow-up due " + md(r.due_date);
        out += "\n\n";
    }
    for (const RuleResult& r : results) {
        const std::string label = md(r.rule->label.empty() ? "Rule" : r.rule->label);
        if (!r.applies) {
            out += "- " + label + ": " + (r.rule->kind == RuleKind::Count ? md(r.label) : "nothing entered yet") + "\n";
            continue;
        }
        out += std::string("- ") + (r.met ? "" : "Warning \xC2\xB7 ") + label + ": " + md(r.label);
        if (!r.detail.empty() && r.detail != r.label) out += " \xE2\x80\x94 " + md(r.detail);
        out += "\n";
    }
    return out;
}

// "## Label" and the value under it; the learner's own line breaks survive as hard breaks (markdown_text).
void section(std::string& out, const Field& field, const json* value, const Profile& profile, const std::string& suffix) {
    const Rendered r = render_value(field, value, profile, Place::Block);
    std::string body = r.markdown ? r.text : markdown_text(r.text, MarkdownPlace::Block);
    while (!body.empty() && (body.back() == '\n' || body.back() == ' ' || body.back() == '\t')) body.pop_back();
    out += "\n## " + markdown_text(field.label.empty() ? field.id : field.label, MarkdownPlace::Line) + suffix + "\n\n" +
           (body.empty() ? kEmpty : body) + "\n";
}

// ---- files --------------------------------------------------------------------------------------------------

bool write_text(const fs::path& file, const std::string& text, std::string* error) {
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    if (out) out.write(text.data(), static_cast<std::streamsize>(text.size()));
    if (out) out.close();
    if (!out) {
        *error = "cannot write " + file.string() + ": " + std::strerror(errno ? errno : EIO);
        return false;
    }
    return true;
}

// The declared table fields, or for a removed kind the saved values that look like tables.
std::vector<Field> table_fields(const ArtifactKind* kind, const Artifact& artifact) {
    std::vector<Field> out;
    if (kind) {
        for (const Field& f : kind->fields)
            if (f.kind == FieldKind::Table) out.push_back(f);
        return out;
    }
    if (!artifact.values.is_object()) return out;
    for (auto it = artifact.values.begin(); it != artifact.values.end(); ++it)
        if (Field f = guess_field(it.key(), it.key(), *it); f.kind == FieldKind::Table) out.push_back(f);
    return out;
}

}  // namespace

std::string artifact_markdown(const ArtifactKind* kind, const Artifact& artifact, const Profile& profile,
                              const Course& course) {
    const std::string title = kind ? kind->title : (artifact.title.empty() ? artifact.kind : artifact.title);
    std::string out = "# " + markdown_text(title, MarkdownPlace::Line) + " \xE2\x80\x94 " + account_heading(artifact, profile) + "\n";

    std::vector<std::string> facts;
    if (artifact.created > 0) facts.push_back("Created " + local_date(artifact.created));
    if (artifact.edited > 0) facts.push_back(std::string(facts.empty() ? "Edited " : "edited ") + local_date(artifact.edited));
    std::string linked;
    for (const std::string& item : profile.work(course.id).links_to(artifact.id))
        linked += (linked.empty() ? "" : "; ") + markdown_text(item_title(course, profile, item), MarkdownPlace::Line);
    if (!linked.empty()) facts.push_back(std::string(facts.empty() ? "Linked from " : "linked from ") + linked);
    if (!facts.empty()) {
        out += "\n";
        for (size_t i = 0; i < facts.size(); ++i) out += (i ? " \xC2\xB7 " : "") + facts[i];
        out += "\n";
    }

    const json empty = json::object();
    json through_account;  // money fields bound to the account show the account's amounts (account_binding.h)
    const json& read = kind ? values_with_account(*kind, artifact, profile, through_account) : artifact.values;
    const json& values = read.is_object() ? read : empty;
    std::set<std::string> shown;
    if (kind) {
        const std::string rules = rules_section(*kind, values);
        if (!rules.empty()) out += "\n" + rules;
        for (const Field& f : kind->fields) {
            section(out, f, find_value(values, f.id), profile, "");
            shown.insert(f.id);
        }
    } else {
        out += "\n_The course no longer declares this kind of artifact (\"" + markdown_text(artifact.kind, MarkdownPlace::Line) +
               "\"); its saved values follow under their field names._\n";
    }
    for (auto it = values.begin(); it != values.end(); ++it) {
        if (shown.count(it.key())) continue;
        const Field guessed = guess_field(it.key(), it.key(), *it);
        section(out, guessed, it->is_null() ? nullptr : &*it, profile, kind ? " (no longer in the course)" : "");
    }
    return out;
}

std::string table_csv(const Field& table, const json& rows, const Profile& profile) {
    static const json no_rows = json::array();
    const json& list = rows.is_array() ? rows : no_rows;
    const std::vector<Field> columns = table_columns(table, list);
    std::string out = kUtf8Bom;
    for (size_t i = 0; i < columns.size(); ++i)
        out += (i ? "," : "") + csv_field(columns[i].label.empty() ? columns[i].id : columns[i].label, CsvValue::Text);
    out += "\r\n";
    for (const json& row : list) {
        const std::vector<Rendered> cells = row_cells(columns, row, profile, Place::Csv);
        for (size_t i = 0; i < cells.size(); ++i)
            out += (i ? "," : "") + csv_field(cells[i].text, cells[i].number ? CsvValue::Number : CsvValue::Text);
        out += "\r\n";
    }
    return out;
}

namespace {

const char* const kTierNames[] = {"", "1 Strategic", "2 Growth", "3 Maintain"};

std::string tier_name(int tier) { return tier >= 1 && tier <= 3 ? kTierNames[tier] : ""; }

}  // namespace

std::string accounts_csv(const Profile& profile) {
    std::string out = kUtf8Bom;
    out += "Account,Annual value,Potential,Gap,Tier,Notes,Currency\r\n";
    const std::string currency = csv_field(profile.currency, CsvValue::Text);
    auto amount = [](const std::optional<double>& v) {
        return csv_field(v ? money_number(*v) : std::string(), CsvValue::Number);
    };
    for (const Account& a : profile.accounts) {
        out += csv_field(a.name.empty() ? a.id : a.name, CsvValue::Text) + "," + amount(a.annual()) + "," +
               amount(a.potential()) + "," + amount(a.gap()) + "," + csv_field(tier_name(a.tier), CsvValue::Text) + "," +
               csv_field(a.notes, CsvValue::Text) + "," + currency + "\r\n";
    }
    return out;
}

std::string work_markdown(const Profile& profile, const Course& course) {
    const Currency& c = currency_for(profile.currency);
    const CourseWork& work = profile.work(course.id);
    auto cell = [](const std::string& s) {
        const std::string escaped = markdown_text(s, MarkdownPlace::TableCell);
        return escaped.empty() ? std::string(" |") : " " + escaped + " |";
    };
    std::string out = "# My work \xE2\x80\x94 " + markdown_text(course.title.empty() ? "Groundwork" : course.title, MarkdownPlace::Line) + "\n";
    out += "\n## Accounts\n\n";
    if (profile.accounts.empty()) {
        out += kEmpty + std::string("\n");
    } else {
        out += "Amounts in " + markdown_text(c.code, MarkdownPlace::Line) + ".\n\n";
        out += "| Account | Annual value | Potential | Gap | Tier | Notes |\n| --- | ---: | ---: | ---: | --- | --- |\n";
        for (const Account& a : profile.accounts) {
            out += "|" + cell(a.name.empty() ? a.id : a.name) + cell(format_money(a.annual(), c)) +
                   cell(format_money(a.potential(), c)) + cell(format_money(a.gap(), c)) + cell(tier_name(a.tier)) +
                   cell(a.notes) + "\n";
        }
    }
    std::set<std::string> shown;
    auto write_item = [&](const std::string& id, const std::string& heading) {
        const Reflection* r = work.reflection(id);
        const bool done = work.is_done(id);
        if ((!r || blank(r->text)) && !done) return;
        shown.insert(id);
        out += "\n## " + markdown_text(heading, MarkdownPlace::Line) + "\n\n";
        if (done) out += "_Done._\n\n";
        std::string body = r && !blank(r->text) ? markdown_text(r->text, MarkdownPlace::Block) : std::string(kEmpty);
        while (!body.empty() && (body.back() == '\n' || body.back() == ' ')) body.pop_back();
        out += body + "\n";
        if (r && r->edited > 0) out += "\n_Last edited " + local_date(r->edited) + "._\n";
    };
    for (const Chapter& chapter : course.chapters) {
        for (const CourseItem& m : chapter.modules) write_item(m.id, item_title(course, profile, m.id));
        for (const CourseItem& h : chapter.homework) write_item(h.id, item_title(course, profile, h.id));
    }
    for (const auto& [id, r] : work.reflections)  // writing for items the course no longer has
        if (!shown.count(id) && !blank(r.text)) write_item(id, item_title(course, profile, id));
    return out;
}

std::string export_slug(const std::string& text) {
    std::string out;
    bool gap = false;
    for (unsigned char c : text) {
        const bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
        if (!keep) {
            gap = true;
            continue;
        }
        if (gap && !out.empty()) out += '-';
        gap = false;
        out += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
        if (out.size() >= kMaxExportSlugBytes) break;
    }
    if (out.size() > kMaxExportSlugBytes) out.resize(kMaxExportSlugBytes);
    while (!out.empty() && out.back() == '-') out.pop_back();
    return out;
}

std::string artifact_file_stem(const Artifact& artifact, const Profile& profile) {
    std::string owner = "portfolio";
    if (!artifact.account.empty()) {
        const Account* a = profile.account(artifact.account);
        owner = export_slug(a ? a->name : "");
        if (owner.empty()) owner = export_slug(artifact.account);  // a name with no ASCII letters, or a lost account
        if (owner.empty()) owner = "account";
    }
    std::string kind = export_slug(artifact.kind), id = export_slug(artifact.id);
    return owner + "-" + (kind.empty() ? "artifact" : kind) + "-" + (id.empty() ? "unnamed" : id);
}

std::string artifact_markdown_name(const Artifact& artifact, const Profile& profile) {
    return artifact_file_stem(artifact, profile) + ".md";
}

std::string artifact_csv_name(const Artifact& artifact, const Profile& profile, const std::string& table_field) {
    const std::string table = export_slug(table_field);
    return artifact_file_stem(artifact, profile) + "-" + (table.empty() ? "table" : table) + ".csv";
}

int export_artifacts(const Profile& profile, const Course& course, const std::string& format, const fs::path& out_dir,
                     std::ostream& log, std::string* error) {
    std::string message;
    auto fail = [&](const std::string& what) {
        if (error) *error = what;
        else log << what << "\n";
        return -1;
    };
    if (format != "md" && format != "csv" && format != "json")
        return fail("unknown export format \"" + format + "\" (expected md, csv or json)");

    std::error_code ec;
    fs::create_directories(out_dir, ec);
    if (ec || !fs::is_directory(out_dir, ec))
        return fail("cannot create the folder " + out_dir.string() + ": " +
                    (ec ? ec.message() : std::string("a file of that name is in the way")));

    std::set<std::string> used;  // ids are unique, but two may slug alike: keep every file
    auto unique = [&](const std::string& name) {
        const size_t dot = name.rfind('.');
        const std::string stem = name.substr(0, dot), ext = name.substr(dot);
        std::string out = name;
        for (int n = 2; !used.insert(out).second; ++n) out = stem + "-" + std::to_string(n) + ext;
        return out;
    };
    int written = 0;
    auto write = [&](const std::string& name, const std::string& text) {
        const fs::path file = out_dir / name;
        if (!write_text(file, text, &message)) return false;
        log << file.string() << "\n";
        ++written;
        return true;
    };

    if (format == "json") return write("profile.json", serialize_profile(profile)) ? written : fail(message);

    for (const Artifact& artifact : profile.artifacts) {
        const ArtifactKind* kind = course.find_artifact_kind(artifact.kind);
        if (format == "md") {
            if (!write(unique(artifact_markdown_name(artifact, profile)), artifact_markdown(kind, artifact, profile, course))) return fail(message);
            continue;
        }
        for (const Field& table : table_fields(kind, artifact)) {
            static const json no_rows = json::array();
            const json* rows = find_value(artifact.values, table.id);
            const std::string csv = table_csv(table, rows ? *rows : no_rows, profile);
            if (!write(unique(artifact_csv_name(artifact, profile, table.id)), csv)) return fail(message);
        }
    }
    return written;
}

int export_work(const Profile& profile, const Course& course, const std::string& format, const fs::path& out_dir,
                std::ostream& log, std::string* error) {
    if (format != "md" && format != "csv") return 0;  // json already holds everything
    std::error_code ec;
    fs::create_directories(out_dir, ec);
    const bool md = format == "md";
    const fs::path file = out_dir / (md ? kWorkMarkdownName : kAccountsCsvName);
    std::string message;
    if (!write_text(file, md ? work_markdown(profile, course) : accounts_csv(profile), &message)) {
        if (error) *error = message;
        else log << message << "\n";
        return -1;
    }
    log << file.string() << "\n";
    return 1;
}

std::string artifact_display_name(const Artifact& a, const Course& course, const Profile& profile) {
    const ArtifactKind* kind = course.find_artifact_kind(a.kind);
    std::string name = kind ? kind->title : (a.title.empty() ? a.kind : a.title);
    const Account* acc = profile.account(a.account);
    return name + " \xC2\xB7 " + (acc ? acc->name : a.account.empty() ? "Portfolio" : "(deleted account)");
}

}  // namespace gw
