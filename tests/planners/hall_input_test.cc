#include "planners/hall_input.h"

#include <catch2/catch.hpp>

#include "core/device_types.h"

using namespace samdrift;
using core::Asset;
using core::AssetKind;

namespace {

Asset Hall(std::string org, std::string site, std::string name, std::string positions,
           std::string power, std::string cooling) {
  Asset a;
  a.org = std::move(org);
  a.kind = AssetKind::kHall;
  a.site = std::move(site);
  a.name = std::move(name);
  if (!positions.empty()) a.SetAttr("positions", positions);
  if (!power.empty()) a.SetAttr("power_kw", power);
  if (!cooling.empty()) a.SetAttr("cooling_kw", cooling);
  return a;
}

Asset Rack(std::string org, std::string site, std::string hall, std::string name, int u) {
  Asset a;
  a.org = std::move(org);
  a.kind = AssetKind::kRack;
  a.site = std::move(site);
  a.hall = std::move(hall);
  a.name = std::move(name);
  if (u) a.SetAttr("u_height", std::to_string(u));
  return a;
}

Asset Device(std::string org, std::string name, std::string role, std::string site,
             std::string hall, std::string rack) {
  Asset a;
  a.org = std::move(org);
  a.name = std::move(name);
  a.role = std::move(role);
  a.category = core::DefaultCategory(AssetKind::kDevice, a.role);
  a.site = std::move(site);
  a.hall = std::move(hall);
  a.rack = std::move(rack);
  return a;
}

core::Estate Estate() {
  core::Estate e;
  e.assets.push_back(Hall("varnamo", "Stadshuset", "Serverhall 1", "8", "36.000000", "38"));
  e.assets.push_back(Hall("gislaved", "Kommunhuset", "Datahallen", "", "24", ""));
  e.assets.push_back(Rack("varnamo", "Stadshuset", "Serverhall 1", "A02", 47));
  e.assets.push_back(Rack("varnamo", "Stadshuset", "Serverhall 1", "A01", 0));
  e.assets.push_back(Rack("gislaved", "Kommunhuset", "Datahallen", "G1", 42));
  Asset esx = Device("varnamo", "vmo-esx01", "Hypervisor", "Stadshuset", "Serverhall 1", "A01");
  esx.vendor = "Dell";
  esx.product = "PowerEdge R650";
  esx.position = 5;
  esx.redundancy_group = "Prod";
  esx.criticality = "critical";
  e.assets.push_back(esx);
  Asset tape = Device("varnamo", "vmo-tape01", "Tape Library", "Stadshuset", "Serverhall 1", "A02");
  tape.position = 10;
  e.assets.push_back(tape);
  Asset pdu = Device("varnamo", "vmo-pdu-a01-a", "PDU", "Stadshuset", "Serverhall 1", "A01");
  pdu.u_height = 1;
  pdu.position = 1;
  e.assets.push_back(pdu);
  Asset old = Device("gislaved", "gis-lic01", "Server", "Kommunhuset", "Datahallen", "G1");
  old.u_height = 1;
  old.power_w = 220;
  e.assets.push_back(old);
  // Not datacenter devices for the hall plan: no hall, a client.
  e.assets.push_back(Device("varnamo", "vmo-sw-bibl-01", "Access Switch", "Bibliotek", "", ""));
  e.assets.push_back(Device("varnamo", "vmo-nohall-01", "Server", "", "", ""));
  Asset laptop = Device("varnamo", "vmo-pc-001", "laptop", "Stadshuset", "Serverhall 1", "");
  laptop.kind = AssetKind::kClient;
  e.assets.push_back(laptop);
  return e;
}

std::vector<core::DeviceType> Catalog() {
  core::DeviceType r650;
  r650.manufacturer = "Dell";
  r650.model = "PowerEdge R650";
  r650.u_height = 1;
  r650.allocated_draw_w = 420;
  r650.max_draw_w = 1100;
  return {r650};
}

std::vector<std::string> Lines(const core::Diagnostics& d) {
  std::vector<std::string> out;
  for (const auto& item : d.items()) out.push_back(core::FormatDiagnostic(item));
  return out;
}

planners::Scenario TwoHalls() {
  core::Diagnostics d;
  auto s = planners::ParseScenario(R"(halls:
  - name: DC1
    from: varnamo/Stadshuset/Serverhall 1
    role: primary
    power_kw: 30
  - name: DC2
    from: gislaved/Kommunhuset/Datahallen
    role: secondary
    rack_power_kw: 6
  - name: DC3
    role: secondary
    positions: 10
    power_kw: 50
    cooling_kw: 50
)",
                                   "s.yaml", d);
  REQUIRE(s);
  return *s;
}

}  // namespace

TEST_CASE("the hall input: devices in halls, figures resolved, halls resolved",
          "[planners][halls][input]") {
  const core::Estate estate = Estate();
  core::Diagnostics d;
  auto in = planners::BuildHallInput(estate, Catalog(), TwoHalls(), {}, d);
  REQUIRE(in.ok());
  CHECK(d.total() == 0);
  std::vector<std::string> names;
  for (const auto& dev : in->devices) names.push_back(dev.org + "/" + dev.name);
  CHECK(names == std::vector<std::string>{"gislaved/gis-lic01", "varnamo/vmo-esx01",
                                          "varnamo/vmo-pdu-a01-a", "varnamo/vmo-tape01"});
  const auto& esx = in->devices[1];
  CHECK(esx.u_height == 1);  // from the catalog
  CHECK(esx.kw == Approx(0.42));
  CHECK_FALSE(esx.estimated);
  CHECK(esx.critical);
  CHECK(esx.redundancy_group == "Prod");
  CHECK(esx.position == 5);
  CHECK(in->devices[2].pdu);
  CHECK(in->devices[2].kw == 0);  // no figure: a PDU draws nothing itself, not an estimate
  CHECK_FALSE(in->devices[2].estimated);
  const auto& tape = in->devices[3];
  CHECK(tape.estimated);  // no figures, no catalog entry: the role default
  CHECK(tape.kw == Approx(core::DefaultFiguresForRole("Tape Library").power_w / 1000.0));

  REQUIRE(in->halls.size() == 3);
  const auto& dc1 = in->halls[0];
  CHECK(dc1.From() == "varnamo/Stadshuset/Serverhall 1");
  CHECK(dc1.positions == 8);       // from the hall's attributes
  CHECK(dc1.power_kw == 30);       // the scenario's
  CHECK(dc1.cooling_kw == 38);     // the hall's
  REQUIRE(dc1.racks.size() == 2);  // by name, heights from the racks
  CHECK(dc1.racks[0].name == "A01");
  CHECK(dc1.racks[0].u == 42);
  CHECK(dc1.racks[1].u == 47);
  const auto& dc2 = in->halls[1];
  CHECK(dc2.positions == 1);  // none recorded: its existing racks
  CHECK(dc2.rack_power_kw == 6);
  CHECK(dc2.cooling_kw == planners::kUnlimited);
  CHECK(in->halls[2].From().empty());
  CHECK(in->notes == std::vector<std::string>{
                         "DC2: no rack positions recorded; assumed 1 (its existing racks)",
                         "DC2: no cooling capacity recorded",
                         "1 devices have estimated figures (per-role defaults)",
                         "1 datacenter devices have no hall in the inventory and are not planned"});
}

TEST_CASE("the hall input leaves out what the target retires", "[planners][halls][input]") {
  core::Diagnostics d;
  planners::AssetNames retired = {{"gislaved", "gis-lic01"}, {"varnamo", "no-such-device"}};
  auto in = planners::BuildHallInput(Estate(), Catalog(), TwoHalls(), retired, d);
  REQUIRE(in.ok());
  REQUIRE(in->retired.size() == 1);
  CHECK(in->retired[0].name == "gis-lic01");
  for (const auto& dev : in->devices) CHECK(dev.name != "gis-lic01");
  const planners::HallPlan plan = planners::PlanHalls(*in);
  CHECK(plan.retired.size() == 1);
  std::size_t accounted = plan.unplaced.size();
  for (const auto& h : plan.halls) {
    for (const auto& r : h.racks) accounted += r.devices.size();
  }
  CHECK(accounted == 3);  // 4 devices in halls, one retired
}

TEST_CASE("a scenario hall that is not in the store is a located error",
          "[planners][halls][input]") {
  core::Diagnostics d;
  auto s = planners::ParseScenario(R"(halls:
  - name: DC1
    from: varnamo/Stadshuset/Serverhall1
  - name: DC2
    from: varnamo/Stadshuset/Serverhall 1
  - name: DC3
    from: varnamo/Stadshuset/Serverhall 1
)",
                                   "s.yaml", d);
  REQUIRE(s);
  auto in = planners::BuildHallInput(Estate(), Catalog(), *s, {}, d);
  REQUIRE_FALSE(in.ok());
  CHECK(in.status().exit_code() == 1);
  CHECK(Lines(d) ==
        std::vector<std::string>{"s.yaml:2:5: error[HAL001]: hall 'DC1': from: no hall "
                                 "'varnamo/Stadshuset/Serverhall1' in the store; did you mean "
                                 "'varnamo/Stadshuset/Serverhall 1'?",
                                 "s.yaml:6:5: error[HAL002]: hall 'DC3': from: "
                                 "'varnamo/Stadshuset/Serverhall 1' is already the hall 'DC2'"});
}

TEST_CASE("without target halls every existing hall stays as it is", "[planners][halls][input]") {
  core::Diagnostics d;
  auto in = planners::BuildHallInput(Estate(), Catalog(), planners::Scenario{}, {}, d);
  REQUIRE(in.ok());
  CHECK(in->redundancy == planners::RedundancyRule::kNone);
  REQUIRE(in->halls.size() == 2);
  CHECK(in->halls[0].name == "gislaved/Kommunhuset/Datahallen");
  CHECK(in->halls[1].name == "varnamo/Stadshuset/Serverhall 1");
  CHECK(in->halls[1].rack_power_kw == planners::kUnlimited);
  CHECK(in->halls[1].rack_pdu_u == 0);
  const planners::HallPlan plan = planners::PlanHalls(*in);
  CHECK(plan.Feasible());
  // Everything with a position stays where it is; gis-lic01 has none and gets one in G1.
  for (const auto& p : planners::DevicePlacements(plan)) {
    CHECK(p.kept == (p.asset != "gis-lic01"));
  }
}

TEST_CASE("power panels and feeds supply the hall; they are not placed in racks",
          "[planners][halls][input]") {
  core::Estate estate = Estate();
  Asset feed = Device("varnamo", "Stadshuset/Elcentral A/A01-A", "power-feed", "Stadshuset",
                      "Serverhall 1", "A01");
  feed.u_height = 0;
  feed.SetAttr("available_kw", "8.87");
  estate.assets.push_back(feed);
  estate.assets.push_back(Device("varnamo", "Stadshuset/Elcentral A", "power-panel", "Stadshuset",
                                 "Serverhall 1", ""));
  core::Diagnostics d;
  auto in = planners::BuildHallInput(estate, Catalog(), planners::Scenario{}, {}, d);
  REQUIRE(in.ok());
  CHECK_FALSE(in->devices.empty());
  for (const planners::HallDevice& dev : in->devices) {
    CHECK(dev.role != "power-feed");
    CHECK(dev.role != "power-panel");
  }
  CHECK(planners::IsPowerInfrastructureRole("Power-Feed"));
  CHECK_FALSE(planners::IsPowerInfrastructureRole("PDU"));
}

TEST_CASE("PDU roles", "[planners][halls][input]") {
  CHECK(planners::IsPduRole("PDU"));
  CHECK(planners::IsPduRole("rack-pdu"));
  CHECK(planners::IsPduRole("Power Distribution Unit"));
  CHECK_FALSE(planners::IsPduRole("pdus-controller"));
  CHECK_FALSE(planners::IsPduRole("UPS"));
}
