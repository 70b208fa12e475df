// The study's seven criteria (seed study, section 3.1), each scored 1-4 (4 the most positive):
// 1-4 as the group enters them in the scenario (`criteria:`), else unknown; 5-7 computed from
// the inventory and the plan with the thresholds documented in docs/cli.md ("compare").
#ifndef SAMDRIFT_PLANNERS_CRITERIA_H_
#define SAMDRIFT_PLANNERS_CRITERIA_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "planners/scenario.h"

namespace samdrift::planners {

enum class CriterionSource : std::uint8_t { kComputed, kEntered, kUnknown };
std::string_view ToString(CriterionSource source);  // "computed", "entered", "unknown"

// A figure shown beside a score; nullopt when unknown.
using Figure = std::pair<std::string, std::optional<double>>;

struct Criterion {
  int number = 0;
  std::string title;         // "economies of scale and economic benefits"
  std::optional<int> score;  // 1..4; nullopt: unknown
  CriterionSource source = CriterionSource::kUnknown;
  std::vector<Figure> figures;  // in the order shown
  std::string note;             // the entered note, or how the score was reached
};

// What the computed criteria read, before and after the plan.
struct CriteriaFigures {
  // 5: economies of scale
  std::size_t technologies_before = 0;  // distinct technologies in use
  std::size_t technologies_after = 0;
  std::size_t halls_before = 0;
  std::size_t halls_after = 0;
  std::size_t racks_before = 0;
  std::size_t racks_after = 0;
  double kw_before = 0;
  double kw_after = 0;
  std::optional<double> running_today;  // per year; nullopt without prices
  std::optional<double> running_target;
  // 6: risk and redundancy
  std::size_t redundancy_groups = 0;
  std::size_t groups_split = 0;  // with members in two or more halls after the plan
  std::size_t services = 0;
  std::size_t services_single_point = 0;  // with a single point of failure after the plan
  std::size_t assets = 0;                 // assets end of support is counted for
  std::size_t past_support_after = 0;     // of those, past end of support after the plan
  // 7: cost and effort of getting there
  std::optional<double> investment;
  double hours = 0;
  int waves = 0;
  std::optional<double> months;  // first wave's start to the last wave's end; nullopt: no dates
};

// The three computed scores (docs/cli.md gives the thresholds).
int ScoreEconomies(const CriteriaFigures& f);
int ScoreRisk(const CriteriaFigures& f);
int ScoreEffort(const CriteriaFigures& f);

// All seven, by number.
std::vector<Criterion> ScoreCriteria(const Scenario& scenario, const CriteriaFigures& f);

}  // namespace samdrift::planners

#endif  // SAMDRIFT_PLANNERS_CRITERIA_H_
