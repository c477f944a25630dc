// The one escaping function per export format (runtime/artifacts/export_escaping.h), rule by rule. The whole-document
// behaviour (hostile stakeholders, a CommonMark reading of the result) is in test_artifact_export.cpp.
#include <doctest/doctest.h>

#include <string>

#include "runtime/artifacts/export_escaping.h"

using namespace gw;

TEST_CASE("csv_field: formula starters get a leading quote, OWASP's list plus blanks before them") {
    CHECK(csv_field("=1+1", CsvValue::Text) == "'=1+1");
    CHECK(csv_field("+1", CsvValue::Text) == "'+1");
    CHECK(csv_field("-2+3", CsvValue::Text) == "'-2+3");
    CHECK(csv_field("@SUM(A1)", CsvValue::Text) == "'@SUM(A1)");
    CHECK(csv_field("\tx", CsvValue::Text) == "\"'\tx\"");
    CHECK(csv_field("\rx", CsvValue::Text) == "\"'\rx\"");
    CHECK(csv_field("  =1", CsvValue::Text) == "'  =1");
    CHECK(csv_field("\n-1", CsvValue::Text) == "\"'\n-1\"");
    CHECK(csv_field("-", CsvValue::Text) == "'-");
    // Anything else is left as typed.
    CHECK(csv_field("", CsvValue::Text) == "");
    CHECK(csv_field("   ", CsvValue::Text) == "   ");
    CHECK(csv_field("a=1", CsvValue::Text) == "a=1");
    CHECK(csv_field("Zoë Ångström", CsvValue::Text) == "Zoë Ångström");
    CHECK(csv_field("'quoted already", CsvValue::Text) == "'quoted already");
}

TEST_CASE("csv_field: numbers the app wrote are never prefixed") {
    CHECK(csv_field("-1500.50", CsvValue::Number) == "-1500.50");
    CHECK(csv_field("-3", CsvValue::Number) == "-3");
    CHECK(csv_field("4 / 5", CsvValue::Number) == "4 / 5");
}

TEST_CASE("csv_field: RFC 4180 quoting, and ';' for locales that split on it") {
    CHECK(csv_field("Rotterdam, NL", CsvValue::Text) == "\"Rotterdam, NL\"");
    CHECK(csv_field("say \"hi\"", CsvValue::Text) == "\"say \"\"hi\"\"\"");
    CHECK(csv_field("a;=1", CsvValue::Text) == "\"a;=1\"");
    CHECK(csv_field("two\r\nlines", CsvValue::Text) == "\"two\r\nlines\"");
    CHECK(csv_field("=\"x\",1", CsvValue::Text) == "\"'=\"\"x\"\",1\"");
}

TEST_CASE("markdown_text: inline structure is escaped everywhere") {
    const auto cell = [](const std::string& s) { return markdown_text(s, MarkdownPlace::TableCell); };
    CHECK(cell("a | b") == "a \\| b");
    CHECK(cell("<b>x</b>") == "\\<b>x\\</b>");
    CHECK(cell("[x](javascript:alert(1))") == "\\[x\\](javascript:alert(1))");
    CHECK(cell("![i](http://e/x.png)") == "!\\[i\\](http://e/x.png)");
    CHECK(cell("`c` *e* ~~s~~ C:\\dir") == "\\`c\\` \\*e\\* \\~\\~s\\~\\~ C:\\\\dir");
    CHECK(cell("_em_ snake_case é_é") == "\\_em\\_ snake_case é_é");  // '_' inside a word cannot open emphasis
    CHECK(cell("&amp; &#60; &#x3C; AT&T & co &;") == "\\&amp; \\&#60; \\&#x3C; AT&T & co &;");
    CHECK(cell("# - > 1. =") == "# - > 1. =");  // not at a line start: nothing to escape
}

TEST_CASE("markdown_text: a table cell is one line") {
    CHECK(markdown_text("  one\r\ntwo\rthree\n", MarkdownPlace::TableCell) == "one<br>two<br>three");
    CHECK(markdown_text(" \n ", MarkdownPlace::TableCell) == "");
}

TEST_CASE("markdown_text: a Line is one line and its start cannot open a block") {
    const auto line = [](const std::string& s) { return markdown_text(s, MarkdownPlace::Line); };
    CHECK(line("Evil\n# Injected") == "Evil # Injected");
    CHECK(line("# h") == "\\# h");
    CHECK(line("> q") == "\\> q");
    CHECK(line("- item") == "\\- item");
    CHECK(line("+ item") == "\\+ item");
    CHECK(line("-") == "\\-");
    CHECK(line("- - -") == "\\- - -");
    CHECK(line("-1,500") == "-1,500");  // a negative amount is not a list item
    CHECK(line("-2+3") == "-2+3");
    CHECK(line("12. item") == "12\\. item");
    CHECK(line("3) item") == "3\\) item");
    CHECK(line("2026. A year") == "2026\\. A year");
    CHECK(line("1234567890. not a list") == "1234567890. not a list");  // ten digits: CommonMark stops at nine
    CHECK(line("1.5 hours") == "1.5 hours");
    CHECK(line("==") == "\\==");
    CHECK(line("     code") == "code");
    CHECK(line("Priority ##") == "Priority \\##");  // not a heading's closing sequence
    CHECK(line("C#") == "C#");
}

TEST_CASE("markdown_text: a Block keeps every line, each one safe, joined by hard breaks") {
    CHECK(markdown_text("one\ntwo", MarkdownPlace::Block) == "one  \ntwo");
    CHECK(markdown_text("one\n\n# two\n---\n", MarkdownPlace::Block) == "one\n\n\\# two  \n\\---");
    CHECK(markdown_text("\n\n  trailing   \n\n", MarkdownPlace::Block) == "trailing");
    CHECK(markdown_text("a\r\nb\rc", MarkdownPlace::Block) == "a  \nb  \nc");
    CHECK(markdown_text("", MarkdownPlace::Block) == "");
}
