#include "planners/waves.h"

#include <algorithm>
#include <set>
#include <tuple>

#include "planners/wave_groups.h"

namespace samdrift::planners {
namespace {

using internal::Group;
using internal::kEpsilon;
using internal::MoveGroups;

// A wave stops looking for more items after this many candidates in a row did not fit.
constexpr int kMaxMisses = 2000;

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

WaveBlock Block(WaveBlock::Kind kind, double limit, core::Name name = {}) {
  WaveBlock block;
  block.kind = kind;
  block.limit = limit;
  block.name = name;
  return block;
}

// A wave as it fills: its groups, and the load they add per redundancy group and hall.
struct OpenWave {
  Wave wave;
  std::vector<std::size_t> chosen;  // groups
  int items = 0;
  std::map<std::string, int> redundancy;
  std::map<std::string, std::pair<double, double>> halls;  // hall -> (positions, kw)
  struct {
    int items = 0;
    double kw = 0;
    double hours = 0;
  } free;  // what foundational groups add to the wave, outside its limits
};

// Wave by wave: the ready groups in priority order, greedily, within every limit.
class WaveFiller {
 public:
  WaveFiller(const WaveProblem& problem, MoveGroups& moves, WavePlan& plan)
      : items_(problem.items),
        limits_(problem.limits),
        moves_(moves),
        groups_(moves.groups),
        plan_(plan) {
    for (const WaveHall& h : problem.halls) {
      HallState state;
      state.hall = h;
      state.positions = h.positions_used;
      state.kw = h.power_kw_used;
      halls_[h.name] = state;
    }
  }

  void Run() {
    QueueFirstWave();
    std::size_t placed = 0;
    // The ready set runs empty only when everything is placed: the condensed graph is acyclic.
    while (placed < groups_.size() && !ready_.empty()) {
      OpenWave open;
      open.wave.number = static_cast<int>(plan_.waves.size()) + 1;
      Fill(open);
      if (open.chosen.empty()) TakeOversized(open);
      placed += open.chosen.size();
      Close(open);
    }
  }

 private:
  using Key = std::tuple<int, int, int, std::string, std::size_t>;

  // Foundational first, then past end of support, then by criticality, org and number.
  Key Priority(std::size_t g) const {
    const Group& group = groups_[g];
    return std::make_tuple(group.foundational ? 0 : 1, group.past_eol ? 0 : 1, group.criticality,
                           group.org, g);
  }

  void QueueFirstWave() {
    pending_.assign(groups_.size(), 0);
    for (std::size_t g = 0; g < groups_.size(); ++g) {
      pending_[g] = static_cast<int>(groups_[g].depends_on.size());
      if (pending_[g] == 0) {
        groups_[g].ready_wave = 1;
        ready_.insert(Priority(g));
      }
    }
  }

  // Takes the ready groups that fit, in priority order; a group that does not fit notes why
  // when this is the first wave it was ready for.
  void Fill(OpenWave& open) {
    int misses = 0;
    for (auto it = ready_.begin(); it != ready_.end() && misses < kMaxMisses;) {
      const std::size_t gi = std::get<4>(*it);
      WaveBlock why;
      if (Fits(groups_[gi], open, why)) {
        Take(gi, open);
        it = ready_.erase(it);
        misses = 0;
        if (limits_.max_items && open.items - open.free.items >= *limits_.max_items) break;
      } else {
        if (!groups_[gi].first_block && groups_[gi].ready_wave == open.wave.number) {
          groups_[gi].first_block = why;
        }
        ++misses;
        ++it;
      }
    }
  }

  // Nothing fits even alone: the first ready group goes alone, reported over its limits.
  void TakeOversized(OpenWave& open) {
    const std::size_t gi = std::get<4>(*ready_.begin());
    ready_.erase(ready_.begin());
    WaveBlock why;
    Fits(groups_[gi], open, why);
    Take(gi, open);
    open.wave.over_limit.push_back("move group " + std::to_string(gi + 1) + " exceeds " +
                                   ToText(why));
    open.wave.over_limit_why.emplace_back(static_cast<int>(gi + 1), std::move(why));
  }

  bool Fits(const Group& g, const OpenWave& open, WaveBlock& why) const {
    return FitsLimits(g, open, why) && FitsRedundancy(g, open, why) && FitsHalls(g, open, why);
  }

  // What everything else waits for (g.foundational) is never held back by a wave's size: it
  // takes its place first and does not count against the item, kW and hours limits.
  bool FitsLimits(const Group& g, const OpenWave& open, WaveBlock& why) const {
    if (g.foundational) return true;
    const int count = static_cast<int>(g.members.size());
    if (limits_.max_items && open.items - open.free.items + count > *limits_.max_items) {
      why = Block(WaveBlock::Kind::kItemLimit, static_cast<double>(*limits_.max_items));
      return false;
    }
    if (limits_.max_kw && open.wave.kw - open.free.kw + g.kw > *limits_.max_kw + kEpsilon) {
      why = Block(WaveBlock::Kind::kKwLimit, *limits_.max_kw);
      return false;
    }
    if (limits_.max_hours &&
        open.wave.hours - open.free.hours + g.hours > *limits_.max_hours + kEpsilon) {
      why = Block(WaveBlock::Kind::kHoursLimit, *limits_.max_hours);
      return false;
    }
    return true;
  }

  bool FitsRedundancy(const Group& g, const OpenWave& open, WaveBlock& why) const {
    for (const auto& [rg, k] : g.redundancy) {
      auto it = open.redundancy.find(rg);
      int already = it == open.redundancy.end() ? 0 : it->second;
      if (already + k > moves_.RedundancyCap(rg)) {
        why = Block(WaveBlock::Kind::kRedundancy, 0, rg);
        why.cap = moves_.RedundancyCap(rg);
        why.size = moves_.redundancy_size.at(rg);
        return false;
      }
    }
    return true;
  }

  bool FitsHalls(const Group& g, const OpenWave& open, WaveBlock& why) const {
    for (const auto& [hall, delta] : g.hall_delta) {
      auto it = halls_.find(hall);
      if (it == halls_.end()) continue;
      const HallState& h = it->second;
      auto w = open.halls.find(hall);
      double positions = h.positions + delta.first + (w == open.halls.end() ? 0 : w->second.first);
      double kw = h.kw + delta.second + (w == open.halls.end() ? 0 : w->second.second);
      if ((delta.first > 0 && h.hall.positions > 0 && positions > h.hall.positions + kEpsilon) ||
          (delta.second > 0 && h.Capacity() > 0 && kw > h.Capacity() + kEpsilon)) {
        why = Block(WaveBlock::Kind::kHallRoom, 0, hall);
        return false;
      }
    }
    return true;
  }

  void Take(std::size_t gi, OpenWave& open) {
    Group& g = groups_[gi];
    g.wave = open.wave.number;
    open.chosen.push_back(gi);
    open.items += static_cast<int>(g.members.size());
    open.wave.kw += g.kw;
    open.wave.hours += g.hours;
    if (g.foundational) {
      open.free.items += static_cast<int>(g.members.size());
      open.free.kw += g.kw;
      open.free.hours += g.hours;
    }
    for (const auto& [rg, k] : g.redundancy) open.redundancy[rg] += k;
    for (const auto& [hall, delta] : g.hall_delta) {
      open.halls[hall].first += delta.first;
      open.halls[hall].second += delta.second;
    }
  }

  // Close the wave: hall loads, its items and orgs, and what becomes ready for the next one.
  void Close(OpenWave& open) {
    Wave& wave = open.wave;
    for (const auto& [hall, delta] : open.halls) {
      auto it = halls_.find(hall);
      if (it == halls_.end()) continue;
      it->second.positions += delta.first;
      it->second.kw += delta.second;
    }
    std::set<std::string> orgs;
    for (std::size_t gi : open.chosen) {
      for (std::size_t i : groups_[gi].members) {
        wave.items.push_back(static_cast<ItemIndex>(i));  // the plan's index: PlaceItems
        orgs.insert(items_[i].org);
      }
      for (std::size_t d : groups_[gi].dependents) {
        if (--pending_[d] == 0) {
          groups_[d].ready_wave = wave.number + 1;
          ready_.insert(Priority(d));
        }
      }
    }
    wave.orgs.assign(orgs.begin(), orgs.end());
    for (const auto& [name, h] : halls_) {
      wave.halls_after.push_back({name, h.positions, h.kw, h.kw});
    }
    plan_.waves.push_back(std::move(wave));
  }

  const std::vector<WaveItem>& items_;
  const WaveLimits& limits_;
  const MoveGroups& moves_;
  std::vector<Group>& groups_;
  WavePlan& plan_;
  std::map<std::string, HallState> halls_;
  std::vector<int> pending_;  // group -> dependencies not yet placed
  std::set<Key> ready_;
};

// Why item `i` is in its wave, as facts: its cycle, what it waits for and why this wave.
WaveWhy WhyFor(std::size_t i, const WaveItem& item, const MoveGroups& moves) {
  const Group& g = moves.groups[moves.group_of[i]];
  WaveWhy why;
  if (g.members.size() > 1) why.cycle_items = static_cast<int>(g.members.size());
  for (const ItemIndex dep : item.depends_on) {
    if (dep >= moves.group_of.size() || moves.group_of[dep] == moves.group_of[i]) continue;
    if (why.after.size() < FewItems::kMax) {
      why.after.push_back(dep);
    } else {
      ++why.after_more;
    }
  }
  why.ready_wave = g.ready_wave;
  if (g.wave != g.ready_wave && g.first_block) why.held_by = *g.first_block;
  why.foundational = g.foundational;
  why.past_eol = g.past_eol;
  return why;
}

// Problem indices become plan indices (an index outside the problem is dropped: it was warned).
void Renumber(std::vector<ItemIndex>& indices, const std::vector<ItemIndex>& position) {
  std::erase_if(indices, [&](ItemIndex i) { return i >= position.size(); });
  for (ItemIndex& i : indices) i = position[i];
}
void Renumber(FewItems& indices, const std::vector<ItemIndex>& position) {
  for (ItemIndex& i : indices) i = position[i];  // WhyFor kept only indices in the problem
}

// Items in wave order with the facts of why each is there; every index (the waves' items, the
// items' dependencies, the cycles' members) then points into plan.items.
void PlaceItems(std::vector<WaveItem>& items, MoveGroups& moves, WavePlan& plan) {
  std::vector<ItemIndex> position(items.size());
  plan.items.reserve(items.size());
  for (Wave& wave : plan.waves) {
    for (ItemIndex& i : wave.items) {
      position[i] = static_cast<ItemIndex>(plan.items.size());
      PlannedItem& p = plan.items.emplace_back();
      p.why = WhyFor(i, items[i], moves);
      p.wave = wave.number;
      p.move_group = static_cast<int>(moves.group_of[i]) + 1;
      p.item = std::move(items[i]);
      i = position[i];
    }
  }
  for (PlannedItem& p : plan.items) {
    Renumber(p.item.depends_on, position);
    Renumber(p.why.after, position);
  }
  for (MoveGroup& cycle : plan.cycles) Renumber(cycle.members, position);
}

}  // namespace

void FilterWaveItems(WaveProblem& problem, const std::vector<std::string>& categories,
                     const std::vector<std::string>& actions) {
  if (categories.empty() && actions.empty()) return;
  auto in = [](const std::vector<std::string>& list, const std::string& value) {
    return list.empty() || std::find(list.begin(), list.end(), value) != list.end();
  };
  constexpr ItemIndex kDropped = UINT32_MAX;
  std::vector<ItemIndex> kept_as(problem.items.size(), kDropped);
  std::vector<WaveItem> kept;
  for (std::size_t i = 0; i < problem.items.size(); ++i) {
    WaveItem& item = problem.items[i];
    if (in(categories, item.category) && in(actions, item.action)) {
      kept_as[i] = static_cast<ItemIndex>(kept.size());
      kept.push_back(std::move(item));
    }
  }
  for (WaveItem& item : kept) {
    const std::size_t dropped = std::erase_if(item.depends_on, [&](ItemIndex dep) {
      return dep >= kept_as.size() || kept_as[dep] == kDropped;
    });
    for (ItemIndex& dep : item.depends_on) dep = kept_as[dep];
    if (dropped > 0) item.why.outside_filter = static_cast<int>(dropped);
  }
  problem.items = std::move(kept);
}

// The steps: the items' move groups, the lower bound on waves, the waves filled one by one,
// then the items in wave order with their reasons.
core::Result<WavePlan> PlanWaves(WaveProblem problem) {
  WavePlan plan;
  core::Result<MoveGroups> moves = internal::FormMoveGroups(problem.items, plan);
  if (!moves.ok()) return moves.status();
  plan.lower_bound = internal::BoundWaves(*moves, problem.limits, problem.items.size());
  WaveFiller(problem, *moves, plan).Run();
  PlaceItems(problem.items, *moves, plan);
  return plan;
}

}  // namespace samdrift::planners
