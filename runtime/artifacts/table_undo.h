#pragma once
// Taking back a table row's removal or addition in a worked artifact (issue 10: a deleted stakeholder was gone at
// once, and Ctrl+Z did nothing). A row's cells are edited in place and undone by their own text fields; what this
// keeps are the row-level edits, which no text field sees: removing a row (with every value it held, at its
// index) and adding one. Works for any table field, keyed by artifact id and field id. In memory only: an undo
// history does not outlive the run (a deleted artifact or account has "Recently deleted" for that).
#include <nlohmann/json.hpp>

#include <cstddef>
#include <deque>
#include <optional>
#include <string>

namespace gw {

struct TableEdit {
    enum class Kind { RowRemoved, RowAdded };
    Kind kind = Kind::RowRemoved;
    std::string artifact;  // Artifact::id
    std::string field;     // the table field's id
    std::size_t index = 0;  // the row's index in the stored rows (not its place in a grouped display)
    nlohmann::json row;     // RowRemoved: the row as it was, every cell; RowAdded: the row as it was added
};

// Puts the edit's reverse into `rows` (the field's rows as stored now): a removed row goes back at its index (at
// the end when fewer rows are left: something else removed rows since); an added row is removed again if it is
// still there and still as it was added (a row the learner has typed into stays). `rows` that is not an array counts as no rows (an array is made). Returns false when there was
// nothing to reverse (the added row is gone already), leaving `rows` as it was.
bool reverse_table_edit(const TableEdit& edit, nlohmann::json& rows);

// The row edits of one run, newest last; at most kDepth are kept (the oldest are forgotten).
class TableUndo {
public:
    static constexpr std::size_t kDepth = 100;

    void row_removed(const std::string& artifact, const std::string& field, std::size_t index, nlohmann::json row);
    void row_added(const std::string& artifact, const std::string& field, std::size_t index,
                   nlohmann::json row = nlohmann::json::object());

    // The newest edit of `artifact`, if any: what undo(artifact) would take back.
    const TableEdit* newest(const std::string& artifact) const;
    // Removes the newest edit of `artifact` from the history and returns it, to be reversed by the caller
    // (reverse_table_edit) on the rows it reads from the profile. nullopt when that artifact has none.
    std::optional<TableEdit> take_newest(const std::string& artifact);
    // Forgets the edits of one artifact (it was deleted) or every edit.
    void forget(const std::string& artifact);
    std::size_t size() const { return edits_.size(); }

private:
    std::deque<TableEdit> edits_;
    void push(TableEdit edit);
};

}  // namespace gw
