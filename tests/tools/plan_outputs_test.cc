// The plan's outputs on the samples: `export --format netbox` (the target halls as NetBox 4
// bulk-import CSVs, read back with samdrift's own NetBox importers into a fresh store, give the
// same halls) and the report's plan on the calendar (Gantt charts, hours per month).
#include <algorithm>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <set>

#include "tests/test_paths.h"
#include "tests/tools/cli_util.h"

using namespace samdrift::testing;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

const std::string kSamples = std::string(SAMDRIFT_SOURCE_DIR) + "/sample-inventories";

json RunJson(const fs::path& dir, const std::string& args) {
  const CliResult r = RunCli(dir, args);
  INFO(args << "\n" << r.err);
  REQUIRE(r.exit_code == 0);
  return json::parse(r.out);
}

// "HALL|RACK" per rack and "HALL|RACK|ORG|ASSET|POSITION" per device, HALL the last part of the
// hall's name (today's halls are named ORG/SITE/HALL, target halls by the scenario).
std::pair<std::set<std::string>, std::set<std::string>> Floor(const json& halls) {
  std::set<std::string> racks, devices;
  for (const json& hall : halls["halls"]) {
    std::string name = hall["name"].get<std::string>();
    name = name.substr(name.rfind('/') + 1);
    for (const json& rack : hall["racks"]) {
      const std::string r = name + "|" + rack["name"].get<std::string>();
      for (const json& d : rack["devices"]) {
        devices.insert(r + "|" + d["org"].get<std::string>() + "|" + d["asset"].get<std::string>() +
                       "|" + d["position"].dump());
      }
      if (!rack["devices"].empty()) racks.insert(r + "|" + rack["u"].dump());
    }
  }
  return {racks, devices};
}

std::string FirstLine(const std::string& text) { return text.substr(0, text.find('\n')); }

// One store with every sample imported (by `samdrift demo`), shared by the tests of this binary.
const fs::path& SampleDir() {
  static const fs::path dir = [] {
    const fs::path d = ScratchDir("plan-outputs");
    const CliResult r = RunCli(d, "demo --samples '" + kSamples + "' --out out");
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    return d;
  }();
  return dir;
}

// The rows of a report CSV (BOM, ';', decimal comma) as cells.
std::vector<std::vector<std::string>> ReadCsv(const fs::path& path) {
  std::string text = Slurp(path);
  if (text.rfind("\xEF\xBB\xBF", 0) == 0) text.erase(0, 3);
  std::vector<std::vector<std::string>> rows;
  std::size_t at = 0;
  while (at < text.size()) {
    const std::size_t end = text.find('\n', at);
    std::string line = text.substr(at, end - at);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    std::vector<std::string> cells;
    for (std::size_t from = 0;;) {
      const std::size_t semi = line.find(';', from);
      cells.push_back(line.substr(from, semi - from));
      if (semi == std::string::npos) break;
      from = semi + 1;
    }
    rows.push_back(std::move(cells));
    if (end == std::string::npos) break;
    at = end + 1;
  }
  return rows;
}

double Number(std::string cell) {
  std::replace(cell.begin(), cell.end(), ',', '.');
  cell.erase(std::remove(cell.begin(), cell.end(), ' '), cell.end());
  return std::stod(cell);
}

}  // namespace

TEST_CASE("export --format netbox: the target halls read back the same",
          "[tools][export][netbox]") {
  const fs::path& dir = SampleDir();
  const std::string scenario = kSamples + "/scenario.yaml";
  const CliResult exported = RunCli(
      dir, "--db out/samdrift.db export --format netbox --scenario '" + scenario + "' --out nb");
  INFO(exported.err);
  REQUIRE(exported.exit_code == 0);
  CHECK(exported.out.empty());
  // The generic relations.csv of three orgs connect devices without naming ports: NetBox needs
  // an interface at each end, so those are counted, not invented.
  CHECK(exported.err ==
        "exported netbox: 2 sites, 2 locations, 10 racks, 98 devices, 86 cables to nb\n");

  // The files, numbered in NetBox's import order, with NetBox 4's column names.
  std::vector<std::string> files;
  for (const auto& entry : fs::directory_iterator(dir / "nb")) {
    files.push_back(entry.path().filename().string());
  }
  std::sort(files.begin(), files.end());
  CHECK(files == std::vector<std::string>{
                     "01-tenants.csv", "02-manufacturers.csv", "03-device-roles.csv",
                     "04-device-types.yaml", "05-sites.csv", "06-locations.csv", "07-racks.csv",
                     "08-devices.csv", "09-interfaces.csv", "10-cables.csv"});
  CHECK(FirstLine(Slurp(dir / "nb/07-racks.csv")) ==
        "site,location,name,status,width,u_height,description");
  CHECK(FirstLine(Slurp(dir / "nb/08-devices.csv")) ==
        "name,role,tenant,manufacturer,device_type,serial,status,site,location,rack,position,"
        "face,description");
  CHECK(FirstLine(Slurp(dir / "nb/10-cables.csv")) ==
        "side_a_site,side_a_device,side_a_type,side_a_name,side_b_site,side_b_device,side_b_type,"
        "side_b_name,status,tenant");

  // A fresh store reads the folder with samdrift's NetBox importers, each device into its
  // tenant's org; its halls as they stand are the target halls.
  REQUIRE(RunCli(dir, "--db back.db init").exit_code == 0);
  const CliResult back =
      RunCli(dir, "--db back.db import --org joint --new-org --org-from tenant nb");
  INFO(back.err);
  REQUIRE(back.exit_code == 0);
  CHECK(back.err.find("error[") == std::string::npos);
  const auto target =
      Floor(RunJson(dir, "--db out/samdrift.db halls --json --scenario '" + scenario + "'"));
  const auto again = Floor(RunJson(dir, "--db back.db halls --json"));
  REQUIRE_FALSE(target.second.empty());
  CHECK(again.first == target.first);
  CHECK(again.second == target.second);

  // The cables between target devices are there again.
  const json model = RunJson(dir, "--db back.db export --format json");
  std::size_t cables = 0;
  for (const json& r : model["relations"]) cables += r["kind"] == "connected_to";
  const std::string csv = Slurp(dir / "nb/10-cables.csv");
  CHECK(cables == static_cast<std::size_t>(std::count(csv.begin(), csv.end(), '\n') - 1));
  CHECK(cables > 0);
}

TEST_CASE("export --format netbox needs a folder", "[tools][export][netbox]") {
  const fs::path dir = ScratchDir("netbox-export-usage");
  REQUIRE(RunCli(dir, "init").exit_code == 0);
  const CliResult r = RunCli(dir, "export --format netbox");
  CHECK(r.exit_code == 2);
  CHECK(r.err == "samdrift: --format netbox writes a folder of CSV files: give --out DIR\n");
}

TEST_CASE("the report: the plan on the calendar, by track, with hours per month",
          "[tools][report][timeline]") {
  const fs::path& dir = SampleDir();
  const std::string scenario = "--scenario '" + kSamples + "/scenario.yaml' --date 2026-09-01";
  const CliResult r = RunCli(dir, "--db out/samdrift.db report " + scenario + " --out calendar");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const json plan = RunJson(dir, "--db out/samdrift.db plan " + scenario + " --json");
  double plan_hours = 0;
  std::size_t physical = 0;
  for (const json& item : plan["items"]) {
    plan_hours += item["hours"].get<double>();
    const std::string action = item["action"];
    physical += item["kind"] == "build" || action == "migrate" || action == "retire";
  }
  // Two Gantt charts, the scenario's phases as bands, the hall closures as milestones.
  const std::string html = Slurp(dir / "calendar/index.html");
  CHECK(html.find("aria-label=\"Fysisk flytt\"") != std::string::npos);
  CHECK(html.find("aria-label=\"Harmonisering\"") != std::string::npos);
  CHECK(html.find(">Bilda organisationen</text>") != std::string::npos);
  CHECK(html.find(">kv1 2026</text>") != std::string::npos);
  CHECK(html.find("Timmar per kommun och månad") != std::string::npos);

  // The tracks split the plan's items; their dates lie within the plan's.
  const auto tracks = ReadCsv(dir / "calendar/csv/plan-tracks.csv");
  REQUIRE(tracks.size() == 3);
  CHECK(tracks[1][0] == "Fysisk flytt");
  CHECK(Number(tracks[1][1]) == physical);
  CHECK(Number(tracks[1][1]) + Number(tracks[2][1]) == plan["items"].size());
  CHECK(tracks[1][4] == plan["waves"].front()["start"]);
  CHECK(tracks[2][5] <= plan["waves"].back()["end"].get<std::string>());

  // Every hour of the plan falls in some month.
  const auto hours = ReadCsv(dir / "calendar/csv/hours-per-month.csv");
  REQUIRE(hours.size() > 12);
  CHECK(hours[0].front() == "Månad");
  CHECK(hours[0].back() == "Totalt");
  CHECK(hours[1][0] == "2026-03");
  double total = 0;
  for (std::size_t i = 1; i < hours.size(); ++i) total += Number(hours[i].back());
  CHECK(total == Approx(plan_hours).margin(0.1 * static_cast<double>(hours.size())));
}
