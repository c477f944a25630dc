#pragma once
// Search across a course and the learner's own work (issue 10, "Search across the course"). The course's text is
// folded once, when it loads, into an index that owns its text; a query scans only that folded text, so a
// keystroke never walks the course's documents again. The learner's reflections and artifacts go in a second index,
// rebuilt when the profile changes, not per keystroke.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "progress/profile.h"
#include "runtime/course/course.h"

namespace gw {

// One unit a query can find: a section of a page (from one heading to the next), one reflection, one artifact.
struct SearchDocument {
    enum class Kind : std::uint8_t { Section, Reflection, Artifact };
    Kind kind = Kind::Section;
    std::string target;   // Section: the page id (module, homework or chapter); Reflection: the item id; Artifact: its id
    std::string heading;  // Section: the id of the heading the section starts at; "" for the top of the page
    std::string title;    // the page's, the module's or the artifact's title
    std::string where;    // "Module 4", "Homework 2", "Chapter 19", "My work", "Account map"
    std::string section;  // Section: the heading's text ("" for the page's opening)
    std::string text;     // what is searched, as the learner reads it (plain text, NFC)
};

// A byte range [begin, end) of SearchHit::snippet that matched a query word.
struct SearchMark {
    std::size_t begin = 0, end = 0;
};

// A found document, copied out of the index (hits stay valid when the index is rebuilt).
struct SearchHit {
    SearchDocument::Kind kind = SearchDocument::Kind::Section;
    std::string target, heading, title, where, section;
    std::string snippet;             // about 160 bytes of `text` around the first match, "…" where it was cut
    std::vector<SearchMark> marks;   // every query word inside the snippet, in order, never overlapping
    int score = 0;                   // higher first: words in the title, then the section, then how often
};

// Folds text for matching: lower case (Unicode case folding) without accents ("Économie" -> "economie"), through
// utf8proc. `origin`, when given, gets for each byte of the result the offset of the byte it came from in `text`
// (plus one final entry, text.size()), so matches map back to the original. Invalid UTF-8 bytes are kept as they are.
std::string fold_for_search(std::string_view text, std::vector<std::uint32_t>* origin = nullptr);

class SearchIndex {
public:
    void add(SearchDocument doc);
    void clear() { entries_.clear(); }
    std::size_t size() const { return entries_.size(); }

    // Every document holding all the words of `query` (split at spaces, folded as above; a word matches inside a
    // longer one, so "renew" finds "renewal"), best first, at most `limit`. An empty or blank query finds nothing.
    std::vector<SearchHit> find(std::string_view query, std::size_t limit = 50) const;

private:
    struct Entry {
        SearchDocument doc;
        std::string folded_title, folded_section, folded_text;
        std::vector<std::uint32_t> origin;  // folded_text byte -> doc.text byte
    };
    std::vector<Entry> entries_;
};

// The course's pages cut at their headings: each chapter's overview, each module and homework, in reading order.
SearchIndex index_course(const Course& course);

// The learner's reflections (with the module they belong to) and artifacts (every value, as their Markdown export
// shows them), for the search page; rebuilt when the profile changes.
SearchIndex index_work(const Profile& profile, const Course& course);

// Merges the hits of several indexes, best first (stable: course order within one score), at most `limit`.
std::vector<SearchHit> merge_hits(std::vector<SearchHit> a, std::vector<SearchHit> b, std::size_t limit = 50);

}  // namespace gw
