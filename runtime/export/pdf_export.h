#pragma once
// What a learner can save or print as PDF: a module's page (with their reflection under its prompt), a
// reflection on its own, an artifact, or all their work at once. Built on PdfWriter (pdf_writer.h); artifacts and
// the work summary go through the same Markdown the md export writes (artifact_export.h), parsed into the document
// model, so a number, a date or an amount reads the same in the PDF as in the Markdown and CSV files.
#include <filesystem>
#include <string>
#include <vector>

#include "progress/profile.h"
#include "runtime/course/course.h"
#include "runtime/export/pdf_writer.h"

namespace gw {

// The document model (runtime/markdown/document.h) as the reader shows it: headings, paragraphs, lists (task
// items as ☐/☑), quotes, callouts with their titles, code, rules, tables. An image is its alt text in italics
// ("Image: alt"); a picture is not embedded.
void add_blocks(PdfWriter& pdf, const std::vector<Block>& blocks);

// A module or homework page: its title and subtitle, its text, and the learner's reflection (from `profile`'s work
// in this course) right under the reflection prompt, or at the end when the page has none.
void add_module(PdfWriter& pdf, const Course& course, const CourseItem& item, const Profile& profile);

// The learner's reflection on item `item_id` under the item's title and its prompt; an item the course no longer
// has keeps the title the reflection remembers. A reflection never written reads "Nothing written yet.".
void add_reflection(PdfWriter& pdf, const Course& course, const Profile& profile, const std::string& item_id);

// One artifact: title and owner, dates, rule results, then every field with its label (tables as ruled grids;
// amounts grouped as in the Markdown export, with a line naming the profile's currency).
void add_artifact(PdfWriter& pdf, const Course& course, const Artifact& artifact, const Profile& profile);

// Everything: the accounts and every reflection (work_markdown), then each artifact on a page of its own.
void add_work(PdfWriter& pdf, const Course& course, const Profile& profile);

// The same as whole files' bytes ("" with *error set if cairo failed). A footer names the course on every page.
std::string module_pdf(const Course& course, const CourseItem& item, const Profile& profile, std::string* error);
std::string reflection_pdf(const Course& course, const Profile& profile, const std::string& item_id, std::string* error);
std::string artifact_pdf(const Course& course, const Artifact& artifact, const Profile& profile, std::string* error);
std::string work_pdf(const Course& course, const Profile& profile, std::string* error);

// File names: "my-work.pdf"; "<item id slug>.pdf" for a module page; "<item id slug>-reflection.pdf"; and
// artifact_file_stem + ".pdf" for an artifact (the same stem as its .md), so files from one export never clash.
inline constexpr const char* kWorkPdfName = "my-work.pdf";
std::string module_pdf_name(const CourseItem& item);
std::string reflection_pdf_name(const std::string& item_id);
std::string artifact_pdf_name(const Artifact& artifact, const Profile& profile);

// Writes `pdf` as `dir`/`name`, creating `dir` if missing. Returns the file's path, or "" with *error naming the
// folder or file that could not be written.
std::filesystem::path save_pdf(const std::filesystem::path& dir, const std::string& name, const std::string& pdf,
                               std::string* error);

}  // namespace gw
