// "Risk och SLA": the SLA tiers each service meets or misses today and in the target, the single
// points of failure with the asset and why, and end-of-support exposure per org as a chart
// (planners/risk.h computes them; `samdrift risk` prints the same).
#include <iomanip>
#include <sstream>

#include "core/text.h"
#include "reports/sections.h"
#include "reports/svg_chart.h"

namespace samdrift::reports {
namespace {

std::string Percent(const std::optional<double>& a) {
  if (!a) return "";
  std::ostringstream s;
  s << std::fixed << std::setprecision(3) << *a * 100 << " %";
  return s.str();
}

std::string Meets(Lang lang, const std::optional<bool>& m) {
  if (!m) return "";
  return std::string(Tr(lang, *m ? "yes" : "no"));
}

std::vector<std::string> Headers(Lang lang, std::initializer_list<const char*> names) {
  std::vector<std::string> out;
  for (const char* n : names) out.emplace_back(Tr(lang, n));
  return out;
}

}  // namespace

Section RiskSection(const Context& context, const planners::RiskReport& risk) {
  const Lang lang = context.lang;
  Section section;
  section.id = "risk";
  section.title = std::string(Tr(lang, "Risk and SLA"));
  std::size_t with_tier = 0, met_today = 0, met_target = 0;
  for (const planners::ServiceRisk& s : risk.services) {
    if (!s.required) continue;
    ++with_tier;
    met_today += s.meets_today.value_or(false) ? 1 : 0;
    met_target += s.meets_target.value_or(false) ? 1 : 0;
  }
  section.intro = std::string(
      Tr(lang,
         "Each service's availability computed from its dependency chain (redundancy groups and "
         "clusters in parallel, everything else in series, a shared hall or UPS in series with "
         "the group), against the SLA tier its criticality needs, today and after the hall "
         "plan; the components whose failure alone stops a service; assets past or near end of "
         "support per municipality."));
  section.intro += "\n" + std::to_string(with_tier) + " " +
                   std::string(Tr(lang, "services with a tier")) + ": " +
                   std::to_string(met_today) + " " + std::string(Tr(lang, "meet it today")) + ", " +
                   std::to_string(met_target) + " " + std::string(Tr(lang, "in the target")) + ".";

  StackedBars eos;
  eos.series = {std::string(Tr(lang, "past end of support")),
                std::string(Tr(lang, "within 12 months"))};
  for (const auto& [org, e] : risk.eos) {
    eos.labels.push_back(org);
    eos.values.push_back(
        {static_cast<double>(e.all.past), static_cast<double>(e.all.within_12_months)});
  }
  section.figures.push_back(StackedBarChart(eos));

  Table tiers;
  tiers.id = "risk-sla";
  tiers.title = std::string(Tr(lang, "SLA tiers met and not met"));
  tiers.headers = Headers(lang, {"Municipality", "Service", "Criticality", "Tier", "Required",
                                 "Today", "Target", "Meets today", "Meets in the target"});
  for (const planners::ServiceRisk& s : risk.services) {
    tiers.rows.push_back(
        {Cell::Text(s.org), Cell::Text(s.service), Cell::Text(s.criticality), Cell::Text(s.tier),
         Cell::Text(Percent(s.required)), Cell::Text(Percent(s.availability_today)),
         Cell::Text(Percent(s.availability_target)), Cell::Text(Meets(lang, s.meets_today)),
         Cell::Text(Meets(lang, s.meets_target))});
  }
  section.tables.push_back(std::move(tiers));

  Table spof;
  spof.id = "risk-spof";
  spof.title = std::string(Tr(lang, "Single points of failure"));
  spof.headers =
      Headers(lang, {"Municipality", "Service", "Asset", "Kind", "Why", "Gone in the target"});
  for (const planners::ServiceRisk& s : risk.services) {
    for (const planners::SinglePoint& p : s.single_points) {
      bool gone = true;
      for (const planners::SinglePoint& t : s.single_points_target) {
        if (t.org == p.org && t.asset == p.asset) gone = false;
      }
      spof.rows.push_back({Cell::Text(s.org), Cell::Text(s.service), Cell::Text(p.asset),
                           Cell::Text(std::string(core::ToString(p.kind))),
                           Cell::Text(std::string(Tr(lang, p.why))),
                           Cell::Text(std::string(Tr(lang, gone ? "yes" : "no")))});
    }
  }
  section.tables.push_back(std::move(spof));
  return section;
}

}  // namespace samdrift::reports
