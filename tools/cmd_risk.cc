// samdrift risk: SLA tiers, each service's availability today and in the target, single points
// of failure, the components that matter most, end-of-support exposure (issue 19).
#include <algorithm>
#include <iomanip>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/text.h"
#include "planners/risk.h"
#include "tools/command.h"
#include "tools/json_views.h"
#include "tools/planning_inputs.h"

namespace samdrift::tools {
namespace {

using nlohmann::ordered_json;

struct RiskArgs {
  bool json = false;
  PlanningOptions planning;
};

template <typename T>
ordered_json OrNull(const std::optional<T>& value) {
  return value ? ordered_json(*value) : ordered_json(nullptr);
}

ordered_json PointsJson(const std::vector<planners::SinglePoint>& points) {
  ordered_json out = ordered_json::array();
  for (const auto& p : points) {
    out.push_back({{"asset", p.asset},
                   {"org", p.org},
                   {"kind", std::string(core::ToString(p.kind))},
                   {"why", p.why}});
  }
  return out;
}

ordered_json CountJson(const planners::EosCount& c) {
  return {{"past", c.past},
          {"within_12_months", c.within_12_months},
          {"past_after_plan", c.past_after_plan},
          {"within_12_months_after_plan", c.within_12_months_after_plan}};
}

}  // namespace

ordered_json RiskJson(const planners::RiskReport& report) {
  ordered_json out;
  out["services"] = ordered_json::array();
  for (const planners::ServiceRisk& s : report.services) {
    out["services"].push_back(
        {{"org", s.org},
         {"service", s.service},
         {"criticality",
          s.criticality.empty() ? ordered_json(nullptr) : ordered_json(s.criticality)},
         {"tier", s.tier.empty() ? ordered_json(nullptr) : ordered_json(s.tier)},
         {"required", OrNull(s.required)},
         {"availability_today", OrNull(s.availability_today)},
         {"availability_target", OrNull(s.availability_target)},
         {"meets_today", OrNull(s.meets_today)},
         {"meets_target", OrNull(s.meets_target)},
         {"single_points", PointsJson(s.single_points)},
         {"single_points_target", PointsJson(s.single_points_target)},
         {"limiting_path", s.limiting_path}});
  }
  out["eos"] = ordered_json::object();
  for (const auto& [org, e] : report.eos) {
    ordered_json o = CountJson(e.all);
    o["total"] = e.total;
    o["by_category"] = ordered_json::object();
    for (const auto& [category, c] : e.by_category) o["by_category"][category] = CountJson(c);
    out["eos"][org] = o;
  }
  out["tiers"] = ordered_json::array();
  for (const planners::SlaTier& t : report.tiers) {
    out["tiers"].push_back({{"tier", t.tier},
                            {"criticality", t.criticality},
                            {"availability", t.availability},
                            {"hours", t.hours}});
  }
  out["importance"] = ordered_json::array();
  for (const planners::ComponentImportance& c : report.importance) {
    out["importance"].push_back({{"org", c.org},
                                 {"asset", c.asset},
                                 {"kind", std::string(core::ToString(c.kind))},
                                 {"availability", c.availability},
                                 {"birnbaum", c.birnbaum},
                                 {"services", c.services}});
  }
  out["expiring_standards"] = ordered_json::array();
  for (const planners::ExpiringStandard& s : report.expiring_standards) {
    out["expiring_standards"].push_back({{"capability", s.capability},
                                         {"technology", s.technology},
                                         {"name", s.name},
                                         {"end_of_support", s.end_of_support},
                                         {"source", std::string(planners::ToString(s.source))}});
  }
  out["horizon"] = report.horizon.empty() ? ordered_json(nullptr) : ordered_json(report.horizon);
  out["unmanaged"] = ordered_json::object();
  for (const auto& [org, u] : report.unmanaged) {
    ordered_json o = {{"assets", u.all.assets}, {"unmanaged", u.all.unmanaged}};
    o["by_category"] = ordered_json::object();
    for (const auto& [category, c] : u.by_category) {
      o["by_category"][category] = {{"assets", c.assets}, {"unmanaged", c.unmanaged}};
    }
    out["unmanaged"][org] = o;
  }
  out["cycles"] = report.cycles;
  out["risk_windows"] = ordered_json::array();
  for (const planners::RiskWindow& w : report.windows) {
    out["risk_windows"].push_back({{"wave", w.wave},
                                   {"org", w.org},
                                   {"group", w.group},
                                   {"kind", w.kind},
                                   {"halls", w.halls},
                                   {"why", w.why}});
  }
  out["hall_concentration"] = ordered_json::array();
  for (const planners::HallConcentration& h : report.concentration) {
    out["hall_concentration"].push_back(
        {{"hall", h.hall}, {"services", h.services}, {"holds", h.holds}});
  }
  out["has_target"] = report.has_target;
  return out;
}

namespace {

std::string Percent(const std::optional<double>& a) {
  if (!a) return "unknown";
  std::ostringstream s;
  s << std::fixed << std::setprecision(3) << *a * 100 << '%';
  return s.str();
}

std::string Meets(const std::optional<bool>& m) { return !m ? "-" : *m ? "yes" : "NO"; }

// The assets' names; those not in `before` (when given) marked "(new)".
std::string Points(const std::vector<planners::SinglePoint>& points,
                   const std::vector<planners::SinglePoint>* before = nullptr) {
  std::vector<std::string> names;
  for (const auto& p : points) {
    const bool added =
        before != nullptr && std::none_of(before->begin(), before->end(), [&](const auto& b) {
          return b.org == p.org && b.asset == p.asset && b.kind == p.kind;
        });
    names.push_back(p.asset + (added ? " (new)" : ""));
  }
  return names.empty() ? "none" : core::Join(names, ", ");
}

// First, where a reader starts: the standards the plan moves assets onto that lose support
// before it ends.
void PrintExpiringStandards(const planners::RiskReport& report) {
  for (const planners::ExpiringStandard& s : report.expiring_standards) {
    std::cout << "WARNING: " << planners::StandardWarning(s, report.horizon) << '\n';
  }
  if (!report.expiring_standards.empty()) std::cout << '\n';
}

void PrintExposure(const planners::RiskReport& report, const core::OrgNames& names,
                   std::size_t org_width) {
  std::cout << "\nend of support (past / within 12 months; today -> after the plan; of total):\n";
  for (const auto& [org, e] : report.eos) {
    std::cout << "  " << core::PadRight(core::DisplayName(names, org), org_width) << std::right
              << e.all.past << " / " << e.all.within_12_months << " -> " << e.all.past_after_plan
              << " / " << e.all.within_12_months_after_plan << " of " << e.total << '\n';
  }
  std::cout
      << "\nunmanaged: devices, VMs and clients no inventory agent or scan saw (by category):\n";
  for (const auto& [org, u] : report.unmanaged) {
    std::vector<std::string> parts;
    for (const auto& [category, c] : u.by_category) {
      if (c.unmanaged > 0) {
        parts.push_back(category + " " + std::to_string(c.unmanaged) + "/" +
                        std::to_string(c.assets));
      }
    }
    std::cout << "  " << core::PadRight(core::DisplayName(names, org), org_width) << u.all.unmanaged
              << " of " << u.all.assets
              << (parts.empty() ? "" : " (" + core::Join(parts, ", ") + ")") << '\n';
  }
}

void PrintTable(const planners::RiskReport& report, const core::OrgNames& names) {
  std::vector<std::string> orgs;
  for (const planners::ServiceRisk& s : report.services) orgs.push_back(s.org);
  for (const auto& entry : report.eos) orgs.push_back(entry.first);
  const std::size_t org_width = OrgColumnWidth(names, orgs, 10);
  PrintExpiringStandards(report);
  std::cout << "SLA tiers:";
  for (const planners::SlaTier& t : report.tiers) {
    std::cout << "  " << t.tier << " (" << t.criticality << ") " << Percent(t.availability) << ' '
              << t.hours;
  }
  std::cout << "\n\n"
            << core::PadRight("org", org_width) << std::left << std::setw(32) << "service"
            << std::setw(9) << "tier" << std::right << std::setw(10) << "required" << std::setw(10)
            << "today" << std::setw(10) << "target"
            << "  meets today/target\n";
  for (const planners::ServiceRisk& s : report.services) {
    std::cout << core::PadRight(core::DisplayName(names, s.org), org_width) << std::left
              << core::PadRight(s.service, 32) << std::setw(9) << (s.tier.empty() ? "-" : s.tier)
              << std::right << std::setw(10) << (s.required ? Percent(s.required) : "-")
              << std::setw(10) << Percent(s.availability_today) << std::setw(10)
              << Percent(s.availability_target) << "  " << Meets(s.meets_today) << '/'
              << Meets(s.meets_target) << '\n';
  }
  std::cout << "\nsingle points of failure (today -> target):\n";
  for (const planners::ServiceRisk& s : report.services) {
    if (s.single_points.empty() && s.single_points_target.empty()) continue;
    std::cout << "  " << core::DisplayName(names, s.org) << '/' << s.service << ": "
              << Points(s.single_points) << " -> "
              << Points(s.single_points_target, &s.single_points) << '\n';
    if (!s.limiting_path.empty()) {
      std::cout << "    limited by: " << core::Join(s.limiting_path, " -> ") << '\n';
    }
  }
  constexpr std::size_t kTop = 10;
  std::cout << "\ncomponents the services' availability depends on most (Birnbaum importance):\n";
  for (std::size_t i = 0; i < report.importance.size() && i < kTop; ++i) {
    const auto& c = report.importance[i];
    std::cout << "  " << std::setw(8) << std::fixed << std::setprecision(3) << c.birnbaum << "  "
              << core::DisplayName(names, c.org) << '/' << c.asset << " (" << core::ToString(c.kind)
              << ", " << c.services << " services)\n";
  }
  if (!report.concentration.empty()) {
    std::cout << "\nhalls that become single points in the target (the hall plan puts whole "
                 "clusters or pairs in them):\n";
  }
  for (const planners::HallConcentration& h : report.concentration) {
    std::cout << "  " << h.hall << ": a new single point of " << h.services << " services"
              << (h.holds.empty() ? "" : "; holds every member of " + core::Join(h.holds, ", "))
              << '\n';
  }
  PrintExposure(report, names, org_width);
  if (!report.windows.empty()) std::cout << "\nrisk windows during the move:\n";
  for (const planners::RiskWindow& w : report.windows) {
    std::cout << "  after wave " << w.wave << ": " << core::DisplayName(names, w.org) << '/'
              << w.group << " (" << w.kind << ") in " << core::Join(w.halls, ", ") << ": " << w.why
              << '\n';
  }
}

}  // namespace

Runner SetupRisk(CLI::App& app, const GlobalOptions& global) {
  auto args = std::make_shared<RiskArgs>();
  app.description(
      "Each service's availability today and in the target (the hall plan's placement), "
      "computed from its dependency chain (depends_on, runs_on, member_of, installed_on, "
      "located_in, powered_by): redundancy groups and clusters of more than one host in "
      "parallel, everything else in series, a hall, UPS or SAN that every member needs in series "
      "with the group. The SLA tier each service needs (the scenario's sla, or Platina/Guld/"
      "Silver/Brons by criticality; KLASSA T1-T4 map to low..critical) and whether it meets it; "
      "the single points of failure of each service; the components by Birnbaum importance; "
      "end of support per org today and after the plan.");
  app.add_flag("--json", args->json, "print JSON");
  AddPlanningOptions(app, args->planning, true);
  return [args, &global]() {
    args->planning.graph = planners::GraphNeed::kBuild;
    core::Diagnostics diagnostics;
    auto in = LoadPlanningInputs(global, args->planning, diagnostics);
    if (!in.ok()) {
      PrintDiagnostics(diagnostics);
      return Fail(in.status());
    }
    auto result = planners::RunPipeline(in->base, in->Request(planners::Step::kRisk), diagnostics);
    if (!result.ok()) {
      PrintDiagnostics(diagnostics);
      return Fail(result.status());
    }
    diagnostics.Append(result->risk_warnings);
    PrintDiagnostics(diagnostics);
    if (args->json) {
      std::cout << RiskJson(*result->risk).dump(2) << '\n';
    } else {
      PrintTable(*result->risk, result->org_names);
    }
    return 0;
  };
}

}  // namespace samdrift::tools
