#include "planners/risk.h"

#include <catch2/catch.hpp>
#include <map>
#include <random>

#include "planners/availability.h"
#include "tests/planners/estate_util.h"
#include "tests/planners/risk_util.h"

using namespace samdrift;
using core::AssetKind;
using core::RelationKind;
using testing::Chain;
using testing::Lines;
using testing::MakeAsset;
using testing::MakeRelation;
using testing::Risk;
using testing::SpofNames;

namespace {

core::Asset Located(core::Asset a, const std::string& site, const std::string& hall) {
  a.site = site;
  a.hall = hall;
  return a;
}

core::Asset WithLine(core::Asset a, int line) {
  a.provenance = {"generic-csv", "assets.csv", line};
  return a;
}

// A service on a VM on a two-host cluster whose hosts stand in one hall (kommun "k").
core::Estate ClusterInOneHall() {
  core::Estate e;
  core::Asset service = WithLine(MakeAsset("k", AssetKind::kService, "Ekonomi"), 2);
  service.criticality = "high";
  e.assets = {service,
              MakeAsset("k", AssetKind::kVm, "vm1"),
              MakeAsset("k", AssetKind::kCluster, "kluster"),
              Located(MakeAsset("k", AssetKind::kDevice, "esx1"), "Hus", ""),
              Located(MakeAsset("k", AssetKind::kDevice, "esx2"), "Hus", ""),
              MakeAsset("k", AssetKind::kSite, "Hus"),
              Located(MakeAsset("k", AssetKind::kHall, "Hall A"), "Hus", "")};
  e.assets[3].hall = "Hall A";
  e.assets[4].hall = "Hall A";
  e.relations = {MakeRelation("k", "Ekonomi", RelationKind::kDependsOn, "vm1"),
                 MakeRelation("k", "vm1", RelationKind::kRunsOn, "esx1"),
                 MakeRelation("k", "esx1", RelationKind::kMemberOf, "kluster"),
                 MakeRelation("k", "esx2", RelationKind::kMemberOf, "kluster")};
  return e;
}

}  // namespace

TEST_CASE("series, parallel and k-of-n availability by hand", "[planners][risk]") {
  CHECK(planners::Series({0.99, 0.98}) == Approx(0.9702));
  CHECK(planners::Series({}) == 1);
  CHECK(planners::Parallel({0.9, 0.9}) == Approx(0.99));
  CHECK(planners::Parallel({0.9, 0.8}) == Approx(0.98));  // 1 - 0.1 * 0.2
  // 2 of 3 at 0.9: 3 * 0.9^2 * 0.1 + 0.9^3 = 0.243 + 0.729.
  CHECK(planners::KOfN(2, {0.9, 0.9, 0.9}) == Approx(0.972));
  CHECK(planners::KOfN(1, {0.9, 0.8}) == Approx(0.98));
  CHECK(planners::KOfN(3, {0.9, 0.9, 0.9}) == Approx(0.729));
  CHECK(planners::KOfN(0, {0.5}) == 1);
  CHECK(planners::KOfN(2, {0.5}) == 0);
}

TEST_CASE("articulation points: a chain has its inner vertices, a diamond none",
          "[planners][risk]") {
  CHECK(planners::ArticulationPoints(4, {{0, 1}, {1, 2}, {2, 3}}) ==
        std::vector<std::size_t>{1, 2});
  CHECK(planners::ArticulationPoints(4, {{0, 1}, {0, 2}, {1, 3}, {2, 3}}).empty());
  // A diamond with a tail: only the vertex joining the tail.
  CHECK(planners::ArticulationPoints(5, {{0, 1}, {0, 2}, {1, 3}, {2, 3}, {3, 4}}) ==
        std::vector<std::size_t>{3});
}

TEST_CASE("dependency cycles are found and numbered in reverse topological order",
          "[planners][risk]") {
  std::vector<std::size_t> component;
  auto cycles = planners::DependencyCycles(5, {{0, 1}, {1, 2}, {2, 0}, {2, 3}, {4, 4}}, component);
  CHECK(cycles == std::vector<std::vector<std::size_t>>{{0, 1, 2}, {4}});
  CHECK(component[0] == component[2]);
  CHECK(component[2] > component[3]);
}

TEST_CASE("a cluster in one hall: the hall is a common cause; split halls remove it",
          "[planners][risk]") {
  core::Estate estate = ClusterInOneHall();
  core::GraphView graph(estate);
  planners::RiskInput input{&estate, &graph, nullptr, nullptr, {}};
  input.placements = {{"k", "esx1", "DC1", "R1", 1, false, true, ""},
                      {"k", "esx2", "DC2", "R1", 1, false, true, ""}};
  core::Diagnostics d;
  planners::RiskReport report = planners::ComputeRisk(input, d);
  CHECK(Lines(d).empty());
  REQUIRE(report.services.size() == 1);
  const planners::ServiceRisk& s = report.services[0];
  CHECK(s.tier == "Guld");
  CHECK(*s.required == 0.999);
  // Today: vm 0.9995 * cluster 0.99999 * hall 0.9995 * (1 - 0.001^2) for the two hosts.
  REQUIRE(s.availability_today);
  CHECK(*s.availability_today == Approx(0.9995 * 0.99999 * 0.9995 * (1 - 0.001 * 0.001)));
  CHECK(*s.meets_today == false);
  CHECK(SpofNames(s.single_points) == std::vector<std::string>{"Hall A", "kluster", "vm1"});
  // Target: each host in its own hall, host and hall in series, the two in parallel.
  REQUIRE(s.availability_target);
  const double side = 1 - 0.999 * 0.9995;
  CHECK(*s.availability_target == Approx(0.9995 * 0.99999 * (1 - side * side)));
  CHECK(*s.meets_target == true);
  CHECK(SpofNames(s.single_points_target) == std::vector<std::string>{"kluster", "vm1"});
  CHECK(s.limiting_path == std::vector<std::string>{"Ekonomi", "vm1", "kluster"});
  // Birnbaum: the hall and the VM (both 0.9995) matter most.
  REQUIRE(report.importance.size() == 3);
  CHECK(report.importance[0].birnbaum == Approx(*s.availability_today / 0.9995));
  CHECK(report.importance[2].asset == "kluster");
}

TEST_CASE("the scenario's availability overrides the kind's default", "[planners][risk]") {
  core::Estate estate = ClusterInOneHall();
  core::GraphView graph(estate);
  planners::Scenario scenario;
  scenario.availability = {{"device", 0.99}, {"hall", 0.999}};
  core::Diagnostics d;
  auto report = planners::ComputeRisk({&estate, &graph, &scenario, nullptr, {}}, d);
  CHECK(*report.services[0].availability_today ==
        Approx(0.9995 * 0.99999 * 0.999 * (1 - 0.01 * 0.01)));
  // Without placements the target is today's estate.
  CHECK(*report.services[0].availability_target == *report.services[0].availability_today);
}

TEST_CASE("a redundancy group is parallel; the host both VMs share stays a single point",
          "[planners][risk]") {
  core::Estate e;
  core::Asset service = MakeAsset("k", AssetKind::kService, "Webb");
  service.criticality = "T2";  // KLASSA: Silver
  core::Asset a = MakeAsset("k", AssetKind::kVm, "web1");
  core::Asset b = MakeAsset("k", AssetKind::kVm, "web2");
  a.redundancy_group = b.redundancy_group = "webb";
  e.assets = {service, a, b, MakeAsset("k", AssetKind::kDevice, "host")};
  e.relations = {MakeRelation("k", "Webb", RelationKind::kDependsOn, "web1"),
                 MakeRelation("k", "Webb", RelationKind::kDependsOn, "web2"),
                 MakeRelation("k", "web1", RelationKind::kRunsOn, "host"),
                 MakeRelation("k", "web2", RelationKind::kRunsOn, "host")};
  core::GraphView graph(e);
  core::Diagnostics d;
  auto report = planners::ComputeRisk({&e, &graph, nullptr, nullptr, {}}, d);
  const auto& s = report.services[0];
  CHECK(s.criticality == "medium");
  CHECK(s.tier == "Silver");
  CHECK(*s.availability_today == Approx(0.999 * (1 - 0.0005 * 0.0005)));
  CHECK(SpofNames(s.single_points) == std::vector<std::string>{"host"});
  CHECK(*s.meets_today == true);
}

TEST_CASE("a dependency cycle is one component; a service without dependencies is unknown",
          "[planners][risk]") {
  core::Estate e;
  core::Asset odd = WithLine(MakeAsset("k", AssetKind::kService, "Ensam"), 4);
  odd.criticality = "extreme";
  e.assets = {WithLine(MakeAsset("k", AssetKind::kService, "A"), 2),
              WithLine(MakeAsset("k", AssetKind::kService, "B"), 3), odd,
              MakeAsset("k", AssetKind::kDevice, "server")};
  e.relations = {MakeRelation("k", "A", RelationKind::kDependsOn, "B"),
                 MakeRelation("k", "B", RelationKind::kDependsOn, "A"),
                 MakeRelation("k", "B", RelationKind::kDependsOn, "server")};
  core::GraphView graph(e);
  core::Diagnostics d;
  auto report = planners::ComputeRisk({&e, &graph, nullptr, nullptr, {}}, d);
  CHECK(Lines(d) ==
        std::vector<std::string>{
            "assets.csv:2: warning[RSK001]: dependency cycle of 2 components: k/A, k/B; treated "
            "as one component, all in series",
            "assets.csv:4: warning[RSK003]: service 'Ensam': unknown criticality 'extreme'; "
            "expected low, medium, high, critical or KLASSA T1-T4; no SLA tier",
            "assets.csv:4: warning[RSK002]: service 'Ensam': no dependencies known (depends_on, "
            "runs_on, ...); its availability is unknown"});
  REQUIRE(report.services.size() == 3);
  CHECK(*report.services[0].availability_today == Approx(0.999));
  CHECK(*report.services[1].availability_today == Approx(0.999));
  CHECK(SpofNames(report.services[1].single_points) == std::vector<std::string>{"server"});
  CHECK_FALSE(report.services[2].availability_today);
  CHECK_FALSE(report.services[2].meets_today);
  CHECK(report.services[2].tier.empty());
  CHECK(report.cycles == std::vector<std::vector<std::string>>{{"k/A", "k/B"}});
}

TEST_CASE("sla and availability in the scenario: parsed, bad values located",
          "[planners][risk][scenario]") {
  core::Diagnostics d;
  auto s = planners::ParseScenario(R"(sla:
  - {tier: Guld, criticality: high, availability: 0.999, hours: 24/7}
  - {tier: Silver, criticality: T2, availability: 0.995, hours: office}
availability:
  device: 0.999
  hall: 0.9995
)",
                                   "s.yaml", d);
  REQUIRE(s);
  REQUIRE(s->sla.size() == 2);
  CHECK(s->sla[1].criticality == "medium");
  CHECK(s->sla[1].hours == "office");
  CHECK(s->availability.at("hall") == 0.9995);
  CHECK(planners::SlaTiers(&*s).size() == 2);
  CHECK(planners::SlaTiers(nullptr).size() == 4);

  core::Diagnostics bad;
  CHECK_FALSE(planners::ParseScenario(R"(sla:
  - {tier: Guld, criticality: viktig, availability: 0.999}
  - {tier: Silver, criticality: medium, availability: 1.5}
  - {tier: Brons, criticality: low, availability: 0}
availability:
  devise: 0.9
  hall: 2
)",
                                      "s.yaml", bad));
  CHECK(Lines(bad) ==
        std::vector<std::string>{
            "s.yaml:2:31: error[SCN001]: sla: criticality: unknown 'viktig'; expected low, "
            "medium, high, critical or KLASSA T1-T4",
            "s.yaml:3:55: error[SCN001]: sla: availability: must be in (0, 1], got '1.5'",
            "s.yaml:4:51: error[SCN001]: sla: availability: must be in (0, 1], got '0'",
            "s.yaml:6:3: error[SCN001]: availability: unknown component kind 'devise'; did you "
            "mean 'device'?",
            "s.yaml:7:9: error[SCN001]: availability: hall: must be in (0, 1], got '2'"});
}

TEST_CASE("two power feeds are parallel; the device they feed stays a single point",
          "[planners][risk]") {
  core::Estate e;
  e.assets = {
      MakeAsset("k", AssetKind::kService, "Tjänst"), MakeAsset("k", AssetKind::kDevice, "server"),
      MakeAsset("k", AssetKind::kDevice, "pdu-a"), MakeAsset("k", AssetKind::kDevice, "pdu-b")};
  e.relations = {MakeRelation("k", "Tjänst", RelationKind::kDependsOn, "server"),
                 MakeRelation("k", "server", RelationKind::kPoweredBy, "pdu-a"),
                 MakeRelation("k", "server", RelationKind::kPoweredBy, "pdu-b")};
  core::GraphView graph(e);
  core::Diagnostics d;
  auto report = planners::ComputeRisk({&e, &graph, nullptr, nullptr, {}}, d);
  CHECK(*report.services[0].availability_today == Approx(0.999 * (1 - 0.001 * 0.001)));
  CHECK(SpofNames(report.services[0].single_points) == std::vector<std::string>{"server"});
}

TEST_CASE("a cluster whose hosts move in two waves is split between halls after the first",
          "[planners][risk]") {
  core::Estate estate = ClusterInOneHall();
  core::GraphView graph(estate);
  planners::WavePlan waves;
  for (auto [host, wave] : {std::pair{"esx1", 1}, std::pair{"esx2", 2}}) {
    planners::PlannedItem p;
    p.item.org = "k";
    p.item.asset = host;
    p.item.hall_in = "DC1";
    p.wave = wave;
    waves.items.push_back(p);
  }
  planners::RiskInput input{&estate, &graph, nullptr, nullptr, {}, &waves};
  core::Diagnostics d;
  auto report = planners::ComputeRisk(input, d);
  REQUIRE(report.windows.size() == 1);
  const planners::RiskWindow& w = report.windows[0];
  CHECK(w.wave == 1);
  CHECK(w.group == "kluster");
  CHECK(w.kind == "cluster");
  CHECK(w.halls == std::vector<std::string>{"DC1", "Hus/Hall A"});
  CHECK(w.why == "hosts split between old and new halls until wave 2");
}

TEST_CASE("a pair moved into one hall for good: the wave that puts it there", "[planners][risk]") {
  core::Estate e;
  core::Asset a = Located(MakeAsset("k", AssetKind::kDevice, "fw1"), "Hus", "Hall A");
  core::Asset b = Located(MakeAsset("k", AssetKind::kDevice, "fw2"), "Hus", "Hall B");
  a.redundancy_group = b.redundancy_group = "brandvägg";
  e.assets = {a, b};
  core::GraphView graph(e);
  planners::WavePlan waves;
  for (auto [device, wave] : {std::pair{"fw1", 2}, std::pair{"fw2", 3}}) {
    planners::PlannedItem p;
    p.item.org = "k";
    p.item.asset = device;
    p.item.hall_in = "DC1";
    p.wave = wave;
    waves.items.push_back(p);
  }
  core::Diagnostics d;
  auto report = planners::ComputeRisk({&e, &graph, nullptr, nullptr, {}, &waves}, d);
  REQUIRE(report.windows.size() == 1);
  CHECK(report.windows[0].wave == 3);
  CHECK(report.windows[0].kind == "redundancy_group");
  CHECK(report.windows[0].halls == std::vector<std::string>{"DC1"});
  CHECK(report.windows[0].why == "all members in one hall from this wave on, and in the target");
}

TEST_CASE("unmanaged: assets no agent or scan saw, per org and category", "[planners][risk]") {
  core::Estate e;
  core::Asset csv = MakeAsset("k", AssetKind::kDevice, "srv1");
  csv.category = core::Category::kPlatform;
  csv.provenance = {"generic-csv", "assets.csv", 2};
  core::Asset scanned = csv;
  scanned.name = "srv2";
  scanned.SetAttr("os_accuracy", "96");  // nmap filled the register's row
  core::Asset agent = MakeAsset("k", AssetKind::kClient, "pc1");
  agent.category = core::Category::kClient;
  agent.provenance = {"glpi-json", "pc1.json", 0};
  e.assets = {csv, scanned, agent, MakeAsset("k", AssetKind::kService, "Tjänst")};
  CHECK_FALSE(planners::IsSeenByAgentOrScan(csv));
  CHECK(planners::IsSeenByAgentOrScan(scanned));
  core::Diagnostics d;
  auto report = Risk(e, nullptr, d);
  const planners::Unmanaged& u = report.unmanaged.at("k");
  CHECK(u.all.assets == 3);
  CHECK(u.all.unmanaged == 1);
  CHECK(u.by_category.at("platform").unmanaged == 1);
  CHECK(u.by_category.at("platform").assets == 2);
  CHECK(u.by_category.at("client").unmanaged == 0);
}

TEST_CASE("a standard that loses support before the last wave ends is flagged, located",
          "[planners][risk]") {
  core::Estate e = Chain();
  core::GraphView graph(e);
  planners::Scenario scenario;
  scenario.locations["standards.hypervisor"] = {"s.yaml", 5, 3};
  planners::TargetPlan target;
  target.date = "2026-09-01";
  planners::Standard hv;
  hv.capability = "hypervisor";
  hv.technology = "acme-hv-2";
  hv.name = "Acme Hyper 2";
  hv.source = planners::StandardSource::kScenario;
  hv.end_of_support = "2027-10-11";  // 13 months after the date, before the last wave ends
  planners::Standard os = hv;
  os.capability = "server-os";
  os.source = planners::StandardSource::kProposed;
  os.end_of_support = "2028-06-01";
  target.standards = {hv, os};
  planners::WavePlan waves;
  waves.waves.resize(2);
  waves.waves[1].end = "2027-12-20";
  core::Diagnostics d;
  auto report = planners::ComputeRisk({&e, &graph, &scenario, &target, {}, &waves}, d);
  CHECK(report.horizon == "2027-12-20");
  REQUIRE(report.expiring_standards.size() == 1);
  CHECK(
      Lines(d) ==
      std::vector<std::string>{
          "s.yaml:5:3: warning[RSK006]: the scenario's fixed standard for "
          "hypervisor, Acme Hyper 2 (acme-hv-2), reaches end of support on 2027-10-11, before the "
          "plan's horizon 2027-12-20; assets moved onto it lose support during or "
          "soon after the plan"});
  // Without waves the horizon is 12 months after the date: nothing expires before it.
  core::Diagnostics none;
  auto short_plan = planners::ComputeRisk({&e, &graph, &scenario, &target, {}, nullptr}, none);
  CHECK(short_plan.horizon == "2027-09-01");
  CHECK(short_plan.expiring_standards.empty());
}

TEST_CASE("a hall plan that puts a whole cluster in one hall: a new single point, named",
          "[planners][risk]") {
  core::Estate estate = ClusterInOneHall();
  core::GraphView graph(estate);
  planners::RiskInput input{&estate, &graph, nullptr, nullptr, {}};
  input.placements = {{"k", "esx1", "DC1", "R1", 1, false, true, ""},
                      {"k", "esx2", "DC1", "R2", 1, false, true, ""}};
  core::Diagnostics d;
  auto report = planners::ComputeRisk(input, d);
  CHECK(SpofNames(report.services[0].single_points_target) ==
        std::vector<std::string>{"DC1", "kluster", "vm1"});
  REQUIRE(report.concentration.size() == 1);
  CHECK(report.concentration[0].hall == "DC1");
  CHECK(report.concentration[0].services == 1);
  CHECK(report.concentration[0].holds == std::vector<std::string>{"k/kluster"});
}

TEST_CASE("a target hall made from an existing hall is that hall, not a second one in series",
          "[planners][risk]") {
  core::Estate estate = ClusterInOneHall();
  core::GraphView graph(estate);
  planners::Scenario scenario;
  planners::TargetHall dc1;
  dc1.name = "DC1";
  dc1.from = "k/Hus/Hall A";
  scenario.halls = {dc1};
  planners::RiskInput input{&estate, &graph, &scenario, nullptr, {}};
  input.placements = {{"k", "esx1", "DC1", "R1", 1, true, false, ""},
                      {"k", "esx2", "DC1", "R1", 2, true, false, ""}};
  core::Diagnostics d;
  auto report = planners::ComputeRisk(input, d);
  const planners::ServiceRisk& s = report.services[0];
  CHECK(*s.availability_target == Approx(*s.availability_today));
  CHECK(SpofNames(s.single_points_target) == SpofNames(s.single_points));
  CHECK(report.concentration.empty());
}
