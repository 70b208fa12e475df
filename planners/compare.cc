#include "planners/compare.h"

#include <algorithm>
#include <map>
#include <set>

#include "planners/calendar.h"
#include "planners/risk.h"

namespace samdrift::planners {
namespace {

std::set<std::string> Technologies(const std::map<std::string, std::vector<LicenceUse>>& uses) {
  std::set<std::string> ids;
  for (const auto& [org, list] : uses) {
    for (const LicenceUse& l : list) ids.insert(l.technology);
  }
  return ids;
}

Facilities Sum(const std::map<std::string, Facilities>& by_org) {
  Facilities total;
  for (const auto& [org, f] : by_org) {
    total.halls += f.halls;
    total.racks += f.racks;
    total.kw += f.kw;
  }
  return total;
}

// Redundancy groups whose placed members stand in two or more halls after the plan.
void CountSplitGroups(const HallPlan& halls, CriteriaFigures& f) {
  std::map<std::string, std::set<std::string>> group_halls;
  for (const PlannedHall& hall : halls.halls) {
    for (const PlannedRack& rack : hall.racks) {
      for (const Placement& p : rack.devices) {
        const HallDevice& d = halls.devices[p.device];
        if (!d.redundancy_group.empty()) {
          group_halls[d.org + "/" + d.redundancy_group].insert(hall.name);
        }
      }
    }
  }
  f.redundancy_groups = group_halls.size();
  for (const auto& [group, in] : group_halls) f.groups_split += in.size() > 1;
}

// Services with a single point of failure (in the target when there is one) and assets past end
// of support after the plan, among the scenario's orgs.
void CountRisk(const RiskReport& risk, const TargetPlan& target, CriteriaFigures& f) {
  const std::set<std::string> orgs(target.orgs.begin(), target.orgs.end());
  for (const ServiceRisk& s : risk.services) {
    if (!orgs.count(s.org)) continue;
    ++f.services;
    const auto& points = risk.has_target ? s.single_points_target : s.single_points;
    f.services_single_point += !points.empty();
  }
  for (const auto& [org, e] : risk.eos) {
    if (!orgs.count(org)) continue;
    f.assets += e.total;
    f.past_support_after += e.all.past_after_plan;
  }
}

std::optional<double> Months(const WavePlan& waves) {
  if (waves.waves.empty() || waves.waves.front().start.empty()) return std::nullopt;
  const auto first = ParseDay(waves.waves.front().start);
  const auto last = ParseDay(waves.waves.back().end);
  if (!first || !last) return std::nullopt;
  return (*last - *first).count() / (365.25 / 12);
}

CriteriaFigures Figures(const PipelineResult& run, const ScenarioComparison& c) {
  CriteriaFigures f;
  const CostQuantities& q = c.quantities;
  f.technologies_before = Technologies(q.licences_today).size();
  f.technologies_after = Technologies(q.licences_target).size();
  const Facilities before = Sum(q.today), after = Sum(q.target);
  f.halls_before = before.halls;
  f.halls_after = after.halls;
  f.racks_before = before.racks;
  f.racks_after = after.racks;
  f.kw_before = before.kw;
  f.kw_after = after.kw;
  if (c.summary) {
    f.running_today = c.summary->running_today;
    f.running_target = c.summary->running_target;
    f.investment = c.summary->investment;
  }
  CountSplitGroups(*run.halls, f);
  CountRisk(*run.risk, *run.target, f);
  f.hours = c.hours;
  f.waves = c.waves;
  f.months = Months(*run.waves);
  return f;
}

}  // namespace

ScenarioComparison CompareScenario(const PlanningBase& base, const PipelineResult& run,
                                   const CostsFile* costs) {
  const Scenario& scenario = run.scenario;
  ScenarioComparison c;
  c.name = scenario.name;
  c.alternative = scenario.alternative;
  c.quantities = CollectCostQuantities({&base.estate, base.graph.get(), &base.catalog, &scenario,
                                        &*run.target, &*run.halls, &*run.waves, base.usage.get()});
  if (costs) {
    c.costs = *costs;
    c.summary = PriceCosts(c.quantities, *costs);
  }
  c.halls_in_use = Sum(c.quantities.target).halls;
  c.technologies = Technologies(c.quantities.licences_target).size();
  for (const Wave& w : run.waves->waves) c.hours += w.hours;
  c.waves = static_cast<int>(run.waves->waves.size());
  if (!run.waves->waves.empty()) c.end = run.waves->waves.back().end;
  c.criteria = ScoreCriteria(scenario, Figures(run, c));
  return c;
}

std::vector<std::size_t> OrderByFiveYearTotal(const std::vector<ScenarioComparison>& list) {
  std::vector<std::size_t> order(list.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    const auto& sa = list[a].summary;
    const auto& sb = list[b].summary;
    if (!sa || !sb) return sa.has_value() && !sb.has_value();
    return sa->five_year_total < sb->five_year_total;
  });
  return order;
}

void AddSensitivity(std::vector<ScenarioComparison>& list) {
  std::set<std::string> names;
  for (const ScenarioComparison& c : list) {
    if (!c.costs) continue;
    for (const std::string& name : PriceNames(*c.costs)) names.insert(name);
  }
  const std::vector<std::size_t> base = OrderByFiveYearTotal(list);
  for (const std::string& name : names) {
    for (double factor : {0.8, 1.2}) {
      std::vector<ScenarioComparison> varied = list;
      for (ScenarioComparison& c : varied) {
        if (c.costs) c.summary = PriceCosts(c.quantities, ScalePrice(*c.costs, name, factor));
      }
      const std::vector<std::size_t> order = OrderByFiveYearTotal(varied);
      for (std::size_t place = 0; place < order.size(); ++place) {
        if (order[place] == base[place]) continue;
        list[order[place]].sensitivity.push_back(name + (factor < 1 ? " -20 %" : " +20 %"));
      }
    }
  }
}

}  // namespace samdrift::planners
