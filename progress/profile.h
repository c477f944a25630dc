#pragma once
// One learner's work: what is done, what they wrote, where they were, per course (by the course's id) and by the
// content's stable ids within it, so a retitled or removed module never costs the learner anything and two courses
// never mix their work; plus the learner's own accounts and artifacts, which every course shares.
#include <nlohmann/json.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

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

// One of the learner's own client accounts: every artifact belongs to one, or to the whole portfolio.
struct Account {
    std::string id;
    std::string name;
    double current_value = 0;    // current annual value, in the profile's currency
    double potential_value = 0;  // what the account could be worth: the gap is the expansion opportunity
    // False: the learner has not entered that value yet. An empty value is "—" and left out of every sum and gap,
    // never counted as 0. Kept beside the number (not std::optional) so code that reads the amount keeps compiling;
    // read them through annual()/potential()/gap(). True by default so an Account built in code means the numbers
    // it is given; WorkSession::add_account (the learner's "Add account") starts both empty.
    bool has_current_value = true;
    bool has_potential_value = true;
    int tier = 0;                // 1 strategic, 2 growth, 3 maintain; 0 not yet tiered
    std::string notes;
    Millis created = 0;
    Millis edited = 0;

    std::optional<double> annual() const;
    std::optional<double> potential() const;
    std::optional<double> gap() const;  // potential minus annual; empty unless both are entered
};

// A worked artifact: an instance of a kind the course content declares (account map, QBR design...). Its values
// are keyed by the declaration's field ids, so the learner's data survives the declaration changing.
struct Artifact {
    std::string id;
    std::string kind;     // a declared artifact kind id
    std::string account;  // an account id; empty = the whole portfolio
    std::string title;    // the kind's title when created: shown if the kind is later removed from the content
    Millis created = 0;
    Millis edited = 0;
    nlohmann::json values = nlohmann::json::object();
};

// "This reflection (or homework) asks for / points at this artifact." One artifact may be linked from many places.
struct Link {
    std::string artifact;
    std::string item;  // a module, homework or chapter id of the course the link belongs to
    bool operator==(const Link& o) const { return artifact == o.artifact && item == o.item; }
};

// The learner's work in one course, keyed by that course's item ids (modules, homework, chapters). Two courses
// that both have a module "growth-mindset" keep two separate CourseWorks, so neither sees the other's marks.
struct CourseWork {
    std::map<std::string, ItemProgress> progress;
    std::map<std::string, Reflection> reflections;
    ResumePoint resume;
    std::vector<Link> links;  // from this course's items to the profile's (shared) artifacts

    bool empty() const;  // nothing done, written, linked or resumed
    bool is_done(const std::string& id) const;
    void set_done(const std::string& id, bool done, Millis when);
    // Creates the reflection on first edit. Returns it so the caller can place the cursor.
    Reflection& edit_reflection(const std::string& id, const std::string& title, Millis when);
    const Reflection* reflection(const std::string& id) const;
    bool has_writing(const std::string& id) const;  // a reflection with at least one non-space character
    bool link(const std::string& artifact, const std::string& item);  // false when already linked
    void unlink(const std::string& artifact, const std::string& item);
    std::vector<std::string> links_to(const std::string& artifact) const;  // the items of this course linking to it
};

// A delete the learner can take back (issue 10, "Deleting and undoing"): one artifact, or an account with the
// artifacts that went with it, and the links that pointed at them in each course. Kept kDeletedKeptMillis, then
// forgotten; listed in My work under "Recently deleted".
struct DeletedWork {
    Millis deleted = 0;
    std::vector<Account> accounts;    // the deleted account, if an account was deleted; else empty
    std::vector<Artifact> artifacts;  // the artifact, or the account's artifacts
    std::map<std::string, std::vector<Link>> links;  // course id -> the links to those artifacts
};
inline constexpr Millis kDeletedKeptMillis = 30LL * 24 * 60 * 60 * 1000;  // 30 days

// Everything one learner keeps. Accounts, artifacts and the currency are the learner's own and shared by every
// course; what is done, written, linked and where they were is kept per course (`courses`, by course id: course.md
// `id:`, see runtime/course/course.h).
struct Profile {
    std::map<std::string, CourseWork> courses;  // course id -> the work in that course
    std::vector<Account> accounts;
    std::vector<Artifact> artifacts;
    // ISO 4217 code of the currency every amount is counted in (runtime/artifacts/money.h lists those offered).
    // Profiles before schema 3 had none and showed dollars: they load as "USD".
    std::string currency = "USD";
    // The highest numbers handed out so far: a deleted artifact's id is never given to a new one.
    long last_account_number = 0;
    long last_artifact_number = 0;
    std::vector<DeletedWork> recently_deleted;  // oldest first; schema 5

    // The work in one course; an empty CourseWork (never stored) when there is none yet.
    const CourseWork& work(const std::string& course) const;
    // The work in one course for changing it: created on first use.
    CourseWork& work_in(const std::string& course) { return courses[course]; }

    Account* account(const std::string& id);
    const Account* account(const std::string& id) const;
    Account& add_account(const std::string& name, Millis when);
    Artifact* artifact(const std::string& id);
    const Artifact* artifact(const std::string& id) const;
    Artifact& add_artifact(const std::string& kind, const std::string& title, const std::string& account, Millis when);
    void remove_artifact(const std::string& id);  // and its links, in every course; nothing is kept
    // Deletes moved to `recently_deleted` (newest last), to be restored or forgotten. False for an unknown id.
    bool delete_artifact(const std::string& id, Millis when);
    bool delete_account(const std::string& id, Millis when);  // with its artifacts and their links
    // Puts recently_deleted[index] back: the account, its artifacts and their links (a link whose course item is
    // gone is kept all the same: it shows again if the item comes back). False when `index` is out of range.
    bool restore_deleted(std::size_t index);
    // Drops what was deleted before `cutoff` (ms); returns how many entries went.
    std::size_t forget_deleted_before(Millis cutoff);
    // The artifacts an item of `course` links to, in link order (links to a missing artifact are skipped).
    std::vector<const Artifact*> linked_from(const std::string& course, const std::string& item) const;
};

}  // namespace gw
