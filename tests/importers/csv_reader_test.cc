#include "importers/csv_reader.h"

#include <catch2/catch.hpp>

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
  wide += "\n" + std::string(16 * 1024 * 1024, 'x') + "\n";
  auto records = ReadAll(wide);
  REQUIRE(records.size() == 2);
  CHECK(records[0].fields.size() == 10000);
  CHECK(records[1].fields[0].size() == 16u * 1024 * 1024);
}
