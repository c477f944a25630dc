#include "runtime/course/course_loader.h"

#include "runtime/artifacts/artifact_declarations.h"

#include <algorithm>
#include <map>
#include <cctype>
#include <set>

#include "runtime/markdown/front_matter.h"
#include "runtime/markdown/image_ref.h"
#include "runtime/markdown/link_target.h"
#include "runtime/markdown/markdown_parser.h"
#include "runtime/text/source_file.h"

namespace fs = std::filesystem;

namespace gw {

namespace {

// "Sales Success Excellence" -> "sales-success-excellence": ASCII letters and digits, '-' between words; "course"
// when nothing is left.
std::string slug_of(const std::string& title) {
    std::string out;
    for (unsigned char c : title) {
        if (std::isalnum(c) && c < 0x80) {
            out += static_cast<char>(std::tolower(c));
        } else if (!out.empty() && out.back() != '-') {
            out += '-';
        }
    }
    while (!out.empty() && out.back() == '-') out.pop_back();
    return out.empty() ? "course" : out;
}


// "1st", "2nd", "3rd", "11th", "22nd": where an item sits in chapter.md's list, for messages.
std::string ordinal(int n) {
    const int tens = n % 100, ones = n % 10;
    const char* suffix = tens >= 11 && tens <= 13 ? "th" : ones == 1 ? "st" : ones == 2 ? "nd" : ones == 3 ? "rd" : "th";
    return std::to_string(n) + suffix;
}

struct IdUse {
    std::string file;
    int line;
};

// One entry of an `aliases:` list: checked once every id of the course is known.
struct AliasUse {
    std::string alias, owner, file;
    int line;
};

class Loader {
public:
    explicit Loader(const fs::path& root) : root_(root), normal_root_(root.lexically_normal()) {
        course_.root = root.string();
    }

    Course run() {
        std::error_code ec;
        if (!fs::is_directory(root_, ec)) {
            report(root_.string(), 0, fs::exists(root_, ec) ? "not a folder: a course is a folder of Markdown files"
                                                          : "course folder not found");
            return std::move(course_);
        }
        if (fs::is_empty(root_, ec)) {
            report(root_.string(), 0, "empty folder: a course needs course.md and a chapter folder "
                                      "(see docs/authoring.md)");
            return std::move(course_);
        }
        // Artifact kinds first: modules name the kinds their reflections ask for.
        course_.artifact_kinds = load_artifact_kinds(root_, "", course_.diagnostics);
        if (fs::exists(root_ / "course.md")) {
            load_course_file();
        } else if (fs::exists(root_ / "chapter.md")) {
            // A chapter folder on its own is a one-chapter course: handy while writing a single chapter.
            course_.title = root_.filename().string();
            load_chapter(root_, ".", 0, "");
        } else {
            report("course.md", 0, "missing course.md: the course's title and its list of chapter folders "
                                   "(see docs/authoring.md)");
        }
        check_aliases();              // needs every id: an alias may name a page further on
        resolve_page_links(course_);  // needs every page loaded: links may point forward
        resolve_images(course_);      // files, formats and size caps, at each image's line
        return std::move(course_);
    }

private:
    fs::path root_;
    fs::path normal_root_;  // root_ lexically normal, for display()
    Course course_;
    std::map<std::string, IdUse> ids_;
    std::vector<AliasUse> aliases_;

    void report(std::string file, int line, std::string message, Severity s = Severity::Error) {
        course_.diagnostics.push_back({std::move(file), line, s, std::move(message)});
    }

    // Every path the loader shows is built as root_ / ...: a lexical relative path is exact, and fs::relative's
    // canonicalisation cost a few stat calls per file (4% of loading a 1,000-module course).
    std::string display(const fs::path& p) const {
        const fs::path rel = p.lexically_normal().lexically_relative(normal_root_);
        return rel.empty() || *rel.begin() == ".." ? p.string() : rel.string();
    }

    void load_course_file() {
        SourceFile file = read_source_file(root_ / "course.md", "course.md", course_.diagnostics);
        if (!file.ok) return;
        split_front_matter(file, course_.diagnostics);
        FrontMatter fm(file, course_.diagnostics, "title: and chapters:");
        course_.title = fm.string("title", true).value_or("Untitled course");
        course_.description = fm.string("description", false).value_or("");
        // The id keys learning records (xAPI activity ids) and must outlive title changes, hence its own key; a
        // course without one gets its title's slug, which holds until the title changes.
        course_.id = fm.string("id", false).value_or(slug_of(course_.title));
        if (fm.valid() && fm.root()["id"].IsDefined()) check_id(course_.id, "course.md", fm.line_of_key("id"));
        course_.version = fm.string("version", false).value_or("");
        course_.xapi_base = fm.string("xapi_base", false).value_or("");
        if (!course_.xapi_base.empty() && course_.xapi_base.rfind("https://", 0) != 0 &&
            course_.xapi_base.rfind("http://", 0) != 0)
            fm.error(fm.line_of_key("xapi_base"),
                     "xapi_base must be an http(s) IRI your organisation controls, e.g. https://training.example.com/xapi/");
        std::vector<int> lines;
        auto chapters = fm.string_list("chapters", true, &lines);
        fm.warn_unknown_keys({"title", "chapters", "description", "id", "version", "xapi_base"});
        if (fm.valid() && chapters.empty() && fm.root()["chapters"].IsDefined())
            fm.error(fm.line_of_key("chapters"), "the course lists no chapters");
        std::set<std::string> seen;
        for (std::size_t i = 0; i < chapters.size(); ++i) {
            if (!seen.insert(chapters[i]).second) {
                fm.error(lines[i], "chapter folder '" + chapters[i] + "' is listed twice");
                continue;
            }
            fs::path dir = root_ / chapters[i];
            std::error_code ec;
            if (!fs::is_directory(dir, ec)) {
                fm.error(lines[i], "chapter folder '" + chapters[i] + "' not found");
                continue;
            }
            load_chapter(dir, chapters[i], lines[i], "course.md");
        }
    }

    void load_chapter(const fs::path& dir, const std::string& folder, int ref_line, const std::string& ref_file) {
        std::string chapter_path = display(dir / "chapter.md");
        if (!fs::exists(dir / "chapter.md")) {
            if (fs::is_empty(dir))
                report(display(dir), 0, "empty folder: a chapter needs chapter.md and module files");
            else
                report(ref_file.empty() ? chapter_path : ref_file, ref_line,
                       "chapter folder '" + folder + "' has no chapter.md");
            return;
        }
        SourceFile file = read_source_file(dir / "chapter.md", chapter_path, course_.diagnostics);
        if (!file.ok) return;
        split_front_matter(file, course_.diagnostics);
        FrontMatter fm(file, course_.diagnostics, "id:, number:, title:, categories:, modules: and homework:");

        Chapter ch;
        ch.folder = folder;
        ch.id = fm.string("id", true).value_or(folder);
        ch.number = fm.integer("number", true, 0).value_or(0);
        ch.title = fm.string("title", true).value_or(folder);
        ch.tagline = fm.string("tagline", false).value_or("");
        fm.warn_unknown_keys({"id", "aliases", "number", "title", "tagline", "categories", "modules", "homework"});
        if (fm.valid()) check_id(ch.id, chapter_path, fm.line_of_key("id"));
        read_aliases(fm, ch.id, chapter_path, &ch.aliases);
        load_categories(fm, ch);

        std::vector<int> module_lines, homework_lines;
        auto module_files = fm.string_list("modules", true, &module_lines);
        auto homework_files = fm.string_list("homework", false, &homework_lines);
        ch.introduction = parse_markdown(file.body, file.body_line, chapter_path, course_.diagnostics);

        std::set<std::string> listed;
        for (std::size_t i = 0; i < module_files.size(); ++i) {
            listed.insert(module_files[i]);
            if (auto item = load_item(dir, module_files[i], ItemKind::Module, fm, module_lines[i], ch, int(i) + 1))
                ch.modules.push_back(std::move(*item));
        }
        for (std::size_t i = 0; i < homework_files.size(); ++i) {
            listed.insert(homework_files[i]);
            if (auto item =
                    load_item(dir, homework_files[i], ItemKind::Homework, fm, homework_lines[i], ch, int(i) + 1))
                ch.homework.push_back(std::move(*item));
        }
        // Without readable front matter nothing is listed, and every module would be reported as unlisted.
        if (fm.valid()) warn_unlisted_files(dir, listed);
        course_.chapters.push_back(std::move(ch));
    }

    void load_categories(FrontMatter& fm, Chapter& ch) {
        if (!fm.valid()) return;
        YAML::Node cats = fm.root()["categories"];
        if (!cats.IsDefined() || cats.IsNull()) return;
        if (!cats.IsSequence()) {
            fm.error(fm.line_of(cats), "'categories' must be a list of '- id: ... title: ...' entries");
            return;
        }
        for (const auto& c : cats) {
            if (!c.IsMap() || !c["id"].IsScalar() || !c["title"].IsScalar()) {
                fm.error(fm.line_of(c), "each category needs an id: and a title:");
                continue;
            }
            Category cat{c["id"].Scalar(), c["title"].Scalar()};
            if (ch.category(cat.id)) {
                fm.error(fm.line_of(c), "duplicate category id '" + cat.id + "'");
                continue;
            }
            ch.categories.push_back(std::move(cat));
        }
    }

    // Reads `aliases:` (ids the page had before) into `out`; each entry's syntax is checked here, collisions with
    // live ids and other pages' aliases by check_aliases. Problems go to the course's diagnostics, not the page's:
    // a bad alias does not break the page it sits on.
    void read_aliases(FrontMatter& fm, const std::string& owner, const std::string& file,
                      std::vector<std::string>* out) {
        std::vector<int> lines;
        const std::vector<std::string> listed = fm.string_list("aliases", false, &lines);
        for (std::size_t i = 0; i < listed.size(); ++i) {
            if (!is_valid_id(listed[i])) {
                report(file, lines[i], "alias '" + listed[i] + "' may only hold letters, digits, '-', '_' and '.'");
                continue;
            }
            if (std::find(out->begin(), out->end(), listed[i]) != out->end()) {
                report(file, lines[i], "alias '" + listed[i] + "' is listed twice", Severity::Warning);
                continue;
            }
            out->push_back(listed[i]);
            aliases_.push_back({listed[i], owner, file, lines[i]});
        }
    }

    // An alias moves the work kept under an old id to its page, so it must name an id no page has now, and only
    // one page may claim it.
    void check_aliases() {
        std::map<std::string, const AliasUse*> claimed;
        for (const AliasUse& a : aliases_) {
            if (auto live = ids_.find(a.alias); live != ids_.end()) {
                if (a.alias == a.owner)
                    report(a.file, a.line, "alias '" + a.alias + "' is this page's own id: list only the ids it had before");
                else
                    report(a.file, a.line,
                           "alias '" + a.alias + "' is the id of " + live->second.file + ":" +
                               std::to_string(live->second.line) +
                               ": an alias must be an id no page has now (the work under it belongs to that page)");
                continue;
            }
            auto [it, fresh] = claimed.emplace(a.alias, &a);
            if (!fresh)
                report(a.file, a.line,
                       "alias '" + a.alias + "' is also an alias of '" + it->second->owner + "' (" + it->second->file +
                           ":" + std::to_string(it->second->line) +
                           "): the work under an old id can move to only one page");
        }
    }

    void check_id(const std::string& id, const std::string& file, int line) {
        if (!is_valid_id(id)) {
            report(file, line, "id '" + id + "' may only hold letters, digits, '-', '_' and '.'");
            return;
        }
        auto [it, inserted] = ids_.emplace(id, IdUse{file, line});
        if (!inserted)
            report(file, line,
                   "duplicate id '" + id + "': already used by " + it->second.file + ":" +
                       std::to_string(it->second.line) + " (ids must be unique in a course)");
    }

    std::optional<CourseItem> load_item(const fs::path& dir, const std::string& name, ItemKind kind,
                                        FrontMatter& chapter_fm, int ref_line, const Chapter& ch, int position) {
        const char* noun = kind == ItemKind::Module ? "module" : "homework";
        fs::path path = dir / name;
        std::string shown = display(path);
        std::error_code ec;
        if (!fs::exists(path, ec)) {
            chapter_fm.error(ref_line, std::string(noun) + " file '" + name + "' not found");
            return std::nullopt;
        }
        CourseItem item;
        item.kind = kind;
        item.file = shown;
        item.number = position;
        item.title = path.stem().string();
        item.id = item.title;

        std::vector<Diagnostic> problems;
        SourceFile file = read_source_file(path, shown, problems);
        if (file.ok) {
            split_front_matter(file, problems);
            FrontMatter fm(file, problems,
                           kind == ItemKind::Module ? "id:, number:, title:, subtitle:, minutes: and category:"
                                                    : "id:, title: and subtitle:");
            if (fm.valid()) {
                if (auto id = fm.string("id", true)) item.id = *id;
                // The reading order numbers a page; a written number: wins but is checked against that order, so
                // "Module 3" never sits second after a trainer reorders chapter.md.
                item.number = fm.integer("number", false, 0).value_or(position);
                if (fm.root()["number"].IsDefined() && item.number != position)
                    problems.push_back({shown, fm.line_of_key("number"), Severity::Warning,
                                        "number: " + std::to_string(item.number) + " but chapter.md lists this " +
                                            noun + " " + ordinal(position) + ": its label says " +
                                            (kind == ItemKind::Module ? "Module " : "Homework ") +
                                            std::to_string(item.number) +
                                            " (remove number: to follow the order)"});
                item.title = fm.string("title", true).value_or(item.title);
                item.subtitle = fm.string("subtitle", false).value_or("");
                item.minutes = fm.integer("minutes", false, 0).value_or(0);
                std::vector<int> artifact_lines;
                item.artifacts = fm.string_list("artifacts", false, &artifact_lines);
                for (std::size_t i = 0; i < item.artifacts.size(); ++i)
                    if (!course_.find_artifact_kind(item.artifacts[i])) {
                        std::string renamed;  // an old id listed under a kind's aliases: name the kind by its id
                        for (const ArtifactKind& k : course_.artifact_kinds)
                            if (std::find(k.aliases.begin(), k.aliases.end(), item.artifacts[i]) != k.aliases.end())
                                renamed = k.id;
                        fm.error(artifact_lines[i],
                                 "artifact kind '" + item.artifacts[i] +
                                     (renamed.empty() ? "' is not declared in the course's artifacts/ folder"
                                                      : "' was renamed: its id is now '" + renamed + "'"));
                    }
                if (kind == ItemKind::Module) {
                    if (auto cat = fm.string("category", true)) {
                        item.category = *cat;
                        if (!ch.category(*cat))
                            fm.error(fm.line_of_key("category"),
                                     "category '" + *cat + "' is not declared in the chapter's categories");
                    }
                }
                fm.warn_unknown_keys(
                    {"id", "aliases", "number", "title", "subtitle", "minutes", "category", "artifacts"});
                read_aliases(fm, item.id, shown, &item.aliases);
            } else if (file.has_front_matter) {
                salvage_item(file.front_matter, item);
            }
            if (fm.valid()) {
                std::size_t before = course_.diagnostics.size();
                check_id(item.id, shown, fm.line_of_key("id"));
                // a duplicate id breaks this item too: its progress would land on the other one
                for (std::size_t i = before; i < course_.diagnostics.size(); ++i)
                    problems.push_back(course_.diagnostics[i]);
                course_.diagnostics.resize(before);
            }
            item.blocks = parse_markdown(file.body, file.body_line, shown, problems);
            check_blocks(item, shown, problems);
        }
        course_.diagnostics.insert(course_.diagnostics.end(), problems.begin(), problems.end());
        item.problems = std::move(problems);
        return item;
    }

    // Malformed YAML usually still has readable `key: value` lines; keeping the id (and where the module sits)
    // keeps the learner's work attached to it while the author fixes the file.
    static std::string salvage(const std::string& yaml, const std::string& key) {
        std::size_t pos = 0;
        while (pos < yaml.size()) {
            std::size_t eol = yaml.find('\n', pos);
            std::string line = yaml.substr(pos, eol == std::string::npos ? std::string::npos : eol - pos);
            if (line.rfind(key + ":", 0) == 0) {
                std::string v = line.substr(key.size() + 1);
                v.erase(0, v.find_first_not_of(" \t\"'"));
                while (!v.empty() && (v.back() == ' ' || v.back() == '"' || v.back() == '\'')) v.pop_back();
                return v;
            }
            if (eol == std::string::npos) break;
            pos = eol + 1;
        }
        return "";
    }

    static void salvage_item(const std::string& yaml, CourseItem& item) {
        if (std::string id = salvage(yaml, "id"); is_valid_id(id)) item.id = id;
        if (std::string cat = salvage(yaml, "category"); !cat.empty()) item.category = cat;
        if (std::string title = salvage(yaml, "title"); !title.empty() && title[0] != '[') item.title = title;
    }

    void check_blocks(const CourseItem& item, const std::string& shown, std::vector<Diagnostic>& problems) {
        int reflections = 0, outcomes = 0;
        for (const auto& b : item.blocks) {
            if (b.kind != BlockKind::Callout) continue;
            if (b.callout == CalloutKind::Reflection && ++reflections == 2)
                problems.push_back({shown, b.line, Severity::Error,
                                    "a second [!REFLECTION] block: a module has one reflection prompt"});
            if (b.callout == CalloutKind::Outcome && ++outcomes == 2)
                problems.push_back({shown, b.line, Severity::Error,
                                    "a second [!OUTCOME] block: a module has one 'what you walk away with'"});
            if (b.callout == CalloutKind::Process &&
                std::none_of(b.children.begin(), b.children.end(),
                             [](const Block& c) { return c.kind == BlockKind::OrderedList; }))
                problems.push_back({shown, b.line, Severity::Warning,
                                    "[!PROCESS] box without a numbered list: write its steps as 1. 2. 3."});
        }
        if (item.kind == ItemKind::Module && reflections == 0 && !item.blocks.empty())
            problems.push_back({shown, 0, Severity::Warning,
                                "no [!REFLECTION] block: the learner gets no prompt to write against"});
    }

    void warn_unlisted_files(const fs::path& dir, const std::set<std::string>& listed) {
        std::error_code ec;
        std::vector<std::string> unlisted;
        for (const auto& e : fs::directory_iterator(dir, ec)) {
            std::string name = e.path().filename().string();
            if (e.is_regular_file() && e.path().extension() == ".md" && name != "chapter.md" && !listed.count(name))
                unlisted.push_back(name);
        }
        std::sort(unlisted.begin(), unlisted.end());
        for (const auto& name : unlisted)
            report(display(dir / name), 0,
                   "not listed under modules: or homework: in chapter.md, so it is not shown", Severity::Warning);
    }
};

}  // namespace

Course load_course(const fs::path& root) {
    Course course = Loader(root).run();
    // Work is kept under the course id, so a course always has one: a lone chapter folder's (or a folder that did
    // not load) comes from its title, i.e. the folder's name.
    if (course.id.empty())
        course.id = slug_of(course.title.empty() ? root.lexically_normal().filename().string() : course.title);
    return course;
}

}  // namespace gw
