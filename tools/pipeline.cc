#include "tools/pipeline.h"

#include "planners/calendar.h"
#include "planners/hall_input.h"
#include "planners/migration.h"
#include "tools/trace.h"

namespace samdrift::tools {

planners::AssetNames RetiredByTarget(const planners::TargetPlan& target) {
  planners::AssetNames retired;
  for (const planners::Gap& gap : target.gaps) {
    if (gap.action == planners::GapAction::kRetire) retired.insert({gap.org, gap.asset});
  }
  return retired;
}

core::Result<std::unique_ptr<Pipeline>> RunPipeline(const GlobalOptions& global,
                                                    const PlanningOptions& options,
                                                    core::Diagnostics& diagnostics,
                                                    PipelineKeep keep) {
  Trace("start");
  auto inputs = LoadPlanningInputs(global, options, diagnostics);
  Trace("inputs loaded");
  if (!inputs.ok()) return inputs.status();
  auto pipeline = std::make_unique<Pipeline>();
  pipeline->inputs = std::move(inputs).value();
  if (pipeline->inputs.scenario) pipeline->scenario = *pipeline->inputs.scenario;
  pipeline->graph = std::make_unique<core::GraphView>(pipeline->inputs.estate);
  if (keep == PipelineKeep::kWavesOnly) ReleaseRelations(pipeline->inputs.estate);
  Trace("graph built");

  auto target =
      planners::PlanTarget(pipeline->inputs.estate, *pipeline->graph, pipeline->inputs.catalog,
                           pipeline->inputs.scenario_or_null(), diagnostics);
  if (!target.ok()) return target.status();
  pipeline->target = std::move(target).value();
  Trace("target planned");

  auto store = OpenStore(global, core::OpenMode::kReadOnly);
  if (!store.ok()) return store.status();
  auto device_types = (*store)->DeviceTypes();
  if (!device_types.ok()) return device_types.status();
  const planners::AssetNames retired = RetiredByTarget(pipeline->target);
  auto hall_input = planners::BuildHallInput(pipeline->inputs.estate, *device_types,
                                             pipeline->scenario, retired, diagnostics);
  if (!hall_input.ok()) return hall_input.status();
  pipeline->halls = planners::PlanHalls(*hall_input);
  planners::ReportUnplaced(pipeline->halls, options.scenario.empty() ? global.db : options.scenario,
                           diagnostics);
  Trace("halls planned");

  planners::WaveProblem problem =
      keep == PipelineKeep::kWavesOnly
          ? planners::BuildWaveProblem(pipeline->inputs.estate, *pipeline->graph,
                                       std::move(pipeline->target), &pipeline->halls,
                                       pipeline->scenario)
          : planners::BuildWaveProblem(pipeline->inputs.estate, *pipeline->graph, &pipeline->target,
                                       &pipeline->halls, pipeline->scenario);
  if (keep == PipelineKeep::kWavesOnly) {
    pipeline->graph.reset();
    core::OrgNames names = std::move(pipeline->inputs.estate.org_names);  // for the tables
    pipeline->inputs.estate = {};
    pipeline->inputs.estate.org_names = std::move(names);
    pipeline->target = {};
    pipeline->halls = {};
  }
  planners::FilterWaveItems(problem, options.only_categories, options.only_actions);
  Trace("wave problem built");
  auto waves = planners::PlanWaves(std::move(problem));
  Trace("waves planned");
  if (!waves.ok()) return waves.status();
  pipeline->waves = std::move(waves).value();
  if (const auto& timeline = pipeline->scenario.timeline) {
    core::Status dated = planners::DateWaves(*timeline, pipeline->waves);
    if (!dated.ok()) {
      diagnostics.Error(pipeline->scenario.locations["timeline"], "SCN004", dated.message());
      return core::Status::Invalid("the waves do not fit the scenario's timeline; nothing planned");
    }
  }
  return pipeline;
}

}  // namespace samdrift::tools
