#include "planners/waves.h"

#include <algorithm>
#include <cstdio>
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

// Of the items an item waits for, the reason names this many.
constexpr std::size_t kAfterShown = 3;

std::string Join(const std::vector<std::string>& items, std::size_t most) {
  std::string out;
  for (std::size_t i = 0; i < items.size() && i < most; ++i) {
    if (i) out += ", ";
    out += items[i];
  }
  return out;
}

std::string Format(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f", value);
  return buffer;
}

WaveBlock Block(WaveBlock::Kind kind, double limit, std::string name = {}) {
  WaveBlock block;
  block.kind = kind;
  block.limit = limit;
  block.name = std::move(name);
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
        wave.items.push_back(items_[i].id);
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
  for (const std::string& dep : item.depends_on) {
    auto it = moves.index.find(dep);
    if (it == moves.index.end() || moves.group_of[it->second] == moves.group_of[i]) continue;
    if (why.after.size() < kAfterShown) {
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

// The English sentence of item `i`: its own reason (moved out of the item), then `why`.
std::string ReasonFor(std::string reason, const WaveWhy& why, int wave, int move_group) {
  if (!reason.empty()) reason += "; ";
  if (why.cycle_items > 0) {
    reason += "moves with its dependency cycle (move group " + std::to_string(move_group) + ", " +
              std::to_string(why.cycle_items) + " items); ";
  }
  if (!why.after.empty()) {
    reason += "after " + Join(why.after, kAfterShown);
    if (why.after_more > 0) reason += " and " + std::to_string(why.after_more) + " more";
    reason += "; ";
  }
  if (wave == why.ready_wave) {
    reason += why.ready_wave == 1
                  ? "wave 1: nothing to wait for"
                  : "wave " + std::to_string(wave) + ": the first after its dependencies";
  } else {
    reason += "wave " + std::to_string(wave) + ": ready in wave " + std::to_string(why.ready_wave) +
              " but held back by " + ToText(why.held_by);
  }
  if (why.foundational) reason += "; built first, outside the wave's limits";
  if (why.past_eol) reason += "; past end of support, so early";
  return reason;
}

// Items in wave order with their reasons: first the reasons (they look up other items by id),
// then the items move into the plan, each reason taking over the item's own text.
void PlaceItems(std::vector<WaveItem>& items, MoveGroups& moves, WavePlan& plan) {
  std::vector<std::pair<std::size_t, int>> wave_of_item;  // in wave order
  wave_of_item.reserve(items.size());
  std::vector<WaveWhy> whys(items.size());
  for (const Wave& wave : plan.waves) {
    for (const std::string& id : wave.items) {
      const std::size_t i = moves.index.at(id);
      wave_of_item.emplace_back(i, wave.number);
      whys[i] = WhyFor(i, items[i], moves);
    }
  }
  moves.index = {};  // its keys view the ids that move now
  plan.items.reserve(wave_of_item.size());
  for (const auto& [i, wave] : wave_of_item) {
    PlannedItem& p = plan.items.emplace_back();
    p.item = std::move(items[i]);
    p.wave = wave;
    p.move_group = static_cast<int>(moves.group_of[i]) + 1;
    p.reason = ReasonFor(std::move(p.item.reason), whys[i], wave, p.move_group);
    p.item.reason.clear();
    p.why = std::move(whys[i]);
  }
}

}  // namespace

std::string ToText(const WaveBlock& block) {
  switch (block.kind) {
    case WaveBlock::Kind::kPriority:
      return "items placed first (higher priority)";
    case WaveBlock::Kind::kItemLimit:
      return "the wave's item limit (" + std::to_string(static_cast<long long>(block.limit)) + ")";
    case WaveBlock::Kind::kKwLimit:
      return "the wave's kW limit (" + Format(block.limit) + ")";
    case WaveBlock::Kind::kHoursLimit:
      return "the wave's hours limit (" + Format(block.limit) + ")";
    case WaveBlock::Kind::kRedundancy:
      return "redundancy group '" + block.name + "' (at most " + std::to_string(block.cap) +
             " of " + std::to_string(block.size) + " members per wave)";
    case WaveBlock::Kind::kHallRoom:
      return "room in hall '" + block.name + "'";
  }
  return {};
}

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
    item.why.outside_filter = static_cast<int>(dropped);
    if (!item.reason.empty()) item.reason += "; ";
    item.reason += "waits for " + std::to_string(dropped) + (dropped == 1 ? " item" : " items") +
                   " outside the plan's filter";
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
