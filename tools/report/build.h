// Assembles the whole report from the store (and a scenario) and writes it to a folder.
#ifndef SAMDRIFT_TOOLS_REPORT_BUILD_H_
#define SAMDRIFT_TOOLS_REPORT_BUILD_H_

#include <string>

#include "tools/command.h"
#include "tools/planning_inputs.h"
#include "tools/report/report.h"

namespace samdrift::tools::report {

struct ReportOptions {
  std::string out_dir;
  PlanningOptions planning;  // --scenario, --catalog, --date
  Lang lang = Lang::kSv;
  Redaction redaction = Redaction::kNone;
};

struct ReportFiles {
  std::string html;
  std::string xlsx;
  std::string csv_dir;
};

// Reads the estate, runs every planner the report shows and writes index.html, samdrift.xlsx
// and csv/*.csv into options.out_dir. Planner and scenario problems go to `diagnostics`.
core::Result<ReportFiles> WriteReport(const GlobalOptions& global, const ReportOptions& options,
                                      core::Diagnostics& diagnostics);

}  // namespace samdrift::tools::report

#endif  // SAMDRIFT_TOOLS_REPORT_BUILD_H_
