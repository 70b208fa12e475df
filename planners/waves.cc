#include "planners/waves.h"

#include <algorithm>
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/strong_components.hpp>
#include <cmath>
#include <numeric>
#include <set>
#include <tuple>
#include <unordered_map>

namespace samdrift::planners {
namespace {

using Digraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS>;

constexpr double kEpsilon = 1e-9;
// A wave stops looking for more items after this many candidates in a row did not fit.
constexpr int kMaxMisses = 2000;

struct Group {
  std::vector<std::size_t> members;     // item indices, sorted by id
  std::vector<std::size_t> depends_on;  // group indices
  std::vector<std::size_t> dependents;
  double kw = 0;
  double hours = 0;
  bool past_eol = false;
  bool foundational = false;  // builds what others wait for: first, and outside the wave limits
  int criticality = 0;
  std::string org;
  std::map<std::string, int> redundancy;  // group -> members inside this move group
  std::map<std::string, std::pair<double, double>> hall_delta;  // hall -> (positions, kw)
  int chain = 1;  // longest chain of groups ending here
  int wave = 0;
  std::string first_block;  // why it could not go in the first wave it was ready for
  int ready_wave = 0;
};

struct HallState {
  WaveHall hall;
  double positions = 0;
  double kw = 0;
  double Capacity() const {
    double cap = hall.power_kw;
    if (hall.cooling_kw > 0 && (cap <= 0 || hall.cooling_kw < cap)) cap = hall.cooling_kw;
    return cap;
  }
};

std::string Join(const std::vector<std::string>& items, std::size_t most) {
  std::string out;
  for (std::size_t i = 0; i < items.size() && i < most; ++i) {
    if (i) out += ", ";
    out += items[i];
  }
  if (items.size() > most) out += " and " + std::to_string(items.size() - most) + " more";
  return out;
}

std::string Format(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f", value);
  return buffer;
}

}  // namespace

void FilterWaveItems(WaveProblem& problem, const std::vector<std::string>& categories,
                     const std::vector<std::string>& actions) {
  if (categories.empty() && actions.empty()) return;
  auto in = [](const std::vector<std::string>& list, const std::string& value) {
    return list.empty() || std::find(list.begin(), list.end(), value) != list.end();
  };
  std::vector<WaveItem> kept;
  std::set<std::string> kept_ids;
  for (WaveItem& item : problem.items) {
    if (in(categories, item.category) && in(actions, item.action)) {
      kept_ids.insert(item.id);
      kept.push_back(std::move(item));
    }
  }
  for (WaveItem& item : kept) {
    const auto outside = std::remove_if(item.depends_on.begin(), item.depends_on.end(),
                                        [&](const std::string& id) { return !kept_ids.count(id); });
    const auto dropped = static_cast<std::size_t>(item.depends_on.end() - outside);
    item.depends_on.erase(outside, item.depends_on.end());
    if (dropped == 0) continue;
    if (!item.reason.empty()) item.reason += "; ";
    item.reason += "waits for " + std::to_string(dropped) + (dropped == 1 ? " item" : " items") +
                   " outside the plan's filter";
  }
  problem.items = std::move(kept);
}

core::Result<WavePlan> PlanWaves(WaveProblem problem) {
  WavePlan plan;
  std::vector<WaveItem>& items = problem.items;
  const std::size_t n = items.size();

  // Items in id order, so that everything downstream is deterministic.
  std::vector<std::size_t> by_id(n);
  std::iota(by_id.begin(), by_id.end(), 0);
  std::sort(by_id.begin(), by_id.end(),
            [&](std::size_t a, std::size_t b) { return items[a].id < items[b].id; });
  // Keys view the items' ids: valid until the items move into the plan at the end.
  std::unordered_map<std::string_view, std::size_t> index;
  index.reserve(n);
  for (std::size_t i : by_id) {
    if (!index.emplace(items[i].id, i).second) {
      return core::Status::Invalid("plan item '" + items[i].id + "' appears twice");
    }
  }

  // Dependency graph item -> what it needs; cycles become move groups.
  Digraph graph(n);
  for (std::size_t i : by_id) {
    for (const std::string& dep : items[i].depends_on) {
      auto it = index.find(dep);
      if (it == index.end()) {
        plan.warnings.push_back("item '" + items[i].id + "' depends on unknown item '" + dep +
                                "'; ignored");
        continue;
      }
      if (it->second == i) {
        plan.warnings.push_back("item '" + items[i].id + "' depends on itself; ignored");
        continue;
      }
      boost::add_edge(i, it->second, graph);
    }
  }
  std::vector<int> component(n, 0);
  const int component_count =
      n == 0 ? 0
             : boost::strong_components(
                   graph, boost::make_iterator_property_map(
                              component.begin(), boost::get(boost::vertex_index, graph)));

  // Groups numbered by their first member in id order.
  std::vector<int> group_of_component(static_cast<std::size_t>(component_count), -1);
  std::vector<Group> groups;
  std::vector<std::size_t> group_of(n);
  for (std::size_t i : by_id) {
    auto c = static_cast<std::size_t>(component[i]);
    if (group_of_component[c] < 0) {
      group_of_component[c] = static_cast<int>(groups.size());
      groups.emplace_back();
    }
    group_of[i] = static_cast<std::size_t>(group_of_component[c]);
    groups[group_of[i]].members.push_back(i);
  }

  std::map<std::string, int> redundancy_size;
  for (const WaveItem& item : items) {
    if (!item.redundancy_group.empty()) ++redundancy_size[item.redundancy_group];
  }
  auto redundancy_cap = [&](const std::string& group) {
    return std::max(1, redundancy_size[group] / 2);
  };

  for (std::size_t g = 0; g < groups.size(); ++g) {
    Group& group = groups[g];
    std::set<std::size_t> deps;
    std::map<std::string, int> org_count;
    group.criticality = 0;
    for (std::size_t i : group.members) {
      const WaveItem& item = items[i];
      group.kw += item.kw;
      group.hours += item.hours;
      group.past_eol = group.past_eol || item.past_end_of_support;
      group.foundational = group.foundational || item.kind == "build";
      group.criticality = std::max(group.criticality, item.criticality);
      ++org_count[item.org];
      if (!item.redundancy_group.empty() && redundancy_size[item.redundancy_group] >= 2) {
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
      for (auto e : boost::make_iterator_range(boost::out_edges(i, graph))) {
        std::size_t h = group_of[boost::target(e, graph)];
        if (h != g) deps.insert(h);
      }
    }
    group.depends_on.assign(deps.begin(), deps.end());
    for (std::size_t h : group.depends_on) groups[h].dependents.push_back(g);
    group.org =
        std::max_element(org_count.begin(), org_count.end(), [](const auto& a, const auto& b) {
          return a.second < b.second;
        })->first;
    if (group.members.size() > 1) {
      MoveGroup cycle;
      cycle.number = static_cast<int>(g) + 1;
      for (std::size_t i : group.members) cycle.members.push_back(items[i].id);
      plan.cycles.push_back(std::move(cycle));
    }
  }

  // Longest chain (Kahn's order over the condensed graph).
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

  // Lower bound on waves. A move group over a limit goes alone into its wave (and is reported);
  // every other wave stays within the limit. So per limit: the groups over it, plus the rest's
  // total divided by the limit. The same holds per redundancy group, whose limit is its cap of
  // members per wave. Never more than the planner achieves on any input.
  LowerBound& bound = plan.lower_bound;
  for (const Group& g : groups) bound.by_chain = std::max(bound.by_chain, g.chain);
  const WaveLimits& limits = problem.limits;
  auto by_limit = [&](auto amount, double limit) {
    if (!(limit > 0)) return 0;
    int over = 0;
    double rest = 0;
    for (const Group& g : groups) {
      if (g.foundational) continue;  // outside the wave limits
      const double a = amount(g);
      if (a > limit + kEpsilon) {
        ++over;
      } else {
        rest += a;
      }
    }
    return over + static_cast<int>(std::ceil(rest / (limit + kEpsilon) - kEpsilon));
  };
  if (limits.max_items) {
    bound.by_items = by_limit([](const Group& g) { return static_cast<double>(g.members.size()); },
                              *limits.max_items);
  }
  if (limits.max_kw) bound.by_kw = by_limit([](const Group& g) { return g.kw; }, *limits.max_kw);
  if (limits.max_hours) {
    bound.by_hours = by_limit([](const Group& g) { return g.hours; }, *limits.max_hours);
  }
  // Per redundancy group in one pass over the move groups: (groups over the cap, the rest).
  std::map<std::string, std::pair<int, int>> redundancy_load;
  for (const Group& g : groups) {
    for (const auto& [rg, k] : g.redundancy) {
      auto& [over, rest] = redundancy_load[rg];
      if (k > redundancy_cap(rg)) {
        ++over;
      } else {
        rest += k;
      }
    }
  }
  for (const auto& [rg, load] : redundancy_load) {
    const int cap = redundancy_cap(rg);
    bound.by_redundancy = std::max(bound.by_redundancy, load.first + (load.second + cap - 1) / cap);
  }
  bound.waves = std::max({bound.by_chain, bound.by_items, bound.by_kw, bound.by_hours,
                          bound.by_redundancy, n ? 1 : 0});

  // Halls.
  std::map<std::string, HallState> halls;
  for (const WaveHall& h : problem.halls) {
    HallState state;
    state.hall = h;
    state.positions = h.positions_used;
    state.kw = h.power_kw_used;
    halls[h.name] = state;
  }

  // Wave by wave: the ready groups in priority order, greedily, within every limit.
  auto priority = [&](std::size_t g) {
    const Group& group = groups[g];
    return std::make_tuple(group.foundational ? 0 : 1, group.past_eol ? 0 : 1, group.criticality,
                           group.org, g);
  };
  using Key = decltype(priority(0));
  std::set<Key> ready;
  std::fill(pending.begin(), pending.end(), 0);
  for (std::size_t g = 0; g < groups.size(); ++g) {
    pending[g] = static_cast<int>(groups[g].depends_on.size());
    if (pending[g] == 0) {
      groups[g].ready_wave = 1;
      ready.insert(priority(g));
    }
  }

  std::size_t placed = 0;
  int wave_number = 0;
  while (placed < groups.size()) {
    if (ready.empty()) break;  // cannot happen: the condensed graph is acyclic
    ++wave_number;
    Wave wave;
    wave.number = wave_number;
    std::vector<std::size_t> chosen;
    int wave_items = 0;
    std::map<std::string, int> wave_redundancy;
    std::map<std::string, std::pair<double, double>> wave_halls;
    int misses = 0;
    struct {
      int items = 0;
      double kw = 0;
      double hours = 0;
    } free;  // what foundational groups add to the wave, outside its limits

    auto check = [&](const Group& g, std::string& why) {
      const int count = static_cast<int>(g.members.size());
      // What everything else waits for (g.foundational) is never held back by a wave's size:
      // it takes its place first and does not count against the item, kW and hours limits.
      if (!g.foundational) {
        if (limits.max_items && wave_items - free.items + count > *limits.max_items) {
          why = "the wave's item limit (" + std::to_string(*limits.max_items) + ")";
          return false;
        }
        if (limits.max_kw && wave.kw - free.kw + g.kw > *limits.max_kw + kEpsilon) {
          why = "the wave's kW limit (" + Format(*limits.max_kw) + ")";
          return false;
        }
        if (limits.max_hours && wave.hours - free.hours + g.hours > *limits.max_hours + kEpsilon) {
          why = "the wave's hours limit (" + Format(*limits.max_hours) + ")";
          return false;
        }
      }
      for (const auto& [rg, k] : g.redundancy) {
        auto it = wave_redundancy.find(rg);
        int already = it == wave_redundancy.end() ? 0 : it->second;
        if (already + k > redundancy_cap(rg)) {
          why = "redundancy group '" + rg + "' (at most " + std::to_string(redundancy_cap(rg)) +
                " of " + std::to_string(redundancy_size[rg]) + " members per wave)";
          return false;
        }
      }
      for (const auto& [hall, delta] : g.hall_delta) {
        auto it = halls.find(hall);
        if (it == halls.end()) continue;
        const HallState& h = it->second;
        auto w = wave_halls.find(hall);
        double positions =
            h.positions + delta.first + (w == wave_halls.end() ? 0 : w->second.first);
        double kw = h.kw + delta.second + (w == wave_halls.end() ? 0 : w->second.second);
        if ((delta.first > 0 && h.hall.positions > 0 && positions > h.hall.positions + kEpsilon) ||
            (delta.second > 0 && h.Capacity() > 0 && kw > h.Capacity() + kEpsilon)) {
          why = "room in hall '" + hall + "'";
          return false;
        }
      }
      return true;
    };
    auto take = [&](std::size_t gi) {
      Group& g = groups[gi];
      g.wave = wave_number;
      chosen.push_back(gi);
      wave_items += static_cast<int>(g.members.size());
      wave.kw += g.kw;
      wave.hours += g.hours;
      if (g.foundational) {
        free.items += static_cast<int>(g.members.size());
        free.kw += g.kw;
        free.hours += g.hours;
      }
      for (const auto& [rg, k] : g.redundancy) wave_redundancy[rg] += k;
      for (const auto& [hall, delta] : g.hall_delta) {
        wave_halls[hall].first += delta.first;
        wave_halls[hall].second += delta.second;
      }
    };

    for (auto it = ready.begin(); it != ready.end() && misses < kMaxMisses;) {
      const std::size_t gi = std::get<4>(*it);
      std::string why;
      if (check(groups[gi], why)) {
        take(gi);
        it = ready.erase(it);
        misses = 0;
        if (limits.max_items && wave_items - free.items >= *limits.max_items) break;
      } else {
        if (groups[gi].first_block.empty() && groups[gi].ready_wave == wave_number) {
          groups[gi].first_block = why;
        }
        ++misses;
        ++it;
      }
    }
    if (chosen.empty()) {
      // Nothing fits even alone: the first ready group goes alone, reported over its limits.
      const std::size_t gi = std::get<4>(*ready.begin());
      ready.erase(ready.begin());
      std::string why;
      check(groups[gi], why);
      take(gi);
      wave.over_limit.push_back("move group " + std::to_string(gi + 1) + " exceeds " + why);
    }
    // Close the wave: loads, and what becomes ready for the next one.
    for (const auto& [hall, delta] : wave_halls) {
      auto it = halls.find(hall);
      if (it == halls.end()) continue;
      it->second.positions += delta.first;
      it->second.kw += delta.second;
    }
    std::set<std::string> orgs;
    for (std::size_t gi : chosen) {
      ++placed;
      for (std::size_t i : groups[gi].members) {
        wave.items.push_back(items[i].id);
        orgs.insert(items[i].org);
      }
      for (std::size_t d : groups[gi].dependents) {
        if (--pending[d] == 0) {
          groups[d].ready_wave = wave_number + 1;
          ready.insert(priority(d));
        }
      }
    }
    wave.orgs.assign(orgs.begin(), orgs.end());
    for (const auto& [name, h] : halls) {
      wave.halls_after.push_back({name, h.positions, h.kw, h.kw});
    }
    plan.waves.push_back(std::move(wave));
  }

  // Items in wave order with their reasons: first the reasons (they look up other items by
  // id), then the items move into the plan, each reason taking over the item's own text.
  std::vector<std::pair<std::size_t, int>> wave_of_item;  // in wave order
  wave_of_item.reserve(n);
  std::vector<std::string> reasons(n);
  for (const Wave& wave : plan.waves) {
    for (const std::string& id : wave.items) {
      const std::size_t i = index.at(id);
      wave_of_item.emplace_back(i, wave.number);
      const Group& g = groups[group_of[i]];
      const int move_group = static_cast<int>(group_of[i]) + 1;
      std::string reason = std::move(items[i].reason);
      std::vector<std::string> waits;
      for (const std::string& dep : items[i].depends_on) {
        auto it = index.find(dep);
        if (it != index.end() && group_of[it->second] != group_of[i]) waits.push_back(dep);
      }
      if (!reason.empty()) reason += "; ";
      if (g.members.size() > 1) {
        reason += "moves with its dependency cycle (move group " + std::to_string(move_group) +
                  ", " + std::to_string(g.members.size()) + " items); ";
      }
      if (!waits.empty()) reason += "after " + Join(waits, 3) + "; ";
      if (g.wave == g.ready_wave) {
        reason += g.ready_wave == 1
                      ? "wave 1: nothing to wait for"
                      : "wave " + std::to_string(g.wave) + ": the first after its dependencies";
      } else {
        reason += "wave " + std::to_string(g.wave) + ": ready in wave " +
                  std::to_string(g.ready_wave) + " but held back by " +
                  (g.first_block.empty() ? std::string("items placed first (higher priority)")
                                         : g.first_block);
      }
      if (g.foundational) reason += "; built first, outside the wave's limits";
      if (g.past_eol) reason += "; past end of support, so early";
      reasons[i] = std::move(reason);
    }
  }
  index = {};
  plan.items.reserve(wave_of_item.size());
  for (const auto& [i, wave] : wave_of_item) {
    PlannedItem& p = plan.items.emplace_back();
    p.item = std::move(items[i]);
    p.wave = wave;
    p.move_group = static_cast<int>(group_of[i]) + 1;
    p.reason = std::move(reasons[i]);
  }
  return plan;
}

}  // namespace samdrift::planners
