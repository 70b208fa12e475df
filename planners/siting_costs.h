// The costs of a set of halls for `halls --choose` (planners/siting.h), with the costs module
// (planners/costs.h) as `compare` prices a scenario: the scenario's own plan gives what every set
// shares (purchases, licences, today's facilities, the migration's pace per year); each set
// gives its own target facilities (halls, racks, kW) and hours (the wave items of its plan:
// gaps, services, the network core in each of its halls, its device moves).
#ifndef SAMDRIFT_PLANNERS_SITING_COSTS_H_
#define SAMDRIFT_PLANNERS_SITING_COSTS_H_

#include <cstddef>
#include <map>
#include <string>

#include "core/catalog.h"
#include "core/graph.h"
#include "core/model.h"
#include "planners/costs.h"
#include "planners/costs_file.h"
#include "planners/hall_plan.h"
#include "planners/scenario.h"
#include "planners/siting.h"
#include "planners/target.h"
#include "planners/waves.h"

namespace samdrift::planners {

class SitingPricer {
 public:
  // `plan` is the scenario's own plan (its hall plan, and its waves, whose dates give the pace);
  // `plan` and `costs` are not owned and must outlive the pricer.
  SitingPricer(const PlanView& plan, const CostsFile& costs);

  // The costs of `plan`, the hall plan of `set_scenario` (the scenario with a set's halls,
  // ScenarioForSet); a hall named in `quoted` runs at that cost per year instead of the costs
  // file's hall, rack and kW prices (a new hall's siting.candidates: running_per_year).
  SetCosts Price(const Scenario& set_scenario, const HallPlan& plan,
                 const std::map<std::string, double>& quoted = {}) const;

  // A lower bound on the five-year cost of any set of `halls` halls from which `moving` devices
  // move: the hours every set has (gaps, services, platform), the network core of each hall
  // and the moves, and per_year.hall for each hall but the `quoted` ones (whose quoted running
  // cost may be lower: counted as 0); no rack and no kW in the target.
  double LowerBound(std::size_t halls, std::size_t quoted, std::size_t moving) const;

  const CostQuantities& base() const { return base_; }

 private:
  std::map<std::string, double> Hours(const Scenario& scenario, const HallPlan* plan) const;

  PlanView view_;
  const CostsFile& costs_;
  CostQuantities base_;
  std::map<std::string, double> shared_hours_;  // the items of a plan without target halls
};

}  // namespace samdrift::planners

#endif  // SAMDRIFT_PLANNERS_SITING_COSTS_H_
