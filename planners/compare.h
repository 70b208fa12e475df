// The study's alternatives side by side (`samdrift compare`): each scenario planned by the
// pipeline (planners/pipeline.h) over one shared PlanningBase, its plan priced with its costs
// file, the seven criteria scored, and the sensitivity of the order to each single price.
#ifndef SAMDRIFT_PLANNERS_COMPARE_H_
#define SAMDRIFT_PLANNERS_COMPARE_H_

#include <optional>
#include <string>
#include <vector>

#include "planners/costs.h"
#include "planners/costs_file.h"
#include "planners/criteria.h"
#include "planners/hall_plan.h"
#include "planners/pipeline.h"
#include "planners/scenario.h"
#include "planners/target.h"
#include "planners/waves.h"

namespace samdrift::planners {

// One scenario as `compare` shows it.
struct ScenarioComparison {
  std::string name;
  std::string alternative;
  std::vector<Criterion> criteria;  // 1..7
  CostQuantities quantities;
  std::optional<CostsFile> costs;      // nullopt: the scenario names no costs file
  std::optional<CostSummary> summary;  // with costs
  std::size_t halls_in_use = 0;        // after the plan
  std::size_t technologies = 0;        // distinct technologies after the plan
  double hours = 0;
  int waves = 0;
  std::string end;                       // the last wave's end (yyyy-mm-dd), or empty
  std::vector<std::string> sensitivity;  // prices whose ±20 % change its place in the order
};

// The steps a comparison needs of RunPipeline: target, halls, waves and the risk view.
inline constexpr Step kCompareSteps = Step::kRisk;

// Prices and scores one scenario from its run over `base` (RunPipeline with kCompareSteps and
// PipelineKeep::kEverything); `costs` may be null.
ScenarioComparison CompareScenario(const PlanningBase& base, const PipelineResult& run,
                                   const CostsFile* costs);

// The order of the scenarios by five-year total, cheapest first (indices; unpriced last).
std::vector<std::size_t> OrderByFiveYearTotal(const std::vector<ScenarioComparison>& list);

// For each scenario, the single prices (of any scenario's costs file) that, raised or lowered by
// 20 % in every file that has them, change its place in the order: "hour +20 %".
void AddSensitivity(std::vector<ScenarioComparison>& list);

}  // namespace samdrift::planners

#endif  // SAMDRIFT_PLANNERS_COMPARE_H_
