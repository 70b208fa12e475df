// "Risk och SLA": the SLA tiers each service meets or misses today and in the target, the single
// points of failure with the asset and why, and end-of-support exposure per org as a chart
// (planners/risk.h computes them; `samdrift risk` prints the same).
#include <iomanip>
#include <sstream>

#include "core/text.h"
#include "reports/escape.h"
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

// The standards the plan moves assets onto that lose support before it ends, as a box a reader
// cannot miss at the top of the section.
std::string ExpiringStandardsBox(Lang lang, const planners::RiskReport& risk) {
  if (risk.expiring_standards.empty()) return "";
  std::string html =
      "<div style=\"border-left:6px solid #b3261e;background:#fdecea;padding:8px 14px;"
      "margin:8px 0 14px 0\"><strong>" +
      HtmlText(Tr(lang, "Warning: a standard of the target loses support during the plan")) +
      "</strong><ul style=\"margin:6px 0 0 0\">";
  for (const planners::ExpiringStandard& s : risk.expiring_standards) {
    html += "<li>" +
            HtmlText(std::string(Tr(lang, s.source == planners::StandardSource::kScenario
                                              ? "The scenario's fixed standard for"
                                              : "The proposed standard for")) +
                     " " + s.capability + ", " + s.name + " (" + s.technology + "), " +
                     std::string(Tr(lang, "reaches end of support on")) + " " + s.end_of_support +
                     ", " + std::string(Tr(lang, "before the plan's horizon")) + " " +
                     risk.horizon + ".") +
            "</li>";
  }
  return html + "</ul></div>";
}

Table UnmanagedTable(const Context& context, const planners::RiskReport& risk) {
  const Lang lang = context.lang;
  Table table;
  table.id = "risk-unmanaged";
  table.title = std::string(Tr(lang, "Unmanaged: no inventory agent or scan saw them"));
  table.headers = Headers(lang, {"Municipality", "Category", "Assets", "Unmanaged"});
  for (const auto& [org, u] : risk.unmanaged) {
    for (const auto& [category, c] : u.by_category) {
      table.rows.push_back({OrgCell(context, org), Cell::Text(std::string(Tr(lang, category))),
                            Cell::Number(static_cast<double>(c.assets)),
                            Cell::Number(static_cast<double>(c.unmanaged))});
    }
  }
  return table;
}

Table WindowsTable(const Context& context, const planners::RiskReport& risk) {
  const Lang lang = context.lang;
  Table table;
  table.id = "risk-windows";
  table.title = std::string(Tr(lang, "Risk windows during the move"));
  table.headers = Headers(lang, {"Wave", "Municipality", "Group", "Kind", "Halls", "Why"});
  for (const planners::RiskWindow& w : risk.windows) {
    std::string why = w.why;
    const std::size_t digits = why.find_last_not_of("0123456789");
    std::string until;
    if (digits != std::string::npos && digits + 1 < why.size()) {
      until = why.substr(digits + 1);
      why.erase(digits + 1);
    }
    table.rows.push_back(
        {Cell::Number(w.wave), OrgCell(context, w.org), Cell::Text(w.group),
         Cell::Text(std::string(Tr(lang, w.kind == "cluster" ? "cluster" : "redundancy group"))),
         Cell::Text(core::Join(w.halls, ", ")), Cell::Text(std::string(Tr(lang, why)) + until)});
  }
  return table;
}

bool Holds(const std::vector<planners::SinglePoint>& points, const planners::SinglePoint& p) {
  for (const planners::SinglePoint& q : points) {
    if (q.org == p.org && q.asset == p.asset && q.kind == p.kind) return true;
  }
  return false;
}

// Today's single points, each gone or remaining in the target, then those the target adds (a
// target hall that holds a whole cluster or both members of a pair).
Table SpofTable(const Context& context, const planners::RiskReport& risk) {
  const Lang lang = context.lang;
  Table table;
  table.id = "risk-spof";
  table.title = std::string(Tr(lang, "Single points of failure"));
  table.headers =
      Headers(lang, {"Municipality", "Service", "Asset", "Kind", "Why", "In the target"});
  auto add = [&](const planners::ServiceRisk& s, const planners::SinglePoint& p, const char* fate) {
    table.rows.push_back({OrgCell(context, s.org), Cell::Text(s.service), Cell::Text(p.asset),
                          Cell::Text(std::string(Tr(lang, core::ToString(p.kind)))),
                          Cell::Text(std::string(Tr(lang, p.why))),
                          Cell::Text(std::string(Tr(lang, fate)))});
  };
  for (const planners::ServiceRisk& s : risk.services) {
    for (const planners::SinglePoint& p : s.single_points) {
      add(s, p, Holds(s.single_points_target, p) ? "remains" : "gone");
    }
    for (const planners::SinglePoint& p : s.single_points_target) {
      if (!Holds(s.single_points, p)) add(s, p, "new in the target");
    }
  }
  return table;
}

Table ConcentrationTable(const Context& context, const planners::RiskReport& risk) {
  const Lang lang = context.lang;
  Table table;
  table.id = "risk-halls";
  table.title = std::string(Tr(lang, "Halls that become single points in the target"));
  table.headers = Headers(lang, {"Hall", "Services", "Holds every member of"});
  for (const planners::HallConcentration& h : risk.concentration) {
    table.rows.push_back({Cell::Text(h.hall), Cell::Number(static_cast<double>(h.services)),
                          Cell::Text(core::Join(h.holds, ", "))});
  }
  return table;
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
  section.intro += "\n" + std::string(Tr(lang,
                                         "Devices, VMs and clients that no inventory agent (GLPI) "
                                         "or scan (nmap, lshw, lldpctl, RVTools) saw are "
                                         "unmanaged: counted per municipality and category "
                                         "below."));

  StackedBars eos;
  eos.series = {std::string(Tr(lang, "past end of support")),
                std::string(Tr(lang, "within 12 months"))};
  for (const auto& [org, e] : risk.eos) {
    eos.labels.push_back(core::DisplayName(context.org_names, org));
    eos.values.push_back(
        {static_cast<double>(e.all.past), static_cast<double>(e.all.within_12_months)});
  }
  if (!risk.expiring_standards.empty()) {
    section.figures.push_back(ExpiringStandardsBox(lang, risk));
  }
  section.figures.push_back(StackedBarChart(eos));

  Table tiers;
  tiers.id = "risk-sla";
  tiers.title = std::string(Tr(lang, "SLA tiers met and not met"));
  tiers.headers = Headers(lang, {"Municipality", "Service", "Criticality", "Tier", "Required",
                                 "Today", "Target", "Meets today", "Meets in the target"});
  for (const planners::ServiceRisk& s : risk.services) {
    tiers.rows.push_back(
        {OrgCell(context, s.org), Cell::Text(s.service),
         Cell::Text(std::string(Tr(lang, s.criticality))), Cell::Text(s.tier),
         Cell::Text(Percent(s.required)), Cell::Text(Percent(s.availability_today)),
         Cell::Text(Percent(s.availability_target)), Cell::Text(Meets(lang, s.meets_today)),
         Cell::Text(Meets(lang, s.meets_target))});
  }
  section.tables.push_back(std::move(tiers));

  section.tables.push_back(SpofTable(context, risk));
  if (!risk.concentration.empty()) section.tables.push_back(ConcentrationTable(context, risk));
  if (!risk.windows.empty()) section.tables.push_back(WindowsTable(context, risk));
  section.tables.push_back(UnmanagedTable(context, risk));
  return section;
}

}  // namespace samdrift::reports
