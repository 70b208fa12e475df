// Assembles the whole report from computed results and writes it to a folder.
#ifndef SAMDRIFT_TOOLS_REPORT_BUILD_H_
#define SAMDRIFT_TOOLS_REPORT_BUILD_H_

#include <string>

#include "core/store.h"
#include "planners/pipeline.h"
#include "tools/net_view.h"
#include "tools/report/report.h"

namespace samdrift::tools::report {

struct ReportOptions {
  std::string out_dir;
  Lang lang = Lang::kSv;
  Redaction redaction = Redaction::kNone;
};

struct ReportFiles {
  std::string html;
  std::string xlsx;
  std::string csv_dir;
};

// What the report shows, computed before: the planning pipeline's results over one base, the
// address plans, and what the store says about the imports.
struct ReportInput {
  const planners::PlanningBase* base = nullptr;      // the estate, its graph, the catalog
  const planners::PipelineResult* result = nullptr;  // scenario, target, halls, waves, risk
  const NetAnalysis* net = nullptr;
  const core::StoredWarnings* warnings = nullptr;  // the first kWarningLines of the scenario's orgs
  const core::StoreStats* stats = nullptr;
};

// Writes index.html, samdrift.xlsx and csv/*.csv into options.out_dir. `input.base` has the graph
// built and `input.result` the target, hall plan, waves and risk.
core::Result<ReportFiles> WriteReport(const ReportInput& input, const ReportOptions& options);

}  // namespace samdrift::tools::report

#endif  // SAMDRIFT_TOOLS_REPORT_BUILD_H_
