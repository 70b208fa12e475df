#include "planners/gantt.h"

#include <catch2/catch.hpp>

#include "planners/calendar.h"
#include "planners/migration.h"

using namespace samdrift;

namespace {

planners::PlannedItem Item(const std::string& org, const std::string& asset,
                           const std::string& action, const std::string& kind, double hours,
                           int wave) {
  planners::PlannedItem p;
  p.item.id = org + ":" + asset + ":" + (action == "migrate" && kind == "device" ? "move" : action);
  p.item.org = org;
  p.item.asset = asset;
  p.item.action = action;
  p.item.kind = kind;
  p.item.hours = hours;
  p.wave = wave;
  return p;
}

// Two waves dated by the calendar: March has 22 work days of 10 h (220 h a month), April 20 of
// 11 h; wave 1 (242 h) runs 2026-03-02..2026-04-02, wave 2 (10 h) 2026-04-07 after Easter.
planners::Timeline MarchTimeline() {
  planners::Timeline t;
  t.start = "2026-03-01";
  t.hours_per_month = 220;
  return t;
}

planners::WavePlan TwoWaves() {
  planners::WavePlan plan;
  plan.items = {Item("gnosjo", "esx01", "migrate", "device", 200, 1),
                Item("gnosjo", "pc1", "upgrade", "client", 22, 1),
                Item(planners::kJointOrg, "core", "replace", "build", 20, 1),
                Item("hylte", "sw1", "replace", "device", 10, 2)};
  plan.waves = {{}, {}};
  plan.waves[0].number = 1;
  plan.waves[0].hours = 242;
  plan.waves[1].number = 2;
  plan.waves[1].hours = 10;
  REQUIRE(planners::DateWaves(MarchTimeline(), plan).ok());
  return plan;
}

}  // namespace

TEST_CASE("tracks: moves, cut-overs and builds are physical; upgrades and replacements not",
          "[planners][gantt]") {
  planners::WaveItem item;
  item.action = "migrate";
  CHECK(planners::TrackOf(item) == planners::Track::kPhysical);
  item.action = "retire";
  CHECK(planners::TrackOf(item) == planners::Track::kPhysical);
  item.action = "upgrade";
  CHECK(planners::TrackOf(item) == planners::Track::kHarmonisation);
  item.action = "replace";
  CHECK(planners::TrackOf(item) == planners::Track::kHarmonisation);
  item.kind = "build";
  CHECK(planners::TrackOf(item) == planners::Track::kPhysical);
}

TEST_CASE("the Gantt chart's rows, bars and quarters", "[planners][gantt]") {
  const planners::WavePlan plan = TwoWaves();
  REQUIRE(plan.waves[0].end == "2026-04-02");
  const planners::Gantt g = planners::BuildGantt(plan, {}, {});
  CHECK(g.rows == std::vector<std::string>{"gnosjo", "hylte", planners::kJointOrg});
  std::vector<std::string> bars;
  for (const auto& b : g.bars) {
    bars.push_back(b.row + " " + std::string(planners::ToString(b.track)) + " " +
                   std::to_string(b.wave) + " " + b.start + ".." + b.end + " " +
                   std::to_string(b.items) + " " + std::to_string(static_cast<int>(b.hours)));
  }
  CHECK(bars == std::vector<std::string>{
                    "gnosjo physical 1 2026-03-02..2026-04-02 1 200",
                    "gnosjo harmonisation 1 2026-03-02..2026-04-02 1 22",
                    "hylte harmonisation 2 2026-04-07..2026-04-07 1 10",
                    "joint physical 1 2026-03-02..2026-04-02 1 20",
                });
  REQUIRE(g.quarters.size() == 2);
  CHECK(g.quarters[0].year == 2026);
  CHECK(g.quarters[0].number == 1);
  CHECK(g.quarters[0].start == "2026-01-01");
  CHECK(g.quarters[0].end == "2026-03-31");
  CHECK(g.quarters[1].start == "2026-04-01");
  CHECK(g.quarters[1].end == "2026-06-30");
}

TEST_CASE("phases widen the quarters; closures are milestones at their wave's end",
          "[planners][gantt]") {
  const planners::WavePlan plan = TwoWaves();
  const planners::Gantt g =
      planners::BuildGantt(plan,
                           {{"Bilda organisationen", "2025-11-01", "2026-02-28"},
                            {"Överlämning", "2026-06-01", "2027-01-15"}},
                           {{"gnosjo", "Kommunhuset/Serverrum", 1}, {"hylte", "X/Y", 9}});
  REQUIRE(g.quarters.size() == 6);
  CHECK(g.quarters.front().start == "2025-10-01");
  CHECK(g.quarters.front().number == 4);
  CHECK(g.quarters.back().start == "2027-01-01");
  CHECK(g.quarters.back().end == "2027-03-31");
  REQUIRE(g.phases.size() == 2);
  CHECK(g.phases[1].name == "Överlämning");
  // The closure in a wave the plan does not have is left out.
  REQUIRE(g.milestones.size() == 1);
  CHECK(g.milestones[0].row == "gnosjo");
  CHECK(g.milestones[0].label == "Kommunhuset/Serverrum");
  CHECK(g.milestones[0].date == "2026-04-02");
}

TEST_CASE("hours per month: a wave across a month's end splits by its work days",
          "[planners][gantt]") {
  const planners::WavePlan plan = TwoWaves();
  auto hours = planners::HoursPerMonth(MarchTimeline(), plan);
  REQUIRE(hours.ok());
  CHECK(hours->months == std::vector<std::string>{"2026-03", "2026-04"});
  CHECK(hours->rows == std::vector<std::string>{"gnosjo", "hylte", planners::kJointOrg});
  // Wave 1 has 220 h of capacity in March (22 days x 10 h) and 22 h in April (1 and 2 April,
  // 11 h each): 220/242 of each org's hours in wave 1 fall in March.
  CHECK(hours->hours[0][0] == Approx(222.0 * 220 / 242));
  CHECK(hours->hours[0][1] == Approx(222.0 * 22 / 242));
  CHECK(hours->hours[1][0] == 0);
  CHECK(hours->hours[1][1] == Approx(10));
  CHECK(hours->hours[2][0] == Approx(20.0 * 220 / 242));
  // Every hour of the plan is in some month.
  double total = 0;
  for (const auto& row : hours->hours)
    for (double h : row) total += h;
  CHECK(total == Approx(252));
}

TEST_CASE("hours per month: a freeze inside a wave takes no share", "[planners][gantt]") {
  planners::Timeline t = MarchTimeline();
  t.freeze = {{"2026-03-16", "2026-04-30"}};
  planners::WavePlan plan;
  plan.items = {Item("gnosjo", "pc1", "upgrade", "client", 150, 1)};
  plan.waves = {{}};
  plan.waves[0].number = 1;
  plan.waves[0].hours = 150;
  REQUIRE(planners::DateWaves(t, plan).ok());
  // 10 work days (100 h) in March before the freeze, the rest after it in May.
  CHECK(plan.waves[0].start == "2026-03-02");
  CHECK(plan.waves[0].end.substr(0, 7) == "2026-05");
  auto hours = planners::HoursPerMonth(t, plan);
  REQUIRE(hours.ok());
  CHECK(hours->months == std::vector<std::string>{"2026-03", "2026-04", "2026-05"});
  CHECK(hours->hours[0][1] == 0);
  CHECK(hours->hours[0][0] + hours->hours[0][2] == Approx(150));
  CHECK(hours->hours[0][0] > hours->hours[0][2]);
}

TEST_CASE("the chart's closures are the halls emptied in a wave, as the hall fates say",
          "[planners][gantt]") {
  auto fate = [](const std::string& org, const std::string& hall, planners::HallFate f, int wave) {
    planners::TodayHallFate t;
    t.org = org;
    t.site = "Kommunhuset";
    t.hall = hall;
    t.fate = f;
    t.emptied_in_wave = wave;
    return t;
  };
  const auto closures = planners::ClosuresFromFates(
      {fate("gnosjo", "Serverhall", planners::HallFate::kTarget, 0),
       fate("gnosjo", "Rum 1", planners::HallFate::kEmptied, 5),
       fate("hylte", "Serverrum", planners::HallFate::kKept, 0),
       fate("hylte", "Rum 2", planners::HallFate::kEmptied, 0)});  // a device could not be placed
  REQUIRE(closures.size() == 1);
  CHECK(closures[0].org == "gnosjo");
  CHECK(closures[0].hall == "Kommunhuset/Rum 1");
  CHECK(closures[0].wave == 5);
}
