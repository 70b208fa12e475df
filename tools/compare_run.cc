#include "tools/compare_run.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <thread>

#include "core/text.h"
#include "planners/pipeline.h"
#include "tools/planning_inputs.h"
#include "tools/trace.h"

namespace samdrift::tools {
namespace {

struct LoadedScenarios {
  std::vector<planners::Scenario> scenarios;
  std::map<std::string, planners::CostsFile> costs;  // by path
};

core::Status ReadScenarios(const std::vector<std::string>& paths, LoadedScenarios& loaded,
                           core::Diagnostics& diagnostics) {
  bool failed = false;
  for (const std::string& path : paths) {
    auto scenario = ReadScenarioFile(path, diagnostics);
    if (!scenario.ok()) {
      if (scenario.status().code() == core::ErrorCode::kUsage) return scenario.status();
      failed = true;
      continue;
    }
    loaded.scenarios.push_back(std::move(**scenario));
  }
  if (failed) return core::Status::Invalid("invalid scenarios; nothing compared");
  return core::Status::Ok();
}

// Each scenario's name once: a second one is an error at its name.
core::Status CheckNames(const std::vector<planners::Scenario>& scenarios,
                        core::Diagnostics& diagnostics) {
  bool failed = false;
  for (std::size_t i = 0; i < scenarios.size(); ++i) {
    for (std::size_t j = 0; j < i; ++j) {
      if (scenarios[j].name != scenarios[i].name) continue;
      auto at = scenarios[i].locations.find("name");
      diagnostics.Error(at != scenarios[i].locations.end()
                            ? at->second
                            : core::SourceLocation{scenarios[i].source, 0, 0},
                        "SCN012",
                        "name: '" + scenarios[i].name + "' is also the name of the scenario " +
                            scenarios[j].source + "; each compared scenario needs its own name");
      failed = true;
      break;
    }
  }
  return failed ? core::Status::Invalid("two scenarios share a name; nothing compared")
                : core::Status::Ok();
}

core::Status ReadCosts(const core::Store& store, const core::Catalog& catalog,
                       LoadedScenarios& loaded, core::Diagnostics& diagnostics) {
  auto orgs = store.Orgs();
  if (!orgs.ok()) return orgs.status();
  std::string failed;  // the first file with a problem
  std::set<std::string> read;
  for (const planners::Scenario& s : loaded.scenarios) {
    if (s.costs.empty() || !read.insert(s.costs).second) continue;
    auto costs = planners::LoadCosts(s.costs, diagnostics);
    if (!costs.ok() || !planners::CheckCosts(*costs, catalog, *orgs, diagnostics)) {
      if (failed.empty()) failed = s.costs;
      continue;
    }
    loaded.costs.emplace(s.costs, std::move(costs).value());
  }
  if (!failed.empty()) {
    return core::Status::Invalid("invalid costs file '" + failed + "'; nothing compared");
  }
  return core::Status::Ok();
}

// The union of the scenarios' orgs; empty (every org) when one of them takes every org.
std::vector<std::string> OrgsOf(const std::vector<planners::Scenario>& scenarios) {
  std::vector<std::string> orgs;
  for (const planners::Scenario& s : scenarios) {
    if (s.orgs.empty()) return {};
    orgs.insert(orgs.end(), s.orgs.begin(), s.orgs.end());
  }
  std::sort(orgs.begin(), orgs.end());
  orgs.erase(std::unique(orgs.begin(), orgs.end()), orgs.end());
  return orgs;
}

// One planning base for every scenario: the estate of `orgs` (empty: every org), its graph, the
// catalog and the device types, loaded and built once.
core::Result<std::shared_ptr<const planners::PlanningBase>> LoadBase(const core::Store& store,
                                                                     std::vector<std::string> orgs,
                                                                     core::Catalog catalog) {
  core::AssetQuery query;
  query.orgs = std::move(orgs);
  auto estate = store.LoadEstate(query);
  if (!estate.ok()) return estate.status();
  Trace("estate loaded");
  auto device_types = store.DeviceTypes();
  if (!device_types.ok()) return device_types.status();
  // Only the graph reads the relations once it is built: they are let go.
  auto base = planners::MakePlanningBase(
      std::move(estate).value(), std::move(catalog), std::move(device_types).value(),
      planners::GraphNeed::kBuild, planners::Relations::kRelease);
  Trace("graph built");
  return base;
}

// The scenarios read and checked against the store (names, orgs).
core::Result<LoadedScenarios> ReadChecked(const core::Store& store,
                                          const std::vector<std::string>& paths,
                                          core::Diagnostics& diagnostics) {
  LoadedScenarios loaded;
  if (auto s = ReadScenarios(paths, loaded, diagnostics); !s.ok()) return s;
  if (auto s = CheckNames(loaded.scenarios, diagnostics); !s.ok()) return s;
  for (const planners::Scenario& s : loaded.scenarios) {
    if (auto named = CheckScenarioOrgs(store, s, diagnostics); !named.ok()) return named;
  }
  return loaded;
}

// One scenario planned, priced and scored over `base`. The scenario of `planned` (the caller's
// run of the same file over the same base) is not planned again.
core::Status CompareOne(const std::shared_ptr<const planners::PlanningBase>& base,
                        const LoadedScenarios& loaded, const planners::Scenario& s,
                        const planners::PipelineResult* planned,
                        std::optional<planners::ScenarioComparison>& out,
                        core::Diagnostics& diagnostics) {
  const planners::CostsFile* costs = s.costs.empty() ? nullptr : &loaded.costs.at(s.costs);
  if (planned && !s.source.empty() && planned->scenario.source == s.source) {
    out = planners::CompareScenario(*base, *planned, costs);
    Trace("compared: " + s.name);
    return core::Status::Ok();
  }
  planners::PipelineRequest request;
  request.scenario = &s;
  request.steps = planners::kCompareSteps;
  request.trace = Trace;
  auto run = planners::RunPipeline(base, request, diagnostics);
  if (!run.ok()) return run.status();
  out = planners::CompareScenario(*base, *run, costs);
  Trace("compared: " + s.name);
  return core::Status::Ok();
}

// Above this many assets the scenarios are planned one at a time: a pooled scenario's plan
// holds about 0.6 KB per asset (3 GB at 290 orgs), so two at once would need as much again.
constexpr std::size_t kParallelAssets = 1'000'000;

// `jobs` (0: chosen here) bounded by the scenarios; one without the base's graph (each run then
// builds its own and matches the estate itself).
std::size_t JobsFor(const planners::PlanningBase& base, std::size_t scenarios, std::size_t jobs) {
  if (!base.graph) return 1;
  if (jobs == 0) {
    const bool large = base.estate.assets.size() > kParallelAssets;
    jobs = large ? 1 : std::max(1u, std::min(2u, std::thread::hardware_concurrency()));
  }
  return std::max<std::size_t>(1, std::min(jobs, scenarios));
}

// Each scenario planned, priced and scored over `base` (`jobs` at a time), then the
// sensitivity. The results and each scenario's diagnostics are kept in the order given; a
// failed scenario ends the comparison there, as one at a time would.
core::Result<Comparison> CompareOver(const std::shared_ptr<const planners::PlanningBase>& base,
                                     const LoadedScenarios& loaded, core::Diagnostics& diagnostics,
                                     const planners::PipelineResult* planned = nullptr,
                                     std::size_t jobs = 0) {
  const std::size_t n = loaded.scenarios.size();
  jobs = JobsFor(*base, n, jobs);
  if (jobs > 1) {
    // The catalog's matching is not thread-safe: every scenario's match is made here first.
    for (const planners::Scenario& s : loaded.scenarios) {
      bool computed = false;
      base->usage->Get(base->estate, *base->graph, base->catalog, s.orgs, &computed);
      if (computed) Trace("estate matched with the catalog");
    }
  }
  std::vector<std::optional<planners::ScenarioComparison>> results(n);
  std::vector<core::Diagnostics> said(n);
  std::vector<core::Status> status(n, core::Status::Ok());
  std::atomic<std::size_t> next{0};
  std::atomic<std::size_t> failed{n};  // the first failed scenario's index, n when none
  auto work = [&] {
    for (std::size_t i = next++; i < n && i < failed; i = next++) {
      status[i] = CompareOne(base, loaded, loaded.scenarios[i], planned, results[i], said[i]);
      if (!status[i].ok()) {
        std::size_t first = failed;
        while (i < first && !failed.compare_exchange_weak(first, i)) {
        }
      }
    }
  };
  std::vector<std::thread> threads;
  for (std::size_t j = 1; j < jobs; ++j) threads.emplace_back(work);
  work();
  for (std::thread& t : threads) t.join();
  Comparison out;
  out.org_names = base->estate.org_names;
  for (std::size_t i = 0; i < n; ++i) {
    diagnostics.Append(said[i]);
    if (!status[i].ok()) return status[i];
    out.scenarios.push_back(std::move(*results[i]));
  }
  planners::AddSensitivity(out.scenarios);
  return out;
}

// Whether an estate of `base_orgs` (empty: every org) holds every org of each scenario.
bool Covers(const std::vector<std::string>& base_orgs,
            const std::vector<planners::Scenario>& scenarios) {
  if (base_orgs.empty()) return true;
  return std::all_of(scenarios.begin(), scenarios.end(), [&](const planners::Scenario& s) {
    return !s.orgs.empty() && std::all_of(s.orgs.begin(), s.orgs.end(), [&](const auto& org) {
      return std::find(base_orgs.begin(), base_orgs.end(), org) != base_orgs.end();
    });
  });
}

}  // namespace

core::Result<Comparison> CompareScenarios(const core::Store& store,
                                          const std::vector<std::string>& paths,
                                          const std::vector<std::string>& catalogs,
                                          core::Diagnostics& diagnostics, std::size_t jobs) {
  Trace("start");
  auto loaded = ReadChecked(store, paths, diagnostics);
  if (!loaded.ok()) return loaded.status();
  auto catalog = core::LoadCatalog(catalogs, diagnostics);
  if (!catalog.ok()) return catalog.status();
  if (auto s = ReadCosts(store, *catalog, *loaded, diagnostics); !s.ok()) return s;
  auto base = LoadBase(store, OrgsOf(loaded->scenarios), std::move(catalog).value());
  if (!base.ok()) return base.status();
  return CompareOver(*base, *loaded, diagnostics, nullptr, jobs);
}

core::Result<Comparison> CompareScenarios(const core::Store& store,
                                          const std::vector<std::string>& paths,
                                          const std::vector<std::string>& catalogs,
                                          const std::shared_ptr<const planners::PlanningBase>& base,
                                          const std::vector<std::string>& base_orgs,
                                          core::Diagnostics& diagnostics,
                                          const planners::PipelineResult* planned) {
  core::Diagnostics read;
  auto loaded = ReadChecked(store, paths, read);
  if (loaded.ok() && (!base->graph || !Covers(base_orgs, loaded->scenarios))) {
    return CompareScenarios(store, paths, catalogs, diagnostics);  // an estate of their own
  }
  diagnostics.Append(read);
  if (!loaded.ok()) return loaded.status();
  if (auto s = ReadCosts(store, base->catalog, *loaded, diagnostics); !s.ok()) return s;
  return CompareOver(base, *loaded, diagnostics, planned);
}

std::string FormatMoney(double amount) { return core::GroupDigits(amount, " "); }

}  // namespace samdrift::tools
