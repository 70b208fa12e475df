// samdrift compare end to end on the sample inventories: the four scenarios of the study's
// alternatives give the figures that sample-inventories/README.md ("### Comparing the
// alternatives") derives by hand; bad input is a located error and exit 1.
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdlib>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "tests/tools/cli_util.h"

using namespace samdrift::testing;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

const std::string kSamples = std::string(SAMDRIFT_SOURCE_DIR) + "/sample-inventories";
const char* const kScenarios[] = {"alternativ-s.yaml", "alternativ-1-teknik.yaml",
                                  "alternativ-1-tjanst.yaml", "alternativ-2.yaml"};

std::string ScenarioArgs() {
  std::string args;
  for (const char* s : kScenarios) args += " --scenario '" + kSamples + "/" + s + "'";
  return args;
}

// The README's table: scenario name -> column -> the figure (spaces in numbers dropped).
std::map<std::string, std::map<std::string, double>> ReadmeFigures() {
  const std::string readme = Slurp(kSamples + "/README.md");
  const std::string heading = "### Comparing the alternatives";
  const std::size_t at = readme.find(heading);
  REQUIRE(at != std::string::npos);
  std::istringstream in(readme.substr(at));
  std::vector<std::string> columns;
  std::map<std::string, std::map<std::string, double>> out;
  auto cells = [](const std::string& line) {
    std::vector<std::string> list;
    std::stringstream row(line.substr(1));
    for (std::string cell; std::getline(row, cell, '|');) {
      const auto first = cell.find_first_not_of(' ');
      const auto last = cell.find_last_not_of(' ');
      list.push_back(first == std::string::npos ? "" : cell.substr(first, last - first + 1));
    }
    return list;
  };
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("|", 0) != 0) {
      if (!columns.empty()) break;  // the table ended
      continue;
    }
    std::vector<std::string> row = cells(line);
    if (columns.empty()) {
      columns = row;
      continue;
    }
    if (row[0].rfind("---", 0) == 0 || row[0].empty()) continue;
    for (std::size_t i = 1; i < row.size() && i < columns.size(); ++i) {
      std::string digits;
      for (char c : row[i]) {
        if (c != ' ') digits += c;
      }
      out[row[0]][columns[i]] = std::stod(digits);
    }
  }
  return out;
}

// How often `step` occurs in `text`.
std::size_t Count(const std::string& text, const std::string& step) {
  std::size_t n = 0;
  for (std::size_t at = text.find(step); at != std::string::npos; at = text.find(step, at + 1)) {
    ++n;
  }
  return n;
}

}  // namespace

TEST_CASE("compare on the samples: the README's hand-derived figures", "[cli][compare]") {
  const fs::path dir = ScratchDir("compare-samples");
  const CliResult demo = RunCli(dir, "demo --samples '" + kSamples + "' --out out");
  INFO(demo.err);
  REQUIRE(demo.exit_code == 0);
  CHECK(demo.out.find("== compare ==") != std::string::npos);
  const CliResult r = RunCli(dir, "--db out/samdrift.db compare --json" + ScenarioArgs());
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const json out = json::parse(r.out);
  REQUIRE(out["scenarios"].size() == 4);
  const auto expected = ReadmeFigures();
  REQUIRE(expected.size() == 4);
  for (const json& s : out["scenarios"]) {
    INFO(s["name"]);
    REQUIRE(expected.count(s["name"]));
    const auto& e = expected.at(s["name"]);
    for (const char* key : {"name", "alternative", "criteria", "costs", "halls_in_use",
                            "technologies", "hours", "waves", "end"}) {
      CHECK(s.contains(key));
    }
    REQUIRE(s["criteria"].size() == 7);
    CHECK(s["criteria"][0]["source"] == "entered");
    CHECK(s["criteria"][4]["source"] == "computed");
    CHECK(s["halls_in_use"].get<double>() == e.at("halls in use"));
    CHECK(s["technologies"].get<double>() == e.at("technologies"));
    CHECK(std::round(s["hours"].get<double>()) == e.at("hours"));
    CHECK(s["waves"].get<double>() == e.at("waves"));
    const json& c = s["costs"];
    CHECK(std::round(c["investment"].get<double>()) == e.at("investment"));
    CHECK(std::round(c["running_per_year_today"].get<double>()) == e.at("per year today"));
    CHECK(std::round(c["running_per_year_target"].get<double>()) == e.at("per year target"));
    for (int n = 5; n <= 7; ++n) {
      CHECK(s["criteria"][n - 1]["score"].get<double>() == e.at(std::to_string(n)));
    }
    CHECK(c["per_org"].size() == 5);
  }

  // One planning base for the four scenarios: the estate loaded and its graph built once, then
  // the pipeline's steps once per scenario (SAMDRIFT_TRACE names each step on stderr).
  ::setenv("SAMDRIFT_TRACE", "1", 1);
  const CliResult traced = RunCli(dir, "--db out/samdrift.db compare" + ScenarioArgs());
  ::unsetenv("SAMDRIFT_TRACE");
  REQUIRE(traced.exit_code == 0);
  auto count = [&](const std::string& step) { return Count(traced.err, step); };
  INFO(traced.err);
  CHECK(count(" estate loaded\n") == 1);
  CHECK(count(" graph built\n") == 1);
  CHECK(count(" estate matched with the catalog\n") == 1);  // for every scenario and price
  for (const char* step : {" target planned\n", " halls planned\n", " waves planned\n",
                           " risk computed\n", " compared: "}) {
    CHECK(count(step) == 4);
  }
}

TEST_CASE("compare: bad input is a located error, exit 1", "[cli][compare]") {
  const fs::path dir = ScratchDir("compare-bad");
  REQUIRE(RunCli(dir, "init").exit_code == 0);
  WriteText(dir / "a.yaml", "name: Same\n");
  WriteText(dir / "b.yaml", "name: Same\n");
  CliResult r = RunCli(dir, "compare --scenario a.yaml --scenario b.yaml");
  CHECK(r.exit_code == 1);
  CHECK(r.out.empty());
  CHECK(r.err ==
        "b.yaml:1:7: error[SCN012]: name: 'Same' is also the name of the scenario a.yaml; each "
        "compared scenario needs its own name\n"
        "samdrift: two scenarios share a name; nothing compared\n");
  // The report compares them the same way: the same error, and nothing written.
  r = RunCli(dir, "report --out r --scenario a.yaml --scenario b.yaml");
  CHECK(r.exit_code == 1);
  CHECK(r.err ==
        "b.yaml:1:7: error[SCN012]: name: 'Same' is also the name of the scenario a.yaml; each "
        "compared scenario needs its own name\n"
        "samdrift: two scenarios share a name; nothing compared\n");
  CHECK_FALSE(fs::exists(dir / "r"));

  WriteText(dir / "b.yaml", "name: Other\ncosts: prices.yaml\n");
  WriteText(dir / "prices.yaml", "hour: -5\nbuy:\n  acces-switch: 100\n");
  r = RunCli(dir, "compare --scenario a.yaml --scenario b.yaml");
  CHECK(r.exit_code == 1);
  CHECK(r.err ==
        "prices.yaml:1:7: error[CST001]: hour: must not be negative, got '-5'\n"
        "samdrift: invalid costs file 'prices.yaml'; nothing compared\n");

  WriteText(dir / "prices.yaml", "hour: 5\nbuy:\n  acces-switch: 100\n");
  r = RunCli(dir, "compare --scenario a.yaml --scenario b.yaml");
  CHECK(r.exit_code == 1);
  CHECK(r.err ==
        "prices.yaml:3:3: error[CST010]: buy: 'acces-switch' is neither a technology id nor a "
        "capability; did you mean 'access-switch'?\n"
        "samdrift: invalid costs file 'prices.yaml'; nothing compared\n");

  WriteText(dir / "b.yaml", "name: Other\nstandards: {laptops: free}\n");
  r = RunCli(dir, "compare --scenario a.yaml --scenario b.yaml");
  CHECK(r.exit_code == 1);
  CHECK(r.err.rfind("b.yaml:2:13: error[TGT006]: standards: laptops: free for a capability the "
                    "catalog does not know",
                    0) == 0);
}

namespace {

// A report's CSV (UTF-8 with BOM, `;`, CRLF, decimal comma) as rows of cells.
std::vector<std::vector<std::string>> ReadCsv(const fs::path& path) {
  std::string text = Slurp(path);
  if (text.rfind("\xEF\xBB\xBF", 0) == 0) text.erase(0, 3);
  std::vector<std::vector<std::string>> rows;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    std::vector<std::string> cells;
    std::stringstream row(line);
    for (std::string cell; std::getline(row, cell, ';');) cells.push_back(cell);
    rows.push_back(std::move(cells));
  }
  return rows;
}

double CsvNumber(std::string cell) {
  for (char& c : cell) {
    if (c == ',') c = '.';
  }
  return std::stod(cell);
}

}  // namespace

TEST_CASE("report with several scenarios: the comparison holds compare's figures",
          "[cli][compare][report]") {
  const fs::path dir = ScratchDir("report-compare");
  const CliResult demo = RunCli(dir, "demo --samples '" + kSamples + "' --out out");
  INFO(demo.err);
  REQUIRE(demo.exit_code == 0);
  // Three of the four, the first detailed: another order than the demo's.
  std::string args;
  for (const char* s : {"alternativ-1-tjanst.yaml", "alternativ-s.yaml", "alternativ-2.yaml"}) {
    args += " --scenario '" + kSamples + "/" + s + "'";
  }
  const CliResult compared = RunCli(dir, "--db out/samdrift.db compare --json" + args);
  REQUIRE(compared.exit_code == 0);
  const json expected = json::parse(compared.out)["scenarios"];
  REQUIRE(expected.size() == 3);
  for (const std::string lang : {"sv", "en"}) {
    INFO(lang);
    const CliResult r =
        RunCli(dir, "--db out/samdrift.db report --lang " + lang + " --out " + lang + args);
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    const auto rows = ReadCsv(dir / lang / "csv" / "comparison.csv");
    REQUIRE(rows.size() == 18);  // the header, 7 criteria, 4 sums of money, 6 more figures
    CHECK(rows[0][0] == (lang == "sv" ? "Mått" : "Figure"));
    CHECK(rows[8][0] == (lang == "sv" ? "Investering (kr)" : "Investment (SEK)"));
    for (std::size_t i = 0; i < expected.size(); ++i) {
      const json& e = expected[i];
      const std::size_t col = i + 1;
      INFO(e["name"]);
      CHECK(rows[0][col] == e["name"]);
      for (std::size_t n = 0; n < 7; ++n) {
        const json& score = e["criteria"][n]["score"];
        if (score.is_null()) {
          CHECK(rows[1 + n][col] == (lang == "sv" ? "okänt" : "unknown"));
        } else {
          CHECK(CsvNumber(rows[1 + n][col]) == score.get<double>());
        }
      }
      const json& costs = e["costs"];
      const char* money[] = {"investment", "running_per_year_today", "running_per_year_target",
                             "five_year_total"};
      for (std::size_t m = 0; m < 4; ++m) {
        INFO(money[m]);
        CHECK(CsvNumber(rows[8 + m][col]) == Approx(costs[money[m]].get<double>()).margin(1e-3));
      }
      CHECK(CsvNumber(rows[12][col]) == costs["confidence"].get<double>());
      CHECK(CsvNumber(rows[13][col]) == Approx(e["hours"].get<double>()).margin(1e-3));
      CHECK(CsvNumber(rows[14][col]) == e["waves"].get<double>());
      CHECK(rows[15][col] == (e["end"].is_null() ? (lang == "sv" ? "ingen tidsplan" : "no timeline")
                                                 : e["end"].get<std::string>()));
      CHECK(CsvNumber(rows[16][col]) == e["halls_in_use"].get<double>());
      CHECK(CsvNumber(rows[17][col]) == e["technologies"].get<double>());
    }
    // The summary names the compared alternatives first, and the section follows it.
    const std::string html = Slurp(dir / lang / "index.html");
    const std::size_t summary = html.find("<section id=\"summary\">");
    const std::size_t section = html.find("<section id=\"comparison\">");
    REQUIRE(summary != std::string::npos);
    REQUIRE(section != std::string::npos);
    CHECK(summary < section);
    CHECK(section < html.find("<section id=\"estate\">"));
    const std::string decision = html.substr(summary, section - summary);
    CHECK(decision.find(lang == "sv" ? "Jämförda alternativ" : "Alternatives compared") !=
          std::string::npos);
    for (const json& e : expected) {
      CHECK(decision.find(e["name"].get<std::string>()) != std::string::npos);
    }
  }

  // One load for the whole report (issue 23): the estate read and its graph built once, and
  // each scenario planned once; the first, which the report details, is not planned again for
  // the comparison.
  ::setenv("SAMDRIFT_TRACE", "1", 1);
  const CliResult traced = RunCli(dir, "--db out/samdrift.db report --out traced" + args);
  ::unsetenv("SAMDRIFT_TRACE");
  INFO(traced.err);
  REQUIRE(traced.exit_code == 0);
  CHECK(Count(traced.err, " estate loaded\n") == 1);
  CHECK(Count(traced.err, " graph built\n") == 1);
  CHECK(Count(traced.err, " estate matched with the catalog\n") == 1);
  for (const char* step : {" target planned\n", " halls planned\n", " waves planned\n",
                           " risk computed\n", " compared: "}) {
    INFO(step);
    CHECK(Count(traced.err, step) == 3);
  }
}
