// The runs the workspace keeps (workspace.h): a scenario planned once for its views, compare,
// diff and the Hallar page's drawings; and the base each plans over.
#include <algorithm>

#include "core/text.h"
#include "planners/compare.h"
#include "tools/json_views.h"
#include "tools/planning_inputs.h"
#include "tools/serve/workspace.h"

namespace samdrift::tools::serve {
namespace fs = std::filesystem;

namespace {

// The scenarios whose runs are kept at most (Workspace::Run): each holds its target, hall plan,
// waves and risk.
constexpr std::size_t kKeptRuns = 8;

// `halls` with no scenario: today's halls, racks and devices as they are (HallSteps).
core::Result<std::shared_ptr<const planners::PipelineResult>> HallsAsTheyAre(
    const std::shared_ptr<const planners::PlanningBase>& base, const std::string& source,
    const std::function<void(std::string_view)>& trace, core::Diagnostics& diagnostics,
    std::size_t& plans) {
  planners::PipelineRequest request;
  request.estate_source = source;
  PlanningOptions options;
  request.steps = HallSteps(options);
  request.trace = trace;
  ++plans;
  auto result = planners::RunPipeline(base, request, diagnostics);
  if (!result.ok()) return result.status();
  return std::make_shared<const planners::PipelineResult>(std::move(result).value());
}

}  // namespace

core::Result<std::optional<planners::Scenario>> Workspace::ReadChecked(
    const fs::path& path, core::Diagnostics& diagnostics) {
  auto scenario = ReadScenarioFile(path.string(), diagnostics);
  if (!scenario.ok()) return scenario.status();
  if (*scenario) {
    core::Status named = CheckScenarioOrgs(*store_, **scenario, diagnostics);
    if (!named.ok()) return named;
  }
  return scenario;
}

Answer Workspace::WithRun(const fs::path& path,
                          const std::function<Answer(const planners::PipelineResult&)>& use) {
  core::Diagnostics diagnostics;
  if (auto store = Store(); !store.ok()) return Failed(store.status(), diagnostics);
  auto scenario = ReadChecked(path, diagnostics);
  if (!scenario.ok()) return Failed(scenario.status(), diagnostics);
  auto run = PlanOf(
      *scenario ? &**scenario : nullptr, path, "halls", [](std::string_view) {}, diagnostics);
  if (!run.ok()) return Failed(run.status(), diagnostics);
  return use(**run);
}

core::Result<Workspace::ChosenBase> Workspace::BaseOf(const std::vector<std::string>& orgs,
                                                      bool halls_only, const Trace& mark) {
  // A scenario of every org the store has plans over the base of every org (one base, not two).
  std::vector<std::string> base_orgs = orgs;
  if (auto all = store_->Orgs(); all.ok()) {
    std::vector<std::string> sorted = orgs;
    std::sort(sorted.begin(), sorted.end());
    std::sort(all->begin(), all->end());
    if (sorted == *all) base_orgs.clear();
  }
  ChosenBase chosen{halls_only ? "halls" : core::Join(base_orgs, ","), nullptr};
  const std::size_t loaded = bases_loaded_;
  auto base = Base(chosen.key, base_orgs, halls_only);
  if (!base.ok()) return base.status();
  chosen.base = *base;
  mark(bases_loaded_ > loaded ? "base" : "base-kept");  // kept: loaded before (Preload)
  return chosen;
}

core::Result<std::shared_ptr<const planners::PipelineResult>> Workspace::PlanOf(
    const planners::Scenario* scenario, const fs::path& path, const std::string& view,
    const Trace& mark, core::Diagnostics& diagnostics) {
  const bool halls_only = view == "halls" && !scenario;
  auto base = BaseOf(scenario ? scenario->orgs : std::vector<std::string>{}, halls_only, mark);
  if (!base.ok()) return base.status();
  if (halls_only) return HallsAsTheyAre(base->base, store_->path(), mark, diagnostics, plans_);
  return Run(base->key, base->base, path, scenario, view == "target", mark, diagnostics);
}

bool Workspace::HasPlan(const std::vector<std::string>& scenarios) {
  if (!Store().ok() || scenarios.size() > 1) return false;
  std::string prefix = "\x01";
  if (!scenarios.empty()) {
    auto path = ScenarioPath(scenarios.front());
    if (!path.ok()) return false;
    prefix = ScenarioKey(*path) + prefix;
  }
  auto it = runs_.lower_bound(prefix);
  for (; it != runs_.end() && it->first.compare(0, prefix.size(), prefix) == 0; ++it) {
    if (it->second.full) return true;
  }
  return false;
}

core::Result<std::shared_ptr<const planners::PipelineResult>> Workspace::Run(
    const std::string& base_key, const std::shared_ptr<const planners::PlanningBase>& base,
    const fs::path& path, const planners::Scenario* scenario, bool target_only,
    const std::function<void(std::string_view)>& trace, core::Diagnostics& diagnostics) {
  const std::string key = (path.empty() ? "" : ScenarioKey(path)) + "\x01" + base_key;
  if (auto it = runs_.find(key); it != runs_.end() && (it->second.full || target_only)) {
    it->second.used = ++runs_used_;
    return it->second.result;
  }
  planners::PipelineRequest request;
  request.scenario = scenario;
  request.estate_source = store_->path();
  request.steps = target_only ? planners::Steps(planners::Step::kTarget) : planners::kCompareSteps;
  request.trace = trace;
  ++plans_;
  auto result = planners::RunPipeline(base, request, diagnostics);
  if (!result.ok()) return result.status();
  if (runs_.size() >= kKeptRuns && !runs_.count(key)) {  // a working session's few, not all
    runs_.erase(std::min_element(runs_.begin(), runs_.end(), [](const auto& a, const auto& b) {
      return a.second.used < b.second.used;
    }));
  }
  auto run = std::make_shared<const planners::PipelineResult>(std::move(result).value());
  runs_[key] = {run, !target_only, ++runs_used_};
  return run;
}

// The first scenario of a comparison, priced from its kept run (planned here when it is not, and
// then kept for its views); null when it does not plan (compare then reports why).
std::shared_ptr<const planners::PipelineResult> Workspace::FirstRun(
    const core::Store& store, const std::shared_ptr<const planners::PlanningBase>& base,
    const fs::path& path) {
  core::Diagnostics ignored;  // compare reads and checks the scenario again, and reports
  auto scenario = ReadScenarioFile(path.string(), ignored);
  if (!scenario.ok() || !*scenario || !CheckScenarioOrgs(store, **scenario, ignored).ok()) {
    return nullptr;
  }
  auto run = Run("", base, path, &**scenario, false, nullptr, ignored);
  return run.ok() ? *run : nullptr;
}

}  // namespace samdrift::tools::serve
