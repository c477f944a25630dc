#pragma once
// Worked-artifact kinds as the course content declares them (content/artifacts/*.md): their fields and the rules
// the app computes from what the learner enters. A trainer adds a kind by adding a file; no new build.
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "runtime/markdown/document.h"

namespace gw {

enum class FieldKind { Text, LongText, Number, Money, Date, Choice, Rating, Checklist, Table, Account, Check };

const char* field_kind_name(FieldKind kind);

struct ArtifactKind;
// What a new artifact starts with: preset table rows (the QBR's five phases) and today in its date field.
nlohmann::json initial_values(const ArtifactKind& kind, const std::string& today);

// One of the account's own amounts (progress/profile.h Account) that a money field stands for, declared in the front
// matter as `account_field: current_value` or `account_field: potential_value`. Such a field stores nothing of its
// own: it shows and edits the account's amount (runtime/artifacts/account_binding.h), so the artifact and the
// Accounts page never disagree. Only on top-level money fields of `scope: account` kinds.
enum class AccountField { None, CurrentValue, PotentialValue };
// "current_value", "potential_value"; "" for None.
const char* account_field_name(AccountField f);

struct ChoiceOption {
    std::string id;
    std::string label;
    std::string color;  // green, yellow, red, blue, grey, or "" (plain)
};

struct Field {
    std::string id;
    std::string label;
    std::string help;  // a line under the label
    FieldKind kind = FieldKind::Text;
    int line = 0;      // in the declaration file
    std::string unit;  // numbers: "min", "%"...
    std::vector<ChoiceOption> options;  // choice
    int max = 5;                        // rating
    std::vector<ChoiceOption> items;    // checklist (color unused)
    std::vector<Field> columns;         // table
    std::vector<nlohmann::json> preset_rows;  // table: rows filled in when an artifact is created (the five phases)
    std::string group_by;  // table: a choice column to group rows under (account map by relationship quality)
    std::string timeline;  // table: a number column drawn as a proportional bar (the QBR's phases)
    AccountField account_field = AccountField::None;  // money: the account amount it shows and edits

    const ChoiceOption* option(const std::string& id) const;
    const Field* column(const std::string& id) const;
};

// The status a rule reports: a label with a colour, or a warning.
struct StatusLevel {
    int min = 0;            // applies when the count is at least this
    std::string label;      // "At risk"
    std::string color;      // "red"
    std::string note;       // "Plan a check-in within ten days."
    int due_days = 0;       // > 0: a follow-up is due this many days after the artifact's date field
};

enum class RuleKind {
    Count,  // count fields (or table cells) equal to a value -> a status level (health audit)
    Sum,    // add up a table column -> against a target (QBR phases to 60 minutes)
    Rows,   // count table rows matching a value -> a warning below a minimum (account map)
};

struct Rule {
    RuleKind kind = RuleKind::Count;
    int line = 0;
    std::string label;                // shown before the result: "Health", "Agenda"
    std::vector<std::string> fields;  // Count: scalar choice fields to look at
    std::string table, column;        // Sum / Rows: which table and column
    std::string equals;               // Count / Rows: the value that counts
    std::vector<StatusLevel> levels;  // Count: highest min first
    double target = 0;                // Sum
    int min = 0;                      // Rows
    std::string message;              // Sum / Rows: shown when the rule is not met
};

enum class ArtifactScope { Account, Portfolio };

struct ArtifactKind {
    std::string id;
    std::vector<std::string> aliases;  // aliases: kind ids it had before; artifacts of those kinds move to `id`
    std::string title;
    std::string summary;  // one line, shown on cards
    ArtifactScope scope = ArtifactScope::Account;
    std::string date_field;  // a date field that dates each instance (audits, plans): "" when undated
    bool dashboard = false;  // shown on the health dashboard, coloured by its first Count rule
    std::vector<Block> description;
    std::vector<Field> fields;
    std::vector<Rule> rules;
    std::string file;  // relative to the course root

    const Field* field(const std::string& id) const;
};

}  // namespace gw
