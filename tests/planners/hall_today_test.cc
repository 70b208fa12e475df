// Issue 20: the design margin, site-bound equipment that stays, keep_halls, and the fate of
// every hall in use today.
#include "planners/hall_today.h"

#include <catch2/catch.hpp>

#include "core/text.h"
#include "planners/hall_input.h"
#include "planners/hall_plan.h"
#include "planners/scenario.h"

using namespace samdrift;
using core::Asset;
using core::AssetKind;
using planners::HallDevice;
using planners::HallSpec;

namespace {

std::vector<std::string> Lines(const core::Diagnostics& d) {
  std::vector<std::string> out;
  for (const auto& item : d.items()) out.push_back(core::FormatDiagnostic(item));
  return out;
}

planners::Scenario Parse(const std::string& yaml) {
  core::Diagnostics d;
  auto s = planners::ParseScenario(yaml, "s.yaml", d);
  INFO(core::Join(Lines(d), "\n"));
  REQUIRE(s);
  return *s;
}

HallSpec NewHall(std::string name, planners::HallRole role, double kw) {
  HallSpec h;
  h.name = std::move(name);
  h.role = role;
  h.positions = 4;
  h.power_kw = kw;
  h.cooling_kw = kw;
  return h;
}

HallDevice Server(std::string name, double kw) {
  HallDevice d;
  d.org = "org";
  d.name = std::move(name);
  d.role = "server";
  d.u_height = 2;
  d.kw = kw;
  return d;
}

Asset Located(AssetKind kind, std::string org, std::string name, std::string site, std::string hall,
              std::string rack) {
  Asset a;
  a.kind = kind;
  a.org = std::move(org);
  a.name = std::move(name);
  a.site = std::move(site);
  a.hall = std::move(hall);
  a.rack = std::move(rack);
  return a;
}

Asset Device(std::string org, std::string name, std::string role, std::string site,
             std::string hall, std::string rack, int position) {
  Asset a = Located(AssetKind::kDevice, std::move(org), std::move(name), std::move(site),
                    std::move(hall), std::move(rack));
  a.role = std::move(role);
  a.category = core::DefaultCategory(AssetKind::kDevice, a.role);
  a.position = position;
  a.u_height = 1;
  a.power_w = 200;
  return a;
}

// Two orgs: Värnamo's hall becomes DC1, Gnosjö's server room is emptied, Hylte's is kept.
core::Estate Estate() {
  core::Estate e;
  for (auto [org, site, hall, rack] :
       {std::tuple{"varnamo", "Stadshuset", "Serverhall 1", "A01"},
        std::tuple{"gnosjo", "Gnosjö kommunhus", "Serverrummet", "R1"},
        std::tuple{"hylte", "Rådhuset", "Serverrum", "H1"}}) {
    Asset h = Located(AssetKind::kHall, org, hall, site, "", "");
    h.SetAttr("positions", "4");
    h.SetAttr("power_kw", "20");
    h.SetAttr("cooling_kw", "20");
    e.assets.push_back(h);
    e.assets.push_back(Located(AssetKind::kRack, org, rack, site, hall, ""));
  }
  e.assets.push_back(
      Device("varnamo", "vmo-core01", "core-switch", "Stadshuset", "Serverhall 1", "A01", 10));
  e.assets.push_back(
      Device("varnamo", "vmo-esx01", "hypervisor", "Stadshuset", "Serverhall 1", "A01", 12));
  e.assets.push_back(
      Device("gnosjo", "gno-core01", "kärnswitch", "Gnosjö kommunhus", "Serverrummet", "R1", 3));
  e.assets.push_back(
      Device("gnosjo", "gno-fw01", "brandvägg", "Gnosjö kommunhus", "Serverrummet", "R1", 4));
  e.assets.push_back(
      Device("gnosjo", "gno-ups01", "UPS", "Gnosjö kommunhus", "Serverrummet", "R1", 8));
  e.assets.push_back(Device("gnosjo", "gno-esx01", "virtualiseringsvärd", "Gnosjö kommunhus",
                            "Serverrummet", "R1", 12));
  e.assets.push_back(
      Device("gnosjo", "gno-nas01", "lagring", "Gnosjö kommunhus", "Serverrummet", "R1", 14));
  e.assets.push_back(Device("hylte", "HYL-HV01", "hypervisor", "Rådhuset", "Serverrum", "H1", 5));
  return e;
}

constexpr const char* kScenario = R"(halls:
  - name: DC1
    from: varnamo/Stadshuset/Serverhall 1
    role: primary
    rack_power_kw: 8
keep_halls: [hylte/Rådhuset/Serverrum]
site_bound: [gnosjo/gno-nas01]
)";

std::vector<std::string> Names(const std::vector<HallDevice>& devices) {
  std::vector<std::string> out;
  for (const HallDevice& d : devices) out.push_back(d.org + "/" + d.name + ": " + d.site_bound);
  return out;
}

}  // namespace

TEST_CASE("scenario: keep_halls, design_margin and site_bound", "[planners][scenario][halls]") {
  const planners::Scenario s = Parse(std::string(kScenario) + "design_margin: 0,75\n");
  CHECK(s.keep_halls == std::vector<std::string>{"hylte/Rådhuset/Serverrum"});
  CHECK(s.site_bound == std::vector<std::string>{"gnosjo/gno-nas01"});
  CHECK(s.design_margin == Approx(0.75));
  CHECK(planners::Scenario{}.design_margin == Approx(0.8));

  core::Diagnostics d;
  CHECK_FALSE(planners::ParseScenario(
      "design_margin: 1.2\nkeep_halls: [hylte/Serverrum]\nsite_bound: gno-nas01\n", "s.yaml", d));
  CHECK(Lines(d) ==
        std::vector<std::string>{
            "s.yaml:2:14: error[SCN001]: keep_halls: expected org/site/hall, got 'hylte/Serverrum'",
            "s.yaml:3:13: error[SCN001]: site_bound: expected a list of org/asset",
            "s.yaml:1:16: error[SCN001]: design_margin: must be more than 0 and at most 1, got "
            "'1.2'"});
  core::Diagnostics zero;
  CHECK_FALSE(planners::ParseScenario("design_margin: 0\n", "s.yaml", zero));
  CHECK(Lines(zero) == std::vector<std::string>{"s.yaml:1:16: error[SCN001]: design_margin: must "
                                                "be more than 0 and at most 1, got '0'"});
}

TEST_CASE("the design margin: halls and racks are not filled past it",
          "[planners][halls][margin]") {
  planners::HallPlanInput in;
  in.redundancy = planners::RedundancyRule::kNone;
  in.halls.push_back(NewHall("DC1", planners::HallRole::kPrimary, 10));
  in.halls[0].rack_power_kw = 8;
  for (int i = 1; i <= 3; ++i) in.devices.push_back(Server("srv" + std::to_string(i), 3));

  // Without a margin the whole 10 kW: three servers of 3 kW, two racks of 8 kW.
  const planners::HallPlan whole = planners::PlanHalls(in);
  CHECK(whole.unplaced.empty());

  in.margin = 0.8;  // 8 kW of the hall, 6.4 kW of each rack
  const planners::HallPlan plan = planners::PlanHalls(in);
  REQUIRE(plan.unplaced.size() == 1);
  CHECK(plan.unplaced[0].reason ==
        "needs 2 U, 3.0 kW: DC1: power 2.0 of 8.0 kW left at the design margin of 80 %");
  REQUIRE(plan.halls.size() == 1);
  CHECK(plan.halls[0].power_kw_used == Approx(6));
  for (const planners::PlannedRack& r : plan.halls[0].racks) {
    CHECK(r.kw_used <= 6.4);
    CHECK_FALSE(planners::PastMargin(r, plan.margin));
  }
  CHECK(planners::PastMargin(plan.halls[0], plan.margin).empty());

  // A hall or rack used past the margin but within its capacity is past it; over is not.
  planners::PlannedHall hall;
  hall.power_kw = 10;
  hall.cooling_kw = 20;
  hall.power_kw_used = hall.cooling_kw_used = 9;
  CHECK(planners::PastMargin(hall, 0.8) == std::vector<std::string>{"power"});
  hall.power_kw_used = hall.cooling_kw_used = 11;
  CHECK(planners::PastMargin(hall, 0.8).empty());
  CHECK(planners::HallOver(hall) == std::vector<std::string>{"power"});
  planners::PlannedRack rack;
  rack.kw_budget = 8;
  rack.kw_used = 6.5;
  CHECK(planners::PastMargin(rack, 0.8));
  CHECK_FALSE(planners::PastMargin(rack, 0.9));
}

TEST_CASE("site-bound roles", "[planners][halls][stays]") {
  for (const char* role :
       {"kärnswitch", "Core Switch", "core-switch", "campus-switch", "accesswitch", "Access Switch",
        "access-point", "accesspunkt", "brandvägg", "Firewall", "UPS", "printer", "site-router"}) {
    INFO(role);
    CHECK_FALSE(planners::SiteBoundWhy(role).empty());
  }
  for (const char* role : {"hypervisor", "dc-switch", "switch", "san-switch", "storage", "pdu",
                           "virtualiseringsvärd", "backup-server", ""}) {
    INFO(role);
    CHECK(planners::SiteBoundWhy(role).empty());
  }
  CHECK(planners::SiteBoundWhy("kärnswitch") ==
        "the site's core switch: it carries the site's own network");
}

TEST_CASE("site-bound equipment and kept halls stay; the rest moves", "[planners][halls][stays]") {
  core::Diagnostics d;
  auto in = planners::BuildHallInput(Estate(), {}, Parse(kScenario), {}, d);
  INFO(core::Join(Lines(d), "\n"));
  REQUIRE(in.ok());
  CHECK(Names(in->stays) ==
        std::vector<std::string>{
            "gnosjo/gno-core01: the site's core switch: it carries the site's own network",
            "gnosjo/gno-fw01: the site's firewall: it guards the site's own connection",
            "gnosjo/gno-nas01: named by the scenario's site_bound",
            "gnosjo/gno-ups01: the site's UPS: part of the room's power, not of the IT estate",
            "hylte/HYL-HV01: its hall is kept (keep_halls)"});
  // In the target hall the core switch is a device of the plan that keeps its place.
  CHECK(Names(in->devices) ==
        std::vector<std::string>{
            "gnosjo/gno-esx01: ",
            "varnamo/vmo-core01: the site's core switch: it carries the site's own network",
            "varnamo/vmo-esx01: "});
  CHECK(in->margin == Approx(0.8));

  const planners::HallPlan plan = planners::PlanHalls(*in);
  CHECK(plan.unplaced.empty());
  for (const auto& p : planners::DevicePlacements(plan)) {
    INFO(p.asset);
    CHECK(p.hall == "DC1");
    CHECK(p.kept == (p.org == "varnamo"));
  }

  // Gnosjö's server room is emptied in the wave its hypervisor moves; what is bound stays.
  planners::WavePlan waves;
  waves.waves.resize(3);
  for (int w = 0; w < 3; ++w) {
    waves.waves[w].number = w + 1;
    waves.waves[w].end = "2026-0" + std::to_string(w + 4) + "-30";
  }
  planners::PlannedItem move;
  move.item.id = "gnosjo:gno-esx01:move";
  move.item.org = "gnosjo";
  move.item.asset = "gno-esx01";
  move.item.action = "migrate";
  move.item.kind = "device";
  move.wave = 2;
  planners::PlannedItem upgrade = move;
  upgrade.item.id = "gnosjo:gno-esx01:hypervisor";
  upgrade.item.action = "upgrade";
  upgrade.wave = 3;  // not a move: does not empty the hall
  waves.items = {move, upgrade};
  const auto fates = planners::HallFates(plan, &waves);
  REQUIRE(fates.size() == 3);
  const auto& gnosjo = fates[0];
  CHECK(gnosjo.hall == "Serverrummet");
  CHECK(ToString(gnosjo.fate) == "emptied");
  CHECK(gnosjo.emptied_in_wave == 2);
  CHECK(gnosjo.emptied_on == "2026-05-30");
  std::vector<std::string> staying;
  for (const auto& s : gnosjo.stays) staying.push_back(s.asset);
  CHECK(staying == std::vector<std::string>{"gno-core01", "gno-fw01", "gno-nas01", "gno-ups01"});
  CHECK(ToString(fates[1].fate) == "kept");
  CHECK(fates[1].hall == "Serverrum");
  REQUIRE(fates[1].stays.size() == 1);
  CHECK(fates[1].stays[0].why == "its hall is kept (keep_halls)");
  CHECK(ToString(fates[2].fate) == "target");
  CHECK(fates[2].target == "DC1");
  CHECK(fates[2].emptied_in_wave == 0);
  REQUIRE(fates[2].stays.size() == 1);
  CHECK(fates[2].stays[0].asset == "vmo-core01");
}

TEST_CASE("a site-bound device in a target hall is never split off to the other side",
          "[planners][halls][stays]") {
  planners::HallPlanInput in;
  in.halls.push_back(NewHall("DC1", planners::HallRole::kPrimary, 20));
  in.halls.push_back(NewHall("DC2", planners::HallRole::kSecondary, 20));
  in.halls[0].from_org = "org";
  in.halls[0].from_site = "S";
  in.halls[0].from_hall = "H";
  in.halls[0].racks = {{"A01", 42}};
  for (int i = 1; i <= 2; ++i) {
    HallDevice fw = Server("fw0" + std::to_string(i), 0.2);
    fw.u_height = 1;
    fw.role = "firewall";
    fw.redundancy_group = "fw";
    fw.critical = true;
    fw.site = "S";
    fw.hall = "H";
    fw.rack = "A01";
    fw.position = 10 + i;
    fw.site_bound = "the site's firewall";
    in.devices.push_back(fw);
  }
  const planners::HallPlan plan = planners::PlanHalls(in);
  const auto placements = planners::DevicePlacements(plan);
  REQUIRE(placements.size() == 2);
  for (const auto& p : placements) {
    CHECK(p.hall == "DC1");
    CHECK(p.kept);
  }
}

TEST_CASE("keep_halls and site_bound naming what the store lacks are located errors",
          "[planners][halls][stays]") {
  core::Diagnostics d;
  auto in = planners::BuildHallInput(Estate(), {}, Parse(R"(halls:
  - name: DC1
    from: varnamo/Stadshuset/Serverhall 1
keep_halls: [hylte/Rådhuset/Serverum, varnamo/Stadshuset/Serverhall 1]
site_bound: [gnosjo/gno-nas1]
)"),
                                     {}, d);
  CHECK_FALSE(in.ok());
  CHECK(Lines(d) ==
        std::vector<std::string>{
            "s.yaml:4:14: error[HAL003]: keep_halls: no hall 'hylte/Rådhuset/Serverum' in the "
            "store; did you mean 'hylte/Rådhuset/Serverrum'?",
            "s.yaml:4:40: error[HAL004]: keep_halls: 'varnamo/Stadshuset/Serverhall 1' is already "
            "the target hall 'DC1'",
            "s.yaml:5:14: error[HAL005]: site_bound: no device 'gnosjo/gno-nas1' in the store; did "
            "you mean 'gnosjo/gno-nas01'?"});
}
