// The workbook holds every row: a table longer than a sheet goes on continuation sheets.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <pugixml.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "reports/report.h"
#include "tests/tools/zip_reader.h"

using namespace samdrift::reports;

namespace {

std::string Slurp(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

TEST_CASE("a table longer than a sheet goes on continuation sheets", "[reports][xlsx]") {
  Table table;
  table.id = "assets";
  table.title = "Alla tillgångar";
  table.headers = {"Namn", "Effekt (W)"};
  for (int i = 0; i < 25; ++i) {
    table.rows.push_back({Cell::Text("asset " + std::to_string(i)), Cell::Number(i)});
  }
  Report report;
  report.sections.push_back(Section{"estate", "Bestånd", "", {}, {table}});
  const auto path = std::filesystem::temp_directory_path() / "samdrift-report-xlsx-test.xlsx";
  REQUIRE(WriteXlsx(report, path.string(), 10).ok());
  const auto zip = samdrift::testing::ReadZip(Slurp(path));
  std::filesystem::remove(path);
  REQUIRE(zip);
  pugi::xml_document workbook;
  REQUIRE(workbook.load_string(zip->at("xl/workbook.xml").c_str()));
  std::vector<std::string> sheets;
  for (auto sheet : workbook.child("workbook").child("sheets").children("sheet")) {
    sheets.push_back(sheet.attribute("name").value());
  }
  CHECK(sheets ==
        std::vector<std::string>{"Alla tillgångar", "Alla tillgångar-2", "Alla tillgångar-3"});
  // Each sheet: the header row and its share of the rows (10, 10, 5), the last row last.
  const int expected[] = {11, 11, 6};
  for (int s = 0; s < 3; ++s) {
    pugi::xml_document sheet;
    const std::string name = "xl/worksheets/sheet" + std::to_string(s + 1) + ".xml";
    REQUIRE(sheet.load_string(zip->at(name).c_str()));
    const auto rows = sheet.child("worksheet").child("sheetData").children("row");
    CHECK(std::distance(rows.begin(), rows.end()) == expected[s]);
    CHECK(sheet.child("worksheet").child("autoFilter"));
  }
  const std::string strings = zip->at("xl/sharedStrings.xml");
  CHECK(strings.find("asset 24") != std::string::npos);
  CHECK(strings.find("asset 0") != std::string::npos);
}
