// The dated plan as the data of a Gantt chart and of an hours-per-month chart (the report draws
// them): quarters, one row per org and one for the joint work, each wave's work split into the
// physical migration and the harmonisation work, the study's phases and the halls' closures.
#ifndef SAMDRIFT_PLANNERS_GANTT_H_
#define SAMDRIFT_PLANNERS_GANTT_H_

#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "planners/hall_plan.h"
#include "planners/hall_today.h"
#include "planners/scenario.h"
#include "planners/waves.h"

namespace samdrift::planners {

// The physical migration (moves, cut-overs, retirements, and the builds they wait for) and the
// harmonisation work (upgrades and replacements of what stays where it is).
enum class Track : std::uint8_t { kPhysical, kHarmonisation };
std::string_view ToString(Track track);  // "physical", "harmonisation"
// Builds, migrate and retire: kPhysical; upgrade and replace: kHarmonisation.
Track TrackOf(const WaveItem& item);

// A calendar quarter, both days included (yyyy-mm-dd).
struct Quarter {
  int year = 0;
  int number = 1;  // 1..4
  std::string start;
  std::string end;
};

// One row's work of one track in one wave: from the wave's start to its end.
struct GanttBar {
  std::string row;  // an org id, or kJointOrg
  Track track = Track::kPhysical;
  int wave = 0;
  std::string start;
  std::string end;
  int items = 0;
  double hours = 0;
};

// An existing hall that the plan empties: its last device moves out in `wave`.
struct HallClosure {
  std::string org;
  std::string hall;  // "site/hall"
  int wave = 0;
};

struct GanttMilestone {
  std::string row;    // the hall's org
  std::string label;  // "site/hall"
  std::string date;   // the end of the wave that empties it
  int wave = 0;
};

struct Gantt {
  std::vector<std::string> rows;  // orgs with items, sorted, then kJointOrg when it has items
  std::vector<Quarter> quarters;  // every quarter from the earliest date drawn to the latest
  std::vector<GanttBar> bars;     // by row, track, wave
  std::vector<TimelinePhase> phases;
  std::vector<GanttMilestone> milestones;  // by date, then label
};

// The orgs with items in `plan`, sorted, then kJointOrg when it has items: the charts' rows.
std::vector<std::string> PlanRows(const WavePlan& plan);

// The chart's data from a dated plan (DateWaves); waves without dates are left out, and a plan
// with none gives no quarters unless phases are given.
Gantt BuildGantt(const WavePlan& plan, const std::vector<TimelinePhase>& phases,
                 const std::vector<HallClosure>& closures);

// The existing halls the plan empties, as `halls` reports their fates (hall_today.h: a hall
// is emptied when all that may move has moved or retired; what is bound to its site stays):
// the halls emptied in a wave, with that wave.
std::vector<HallClosure> ClosuresFromFates(const std::vector<TodayHallFate>& fates);

// Hours per row and calendar month. A wave's hours of each org are spread over the months the
// wave runs in, in proportion to the team's capacity on the wave's work days in each month (the
// same capacity ScheduleWaves uses), so a wave across a month's end splits by its work days.
struct MonthlyHours {
  std::vector<std::string> months;         // yyyy-mm, every month from the first to the last
  std::vector<std::string> rows;           // as Gantt::rows
  std::vector<std::vector<double>> hours;  // [row][month]
};
core::Result<MonthlyHours> HoursPerMonth(const Timeline& timeline, const WavePlan& plan);

}  // namespace samdrift::planners

#endif  // SAMDRIFT_PLANNERS_GANTT_H_
