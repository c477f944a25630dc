#pragma once
// The course as loaded from a folder of Markdown files: course -> chapters -> categories, modules, homework.
#include <string>
#include <vector>

#include "runtime/artifacts/artifact_kind.h"
#include "runtime/text/diagnostics.h"
#include "runtime/markdown/document.h"

namespace gw {

enum class ItemKind { Module, Homework };

// A module or a homework assignment: one Markdown file, addressed by its stable id.
struct CourseItem {
    ItemKind kind = ItemKind::Module;
    std::string id;
    std::vector<std::string> aliases;  // front matter aliases: ids it had before; work under them moves to `id`
    int number = 0;
    std::string title;
    std::string subtitle;
    int minutes = 0;
    std::string category;                // category id (modules only)
    std::vector<std::string> artifacts;  // artifact kinds its reflection asks for
    std::vector<Block> blocks;
    std::string file;                     // path relative to the course root
    std::vector<Diagnostic> problems;     // errors that belong to this file, shown in place in the app
    bool broken() const;
    const Block* reflection_prompt() const;  // the [!REFLECTION] block, if any
};

struct Category {
    std::string id;
    std::string title;
};

struct Chapter {
    std::string id;
    std::vector<std::string> aliases;  // chapter.md aliases:, as for items
    int number = 0;
    std::string title;
    std::string tagline;
    std::vector<Block> introduction;
    std::vector<Category> categories;
    std::vector<CourseItem> modules;   // in reading order
    std::vector<CourseItem> homework;
    std::string folder;  // relative to the course root

    const Category* category(const std::string& id) const;
    int total_minutes() const;
};

struct Course {
    // course.md id:, else the title's slug (a folder holding only chapter.md: the folder name's slug); never empty.
    // Keys the learner's work in the profile (Profile::courses) and learning records (runtime/xapi).
    std::string id;
    std::string version;    // course.md version:, "" when unversioned; sent with learning records
    std::string xapi_base;  // course.md xapi_base:, the IRI under which activity ids are made; "" = the default
    std::string title;
    std::string description;  // course.md's description:, shown on the course's first page; may be empty
    std::string root;  // the folder it was loaded from
    std::vector<Chapter> chapters;
    std::vector<ArtifactKind> artifact_kinds;  // declared in <root>/artifacts/
    std::vector<Diagnostic> diagnostics;  // every problem found, in file order

    const ArtifactKind* find_artifact_kind(const std::string& id) const;

    // Look an item up by id across chapters; nullptr when absent.
    const CourseItem* find_item(const std::string& id) const;
    int module_count() const;
    int homework_count() const;
};

}  // namespace gw

namespace gw {

// The order pages are read in: each chapter's overview (keyed by the chapter id), its modules, its homework.
std::vector<std::string> page_order(const Course& course);
const Chapter* find_chapter(const Course& course, const std::string& id);
// The chapter an item or overview belongs to.
const Chapter* chapter_of(const Course& course, const std::string& page_id);

}  // namespace gw
