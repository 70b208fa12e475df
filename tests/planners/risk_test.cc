#include "planners/risk.h"

#include <catch2/catch.hpp>
#include <map>
#include <random>

#include "planners/availability.h"
#include "tests/planners/estate_util.h"

using namespace samdrift;
using core::AssetKind;
using core::RelationKind;
using testing::MakeAsset;
using testing::MakeRelation;

namespace {

std::vector<std::string> Lines(const core::Diagnostics& d) {
  std::vector<std::string> lines;
  for (const auto& item : d.items()) lines.push_back(core::FormatDiagnostic(item));
  return lines;
}

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

std::vector<std::string> SpofNames(const std::vector<planners::SinglePoint>& points) {
  std::vector<std::string> names;
  for (const auto& p : points) names.push_back(p.asset);
  return names;
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

namespace {

// A service on `inner` components in a row (a chain: each needs the next).
core::Estate Chain() {
  core::Estate e;
  e.assets = {MakeAsset("k", AssetKind::kService, "Kedja"), MakeAsset("k", AssetKind::kVm, "vm"),
              MakeAsset("k", AssetKind::kDevice, "host"),
              MakeAsset("k", AssetKind::kDevice, "san")};
  e.relations = {MakeRelation("k", "Kedja", RelationKind::kDependsOn, "vm"),
                 MakeRelation("k", "vm", RelationKind::kRunsOn, "host"),
                 MakeRelation("k", "host", RelationKind::kDependsOn, "san")};
  return e;
}

// A diamond: the service needs a redundancy pair (web1, web2), each of which needs `bottom`.
core::Estate Diamond(const std::string& bottom_name) {
  core::Estate e;
  core::Asset a = MakeAsset("k", AssetKind::kVm, "web1");
  core::Asset b = MakeAsset("k", AssetKind::kVm, "web2");
  a.redundancy_group = b.redundancy_group = "webb";
  e.assets = {MakeAsset("k", AssetKind::kService, "Webb"), a, b,
              MakeAsset("k", AssetKind::kDevice, bottom_name)};
  e.relations = {MakeRelation("k", "Webb", RelationKind::kDependsOn, "web1"),
                 MakeRelation("k", "Webb", RelationKind::kDependsOn, "web2"),
                 MakeRelation("k", "web1", RelationKind::kRunsOn, bottom_name),
                 MakeRelation("k", "web2", RelationKind::kRunsOn, bottom_name)};
  return e;
}

// A service on a redundancy group of three VMs, each on its own host.
core::Estate ThreeOfAKind() {
  core::Estate e;
  e.assets = {MakeAsset("k", AssetKind::kService, "Portal")};
  for (const char* n : {"1", "2", "3"}) {
    core::Asset vm = MakeAsset("k", AssetKind::kVm, std::string("vm") + n);
    vm.redundancy_group = "portal";
    e.assets.push_back(vm);
    e.assets.push_back(MakeAsset("k", AssetKind::kDevice, std::string("host") + n));
    e.relations.push_back(
        MakeRelation("k", "Portal", RelationKind::kDependsOn, std::string("vm") + n));
    e.relations.push_back(
        MakeRelation("k", std::string("vm") + n, RelationKind::kRunsOn, std::string("host") + n));
  }
  return e;
}

planners::RiskReport Risk(const core::Estate& e, const planners::Scenario* scenario,
                          core::Diagnostics& d) {
  core::GraphView graph(e);
  return planners::ComputeRisk({&e, &graph, scenario, nullptr, {}}, d);
}

}  // namespace

TEST_CASE("single points: a chain has every inner vertex, a redundant diamond none",
          "[planners][risk]") {
  core::Diagnostics d;
  auto chain = Risk(Chain(), nullptr, d);
  CHECK(SpofNames(chain.services[0].single_points) ==
        std::vector<std::string>{"host", "san", "vm"});
  CHECK(*chain.services[0].availability_today == Approx(0.9995 * 0.999 * 0.999));
  // The pair's members are no single point; what both stand on is (the diamond's bottom is a
  // common cause, not an inner vertex).
  auto diamond = Risk(Diamond("host"), nullptr, d);
  CHECK(SpofNames(diamond.services[0].single_points) == std::vector<std::string>{"host"});
  CHECK(Lines(d).empty());
}

TEST_CASE("k of n: two of three must be up, by hand", "[planners][risk]") {
  const core::Estate e = ThreeOfAKind();
  const double member = 0.9995 * 0.999;  // VM on its host
  core::Diagnostics d;
  auto one = Risk(e, nullptr, d);
  CHECK(*one.services[0].availability_today ==
        Approx(1 - (1 - member) * (1 - member) * (1 - member)));
  planners::Scenario scenario;
  scenario.k_of_n = {{"portal", 2}};
  auto two = Risk(e, &scenario, d);
  // 2 of 3: p^3 + 3 p^2 (1 - p).
  const double two_of_three = member * member * member + 3 * member * member * (1 - member);
  CHECK(*two.services[0].availability_today == Approx(two_of_three));
  CHECK(two.services[0].single_points.empty());
  // All three: in series, each VM and host a single point. "k/portal" names the org's group.
  scenario.k_of_n = {{"k/portal", 3}};
  auto three = Risk(e, &scenario, d);
  CHECK(*three.services[0].availability_today == Approx(member * member * member));
  CHECK(three.services[0].single_points.size() == 6);
  CHECK(Lines(d).empty());
}

TEST_CASE("k of n: a host two of three members share is a single point when two must be up",
          "[planners][risk]") {
  core::Estate e = ThreeOfAKind();
  e.relations[3] = MakeRelation("k", "vm2", RelationKind::kRunsOn, "host1");  // vm1, vm2 share
  planners::Scenario scenario;
  scenario.k_of_n = {{"portal", 2}};
  core::Diagnostics d;
  auto report = Risk(e, &scenario, d);
  // host1 down leaves only vm3: it is in series; the rest (vm1, vm2, vm3 on host3) 2 of 3.
  CHECK(SpofNames(report.services[0].single_points) == std::vector<std::string>{"host1"});
  const double vm = 0.9995, vm3 = 0.9995 * 0.999;
  const double rest = vm * vm * vm3 + vm * vm * (1 - vm3) + 2 * vm * (1 - vm) * vm3;
  CHECK(*report.services[0].availability_today == Approx(0.999 * rest));
}

TEST_CASE("k of n larger than the group, or naming no group: located warnings",
          "[planners][risk]") {
  core::Diagnostics parse;
  auto scenario = planners::ParseScenario(R"(availability:
  k_of_n:
    portal: 4
    nosuch: 2
)",
                                          "s.yaml", parse);
  REQUIRE(scenario);
  CHECK(Lines(parse).empty());
  core::Diagnostics d;
  auto report = Risk(ThreeOfAKind(), &*scenario, d);
  CHECK(Lines(d) == std::vector<std::string>{
                        "s.yaml:3:5: warning[RSK004]: availability: k_of_n: portal needs 4 "
                        "members up, but k/portal has 3; all of them must be up",
                        "s.yaml:4:5: warning[RSK005]: availability: k_of_n: no redundancy group "
                        "or cluster named 'nosuch'; ignored"});
  const double member = 0.9995 * 0.999;
  CHECK(*report.services[0].availability_today == Approx(member * member * member));

  core::Diagnostics bad;
  CHECK_FALSE(
      planners::ParseScenario("availability:\n  k_of_n: {portal: 0, web: two}\n", "s.yaml", bad));
  CHECK(Lines(bad) ==
        std::vector<std::string>{
            "s.yaml:2:20: error[SCN001]: availability: k_of_n: portal: must be at least 1, got '0'",
            "s.yaml:2:28: error[SCN001]: availability: k_of_n: web: expected a whole number, got "
            "'two'"});
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

TEST_CASE("on graphs of alternatives the single points are Boost's articulation points",
          "[planners][risk]") {
  // Random layered graphs: a service needs one or more of layer 1, each of those one or more of
  // layer 2, ...; every layer is one redundancy group, so a component's needs are alternatives
  // (1 of n) and the bottom layer stands on the ground. There, a single point of the service is
  // exactly a vertex separating it from the ground: an articulation point of the undirected
  // graph of what the service reaches plus the ground (every vertex lies on a simple path from
  // the service to the ground).
  std::mt19937 random(19);
  for (int round = 0; round < 300; ++round) {
    const int layers = 1 + static_cast<int>(random() % 4);
    std::vector<std::vector<std::string>> names(layers + 1);
    core::Estate e;
    e.assets.push_back(MakeAsset("k", AssetKind::kService, "S"));
    names[0] = {"S"};
    for (int l = 1; l <= layers; ++l) {
      const int width = 1 + static_cast<int>(random() % 3);
      for (int i = 0; i < width; ++i) {
        core::Asset a =
            MakeAsset("k", AssetKind::kDevice, "d" + std::to_string(l) + "_" + std::to_string(i));
        a.redundancy_group = "layer" + std::to_string(l);
        names[l].push_back(a.name);
        e.assets.push_back(a);
      }
    }
    std::map<std::string, std::size_t> index;
    for (std::size_t i = 0; i < e.assets.size(); ++i) index[e.assets[i].name] = i;
    std::vector<std::pair<std::size_t, std::size_t>> edges;
    for (int l = 0; l < layers; ++l) {
      for (const std::string& from : names[l]) {
        std::vector<std::string> to;
        for (const std::string& t : names[l + 1]) {
          if (random() % 2 == 0) to.push_back(t);
        }
        if (to.empty()) to.push_back(names[l + 1][random() % names[l + 1].size()]);
        for (const std::string& t : to) {
          e.relations.push_back(MakeRelation("k", from, RelationKind::kDependsOn, t));
          edges.emplace_back(index[from], index[t]);
        }
      }
    }
    // What the service reaches, plus the ground below the bottom layer's reached vertices.
    std::vector<bool> reached(e.assets.size(), false);
    reached[0] = true;
    for (const auto& [a, b] : edges) {  // edges are in layer order
      if (reached[a]) reached[b] = true;
    }
    const std::size_t ground = e.assets.size();
    std::vector<std::pair<std::size_t, std::size_t>> kept;
    for (const auto& [a, b] : edges) {
      if (reached[a]) kept.emplace_back(a, b);
    }
    for (const std::string& bottom : names[layers]) {
      if (reached[index[bottom]]) kept.emplace_back(index[bottom], ground);
    }
    std::vector<std::string> expected;
    for (std::size_t v : planners::ArticulationPoints(ground + 1, kept)) {
      if (v != 0 && v != ground) expected.push_back(e.assets[v].name);
    }
    std::sort(expected.begin(), expected.end());
    core::Diagnostics d;
    auto report = Risk(e, nullptr, d);
    INFO("round " << round);
    CHECK(SpofNames(report.services[0].single_points) == expected);
  }
}

namespace {

// A random dependency DAG of devices under one service: each component depends on some later
// ones; a device may belong to one of three redundancy groups, each with a random k (k_of_n).
struct RandomDag {
  core::Estate estate;
  planners::Scenario scenario;
  std::vector<std::vector<std::size_t>> needs;  // per vertex, the later vertices it depends on
  std::vector<std::string> group;               // per vertex, "" for none
  std::map<std::string, int> k;
};

RandomDag MakeRandomDag(std::mt19937& random) {
  RandomDag g;
  const std::size_t n = 2 + random() % 10;
  g.estate.assets.push_back(MakeAsset("k", AssetKind::kService, "S"));
  g.group.push_back("");
  for (std::size_t i = 1; i < n; ++i) {
    core::Asset a = MakeAsset("k", AssetKind::kDevice, "d" + std::to_string(100 + i));
    if (random() % 2 == 0) a.redundancy_group = "g" + std::to_string(random() % 3);
    g.group.push_back(a.redundancy_group);
    g.estate.assets.push_back(std::move(a));
  }
  for (int j = 0; j < 3; ++j) g.k["g" + std::to_string(j)] = 1 + static_cast<int>(random() % 3);
  for (const auto& [name, k] : g.k) g.scenario.k_of_n[name] = k;
  g.needs.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t j = i + 1; j < n; ++j) {
      if (random() % 3 != 0 && !(i == 0 && g.needs[0].empty() && j == n - 1)) continue;
      g.needs[i].push_back(j);
      g.estate.relations.push_back(MakeRelation("k", g.estate.assets[i].name,
                                                RelationKind::kDependsOn, g.estate.assets[j].name));
    }
  }
  return g;
}

// Whether `v` is up when only `failed` is down, straight from the model's rules: needs of one
// redundancy group are one block of which k (at most all of them) must be up, the rest series.
bool UpWithout(const RandomDag& g, std::size_t v, std::size_t failed) {
  if (v == failed) return false;
  std::map<std::string, std::pair<int, int>> blocks;  // group -> (needed, up)
  for (std::size_t t : g.needs[v]) {
    const bool up = UpWithout(g, t, failed);
    if (g.group[t].empty()) {
      if (!up) return false;
      continue;
    }
    auto& [needed, count] = blocks[g.group[t]];
    ++needed;
    count += up;
  }
  for (const auto& [name, block] : blocks) {
    if (block.second < std::min(block.first, g.k.at(name))) return false;
  }
  return true;
}

}  // namespace

TEST_CASE("single points on random graphs of series, parallel and k-of-n needs: brute force",
          "[planners][risk]") {
  // Beyond graphs of alternatives Boost's articulation points are not single points (two needs
  // in series form a cycle in the undirected graph; k-of-n has no graph notion at all): the
  // one-pass set algebra is checked against failing each component alone.
  std::mt19937 random(20);
  for (int round = 0; round < 500; ++round) {
    const RandomDag g = MakeRandomDag(random);
    std::vector<std::string> expected;
    for (std::size_t x = 1; x < g.estate.assets.size(); ++x) {
      if (!UpWithout(g, 0, x)) expected.push_back(g.estate.assets[x].name);
    }
    core::Diagnostics d;  // RSK004 when a group's k is larger than the members a device needs
    auto report = Risk(g.estate, &g.scenario, d);
    INFO("round " << round);
    REQUIRE(report.services.size() == 1);
    CHECK(SpofNames(report.services[0].single_points) == expected);
  }
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
