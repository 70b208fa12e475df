#include "planners/risk.h"

#include <algorithm>
#include <cstdint>
#include <set>
#include <utility>

#include "core/date.h"
#include "core/text.h"
#include "planners/risk_model.h"
#include "planners/risk_parts.h"

namespace samdrift::planners {
namespace {

using risk_model::Model;
using risk_model::Solved;
using risk_model::State;

std::string Why(AssetKind kind) {
  switch (kind) {
    case AssetKind::kHall:
      return "everything it needs stands in this hall (power, cooling): no second hall";
    case AssetKind::kDevice:
      return "no redundant partner (no redundancy group, no second host in a cluster)";
    case AssetKind::kCluster:
      return "the only cluster it runs on";
    case AssetKind::kVm:
      return "one VM, no redundant partner";
    case AssetKind::kService:
      return "a service it needs, in series";
    default:
      return "needed in series, no redundant partner";
  }
}

struct Names {
  const Model& m;
  const core::GraphView& g;
  std::string Org(Id v) const { return v < m.assets ? g.asset(AssetId{v}).org : ""; }
  std::string Name(Id v) const {
    return v < m.assets ? g.asset(AssetId{v}).name : m.hall_names[v - m.assets];
  }
  AssetKind Kind(Id v) const { return v < m.assets ? g.asset(AssetId{v}).kind : AssetKind::kHall; }
};

std::vector<SinglePoint> SinglePoints(const Model& m, const Solved& s, Id service,
                                      const core::GraphView& g) {
  const Names names{m, g};
  std::vector<SinglePoint> out;
  const State& st = s.states[s.component[service]];
  for (Id x : st.spof) {
    if (x == service || m.own[x] >= 1) continue;
    out.push_back({names.Org(x), names.Name(x), names.Kind(x), Why(names.Kind(x))});
  }
  std::sort(out.begin(), out.end(), [](const SinglePoint& a, const SinglePoint& b) {
    return std::tie(a.kind, a.org, a.asset) < std::tie(b.kind, b.org, b.asset);
  });
  return out;
}

void ReportCycles(const Model& m, const Solved& s, const core::GraphView& g, RiskReport& report,
                  core::Diagnostics& diagnostics) {
  const Names names{m, g};
  for (const auto& cycle : s.cycles) {
    std::vector<std::string> members;
    for (std::size_t v : cycle) {
      members.push_back(names.Org(static_cast<Id>(v)) + "/" + names.Name(static_cast<Id>(v)));
    }
    report.cycles.push_back(members);
    const Id first = static_cast<Id>(cycle[0]);
    core::SourceLocation where;
    if (first < m.assets) {
      const core::Provenance& p = g.asset(AssetId{first}).provenance;
      where = {p.source, p.line, 0};
    }
    constexpr std::size_t kShown = 10;
    std::vector<std::string> shown(members.begin(),
                                   members.begin() + std::min(kShown, members.size()));
    diagnostics.Warning(where, "RSK001",
                        "dependency cycle of " + std::to_string(members.size()) + " components: " +
                            core::Join(shown, ", ") + (members.size() > kShown ? ", ..." : "") +
                            "; treated as one component, all in series");
  }
}

// A service with its criticality normalised and the SLA tier it must meet (RSK003 when the
// criticality is not one the tiers know).
ServiceRisk ServiceWithTier(const core::Asset& a, const std::vector<SlaTier>& tiers,
                            core::Diagnostics& diagnostics) {
  ServiceRisk r;
  r.org = a.org;
  r.service = a.name;
  r.criticality = a.criticality;
  if (a.criticality.empty()) return r;
  if (auto level = NormalizeCriticality(a.criticality)) {
    r.criticality = *level;
    for (const SlaTier& t : tiers) {
      if (t.criticality != *level) continue;
      r.tier = t.tier;
      r.required = t.availability;
    }
  } else {
    diagnostics.Warning({a.provenance.source, a.provenance.line, 0}, "RSK003",
                        "service '" + a.name + "': unknown criticality '" + a.criticality +
                            "'; expected low, medium, high, critical or KLASSA T1-T4; no "
                            "SLA tier");
  }
  return r;
}

// Service `v` today: its availability, single points and limiting path; each single point's
// importance (Birnbaum) grows by what the service loses when it fails.
void Today(const Model& today, const Solved& now, const core::GraphView& g, Id v, ServiceRisk& r,
           std::map<Id, ComponentImportance>& importance) {
  const State& st = now.states[now.component[v]];
  r.availability_today = st.availability;
  r.single_points = SinglePoints(today, now, v, g);
  for (Id x : st.spof) {
    if (x == v || today.own[x] >= 1) continue;
    ComponentImportance& ci = importance[x];
    ci.birnbaum += st.availability / today.own[x];
    ++ci.services;
  }
  std::set<std::size_t> seen;
  for (std::size_t c = now.component[v]; c < now.states.size() && seen.insert(c).second;
       c = now.states[c].weakest) {
    const Id rep = now.members[c][0];
    r.limiting_path.push_back(g.asset(AssetId{rep}).name);
  }
}

}  // namespace

double DefaultAvailability(AssetKind kind) {
  switch (kind) {
    case AssetKind::kHall:
      return 0.9995;
    case AssetKind::kDevice:
      return 0.999;
    case AssetKind::kCluster:
      return 0.99999;
    case AssetKind::kVm:
    case AssetKind::kSoftware:
      return 0.9995;
    case AssetKind::kNetwork:
      return 0.9999;
    case AssetKind::kClient:
      return 0.99;
    case AssetKind::kSite:
    case AssetKind::kRack:
    case AssetKind::kService:
      return 1;
  }
  return 1;
}

int RequiredUp(const Scenario* scenario, const std::string& org, const std::string& name) {
  if (scenario == nullptr || scenario->k_of_n.empty()) return 1;
  auto it = scenario->k_of_n.find(org + "/" + name);
  if (it == scenario->k_of_n.end()) it = scenario->k_of_n.find(name);
  return it == scenario->k_of_n.end() ? 1 : it->second;
}

double ComponentAvailability(AssetKind kind, const Scenario* scenario) {
  if (scenario != nullptr) {
    auto it = scenario->availability.find(std::string(core::ToString(kind)));
    if (it != scenario->availability.end()) return it->second;
  }
  return DefaultAvailability(kind);
}

std::vector<SlaTier> DefaultSlaTiers() {
  return {{"Platina", "critical", 0.9999, "24/7", {}},
          {"Guld", "high", 0.999, "24/7", {}},
          {"Silver", "medium", 0.995, "office", {}},
          {"Brons", "low", 0.99, "office", {}}};
}

std::vector<SlaTier> SlaTiers(const Scenario* scenario) {
  if (scenario != nullptr && !scenario->sla.empty()) return scenario->sla;
  return DefaultSlaTiers();
}

RiskReport ComputeRisk(const RiskInput& in, core::Diagnostics& diagnostics) {
  RiskReport report;
  report.tiers = SlaTiers(in.scenario);
  report.has_target = !in.placements.empty();
  const core::GraphView& g = *in.graph;
  risk_parts::CheckKOfN(in, diagnostics);
  const Model today = risk_model::BuildModel(in, false);
  const Solved now = risk_model::Solve(today, in);
  ReportCycles(today, now, g, report, diagnostics);
  const Model target_model = risk_model::BuildModel(in, true);
  const Solved then = risk_model::Solve(target_model, in);

  std::map<Id, ComponentImportance> importance;
  for (Id v = 0; v < today.assets; ++v) {
    const core::Asset& a = g.asset(AssetId{v});
    if (a.kind != AssetKind::kService) continue;
    ServiceRisk r = ServiceWithTier(a, report.tiers, diagnostics);
    const State& st = now.states[now.component[v]];
    const State& tt = then.states[then.component[v]];
    if (st.unknown) {
      diagnostics.Warning({a.provenance.source, a.provenance.line, 0}, "RSK002",
                          "service '" + a.name +
                              "': no dependencies known (depends_on, runs_on, ...); its "
                              "availability is unknown");
    } else {
      Today(today, now, g, v, r, importance);
    }
    if (!tt.unknown) {
      r.availability_target = tt.availability;
      r.single_points_target = SinglePoints(target_model, then, v, g);
    }
    if (r.required && r.availability_today) r.meets_today = *r.availability_today >= *r.required;
    if (r.required && r.availability_target) {
      r.meets_target = *r.availability_target >= *r.required;
    }
    report.services.push_back(std::move(r));
  }
  std::sort(report.services.begin(), report.services.end(),
            [](const ServiceRisk& a, const ServiceRisk& b) {
              return std::tie(a.org, a.service) < std::tie(b.org, b.service);
            });
  for (auto& [x, ci] : importance) {
    const core::Asset& a = g.asset(AssetId{x});
    ci.org = a.org;
    ci.asset = a.name;
    ci.kind = a.kind;
    ci.availability = today.own[x];
    report.importance.push_back(ci);
  }
  std::stable_sort(report.importance.begin(), report.importance.end(),
                   [](const ComponentImportance& a, const ComponentImportance& b) {
                     return a.birnbaum > b.birnbaum;
                   });
  risk_parts::ComputeEos(in, report, diagnostics);
  risk_parts::ComputeUnmanaged(in, report);
  risk_parts::ComputeWindows(in, report);
  risk_parts::ComputeConcentration(in, report);
  return report;
}

}  // namespace samdrift::planners
