#include "planners/criteria.h"

#include <algorithm>

namespace samdrift::planners {
namespace {

constexpr const char* kTitles[] = {
    "ability to deliver the potential",
    "dependence on external resources",
    "internal competence growth",
    "access to external competence",
    "economies of scale and economic benefits",
    "reduced risk and achieved redundancy",
    "cost and effort of getting there",
};

// 1 - after/before: how much smaller the target is (0 when nothing was there).
std::optional<double> Reduction(double before, double after) {
  if (before <= 0) return std::nullopt;
  return 1.0 - after / before;
}

// The score of a value against rising limits: within limits[0] is 4, within limits[1] 3, ...
int ScoreWithin(double value, const double (&limits)[3]) {
  for (int i = 0; i < 3; ++i) {
    if (value <= limits[i]) return 4 - i;
  }
  return 1;
}

Criterion Computed(int number, int score, std::vector<Figure> figures, std::string note) {
  return {
      number,         kTitles[number - 1], score, CriterionSource::kComputed, std::move(figures),
      std::move(note)};
}

}  // namespace

std::string_view ToString(CriterionSource source) {
  switch (source) {
    case CriterionSource::kComputed:
      return "computed";
    case CriterionSource::kEntered:
      return "entered";
    case CriterionSource::kUnknown:
      return "unknown";
  }
  return "unknown";
}

int ScoreEconomies(const CriteriaFigures& f) {
  std::vector<double> reductions;
  for (auto r : {Reduction(double(f.technologies_before), double(f.technologies_after)),
                 Reduction(double(f.halls_before), double(f.halls_after))}) {
    if (r) reductions.push_back(*r);
  }
  if (f.running_today && f.running_target) {
    if (auto r = Reduction(*f.running_today, *f.running_target)) reductions.push_back(*r);
  }
  if (reductions.empty()) return 1;
  double mean = 0;
  for (double r : reductions) mean += r;
  mean /= double(reductions.size());
  mean += 1e-9;  // 1 - 9/10 is a hair below 0.1 in binary
  if (mean >= 0.30) return 4;
  if (mean >= 0.15) return 3;
  if (mean >= 0.05) return 2;
  return 1;
}

int ScoreRisk(const CriteriaFigures& f) {
  int score = 1;
  if (f.redundancy_groups > 0 && double(f.groups_split) >= 0.8 * double(f.redundancy_groups)) {
    ++score;
  }
  if (f.services > 0 && double(f.services_single_point) <= 0.5 * double(f.services)) ++score;
  if (f.assets > 0 && double(f.past_support_after) <= 0.05 * double(f.assets)) ++score;
  return score;
}

int ScoreEffort(const CriteriaFigures& f) {
  static constexpr double kHours[3] = {2000, 5000, 10000};
  static constexpr double kMonths[3] = {12, 24, 36};
  static constexpr double kInvestment[3] = {2e6, 5e6, 10e6};
  int score = ScoreWithin(f.hours, kHours);
  if (f.months) score = std::min(score, ScoreWithin(*f.months, kMonths));
  if (f.investment) score = std::min(score, ScoreWithin(*f.investment, kInvestment));
  return score;
}

std::vector<Criterion> ScoreCriteria(const Scenario& scenario, const CriteriaFigures& f) {
  std::vector<Criterion> list;
  for (int number = 1; number <= 4; ++number) {
    Criterion c{number, kTitles[number - 1], std::nullopt, CriterionSource::kUnknown, {}, ""};
    if (auto it = scenario.criteria.find(number); it != scenario.criteria.end()) {
      c.score = it->second.score;
      c.source = CriterionSource::kEntered;
      c.note = it->second.note;
    } else {
      c.note = "not entered in the scenario (criteria:)";
    }
    list.push_back(std::move(c));
  }
  list.push_back(Computed(
      5, ScoreEconomies(f),
      {{"technologies_before", double(f.technologies_before)},
       {"technologies_after", double(f.technologies_after)},
       {"halls_before", double(f.halls_before)},
       {"halls_after", double(f.halls_after)},
       {"racks_before", double(f.racks_before)},
       {"racks_after", double(f.racks_after)},
       {"kw_before", f.kw_before},
       {"kw_after", f.kw_after},
       {"running_per_year_today", f.running_today},
       {"running_per_year_target", f.running_target}},
      "mean reduction of technologies, halls and running cost: 4 from 30 %, 3 from 15 %, 2 from "
      "5 %"));
  list.push_back(Computed(
      6, ScoreRisk(f),
      {{"redundancy_groups", double(f.redundancy_groups)},
       {"groups_split_across_halls", double(f.groups_split)},
       {"services", double(f.services)},
       {"services_with_single_point", double(f.services_single_point)},
       {"assets", double(f.assets)},
       {"past_end_of_support_after", double(f.past_support_after)}},
      "1, plus 1 each: 80 % of redundancy groups split across halls, at most half the services "
      "with a single point of failure, at most 5 % of assets past end of support"));
  list.push_back(Computed(7, ScoreEffort(f),
                          {{"investment", f.investment},
                           {"hours", f.hours},
                           {"waves", double(f.waves)},
                           {"months", f.months}},
                          "the lowest of: hours (4 up to 2000, 3 up to 5000, 2 up to 10000), "
                          "months (12, 24, 36), investment (2, 5, 10 million)"));
  return list;
}

}  // namespace samdrift::planners
