#include "planners/risk.h"

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <limits>
#include <set>
#include <utility>

#include "core/date.h"
#include "core/text.h"
#include "planners/availability.h"
#include "planners/risk_parts.h"

namespace samdrift::planners {
namespace {

using IdSet = std::vector<Id>;  // sorted, unique

constexpr Id kNone = std::numeric_limits<Id>::max();

// One need of a component: a block of one is a plain need, a block of more is a redundancy of
// which `k` members must be up (1 unless the scenario's k_of_n says more).
struct Block {
  std::vector<Id> ids;
  int k = 1;
};

// What one component needs: blocks in series.
struct Model {
  std::size_t assets = 0;  // vertices [0, assets) are the graph's assets; the rest target halls
  std::vector<double> own;
  std::vector<std::vector<Block>> needs;
  std::vector<std::string> hall_names;  // of the target halls, index - assets
};

Id AsId(AssetId a) { return a.value; }

// Where each device goes in the target: (org, device) -> its target hall's vertex, and whether
// it stays in its rack. Adds the target halls that are not assets to `m`.
struct Place {
  Id hall = kNone;
  bool kept = false;
};
using Placed = std::map<std::pair<std::string, std::string>, Place>;

Placed PlaceDevices(const RiskInput& in, Model& m) {
  Placed placed;
  std::map<std::string, Id> halls = risk_parts::ExistingTargetHalls(in);
  for (const DevicePlacement& p : in.placements) {
    auto [it, added] = halls.emplace(p.hall, static_cast<Id>(m.assets + m.hall_names.size()));
    if (added) m.hall_names.push_back(p.hall);
    placed[{p.org, p.asset}] = {it->second, p.kept};
  }
  return placed;
}

// The cluster a host stands for when something runs on it: one with more than one host.
std::vector<Id> ClusterOf(const core::GraphView& g) {
  std::vector<Id> cluster_of(g.asset_count(), kNone);
  for (Id v = 0; v < g.asset_count(); ++v) {
    if (g.asset(AssetId{v}).kind != AssetKind::kCluster) continue;
    auto members = g.Neighbours(AssetId{v}, RelationKind::kMemberOf, Direction::kIn);
    if (members.size() < 2) continue;
    for (AssetId h : members) {
      if (cluster_of[h.value] == kNone) cluster_of[h.value] = v;
    }
  }
  return cluster_of;
}

IdSet SortedUnique(std::vector<Id> ids) {
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  return ids;
}

// What asset `v` needs besides its power: what it depends on, is installed on, runs on (the
// cluster for a clustered host), is a member of (not clusters), and where it stands.
IdSet Targets(const core::GraphView& g, Id v, const std::vector<Id>& cluster_of,
              const Place* place) {
  const AssetId id{v};
  std::vector<Id> targets;
  for (RelationKind kind : {RelationKind::kDependsOn, RelationKind::kInstalledOn}) {
    for (AssetId t : g.Neighbours(id, kind, Direction::kOut)) targets.push_back(AsId(t));
  }
  for (AssetId t : g.Neighbours(id, RelationKind::kRunsOn, Direction::kOut)) {
    targets.push_back(cluster_of[t.value] != kNone ? cluster_of[t.value] : t.value);
  }
  for (AssetId t : g.Neighbours(id, RelationKind::kMemberOf, Direction::kOut)) {
    if (g.asset(t).kind != AssetKind::kCluster) targets.push_back(AsId(t));
  }
  if (place) {
    targets.push_back(place->hall);
  } else {
    for (AssetId t : g.Neighbours(id, RelationKind::kLocatedIn, Direction::kOut)) {
      targets.push_back(AsId(t));
    }
  }
  return SortedUnique(std::move(targets));
}

// The needs of asset `v` as blocks: its feeds, each target, the targets of one redundancy
// group as one parallel block, and a cluster's hosts.
void AddNeeds(const RiskInput& in, Id v, const std::vector<Id>& cluster_of, const Place* place,
              Model& m) {
  const core::GraphView& g = *in.graph;
  const AssetId id{v};
  const core::Asset& a = g.asset(id);
  // A device that moves into a target hall takes that hall's power; one that stays in its rack
  // keeps its feeds. Two or more feeds (A and B) are parallel.
  if (!place || place->kept) {
    std::vector<Id> feeds;
    for (AssetId t : g.Neighbours(id, RelationKind::kPoweredBy, Direction::kOut)) {
      feeds.push_back(AsId(t));
    }
    IdSet unique = SortedUnique(std::move(feeds));
    if (!unique.empty()) m.needs[v].push_back({std::move(unique), 1});
  }
  std::map<std::pair<std::string, std::string>, std::vector<Id>> groups;
  for (Id t : Targets(g, v, cluster_of, place)) {
    if (t < m.assets) {
      const core::Asset& ta = g.asset(AssetId{t});
      if (!ta.redundancy_group.empty()) {
        groups[{ta.org, ta.redundancy_group}].push_back(t);
        continue;
      }
    }
    m.needs[v].push_back({{t}, 1});
  }
  for (auto& [key, members] : groups) {
    m.needs[v].push_back({std::move(members), RequiredUp(in.scenario, key.first, key.second)});
  }
  if (a.kind == AssetKind::kCluster) {
    std::vector<Id> hosts;
    for (AssetId h : g.Neighbours(id, RelationKind::kMemberOf, Direction::kIn)) {
      hosts.push_back(h.value);
    }
    if (!hosts.empty()) {
      m.needs[v].push_back({std::move(hosts), RequiredUp(in.scenario, a.org, a.name)});
    }
  }
}

Model BuildModel(const RiskInput& in, bool target) {
  const core::GraphView& g = *in.graph;
  Model m;
  m.assets = g.asset_count();
  const Placed placed = target ? PlaceDevices(in, m) : Placed{};
  const std::size_t n = m.assets + m.hall_names.size();
  m.own.resize(n, ComponentAvailability(AssetKind::kHall, in.scenario));
  m.needs.resize(n);
  for (Id v = 0; v < m.assets; ++v) {
    m.own[v] = ComponentAvailability(g.asset(AssetId{v}).kind, in.scenario);
  }
  const std::vector<Id> cluster_of = ClusterOf(g);
  for (Id v = 0; v < m.assets; ++v) {
    const core::Asset& a = g.asset(AssetId{v});
    auto where = a.kind == AssetKind::kDevice ? placed.find({a.org, a.name}) : placed.end();
    AddNeeds(in, v, cluster_of, where == placed.end() ? nullptr : &where->second, m);
  }
  return m;
}

// The availability of one component (a strongly connected component of the model): `spof`, the
// components whose failure alone stops it (itself included), and `residual`, what the parallel
// blocks add: availability = prod(own over spof) * residual.
struct State {
  IdSet spof;
  double residual = 1;
  double availability = 0;
  bool unknown = false;
  bool computed = false;
  std::size_t weakest = std::numeric_limits<std::size_t>::max();  // a component, for the path
};

IdSet Union(const IdSet& a, const IdSet& b) {
  IdSet out;
  out.reserve(a.size() + b.size());
  std::set_union(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
  return out;
}

// The product of the own availabilities of `ids` not in `except`.
double Product(const Model& m, const IdSet& ids, const IdSet& except) {
  double p = 1;
  for (Id x : ids) {
    if (!std::binary_search(except.begin(), except.end(), x)) p *= m.own[x];
  }
  return p;
}

// A redundancy among components: `k` of `comps` must be up.
struct ParallelBlock {
  std::vector<std::size_t> comps;
  int k = 1;
};

struct Solved {
  std::vector<std::size_t> component;    // per vertex
  std::vector<std::vector<Id>> members;  // per component
  std::vector<State> states;             // per component
  std::vector<std::vector<std::size_t>> cycles;
};

// Puts a k-of-n block in series with `st`. A component whose failure leaves fewer than k members
// up (it is a single point of more than n - k of them; of all of them when k is 1) is a common
// cause: in series with the block, once. Given the common causes and what `st` already needs in
// series up, the members are independent: KOfN over their remaining availabilities.
void CombineParallel(const Model& m, const Solved& s, const ParallelBlock& block, State& st) {
  const std::size_t n = block.comps.size();
  IdSet all;
  for (std::size_t d : block.comps) {
    const State& member = s.states[d];
    all.insert(all.end(), member.spof.begin(), member.spof.end());
    st.unknown = st.unknown || member.unknown;
  }
  std::sort(all.begin(), all.end());
  IdSet common;
  const std::size_t spare = n - static_cast<std::size_t>(block.k);
  for (auto it = all.begin(); it != all.end();) {
    auto run = std::upper_bound(it, all.end(), *it);
    if (static_cast<std::size_t>(run - it) > spare) common.push_back(*it);
    it = run;
  }
  const IdSet given = Union(common, st.spof);
  std::vector<double> members;
  for (std::size_t d : block.comps) {
    members.push_back(Product(m, s.states[d].spof, given) * s.states[d].residual);
  }
  st.spof = Union(st.spof, common);
  st.residual *= KOfN(block.k, members);
}

// One pass: components in reverse topological order, each combining the states of what it needs
// (computed once, shared by every component that needs them). Only components some service
// reaches are computed.
Solved Solve(const Model& m, const RiskInput& in) {
  Solved s;
  const std::size_t n = m.own.size();
  std::vector<std::pair<std::size_t, std::size_t>> edges;
  for (std::size_t v = 0; v < n; ++v) {
    for (const Block& block : m.needs[v]) {
      for (Id t : block.ids) edges.emplace_back(v, t);
    }
  }
  s.cycles = DependencyCycles(n, edges, s.component);
  std::size_t count = 0;
  for (std::size_t c : s.component) count = std::max(count, c + 1);
  s.members.resize(count);
  for (std::size_t v = 0; v < n; ++v) s.members[s.component[v]].push_back(static_cast<Id>(v));
  s.states.resize(count);
  std::vector<bool> needed(count, false);
  for (std::size_t v = 0; v < m.assets; ++v) {
    if (in.graph->asset(AssetId{static_cast<Id>(v)}).kind == AssetKind::kService) {
      needed[s.component[v]] = true;
    }
  }
  for (std::size_t c = count; c-- > 0;) {
    if (!needed[c]) continue;
    for (Id v : s.members[c]) {
      for (const Block& block : m.needs[v]) {
        for (Id t : block.ids) needed[s.component[t]] = true;
      }
    }
  }
  for (std::size_t c = 0; c < count; ++c) {
    if (!needed[c]) continue;
    State& st = s.states[c];
    st.spof = s.members[c];
    bool any_need = false;
    std::vector<ParallelBlock> parallel;
    double weakest = 2;
    for (Id v : s.members[c]) {
      for (const Block& block : m.needs[v]) {
        std::vector<std::size_t> comps;
        for (Id t : block.ids) {
          if (s.component[t] != c) comps.push_back(s.component[t]);
        }
        std::sort(comps.begin(), comps.end());
        comps.erase(std::unique(comps.begin(), comps.end()), comps.end());
        if (comps.empty()) continue;
        any_need = true;
        for (std::size_t d : comps) {
          // Tarjan numbers components in reverse topological order: what c needs comes first.
          if (d > c || !s.states[d].computed) st.unknown = true;
        }
        if (st.unknown) continue;
        if (comps.size() > 1) {
          const int k = std::min(block.k, static_cast<int>(comps.size()));
          parallel.push_back({std::move(comps), k});
          continue;
        }
        const State& d = s.states[comps[0]];
        st.spof = Union(st.spof, d.spof);
        st.residual *= d.residual;
        st.unknown = st.unknown || d.unknown;
        if (d.availability < weakest) {
          weakest = d.availability;
          st.weakest = comps[0];
        }
      }
    }
    for (const ParallelBlock& block : parallel) {
      if (st.unknown) break;
      CombineParallel(m, s, block, st);
    }
    // A service that needs nothing has an unknown availability, not 1.
    if (!any_need && s.members[c].size() == 1 && s.members[c][0] < m.assets &&
        in.graph->asset(AssetId{s.members[c][0]}).kind == AssetKind::kService) {
      st.unknown = true;
    }
    st.availability = Product(m, st.spof, {}) * st.residual;
    st.computed = true;
  }
  return s;
}

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
  const Model today = BuildModel(in, false);
  const Solved now = Solve(today, in);
  ReportCycles(today, now, g, report, diagnostics);
  const Model target_model = BuildModel(in, true);
  const Solved then = Solve(target_model, in);

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
