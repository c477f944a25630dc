#pragma once
// Heading ids for `#anchor` links, by GitHub's rules, so a link that works on GitHub works in the app.
#include <map>
#include <string>

namespace gw {

// The anchor GitHub gives a heading whose text content is `text` (UTF-8), as github-slugger 2 computes it
// (github.com/Flet/github-slugger, which mirrors github.com): lower-cased (Unicode, İ becomes "i̇" as in
// JavaScript's toLowerCase), then every character of the general categories Other_Number, punctuation other than
// '-' and '_' (connector punctuation stays), symbols, controls, format, private use, unassigned and separators other
// than ' ' dropped, then each ' ' made '-'. Letters, marks and digits of any script stay: "Łódź & Co." gives
// "łódź--co". Spaces are not trimmed or merged ("a  b" gives "a--b"), as on GitHub. Invalid UTF-8 bytes are dropped.
std::string heading_slug(const std::string& text);

// Hands out the ids of one document's headings in order: the first "Notes" is "notes", the next "notes-1", then
// "notes-2"; a suffixed id already taken is skipped ("notes-1" written as a heading makes the second "Notes"
// "notes-2"), as github-slugger does.
class HeadingIds {
public:
    std::string next(const std::string& text);

private:
    std::map<std::string, int> occurrences_;  // id -> how many times its text has come back
};

}  // namespace gw
