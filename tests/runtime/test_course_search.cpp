// Search across the course and the learner's work (runtime/course/course_search.h): sections found by all their
// words, case and accents ignored, snippets with the matched words marked, an index that owns its text.
#include <doctest/doctest.h>

#include <memory>

#include "runtime/course/course_loader.h"
#include "runtime/course/course_search.h"
#include "temp_course.h"

using namespace gw;
using gw::test::TempCourse;

namespace {

// The marked pieces of a hit's snippet, folded, so a test can compare them with the query's words.
std::vector<std::string> marked(const SearchHit& h) {
    std::vector<std::string> out;
    for (const SearchMark& m : h.marks) {
        REQUIRE(m.end <= h.snippet.size());
        REQUIRE(m.begin < m.end);
        out.push_back(fold_for_search(h.snippet.substr(m.begin, m.end - m.begin)));
    }
    return out;
}

}  // namespace

TEST_CASE("a section of the shipped course is found by words of its heading and text, best first") {
    const Course course = load_course(GROUNDWORK_SHIPPED_CONTENT);
    const SearchIndex index = index_course(course);
    CHECK(index.size() > 30);  // every module's sections, not one document per file

    const auto hits = index.find("Preparation QBR");
    REQUIRE_FALSE(hits.empty());
    CHECK(hits[0].target == "qbr");
    CHECK(hits[0].heading == "the-preparation-that-makes-qbrs-excellent");
    CHECK(hits[0].section == "The preparation that makes QBRs excellent");
    CHECK(hits[0].where == "Module 4");
    for (const std::string& m : marked(hits[0])) CHECK((m == "preparation" || m == "qbr" || m == "qbrs"));

    CHECK(index.find("qbr zebra-stripes").empty());  // every word must be there
    CHECK(index.find("").empty());
    CHECK(index.find("   ").empty());
    CHECK(index.find("the", 3).size() == 3);
}

TEST_CASE("case and accents are ignored, and marks land on the text as written") {
    TempCourse t;
    t.write("ch/a.md", TempCourse::module("mod-a", 1, "cat") +
                           "\n## Économie d'échelle\n\nLa RENTABILITÉ d'un compte grandit avec le temps: "
                           "l'économie vient de la confiance.\n");
    const Course course = load_course(t.root());
    REQUIRE(course.diagnostics.empty());
    const SearchIndex index = index_course(course);
    for (const char* q : {"economie", "ÉCONOMIE", "Rentabilite", "rentabilité confiance"}) {
        CAPTURE(q);
        const auto hits = index.find(q);
        REQUIRE(hits.size() == 1);
        CHECK(hits[0].target == "mod-a");
        CHECK(hits[0].heading == "économie-déchelle");
        REQUIRE_FALSE(hits[0].marks.empty());
    }
    const auto hits = index.find("economie");
    const SearchHit& h = hits[0];
    REQUIRE(h.marks.size() == 1);  // in the text: "l'économie" (the heading is matched, not part of the snippet)
    CHECK(h.snippet.substr(h.marks[0].begin, h.marks[0].end - h.marks[0].begin) == "économie");
}

TEST_CASE("the index owns its text: searching never goes back to the course") {
    SearchIndex index;
    {
        auto course = std::make_unique<Course>(load_course(GROUNDWORK_SHIPPED_CONTENT));
        index = index_course(*course);
    }  // the course is gone; a query that read it would be a use after free (the sanitizer build checks)
    const auto hits = index.find("renewal conversation");
    REQUIRE_FALSE(hits.empty());
    CHECK(hits[0].target == "retention");
}

TEST_CASE("a long section gives a snippet around the first match, cut at words, with ellipses") {
    TempCourse t;
    std::string filler;
    for (int i = 0; i < 40; ++i) filler += "Plain words about accounts and people. ";
    t.write("ch/a.md", TempCourse::module("mod-a", 1, "cat") + "\n" + filler + "The needle is here. " + filler + "\n");
    const Course course = load_course(t.root());
    const auto hits = index_course(course).find("needle");
    REQUIRE(hits.size() == 1);
    const SearchHit& h = hits[0];
    CHECK(h.snippet.rfind("\xE2\x80\xA6", 0) == 0);
    CHECK(h.snippet.size() < 260);
    CHECK(h.snippet.substr(h.snippet.size() - 3) == "\xE2\x80\xA6");
    REQUIRE(h.marks.size() == 1);
    CHECK(h.snippet.substr(h.marks[0].begin, 6) == "needle");
}

TEST_CASE("the learner's reflections and artifacts are found too, and merged with the course's hits") {
    TempCourse t;
    const Course course = load_course(t.root());
    Profile p;
    p.work_in(course.id).edit_reflection("mod-a", "Module mod-a", 10).text = "Northwind's renewal is in March; call Dana first.";
    Account& acc = p.add_account("Northwind Traders", 20);
    Artifact& a = p.add_artifact("account-map", "Account map", acc.id, 30);
    a.values["notes"] = "Dana signs the renewal";
    const SearchIndex work = index_work(p, course);
    const auto hits = work.find("dana renewal");
    REQUIRE(hits.size() == 2);
    bool reflection = false, artifact = false;
    for (const SearchHit& h : hits) {
        if (h.kind == SearchDocument::Kind::Reflection) {
            reflection = true;
            CHECK(h.target == "mod-a");
            CHECK(h.where.find("My work") == 0);
        }
        if (h.kind == SearchDocument::Kind::Artifact) {
            artifact = true;
            CHECK(h.target == a.id);
            CHECK(h.title.find("Northwind Traders") != std::string::npos);
        }
    }
    CHECK(reflection);
    CHECK(artifact);
    const auto merged = merge_hits(index_course(course).find("dana"), work.find("dana"), 10);
    CHECK(merged.size() == 2);
}

TEST_CASE("folding keeps a map back to the original bytes, also over invalid UTF-8") {
    std::vector<std::uint32_t> origin;
    const std::string text = "A\xC3\x89z\xFF!";  // A É z <invalid> !
    const std::string folded = fold_for_search(text, &origin);
    CHECK(folded == "aez\xFF!");
    REQUIRE(origin.size() == folded.size() + 1);
    CHECK(origin[1] == 1);  // e came from É at byte 1
    CHECK(origin[2] == 3);
    CHECK(origin[3] == 4);
    CHECK(origin.back() == text.size());
}

TEST_CASE("a match that ends inside one character's fold marks the whole character") {
    SearchIndex index;
    SearchDocument doc;
    doc.target = "p";
    doc.text = "Die Straße ist lang.";
    index.add(doc);
    const auto hits = index.find("stras");  // "ß" folds to "ss": the match ends between its two s
    REQUIRE(hits.size() == 1);
    REQUIRE(hits[0].marks.size() == 1);
    const SearchMark m = hits[0].marks[0];
    CHECK(hits[0].snippet.substr(m.begin, m.end - m.begin) == "Straß");
}
