#include "tools/report_run.h"

#include <optional>

#include "planners/gantt.h"
#include "planners/hall_today.h"
#include "planners/net_view.h"
#include "planners/overlap.h"
#include "tools/halls_choose.h"

namespace samdrift::tools {

core::Result<reports::ReportFiles> RunReport(
    const core::Store& store, const PlanningInputs& in, const planners::PipelineResult& result,
    const reports::ReportOptions& options, core::Diagnostics& diagnostics,
    const std::vector<planners::ScenarioComparison>* alternatives) {
  const planners::PlanningBase& base = *in.base;
  const planners::Overlap overlap = planners::ComputeOverlap(base.estate, base.catalog);
  core::Diagnostics skipped;
  auto net = planners::AnalyseNetwork(
      result.scenario,
      [&](const auto& visit) {
        for (const core::Asset& a : base.estate.assets) visit(a);
        return core::Status::Ok();
      },
      skipped);
  if (!net.ok()) return net.status();
  diagnostics.Append(skipped);
  auto warnings = store.ImportWarnings(result.scenario.orgs, reports::kWarningLines);
  if (!warnings.ok()) return warnings.status();
  auto stats = store.Stats();
  if (!stats.ok()) return stats.status();

  // The plan on the calendar, when the scenario's timeline dated the waves.
  std::optional<planners::Gantt> gantt;
  std::optional<planners::MonthlyHours> hours;
  const planners::WavePlan& waves = *result.waves;
  const planners::Scenario& scenario = result.scenario;
  if (scenario.timeline && !waves.waves.empty() && !waves.waves.front().start.empty()) {
    auto monthly = planners::HoursPerMonth(*scenario.timeline, waves);
    if (!monthly.ok()) return monthly.status();
    hours = std::move(*monthly);
    gantt = planners::BuildGantt(
        waves, scenario.timeline->phases,
        planners::ClosuresFromFates(planners::HallFates(*result.halls, &waves)));
  }

  // With a `siting:` block: `halls --choose`'s ranking over the same plan, for the hall section.
  std::optional<HallsChoice> choice;
  reports::SitingRanking ranking;
  if (!scenario.siting.where.source.empty()) {
    auto chosen = ChooseHallsOver(store, base, &result, diagnostics);
    if (!chosen.ok()) return chosen.status();
    choice = std::move(chosen).value();
    ranking = {&choice->input, &choice->result, choice->currency};
  }

  reports::ReportInput input;
  input.estate = &base.estate;
  input.graph = base.graph.get();
  input.scenario = &result.scenario;
  input.overlap = &overlap;
  input.target = &*result.target;
  input.waves = &*result.waves;
  input.halls = &*result.halls;
  input.risk = &*result.risk;
  input.net = &*net;
  input.warnings = &*warnings;
  input.stats = &*stats;
  input.alternatives = alternatives;
  if (choice) input.siting = &ranking;
  if (gantt) {
    input.gantt = &*gantt;
    input.hours = &*hours;
  }
  return reports::WriteReport(input, options);
}

}  // namespace samdrift::tools
