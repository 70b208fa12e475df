#include "planners/pipeline.h"

#include <utility>

#include "planners/calendar.h"
#include "planners/migration.h"

namespace samdrift::planners {
namespace {

// One run: the steps in order, each reading the base and what the earlier steps left.
class Run {
 public:
  Run(std::shared_ptr<const PlanningBase> base, const PipelineRequest& request,
      core::Diagnostics& diagnostics)
      : base_(std::move(base)), request_(request), diagnostics_(diagnostics) {
    const Steps steps = request.steps;
    waves_ = steps.Has(Step::kWaves) || steps.Has(Step::kRisk);
    halls_ = waves_ || steps.Has(Step::kHalls);
    target_ = waves_ || steps.Has(Step::kTarget);
    risk_ = steps.Has(Step::kRisk);
    lean_ = request.keep == PipelineKeep::kWavesOnly && !risk_;  // risk reads them all
    out_.scenario = ScenarioWithDate(request.scenario, request.date).value_or(Scenario{});
    out_.org_names = base_->estate.org_names;
  }

  core::Result<PipelineResult> Go() {
    if (target_ || risk_) UseGraph();
    if (target_) {
      if (core::Status s = PlanTheTarget(); !s.ok()) return s;
    }
    if (halls_) {
      if (core::Status s = PlanTheHalls(); !s.ok()) return s;
    }
    if (waves_) {
      if (core::Status s = PlanTheWaves(); !s.ok()) return s;
    }
    if (risk_) ComputeTheRisk();
    return std::move(out_);
  }

 private:
  void Trace(std::string_view step) const {
    if (request_.trace) request_.trace(step);
  }

  // The base's graph, else one built for this run.
  void UseGraph() {
    if (base_->graph) {
      graph_ = base_->graph.get();
      return;
    }
    own_graph_.emplace(base_->estate);
    graph_ = &*own_graph_;
    Trace("graph built");
  }

  // PlanTarget tells "no scenario" (null) from a scenario: only a named file or --date is one.
  const Scenario* TargetScenario() const {
    return request_.scenario || !request_.date.empty() ? &out_.scenario : nullptr;
  }

  core::Status PlanTheTarget() {
    const Scenario* scenario = TargetScenario();
    auto target = own_graph_
                      ? PlanTarget(base_->estate, *graph_, base_->catalog, scenario, diagnostics_)
                      : PlanTarget(base_->estate, *graph_, base_->catalog, MatchedEstate(scenario),
                                   scenario, diagnostics_);
    if (!target.ok()) return target.status();
    out_.target = std::move(target).value();
    out_.base = base_;  // the gaps refer to its estate and catalog
    Trace("target planned");
    return core::Status::Ok();
  }

  // The base's match of the estate for the scenario's orgs, made by the first run that asks.
  const UsageSet& MatchedEstate(const Scenario* scenario) const {
    bool computed = false;
    const UsageSet& usage =
        base_->usage->Get(base_->estate, *graph_, base_->catalog,
                          scenario ? scenario->orgs : std::vector<std::string>{}, &computed);
    if (computed) Trace("estate matched with the catalog");
    return usage;
  }

  core::Status PlanTheHalls() {
    const AssetNames retired = out_.target ? RetiredByTarget(*out_.target) : AssetNames{};
    auto input =
        BuildHallInput(base_->estate, base_->device_types, out_.scenario, retired, diagnostics_);
    if (!input.ok()) return input.status();
    out_.halls = PlanHalls(*input);
    const bool named = request_.scenario && !request_.scenario->source.empty();
    ReportUnplaced(*out_.halls, named ? request_.scenario->source : request_.estate_source,
                   diagnostics_);
    Trace("halls planned");
    return core::Status::Ok();
  }

  WaveProblem BuildProblem() {
    if (!lean_) {
      return BuildWaveProblem(base_->estate, *graph_, &*out_.target, &*out_.halls, out_.scenario);
    }
    // The items are made from the gaps; then the estate, graph, target and halls are let go.
    WaveProblem problem = BuildWaveProblem(base_->estate, *graph_, std::move(*out_.target),
                                           &*out_.halls, out_.scenario);
    graph_ = nullptr;
    own_graph_.reset();
    out_.target.reset();
    out_.base.reset();
    base_.reset();
    out_.halls.reset();
    return problem;
  }

  core::Status PlanTheWaves() {
    WaveProblem problem = BuildProblem();
    FilterWaveItems(problem, request_.only_categories, request_.only_actions);
    Trace("wave problem built");
    auto waves = PlanWaves(std::move(problem));
    Trace("waves planned");
    if (!waves.ok()) return waves.status();
    out_.waves = std::move(waves).value();
    if (const auto& timeline = out_.scenario.timeline) {
      core::Status dated = DateWaves(*timeline, *out_.waves);
      if (!dated.ok()) {
        diagnostics_.Error(out_.scenario.locations["timeline"], "SCN004", dated.message());
        return core::Status::Invalid(
            "the waves do not fit the scenario's timeline; nothing planned");
      }
    }
    return core::Status::Ok();
  }

  void ComputeTheRisk() {
    RiskInput input{
        &base_->estate, graph_, &out_.scenario, &*out_.target, DevicePlacements(*out_.halls),
        &*out_.waves};
    out_.risk = ComputeRisk(input, out_.risk_warnings);
    Trace("risk computed");
  }

  std::shared_ptr<const PlanningBase> base_;
  const PipelineRequest& request_;
  core::Diagnostics& diagnostics_;
  bool target_ = false, halls_ = false, waves_ = false, risk_ = false, lean_ = false;
  const core::GraphView* graph_ = nullptr;
  std::optional<core::GraphView> own_graph_;
  PipelineResult out_;
};

}  // namespace

std::optional<Scenario> ScenarioWithDate(const Scenario* scenario, const std::string& date) {
  if (!scenario && date.empty()) return std::nullopt;
  Scenario out = scenario ? *scenario : Scenario{};
  if (!date.empty()) {
    if (!scenario) out.source = "--date";
    out.date = date;
  }
  return out;
}

std::shared_ptr<const PlanningBase> MakePlanningBase(core::Estate estate, core::Catalog catalog,
                                                     std::vector<core::DeviceType> device_types,
                                                     GraphNeed graph, Relations relations) {
  auto base = std::make_shared<PlanningBase>();
  base->estate = std::move(estate);
  base->catalog = std::move(catalog);
  base->device_types = std::move(device_types);
  if (graph == GraphNeed::kBuild) base->graph = std::make_unique<core::GraphView>(base->estate);
  if (relations == Relations::kRelease && base->graph) {
    std::vector<core::Relation>().swap(base->estate.relations);
  }
  return base;
}

AssetNames RetiredByTarget(const TargetPlan& target) {
  AssetNames retired;
  for (const Gap& gap : target.gaps) {
    if (gap.action == GapAction::kRetire) retired.insert({gap.org(), gap.asset()});
  }
  return retired;
}

core::Result<PipelineResult> RunPipeline(std::shared_ptr<const PlanningBase> base,
                                         const PipelineRequest& request,
                                         core::Diagnostics& diagnostics) {
  return Run(std::move(base), request, diagnostics).Go();
}

}  // namespace samdrift::planners
