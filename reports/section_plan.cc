// Migration waves (timeline) section.
#include <map>
#include <memory>
#include <set>
#include <unordered_map>

#include "core/text.h"
#include "planners/migration.h"
#include "reports/escape.h"
#include "reports/sections.h"
#include "reports/svg_chart.h"

namespace samdrift::reports {
namespace {

std::string RowName(const Context& context, const std::string& row) {
  return row == planners::kJointOrg ? std::string(Tr(context.lang, "Joint work"))
                                    : core::DisplayName(context.org_names, row);
}

// Per track: its items, hours and the dates of its first and last wave.
Table TrackTable(const Context& context, const planners::Gantt& gantt) {
  const Lang lang = context.lang;
  Table t;
  t.id = "plan-tracks";
  t.title = std::string(Tr(lang, "Physical migration and harmonisation"));
  t.headers = {std::string(Tr(lang, "Work")),           std::string(Tr(lang, "Items")),
               std::string(Tr(lang, "Effort (hours)")), std::string(Tr(lang, "Waves")),
               std::string(Tr(lang, "Start")),          std::string(Tr(lang, "End"))};
  for (planners::Track track : {planners::Track::kPhysical, planners::Track::kHarmonisation}) {
    int items = 0;
    double hours = 0;
    std::set<int> waves;
    std::string start, end;
    for (const auto& b : gantt.bars) {
      if (b.track != track) continue;
      items += b.items;
      hours += b.hours;
      waves.insert(b.wave);
      if (start.empty() || b.start < start) start = b.start;
      if (end.empty() || b.end > end) end = b.end;
    }
    t.rows.push_back(
        {Cell::Text(std::string(Tr(
             lang, track == planners::Track::kPhysical ? "Physical migration" : "Harmonisation"))),
         Cell::Number(items), Cell::Number(hours, 1),
         Cell::Number(static_cast<double>(waves.size())), Cell::Text(start), Cell::Text(end)});
  }
  return t;
}

Table ClosureTable(const Context& context, const planners::Gantt& gantt) {
  const Lang lang = context.lang;
  Table t;
  t.id = "hall-closures";
  t.title = std::string(Tr(lang, "Halls emptied"));
  t.headers = {std::string(Tr(lang, "Municipality")), std::string(Tr(lang, "Hall")),
               std::string(Tr(lang, "Wave")), std::string(Tr(lang, "Date"))};
  for (const auto& m : gantt.milestones) {
    t.rows.push_back(
        {OrgCell(context, m.row), Cell::Text(m.label), Cell::Number(m.wave), Cell::Text(m.date)});
  }
  return t;
}

Table HoursTable(const Context& context, const planners::MonthlyHours& hours) {
  Table t;
  t.id = "hours-per-month";
  t.title = std::string(Tr(context.lang, "Hours per month"));
  t.headers = {std::string(Tr(context.lang, "Month"))};
  for (const std::string& row : hours.rows) t.headers.push_back(RowName(context, row));
  t.headers.push_back(std::string(Tr(context.lang, "Total")));
  for (std::size_t m = 0; m < hours.months.size(); ++m) {
    std::vector<Cell> cells = {Cell::Text(hours.months[m])};
    double total = 0;
    for (std::size_t r = 0; r < hours.rows.size(); ++r) {
      cells.push_back(Cell::Number(hours.hours[r][m], 1));
      total += hours.hours[r][m];
    }
    cells.push_back(Cell::Number(total, 1));
    t.rows.push_back(std::move(cells));
  }
  return t;
}

// The Gantt charts (physical migration with the hall closures, harmonisation), the hours per
// month and their tables.
void AddCalendar(const Context& context, const planners::Gantt& calendar_gantt,
                 const planners::MonthlyHours& hours, Section& section) {
  const Lang lang = context.lang;
  planners::Gantt gantt = calendar_gantt;  // rows by display name
  for (std::string& row : gantt.rows) row = RowName(context, row);
  for (auto& b : gantt.bars) b.row = RowName(context, b.row);
  for (auto& m : gantt.milestones) m.row = RowName(context, m.row);
  GanttText text{std::string(Tr(lang, "Physical migration")), std::string(Tr(lang, "Q")),
                 std::string(Tr(lang, "items")), std::string(Tr(lang, "wave")),
                 std::string(Tr(lang, "emptied"))};
  section.figures.push_back(
      Figure(Tr(lang,
                "Physical migration by quarter: moves, service cut-overs, the builds they wait "
                "for and the halls emptied (diamonds)"),
             GanttChart(gantt, planners::Track::kPhysical, true, text)));
  text.label = std::string(Tr(lang, "Harmonisation"));
  section.figures.push_back(
      Figure(Tr(lang, "Harmonisation by quarter: upgrades and replacements where things stand"),
             GanttChart(gantt, planners::Track::kHarmonisation, false, text)));
  StackedBars bars;
  for (const std::string& row : hours.rows) bars.series.push_back(RowName(context, row));
  bars.labels = hours.months;
  bars.values.assign(hours.months.size(), std::vector<double>(hours.rows.size(), 0));
  for (std::size_t r = 0; r < hours.rows.size(); ++r) {
    for (std::size_t m = 0; m < hours.months.size(); ++m) {
      bars.values[m][r] = hours.hours[r][m];
    }
  }
  section.figures.push_back(
      Figure(Tr(lang, "Hours per municipality and month"), StackedBarChart(bars)));
  section.tables.push_back(TrackTable(context, calendar_gantt));
  section.tables.push_back(ClosureTable(context, calendar_gantt));
  section.tables.push_back(HoursTable(context, hours));
}

}  // namespace

GapsByItem GapsByItemId(const planners::TargetPlan& target) {
  GapsByItem gaps;
  for (const planners::Gap& g : target.gaps) gaps[planners::GapItemId(g)] = &g;
  return gaps;
}

namespace {

// A plan item's row of "Plan items". An item made from a gap starts its reason with the gap's
// (planners/migration.cc): in the report's language from the gap's facts, like the rest of the
// reason from the item's.
std::vector<Cell> ItemRow(const Context& context, const GapsByItem& gaps,
                          const planners::WavePlan& plan, const planners::PlannedItem& p) {
  const Lang lang = context.lang;
  const auto gap = gaps.find(p.item.id);
  // The joint work by its name in the report's language (its id in CSV files).
  Cell org = p.item.org == planners::kJointOrg ? KeyedCell(RowName(context, p.item.org), p.item.org)
                                               : OrgCell(context, p.item.org);
  return {Cell::Number(p.wave),
          Cell::Text(p.item.id),
          std::move(org),
          Cell::Text(PlanItemAsset(lang, p)),
          Cell::Text(std::string(Tr(lang, p.item.action))),
          Cell::Number(p.move_group),
          Cell::Text(PlanItemReason(lang, plan, p, gap == gaps.end() ? nullptr : gap->second))};
}

}  // namespace

Section WavesSection(const Context& context, const planners::WavePlan& plan,
                     const planners::TargetPlan& target, const planners::Gantt* gantt,
                     const planners::MonthlyHours* hours) {
  const Lang lang = context.lang;
  Section section;
  section.id = "waves";
  section.title = std::string(Tr(lang, "Migration waves"));
  section.intro =
      std::string(Tr(lang,
                     "The order of the work: every wave waits for what it depends on, tightly "
                     "coupled systems (dependency cycles) move together, the halves of a "
                     "redundant pair move in different waves, and each wave stays within the "
                     "scenario's limits and the halls' capacity.")) +
      " " + std::string(Tr(lang, "Waves")) + ": " + std::to_string(plan.waves.size()) + ", " +
      std::string(Tr(lang, "lower bound")) + ": " + std::to_string(plan.lower_bound.waves) + ".";

  Timeline timeline;
  // The rows (and colours) of the Gantt charts below: orgs sorted, the joint work last.
  timeline.rows = planners::PlanRows(plan);
  timeline.items = std::string(Tr(lang, "items"));
  std::map<std::string, std::size_t> row_of;
  for (std::size_t i = 0; i < timeline.rows.size(); ++i) row_of[timeline.rows[i]] = i;
  timeline.counts.assign(timeline.rows.size(), std::vector<double>(plan.waves.size(), 0));
  for (const auto& item : plan.items) {
    if (item.wave >= 1) timeline.counts[row_of[item.item.org]][item.wave - 1] += 1;
  }
  for (std::string& row : timeline.rows) row = RowName(context, row);
  Table loads;
  loads.id = "wave-loads";
  loads.title = std::string(Tr(lang, "Load per wave"));
  loads.headers = {std::string(Tr(lang, "Wave")),
                   std::string(Tr(lang, "Items")),
                   "kW",
                   std::string(Tr(lang, "Effort (hours)")),
                   std::string(Tr(lang, "Municipality")),
                   std::string(Tr(lang, "Over limit")),
                   std::string(Tr(lang, "Halls after"))};
  for (const planners::Wave& wave : plan.waves) {
    timeline.waves.push_back(std::to_string(wave.number));
    timeline.wave_notes.push_back(
        std::to_string(wave.items.size()) + " " + std::string(Tr(lang, "items")) + ", " +
        Cell::Number(wave.kw, 1).text + " kW, " + Cell::Number(wave.hours, 0).text + " h");
    std::string orgs_text, halls_text, over;
    for (const std::string& org : wave.orgs) {
      orgs_text += (orgs_text.empty() ? "" : ", ") + RowName(context, org);
    }
    for (const auto& h : wave.halls_after) {
      halls_text += (halls_text.empty() ? "" : "; ") + h.hall + " " +
                    Cell::Number(h.power_kw_used, 1).text + " kW, " +
                    std::string(Tr(lang, "cooling")) + " " +
                    Cell::Number(h.cooling_kw_used, 1).text + " kW";
    }
    for (const auto& [group, limit] : wave.over_limit_why) {
      over += (over.empty() ? "" : "; ") + OverLimitText(lang, group, limit);
    }
    loads.rows.push_back({Cell::Number(wave.number),
                          Cell::Number(static_cast<double>(wave.items.size())),
                          Cell::Number(wave.kw, 1), Cell::Number(wave.hours, 0),
                          Cell::Text(orgs_text), Cell::Text(over), Cell::Text(halls_text)});
  }
  section.figures.push_back(TimelineChart(timeline));
  loads.chart_column = 3;  // hours per wave
  if (gantt && hours) AddCalendar(context, *gantt, *hours, section);
  section.tables.push_back(std::move(loads));

  Table items;
  items.id = "waves";
  items.title = std::string(Tr(lang, "Plan items"));
  items.headers = {std::string(Tr(lang, "Wave")),         "ID",
                   std::string(Tr(lang, "Municipality")), std::string(Tr(lang, "Asset")),
                   std::string(Tr(lang, "Action")),       std::string(Tr(lang, "Move group")),
                   std::string(Tr(lang, "Reason"))};
  // One row per item, made as it is written: a national estate has millions.
  items.made_rows = plan.items.size();
  items.org_column = 2;
  items.make_row = [context = std::make_shared<const Context>(context),
                    gaps = std::make_shared<const GapsByItem>(GapsByItemId(target)),
                    plan = &plan](std::size_t i) {
    return ItemRow(*context, *gaps, *plan, plan->items[i]);
  };
  section.tables.push_back(std::move(items));
  return section;
}

}  // namespace samdrift::reports
