#include "planners/wave_groups.h"

#include <algorithm>
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/strong_components.hpp>
#include <cmath>
#include <map>
#include <numeric>
#include <string>
#include <string_view>

namespace samdrift::planners::internal {
namespace {

using Digraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS>;

class GroupBuilder {
 public:
  GroupBuilder(const std::vector<WaveItem>& items, WavePlan& plan)
      : items_(items), plan_(plan), graph_(items.size()) {}

  core::Result<MoveGroups> Run() {
    if (core::Status status = IndexItems(); !status.ok()) return status;
    AddDependencies();
    CondenseCycles();
    CountRedundancy();
    for (std::size_t g = 0; g < out_.groups.size(); ++g) Summarise(g);
    ChainLengths();
    return std::move(out_);
  }

 private:
  // Items in id order, so that everything downstream is deterministic.
  core::Status IndexItems() {
    by_id_.resize(items_.size());
    std::iota(by_id_.begin(), by_id_.end(), 0);
    std::sort(by_id_.begin(), by_id_.end(),
              [&](std::size_t a, std::size_t b) { return items_[a].id < items_[b].id; });
    for (std::size_t k = 1; k < by_id_.size(); ++k) {
      if (items_[by_id_[k - 1]].id == items_[by_id_[k]].id) {
        return core::Status::Invalid("plan item '" + items_[by_id_[k]].id + "' appears twice");
      }
    }
    return core::Status::Ok();
  }

  // Dependency graph item -> what it needs.
  void AddDependencies() {
    for (std::size_t i : by_id_) {
      for (const ItemIndex dep : items_[i].depends_on) {
        if (dep >= items_.size()) {
          plan_.warnings.push_back("item '" + items_[i].id + "' depends on item " +
                                   std::to_string(dep) + ", which is not in the plan; ignored");
          continue;
        }
        if (dep == i) {
          plan_.warnings.push_back("item '" + items_[i].id + "' depends on itself; ignored");
          continue;
        }
        boost::add_edge(i, dep, graph_);
      }
    }
  }

  // Cycles become move groups, numbered by their first member in id order.
  void CondenseCycles() {
    const std::size_t n = items_.size();
    std::vector<int> component(n, 0);
    const int component_count =
        n == 0 ? 0
               : boost::strong_components(
                     graph_, boost::make_iterator_property_map(
                                 component.begin(), boost::get(boost::vertex_index, graph_)));
    std::vector<int> group_of_component(static_cast<std::size_t>(component_count), -1);
    out_.group_of.resize(n);
    for (std::size_t i : by_id_) {
      auto c = static_cast<std::size_t>(component[i]);
      if (group_of_component[c] < 0) {
        group_of_component[c] = static_cast<int>(out_.groups.size());
        out_.groups.emplace_back();
      }
      out_.group_of[i] = static_cast<std::size_t>(group_of_component[c]);
      out_.groups[out_.group_of[i]].members.push_back(i);
    }
  }

  void CountRedundancy() {
    for (const WaveItem& item : items_) {
      if (!item.redundancy_group.empty()) ++out_.redundancy_size[item.redundancy_group];
    }
  }

  // A group's totals, the groups it depends on, its org (most of its members'), and the cycle
  // it forms when it has more than one member.
  void Summarise(std::size_t g) {
    Group& group = out_.groups[g];
    std::vector<std::size_t>& deps = group.depends_on;
    for (std::size_t i : group.members) {
      const WaveItem& item = items_[i];
      Add(item, group);
      for (auto e : boost::make_iterator_range(boost::out_edges(i, graph_))) {
        std::size_t h = out_.group_of[boost::target(e, graph_)];
        if (h != g) deps.push_back(h);
      }
    }
    std::sort(deps.begin(), deps.end());
    deps.erase(std::unique(deps.begin(), deps.end()), deps.end());
    for (std::size_t h : group.depends_on) out_.groups[h].dependents.push_back(g);
    group.org = MostCommonOrg(group.members);
    if (group.members.size() > 1) {
      MoveGroup cycle;
      cycle.number = static_cast<int>(g) + 1;
      for (std::size_t i : group.members) cycle.members.push_back(static_cast<ItemIndex>(i));
      plan_.cycles.push_back(std::move(cycle));
    }
  }

  // The org most of these items belong to (the first in name order among equals). Most move
  // groups are one item: its org, without counting.
  std::string MostCommonOrg(const std::vector<std::size_t>& members) const {
    if (members.size() == 1) return items_[members.front()].org.str();
    std::map<std::string_view, int> org_count;
    for (std::size_t i : members) ++org_count[items_[i].org.view()];
    return std::string(
        std::max_element(org_count.begin(), org_count.end(), [](const auto& a, const auto& b) {
          return a.second < b.second;
        })->first);
  }

  // One member's power, effort, urgency, redundancy and hall load added to its group.
  void Add(const WaveItem& item, Group& group) const {
    group.kw += item.kw;
    group.hours += item.hours;
    group.past_eol = group.past_eol || item.past_end_of_support;
    group.foundational = group.foundational || item.kind == "build";
    group.criticality = std::max(group.criticality, item.criticality);
    if (!item.redundancy_group.empty() && out_.redundancy_size.at(item.redundancy_group) >= 2) {
      ++group.redundancy[item.redundancy_group];
    }
    if (!item.hall_in.empty()) {
      auto& d = group.hall_delta[item.hall_in];
      d.first += item.hall_positions;
      d.second += item.hall_kw;
    }
    if (!item.hall_out.empty()) {
      auto& d = group.hall_delta[item.hall_out];
      d.first -= item.hall_positions;
      d.second -= item.hall_kw;
    }
  }

  // Longest chain (Kahn's order over the condensed graph).
  void ChainLengths() {
    std::vector<Group>& groups = out_.groups;
    std::vector<int> pending(groups.size());
    std::vector<std::size_t> order;
    order.reserve(groups.size());
    for (std::size_t g = 0; g < groups.size(); ++g) {
      pending[g] = static_cast<int>(groups[g].depends_on.size());
      if (pending[g] == 0) order.push_back(g);
    }
    for (std::size_t k = 0; k < order.size(); ++k) {
      for (std::size_t d : groups[order[k]].dependents) {
        groups[d].chain = std::max(groups[d].chain, groups[order[k]].chain + 1);
        if (--pending[d] == 0) order.push_back(d);
      }
    }
  }

  const std::vector<WaveItem>& items_;
  WavePlan& plan_;
  Digraph graph_;
  std::vector<std::size_t> by_id_;
  MoveGroups out_;
};

// Waves one limit needs at least: a move group over the limit goes alone into its wave (and is
// reported); every other wave stays within it. So: the groups over it, plus the rest's total
// divided by the limit. Foundational groups are outside the wave limits.
template <typename Amount>
int ByLimit(const std::vector<Group>& groups, Amount amount, double limit) {
  if (!(limit > 0)) return 0;
  int over = 0;
  double rest = 0;
  for (const Group& g : groups) {
    if (g.foundational) continue;
    const double a = amount(g);
    if (a > limit + kEpsilon) {
      ++over;
    } else {
      rest += a;
    }
  }
  return over + static_cast<int>(std::ceil(rest / (limit + kEpsilon) - kEpsilon));
}

// The same per redundancy group, whose limit is its cap of members per wave, in one pass over
// the move groups: (groups over the cap, the rest).
int ByRedundancy(const MoveGroups& moves) {
  std::map<std::string, std::pair<int, int>> load;
  for (const Group& g : moves.groups) {
    for (const auto& [rg, k] : g.redundancy) {
      auto& [over, rest] = load[rg];
      if (k > moves.RedundancyCap(rg)) {
        ++over;
      } else {
        rest += k;
      }
    }
  }
  int waves = 0;
  for (const auto& [rg, l] : load) {
    const int cap = moves.RedundancyCap(rg);
    waves = std::max(waves, l.first + (l.second + cap - 1) / cap);
  }
  return waves;
}

}  // namespace

int MoveGroups::RedundancyCap(const std::string& group) const {
  auto it = redundancy_size.find(group);
  return std::max(1, (it == redundancy_size.end() ? 0 : it->second) / 2);
}

core::Result<MoveGroups> FormMoveGroups(const std::vector<WaveItem>& items, WavePlan& plan) {
  return GroupBuilder(items, plan).Run();
}

LowerBound BoundWaves(const MoveGroups& moves, const WaveLimits& limits, std::size_t items) {
  LowerBound bound;
  const std::vector<Group>& groups = moves.groups;
  for (const Group& g : groups) bound.by_chain = std::max(bound.by_chain, g.chain);
  if (limits.max_items) {
    bound.by_items = ByLimit(
        groups, [](const Group& g) { return static_cast<double>(g.members.size()); },
        *limits.max_items);
  }
  if (limits.max_kw) {
    bound.by_kw = ByLimit(
        groups, [](const Group& g) { return g.kw; }, *limits.max_kw);
  }
  if (limits.max_hours) {
    bound.by_hours = ByLimit(
        groups, [](const Group& g) { return g.hours; }, *limits.max_hours);
  }
  bound.by_redundancy = ByRedundancy(moves);
  bound.waves = std::max({bound.by_chain, bound.by_items, bound.by_kw, bound.by_hours,
                          bound.by_redundancy, items ? 1 : 0});
  return bound;
}

}  // namespace samdrift::planners::internal
