#include "planners/risk_model.h"

#include <algorithm>
#include <iterator>
#include <map>
#include <utility>

#include "planners/availability.h"

namespace samdrift::planners::risk_model {
namespace {

constexpr Id kNone = std::numeric_limits<Id>::max();

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

}  // namespace

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

}  // namespace samdrift::planners::risk_model
