#pragma once
// One learner's work: what is done, what they wrote, where they were. Keyed by the content's stable ids, so a
// retitled or removed module never costs the learner anything.
#include <nlohmann/json.hpp>

#include <cstdint>
#include <map>
#include <string>

namespace gw {

using Millis = std::int64_t;  // milliseconds since the Unix epoch
Millis now_millis();

struct ItemProgress {
    bool done = false;
    Millis done_at = 0;
};

struct Reflection {
    std::string text;        // exactly what the learner typed: no inserted line breaks
    std::size_t cursor = 0;  // byte offset of the caret, restored on resume
    Millis created = 0;
    Millis edited = 0;
    std::string title;       // the module's title when last opened: "My work" lists removed modules under it
};

struct ResumePoint {
    std::string page_id;  // a module, homework or chapter id; empty = the first page
    float scroll = 0;     // pixels from the top of the page
    bool editing = false; // the reflection editor had the keyboard
};

struct Profile {
    std::map<std::string, ItemProgress> progress;
    std::map<std::string, Reflection> reflections;
    ResumePoint resume;
    // Worked artifacts (issue 4) are stored with the same guarantees; until their model lands they round-trip as-is.
    nlohmann::json accounts = nlohmann::json::array();
    nlohmann::json artifacts = nlohmann::json::array();
    nlohmann::json links = nlohmann::json::array();

    bool is_done(const std::string& id) const;
    void set_done(const std::string& id, bool done, Millis when);
    // Creates the reflection on first edit. Returns it so the caller can place the cursor.
    Reflection& edit_reflection(const std::string& id, const std::string& title, Millis when);
    const Reflection* reflection(const std::string& id) const;
    bool has_writing(const std::string& id) const;  // a reflection with at least one non-space character
};

}  // namespace gw
