// The HTML report holds every row of a long table: the first page as rows, all rows as JSON.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
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
