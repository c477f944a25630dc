#include "runtime/course/course_search.h"

#include <utf8proc.h>

#include <algorithm>
#include <cstdlib>

#include "runtime/artifacts/artifact_export.h"
#include "runtime/course/work_list.h"

namespace gw {

namespace {

// One code point folded on its own (case folding, accents stripped). Course text is NFC, so a letter and its
// accent are one code point here, and folding code point by code point keeps every result byte traceable.
std::string fold_code_point(const std::uint8_t* bytes, std::size_t length) {
    utf8proc_uint8_t* out = nullptr;
    const utf8proc_ssize_t n = utf8proc_map(bytes, utf8proc_ssize_t(length), &out,
                                            utf8proc_option_t(UTF8PROC_STABLE | UTF8PROC_COMPOSE |
                                                              UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK));
    std::string result = n >= 0 && out ? std::string(reinterpret_cast<const char*>(out), std::size_t(n))
                                       : std::string(reinterpret_cast<const char*>(bytes), length);
    std::free(out);
    return result;
}

std::vector<std::string> query_words(std::string_view query) {
    std::vector<std::string> words;
    const std::string folded = fold_for_search(query);
    std::size_t at = 0;
    while (at < folded.size()) {
        const std::size_t start = folded.find_first_not_of(" \t\r\n", at);
        if (start == std::string::npos) break;
        std::size_t end = folded.find_first_of(" \t\r\n", start);
        if (end == std::string::npos) end = folded.size();
        std::string w = folded.substr(start, end - start);
        if (std::find(words.begin(), words.end(), w) == words.end()) words.push_back(std::move(w));
        at = end;
    }
    return words;
}

std::size_t count_of(const std::string& haystack, const std::string& word) {
    std::size_t n = 0;
    for (std::size_t at = haystack.find(word); at != std::string::npos; at = haystack.find(word, at + word.size())) ++n;
    return n;
}

// Moves `at` back to the start of the UTF-8 sequence it is in.
std::size_t char_start(const std::string& s, std::size_t at) {
    while (at > 0 && at < s.size() && (static_cast<unsigned char>(s[at]) & 0xC0) == 0x80) --at;
    return at;
}

constexpr std::size_t kSnippetBefore = 60;   // bytes of context before the first match
constexpr std::size_t kSnippetLength = 180;  // bytes in all, before the ellipses

void make_snippet(const std::string& text, const std::string& folded,
                  const std::vector<std::uint32_t>& origin, const std::vector<std::string>& words, SearchHit& hit) {
    // The first match of any word in the text (a document may match by its title alone).
    std::size_t first = std::string::npos;
    for (const std::string& w : words) first = std::min(first, folded.find(w));
    std::size_t begin = 0;
    if (first != std::string::npos && origin[first] > kSnippetBefore) {
        begin = char_start(text, origin[first] - kSnippetBefore);
        const std::size_t space = text.find(' ', begin);  // start on a word
        if (space != std::string::npos && space < origin[first]) begin = space + 1;
    }
    std::size_t end = std::min(text.size(), begin + kSnippetLength);
    end = char_start(text, end);
    if (end < text.size()) {
        const std::size_t space = text.rfind(' ', end);
        if (space != std::string::npos && space > begin + kSnippetLength / 2) end = space;
    }
    if (end < text.size())  // "mode,…" reads badly: the cut drops the punctuation it lands after
        while (end > begin && (text[end - 1] == ',' || text[end - 1] == ';' || text[end - 1] == ':' || text[end - 1] == ' '))
            --end;
    const std::string prefix = begin > 0 ? "\xE2\x80\xA6" : "";
    hit.snippet = prefix + text.substr(begin, end - begin) + (end < text.size() ? "\xE2\x80\xA6" : "");
    for (auto& c : hit.snippet)
        if (c == '\n') c = ' ';
    // Every occurrence of every word inside [begin, end), in snippet coordinates; overlaps merged.
    std::vector<SearchMark> marks;
    for (const std::string& w : words)
        for (std::size_t at = folded.find(w); at != std::string::npos; at = folded.find(w, at + w.size())) {
            // A match may end inside one character's fold ("Straße" folds to "strasse"; "stras" ends in the ß):
            // the mark then takes that whole character.
            std::size_t k = at + w.size();
            while (k < folded.size() && origin[k] == origin[k - 1]) ++k;
            const std::size_t b = origin[at], e = origin[k];
            if (b < begin || e > end) continue;
            marks.push_back({prefix.size() + b - begin, prefix.size() + e - begin});
        }
    std::sort(marks.begin(), marks.end(), [](const SearchMark& x, const SearchMark& y) { return x.begin < y.begin; });
    for (const SearchMark& m : marks) {
        if (!hit.marks.empty() && m.begin <= hit.marks.back().end)
            hit.marks.back().end = std::max(hit.marks.back().end, m.end);
        else
            hit.marks.push_back(m);
    }
}

// The page's text cut at its headings: top-level headings start sections; everything else (paragraphs, lists,
// callouts, tables, nested headings) is text of the section it is in.
void add_page(SearchIndex& index, const std::string& page, const std::string& title, const std::string& where,
              const std::vector<Block>& blocks) {
    SearchDocument doc;
    doc.kind = SearchDocument::Kind::Section;
    doc.target = page;
    doc.title = title;
    doc.where = where;
    auto flush = [&] {
        if (!doc.text.empty() || !doc.section.empty()) index.add(doc);
        doc.text.clear();
    };
    for (const Block& b : blocks) {
        if (b.kind == BlockKind::Heading) {
            flush();
            doc.heading = b.id;
            doc.section = plain_text(b.spans);
            continue;
        }
        const std::string t = plain_text(b);
        if (t.empty()) continue;
        if (!doc.text.empty()) doc.text += '\n';
        doc.text += t;
    }
    flush();
}

std::string item_where(const CourseItem& item) {
    return std::string(item.kind == ItemKind::Homework ? "Homework " : "Module ") + std::to_string(item.number);
}

}  // namespace

std::string fold_for_search(std::string_view text, std::vector<std::uint32_t>* origin) {
    std::string out;
    out.reserve(text.size());
    if (origin) {
        origin->clear();
        origin->reserve(text.size() + 1);
    }
    std::unordered_map<std::int32_t, std::string> cache;  // non-ASCII code points met in this text
    const auto* bytes = reinterpret_cast<const std::uint8_t*>(text.data());
    std::size_t at = 0;
    while (at < text.size()) {
        const unsigned char c = bytes[at];
        if (c < 0x80) {
            out += char(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
            if (origin) origin->push_back(std::uint32_t(at));
            ++at;
            continue;
        }
        utf8proc_int32_t cp = 0;
        const utf8proc_ssize_t n = utf8proc_iterate(bytes + at, utf8proc_ssize_t(text.size() - at), &cp);
        if (n <= 0) {  // not UTF-8: kept, so offsets stay right
            out += char(c);
            if (origin) origin->push_back(std::uint32_t(at));
            ++at;
            continue;
        }
        auto it = cache.find(cp);
        if (it == cache.end()) it = cache.emplace(cp, fold_code_point(bytes + at, std::size_t(n))).first;
        out += it->second;
        if (origin) origin->insert(origin->end(), it->second.size(), std::uint32_t(at));
        at += std::size_t(n);
    }
    if (origin) origin->push_back(std::uint32_t(text.size()));
    return out;
}

void SearchIndex::add(SearchDocument doc) {
    Entry e;
    e.folded_title = fold_for_search(doc.title);
    e.folded_section = fold_for_search(doc.section);
    e.folded_text = fold_for_search(doc.text, &e.origin);
    e.doc = std::move(doc);
    entries_.push_back(std::move(e));
}

std::vector<SearchHit> SearchIndex::find(std::string_view query, std::size_t limit) const {
    std::vector<SearchHit> hits;
    const std::vector<std::string> words = query_words(query);
    if (words.empty() || limit == 0) return hits;
    for (const Entry& e : entries_) {
        int score = 0;
        bool all = true;
        for (const std::string& w : words) {
            const bool in_title = e.folded_title.find(w) != std::string::npos;
            const bool in_section = e.folded_section.find(w) != std::string::npos;
            const std::size_t in_text = count_of(e.folded_text, w);
            if (!in_title && !in_section && in_text == 0) {
                all = false;
                break;
            }
            score += (in_title ? 8 : 0) + (in_section ? 4 : 0) + int(std::min<std::size_t>(in_text, 5));
        }
        if (!all) continue;
        SearchHit hit;
        hit.kind = e.doc.kind;
        hit.target = e.doc.target;
        hit.heading = e.doc.heading;
        hit.title = e.doc.title;
        hit.where = e.doc.where;
        hit.section = e.doc.section;
        hit.score = score;
        make_snippet(e.doc.text, e.folded_text, e.origin, words, hit);
        hits.push_back(std::move(hit));
    }
    std::stable_sort(hits.begin(), hits.end(), [](const SearchHit& a, const SearchHit& b) { return a.score > b.score; });
    if (hits.size() > limit) hits.resize(limit);
    return hits;
}

SearchIndex index_course(const Course& course) {
    SearchIndex index;
    for (const Chapter& ch : course.chapters) {
        add_page(index, ch.id, ch.title, "Chapter " + std::to_string(ch.number), ch.introduction);
        for (const CourseItem& m : ch.modules) add_page(index, m.id, m.title, item_where(m), m.blocks);
        for (const CourseItem& h : ch.homework) add_page(index, h.id, h.title, item_where(h), h.blocks);
    }
    return index;
}

SearchIndex index_work(const Profile& profile, const Course& course) {
    SearchIndex index;
    for (const WorkEntry& w : list_work(profile.work(course.id), course)) {
        if (!w.reflection) continue;
        SearchDocument doc;
        doc.kind = SearchDocument::Kind::Reflection;
        doc.target = w.id;
        doc.title = w.title;
        doc.where = "My work \xC2\xB7 " + w.where;
        doc.text = w.reflection->text;
        index.add(std::move(doc));
    }
    for (const Artifact& a : profile.artifacts) {
        const ArtifactKind* kind = course.find_artifact_kind(a.kind);
        SearchDocument doc;
        doc.kind = SearchDocument::Kind::Artifact;
        doc.target = a.id;
        doc.title = artifact_display_name(a, course, profile);
        doc.where = "My work \xC2\xB7 artifact";
        doc.text = artifact_markdown(kind, a, profile, course);
        index.add(std::move(doc));
    }
    return index;
}

std::vector<SearchHit> merge_hits(std::vector<SearchHit> a, std::vector<SearchHit> b, std::size_t limit) {
    a.insert(a.end(), std::make_move_iterator(b.begin()), std::make_move_iterator(b.end()));
    std::stable_sort(a.begin(), a.end(), [](const SearchHit& x, const SearchHit& y) { return x.score > y.score; });
    if (a.size() > limit) a.resize(limit);
    return a;
}

}  // namespace gw
