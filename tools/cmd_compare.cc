// samdrift compare: the study's alternatives side by side (issue 18): the seven criteria, the
// costs (investment, running cost per year today and in the target, per org), halls,
// technologies, hours, waves and end date, and which single price changes the order.
#include <algorithm>
#include <iomanip>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/text.h"
#include "tools/command.h"
#include "tools/compare_run.h"
#include "tools/planning_inputs.h"

namespace samdrift::tools {
namespace {

using nlohmann::ordered_json;

struct CompareArgs {
  std::vector<std::string> scenarios;
  std::vector<std::string> catalogs;
  bool json = false;
};

template <typename T>
ordered_json OrNull(const std::optional<T>& value) {
  return value ? ordered_json(*value) : ordered_json(nullptr);
}

ordered_json CriteriaJson(const std::vector<planners::Criterion>& criteria) {
  ordered_json out = ordered_json::array();
  for (const planners::Criterion& c : criteria) {
    ordered_json figures = ordered_json::object();
    for (const auto& [name, value] : c.figures) figures[name] = OrNull(value);
    out.push_back({{"number", c.number},
                   {"title", c.title},
                   {"score", OrNull(c.score)},
                   {"source", std::string(planners::ToString(c.source))},
                   {"figures", figures},
                   {"note", c.note}});
  }
  return out;
}

ordered_json OrgCostsJson(const planners::OrgCosts& o) {
  return {{"share", o.share},
          {"investment", o.investment},
          {"running_per_year_today", o.running_today},
          {"running_per_year_target", o.running_target}};
}

ordered_json FacilitiesJson(const std::map<std::string, planners::Facilities>& by_org) {
  ordered_json out = ordered_json::object();
  for (const auto& [org, f] : by_org) {
    out[org] = {{"halls", f.halls}, {"racks", f.racks}, {"kw", f.kw}};
  }
  return out;
}

ordered_json LicencesJson(const std::map<std::string, std::vector<planners::LicenceUse>>& uses) {
  ordered_json out = ordered_json::object();
  for (const auto& [org, list] : uses) {
    for (const planners::LicenceUse& l : list) {
      out[org][l.technology] = {{"hosts", l.hosts},     {"vms", l.vms},
                                {"clients", l.clients}, {"units", l.units},
                                {"cores", l.cores},     {"cores_unknown", l.cores_unknown}};
    }
  }
  return out;
}

// What the money is counted from, before prices (costs.h): so that every figure can be checked.
ordered_json QuantitiesJson(const planners::CostQuantities& q) {
  ordered_json purchases = ordered_json::array();
  for (const planners::Purchase& p : q.purchases) {
    purchases.push_back({{"org", p.org},
                         {"technology", p.technology},
                         {"capability", p.capability},
                         {"units", p.units}});
  }
  return {{"purchases", purchases},
          {"hours", q.hours},
          {"today", FacilitiesJson(q.today)},
          {"target", FacilitiesJson(q.target)},
          {"licences_today", LicencesJson(q.licences_today)},
          {"licences_target", LicencesJson(q.licences_target)},
          {"assets", q.assets}};
}

ordered_json CostsJson(const planners::ScenarioComparison& c) {
  if (!c.summary) {
    return {{"currency", nullptr},
            {"investment", nullptr},
            {"running_per_year_today", nullptr},
            {"running_per_year_target", nullptr},
            {"per_org", ordered_json::object()},
            {"unknown", ordered_json::array({"no costs file (scenario key costs:)"})}};
  }
  const planners::CostSummary& s = *c.summary;
  ordered_json per_org = ordered_json::object();
  for (const auto& [org, o] : s.per_org) per_org[org] = OrgCostsJson(o);
  ordered_json curve = ordered_json::array();
  for (const planners::CurvePoint& p : c.quantities.curve) {
    curve.push_back({{"year", p.year}, {"moved", p.moved}});
  }
  return {{"currency", s.currency},
          {"investment", s.investment},
          {"purchases", s.purchases},
          {"work", s.work},
          {"running_per_year_today", s.running_today},
          {"running_per_year_target", s.running_target},
          {"dual_running", s.dual_running},
          {"years", s.years},
          {"five_year_total", s.five_year_total},
          {"payback_years", OrNull(s.payback_years)},
          {"npv", OrNull(s.npv)},
          {"discount_rate", OrNull(c.costs->discount_rate)},
          {"migration_curve", curve},
          {"replaced_early",
           {{"assets", c.quantities.replaced_early},
            {"support_years_left", c.quantities.support_years_left}}},
          {"share_key", std::string(planners::ToString(c.costs->share))},
          {"joint", OrgCostsJson(s.joint)},
          {"per_org", per_org},
          {"unknown", s.unknown},
          {"priced_share", s.priced_share},
          {"data_completeness", s.data_completeness},
          {"confidence", s.confidence}};
}

}  // namespace

std::string CompareJson(const Comparison& comparison) {
  ordered_json out;
  out["scenarios"] = ordered_json::array();
  const std::vector<std::size_t> order = planners::OrderByFiveYearTotal(comparison.scenarios);
  for (std::size_t i = 0; i < comparison.scenarios.size(); ++i) {
    const planners::ScenarioComparison& c = comparison.scenarios[i];
    const auto place = std::find(order.begin(), order.end(), i) - order.begin();
    out["scenarios"].push_back(
        {{"name", c.name},
         {"alternative",
          c.alternative.empty() ? ordered_json(nullptr) : ordered_json(c.alternative)},
         {"criteria", CriteriaJson(c.criteria)},
         {"costs", CostsJson(c)},
         {"halls_in_use", c.halls_in_use},
         {"technologies", c.technologies},
         {"hours", c.hours},
         {"waves", c.waves},
         {"end", c.end.empty() ? ordered_json(nullptr) : ordered_json(c.end)},
         {"place", c.summary ? ordered_json(place + 1) : ordered_json(nullptr)},
         {"quantities", QuantitiesJson(c.quantities)},
         {"sensitivity", c.sensitivity}});
  }
  return out.dump(2);
}

namespace {

using Row = std::vector<std::string>;

std::string Money(const planners::ScenarioComparison& c, double planners::CostSummary::*field) {
  return c.summary ? FormatMoney((*c.summary).*field) : "unknown";
}

std::string Fixed(double value, int decimals) {
  std::ostringstream out;
  out << std::fixed << std::setprecision(decimals) << value;
  return out.str();
}

std::vector<std::pair<std::string, Row>> TableRows(const Comparison& comparison) {
  std::vector<std::pair<std::string, Row>> rows;
  auto row = [&](const std::string& label, auto cell) {
    Row r;
    for (const planners::ScenarioComparison& c : comparison.scenarios) r.push_back(cell(c));
    rows.emplace_back(label, std::move(r));
  };
  row("alternative", [](const auto& c) { return c.alternative.empty() ? "-" : c.alternative; });
  for (int n = 1; n <= 7; ++n) {
    const std::string title = comparison.scenarios.front().criteria[n - 1].title;
    row(std::to_string(n) + " " + title, [n](const auto& c) {
      const planners::Criterion& k = c.criteria[n - 1];
      if (!k.score) return std::string("unknown");
      return std::to_string(*k.score) +
             (k.source == planners::CriterionSource::kEntered ? " (entered)" : "");
    });
  }
  row("investment", [](const auto& c) { return Money(c, &planners::CostSummary::investment); });
  row("running per year, today",
      [](const auto& c) { return Money(c, &planners::CostSummary::running_today); });
  row("running per year, target",
      [](const auto& c) { return Money(c, &planners::CostSummary::running_target); });
  row("dual running", [](const auto& c) { return Money(c, &planners::CostSummary::dual_running); });
  row("five-year total",
      [](const auto& c) { return Money(c, &planners::CostSummary::five_year_total); });
  row("payback (years)", [](const auto& c) {
    return c.summary && c.summary->payback_years ? Fixed(*c.summary->payback_years, 1) : "never";
  });
  row("net present value", [](const auto& c) {
    return c.summary && c.summary->npv ? FormatMoney(*c.summary->npv) : "unknown";
  });
  row("priced / confidence", [](const auto& c) {
    if (!c.summary) return std::string("no prices");
    return Fixed(c.summary->priced_share * 100, 0) + " % / " +
           std::to_string(c.summary->confidence) + " of 5";
  });
  row("halls in use", [](const auto& c) { return std::to_string(c.halls_in_use); });
  row("technologies", [](const auto& c) { return std::to_string(c.technologies); });
  row("hours", [](const auto& c) { return Fixed(c.hours, 0); });
  row("waves", [](const auto& c) { return std::to_string(c.waves); });
  row("end", [](const auto& c) { return c.end.empty() ? "-" : c.end; });
  return rows;
}

}  // namespace

void PrintCompareTable(const Comparison& comparison, std::ostream& out) {
  if (comparison.scenarios.empty()) return;
  const auto rows = TableRows(comparison);
  std::size_t label_width = 0;
  for (const auto& [label, cells] : rows) label_width = std::max(label_width, label.size());
  std::vector<std::size_t> widths;
  for (std::size_t i = 0; i < comparison.scenarios.size(); ++i) {
    std::size_t w = core::DisplayWidth(comparison.scenarios[i].name);
    for (const auto& [label, cells] : rows) w = std::max(w, core::DisplayWidth(cells[i]));
    widths.push_back(w + 2);
  }
  const std::string currency =
      comparison.scenarios.front().summary ? comparison.scenarios.front().summary->currency : "";
  out << core::PadRight(currency.empty() ? "" : "(" + currency + ")", label_width + 2);
  for (std::size_t i = 0; i < widths.size(); ++i) {
    out << core::PadLeft(comparison.scenarios[i].name, widths[i]);
  }
  out << '\n';
  for (const auto& [label, cells] : rows) {
    out << core::PadRight(label, label_width + 2);
    for (std::size_t i = 0; i < cells.size(); ++i) out << core::PadLeft(cells[i], widths[i]);
    out << '\n';
  }
  out << '\n';
  for (const planners::ScenarioComparison& c : comparison.scenarios) {
    out << c.name << ": sensitivity: "
        << (c.sensitivity.empty() ? "no single price changed by 20 % changes its place"
                                  : "its place changes with " + core::Join(c.sensitivity, ", "))
        << '\n';
    if (c.summary && !c.summary->unknown.empty()) {
      out << c.name << ": unknown prices: " << core::Join(c.summary->unknown, "; ") << '\n';
    }
  }
}

Runner SetupCompare(CLI::App& app, const GlobalOptions& global) {
  auto args = std::make_shared<CompareArgs>();
  app.description(
      "The study's alternatives side by side: each scenario planned over one estate load, its "
      "plan priced with the scenario's costs file (costs:), the seven criteria (1-4 as entered "
      "in the scenario, 5-7 computed; docs/cli.md gives the thresholds), halls, technologies, "
      "hours, waves and end date, and per scenario the single prices whose change by 20 % "
      "changes its place in the order of five-year totals.");
  app.add_option("--scenario", args->scenarios, "scenario YAML (repeat for each alternative)")
      ->required();
  app.add_option("--catalog", args->catalogs, "extra technology catalog YAML; repeatable");
  app.add_flag("--json", args->json, "print JSON");
  return [args, &global]() {
    core::Diagnostics diagnostics;
    auto store = OpenStore(global, core::OpenMode::kReadOnly);
    if (!store.ok()) return Fail(store.status());
    auto comparison = CompareScenarios(**store, args->scenarios, args->catalogs, diagnostics);
    PrintDiagnostics(diagnostics);
    if (!comparison.ok()) return Fail(comparison.status());
    if (args->json) {
      std::cout << CompareJson(*comparison) << '\n';
    } else {
      PrintCompareTable(*comparison, std::cout);
    }
    return 0;
  };
}

}  // namespace samdrift::tools
