// `samdrift report` (and the demo's report): reads the store once through the planning pipeline,
// computes every result the report shows and hands them to reports::WriteReport.
#ifndef SAMDRIFT_TOOLS_REPORT_RUN_H_
#define SAMDRIFT_TOOLS_REPORT_RUN_H_

#include "core/diagnostics.h"
#include "core/result.h"
#include "reports/build.h"
#include "tools/command.h"
#include "tools/planning_inputs.h"

namespace samdrift::tools {

// Planner and scenario problems go to `diagnostics`; a failed step fails the whole.
core::Result<reports::ReportFiles> RunReport(const GlobalOptions& global,
                                             const PlanningOptions& planning,
                                             const reports::ReportOptions& options,
                                             core::Diagnostics& diagnostics);

}  // namespace samdrift::tools

#endif  // SAMDRIFT_TOOLS_REPORT_RUN_H_
