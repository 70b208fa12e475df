#include "planners/siting_costs.h"

#include "planners/migration.h"

namespace samdrift::planners {

SitingPricer::SitingPricer(const SitingPlanView& view) : view_(view) {
  base_ = CollectCostQuantities(
      {view.estate, view.graph, view.catalog, view.scenario, view.target, view.halls, view.waves});
  shared_hours_ = Hours(*view.scenario, nullptr);
}

std::map<std::string, double> SitingPricer::Hours(const Scenario& scenario,
                                                  const HallPlan* plan) const {
  std::map<std::string, double> hours;
  const WaveProblem problem =
      BuildWaveProblem(*view_.estate, *view_.graph, view_.target, plan, scenario);
  for (const WaveItem& item : problem.items) hours[item.org] += item.hours;
  return hours;
}

SetCosts SitingPricer::Price(const Scenario& set_scenario, const HallPlan& plan) const {
  CostQuantities q = base_;
  q.hours = Hours(set_scenario, &plan);
  q.target = TargetFacilities(set_scenario, plan);
  const CostSummary s = PriceCosts(q, *view_.costs);
  return {s.investment, s.running_target, s.five_year_total};
}

double SitingPricer::LowerBound(std::size_t halls, std::size_t moving) const {
  CostQuantities q = base_;
  q.hours = shared_hours_;
  double& joint = q.hours[kJointOrg];
  joint += kDeviceMoveHours * static_cast<double>(moving);
  if (view_.scenario->Pooled(core::Category::kNetwork)) {
    joint += kHallNetworkHours * static_cast<double>(halls);
  }
  q.target.clear();
  if (view_.scenario->Pooled(core::Category::kDatacenter)) q.target[kJointOrg].halls = halls;
  return PriceCosts(q, *view_.costs).five_year_total;
}

}  // namespace samdrift::planners
