#include "planners/pipeline.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "planners/compare.h"
#include "tests/planners/estate_util.h"

using namespace samdrift;
using core::AssetKind;
using core::RelationKind;
using planners::GapAction;
using planners::PipelineKeep;
using planners::Step;
using testing::MakeAsset;
using testing::MakeRelation;

namespace {

// Org a: a host on Acme Hyper 2 with two VMs; org b: a host on Acme Hyper 1 (past end of
// support) with one VM; org c: a host on Beta Visor with one VM. Every VM on Acme Server OS 2016.
core::Estate SmallEstate() {
  core::Estate e;
  auto host = [&](const std::string& org, const std::string& name, const std::string& platform,
                  std::vector<std::string> vms) {
    core::Asset a = MakeAsset(org, AssetKind::kDevice, name, "Acme", "SW 100");
    a.SetAttr("platform", platform);
    e.assets.push_back(a);
    for (const std::string& vm : vms) {
      e.assets.push_back(MakeAsset(org, AssetKind::kVm, vm, "Acme", "Server OS", "2016"));
      e.relations.push_back(MakeRelation(org, vm, RelationKind::kRunsOn, name));
    }
  };
  host("a", "a-h1", "Acme Hyper 2.1", {"a-vm1", "a-vm2"});
  host("b", "b-h1", "Acme Hyper 1.5", {"b-vm1"});
  host("c", "c-h1", "Beta Visor 1.0", {"c-vm1"});
  e.org_names = {{"a", "Alfa"}, {"b", "Beta kommun"}};
  return e;
}

std::shared_ptr<const planners::PlanningBase> Base(planners::GraphNeed graph,
                                                   planners::Relations relations) {
  return planners::MakePlanningBase(SmallEstate(), testing::TestCatalog(), {}, graph, relations);
}

planners::PipelineResult Run(std::shared_ptr<const planners::PlanningBase> base,
                             const planners::PipelineRequest& request) {
  core::Diagnostics d;
  auto result = planners::RunPipeline(std::move(base), request, d);
  for (const auto& item : d.items()) INFO(core::FormatDiagnostic(item));
  REQUIRE(result.ok());
  return std::move(result).value();
}

// "org/asset/capability action" per gap, in the plan's order.
std::vector<std::string> Gaps(const planners::TargetPlan& plan) {
  std::vector<std::string> out;
  for (const planners::Gap& g : plan.gaps) {
    out.push_back(g.org() + "/" + g.asset() + "/" + g.capability() + " " +
                  std::string(planners::ToString(g.action)));
  }
  return out;
}

// "wave: item" per planned item.
std::vector<std::string> Items(const planners::WavePlan& plan) {
  std::vector<std::string> out;
  for (const planners::PlannedItem& p : plan.items) {
    out.push_back(std::to_string(p.wave) + ": " + p.item.id);
  }
  return out;
}

bool Has(const std::vector<std::string>& list, const std::string& value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

}  // namespace

TEST_CASE("two scenarios over one base plan independently; the base is unchanged",
          "[planners][pipeline]") {
  const auto base = Base(planners::GraphNeed::kBuild, planners::Relations::kKeep);
  const planners::Scenario acme = testing::ParsedScenario(
      "name: Acme\ndate: 2026-12-01\nstandards:\n  hypervisor: acme-hv-2\n");
  const planners::Scenario beta = testing::ParsedScenario(
      "name: Beta\ndate: 2026-12-01\nstandards:\n  hypervisor: beta-hv-1\n");
  planners::PipelineRequest request;
  request.steps = Step::kRisk;  // everything

  request.scenario = &acme;
  const planners::PipelineResult first = Run(base, request);
  request.scenario = &beta;
  request.date = "2025-01-15";
  const planners::PipelineResult second = Run(base, request);
  request.scenario = &acme;
  request.date.clear();
  const planners::PipelineResult again = Run(base, request);

  // Each result is its scenario's: standards, gaps, planned date.
  REQUIRE(first.target);
  REQUIRE(second.target);
  CHECK(first.scenario.name == "Acme");
  CHECK(second.scenario.name == "Beta");
  CHECK(first.target->date == "2026-12-01");
  CHECK(second.target->date == "2025-01-15");
  CHECK(second.scenario.date == "2025-01-15");
  CHECK(beta.date == "2026-12-01");  // the caller's scenario is not changed
  const std::vector<std::string> acme_gaps = Gaps(*first.target);
  const std::vector<std::string> beta_gaps = Gaps(*second.target);
  CHECK(Has(acme_gaps, "c/c-h1/hypervisor replace"));
  CHECK_FALSE(Has(acme_gaps, "a/a-h1/hypervisor replace"));
  CHECK(Has(beta_gaps, "a/a-h1/hypervisor replace"));
  CHECK_FALSE(Has(beta_gaps, "c/c-h1/hypervisor replace"));
  // Every step ran, and the results do not depend on what ran before over the same base.
  REQUIRE(first.halls);
  REQUIRE(first.waves);
  REQUIRE(first.risk);
  CHECK_FALSE(first.waves->items.empty());
  CHECK(Gaps(*again.target) == acme_gaps);
  CHECK(Items(*again.waves) == Items(*first.waves));
  CHECK(Items(*second.waves) != Items(*first.waves));
  CHECK(first.org_names.at("a") == "Alfa");
  // The base is as it was built: relations kept, the graph over it.
  CHECK(base->estate.relations.size() == 4);
  CHECK(base->graph->asset_count() == base->estate.assets.size());
}

TEST_CASE("kWavesOnly lets the base go when the caller hands over its only reference",
          "[planners][pipeline]") {
  const planners::Scenario scenario = testing::ParsedScenario("date: 2026-12-01\n");
  planners::PipelineRequest request;
  request.scenario = &scenario;
  request.steps = Step::kWaves;
  const planners::PipelineResult everything =
      Run(Base(planners::GraphNeed::kBuild, planners::Relations::kKeep), request);

  auto base = Base(planners::GraphNeed::kBuild, planners::Relations::kRelease);
  CHECK(base->estate.relations.empty());  // freed: the graph has them
  const std::weak_ptr<const planners::PlanningBase> watch = base;
  std::vector<std::string> seen;
  request.keep = PipelineKeep::kWavesOnly;
  request.trace = [&](std::string_view step) {
    seen.push_back(std::string(step) + (watch.expired() ? " (base freed)" : ""));
  };
  const planners::PipelineResult lean = Run(std::move(base), request);
  CHECK(watch.expired());
  // The base is freed once the wave problem is built, before the waves are planned.
  CHECK(seen == std::vector<std::string>{"estate matched with the catalog", "target planned",
                                         "halls planned", "wave problem built (base freed)",
                                         "waves planned (base freed)"});
  CHECK_FALSE(lean.target);
  CHECK_FALSE(lean.halls);
  REQUIRE(lean.waves);
  CHECK(Items(*lean.waves) == Items(*everything.waves));
  CHECK(lean.org_names.at("b") == "Beta kommun");
}

TEST_CASE("a run computes the steps asked for and what they need", "[planners][pipeline]") {
  // No graph in the base: a run that needs one builds its own from the relations.
  const auto base = Base(planners::GraphNeed::kNone, planners::Relations::kRelease);
  CHECK(base->graph == nullptr);
  CHECK(base->estate.relations.size() == 4);  // kept: nothing has them but the estate

  planners::PipelineRequest request;
  request.steps = Step::kTarget;
  request.date = "2026-12-01";  // a date alone: the default scenario with that date
  const planners::PipelineResult target = Run(base, request);
  REQUIRE(target.target);
  CHECK_FALSE(target.halls);
  CHECK_FALSE(target.waves);
  CHECK_FALSE(target.risk);
  CHECK(target.scenario.source == "--date");
  CHECK(target.target->date == "2026-12-01");
  // b's host runs Acme Hyper 1, past end of support at that date: the proposed standard is 2.
  CHECK(Has(Gaps(*target.target), "b/b-h1/hypervisor upgrade"));

  request.steps = Step::kHalls;  // without the target nothing is retired
  const planners::PipelineResult halls = Run(base, request);
  CHECK_FALSE(halls.target);
  REQUIRE(halls.halls);
  CHECK(halls.halls->retired.empty());

  request.steps = Step::kRisk;
  const planners::PipelineResult risk = Run(base, request);
  CHECK(risk.target);
  CHECK(risk.halls);
  CHECK(risk.waves);
  REQUIRE(risk.risk);
  CHECK(risk.risk->eos.count("b") == 1);  // end of support per org, from the target
}

TEST_CASE("the scenario a run plans with", "[planners][pipeline]") {
  CHECK_FALSE(planners::ScenarioWithDate(nullptr, "").has_value());
  const auto dated = planners::ScenarioWithDate(nullptr, "2027-03-01");
  REQUIRE(dated);
  CHECK(dated->source == "--date");
  CHECK(dated->name == "default");
  CHECK(dated->date == "2027-03-01");
  const planners::Scenario file = testing::ParsedScenario("name: Alt 2\ndate: 2026-01-01\n");
  CHECK(planners::ScenarioWithDate(&file, "")->date == "2026-01-01");
  const auto over = planners::ScenarioWithDate(&file, "2027-03-01");
  CHECK(over->date == "2027-03-01");
  CHECK(over->source == "s.yaml");
}

namespace {

// Every field of a target plan that its consumers read, one line per standard and gap.
std::vector<std::string> Described(const planners::TargetPlan& plan) {
  std::vector<std::string> out{plan.date, std::to_string(plan.total_effort_hours)};
  for (const std::string& org : plan.orgs) out.push_back("org " + org);
  for (const planners::Standard& s : plan.standards) {
    out.push_back(s.capability + " " + s.technology + " " + s.name + " " + s.reason + " " +
                  std::to_string(s.orgs_using) + " " + std::to_string(s.assets) + " " +
                  std::to_string(s.assets_on_standard) + (s.pooled ? "" : " not pooled"));
  }
  for (const planners::Gap& g : plan.gaps) {
    out.push_back(g.key() + " " + g.capability() + " " + g.from() + " -> " + g.to() + " " +
                  std::string(planners::ToString(g.action)) + " " + std::to_string(g.effort_hours) +
                  " " + g.via() + " " + g.via_cluster() + " " + g.reason());
  }
  for (const auto& item : plan.lifecycle.items) {
    out.push_back("lifecycle " + item.key + " " + item.technology + " " + item.capability);
  }
  return out;
}

}  // namespace

TEST_CASE("the estate is matched once for every run over a base and for their pricing",
          "[planners][pipeline]") {
  const auto base = Base(planners::GraphNeed::kBuild, planners::Relations::kRelease);
  const planners::Scenario acme = testing::ParsedScenario(
      "name: Acme\ndate: 2026-12-01\nstandards:\n  hypervisor: acme-hv-2\n");
  const planners::Scenario beta = testing::ParsedScenario(
      "name: Beta\ndate: 2026-12-01\nstandards:\n  hypervisor: beta-hv-1\n");
  std::vector<std::string> trace;
  planners::PipelineRequest request;
  request.steps = planners::kCompareSteps;
  request.trace = [&](std::string_view step) { trace.emplace_back(step); };
  for (const planners::Scenario* s : {&acme, &beta}) {
    request.scenario = s;
    const planners::PipelineResult run = Run(base, request);
    // The pricing counts licences from the same match: every org named is every org.
    CHECK(run.target->orgs == std::vector<std::string>{"a", "b", "c"});
    planners::CompareScenario(*base, run, nullptr);
  }
  CHECK(std::count(trace.begin(), trace.end(), "estate matched with the catalog") == 1);
  CHECK(trace.front() == "estate matched with the catalog");
  CHECK(base->usage->computations() == 1);
}

TEST_CASE("a target over the base's shared match is the target matched alone",
          "[planners][pipeline]") {
  const auto base = Base(planners::GraphNeed::kBuild, planners::Relations::kRelease);
  for (const char* yaml : {"name: Acme\ndate: 2026-12-01\nstandards:\n  hypervisor: acme-hv-2\n",
                           "name: Beta\ndate: 2025-01-15\nstandards:\n  hypervisor: beta-hv-1\n",
                           "name: Orgs\ndate: 2026-12-01\norgs: [a, b]\n"}) {
    const planners::Scenario scenario = testing::ParsedScenario(yaml);
    INFO(scenario.name);
    planners::PipelineRequest request;
    request.scenario = &scenario;
    request.steps = Step::kTarget;
    const planners::PipelineResult shared = Run(base, request);
    core::Diagnostics d;
    auto alone = planners::PlanTarget(base->estate, *base->graph, base->catalog, &scenario, d);
    REQUIRE(alone.ok());
    CHECK(Described(*shared.target) == Described(*alone));
    CHECK_FALSE(alone->gaps.empty());
  }
  CHECK(base->usage->computations() == 2);  // every org, then orgs a and b
}

TEST_CASE("the match of every org named is the match of every org; others are their own",
          "[planners][usage]") {
  const auto base = Base(planners::GraphNeed::kBuild, planners::Relations::kKeep);
  planners::UsageMemo memo;
  bool computed = false;
  auto get = [&](const std::vector<std::string>& orgs) -> const planners::UsageSet& {
    return memo.Get(base->estate, *base->graph, base->catalog, orgs, &computed);
  };
  const planners::UsageSet& every = get({});
  CHECK(computed);
  CHECK(&get({"c", "a", "b"}) == &every);
  CHECK_FALSE(computed);
  const planners::UsageSet& two = get({"a", "b"});
  CHECK(computed);
  CHECK(two.orgs == std::vector<std::string>{"a", "b"});
  CHECK(two.usages.size() < every.usages.size());
  CHECK(&get({"b", "a"}) == &two);
  CHECK_FALSE(computed);
  // A list with a repeat, or with an org the estate lacks, is not every org.
  CHECK(&get({"a", "b", "c", "c"}) != &every);
  CHECK(computed);
  CHECK(get({"a", "b", "c", "d"}).orgs == std::vector<std::string>{"a", "b", "c", "d"});
  CHECK(memo.computations() == 4);
}
