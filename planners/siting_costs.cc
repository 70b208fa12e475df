#include "planners/siting_costs.h"

#include <algorithm>

#include "planners/migration.h"

namespace samdrift::planners {

SitingPricer::SitingPricer(const PlanView& plan, const CostsFile& costs)
    : view_(plan), costs_(costs) {
  base_ = CollectCostQuantities(plan);
  shared_hours_ = Hours(*plan.scenario, nullptr);
}

std::map<std::string, double> SitingPricer::Hours(const Scenario& scenario,
                                                  const HallPlan* plan) const {
  std::map<std::string, double> hours;
  const WaveProblem problem =
      BuildWaveProblem(*view_.estate, *view_.graph, view_.target, plan, scenario);
  for (const WaveItem& item : problem.items) hours[item.org] += item.hours;
  return hours;
}

SetCosts SitingPricer::Price(const Scenario& set_scenario, const HallPlan& plan,
                             const std::map<std::string, double>& quoted) const {
  CostQuantities q = base_;
  q.hours = Hours(set_scenario, &plan);
  q.target = TargetFacilities(set_scenario, plan, quoted);
  const CostSummary s = PriceCosts(q, costs_);
  SetCosts out{s.investment, s.running_target, s.five_year_total, {}};
  const bool pooled = set_scenario.Pooled(core::Category::kDatacenter);
  for (const PlannedHall& hall : plan.halls) {
    const Facilities used = HallFacilities(plan, hall);
    if (auto it = quoted.find(hall.name); it != quoted.end()) {
      out.halls.push_back(it->second);
    } else if (!pooled && used.racks == 0) {
      out.halls.push_back(0.0);  // a hall of today's left empty: not kept (TargetFacilities)
    } else {
      out.halls.push_back(PriceFacilities(used, costs_));
    }
  }
  return out;
}

double SitingPricer::LowerBound(std::size_t halls, std::size_t quoted, std::size_t moving) const {
  CostQuantities q = base_;
  q.hours = shared_hours_;
  double& joint = q.hours[kJointOrg];
  joint += kDeviceMoveHours * static_cast<double>(moving);
  if (view_.scenario->Pooled(core::Category::kNetwork)) {
    joint += kHallNetworkHours * static_cast<double>(halls);
  }
  q.target.clear();
  if (view_.scenario->Pooled(core::Category::kDatacenter)) {
    q.target[kJointOrg].halls = halls - std::min(halls, quoted);
  }
  return PriceCosts(q, costs_).five_year_total;
}

}  // namespace samdrift::planners
