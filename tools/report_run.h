// `samdrift report` (and the demo's report): from one read of the inputs and the planning
// pipeline's results, computes the rest the report shows and hands all to reports::WriteReport.
#ifndef SAMDRIFT_TOOLS_REPORT_RUN_H_
#define SAMDRIFT_TOOLS_REPORT_RUN_H_

#include "core/diagnostics.h"
#include "core/result.h"
#include "core/store.h"
#include "planners/pipeline.h"
#include "reports/build.h"
#include "tools/planning_inputs.h"

namespace samdrift::tools {

// `result` is the pipeline's run with every step (Step::kRisk) over `in`, whose base has the
// graph built; `store` is the one `in` was read from. Address-plan problems go to `diagnostics`.
// With two or more `alternatives` (CompareScenarios over in.base), the report compares them.
core::Result<reports::ReportFiles> RunReport(
    const core::Store& store, const PlanningInputs& in, const planners::PipelineResult& result,
    const reports::ReportOptions& options, core::Diagnostics& diagnostics,
    const std::vector<planners::ScenarioComparison>* alternatives = nullptr);

}  // namespace samdrift::tools

#endif  // SAMDRIFT_TOOLS_REPORT_RUN_H_
