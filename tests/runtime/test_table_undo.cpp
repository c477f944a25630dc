// Taking back a table row's removal or addition (issue 10): the pure history and its reversal, for any table.
#include <doctest/doctest.h>

#include "runtime/artifacts/table_undo.h"

using namespace gw;
using nlohmann::json;

TEST_CASE("table undo: a removed row comes back at its index with every value it held") {
    json rows = json::array({{{"name", "Ana"}}, {{"name", "Ben"}, {"quality", "strong"}}, {{"name", "Cy"}}});
    TableUndo undo;
    const json removed = rows[1];
    rows.erase(rows.begin() + 1);
    undo.row_removed("art-1", "stakeholders", 1, removed);
    auto edit = undo.take_newest("art-1");
    REQUIRE(edit);
    CHECK(edit->field == "stakeholders");
    REQUIRE(reverse_table_edit(*edit, rows));
    CHECK(rows == json::array({{{"name", "Ana"}}, {{"name", "Ben"}, {"quality", "strong"}}, {{"name", "Cy"}}}));
    CHECK_FALSE(undo.take_newest("art-1"));
}

TEST_CASE("table undo: newest first, per artifact, across fields") {
    TableUndo undo;
    undo.row_removed("a", "t1", 0, {{"x", 1}});
    undo.row_added("b", "t", 3);
    undo.row_removed("a", "t2", 2, {{"y", 2}});
    REQUIRE(undo.newest("a"));
    CHECK(undo.newest("a")->field == "t2");
    CHECK(undo.take_newest("a")->field == "t2");
    CHECK(undo.take_newest("a")->field == "t1");
    CHECK_FALSE(undo.take_newest("a"));
    CHECK(undo.newest("b")->kind == TableEdit::Kind::RowAdded);
    undo.forget("b");
    CHECK(undo.size() == 0);
}

TEST_CASE("table undo: an added row is removed again; a removal of the last row goes back into an empty table") {
    json rows = json::array({{{"n", 1}}, json::object()});
    TableEdit added{TableEdit::Kind::RowAdded, "a", "t", 1, json::object()};
    REQUIRE(reverse_table_edit(added, rows));
    CHECK(rows == json::array({{{"n", 1}}}));
    CHECK_FALSE(reverse_table_edit(added, rows));  // gone already: nothing to do, nothing changed
    CHECK(rows.size() == 1);

    json none;  // the field was never stored (null): the row makes the table again
    REQUIRE(reverse_table_edit({TableEdit::Kind::RowRemoved, "a", "t", 4, {{"n", 2}}}, none));
    CHECK(none == json::array({{{"n", 2}}}));
}

TEST_CASE("table undo: the history keeps the newest kDepth edits") {
    TableUndo undo;
    for (std::size_t i = 0; i < TableUndo::kDepth + 5; ++i) undo.row_added("a", "t", i);
    CHECK(undo.size() == TableUndo::kDepth);
    CHECK(undo.newest("a")->index == TableUndo::kDepth + 4);
}

TEST_CASE("undoing an added row leaves it when the learner has typed into it since") {
    TableUndo undo;
    nlohmann::json rows = nlohmann::json::array({{{"name", "Maria"}}});
    rows.push_back(nlohmann::json::object());
    undo.row_added("a", "t", 1, rows[1]);
    rows[1]["name"] = "Tom";  // typed into the new row, then Ctrl+Z outside the field
    const std::optional<TableEdit> edit = undo.take_newest("a");
    REQUIRE(edit);
    CHECK_FALSE(reverse_table_edit(*edit, rows));
    REQUIRE(rows.size() == 2);
    CHECK(rows[1]["name"] == "Tom");
    // Untouched, it goes.
    rows.push_back(nlohmann::json::object());
    undo.row_added("a", "t", 2, rows[2]);
    CHECK(reverse_table_edit(*undo.take_newest("a"), rows));
    CHECK(rows.size() == 2);
}
