// `samdrift halls` end to end: table, JSON keys of docs/cli.md, SVG files, exit codes.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <set>

#include "tests/tools/cli_util.h"

using namespace samdrift::testing;
namespace fs = std::filesystem;

namespace {

// Two small municipalities in generic CSV: one hall each, a redundant pair, a critical single.
fs::path SmallEstate(const std::string& name) {
  const fs::path dir = ScratchDir(name);
  WriteText(dir / "a-assets.csv",
            "name,kind,role,vendor,product,site,hall,rack,position,u_height,power_w,"
            "redundancy_group,criticality\n"
            "a-fw1,device,firewall,Fortinet,FG-100F,Huset,Hall A,R1,3,1,100,fw,critical\n"
            "a-fw2,device,firewall,Fortinet,FG-100F,Huset,Hall A,R1,4,1,100,fw,critical\n"
            "a-esx1,device,hypervisor,HPE,DL380,Huset,Hall A,R2,3,2,600,cl,high\n"
            "a-esx2,device,hypervisor,HPE,DL380,Huset,Hall A,R2,5,2,600,cl,high\n"
            "a-esx3,device,hypervisor,HPE,DL380,Huset,Hall A,R2,7,2,600,cl,high\n"
            "a-lic,device,server,HPE,DL360,Huset,Hall A,R1,5,1,,,critical\n"
            "a-sw-skola,device,access-switch,Cisco,C9300,Skolan,,,,1,100,,\n");
  WriteText(dir / "a-halls.csv", "site,hall,positions,power_kw,cooling_kw\nHuset,Hall A,4,10,9\n");
  WriteText(dir / "b-assets.csv",
            "name,kind,role,site,hall,rack,position,u_height,power_w\n"
            "b-srv1,device,server,Stan,Rum B,B1,10,2,450\n"
            "b-srv2,device,server,Stan,Rum B,B1,12,2,450\n");
  WriteText(dir / "b-halls.csv", "site,hall,positions,power_kw,cooling_kw\nStan,Rum B,2,6,6\n");
  WriteText(dir / "scenario.yaml",
            "name: Test\n"
            "halls:\n"
            "  - name: DC1\n"
            "    from: orga/Huset/Hall A\n"
            "    role: primary\n"
            "  - name: DC2\n"
            "    role: secondary\n"
            "    positions: 2\n"
            "    power_kw: 8\n"
            "    cooling_kw: 8\n"
            "redundancy: split\n");
  REQUIRE(RunCli(dir, "--db s.db init").exit_code == 0);
  REQUIRE(RunCli(dir, "--db s.db import --org orga a-assets.csv a-halls.csv").exit_code == 0);
  REQUIRE(RunCli(dir, "--db s.db import --org orgb --new-org b-assets.csv b-halls.csv").exit_code ==
          0);
  return dir;
}

}  // namespace

TEST_CASE("halls --json has the contract's keys and keeps every rule", "[tools][halls]") {
  const fs::path dir = SmallEstate("halls-json");
  const CliResult r = RunCli(dir, "--db s.db halls --scenario scenario.yaml --json --svg svg");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const auto j = nlohmann::json::parse(r.out);
  for (const char* key : {"halls", "unplaced", "lower_bound_racks"}) CHECK(j.contains(key));
  REQUIRE(j["halls"].size() == 2);
  for (const auto& hall : j["halls"]) {
    for (const char* key : {"name", "role", "positions", "positions_used", "power_kw",
                            "power_kw_used", "cooling_kw", "cooling_kw_used", "racks"}) {
      CHECK(hall.contains(key));
    }
    for (const auto& rack : hall["racks"]) {
      for (const char* key : {"name", "u", "u_used", "kw", "kw_used", "devices"}) {
        CHECK(rack.contains(key));
      }
      for (const auto& device : rack["devices"]) {
        for (const char* key : {"asset", "org", "position", "u_height", "kw"}) {
          CHECK(device.contains(key));
        }
      }
    }
  }
  // Where each device went.
  std::map<std::string, std::string> hall_of;
  for (const auto& hall : j["halls"]) {
    for (const auto& rack : hall["racks"]) {
      for (const auto& device : rack["devices"]) {
        hall_of[device["asset"].get<std::string>()] = hall["name"].get<std::string>();
      }
    }
  }
  // 8 devices in halls; the access switch in a school is not a hall device.
  CHECK(hall_of.size() == 8);
  CHECK(j["unplaced"].empty());
  // The site's firewalls are bound to it: both stay where they are, never split.
  CHECK(hall_of["a-fw1"] == "DC1");
  CHECK(hall_of["a-fw2"] == "DC1");
  CHECK(hall_of["a-lic"] == "DC1");  // critical without a partner
  int esx_in_dc1 =
      (hall_of["a-esx1"] == "DC1") + (hall_of["a-esx2"] == "DC1") + (hall_of["a-esx3"] == "DC1");
  CHECK(esx_in_dc1 == 2);  // 3 members: 2 stay in the primary hall they are in, 1 moves
  CHECK(j["halls"][0]["from"] == "orga/Huset/Hall A");
  // Today's halls: Hall A becomes DC1 with its firewalls staying; Rum B is emptied in the wave
  // its servers move (no timeline: no date).
  REQUIRE(j["today"].size() == 2);
  CHECK(j["today"][0]["hall"] == "Hall A");
  CHECK(j["today"][0]["fate"] == "target");
  CHECK(j["today"][0]["target"] == "DC1");
  CHECK(j["today"][0]["emptied_in_wave"].is_null());
  REQUIRE(j["today"][0]["stays"].size() == 2);
  CHECK(j["today"][0]["stays"][0] ==
        nlohmann::json{{"asset", "a-fw1"},
                       {"org", "orga"},
                       {"why", "the site's firewall: it guards the site's own connection"}});
  CHECK(j["today"][1]["hall"] == "Rum B");
  CHECK(j["today"][1]["fate"] == "emptied");
  CHECK(j["today"][1]["emptied_in_wave"].is_number_integer());
  CHECK(j["today"][1]["emptied_on"].is_null());
  CHECK(j["today"][1]["stays"].empty());
  CHECK(j["halls"][0]["positions"] == 4);
  CHECK(j["halls"][0]["power_kw"] == 10.0);
  CHECK(j["halls"][0]["cooling_kw"] == 9.0);
  CHECK(j["halls"][1]["new_racks"] == 1);
  CHECK(j["buy"]["racks"] == 1);
  CHECK(j["feasible"] == true);
  CHECK(j["lower_bound_racks"].get<int>() <= j["racks_used"].get<int>());
  // The SVGs: a floor view per hall and an elevation per rack.
  std::size_t racks = 0;
  for (const auto& hall : j["halls"]) racks += hall["racks"].size();
  std::size_t files = 0;
  for (const auto& entry : fs::directory_iterator(dir / "svg")) {
    ++files;
    CHECK(Slurp(entry.path()).rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg", 0) == 0);
  }
  CHECK(files == 2 + racks);
  CHECK(fs::exists(dir / "svg" / "hall-DC1.svg"));
  CHECK(fs::exists(dir / "svg" / "rack-DC1-R1.svg"));
}

TEST_CASE("halls prints a table; without a scenario the existing halls as they are",
          "[tools][halls]") {
  const fs::path dir = SmallEstate("halls-table");
  CliResult r = RunCli(dir, "--db s.db halls --scenario scenario.yaml");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("DC1 (from orga/Huset/Hall A): headroom") != std::string::npos);
  CHECK(r.out.find("racks used: ") != std::string::npos);
  CHECK(r.out.find("to buy: 1 new racks, 2 PDUs") != std::string::npos);
  r = RunCli(dir, "--db s.db halls --json");
  REQUIRE(r.exit_code == 0);
  const auto j = nlohmann::json::parse(r.out);
  REQUIRE(j["halls"].size() == 2);
  CHECK(j["halls"][0]["name"] == "orga/Huset/Hall A");
  CHECK(j["halls"][0]["positions_used"] == 2);
  CHECK(j["halls"][0]["power_kw_used"] == 2.45);  // 2 x 100 + 3 x 600 + 450 (server default)
  CHECK(j["halls"][1]["power_kw_used"] == 0.9);
  CHECK(j["halls"][1]["racks"][0]["kw"].is_null());  // no rack power budget recorded
  CHECK(j["unplaced"].empty());
}

TEST_CASE("an infeasible hall plan exits 1 and still prints the plan", "[tools][halls]") {
  const fs::path dir = SmallEstate("halls-infeasible");
  WriteText(dir / "tight.yaml",
            "halls:\n"
            "  - name: Small\n"
            "    role: primary\n"
            "    positions: 1\n"
            "    power_kw: 1\n"
            "    cooling_kw: 1\n"
            "    rack_u: 6\n"
            "redundancy: none\n");
  const CliResult r = RunCli(dir, "--db s.db halls --scenario tight.yaml --json");
  CHECK(r.exit_code == 1);
  const auto j = nlohmann::json::parse(r.out);
  CHECK(j["feasible"] == false);
  CHECK_FALSE(j["unplaced"].empty());
  for (const auto& u : j["unplaced"]) {
    CHECK(u.contains("asset"));
    CHECK(u.contains("org"));
    CHECK_FALSE(u["reason"].get<std::string>().empty());
  }
  // Every device left out is a warning on stderr, then the count.
  std::string warnings;
  std::size_t stuck = 0;
  for (const auto& u : j["unplaced"]) {
    if (u["limit"] == "spare_pdu") continue;
    ++stuck;
    warnings += "tight.yaml: warning[HAL010]: device '" + u["asset"].get<std::string>() + "' of " +
                u["org"].get<std::string>() + " not placed (" + u["limit"].get<std::string>() +
                "): " + u["reason"].get<std::string>() + "\n";
  }
  CHECK(r.err == warnings + "samdrift: infeasible plan: " + std::to_string(stuck) +
                     " devices could not be placed (listed as unplaced)\n");

  // The plan and the report say so too; the report's hall section at its top.
  const CliResult plan = RunCli(dir, "--db s.db plan --scenario tight.yaml");
  CHECK(plan.err.find(warnings) != std::string::npos);
  const CliResult report =
      RunCli(dir, "--db s.db report --scenario tight.yaml --out out --lang en");
  INFO(report.err);
  REQUIRE(report.exit_code == 0);
  CHECK(report.err.find(warnings) != std::string::npos);
  const std::string html = Slurp(dir / "out" / "index.html");
  CHECK(html.find("<h2>Hall plan</h2>\n<p class=\"intro\">Not placed: " + std::to_string(stuck) +
                  " devices fit in no target hall (the table &#39;Not placed&#39; below says "
                  "why).\nWhere the datacenter") != std::string::npos);
}

TEST_CASE("a scenario naming a hall that does not exist exits 1 with its line", "[tools][halls]") {
  const fs::path dir = SmallEstate("halls-unknown");
  WriteText(dir / "typo.yaml", "halls:\n  - name: DC1\n    from: orga/Huset/Hall\n");
  const CliResult r = RunCli(dir, "--db s.db halls --scenario typo.yaml");
  CHECK(r.exit_code == 1);
  CHECK(r.out.empty());
  CHECK(r.err ==
        "typo.yaml:2:5: error[HAL001]: hall 'DC1': from: no hall 'orga/Huset/Hall' in the "
        "store; did you mean 'orga/Huset/Hall A'?\n"
        "samdrift: the scenario names halls or devices that are not in the store; nothing "
        "planned\n");
}

TEST_CASE("halls does not place what the target retires, as plan does not", "[tools][halls]") {
  const fs::path dir = ScratchDir("halls-retired");
  WriteText(dir / "assets.csv",
            "name,kind,role,vendor,product,site,hall,rack,position,u_height,power_w\n"
            "a-san1,device,storage,HPE,Nimble Storage HF40,Huset,Hall A,R1,3,4,900\n"
            "a-esx1,device,hypervisor,HPE,ProLiant DL380 Gen10,Huset,Hall A,R1,7,2,500\n");
  WriteText(dir / "halls.csv", "site,hall,positions,power_kw,cooling_kw\nHuset,Hall A,4,10,9\n");
  WriteText(dir / "scenario.yaml",
            "name: No storage\n"
            "standards:\n"
            "  storage: none\n"
            "halls:\n"
            "  - name: DC1\n"
            "    role: primary\n"
            "    positions: 2\n"
            "    power_kw: 8\n"
            "    cooling_kw: 8\n"
            "redundancy: none\n");
  REQUIRE(RunCli(dir, "--db s.db init").exit_code == 0);
  REQUIRE(RunCli(dir, "--db s.db import --org orga assets.csv halls.csv").exit_code == 0);

  CliResult r = RunCli(dir, "--db s.db target --scenario scenario.yaml --json");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  std::set<std::string> retired_by_target;
  const auto target = nlohmann::json::parse(r.out);
  for (const auto& gap : target["gaps"]) {
    if (gap["action"] == "retire") retired_by_target.insert(gap["asset"].get<std::string>());
  }
  REQUIRE(retired_by_target == std::set<std::string>{"a-san1"});

  r = RunCli(dir, "--db s.db halls --scenario scenario.yaml --json");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const auto j = nlohmann::json::parse(r.out);
  std::set<std::string> retired, placed;
  for (const auto& d : j["retired"]) retired.insert(d["asset"].get<std::string>());
  for (const auto& hall : j["halls"]) {
    for (const auto& rack : hall["racks"]) {
      for (const auto& d : rack["devices"]) placed.insert(d["asset"].get<std::string>());
    }
  }
  CHECK(retired == retired_by_target);
  CHECK(placed == std::set<std::string>{"a-esx1"});

  // The plan moves only what halls places, and retires the rest.
  r = RunCli(dir, "--db s.db plan --scenario scenario.yaml --json");
  REQUIRE(r.exit_code == 0);
  std::set<std::string> moved;
  const auto plan = nlohmann::json::parse(r.out);
  for (const auto& item : plan["items"]) {
    if (item["id"].get<std::string>().size() > 5 &&
        item["id"].get<std::string>().substr(item["id"].get<std::string>().size() - 5) == ":move") {
      moved.insert(item["asset"].get<std::string>());
    }
  }
  CHECK(moved == placed);
}

TEST_CASE("a hall past its power or cooling today is shown as over, not green", "[tools][halls]") {
  const fs::path dir = ScratchDir("halls-over");
  WriteText(dir / "assets.csv",
            "name,kind,role,site,hall,rack,position,u_height,power_w\n"
            "srv1,device,server,Huset,Hall A,R1,3,2,1500\n"
            "srv2,device,server,Huset,Hall A,R1,6,2,1500\n");
  WriteText(dir / "halls.csv", "site,hall,positions,power_kw,cooling_kw\nHuset,Hall A,2,2.5,2\n");
  REQUIRE(RunCli(dir, "--db s.db init").exit_code == 0);
  REQUIRE(RunCli(dir, "--db s.db import --org orga assets.csv halls.csv").exit_code == 0);

  // Today's halls as they are: both servers stand where they are; the hall is over.
  CliResult r = RunCli(dir, "--db s.db halls --json --svg svg --lang en");
  INFO(r.err);
  CHECK(r.exit_code == 0);
  CHECK(r.err.empty());
  const auto j = nlohmann::json::parse(r.out);
  CHECK(j["unplaced"].empty());
  REQUIRE(j["halls"].size() == 1);
  CHECK(j["halls"][0]["power_kw_used"] == 3.0);
  CHECK(j["halls"][0]["cooling_kw_used"] == 3.0);
  const std::string svg = Slurp(dir / "svg" / "hall-orga_Huset_Hall_A.svg");
  CHECK(svg.find("<text x=\"8\" y=\"42\" class=\"over\" fill=\"#d00\" font-weight=\"bold\">"
                 "positions 1 / 2 · power 3.0 / 2.5 kW · cooling 3.0 / 2.0 kW · OVER: power, "
                 "cooling</text>") != std::string::npos);
  // No green bar: the green is only the key's swatch under the floor.
  CHECK(svg.find("#2a9d8f") == svg.rfind("#2a9d8f"));
  // Without --lang in Swedish, as the report.
  REQUIRE(RunCli(dir, "--db s.db halls --json --svg svg-sv").exit_code == 0);
  const std::string sv = Slurp(dir / "svg-sv" / "hall-orga_Huset_Hall_A.svg");
  CHECK(sv.find(">platser 1 / 2 · effekt 3.0 / 2.5 kW · kyla 3.0 / 2.0 kW · ÖVER: effekt, "
                "kyla</text>") != std::string::npos);
  CHECK(sv.find("positions") == std::string::npos);
  CHECK(svg.find("#2a9d8f") > svg.find("Each box is a rack position"));

  r = RunCli(dir, "--db s.db halls");
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("  OVER: power, cooling\n") != std::string::npos);

  r = RunCli(dir, "--db s.db report --out out --lang en");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const std::string html = Slurp(dir / "out" / "index.html");
  CHECK(html.find("<h2>Hall plan</h2>\n<p class=\"intro\">orga/Huset/Hall A: over capacity "
                  "(power, cooling).\nWhere the datacenter") != std::string::npos);
}

TEST_CASE("keep_halls naming a hall the store lacks, a margin past 1: located errors, exit 1",
          "[tools][halls]") {
  const fs::path dir = SmallEstate("halls-keep-unknown");
  WriteText(dir / "keep.yaml",
            "halls:\n  - name: DC1\n    from: orga/Huset/Hall A\nkeep_halls: [orgb/Stan/Rum C]\n");
  const CliResult r = RunCli(dir, "--db s.db halls --scenario keep.yaml");
  CHECK(r.exit_code == 1);
  CHECK(r.out.empty());
  CHECK(r.err ==
        "keep.yaml:4:14: error[HAL003]: keep_halls: no hall 'orgb/Stan/Rum C' in the store; did "
        "you mean 'orgb/Stan/Rum B'?\n"
        "samdrift: the scenario names halls or devices that are not in the store; nothing "
        "planned\n");
  WriteText(dir / "margin.yaml", "design_margin: 1.5\n");
  const CliResult m = RunCli(dir, "--db s.db halls --scenario margin.yaml");
  CHECK(m.exit_code == 1);
  CHECK(m.err.rfind("margin.yaml:1:16: error[SCN001]: design_margin: must be more than 0 and at "
                    "most 1, got '1.5'\n",
                    0) == 0);
}

TEST_CASE("halls: today's halls are printed with their fates", "[tools][halls]") {
  const fs::path dir = SmallEstate("halls-today-text");
  WriteText(dir / "keep.yaml",
            "halls:\n  - name: DC1\n    from: orga/Huset/Hall A\n    role: primary\n"
            "keep_halls: [orgb/Stan/Rum B]\n");
  const CliResult r = RunCli(dir, "--db s.db halls --scenario keep.yaml");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("today's halls:\n"
                   "  orga/Huset/Hall A: target hall DC1; stays: 2\n"
                   "    a-fw1: the site's firewall: it guards the site's own connection\n"
                   "    a-fw2: the site's firewall: it guards the site's own connection\n"
                   "  orgb/Stan/Rum B: kept; stays: 2\n"
                   "    b-srv1: its hall is kept (keep_halls)\n"
                   "    b-srv2: its hall is kept (keep_halls)\n") != std::string::npos);
}
