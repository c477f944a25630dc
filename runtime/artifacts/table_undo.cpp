#include "runtime/artifacts/table_undo.h"

#include <algorithm>

namespace gw {

bool reverse_table_edit(const TableEdit& edit, nlohmann::json& rows) {
    if (!rows.is_array()) {
        if (edit.kind == TableEdit::Kind::RowAdded) return false;
        rows = nlohmann::json::array();
    }
    if (edit.kind == TableEdit::Kind::RowRemoved) {
        const std::size_t at = std::min(edit.index, rows.size());
        rows.insert(rows.begin() + static_cast<std::ptrdiff_t>(at), edit.row);
        return true;
    }
    // An added row is taken back only while it is as it was added: once the learner has typed into it, removing it
    // would throw their writing away with no way back.
    if (edit.index >= rows.size() || rows[edit.index] != edit.row) return false;
    rows.erase(rows.begin() + static_cast<std::ptrdiff_t>(edit.index));
    return true;
}

void TableUndo::push(TableEdit edit) {
    edits_.push_back(std::move(edit));
    while (edits_.size() > kDepth) edits_.pop_front();
}

void TableUndo::row_removed(const std::string& artifact, const std::string& field, std::size_t index,
                            nlohmann::json row) {
    push({TableEdit::Kind::RowRemoved, artifact, field, index, std::move(row)});
}

void TableUndo::row_added(const std::string& artifact, const std::string& field, std::size_t index,
                          nlohmann::json row) {
    push({TableEdit::Kind::RowAdded, artifact, field, index, std::move(row)});
}

const TableEdit* TableUndo::newest(const std::string& artifact) const {
    for (auto it = edits_.rbegin(); it != edits_.rend(); ++it)
        if (it->artifact == artifact) return &*it;
    return nullptr;
}

std::optional<TableEdit> TableUndo::take_newest(const std::string& artifact) {
    for (auto it = edits_.rbegin(); it != edits_.rend(); ++it)
        if (it->artifact == artifact) {
            TableEdit edit = std::move(*it);
            edits_.erase(std::next(it).base());
            return edit;
        }
    return std::nullopt;
}

void TableUndo::forget(const std::string& artifact) {
    edits_.erase(std::remove_if(edits_.begin(), edits_.end(),
                                [&](const TableEdit& e) { return e.artifact == artifact; }),
                 edits_.end());
}

}  // namespace gw
