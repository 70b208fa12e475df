// The scenario keys that model the study's alternatives: `alternative`, `pooled`, `free`
// standards, `costs`, `criteria`, and the rules they set in the target and the hall plan.
#include <algorithm>
#include <catch2/catch.hpp>

#include "planners/target.h"
#include "tests/planners/estate_util.h"

using namespace samdrift;
using core::AssetKind;
using testing::MakeAsset;

namespace {

std::vector<std::string> Problems(const std::string& yaml) {
  core::Diagnostics d;
  planners::ParseScenario(yaml, "s.yaml", d);
  std::vector<std::string> lines;
  for (const auto& item : d.items()) lines.push_back(core::FormatDiagnostic(item));
  return lines;
}

std::size_t GapsOf(const planners::TargetPlan& plan, const std::string& capability) {
  std::size_t n = 0;
  for (const planners::Gap& g : plan.gaps) n += g.capability() == capability;
  return n;
}

}  // namespace

TEST_CASE("the study's scenario keys parse", "[planners][scenario][compare]") {
  const auto s = testing::ParsedScenario(R"(name: Alternativ 1 Teknik
alternative: 1-teknik
pooled: [datacenter, network, platform]
standards: {hypervisor: acme-hv-2, client-hw: free}
costs: costs.yaml
criteria:
  1: {score: 3, note: "most of the potential"}
  4: {score: 2}
)");
  CHECK(s.alternative == "1-teknik");
  REQUIRE(s.pooled);
  CHECK(s.pooled->size() == 3);
  CHECK(s.Pooled(core::Category::kNetwork));
  CHECK_FALSE(s.Pooled(core::Category::kClient));
  CHECK(s.standards.at("client-hw") == "free");
  CHECK(s.costs == "costs.yaml");
  REQUIRE(s.criteria.size() == 2);
  CHECK(s.criteria.at(1).score == 3);
  CHECK(s.criteria.at(1).note == "most of the potential");
  CHECK(s.criteria.at(4).score == 2);
  CHECK(testing::ParsedScenario("name: x\n")
            .Pooled(core::Category::kClient));  // every area by default
}

TEST_CASE("bad study keys are located errors", "[planners][scenario][compare]") {
  CHECK(Problems("pooled: [datacenter, clients]\n") ==
        std::vector<std::string>{
            "s.yaml:1:22: error[SCN001]: pooled: unknown area 'clients'; expected datacenter, "
            "network, platform, client (did you mean 'client'?)"});
  CHECK(Problems("pooled: [network, network]\n") ==
        std::vector<std::string>{"s.yaml:1:19: error[SCN001]: pooled: 'network' is named twice"});
  CHECK(Problems("criteria:\n  5: {score: 3}\n") ==
        std::vector<std::string>{
            "s.yaml:2:3: error[SCN001]: criteria: 5 is computed from the inventory and the plan; "
            "enter only criteria 1 to 4"});
  CHECK(Problems("criteria:\n  2: {score: 5}\n") ==
        std::vector<std::string>{
            "s.yaml:2:14: error[SCN001]: criteria: 2: score: must be 1 to 4, got '5'"});
  CHECK(Problems("criteria:\n  two: {score: 1}\n") ==
        std::vector<std::string>{
            "s.yaml:2:3: error[SCN001]: criteria: expected a criterion number 1 to 4, got 'two'"});
}

TEST_CASE("a free capability yields no gaps", "[planners][target][compare]") {
  const core::Estate e = testing::TwoHosts();
  const core::Catalog catalog = testing::TestCatalog();
  core::Diagnostics d;
  const planners::Scenario fixed_scenario =
      testing::ParsedScenario("standards: {hypervisor: acme-hv-2}\n");
  auto fixed = planners::PlanTarget(e, catalog, &fixed_scenario, d);
  REQUIRE(fixed.ok());
  CHECK(GapsOf(*fixed, "hypervisor") == 1);  // b-h1 leaves Beta Visor

  const planners::Scenario free_scenario =
      testing::ParsedScenario("standards: {hypervisor: free}\n");
  auto free = planners::PlanTarget(e, catalog, &free_scenario, d);
  REQUIRE(free.ok());
  CHECK(GapsOf(*free, "hypervisor") == 0);
  const auto standard = std::find_if(free->standards.begin(), free->standards.end(),
                                     [](const auto& s) { return s.capability == "hypervisor"; });
  REQUIRE(standard != free->standards.end());
  CHECK(standard->technology == "free");
  CHECK(d.total() == 0);
}

TEST_CASE("free for a capability the catalog does not know is an error",
          "[planners][target][compare]") {
  const core::Catalog catalog = testing::TestCatalog();
  core::Diagnostics d;
  const planners::Scenario scenario = testing::ParsedScenario("standards:\n  hypervisr: free\n");
  auto plan = planners::PlanTarget(testing::TwoHosts(), catalog, &scenario, d);
  CHECK_FALSE(plan.ok());
  REQUIRE(d.items().size() == 1);
  CHECK(core::FormatDiagnostic(d.items()[0]) ==
        "s.yaml:2:3: error[TGT006]: standards: hypervisr: free for a capability the catalog does "
        "not know; did you mean 'hypervisor'?");
}

TEST_CASE("an area not pooled yields no gaps and no moves", "[planners][target][compare]") {
  const auto base = testing::TestBase(testing::TwoHosts());
  const std::string halls = R"(standards: {hypervisor: acme-hv-2}
halls:
  - {name: DC1, role: primary, positions: 4, power_kw: 10, cooling_kw: 10}
redundancy: none
)";
  core::Diagnostics d;
  const auto pooled = testing::PlanEverything(base, testing::ParsedScenario(halls), d);
  CHECK(GapsOf(*pooled.target, "hypervisor") == 1);
  auto moves = [](const planners::WavePlan& waves) {
    return std::count_if(waves.items.begin(), waves.items.end(), [](const auto& i) {
      return i.item.kind == "device" && !i.item.hall_in.empty();
    });
  };
  CHECK(moves(*pooled.waves) == 2);  // both hosts move into DC1

  const auto kept = testing::PlanEverything(
      base, testing::ParsedScenario(halls + "pooled: [network, client]\n"), d);
  CHECK(GapsOf(*kept.target, "hypervisor") == 0);  // platform not pooled
  CHECK(moves(*kept.waves) == 0);                  // datacenter not pooled: halls as they are
  REQUIRE(kept.halls->halls.size() == 2);
  CHECK(kept.halls->halls[0].from == "a/S/H");
  CHECK(d.error_count() == 0);
}
