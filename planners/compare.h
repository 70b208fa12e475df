// The study's alternatives side by side (`samdrift compare`): each scenario planned over one
// shared estate, its plan priced with its costs file, the seven criteria scored, and the
// sensitivity of the order to each single price.
#ifndef SAMDRIFT_PLANNERS_COMPARE_H_
#define SAMDRIFT_PLANNERS_COMPARE_H_

#include <optional>
#include <string>
#include <vector>

#include "core/catalog.h"
#include "core/diagnostics.h"
#include "core/graph.h"
#include "core/model.h"
#include "core/result.h"
#include "core/store.h"
#include "planners/costs.h"
#include "planners/costs_file.h"
#include "planners/criteria.h"
#include "planners/hall_plan.h"
#include "planners/scenario.h"
#include "planners/target.h"
#include "planners/waves.h"

namespace samdrift::planners {

// What every scenario of a comparison shares: one estate (the union of their orgs), its graph,
// the catalog and the device types. Not owned.
struct SharedEstate {
  const core::Estate* estate = nullptr;
  const core::GraphView* graph = nullptr;  // over *estate
  const core::Catalog* catalog = nullptr;
  const std::vector<core::DeviceType>* device_types = nullptr;
};

// One scenario's plan: target, halls and dated waves.
struct ScenarioPlan {
  TargetPlan target;
  HallPlan halls;
  WavePlan waves;
};

// Plans target, halls and waves for `scenario` (its orgs, else every org of the estate).
core::Result<ScenarioPlan> PlanScenario(const SharedEstate& shared, const Scenario& scenario,
                                        core::Diagnostics& diagnostics);

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

// Plans, prices and scores one scenario (`costs` may be null).
core::Result<ScenarioComparison> CompareScenario(const SharedEstate& shared,
                                                 const Scenario& scenario, const CostsFile* costs,
                                                 core::Diagnostics& diagnostics);

// The order of the scenarios by five-year total, cheapest first (indices; unpriced last).
std::vector<std::size_t> OrderByFiveYearTotal(const std::vector<ScenarioComparison>& list);

// For each scenario, the single prices (of any scenario's costs file) that, raised or lowered by
// 20 % in every file that has them, change its place in the order: "hour +20 %".
void AddSensitivity(std::vector<ScenarioComparison>& list);

}  // namespace samdrift::planners

#endif  // SAMDRIFT_PLANNERS_COMPARE_H_
