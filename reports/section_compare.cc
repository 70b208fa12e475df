// The alternatives compared: the scenarios of `report --scenario A --scenario B ...` side by side
// with `samdrift compare`'s figures (planners::ScenarioComparison, never recomputed here): a table
// of the seven criteria, the costs and the work, and bar charts of the investment, the running
// cost per year and the criteria.
#include <algorithm>
#include <cmath>

#include "core/text.h"
#include "reports/sections.h"
#include "reports/svg_chart.h"

namespace samdrift::reports {

namespace {

using Money = double planners::CostSummary::*;

std::string Str(Lang lang, std::string_view key) { return std::string(Tr(lang, key)); }

// A figure's row label with its unit: "Investering (kr)".
std::string WithUnit(Lang lang, std::string_view label, std::string_view unit) {
  return Str(lang, label) + " (" + std::string(unit) + ")";
}

Cell MoneyCell(Lang lang, const planners::ScenarioComparison& c, Money field) {
  if (!c.summary) return Cell::Text(Str(lang, "unknown"));
  const double amount = (*c.summary).*field;
  return {GroupedAmount(amount), amount, {}};
}

Cell ScoreCell(Lang lang, const planners::Criterion& k) {
  if (!k.score) return Cell::Text(Str(lang, "unknown"));
  std::string text = std::to_string(*k.score);
  if (k.source == planners::CriterionSource::kEntered) text += " (" + Str(lang, "entered") + ")";
  return {text, static_cast<double>(*k.score), {}};
}

// One row: the label, then a cell per alternative.
template <typename CellOf>
void AddRow(Table& table, const std::vector<planners::ScenarioComparison>& list, std::string label,
            CellOf cell) {
  std::vector<Cell> row{Cell::Text(std::move(label))};
  for (const planners::ScenarioComparison& c : list) row.push_back(cell(c));
  table.rows.push_back(std::move(row));
}

Table ComparisonTable(const Context& context,
                      const std::vector<planners::ScenarioComparison>& list) {
  const Lang lang = context.lang;
  const std::string unit = CurrencyUnit(lang, list);
  Table t;
  t.id = "comparison";
  t.title = Str(lang, "The alternatives side by side");
  t.headers = {Str(lang, "Figure")};
  for (const planners::ScenarioComparison& c : list) t.headers.push_back(c.name);
  t.sortable = false;
  for (std::size_t n = 0; n < list.front().criteria.size(); ++n) {
    AddRow(t, list, CriterionLabel(lang, list.front().criteria[n]),
           [&](const auto& c) { return ScoreCell(lang, c.criteria[n]); });
  }
  const std::pair<std::string_view, Money> money[] = {
      {"Investment", &planners::CostSummary::investment},
      {"Running cost per year today", &planners::CostSummary::running_today},
      {"Running cost per year after the plan", &planners::CostSummary::running_target},
      {"Five-year total", &planners::CostSummary::five_year_total}};
  for (const auto& [label, field] : money) {
    AddRow(t, list, WithUnit(lang, label, unit),
           [&, field = field](const auto& c) { return MoneyCell(lang, c, field); });
  }
  AddRow(t, list, Str(lang, "Cost confidence (1-5)"), [&](const auto& c) {
    return c.summary ? Cell::Number(c.summary->confidence) : Cell::Text(Str(lang, "unknown"));
  });
  AddRow(t, list, Str(lang, "Effort (hours)"), [](const auto& c) {
    return Cell{GroupedAmount(c.hours), c.hours, {}};
  });
  AddRow(t, list, Str(lang, "Waves"), [](const auto& c) { return Cell::Number(c.waves); });
  AddRow(t, list, Str(lang, "Done by"), [&](const auto& c) {
    return Cell::Text(c.end.empty() ? Str(lang, "no timeline") : c.end);
  });
  AddRow(t, list, Str(lang, "Halls in use after the plan"),
         [](const auto& c) { return Cell::Number(static_cast<double>(c.halls_in_use)); });
  AddRow(t, list, Str(lang, "Technologies after the plan"),
         [](const auto& c) { return Cell::Number(static_cast<double>(c.technologies)); });
  return t;
}

// Bars per alternative of the money `fields` (one series each); only the priced alternatives.
std::string MoneyChart(Lang lang, const std::vector<planners::ScenarioComparison>& list,
                       const std::vector<std::pair<std::string_view, Money>>& fields) {
  const std::string unit = CurrencyUnit(lang, list);
  StackedBars chart;
  for (const auto& [label, field] : fields) chart.series.push_back(Str(lang, label));
  for (const planners::ScenarioComparison& c : list) {
    if (!c.summary) continue;
    chart.labels.push_back(c.name);
    std::vector<double> values;
    for (const auto& [label, field] : fields) values.push_back((*c.summary).*field);
    chart.values.push_back(std::move(values));
  }
  chart.format = [unit](double v) { return GroupedAmount(v) + " " + unit; };
  return GroupedBarChart(chart);
}

std::string CriteriaChart(Lang lang, const std::vector<planners::ScenarioComparison>& list) {
  StackedBars chart;
  for (const planners::ScenarioComparison& c : list) chart.series.push_back(c.name);
  for (std::size_t n = 0; n < list.front().criteria.size(); ++n) {
    chart.labels.push_back(CriterionLabel(lang, list.front().criteria[n]));
    std::vector<double> scores;
    for (const planners::ScenarioComparison& c : list) {
      scores.push_back(c.criteria[n].score.value_or(0));
    }
    chart.values.push_back(std::move(scores));
  }
  chart.max = 4;
  const std::string unknown = Str(lang, "unknown");
  chart.format = [unknown](double v) { return v > 0 ? std::to_string(std::lround(v)) : unknown; };
  return GroupedBarChart(chart);
}

}  // namespace

std::string GroupedAmount(double amount) { return core::GroupDigits(amount, "\xC2\xA0"); }

std::string CurrencyUnit(Lang lang, const std::vector<planners::ScenarioComparison>& list) {
  for (const planners::ScenarioComparison& c : list) {
    if (!c.summary || c.summary->currency.empty()) continue;
    return c.summary->currency == "SEK" && lang == Lang::kSv ? "kr" : c.summary->currency;
  }
  return lang == Lang::kSv ? "kr" : "SEK";
}

std::string CriterionLabel(Lang lang, const planners::Criterion& criterion) {
  return std::to_string(criterion.number) + " " + Str(lang, criterion.title);
}

Section ComparisonSection(const Context& context,
                          const std::vector<planners::ScenarioComparison>& list) {
  const Lang lang = context.lang;
  Section section;
  section.id = "comparison";
  section.title = Str(lang, "The alternatives compared");
  section.intro = Str(lang,
                      "Each alternative is planned over the same estate, priced with its costs "
                      "file and scored on the study's seven criteria from 1 (weak) to 4 (strong). "
                      "Criteria 1-4 are the group's own scores from the scenario (entered); 5-7 "
                      "are computed from the inventory and the plan. The command samdrift compare "
                      "gives the same figures.");
  const std::string unit = CurrencyUnit(lang, list);
  section.tables.push_back(ComparisonTable(context, list));
  const bool priced =
      std::any_of(list.begin(), list.end(), [](const auto& c) { return c.summary.has_value(); });
  if (priced) {
    section.figures.push_back(
        Figure(WithUnit(lang, "Investment", unit),
               MoneyChart(lang, list, {{"Investment", &planners::CostSummary::investment}})));
    section.figures.push_back(
        Figure(WithUnit(lang, "Running cost per year", unit),
               MoneyChart(lang, list,
                          {{"today", &planners::CostSummary::running_today},
                           {"after the plan", &planners::CostSummary::running_target}})));
  }
  section.figures.push_back(
      Figure(Str(lang, "The seven criteria, 1 (weak) to 4 (strong)"), CriteriaChart(lang, list)));
  return section;
}

}  // namespace samdrift::reports
