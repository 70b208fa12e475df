#include "importers/csv_reader.h"

#include <catch2/catch.hpp>

#include "core/diagnostics.h"

using namespace samdrift;
using importers::CsvRecord;

namespace {

std::vector<CsvRecord> ReadAll(std::string_view text, core::Diagnostics* diagnostics = nullptr) {
  core::Diagnostics local;
  std::vector<CsvRecord> records;
  importers::ReadCsv(text, importers::DetectDelimiter(text), "t.csv",
                     diagnostics ? *diagnostics : local, [&](CsvRecord& r) {
                       records.push_back(r);
                       return true;
                     });
  return records;
}

}  // namespace

TEST_CASE("delimiters are detected from the header line", "[importers][csv]") {
  CHECK(importers::DetectDelimiter("a;b;c\n1,5;2;3") == ';');
  CHECK(importers::DetectDelimiter("a,b,c\n") == ',');
  CHECK(importers::DetectDelimiter("a\tb\tc\n") == '\t');
  CHECK(importers::DetectDelimiter("\"x;y\",b,c\n") == ',');
  CHECK(importers::DetectDelimiter("single\n") == ',');
}

TEST_CASE("records know the line they start on", "[importers][csv]") {
  struct Case {
    const char* name;
    std::string text;
    std::vector<int> lines;
    std::vector<std::size_t> widths;
  };
  const Case cases[] = {
      {"LF", "a,b\n1,2\n3,4\n", {1, 2, 3}, {2, 2, 2}},
      {"CRLF", "a,b\r\n1,2\r\n3,4\r\n", {1, 2, 3}, {2, 2, 2}},
      {"CR", "a,b\r1,2\r3,4", {1, 2, 3}, {2, 2, 2}},
      {"no final newline", "a,b\n1,2", {1, 2}, {2, 2}},
      {"blank lines skipped", "a,b\n\n1,2\n\n\n3,4\n", {1, 3, 6}, {2, 2, 2}},
      {"newline in quotes", "a,b\n\"x\ny\",2\n3,4\n", {1, 2, 4}, {2, 2, 2}},
      {"CRLF in quotes", "a,b\r\n\"x\r\ny\",2\r\n3,4\r\n", {1, 2, 4}, {2, 2, 2}},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    auto records = ReadAll(c.text);
    std::vector<int> lines;
    std::vector<std::size_t> widths;
    for (const auto& r : records) {
      lines.push_back(r.line);
      widths.push_back(r.fields.size());
    }
    CHECK(lines == c.lines);
    CHECK(widths == c.widths);
  }
}

TEST_CASE("quoted fields keep delimiters, doubled quotes and newlines", "[importers][csv]") {
  auto records = ReadAll("name;note\n\"a;b\";\"say \"\"hej\"\"\nnext\"\n");
  REQUIRE(records.size() == 2);
  CHECK(records[1].fields[0] == "a;b");
  CHECK(records[1].fields[1] == "say \"hej\"\nnext");
}

TEST_CASE("tabs are delimiters, not white space", "[importers][csv]") {
  auto records = ReadAll("a\tb\tc\n1\t\t3\n");
  REQUIRE(records.size() == 2);
  CHECK(records[1].fields == std::vector<std::string>{"1", "", "3"});
}

TEST_CASE("an unclosed quote is located at the record's start", "[importers][csv]") {
  core::Diagnostics d;
  auto records = ReadAll("a,b\n1,2\n\"3,4\n5,6\n", &d);
  CHECK(records.size() == 2);
  REQUIRE(d.items().size() == 1);
  CHECK(core::FormatDiagnostic(d.items()[0]) ==
        "t.csv:3: error[CSV014]: quoted field is not closed before the end of the file");
}

TEST_CASE("very wide and very long records", "[importers][csv]") {
  std::string wide = "h";
  for (int i = 1; i < 10000; ++i) wide += ",h" + std::to_string(i);
  wide += "\n" + std::string(32767, 'x') + "\n";
  auto records = ReadAll(wide);
  REQUIRE(records.size() == 2);
  CHECK(records[0].fields.size() == 10000);
  CHECK(records[1].fields[0].size() == 32767u);
}

namespace {

std::vector<std::string> Lines(const core::Diagnostics& diagnostics) {
  std::vector<std::string> out;
  for (const auto& d : diagnostics.items()) out.push_back(core::FormatDiagnostic(d));
  return out;
}

std::vector<int> RecordLines(const std::vector<CsvRecord>& records) {
  std::vector<int> out;
  for (const auto& r : records) out.push_back(r.line);
  return out;
}

}  // namespace

TEST_CASE("a cell past the limit is refused as soon as it passes it", "[importers][csv]") {
  struct Case {
    const char* what;
    std::string text;
    std::string diagnostic;
    std::vector<int> lines;  // of the records read
  };
  std::string doubled_quote_at_piece_end =
      "a,b\n\"" + std::string(65534, 'x') + "\"\"" + std::string(100, 'y') + "\",2\n3,4\n";
  std::string multi_line = "a,b\n\"";
  for (int i = 0; i < 20000; ++i) multi_line += "x\"\"\n";
  multi_line += "\",2\n3,4\n";
  const Case cases[] = {
      {"one character over",
       "a,b\n" + std::string(32768, 'x') + ",2\n3,4\n",
       "t.csv:2:1: error[CSV018]: cell of 32768 characters; a spreadsheet cell holds at most 32767 "
       "(record not read)",
       {1, 3}},
      {"16 MB on one line: the rest of the cell is skipped, not buffered",
       "a,b\n1," + std::string(16 * 1024 * 1024, 'x') + "\n3,4\n",
       "t.csv:2:2: error[CSV018]: cell of 16777216 characters; a spreadsheet cell holds at most "
       "32767 (record not read)",
       {1, 3}},
      {"a quoted cell over 20,000 lines with doubled quotes",
       multi_line,
       "t.csv:2:1: error[CSV018]: cell of 60000 characters; a spreadsheet cell holds at most 32767 "
       "(record not read)",
       {1, 20003}},
      {"a doubled quote split by the reader's pieces",
       doubled_quote_at_piece_end,
       "t.csv:2:1: error[CSV018]: cell of 65635 characters; a spreadsheet cell holds at most 32767 "
       "(record not read)",
       {1, 3}},
      {"in the header: nothing is read",
       std::string(40000, 'h') + ",b\n1,2\n",
       "t.csv:1:1: error[CSV018]: cell of 40000 characters; a spreadsheet cell holds at most 32767 "
       "(record not read)",
       {}},
  };
  for (const Case& c : cases) {
    INFO(c.what);
    core::Diagnostics diagnostics;
    auto records = ReadAll(c.text, &diagnostics);
    CHECK(Lines(diagnostics) == std::vector<std::string>{c.diagnostic});
    CHECK(RecordLines(records) == c.lines);
    if (records.size() == 2) CHECK(records[1].fields == std::vector<std::string>{"3", "4"});
  }
}

TEST_CASE("control characters in a cell are located errors", "[importers][csv]") {
  struct Case {
    const char* what;
    std::string text;
    std::vector<std::string> diagnostics;
    std::vector<int> lines;
  };
  const Case cases[] = {
      {"NUL",
       std::string("a,b\nx\0y,2\n3,4\n", 14),
       {"t.csv:2:1: error[CSV019]: the cell holds the control character U+0000; record not read"},
       {1, 3}},
      {"escape in a quoted cell",
       "a,b\n1,\"\x1b[0m\"\n3,4\n",
       {"t.csv:2:2: error[CSV019]: the cell holds the control character U+001B; record not read"},
       {1, 3}},
      {"DEL",
       "a,b\n1,x\x7f\n3,4\n",
       {"t.csv:2:2: error[CSV019]: the cell holds the control character U+007F; record not read"},
       {1, 3}},
      {"in the header",
       "a\x01,b\n1,2\n",
       {"t.csv:1:1: error[CSV019]: the cell holds the control character U+0001; the header cannot "
        "be read, nor the rest of the file"},
       {}},
      {"tab, CR and LF in a quoted cell are text", "a,b\n\"x\ty\r\nz\",2\n", {}, {1, 2}},
  };
  for (const Case& c : cases) {
    INFO(c.what);
    core::Diagnostics diagnostics;
    auto records = ReadAll(c.text, &diagnostics);
    CHECK(Lines(diagnostics) == c.diagnostics);
    CHECK(RecordLines(records) == c.lines);
  }
}
