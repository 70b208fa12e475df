// Bad inputs of issue 10 for the generic CSV importer: one defect per fixture in
// tests/data/bad-input/ (named after it) with the full diagnostic asserted; inputs too big to keep
// as files (a 16 MB line, 10,000 columns) are built here.
#include <catch2/catch.hpp>

#include "core/text.h"
#include "importers/generic_csv.h"
#include "tests/importers/test_util.h"
#include "tests/test_paths.h"

using namespace samdrift;
using importers::GenericCsvImporter;
using importers::GenericTable;
using testing::ReadFixture;
using testing::RunImporter;

namespace {

const std::string kDir = std::string(SAMDRIFT_TEST_DATA) + "/bad-input/";

testing::Imported Fixture(GenericTable table, const std::string& name) {
  return RunImporter(GenericCsvImporter(table), ReadFixture(kDir + name), name);
}

}  // namespace

TEST_CASE("bad numbers: NaN, 1e309, infinities and negatives", "[importers][csv][bad-input]") {
  struct Case {
    const char* file;
    const char* diagnostic;
  };
  const Case cases[] = {
      {"nan-power.csv",
       "nan-power.csv:2:3: error[CSV004]: column 'power_w': expected a number, got 'NaN'"},
      {"overflow-power-1e309.csv",
       "overflow-power-1e309.csv:2:3: error[CSV004]: column 'power_w': expected a number, got "
       "'1e309'"},
      {"infinite-power.csv",
       "infinite-power.csv:2:3: error[CSV004]: column 'power_w': expected a number, got "
       "'-Infinity'"},
      {"negative-u-height.csv",
       "negative-u-height.csv:2:3: error[CSV007]: column 'u_height': must not be negative, got "
       "'-2'"},
      {"negative-position.csv",
       "negative-position.csv:2:3: error[CSV007]: column 'position': must not be negative, got "
       "'-1'"},
  };
  for (const Case& c : cases) {
    INFO(c.file);
    auto r = Fixture(GenericTable::kAssets, c.file);
    CHECK(r.lines() == std::vector<std::string>{c.diagnostic});
  }
}

TEST_CASE("control characters and bytes that are not UTF-8", "[importers][csv][bad-input]") {
  struct Case {
    const char* file;
    std::vector<std::string> diagnostics;
    std::vector<std::string> names;
  };
  const Case cases[] = {
      {"nul-in-name.csv",
       {"nul-in-name.csv:2:1: error[CSV019]: the cell holds the control character U+0000; record "
        "not read"},
       {"srv02"}},
      {"control-character-in-header.csv",
       {"control-character-in-header.csv:1:2: error[CSV019]: the cell holds the control "
        "character U+001B; the header cannot be read, nor the rest of the file"},
       {}},
      {"windows-1252-not-utf8.csv",
       {"windows-1252-not-utf8.csv:3: warning[ENC001]: not valid UTF-8 (first at byte 30, 0xE4); "
        "read as Windows-1252"},
       {"srv01", "srv-v\u00e4xel"}},
  };
  for (const Case& c : cases) {
    INFO(c.file);
    auto r = Fixture(GenericTable::kAssets, c.file);
    CHECK(r.lines() == c.diagnostics);
    std::vector<std::string> names;
    for (const auto& a : r.batch.assets) names.push_back(a.name);
    CHECK(names == c.names);
  }
}

TEST_CASE("a dependency on itself is reported and dropped", "[importers][csv][bad-input]") {
  auto r = Fixture(GenericTable::kRelations, "dependency-self-loop.csv");
  CHECK(r.lines() ==
        std::vector<std::string>{"dependency-self-loop.csv:2:3: warning[CSV017]: 'Ekonomisystem' "
                                 "depends_on itself; ignored"});
  REQUIRE(r.batch.relations.size() == 1);
  CHECK(r.batch.relations[0].target == "eko-app01");
}

TEST_CASE("a 16 MB line: the cell is refused, not echoed", "[importers][csv][bad-input]") {
  const std::string huge(16 * 1024 * 1024, 'x');
  auto r = RunImporter(GenericCsvImporter(GenericTable::kAssets),
                       "name,kind\nbig," + huge + "\nsmall,device\n", "line-16mb.csv");
  CHECK(r.lines() ==
        std::vector<std::string>{"line-16mb.csv:2:2: error[CSV018]: cell of 16777216 characters; a "
                                 "spreadsheet cell holds at most 32767 (record not read)"});
  REQUIRE(r.batch.assets.size() == 1);
  CHECK(r.batch.assets[0].name == "small");

  // Characters, not bytes: 32,767 two-byte letters fit; one more does not. A huge header cell
  // stops the file.
  std::string full;
  for (int i = 0; i < 32767; ++i) full += "\xC3\xB6";  // ö
  r = RunImporter(GenericCsvImporter(GenericTable::kAssets), "name,kind\n" + full + ",device\n",
                  "full.csv");
  CHECK(r.lines().empty());
  r = RunImporter(GenericCsvImporter(GenericTable::kAssets),
                  "name,kind\n" + full + "\xC3\xB6,device\n", "over.csv");
  CHECK(r.lines() == std::vector<std::string>{
                         "over.csv:2:1: error[CSV018]: cell of 32768 characters; a spreadsheet "
                         "cell holds at most 32767 (record not read)"});
  r = RunImporter(GenericCsvImporter(GenericTable::kAssets), "name," + huge + "\nsrv,x\n",
                  "header.csv");
  CHECK(r.lines() ==
        std::vector<std::string>{"header.csv:1:2: error[CSV018]: cell of 16777216 characters; a "
                                 "spreadsheet cell holds at most 32767 (record not read)"});
  CHECK(r.batch.assets.empty());
}

TEST_CASE("a suggestion for a 16 MB word is not searched for", "[core][text][bad-input]") {
  // Edit distance against short names would be 16M x 10 cells each; the length gap rules them out.
  CHECK(core::ClosestName(std::string(16 * 1024 * 1024, 'x'), {"device", "vm", "service"}) == "");
  CHECK(core::ClosestName("devise", {"device", "vm", "service"}) == "device");
  CHECK(core::ClosestName("form", {"formats", "import"}) == "formats");
}

TEST_CASE("a record with 10,000 columns", "[importers][csv][bad-input]") {
  std::string wide = "srv1";
  for (int i = 1; i < 10000; ++i) wide += ",x";
  auto r = RunImporter(GenericCsvImporter(GenericTable::kAssets), "name,kind\n" + wide + "\n",
                       "wide-record.csv");
  CHECK(r.lines() == std::vector<std::string>{
                         "wide-record.csv:2: error[CSV006]: record has 10000 fields, the header "
                         "has 2"});
  CHECK(r.batch.assets.empty());

  // A header of 10,000 columns: every unknown one is reported, each with its column.
  std::string header = "name";
  for (int i = 1; i < 10000; ++i) header += ",c" + std::to_string(i);
  r = RunImporter(GenericCsvImporter(GenericTable::kAssets), header + "\n" + wide + "\n",
                  "wide-header.csv");
  const auto lines = r.lines();
  REQUIRE(lines.size() == 9999);
  CHECK(lines.front() == "wide-header.csv:1:2: error[CSV003]: unknown column 'c1'");
  CHECK(lines.back() == "wide-header.csv:1:10000: error[CSV003]: unknown column 'c9999'");
}
