#include "runtime/artifacts/artifact_declarations.h"

#include <algorithm>
#include <cmath>
#include <set>

#include "runtime/markdown/front_matter.h"
#include "runtime/markdown/markdown_parser.h"
#include "runtime/text/source_file.h"

namespace gw {

namespace fs = std::filesystem;

namespace {

const std::vector<std::pair<const char*, FieldKind>> kFieldKinds = {
    {"text", FieldKind::Text},       {"long_text", FieldKind::LongText}, {"number", FieldKind::Number},
    {"money", FieldKind::Money},     {"date", FieldKind::Date},          {"choice", FieldKind::Choice},
    {"rating", FieldKind::Rating},   {"checklist", FieldKind::Checklist}, {"table", FieldKind::Table},
    {"account", FieldKind::Account}, {"check", FieldKind::Check},
};
const std::set<std::string> kColors = {"green", "yellow", "red", "blue", "grey", ""};

std::string known_kinds() {
    std::string s;
    for (const auto& [name, kind] : kFieldKinds) s += (s.empty() ? "" : ", ") + std::string(name);
    return s;
}

// Scalars as JSON: whole numbers and decimals stay numbers, true/false booleans, the rest text.
nlohmann::json scalar_json(const std::string& s) {
    if (s == "true" || s == "false") return s == "true";
    try {
        std::size_t used = 0;
        long long i = std::stoll(s, &used);
        if (used == s.size()) return i;
        double d = std::stod(s, &used);
        if (used == s.size()) return d;
    } catch (const std::exception&) {
    }
    return s;
}

class KindReader {
public:
    KindReader(FrontMatter& fm, ArtifactKind& kind) : fm_(fm), kind_(kind) {}

    void read() {
        YAML::Node fields = fm_.root()["fields"];
        if (!fields.IsDefined() || !fields.IsSequence() || fields.size() == 0) {
            fm_.error(fields.IsDefined() ? fm_.line_of(fields) : fm_.line_of_key("fields"),
                      "'fields' must be a list of fields, each '- id: ... kind: ...'");
        } else {
            std::set<std::string> seen;
            for (const auto& f : fields)
                if (auto field = read_field(f, seen, false)) kind_.fields.push_back(std::move(*field));
        }
        read_scope_and_date();
        check_account_fields();
        YAML::Node rules = fm_.root()["rules"];
        if (rules.IsDefined() && !rules.IsNull()) {
            if (!rules.IsSequence())
                fm_.error(fm_.line_of(rules), "'rules' must be a list, each '- kind: count|sum|rows ...'");
            else
                for (const auto& r : rules)
                    if (auto rule = read_rule(r)) kind_.rules.push_back(std::move(*rule));
        }
        if (kind_.dashboard && std::none_of(kind_.rules.begin(), kind_.rules.end(),
                                            [](const Rule& r) { return r.kind == RuleKind::Count; }))
            fm_.error(fm_.line_of_key("dashboard"), "'dashboard: true' needs a count rule to colour the accounts by");
        if (kind_.dashboard && kind_.date_field.empty())
            fm_.error(fm_.line_of_key("dashboard"), "'dashboard: true' needs a 'date:' field to place audits in time");
    }

private:
    FrontMatter& fm_;
    ArtifactKind& kind_;

    std::string text(const YAML::Node& map, const char* key) {
        YAML::Node n = map[key];
        if (!n.IsDefined() || n.IsNull()) return "";
        if (!n.IsScalar()) {
            fm_.error(fm_.line_of(n), std::string("'") + key + "' must be a single line of text");
            return "";
        }
        return n.Scalar();
    }

    std::optional<double> number(const YAML::Node& map, const char* key) {
        std::string s = text(map, key);
        if (s.empty()) return std::nullopt;
        nlohmann::json j = scalar_json(s);
        if (!j.is_number() || std::fabs(j.get<double>()) > 1e9) {
            fm_.error(fm_.line_of(map[key]), std::string("'") + key + "' must be a number, not '" + s + "'");
            return std::nullopt;
        }
        return j.get<double>();
    }

    void unknown_keys(const YAML::Node& map, const std::set<std::string>& known, const std::string& where) {
        for (auto it = map.begin(); it != map.end(); ++it) {
            std::string k = it->first.IsScalar() ? it->first.Scalar() : "?";
            if (!known.count(k)) fm_.warning(fm_.line_of(it->first), "unknown key '" + k + "' in " + where + " is ignored");
        }
    }

    std::vector<ChoiceOption> read_options(const YAML::Node& field, const char* key, const std::string& field_id) {
        std::vector<ChoiceOption> out;
        YAML::Node list = field[key];
        if (!list.IsDefined() || !list.IsSequence() || list.size() == 0) {
            fm_.error(fm_.line_of(list.IsDefined() ? list : field),
                      "field '" + field_id + "' needs '" + key + "': a list of '- {id: ..., label: ...}'");
            return out;
        }
        std::set<std::string> seen;
        for (const auto& o : list) {
            ChoiceOption opt;
            if (o.IsScalar()) {
                opt.id = opt.label = o.Scalar();
            } else if (o.IsMap()) {
                opt.id = text(o, "id");
                opt.label = text(o, "label");
                opt.color = text(o, "color");
                if (opt.label.empty()) opt.label = opt.id;
                unknown_keys(o, {"id", "label", "color"}, "an option");
            }
            if (!is_valid_id(opt.id)) {
                fm_.error(fm_.line_of(o), "each of '" + field_id + "'s " + key + " needs an id: letters, digits, '-', '_'");
                continue;
            }
            if (!kColors.count(opt.color)) {
                fm_.error(fm_.line_of(o), "colour '" + opt.color + "' is not one of green, yellow, red, blue, grey");
                opt.color.clear();
            }
            if (!seen.insert(opt.id).second) {
                fm_.error(fm_.line_of(o), "duplicate option '" + opt.id + "' in field '" + field_id + "'");
                continue;
            }
            out.push_back(std::move(opt));
        }
        return out;
    }

    std::optional<Field> read_field(const YAML::Node& node, std::set<std::string>& seen, bool in_table) {
        const int line = fm_.line_of(node);
        if (!node.IsMap()) {
            fm_.error(line, "each field must be '- id: ... kind: ...'");
            return std::nullopt;
        }
        Field f;
        f.line = line;
        f.id = text(node, "id");
        if (!is_valid_id(f.id)) {
            fm_.error(line, "a field needs an id: letters, digits, '-', '_' ('" + f.id + "' is not)");
            return std::nullopt;
        }
        if (!seen.insert(f.id).second) {
            fm_.error(line, "duplicate field id '" + f.id + "'");
            return std::nullopt;
        }
        f.label = text(node, "label");
        if (f.label.empty()) f.label = f.id;
        f.help = text(node, "help");
        f.unit = text(node, "unit");
        const std::string kind = text(node, "kind");
        auto k = std::find_if(kFieldKinds.begin(), kFieldKinds.end(), [&](const auto& p) { return kind == p.first; });
        if (k == kFieldKinds.end()) {
            fm_.error(fm_.line_of(node["kind"].IsDefined() ? node["kind"] : node),
                      "field '" + f.id + "': unknown kind '" + kind + "' (known: " + known_kinds() + ")");
            return std::nullopt;
        }
        f.kind = k->second;
        unknown_keys(node, {"id", "label", "help", "kind", "unit", "options", "max", "items", "columns", "rows",
                            "group_by", "timeline", "account_field"},
                     "field '" + f.id + "'");
        switch (f.kind) {
        case FieldKind::Choice: f.options = read_options(node, "options", f.id); break;
        case FieldKind::Checklist: f.items = read_options(node, "items", f.id); break;
        case FieldKind::Rating:
            if (auto m = number(node, "max")) {
                if (*m < 2 || *m > 10) fm_.error(fm_.line_of(node["max"]), "'max' of a rating must be 2 to 10");
                else f.max = static_cast<int>(*m);
            }
            break;
        case FieldKind::Table:
            if (in_table) {
                fm_.error(line, "a table cannot hold another table ('" + f.id + "')");
                return std::nullopt;
            }
            read_table(node, f);
            break;
        default: break;
        }
        read_account_field(node, f, in_table);
        if (in_table && (f.kind == FieldKind::LongText || f.kind == FieldKind::Checklist)) {
            fm_.error(line, "column '" + f.id + "': a table cell cannot be " + field_kind_name(f.kind));
            return std::nullopt;
        }
        return f;
    }

    // `account_field: current_value|potential_value`: checked here for what the field alone decides (a money field,
    // not a column); the scope and one field per amount are checked in check_account_fields once the kind is read.
    void read_account_field(const YAML::Node& node, Field& f, bool in_table) {
        const std::string name = text(node, "account_field");
        if (name.empty()) return;
        const int line = fm_.line_of(node["account_field"]);
        AccountField which = AccountField::None;
        for (AccountField a : {AccountField::CurrentValue, AccountField::PotentialValue})
            if (name == account_field_name(a)) which = a;
        if (which == AccountField::None) {
            fm_.error(line, "field '" + f.id + "': account_field '" + name +
                                "' is not one of the account's amounts (current_value, potential_value)");
            return;
        }
        if (in_table) {
            fm_.error(line, "column '" + f.id + "': a table cell cannot stand for the account's " + name +
                                " (one account has one); use account_field on a field of its own");
            return;
        }
        if (f.kind != FieldKind::Money) {
            fm_.error(line, "field '" + f.id + "': account_field needs 'kind: money' (the account's " + name +
                                " is an amount), not " + field_kind_name(f.kind));
            return;
        }
        f.account_field = which;
    }

    void check_account_fields() {
        std::map<AccountField, const Field*> bound;
        for (Field& f : kind_.fields) {
            if (f.account_field == AccountField::None) continue;
            const std::string name = account_field_name(f.account_field);
            if (kind_.scope != ArtifactScope::Account) {
                fm_.error(f.line, "field '" + f.id + "': account_field " + name +
                                      " needs 'scope: account' (a portfolio artifact has no account to read it from)");
                f.account_field = AccountField::None;
                continue;
            }
            auto [it, fresh] = bound.emplace(f.account_field, &f);
            if (!fresh) {
                fm_.error(f.line, "field '" + f.id + "': account_field " + name + " is already the field '" +
                                      it->second->id + "' (line " + std::to_string(it->second->line) + ")");
                f.account_field = AccountField::None;
            }
        }
    }

    void read_table(const YAML::Node& node, Field& f) {
        YAML::Node cols = node["columns"];
        if (!cols.IsDefined() || !cols.IsSequence() || cols.size() == 0) {
            fm_.error(f.line, "table '" + f.id + "' needs 'columns': a list of fields");
            return;
        }
        std::set<std::string> seen;
        for (const auto& c : cols)
            if (auto col = read_field(c, seen, true)) f.columns.push_back(std::move(*col));
        f.group_by = text(node, "group_by");
        if (!f.group_by.empty()) {
            const Field* g = f.column(f.group_by);
            if (!g || g->kind != FieldKind::Choice)
                fm_.error(fm_.line_of(node["group_by"]), "table '" + f.id + "': group_by '" + f.group_by +
                                                             "' is not one of its choice columns");
        }
        f.timeline = text(node, "timeline");
        if (!f.timeline.empty()) {
            const Field* t = f.column(f.timeline);
            if (!t || t->kind != FieldKind::Number)
                fm_.error(fm_.line_of(node["timeline"]), "table '" + f.id + "': timeline '" + f.timeline +
                                                             "' is not one of its number columns");
        }
        YAML::Node rows = node["rows"];
        if (rows.IsDefined() && !rows.IsNull()) {
            if (!rows.IsSequence()) {
                fm_.error(fm_.line_of(rows), "table '" + f.id + "': 'rows' must be a list of '- {column: value}'");
                return;
            }
            for (const auto& r : rows) {
                if (!r.IsMap()) {
                    fm_.error(fm_.line_of(r), "table '" + f.id + "': each preset row is '- {column: value, ...}'");
                    continue;
                }
                nlohmann::json row = nlohmann::json::object();
                for (auto it = r.begin(); it != r.end(); ++it) {
                    const std::string col = it->first.Scalar();
                    if (!f.column(col)) {
                        fm_.error(fm_.line_of(it->first), "table '" + f.id + "' has no column '" + col + "'");
                        continue;
                    }
                    if (!it->second.IsScalar()) continue;
                    // Typed by the column, not by how the text looks: a text column keeps "2026" as text.
                    const Field* column = f.column(col);
                    const std::string text = it->second.Scalar();
                    const nlohmann::json guess = scalar_json(text);
                    switch (column->kind) {
                    case FieldKind::Number:
                    case FieldKind::Money:
                    case FieldKind::Rating:
                        if (!guess.is_number()) {
                            fm_.error(fm_.line_of(it->second), "table '" + f.id + "': column '" + col +
                                                                   "' takes a number, not '" + text + "'");
                            continue;
                        }
                        row[col] = guess;
                        break;
                    case FieldKind::Check: row[col] = text == "true" || text == "yes"; break;
                    case FieldKind::Choice:
                        if (!column->option(text)) {
                            fm_.error(fm_.line_of(it->second), "table '" + f.id + "': column '" + col +
                                                                   "' has no option '" + text + "'");
                            continue;
                        }
                        row[col] = text;
                        break;
                    default: row[col] = text; break;
                    }
                }
                f.preset_rows.push_back(std::move(row));
            }
        }
    }

    void read_scope_and_date() {
        const std::string scope = text(fm_.root(), "scope");
        if (scope == "portfolio") kind_.scope = ArtifactScope::Portfolio;
        else if (!scope.empty() && scope != "account")
            fm_.error(fm_.line_of(fm_.root()["scope"]), "'scope' is 'account' or 'portfolio', not '" + scope + "'");
        kind_.date_field = text(fm_.root(), "date");
        if (!kind_.date_field.empty()) {
            const Field* d = kind_.field(kind_.date_field);
            if (!d || d->kind != FieldKind::Date)
                fm_.error(fm_.line_of(fm_.root()["date"]), "'date: " + kind_.date_field + "' is not one of its date fields");
        }
        const std::string dash = text(fm_.root(), "dashboard");
        kind_.dashboard = dash == "true" || dash == "True" || dash == "TRUE";
        if (!dash.empty() && !kind_.dashboard && dash != "false" && dash != "False" && dash != "FALSE")
            fm_.error(fm_.line_of(fm_.root()["dashboard"]), "'dashboard' is true or false, not '" + dash + "'");
    }

    const Field* table_column(const YAML::Node& node, const std::string& table, const std::string& column,
                              FieldKind want, const char* what) {
        const Field* t = kind_.field(table);
        if (!t || t->kind != FieldKind::Table) {
            fm_.error(fm_.line_of(node), std::string(what) + " rule: '" + table + "' is not a table field");
            return nullptr;
        }
        const Field* c = t->column(column);
        if (!c || c->kind != want) {
            fm_.error(fm_.line_of(node), std::string(what) + " rule: table '" + table + "' has no " +
                                             field_kind_name(want) + " column '" + column + "'");
            return nullptr;
        }
        return c;
    }

    std::optional<Rule> read_rule(const YAML::Node& node) {
        const int line = fm_.line_of(node);
        if (!node.IsMap()) {
            fm_.error(line, "each rule must be '- kind: count|sum|rows ...'");
            return std::nullopt;
        }
        Rule r;
        r.line = line;
        r.label = text(node, "label");
        r.message = text(node, "message");
        r.equals = text(node, "equals");
        r.table = text(node, "table");
        r.column = text(node, "column");
        const std::string kind = text(node, "kind");
        unknown_keys(node, {"kind", "label", "message", "equals", "table", "column", "fields", "levels", "target", "min"},
                     "a rule");
        if (kind == "count") {
            r.kind = RuleKind::Count;
            YAML::Node fields = node["fields"];
            if (!fields.IsDefined() || !fields.IsSequence() || fields.size() == 0) {
                fm_.error(line, "count rule: 'fields' must list the choice fields to count");
                return std::nullopt;
            }
            for (const auto& f : fields) {
                std::string id = f.IsScalar() ? f.Scalar() : "";
                const Field* field = kind_.field(id);
                if (!field || field->kind != FieldKind::Choice) {
                    fm_.error(fm_.line_of(f), "count rule: '" + id + "' is not a choice field");
                    return std::nullopt;
                }
                if (!field->option(r.equals)) {
                    fm_.error(fm_.line_of(f), "count rule: field '" + id + "' has no option '" + r.equals + "'");
                    return std::nullopt;
                }
                r.fields.push_back(id);
            }
            YAML::Node levels = node["levels"];
            if (!levels.IsDefined() || !levels.IsSequence() || levels.size() == 0) {
                fm_.error(line, "count rule: 'levels' must list '- {min: N, label: ..., color: ...}'");
                return std::nullopt;
            }
            bool has_floor = false;
            for (const auto& l : levels) {
                if (!l.IsMap()) {
                    fm_.error(fm_.line_of(l), "each level is '- {min: N, label: ..., color: ...}'");
                    return std::nullopt;
                }
                unknown_keys(l, {"min", "label", "color", "note", "due_days"}, "a level");
                StatusLevel level;
                level.min = static_cast<int>(number(l, "min").value_or(0));
                level.label = text(l, "label");
                level.color = text(l, "color");
                level.note = text(l, "note");
                level.due_days = static_cast<int>(number(l, "due_days").value_or(0));
                if (!kColors.count(level.color))
                    fm_.error(fm_.line_of(l), "colour '" + level.color + "' is not one of green, yellow, red, blue, grey");
                if (level.label.empty()) fm_.error(fm_.line_of(l), "each level needs a 'label' to show");
                has_floor |= level.min <= 0;
                if (level.due_days > 0 && kind_.date_field.empty())
                    fm_.error(fm_.line_of(l), "'due_days' needs the kind to have a 'date:' field to count from");
                r.levels.push_back(std::move(level));
            }
            if (!has_floor) fm_.error(line, "count rule: add a level with 'min: 0' for when nothing counts");
            std::sort(r.levels.begin(), r.levels.end(), [](const StatusLevel& a, const StatusLevel& b) {
                return a.min > b.min;
            });
        } else if (kind == "sum") {
            r.kind = RuleKind::Sum;
            if (!table_column(node, r.table, r.column, FieldKind::Number, "sum")) return std::nullopt;
            auto target = number(node, "target");
            if (!target) {
                fm_.error(line, "sum rule: 'target' is required");
                return std::nullopt;
            }
            r.target = *target;
        } else if (kind == "rows") {
            r.kind = RuleKind::Rows;
            const Field* col = table_column(node, r.table, r.column, FieldKind::Choice, "rows");
            if (!col) return std::nullopt;
            if (!col->option(r.equals)) {
                fm_.error(line, "rows rule: column '" + r.column + "' has no option '" + r.equals + "'");
                return std::nullopt;
            }
            r.min = static_cast<int>(number(node, "min").value_or(1));
            if (r.message.empty()) fm_.error(line, "rows rule: 'message' says what is wrong when too few rows match");
        } else {
            fm_.error(fm_.line_of(node["kind"].IsDefined() ? node["kind"] : node),
                      "unknown rule kind '" + kind + "' (known: count, sum, rows)");
            return std::nullopt;
        }
        return r;
    }
};

}  // namespace

std::vector<ArtifactKind> load_artifact_kinds(const fs::path& root, const std::string& display_root,
                                              std::vector<Diagnostic>& out) {
    std::vector<ArtifactKind> kinds;
    const fs::path dir = root / "artifacts";
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) return kinds;
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(dir, ec))
        if (e.path().extension() == ".md") files.push_back(e.path());
    std::sort(files.begin(), files.end());

    std::map<std::string, std::string> seen;  // id -> file:line of its first use
    struct AliasUse {
        std::string alias, owner, file;
        int line;
    };
    std::vector<AliasUse> aliases;  // checked once every kind's id is known
    for (const fs::path& path : files) {
        const std::string shown = display_root + "artifacts/" + path.filename().string();
        SourceFile file = read_source_file(path, shown, out);
        if (!file.ok) continue;
        split_front_matter(file, out);
        FrontMatter fm(file, out, "id:, title:, scope: and fields:");
        if (!fm.valid()) continue;
        ArtifactKind kind;
        kind.file = shown;
        kind.id = fm.string("id", true).value_or("");
        kind.title = fm.string("title", true).value_or(kind.id);
        kind.summary = fm.string("summary", false).value_or("");
        fm.warn_unknown_keys({"id", "aliases", "title", "summary", "scope", "date", "dashboard", "fields", "rules"});
        std::vector<int> alias_lines;
        const std::vector<std::string> listed = fm.string_list("aliases", false, &alias_lines);
        if (kind.id.empty()) continue;
        if (!is_valid_id(kind.id)) {
            fm.error(fm.line_of_key("id"), "artifact id '" + kind.id + "' may only hold letters, digits, '-', '_'");
            continue;
        }
        const std::string where = shown + ":" + std::to_string(fm.line_of_key("id"));
        if (auto [it, fresh] = seen.emplace(kind.id, where); !fresh) {
            fm.error(fm.line_of_key("id"), "duplicate artifact id '" + kind.id + "': already declared by " + it->second);
            continue;
        }
        for (std::size_t i = 0; i < listed.size(); ++i) {
            if (!is_valid_id(listed[i])) {
                fm.error(alias_lines[i], "alias '" + listed[i] + "' may only hold letters, digits, '-', '_'");
                continue;
            }
            if (std::find(kind.aliases.begin(), kind.aliases.end(), listed[i]) != kind.aliases.end()) continue;
            kind.aliases.push_back(listed[i]);
            aliases.push_back({listed[i], kind.id, shown, alias_lines[i]});
        }
        KindReader(fm, kind).read();
        kind.description = parse_markdown(file.body, file.body_line, shown, out);
        kinds.push_back(std::move(kind));
    }
    // An alias moves artifacts of an old kind id to its kind: it must name a kind id no declaration has now, and
    // only one kind may claim it.
    std::map<std::string, const AliasUse*> claimed;
    for (const AliasUse& a : aliases) {
        auto error = [&](const std::string& message) { out.push_back({a.file, a.line, Severity::Error, message}); };
        if (auto live = seen.find(a.alias); live != seen.end()) {
            error(a.alias == a.owner ? "alias '" + a.alias + "' is this kind's own id: list only the ids it had before"
                                     : "alias '" + a.alias + "' is the id of the artifact kind declared by " +
                                           live->second + ": an alias must be a kind id no declaration has now");
            continue;
        }
        auto [it, fresh] = claimed.emplace(a.alias, &a);
        if (!fresh)
            error("alias '" + a.alias + "' is also an alias of artifact kind '" + it->second->owner + "' (" +
                  it->second->file + ":" + std::to_string(it->second->line) +
                  "): artifacts of an old kind can move to only one kind");
    }
    return kinds;
}

}  // namespace gw
