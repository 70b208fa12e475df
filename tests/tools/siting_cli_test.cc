// samdrift halls --choose end to end on the sample inventories: the ranking gives the sets and
// figures that sample-inventories/README.md ("### Which halls should remain") lists, and
// `halls --scenario` with the chosen set gives the plan that was measured.
#include <catch2/catch.hpp>
#include <cmath>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "tests/tools/cli_util.h"

using namespace samdrift::testing;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

const std::string kSamples = std::string(SAMDRIFT_SOURCE_DIR) + "/sample-inventories";
const std::string kScenario = kSamples + "/scenario.yaml";

std::string Trimmed(const std::string& cell) {
  const auto first = cell.find_first_not_of(' ');
  const auto last = cell.find_last_not_of(' ');
  return first == std::string::npos ? "" : cell.substr(first, last - first + 1);
}

// The README's ranking table: one map (column -> cell) per row, in rank order.
std::vector<std::map<std::string, std::string>> ReadmeRanking() {
  const std::string readme = Slurp(kSamples + "/README.md");
  const std::size_t at = readme.find("### Which halls should remain");
  REQUIRE(at != std::string::npos);
  std::istringstream in(readme.substr(at));
  std::vector<std::string> columns;
  std::vector<std::map<std::string, std::string>> rows;
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("|", 0) != 0) {
      if (!columns.empty()) break;  // the table ended
      continue;
    }
    std::vector<std::string> cells;
    std::stringstream row(line.substr(1));
    for (std::string cell; std::getline(row, cell, '|');) cells.push_back(Trimmed(cell));
    if (columns.empty()) {
      columns = cells;
      continue;
    }
    if (cells[0].rfind("---", 0) == 0) continue;
    std::map<std::string, std::string> r;
    for (std::size_t i = 0; i < cells.size() && i < columns.size(); ++i) r[columns[i]] = cells[i];
    rows.push_back(std::move(r));
  }
  return rows;
}

double Number(const std::string& cell) {
  std::string digits;
  for (char c : cell) {
    if (c != ' ') digits += c;
  }
  return std::stod(digits);
}

std::string HallName(const json& hall) {
  if (hall.contains("name")) return hall["name"].get<std::string>();
  return hall["org"].get<std::string>() + "/" + hall["site"].get<std::string>() + "/" +
         hall["hall"].get<std::string>();
}

// The scenario with its `halls:` block replaced by the entries `halls --choose` printed.
std::string ScenarioWithChosenHalls(const std::string& choose_text) {
  const std::size_t at = choose_text.find("\nhalls:\n");
  REQUIRE(at != std::string::npos);
  const std::string halls = choose_text.substr(at + 1);
  std::istringstream in(Slurp(kScenario));
  std::string out;
  bool skipping = false;
  for (std::string line; std::getline(in, line);) {
    if (line == "halls:") {
      out += halls;
      skipping = true;
      continue;
    }
    if (skipping && (line.rfind("  ", 0) == 0)) continue;
    skipping = false;
    out += line + '\n';
  }
  return out;
}

}  // namespace

TEST_CASE("halls --choose on the samples: the README's ranking and the same plan",
          "[cli][siting]") {
  const fs::path dir = ScratchDir("siting-samples");
  const CliResult demo = RunCli(dir, "demo --samples '" + kSamples + "' --out out");
  INFO(demo.err);
  REQUIRE(demo.exit_code == 0);
  const CliResult r =
      RunCli(dir, "--db out/samdrift.db halls --choose --scenario '" + kScenario + "' --json");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const json out = json::parse(r.out);
  CHECK(out["candidates"] == 8);  // the seven halls of today and Nybygge Värnamo
  CHECK(out["count"] == 2);
  CHECK(out["planned"] == 28);  // 28 sets: under 100, every one planned
  CHECK(out["pruned"] == 0);
  CHECK(out["currency"] == "SEK");
  const auto rows = ReadmeRanking();
  REQUIRE(rows.size() >= 3);
  const json& sets = out["sets"];
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto& row = rows[i];
    const std::size_t rank = static_cast<std::size_t>(Number(row.at("rank")));
    INFO("README rank " << rank);
    REQUIRE(rank >= 1);
    REQUIRE(rank <= sets.size());
    const json& s = sets[rank - 1];
    CHECK(HallName(s["halls"][0]) == row.at("primary"));
    CHECK(HallName(s["halls"][1]) == row.at("secondary"));
    CHECK(s["distance_km"].get<double>() == Approx(Number(row.at("km"))).margin(0.05));
    CHECK(s["moved_devices"] == Number(row.at("devices moved")));
    CHECK(s["moved_kw"].get<double>() == Approx(Number(row.at("kW moved"))).margin(0.05));
    CHECK(s["racks_bought"] == Number(row.at("racks bought")));
    CHECK(s["hours"].get<double>() == Number(row.at("hours of moves")));
    CHECK(s["investment"].get<double>() == Approx(Number(row.at("investment"))).margin(0.5));
    CHECK(s["running_per_year"].get<double>() ==
          Approx(Number(row.at("running per year"))).margin(0.5));
    CHECK(s["five_year"].get<double>() == Approx(Number(row.at("five years"))).margin(0.5));
    const std::string breaks = row.at("breaks");
    if (breaks == "-") {
      CHECK(s["breaks"].empty());
      CHECK(s["chosen_possible"] == s["fits"]);
    } else {
      CHECK(s["breaks"] == json::array({breaks}));
      CHECK_FALSE(s["chosen_possible"]);
    }
  }
  // Every pair of the five municipalities is under BSI's 200 km: each set says so.
  for (const json& s : sets) {
    if (s["distance_km"].is_null()) continue;
    bool bsi = false;
    for (const json& reason : s["reasons"]) {
      bsi = bsi || reason.get<std::string>().rfind("not geo-redundant in BSI's sense", 0) == 0;
    }
    CHECK(bsi);
  }

  // The chosen set is Alternativ 1's DC1 and DC2: `compare` prices that plan the same.
  const CliResult compare =
      RunCli(dir, "--db out/samdrift.db compare --scenario '" + kScenario + "' --json");
  REQUIRE(compare.exit_code == 0);
  const json costs = json::parse(compare.out)["scenarios"][0]["costs"];
  CHECK(costs["investment"].get<double>() == Approx(sets[0]["investment"].get<double>()));
  CHECK(costs["running_per_year_target"].get<double>() ==
        Approx(sets[0]["running_per_year"].get<double>()).margin(0.5));
  CHECK(costs["five_year_total"].get<double>() ==
        Approx(sets[0]["five_year"].get<double>()).margin(0.5));

  // The text names the chosen set and the `halls:` that plan it; `halls --scenario` with them
  // gives the plan measured here.
  const CliResult text =
      RunCli(dir, "--db out/samdrift.db halls --choose --scenario '" + kScenario + "'");
  REQUIRE(text.exit_code == 0);
  const json& best = sets[0];
  CHECK(text.out.find("chosen: " + HallName(best["halls"][0]) + " (primary) + " +
                      HallName(best["halls"][1]) + " (secondary)") != std::string::npos);
  WriteText(dir / "chosen.yaml", ScenarioWithChosenHalls(text.out));
  fs::copy_file(kSamples + "/costs.yaml", dir / "costs.yaml");
  const CliResult halls = RunCli(dir, "--db out/samdrift.db halls --scenario chosen.yaml --json");
  INFO(halls.err);
  REQUIRE(halls.exit_code == 0);
  const json plan = json::parse(halls.out);
  CHECK(plan["buy"]["racks"] == best["racks_bought"]);
  std::size_t unplaced = 0;  // spare PDUs aside, as `unfit` counts
  for (const json& u : plan["unplaced"]) unplaced += u["limit"] != "spare_pdu";
  CHECK(unplaced == best["unfit"].get<std::size_t>());
  std::size_t moved = 0;
  double kw = 0;
  for (const json& h : plan["halls"]) {
    for (const json& rack : h["racks"]) {
      for (const json& d : rack["devices"]) {
        if (d["kept"].get<bool>()) continue;
        ++moved;
        kw += d["kw"].get<double>();
      }
    }
  }
  CHECK(moved == best["moved_devices"].get<std::size_t>());
  CHECK(kw == Approx(best["moved_kw"].get<double>()).margin(0.05));

  // Bad input: more halls per set than candidates is a located error, exit 1.
  WriteText(dir / "s.yaml", "orgs: [gnosjo, hylte]\nsiting:\n  count: 3\n  min_distance_km: 10\n");
  const CliResult bad = RunCli(dir, "--db out/samdrift.db halls --choose --scenario s.yaml");
  CHECK(bad.exit_code == 1);
  CHECK(bad.err.find("s.yaml:3:10: error[SIT004]: siting: count 3 is more than the 2 candidate "
                     "halls\n") != std::string::npos);
}

// One municipality, one hall with two servers (0.9 kW in one rack), and two new candidate halls:
// one quoted at a running cost per year, one priced like today's halls and bought. Every figure
// below is worked out by hand from the costs file:
//   a kept hall: per_year.hall 100 000 + 1 rack × 10 000 + 0.9 kW × 8760 h × pue 1.5 × 1 SEK/kWh
//   (11 826) = 121 826 a year; the quoted hall 123 456 a year whatever it holds. The migration
//   ends in its first year: that year pays today's estate (Rum B: 121 826) and half the target
//   (the mean of 0 and all of it moved), the four after it the target; so five years =
//   investment + 121 826 + 4.5 × running.
TEST_CASE("halls --choose: each hall's running cost, quoted or from the costs file",
          "[cli][siting]") {
  const fs::path dir = ScratchDir("siting-running");
  WriteText(dir / "assets.csv",
            "name,kind,role,site,hall,rack,position,u_height,power_w\n"
            "b-srv1,device,server,Stan,Rum B,B1,10,2,450\n"
            "b-srv2,device,server,Stan,Rum B,B1,12,2,450\n");
  WriteText(dir / "halls.csv", "site,hall,positions,power_kw,cooling_kw\nStan,Rum B,2,6,6\n");
  WriteText(dir / "costs.yaml",
            "currency: SEK\nelectricity_kwh: 1\npue: 1.5\nper_year:\n  hall: 100000\n"
            "  rack: 10000\n");
  WriteText(dir / "s.yaml",
            "costs: costs.yaml\n"
            "siting:\n"
            "  count: 1\n"
            "  candidates:\n"
            "    - {name: Hyrd, positions: 4, power_kw: 20, cooling_kw: 20, "
            "running_per_year: 123456}\n"
            "    - {name: Bygg, positions: 4, power_kw: 10, cooling_kw: 10, investment: 500000}\n");
  REQUIRE(RunCli(dir, "--db s.db init").exit_code == 0);
  REQUIRE(RunCli(dir, "--db s.db import --org orgb assets.csv halls.csv").exit_code == 0);
  const CliResult r = RunCli(dir, "--db s.db halls --choose --scenario s.yaml --json");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const json sets = json::parse(r.out)["sets"];
  REQUIRE(sets.size() == 3);
  struct Expected {
    std::string hall;
    double running;
    bool quoted;
    double investment;
  };
  const Expected expected[] = {{"orgb/Stan/Rum B", 121826, false, 0},
                               {"Hyrd", 123456, true, 0},
                               {"Bygg", 121826, false, 500000}};
  for (std::size_t i = 0; i < 3; ++i) {
    const json& s = sets[i];
    INFO("rank " << i + 1);
    CHECK(HallName(s["halls"][0]) == expected[i].hall);
    CHECK(s["halls"][0]["running_per_year"].get<double>() == Approx(expected[i].running));
    CHECK(s["halls"][0]["running_quoted"] == expected[i].quoted);
    CHECK(s["running_per_year"].get<double>() == Approx(expected[i].running));
    CHECK(s["investment"].get<double>() == Approx(expected[i].investment));
    const double five_years = expected[i].investment + 121826 + 4.5 * expected[i].running;
    CHECK(s["five_year"].get<double>() == Approx(five_years));
    CHECK(s["score"].get<double>() == Approx(five_years));
  }
  const CliResult text = RunCli(dir, "--db s.db halls --choose --scenario s.yaml");
  REQUIRE(text.exit_code == 0);
  CHECK(text.out.find("running 123 456 per year (Hyrd 123 456 (quoted), licences and the rest "
                      "0)") != std::string::npos);
  CHECK(text.out.find("running 121 826 per year (orgb/Stan/Rum B 121 826, licences and the rest "
                      "0)") != std::string::npos);
}

// Pruning (over 100 sets) with a hall quoted below the costs file's per_year.hall: the bound
// must not count per_year.hall for it, or the set holding it (the cheapest, 1 a year instead of
// 1 000 000) is skipped as dearer than the first set planned. 1 hall of today (Rum B, where the
// devices are, the most power: they stay) + 14 new = 105 sets; Q stands where Rum B does (too
// near), the N halls 22 km away, all at one spot (too near each other): the sets that may be
// chosen are Rum B + N (two halls at 1 000 000 a year) and Q + N (one), whose devices move.
TEST_CASE("halls --choose prunes with a quoted hall's set still found best", "[cli][siting]") {
  const fs::path dir = ScratchDir("siting-quoted-prune");
  WriteText(dir / "assets.csv",
            "name,kind,role,site,hall,rack,position,u_height,power_w,latitude,longitude\n"
            "Stan,site,,,,,,,,57.0,14.0\n"
            "b-srv1,device,server,Stan,Rum B,B1,10,2,450,,\n"
            "b-srv2,device,server,Stan,Rum B,B1,12,2,450,,\n");
  WriteText(dir / "halls.csv", "site,hall,positions,power_kw,cooling_kw\nStan,Rum B,2,30,30\n");
  WriteText(dir / "costs.yaml", "currency: SEK\nhour: 100\nper_year:\n  hall: 1000000\n");
  std::string scenario =
      "costs: costs.yaml\nsiting:\n  count: 2\n  min_distance_km: 5\n  candidates:\n"
      "    - {name: Q, latitude: 57.0, longitude: 14.0, positions: 4, power_kw: 20, "
      "cooling_kw: 20, running_per_year: 1}\n";
  for (int i = 1; i <= 13; ++i) {
    scenario += "    - {name: N" + std::string(i < 10 ? "0" : "") + std::to_string(i) +
                ", latitude: 57.2, longitude: 14.0, positions: 4, power_kw: 10, cooling_kw: 10}\n";
  }
  WriteText(dir / "s.yaml", scenario);
  REQUIRE(RunCli(dir, "--db s.db init").exit_code == 0);
  REQUIRE(RunCli(dir, "--db s.db import --org orgb assets.csv halls.csv").exit_code == 0);
  const CliResult r = RunCli(dir, "--db s.db halls --choose --scenario s.yaml --json");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const json out = json::parse(r.out);
  CHECK(out["candidates"] == 15);
  CHECK(out["pruned"].get<int>() > 0);
  const json& best = out["sets"][0];
  INFO(best.dump());
  CHECK(best["chosen_possible"].get<bool>());
  CHECK(HallName(best["halls"][0]) == "Q");
  CHECK(HallName(best["halls"][1]) == "N01");
  CHECK(best["halls"][0]["running_per_year"].get<double>() == 1);
  CHECK(best["halls"][1]["running_per_year"].get<double>() == 1000000);
}
