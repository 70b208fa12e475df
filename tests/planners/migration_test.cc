#include "planners/migration.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <map>
#include <set>

#include "tests/planners/estate_util.h"

using namespace samdrift;
using namespace samdrift::planners;
using samdrift::testing::MakeAsset;
using samdrift::testing::MakeRelation;

namespace {

// A gap of the estate's asset named `vm` (the estate must not change while the gap is used).
Gap VmGap(const core::Estate& estate, const std::string& vm) {
  Gap g;
  for (const core::Asset& a : estate.assets) {
    if (a.name == vm) g.subject = &a;
  }
  REQUIRE(g.subject);
  g.kind = core::AssetKind::kVm;
  g.capability_id = InternCapability("server-os");
  g.action = GapAction::kUpgrade;
  g.effort_hours = 3;
  return g;
}

// The ids of what `item` waits for.
std::vector<std::string> DepIds(const WaveProblem& problem, const WaveItem& item) {
  std::vector<std::string> ids;
  for (const ItemIndex i : item.depends_on) ids.push_back(problem.items.at(i).id);
  return ids;
}

}  // namespace

TEST_CASE("services get a cut-over after what they need; service cycles are one move group",
          "[planners][migration]") {
  using K = core::AssetKind;
  using R = core::RelationKind;
  core::Estate estate;
  for (const char* vm : {"vm-eko", "vm-lon", "vm-ad", "vm-web"}) {
    estate.assets.push_back(MakeAsset("x", K::kVm, vm));
  }
  for (const char* s : {"Ekonomi", "Lön", "Lönetjänst", "Portal", "Intranät", "Rapporter"}) {
    estate.assets.push_back(MakeAsset("x", K::kService, s));
  }
  estate.assets.back().criticality = "high";
  estate.relations = {
      MakeRelation("x", "Ekonomi", R::kDependsOn, "vm-eko"),
      MakeRelation("x", "Lön", R::kDependsOn, "vm-lon"),
      // A cycle between two services, one way through a service in front of one of them.
      MakeRelation("x", "Ekonomi", R::kDependsOn, "Lönetjänst"),
      MakeRelation("x", "Lönetjänst", R::kDependsOn, "Lön"),
      MakeRelation("x", "Lön", R::kDependsOn, "Ekonomi"),
      MakeRelation("x", "Portal", R::kDependsOn, "Ekonomi"),   // needs a service only
      MakeRelation("x", "Intranät", R::kDependsOn, "vm-web"),  // nothing that changes
      MakeRelation("x", "Rapporter", R::kDependsOn, "vm-ad"),  // through an unchanged VM ...
      MakeRelation("x", "vm-ad", R::kDependsOn, "vm-lon"),     // ... to one that changes
  };
  const core::GraphView graph(estate);
  TargetPlan target;
  target.effort = EffortTable::Defaults();
  target.gaps = {VmGap(estate, "vm-eko"), VmGap(estate, "vm-lon")};
  Scenario scenario;
  WaveProblem problem = BuildWaveProblem(estate, graph, &target, nullptr, scenario);

  std::map<std::string, const WaveItem*> item;
  for (const WaveItem& i : problem.items) item[i.id] = &i;
  CHECK_FALSE(item.count("x:Intranät:cutover"));    // needs nothing that changes
  CHECK_FALSE(item.count("x:Portal:cutover"));      // needs only a service: switches with it
  CHECK_FALSE(item.count("x:Lönetjänst:cutover"));  // the same
  REQUIRE(item.count("x:Ekonomi:cutover"));
  REQUIRE(item.count("x:Lön:cutover"));
  REQUIRE(item.count("x:Rapporter:cutover"));
  const WaveItem& eko = *item["x:Ekonomi:cutover"];
  CHECK(eko.action == "migrate");
  CHECK(eko.kind == "service");
  CHECK(eko.asset == "Ekonomi");
  CHECK(eko.hours == 16);  // the effort table's service/migrate row
  CHECK(DepIds(problem, eko) == std::vector<std::string>{"x:Lön:cutover", "x:vm-eko:server-os"});
  CHECK(DepIds(problem, *item["x:Lön:cutover"]) ==
        std::vector<std::string>{"x:Ekonomi:cutover", "x:vm-lon:server-os"});
  CHECK(DepIds(problem, *item["x:Rapporter:cutover"]) ==
        std::vector<std::string>{"x:vm-lon:server-os"});
  CHECK(item["x:Rapporter:cutover"]->criticality == 2);  // high

  auto plan = PlanWaves(std::move(problem));
  REQUIRE(plan.ok());
  REQUIRE(plan->cycles.size() == 1);
  CHECK(IdsOf(*plan, plan->cycles[0].members) ==
        std::vector<std::string>{"x:Ekonomi:cutover", "x:Lön:cutover"});
  std::map<std::string, int> wave;
  for (const PlannedItem& p : plan->items) wave[p.item.id] = p.wave;
  CHECK(wave["x:Ekonomi:cutover"] == wave["x:Lön:cutover"]);
  CHECK(wave["x:Ekonomi:cutover"] > wave["x:vm-eko:server-os"]);
  CHECK(wave["x:Ekonomi:cutover"] > wave["x:vm-lon:server-os"]);
  CHECK(plan->lower_bound.by_chain == 2);
}

TEST_CASE("a service with a gap of its own gets no cut-over", "[planners][migration]") {
  using K = core::AssetKind;
  core::Estate estate;
  estate.assets.push_back(MakeAsset("x", K::kVm, "vm"));
  estate.assets.push_back(MakeAsset("x", K::kService, "Svc"));
  estate.relations = {MakeRelation("x", "Svc", core::RelationKind::kDependsOn, "vm")};
  const core::GraphView graph(estate);
  TargetPlan target;
  target.gaps = {VmGap(estate, "vm")};
  Gap own = VmGap(estate, "Svc");
  own.kind = K::kService;
  own.capability_id = InternCapability("app");
  target.gaps.push_back(own);
  WaveProblem problem = BuildWaveProblem(estate, graph, &target, nullptr, Scenario{});
  REQUIRE(problem.items.size() == 2);
  CHECK(problem.items[1].id == "x:Svc:app");
  CHECK(DepIds(problem, problem.items[1]) == std::vector<std::string>{"x:vm:server-os"});
}

TEST_CASE(
    "a cluster's platform replaced: its VMs migrate first; VMs that need each other move "
    "together",
    "[planners][migration][cluster]") {
  using K = core::AssetKind;
  using R = core::RelationKind;
  const core::Catalog catalog = samdrift::testing::TestCatalog();
  core::Estate estate;
  // A cluster on Beta Visor (the standard is Acme Hyper 2) with a member host; vm1 and vm2 run
  // on the cluster and need each other, vm3 runs on the host.
  estate.assets.push_back(MakeAsset("x", K::kCluster, "x-cl", "Beta", "Visor", "1"));
  estate.assets.push_back(MakeAsset("x", K::kDevice, "x-host"));
  for (const char* vm : {"vm1", "vm2", "vm3"}) estate.assets.push_back(MakeAsset("x", K::kVm, vm));
  estate.relations = {
      MakeRelation("x", "x-host", R::kMemberOf, "x-cl"),
      MakeRelation("x", "vm1", R::kRunsOn, "x-cl"),
      MakeRelation("x", "vm2", R::kRunsOn, "x-cl"),
      MakeRelation("x", "vm3", R::kRunsOn, "x-host"),
      MakeRelation("x", "vm1", R::kDependsOn, "vm2"),
      MakeRelation("x", "vm2", R::kDependsOn, "vm1"),
  };
  const core::GraphView graph(estate);
  core::Diagnostics d;
  Scenario scenario;
  scenario.date = "2025-01-01";
  scenario.standards["hypervisor"] = "acme-hv-2";
  auto target = PlanTarget(estate, graph, catalog, &scenario, d);
  REQUIRE(target.ok());
  WaveProblem problem = BuildWaveProblem(estate, graph, &*target, nullptr, scenario);

  std::map<std::string, const WaveItem*> item;
  for (const WaveItem& i : problem.items) item[i.id] = &i;
  REQUIRE(item.count("x:x-cl:hypervisor"));
  CHECK(item["x:x-cl:hypervisor"]->action == "replace");
  CHECK(item["x:x-cl:hypervisor"]->kind == "cluster");
  for (const char* vm : {"vm1", "vm2", "vm3"}) {
    INFO(vm);
    const std::string id = std::string("x:") + vm + ":hypervisor";
    REQUIRE(item.count(id));
    CHECK(item[id]->action == "migrate");
    CHECK(item[id]->kind == "vm");
    // Onto the standard platform, built first.
    const auto deps = DepIds(problem, *item[id]);
    CHECK(std::count(deps.begin(), deps.end(), "build:platform:acme-hv-2") == 1);
  }
  // The cluster is replaced once its workloads (also those on its hosts) have left.
  CHECK(DepIds(problem, *item["x:x-cl:hypervisor"]) ==
        std::vector<std::string>{"x:vm1:hypervisor", "x:vm2:hypervisor", "x:vm3:hypervisor"});

  auto plan = PlanWaves(std::move(problem));
  REQUIRE(plan.ok());
  REQUIRE(plan->cycles.size() == 1);
  CHECK(IdsOf(*plan, plan->cycles[0].members) ==
        std::vector<std::string>{"x:vm1:hypervisor", "x:vm2:hypervisor"});
  std::map<std::string, int> wave;
  for (const PlannedItem& p : plan->items) wave[p.item.id] = p.wave;
  CHECK(wave["x:vm1:hypervisor"] == wave["x:vm2:hypervisor"]);
  CHECK(wave["x:vm1:hypervisor"] > wave["build:platform:acme-hv-2"]);
  CHECK(wave["x:x-cl:hypervisor"] > wave["x:vm1:hypervisor"]);
  CHECK(wave["x:x-cl:hypervisor"] > wave["x:vm3:hypervisor"]);
}
