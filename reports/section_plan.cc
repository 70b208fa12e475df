// Migration waves (timeline) section.
#include <map>
#include <set>

#include "core/text.h"
#include "reports/sections.h"
#include "reports/svg_chart.h"

namespace samdrift::reports {

Section WavesSection(const Context& context, const planners::WavePlan& plan,
                     const planners::TargetPlan& target) {
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
  std::set<std::string> orgs;
  for (const auto& item : plan.items) orgs.insert(item.item.org);
  timeline.rows.assign(orgs.begin(), orgs.end());
  std::map<std::string, std::size_t> row_of;
  for (std::size_t i = 0; i < timeline.rows.size(); ++i) row_of[timeline.rows[i]] = i;
  timeline.counts.assign(timeline.rows.size(), std::vector<double>(plan.waves.size(), 0));
  for (const auto& item : plan.items) {
    if (item.wave >= 1) timeline.counts[row_of[item.item.org]][item.wave - 1] += 1;
  }
  for (std::string& row : timeline.rows) row = core::DisplayName(context.org_names, row);
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
    timeline.wave_notes.push_back(std::to_string(wave.items.size()) + " items, " +
                                  Cell::Number(wave.kw, 1).text + " kW, " +
                                  Cell::Number(wave.hours, 0).text + " h");
    std::string orgs_text, halls_text, over;
    for (const std::string& org : wave.orgs) {
      orgs_text += (orgs_text.empty() ? "" : ", ") + core::DisplayName(context.org_names, org);
    }
    for (const auto& h : wave.halls_after) {
      halls_text += (halls_text.empty() ? "" : "; ") + h.hall + " " +
                    Cell::Number(h.power_kw_used, 1).text + " kW, " +
                    std::string(Tr(lang, "cooling")) + " " +
                    Cell::Number(h.cooling_kw_used, 1).text + " kW";
    }
    for (const std::string& o : wave.over_limit) over += (over.empty() ? "" : "; ") + o;
    loads.rows.push_back({Cell::Number(wave.number),
                          Cell::Number(static_cast<double>(wave.items.size())),
                          Cell::Number(wave.kw, 1), Cell::Number(wave.hours, 0),
                          Cell::Text(orgs_text), Cell::Text(over), Cell::Text(halls_text)});
  }
  section.figures.push_back(TimelineChart(timeline));
  loads.chart_column = 3;  // hours per wave
  section.tables.push_back(std::move(loads));

  Table items;
  items.id = "waves";
  items.title = std::string(Tr(lang, "Plan items"));
  items.headers = {std::string(Tr(lang, "Wave")),         "ID",
                   std::string(Tr(lang, "Municipality")), std::string(Tr(lang, "Asset")),
                   std::string(Tr(lang, "Action")),       std::string(Tr(lang, "Move group")),
                   std::string(Tr(lang, "Reason"))};
  // An item made from a gap starts its reason with the gap's (planners/migration.cc, waves.cc):
  // that part in the report's language.
  std::map<std::string, const planners::Gap*> gaps;
  for (const planners::Gap& g : target.gaps) gaps[g.org + ":" + g.key + ":" + g.capability] = &g;
  for (const auto& p : plan.items) {
    std::string reason = p.reason;
    const auto gap = gaps.find(p.item.id);
    if (gap != gaps.end() && !gap->second->reason.empty() &&
        reason.rfind(gap->second->reason, 0) == 0) {
      reason.replace(0, gap->second->reason.size(), GapReason(lang, *gap->second));
    }
    items.rows.push_back({Cell::Number(p.wave), Cell::Text(p.item.id), OrgCell(context, p.item.org),
                          Cell::Text(p.item.asset),
                          Cell::Text(std::string(Tr(lang, p.item.action))),
                          Cell::Number(p.move_group), Cell::Text(reason)});
  }
  section.tables.push_back(std::move(items));
  return section;
}

}  // namespace samdrift::reports
