#include "planners/gantt.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>
#include <tuple>

#include "planners/calendar.h"
#include "planners/migration.h"

namespace samdrift::planners {
namespace {

using std::chrono::days;
using std::chrono::year_month_day;

Quarter QuarterOf(const std::string& date) {
  const year_month_day ymd(*ParseDay(date));
  Quarter q;
  q.year = static_cast<int>(ymd.year());
  q.number = static_cast<int>((static_cast<unsigned>(ymd.month()) - 1) / 3 + 1);
  const auto first_month = std::chrono::month(static_cast<unsigned>(3 * (q.number - 1) + 1));
  const auto last_month = std::chrono::month(static_cast<unsigned>(3 * q.number));
  q.start = FormatDay(Day(ymd.year() / first_month / 1));
  q.end = FormatDay(Day(ymd.year() / last_month / std::chrono::last));
  return q;
}

// Every quarter from the one holding `first` to the one holding `last`.
std::vector<Quarter> QuartersBetween(const std::string& first, const std::string& last) {
  std::vector<Quarter> quarters;
  Quarter q = QuarterOf(first);
  while (true) {
    quarters.push_back(q);
    if (q.end >= last) break;
    q = QuarterOf(FormatDay(*ParseDay(q.end) + days(1)));
  }
  return quarters;
}

std::string MonthOf(Day day) { return FormatDay(day).substr(0, 7); }

// yyyy-mm of every month from `first` to `last`.
std::vector<std::string> MonthsBetween(const std::string& first, const std::string& last) {
  std::vector<std::string> months;
  const year_month_day ymd(*ParseDay(first + "-01"));
  for (std::chrono::year_month m = ymd.year() / ymd.month();; m += std::chrono::months(1)) {
    months.push_back(MonthOf(Day(m / 1)));
    if (months.back() >= last) break;
  }
  return months;
}

// Each item's wave dates and the hours and counts per (row, track, wave).
std::vector<GanttBar> BarsOf(const WavePlan& plan) {
  std::map<std::tuple<std::string, Track, int>, GanttBar> bars;
  for (const PlannedItem& p : plan.items) {
    if (p.wave < 1 || p.wave > static_cast<int>(plan.waves.size())) continue;
    const Wave& wave = plan.waves[static_cast<std::size_t>(p.wave - 1)];
    if (wave.start.empty()) continue;
    const Track track = TrackOf(p.item);
    GanttBar& bar = bars[{p.item.org, track, p.wave}];
    bar.row = p.item.org;
    bar.track = track;
    bar.wave = p.wave;
    bar.start = wave.start;
    bar.end = wave.end;
    bar.items += 1;
    bar.hours += p.item.hours;
  }
  std::vector<GanttBar> out;
  out.reserve(bars.size());
  for (auto& [key, bar] : bars) out.push_back(std::move(bar));
  return out;
}

}  // namespace

std::vector<std::string> PlanRows(const WavePlan& plan) {
  std::set<std::string> orgs;
  bool joint = false;
  for (const PlannedItem& p : plan.items) {
    if (p.item.org == kJointOrg) {
      joint = true;
    } else {
      orgs.insert(p.item.org);
    }
  }
  std::vector<std::string> rows(orgs.begin(), orgs.end());
  if (joint) rows.push_back(kJointOrg);
  return rows;
}

std::string_view ToString(Track track) {
  return track == Track::kPhysical ? "physical" : "harmonisation";
}

Track TrackOf(const WaveItem& item) {
  if (item.kind == "build" || item.action == "migrate" || item.action == "retire") {
    return Track::kPhysical;
  }
  return Track::kHarmonisation;
}

Gantt BuildGantt(const WavePlan& plan, const std::vector<TimelinePhase>& phases,
                 const std::vector<HallClosure>& closures) {
  Gantt gantt;
  gantt.rows = PlanRows(plan);
  gantt.bars = BarsOf(plan);
  gantt.phases = phases;
  for (const HallClosure& c : closures) {
    if (c.wave < 1 || c.wave > static_cast<int>(plan.waves.size())) continue;
    const Wave& wave = plan.waves[static_cast<std::size_t>(c.wave - 1)];
    if (wave.end.empty()) continue;
    gantt.milestones.push_back({c.org, c.hall, wave.end, c.wave});
  }
  std::sort(gantt.milestones.begin(), gantt.milestones.end(), [](const auto& a, const auto& b) {
    return std::tie(a.date, a.label, a.row) < std::tie(b.date, b.label, b.row);
  });
  std::string first, last;
  auto widen = [&](const std::string& from, const std::string& to) {
    if (first.empty() || from < first) first = from;
    if (last.empty() || to > last) last = to;
  };
  for (const GanttBar& b : gantt.bars) widen(b.start, b.end);
  for (const TimelinePhase& p : phases) widen(p.start, p.end);
  if (!first.empty()) gantt.quarters = QuartersBetween(first, last);
  return gantt;
}

std::vector<HallClosure> ClosuresFromFates(const std::vector<TodayHallFate>& fates) {
  std::vector<HallClosure> closures;
  for (const TodayHallFate& f : fates) {
    if (f.fate == HallFate::kEmptied && f.emptied_in_wave > 0) {
      closures.push_back({f.org, f.site + "/" + f.hall, f.emptied_in_wave});
    }
  }
  return closures;
}

core::Result<MonthlyHours> HoursPerMonth(const Timeline& timeline, const WavePlan& plan) {
  MonthlyHours out;
  out.rows = PlanRows(plan);
  std::map<std::string, std::size_t> row_of;
  for (std::size_t i = 0; i < out.rows.size(); ++i) row_of[out.rows[i]] = i;
  // Each wave's share per month: its work days' capacity in the month over the whole wave's.
  WorkCalendar calendar(timeline.hours_per_month, timeline.freeze);
  std::vector<std::map<std::string, double>> share(plan.waves.size());
  std::string first, last;
  for (std::size_t w = 0; w < plan.waves.size(); ++w) {
    const Wave& wave = plan.waves[w];
    auto start = ParseDay(wave.start);
    auto end = ParseDay(wave.end);
    if (!start || !end) {
      return core::Status::Invalid("wave " + std::to_string(wave.number) + " has no dates");
    }
    double total = 0;
    for (Day d = *start; d <= *end; d += days(1)) {
      const double c = calendar.Capacity(d);
      share[w][MonthOf(d)] += c;
      total += c;
    }
    for (auto& [month, value] : share[w]) value = total > 0 ? value / total : 0;
    if (total <= 0) share[w] = {{MonthOf(*start), 1.0}};
    if (first.empty() || MonthOf(*start) < first) first = MonthOf(*start);
    if (last.empty() || MonthOf(*end) > last) last = MonthOf(*end);
  }
  if (!first.empty()) out.months = MonthsBetween(first, last);
  std::map<std::string, std::size_t> month_of;
  for (std::size_t m = 0; m < out.months.size(); ++m) month_of[out.months[m]] = m;
  out.hours.assign(out.rows.size(), std::vector<double>(out.months.size(), 0));
  for (const PlannedItem& p : plan.items) {
    if (p.wave < 1 || p.wave > static_cast<int>(plan.waves.size())) continue;
    for (const auto& [month, fraction] : share[static_cast<std::size_t>(p.wave - 1)]) {
      out.hours[row_of[p.item.org]][month_of[month]] += p.item.hours * fraction;
    }
  }
  return out;
}

}  // namespace samdrift::planners
