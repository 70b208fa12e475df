#include "tools/report_run.h"

#include "planners/net_view.h"
#include "planners/overlap.h"
#include "planners/risk.h"
#include "tools/pipeline.h"

namespace samdrift::tools {

core::Result<reports::ReportFiles> RunReport(const GlobalOptions& global,
                                             const PlanningOptions& planning,
                                             const reports::ReportOptions& options,
                                             core::Diagnostics& diagnostics) {
  auto pipeline = RunPipeline(global, planning, diagnostics);
  if (!pipeline.ok()) return pipeline.status();
  const Pipeline& p = **pipeline;
  const core::Estate& estate = p.inputs.estate;

  const planners::Overlap overlap = planners::ComputeOverlap(estate, p.inputs.catalog);
  core::Diagnostics risk_diagnostics;  // `samdrift risk` reports them; the report shows the rest
  const planners::RiskInput risk_input{
      &estate, p.graph.get(), &p.scenario, &p.target, planners::DevicePlacements(p.halls),
      &p.waves};
  const planners::RiskReport risk = planners::ComputeRisk(risk_input, risk_diagnostics);
  core::Diagnostics skipped;
  auto net = planners::AnalyseNetwork(
      p.scenario,
      [&](const auto& visit) {
        for (const core::Asset& a : estate.assets) visit(a);
        return core::Status::Ok();
      },
      skipped);
  if (!net.ok()) return net.status();
  diagnostics.Append(skipped);
  auto store = OpenStore(global, core::OpenMode::kReadOnly);
  if (!store.ok()) return store.status();
  auto warnings = (*store)->ImportWarnings(p.scenario.orgs, reports::kWarningLines);
  if (!warnings.ok()) return warnings.status();
  auto stats = (*store)->Stats();
  if (!stats.ok()) return stats.status();

  reports::ReportInput input;
  input.estate = &estate;
  input.graph = p.graph.get();
  input.scenario = &p.scenario;
  input.overlap = &overlap;
  input.target = &p.target;
  input.waves = &p.waves;
  input.halls = &p.halls;
  input.risk = &risk;
  input.net = &*net;
  input.warnings = &*warnings;
  input.stats = &*stats;
  return reports::WriteReport(input, options);
}

}  // namespace samdrift::tools
