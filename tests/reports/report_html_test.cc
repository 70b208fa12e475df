// The HTML report holds every row of a long table: the first page as rows, all rows as JSON.
#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "reports/report.h"
#include "reports/table_view.h"

using namespace samdrift::reports;

namespace {

// 1,234 assets of three orgs, the last one "Vaggeryd: asset 1233"; a cell that would end the
// <script> element if it were written as it is.
Table Assets() {
  Table table;
  table.id = "assets";
  table.headers = {"Kommun", "Namn", "Effekt (W)"};
  const char* orgs[] = {"Gnosjö", "Värnamo", "Vaggeryd"};
  const char* keys[] = {"gnosjo", "varnamo", "vaggeryd"};
  for (int i = 0; i < 1234; ++i) {
    const int o = i * 3 / 1234;
    std::string name = "asset " + std::to_string(i);
    if (i == 7) name = "</script><script>alert(1)</script>";
    table.rows.push_back(
        {Cell{orgs[o], std::nullopt, keys[o]}, Cell::Text(name), Cell::Number(i * 1.5, 1)});
  }
  return table;
}

std::string Written(const Report& report) {
  const auto path = std::filesystem::temp_directory_path() / "samdrift-report-html-test.html";
  REQUIRE(WriteHtml(report, path.string()).ok());
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  std::filesystem::remove(path);
  return text.str();
}

std::string Between(const std::string& text, const std::string& start, const std::string& end) {
  const auto from = text.find(start);
  REQUIRE(from != std::string::npos);
  const auto to = text.find(end, from + start.size());
  REQUIRE(to != std::string::npos);
  return text.substr(from + start.size(), to - from - start.size());
}

}  // namespace

TEST_CASE("a long table's JSON holds every row, in order, with its org column", "[reports][html]") {
  const Table table = Assets();
  const auto data = nlohmann::json::parse(TableRowsJson(table));
  CHECK(data["org"] == 0);
  REQUIRE(data["rows"].size() == 1234);
  CHECK(data["rows"][0] == nlohmann::json::array({"Gnosjö", "asset 0", {0.0, "0.0"}}));
  CHECK(data["rows"][1233] ==
        nlohmann::json::array({"Vaggeryd", "asset 1233", {1849.5, "1849.5"}}));
  CHECK(data["rows"][7][1] == "</script><script>alert(1)</script>");
}

TEST_CASE("the page holds the first page as rows and every row as JSON", "[reports][html]") {
  Report report;
  report.title = "T";
  report.sections.push_back(Section{"estate", "Bestånd", "", {}, {Assets()}});
  const std::string html = Written(report);
  const std::string json =
      Between(html,
              "<script type=\"application/json\" class=\"rows\" data-table=\"t-assets\" "
              "data-page=\"50\">",
              "</script>");
  CHECK(json.find('<') == std::string::npos);  // nothing in the data can end the element
  const auto data = nlohmann::json::parse(json);
  CHECK(data["rows"].size() == 1234);
  CHECK(data["rows"][1233][1] == "asset 1233");
  const std::string body = Between(html, "<tbody>", "</tbody>");
  std::size_t rows = 0;
  for (auto at = body.find("<tr>"); at != std::string::npos; at = body.find("<tr>", at + 1)) ++rows;
  CHECK(rows == 50);
  CHECK(html.find("<table class=\"paged\" id=\"t-assets\">") != std::string::npos);
  CHECK(html.find("<p class=\"more\">Visar de första 50 av 1234 raderna; ") != std::string::npos);
}

TEST_CASE("a table of one page has no JSON and no count", "[reports][html]") {
  Table table = Assets();
  table.rows.resize(50);
  Report report;
  report.sections.push_back(Section{"estate", "Bestånd", "", {}, {table}});
  const std::string html = Written(report);
  CHECK(html.find("class=\"rows\"") == std::string::npos);
  CHECK(html.find("<p class=\"more\">") == std::string::npos);
  CHECK(html.find("<table class=\"sortable\" id=\"t-assets\">") != std::string::npos);
}

TEST_CASE("a table without an org column has no municipality filter", "[reports][html]") {
  Table table = Assets();
  table.rows[5][0].key.clear();
  CHECK_FALSE(OrgColumn(table).has_value());
  CHECK(nlohmann::json::parse(TableRowsJson(table))["org"].is_null());
}

TEST_CASE("wide sections print on landscape pages", "[reports][html]") {
  Table wide;
  wide.id = "wide";
  for (int c = 0; c < 9; ++c) wide.headers.push_back("c" + std::to_string(c));
  Report report;
  report.sections.push_back(Section{"net", "Nät", "", {}, {wide}});
  report.sections.push_back(Section{"estate", "Bestånd", "", {}, {Assets()}});
  const std::string html = Written(report);
  CHECK(html.find("<div class=\"table-wrap wide\"><table class=\"sortable\" id=\"t-wide\">") !=
        std::string::npos);
  CHECK(html.find("<div class=\"table-wrap\"><table class=\"paged\" id=\"t-assets\">") !=
        std::string::npos);
  CHECK(html.find("@page wide{size:A4 landscape") != std::string::npos);
  CHECK(html.find("section:has(.table-wrap.wide){page:wide}") != std::string::npos);
}

TEST_CASE("a row budget shares the page's rows among the orgs, in order", "[reports][html]") {
  const Table table = Assets();  // 412 Gnosjö, 411 Värnamo, 411 Vaggeryd
  CHECK(EmbeddedRows(table, 0).size() == 1234);
  CHECK(EmbeddedRows(table, 5000).size() == 1234);
  const std::vector<std::size_t> rows = EmbeddedRows(table, 10);
  REQUIRE(rows.size() == 10);
  CHECK(std::is_sorted(rows.begin(), rows.end()));
  std::map<std::string, int> per_org;
  for (std::size_t r : rows) ++per_org[table.rows[r][0].key];
  CHECK(per_org == std::map<std::string, int>{{"gnosjo", 4}, {"vaggeryd", 3}, {"varnamo", 3}});
  CHECK(rows.front() == 0);
  CHECK(rows[4] == 412);  // Värnamo's first row follows Gnosjö's four

  // An org of fewer rows than its share leaves the rest to the others.
  Table few = table;
  few.rows.erase(few.rows.begin() + 2, few.rows.begin() + 412);  // Gnosjö keeps 2 rows
  per_org.clear();
  for (std::size_t r : EmbeddedRows(few, 10)) ++per_org[few.rows[r][0].key];
  CHECK(per_org == std::map<std::string, int>{{"gnosjo", 2}, {"vaggeryd", 4}, {"varnamo", 4}});

  // Without an org column: the first rows.
  Table plain = table;
  plain.rows[5][0].key.clear();
  CHECK(EmbeddedRows(plain, 3) == std::vector<std::size_t>{0, 1, 2});
}

TEST_CASE("a table cut to the budget shows its count and links its CSV file", "[reports][html]") {
  Report report;
  report.title = "T";
  report.max_rows = 10;
  report.sections.push_back(Section{"estate", "Bestånd", "", {}, {Assets()}});
  const std::string html = Written(report);
  CHECK(
      html.find("<p class=\"cut\">10 av 1234 rader finns i sidan; alla rader finns i "
                "<a href=\"csv/assets.csv\">csv/assets.csv</a> och samdrift.xlsx. Sidan har "
                "lika många rader från varje kommun (alla rader från en kommun med färre).</p>") !=
      std::string::npos);
  const auto data = nlohmann::json::parse(
      Between(html, "data-table=\"t-assets\" data-page=\"50\">", "</script>"));
  CHECK(data["rows"].size() == 10);
  CHECK(data["total"] == 1234);
  CHECK(data["rows"][9][1] == "asset 825");  // Vaggeryd's third row
  // The first page as plain rows: the ten in the page.
  CHECK(html.find("<p class=\"more\">Visar de första 10 av 1234 raderna; ") != std::string::npos);

  report.max_rows = 0;  // every row: no note
  const std::string all = Written(report);
  CHECK(all.find("class=\"cut\"") == std::string::npos);
  CHECK(nlohmann::json::parse(Between(all, "data-page=\"50\">", "</script>")).count("total") == 0);
}

TEST_CASE("a long table writes its repeated texts once, in column dictionaries",
          "[reports][html]") {
  Table table = Assets();
  while (table.rows.size() <= kDictionaryRows) {
    auto row = table.rows[table.rows.size() % 1234];
    row[1] = Cell::Text("copy " + std::to_string(table.rows.size()));
    table.rows.push_back(std::move(row));
  }
  table.rows.back()[1] = Cell::Text("last");
  const auto data = nlohmann::json::parse(TableRowsJson(table));
  REQUIRE(data["dicts"].size() == 3);
  CHECK(data["dicts"][0] == nlohmann::json::array({"Gnosjö", "Värnamo", "Vaggeryd"}));
  CHECK(data["dicts"][1].is_null());  // names: more than half of them distinct
  CHECK(data["dicts"][2].is_null());  // numbers are never in a dictionary
  CHECK(data["rows"][0][0] == 0);
  CHECK(data["rows"][1233] == nlohmann::json::array({2, "asset 1233", {1849.5, "1849.5"}}));
  CHECK(data["rows"].back()[1] == "last");
  // A table of one page's worth of rows keeps its texts as they are.
  CHECK(nlohmann::json::parse(TableRowsJson(Assets())).count("dicts") == 0);
}
