// The thresholds that turn the computed criteria's figures into 1-4 (docs/cli.md, "compare").
#include "planners/criteria.h"

#include <catch2/catch.hpp>

using namespace samdrift;

TEST_CASE("criterion 5: mean reduction of technologies, halls and running cost",
          "[planners][criteria]") {
  planners::CriteriaFigures f;
  f.technologies_before = 10;
  f.technologies_after = 10;
  f.halls_before = 4;
  f.halls_after = 4;
  CHECK(planners::ScoreEconomies(f) == 1);  // 0 %
  f.technologies_after = 9;                 // 10 %, 0 %: mean 5 %
  CHECK(planners::ScoreEconomies(f) == 2);
  f.halls_after = 3;  // 10 %, 25 %: mean 17.5 %
  CHECK(planners::ScoreEconomies(f) == 3);
  f.running_today = 100;
  f.running_target = 40;  // 10 %, 25 %, 60 %: mean 31.7 %
  CHECK(planners::ScoreEconomies(f) == 4);
  CHECK(planners::ScoreEconomies({}) == 1);  // nothing to compare
}

TEST_CASE("criterion 6: redundancy split, single points, end of support", "[planners][criteria]") {
  planners::CriteriaFigures f;
  CHECK(planners::ScoreRisk(f) == 1);
  f.redundancy_groups = 10;
  f.groups_split = 8;
  CHECK(planners::ScoreRisk(f) == 2);
  f.services = 10;
  f.services_single_point = 5;
  CHECK(planners::ScoreRisk(f) == 3);
  f.assets = 100;
  f.past_support_after = 6;
  CHECK(planners::ScoreRisk(f) == 3);
  f.past_support_after = 5;
  CHECK(planners::ScoreRisk(f) == 4);
}

TEST_CASE("criterion 7: the lowest of hours, months and investment", "[planners][criteria]") {
  planners::CriteriaFigures f;
  f.hours = 2000;
  CHECK(planners::ScoreEffort(f) == 4);
  f.hours = 2001;
  CHECK(planners::ScoreEffort(f) == 3);
  f.months = 30;
  CHECK(planners::ScoreEffort(f) == 2);
  f.investment = 12e6;
  CHECK(planners::ScoreEffort(f) == 1);
  f.hours = 20000;
  f.months.reset();
  f.investment.reset();
  CHECK(planners::ScoreEffort(f) == 1);
}

TEST_CASE("criteria 1-4 as entered, else unknown", "[planners][criteria]") {
  planners::Scenario s;
  s.criteria[2] = {3, "our own", {}};
  const auto list = planners::ScoreCriteria(s, {});
  REQUIRE(list.size() == 7);
  CHECK(list[0].source == planners::CriterionSource::kUnknown);
  CHECK_FALSE(list[0].score);
  CHECK(list[1].source == planners::CriterionSource::kEntered);
  CHECK(list[1].score == 3);
  CHECK(list[1].note == "our own");
  CHECK(list[4].source == planners::CriterionSource::kComputed);
  CHECK(list[4].title == "economies of scale and economic benefits");
}
