// Sammanfattning: the page that opens the report. The answer in key figures (the scenario, halls
// kept and closed, the work and its end, the top risks) and what the figures do not know. Each
// block reads one result of ReportInput, so a section landing later (costs, compared
// alternatives) adds a block here without touching the others.
#include <algorithm>
#include <cmath>
#include <set>

#include "core/text.h"
#include "reports/section_orgs.h"
#include "reports/sections.h"

namespace samdrift::reports {

namespace {

constexpr std::size_t kTopRisks = 3;
constexpr double kWeakShare = 0.8;  // a field known for fewer assets than this is named

struct Rows {
  const Context& context;
  Table& table;
  void Add(std::string_view label, std::string text) {
    table.rows.push_back({Cell::Text(std::string(Tr(context.lang, label))), Cell::Text(text)});
  }
  // A row whose label is a name, not a text to translate (an alternative's).
  void AddNamed(std::string name, std::string text) {
    table.rows.push_back({Cell::Text(std::move(name)), Cell::Text(std::move(text))});
  }
  void Add(std::string_view label, double number, int decimals = 0) {
    table.rows.push_back(
        {Cell::Text(std::string(Tr(context.lang, label))), Cell::Number(number, decimals)});
  }
  // A whole figure grouped by thousands as the amounts are ("12 165"); CSV files get the number.
  void AddGrouped(std::string_view label, double number) {
    const double whole = std::round(number);
    table.rows.push_back(
        {Cell::Text(std::string(Tr(context.lang, label))), Cell{GroupedAmount(whole), whole, {}}});
  }
};

// Existing halls ("org/site/hall") the estate has datacenter equipment in, and of them those a
// planned hall takes over.
void HallBlock(Rows& rows, const core::Estate& estate, const planners::HallPlan& plan) {
  const Lang lang = rows.context.lang;
  std::set<std::string> existing;
  for (const core::Asset& a : estate.assets) {
    if (a.kind == core::AssetKind::kDevice && !a.hall.empty()) {
      existing.insert(a.org + "/" + a.site + "/" + a.hall);
    }
  }
  std::vector<std::string> kept, added, closed;
  for (const planners::PlannedHall& h : plan.halls) {
    (h.from.empty() ? added : kept).push_back(h.name);
  }
  for (const std::string& hall : existing) {
    const bool stays = std::any_of(plan.halls.begin(), plan.halls.end(),
                                   [&](const planners::PlannedHall& h) { return h.from == hall; });
    if (stays) continue;
    const std::size_t slash = hall.find('/');  // "org/site/hall": the org by its name
    closed.push_back(core::DisplayName(rows.context.org_names, hall.substr(0, slash)) + " " +
                     hall.substr(slash + 1));
  }
  const std::string none(Tr(lang, "(none)"));
  rows.Add("Halls kept", kept.empty() ? none : core::Join(kept, ", "));
  rows.Add("New halls", added.empty() ? none : core::Join(added, ", "));
  rows.Add("Halls closed", std::to_string(closed.size()) + " " + std::string(Tr(lang, "of")) + " " +
                               std::to_string(existing.size()) +
                               (closed.empty() ? "" : ": " + core::Join(closed, ", ")));
  if (!plan.unplaced.empty()) rows.Add("Not placed", static_cast<double>(plan.unplaced.size()));
}

using Alternatives = std::vector<planners::ScenarioComparison>;

// One alternative's key figures in a line: its costs, its criteria and when it is done.
std::string KeyFigures(Lang lang, const std::string& unit, const planners::ScenarioComparison& c) {
  auto tr = [lang](std::string_view key) { return std::string(Tr(lang, key)); };
  std::vector<std::string> parts;
  if (c.summary) {
    parts.push_back(tr("investment") + " " + GroupedAmount(c.summary->investment) + " " + unit);
    parts.push_back(tr("running cost") + " " + GroupedAmount(c.summary->running_target) + " " +
                    unit + " " + tr("per year"));
    parts.push_back(tr("five-year total") + " " + GroupedAmount(c.summary->five_year_total) + " " +
                    unit);
  } else {
    parts.push_back(tr("no costs file"));
  }
  std::vector<std::string> scores;
  for (const planners::Criterion& k : c.criteria) {
    scores.push_back(k.score ? std::to_string(*k.score) : "?");
  }
  parts.push_back(tr("criteria 1-7") + " " + core::Join(scores, "\xC2\xA0\xC2\xB7 "));
  parts.push_back(GroupedAmount(c.hours) + " " + tr("hours"));
  if (!c.end.empty()) parts.push_back(tr("done by") + " " + c.end);
  return core::Join(parts, ", ");
}

// The decision: the alternatives compared, each with its key figures, and the order by
// five-year total (`samdrift compare`'s).
void DecisionBlock(Rows& rows, const Alternatives& list) {
  const Lang lang = rows.context.lang;
  const std::string unit = CurrencyUnit(lang, list);
  std::vector<std::string> names;
  for (const planners::ScenarioComparison& c : list) names.push_back(c.name);
  rows.Add("Alternatives compared", core::Join(names, ", "));
  for (const planners::ScenarioComparison& c : list)
    rows.AddNamed(c.name, KeyFigures(lang, unit, c));
  std::vector<std::string> order;
  for (std::size_t i : planners::OrderByFiveYearTotal(list)) {
    if (list[i].summary) order.push_back(list[i].name);
  }
  if (!order.empty()) rows.Add("Lowest five-year total first", core::Join(order, ", "));
}

// The detailed scenario's investment, when it is among the compared alternatives and priced.
std::string InvestmentText(Lang lang, const std::string& scenario, const Alternatives* list) {
  if (list) {
    for (const planners::ScenarioComparison& c : *list) {
      if (c.name == scenario && c.summary) {
        return GroupedAmount(c.summary->investment) + " " + CurrencyUnit(lang, *list);
      }
    }
    if (list->size() >= 2) {
      return std::string(Tr(lang,
                            "not estimated for this scenario (it is not among the compared); the "
                            "alternatives compared in the next section are priced"));
    }
  }
  return std::string(Tr(
      lang,
      "not estimated: the report prices only the alternatives it compares (--scenario repeated)"));
}

void WorkBlock(Rows& rows, const planners::TargetPlan& target, const planners::WavePlan& waves,
               const std::string& investment) {
  const Lang lang = rows.context.lang;
  double hours = 0;
  for (const planners::Wave& w : waves.waves) hours += w.hours;
  rows.AddGrouped("Changes to reach the standards (gaps)", static_cast<double>(target.gaps.size()));
  rows.AddGrouped("Effort (hours)", std::max(hours, target.total_effort_hours));
  rows.Add("Waves", static_cast<double>(waves.waves.size()));
  const std::string end = waves.waves.empty() ? "" : waves.waves.back().end;
  rows.Add("Done by", end.empty()
                          ? std::string(Tr(lang, "no timeline: the scenario gives no start date"))
                          : end);
  rows.Add("Investment", investment);
}

void RiskBlock(Rows& rows, const planners::RiskReport& risk) {
  const Lang lang = rows.context.lang;
  std::size_t short_today = 0, short_target = 0;
  for (const planners::ServiceRisk& s : risk.services) {
    if (s.meets_today == false) ++short_today;
    if (s.meets_target == false) ++short_target;
  }
  rows.Add("Services below their availability tier today", static_cast<double>(short_today));
  rows.Add("Services below their availability tier after the plan",
           static_cast<double>(short_target));
  std::size_t past_after = 0;
  for (const auto& [org, exposure] : risk.eos) {
    for (const auto& [category, count] : exposure.by_category) past_after += count.past_after_plan;
  }
  rows.Add("Past end of support after the plan", static_cast<double>(past_after));
  std::vector<std::string> top;
  for (const planners::ComponentImportance& c : risk.importance) {
    if (top.size() == kTopRisks) break;
    top.push_back(core::DisplayName(rows.context.org_names, c.org) + " " + c.asset + " (" +
                  std::to_string(c.services) + " " + std::string(Tr(lang, "services")) + ")");
  }
  rows.Add("Most important single points of failure",
           top.empty() ? std::string(Tr(lang, "(none)")) : core::Join(top, "; "));
  rows.Add("Moves that leave a redundant pair in one hall",
           static_cast<double>(risk.windows.size()));
}

// What the figures do not know: fields most assets lack, estimates, open relations, warnings.
void UnknownBlock(Rows& rows, const core::StoreStats& stats, const planners::HallPlan& plan) {
  const Lang lang = rows.context.lang;
  std::vector<std::string> weak;
  for (std::size_t f = 0; f < core::kCompletenessFieldCount; ++f) {
    core::FieldCount all;
    for (const auto& [org, counts] : stats.orgs) {
      all.applies += counts.completeness[f].applies;
      all.known += counts.completeness[f].known;
    }
    const std::optional<double> share = all.Share();
    if (share && *share < kWeakShare) {
      weak.push_back(std::string(Tr(lang, core::kCompletenessFields[f])) + " " +
                     std::to_string(std::lround(*share * 100)) + " %");
    }
  }
  rows.Add("Fields known for fewer than 80 % of the assets",
           weak.empty() ? std::string(Tr(lang, "(none)")) : core::Join(weak, ", "));
  const auto estimated = std::count_if(plan.devices.begin(), plan.devices.end(),
                                       [](const planners::HallDevice& d) { return d.estimated; });
  rows.Add("Devices with estimated figures (per-role defaults)", static_cast<double>(estimated));
  rows.Add("Relations to assets no inventory lists",
           static_cast<double>(stats.unresolved_relations));
  rows.Add("Import warnings stored", static_cast<double>(stats.warnings));
}

}  // namespace

Section SummarySection(const Context& context, const ReportInput& input) {
  const Lang lang = context.lang;
  Section section;
  section.id = "summary";
  section.title = std::string(Tr(lang, "Summary"));
  std::vector<std::string> names;
  for (const std::string& org : context.orgs) {
    names.push_back(core::DisplayName(context.org_names, org));
  }
  section.intro = std::string(Tr(lang, "The answer in key figures for the scenario")) + " " +
                  input.scenario->name + " (" + core::Join(names, ", ") + "). " +
                  std::string(Tr(lang,
                                 "The last rows say what the figures do not know; the sections "
                                 "below give every row behind them."));
  Table table;
  table.id = "summary";
  table.title = std::string(Tr(lang, "Key figures"));
  table.headers = {std::string(Tr(lang, "Figure")), std::string(Tr(lang, "Value"))};
  table.sortable = false;
  Rows rows{context, table};
  if (input.alternatives && input.alternatives->size() >= 2) {
    DecisionBlock(rows, *input.alternatives);
  }
  HallBlock(rows, *input.estate, *input.halls);
  WorkBlock(rows, *input.target, *input.waves,
            InvestmentText(lang, input.scenario->name, input.alternatives));
  RiskBlock(rows, *input.risk);
  UnknownBlock(rows, *input.stats, *input.halls);
  section.tables.push_back(std::move(table));
  section.figures.push_back(OrgLinks(context));  // each municipality's page
  return section;
}

}  // namespace samdrift::reports
