// Assembles the whole report from computed results and writes it to a folder. The caller runs
// the planners (tools/report_run.h for the command line); nothing here reads a store or a file.
#ifndef SAMDRIFT_REPORTS_BUILD_H_
#define SAMDRIFT_REPORTS_BUILD_H_

#include <string>

#include "core/graph.h"
#include "core/model.h"
#include "core/result.h"
#include "core/store.h"
#include "planners/compare.h"
#include "planners/gantt.h"
#include "planners/hall_plan.h"
#include "planners/net_view.h"
#include "planners/overlap.h"
#include "planners/risk.h"
#include "planners/scenario.h"
#include "planners/siting.h"
#include "planners/target.h"
#include "planners/waves.h"
#include "reports/report.h"

namespace samdrift::reports {

// `halls --choose`'s ranking (planners/siting.h) of the scenario's `siting:` candidates.
struct SitingRanking {
  const planners::SitingInput* input = nullptr;  // its candidates name the sets' halls
  const planners::SitingResult* result = nullptr;
  std::string currency;  // the costs file's; empty without one (costs unknown)
};

// Every result the report shows, computed for one scenario over one estate. Not owned: each
// pointer must be set and outlive WriteReport.
struct ReportInput {
  const core::Estate* estate = nullptr;
  const core::GraphView* graph = nullptr;        // over `estate`
  const planners::Scenario* scenario = nullptr;  // the one planned (its name is shown)
  const planners::Overlap* overlap = nullptr;
  const planners::TargetPlan* target = nullptr;
  const planners::WavePlan* waves = nullptr;
  const planners::HallPlan* halls = nullptr;
  const planners::RiskReport* risk = nullptr;
  const planners::NetAnalysis* net = nullptr;
  const core::StoredWarnings* warnings = nullptr;  // the import warnings of the scenario's orgs
  const core::StoreStats* stats = nullptr;
  // With a timeline (dated waves): the plan on the calendar (planners/gantt.h); else null.
  const planners::Gantt* gantt = nullptr;
  const planners::MonthlyHours* hours = nullptr;
  // With two or more: the alternatives compared (`samdrift compare`'s figures, in the order
  // given), shown in a section after the summary and named in its decision block; else null.
  const std::vector<planners::ScenarioComparison>* alternatives = nullptr;
  // With a `siting:` block in the scenario: the sets of halls ranked, shown in the hall section
  // ("Which halls should remain") and the chosen set named in the summary; else null.
  const SitingRanking* siting = nullptr;
};

// The import warnings the report lists line by line (all are counted): the caller reads this
// many into ReportInput::warnings.
inline constexpr std::size_t kWarningLines = 500;

struct ReportOptions {
  std::string out_dir;
  Lang lang = Lang::kSv;
  Redaction redaction = Redaction::kNone;
  // Rows of each table the HTML page holds (0: every row); CSV and XLSX hold every row.
  std::size_t max_rows = kDefaultMaxRows;
};

struct ReportFiles {
  std::string html;
  std::string xlsx;
  std::string csv_dir;
};

// Writes index.html, samdrift.xlsx and csv/*.csv into options.out_dir.
core::Result<ReportFiles> WriteReport(const ReportInput& input, const ReportOptions& options);

}  // namespace samdrift::reports

#endif  // SAMDRIFT_REPORTS_BUILD_H_
