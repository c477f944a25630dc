#pragma once
// Worked artifacts as files a learner can keep, print or share: one Markdown document per artifact, one CSV per
// table. Rendering follows the content's declarations (labels, option labels, money, ratings, account names) and
// falls back to the saved values when the course no longer declares a kind, so nothing the learner wrote is lost.
#include <nlohmann/json.hpp>

#include <filesystem>
#include <iosfwd>
#include <string>

#include "progress/profile.h"
#include "runtime/artifacts/artifact_kind.h"
#include "runtime/course/course.h"

namespace gw {

// The whole artifact as Markdown: title, dates and links, rule results, then every declared field in order ("—"
// when empty), then any saved value whose field the declaration no longer has. `kind` may be null (kind removed).
// Every piece of learner or course text goes through markdown_text (export_escaping.h): it renders as that text,
// never as a heading, list, quote, link, image or HTML, and never breaks out of its table cell.
std::string artifact_markdown(const ArtifactKind* kind, const Artifact& artifact, const Profile& profile,
                              const Course& course);

// "Account map · Northwind", "Trigger log · Portfolio": how lists, cards and search results name an artifact (the
// kind's title, or the one remembered when the kind left the course; then its account).
std::string artifact_display_name(const Artifact& a, const Course& course, const Profile& profile);

// One table field's rows as RFC 4180 CSV, UTF-8 with a byte order mark first: a header of column labels, CRLF line
// ends. Cells are rendered as in the Markdown, but numbers and money have no thousands separators. Every cell goes
// through csv_field (export_escaping.h): text that a spreadsheet would run as a formula gets a leading ', while
// numbers the app wrote (money, number and rating columns, negative ones too) stay plain numbers.
std::string table_csv(const Field& table, const nlohmann::json& rows, const Profile& profile);

// The learner's accounts as CSV (same BOM, CRLF and csv_field rules as table_csv): Account, Annual value, Potential,
// Gap, Tier, Notes, Currency. Amounts are plain numbers in the profile's currency (its ISO code in the last column);
// an amount not entered is an empty cell, never 0, and so is a gap that lacks either amount.
std::string accounts_csv(const Profile& profile);

// Everything the learner wrote outside artifacts, as one Markdown document: the accounts (a table, amounts
// formatted in the profile's currency, "—" when empty), then each module's and homework's reflection or notes in
// course order under "Module N: Title" (done or not), then writing kept for items the course no longer has, under
// the title they had. Learner text goes through markdown_text (Block), so it stays text. The reflections are those
// of Profile::work(course.id); so are the links named in artifact_markdown.
std::string work_markdown(const Profile& profile, const Course& course);

// File names are made of up to four slugs (account, kind, artifact id, table field) plus "-N" and an extension;
// capping each keeps a name well under the 255 bytes file systems allow, however long an account name a learner
// typed or a field id a profile holds.
constexpr std::size_t kMaxExportSlugBytes = 48;

// Lowercase ASCII letters and digits; every other run becomes one '-', none at either end; cut to at most
// kMaxExportSlugBytes (at a letter or digit). "" when nothing is left.
std::string export_slug(const std::string& text);

// The local calendar date of `ms` (milliseconds since the epoch) as YYYY-MM-DD: the "Created" and "Last edited"
// lines every export format writes.
std::string export_local_date(Millis ms);
// True when `s` holds nothing but spaces, tabs and line breaks: an answer the learner has not written.
bool export_blank(const std::string& s);

// File names: "<account-name-slug or portfolio>-<kind id>-<artifact id>.md" and "...-<table field id>.csv", each
// part slugged (a lost account falls back to its id). export_artifacts adds "-2" in the unlikely case two slug alike.
std::string artifact_file_stem(const Artifact& artifact, const Profile& profile);
std::string artifact_markdown_name(const Artifact& artifact, const Profile& profile);
std::string artifact_csv_name(const Artifact& artifact, const Profile& profile, const std::string& table_field);

// Writes every artifact into `out_dir` (created if missing): format "md" (one .md each), "csv" (one .csv per table
// field, including tables of kinds the course no longer declares) or "json" (the whole profile, profile.json).
// The learner's reflections and accounts are written by export_work, beside these.
// Prints each written path on its own line to `log`. Returns the number of files written, or -1 on error with the
// message in *error (or on `log` when error is null). Existing files of the same name are replaced.
int export_artifacts(const Profile& profile, const Course& course, const std::string& format,
                     const std::filesystem::path& out_dir, std::ostream& log, std::string* error = nullptr);

// The rest of the learner's work beside the artifacts, so an export carries everything: "md" writes
// kWorkMarkdownName (work_markdown), "csv" kAccountsCsvName (accounts_csv); "json" writes nothing (profile.json
// already holds it all). Artifact file names always join owner, kind and id with '-', so neither name clashes.
// Logs the path written; returns the number of files (0 or 1), or -1 with the message in *error (or on `log`).
inline constexpr const char* kWorkMarkdownName = "my-work.md";
inline constexpr const char* kAccountsCsvName = "accounts.csv";
int export_work(const Profile& profile, const Course& course, const std::string& format,
                const std::filesystem::path& out_dir, std::ostream& log, std::string* error = nullptr);

}  // namespace gw
