// Migration waves: order the plan's items so that dependencies come first, tightly coupled items
// (dependency cycles) move together, redundancy groups never move whole in one wave, per-wave
// limits and hall capacity hold. Deterministic: the same problem gives the same plan.
#ifndef SAMDRIFT_PLANNERS_WAVES_H_
#define SAMDRIFT_PLANNERS_WAVES_H_

#include <array>
#include <cstdint>
#include <initializer_list>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "core/name.h"
#include "core/result.h"
#include "planners/scenario.h"

namespace samdrift::planners {

// An item's place in WaveProblem::items, and in WavePlan::items once planned: a national plan
// holds millions of items, so they refer to each other by number, not by id.
using ItemIndex = std::uint32_t;

// Why an item exists, as facts (the reports render them in their language; ToText(WaveItem) in
// English): what made it and the figures its sentence names.
struct ItemWhy {
  enum class Kind : std::uint8_t {
    kOther,        // only the sentence in item.reason (an item a caller made)
    kGap,          // a gap of the target (item.reason is the gap's: planners::GapWhy)
    kNetworkCore,  // built first: the joint network core in hall `place`
    kPlatform,     // built first: the standard platform `place` (the hypervisor's name)
    kMove,         // a device moving from `place` ("" unknown) to item.hall_in, rack `rack` U`u`
    kCutOver,      // a service's cut-over once what it needs has moved
  };
  core::Name place;
  core::Name hall;  // kNetworkCore, kPlatform: where it is built ("" for the platform: unknown)
  core::Name rack;
  int u = 0;
  int outside_filter = 0;  // dependencies FilterWaveItems dropped ("waits for 2 items outside")
  Kind kind = Kind::kOther;
  bool new_rack = false;
};

// What held a ready item back from the first wave it was ready for.
struct WaveBlock {
  enum class Kind : std::uint8_t {
    kPriority,    // items placed first (higher priority) filled the wave
    kItemLimit,   // the wave's item limit (`limit`)
    kKwLimit,     // the wave's kW limit (`limit`)
    kHoursLimit,  // the wave's hours limit (`limit`)
    kRedundancy,  // redundancy group `name`: at most `cap` of `size` members per wave
    kHallRoom,    // room in hall `name`
  };
  Kind kind = Kind::kPriority;
  double limit = 0;
  core::Name name;
  int cap = 0;
  int size = 0;
};
// The English text: "the wave's kW limit (40.0)", "room in hall 'H'", ...
std::string ToText(const WaveBlock& block);

// Up to three item indices held in place (no allocation per item): WaveWhy::after.
class FewItems {
 public:
  static constexpr std::size_t kMax = 3;
  FewItems() = default;
  FewItems(std::initializer_list<ItemIndex> items) {
    for (ItemIndex i : items) push_back(i);
  }
  void push_back(ItemIndex i) { items_.at(size_++) = i; }
  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  ItemIndex* begin() { return items_.data(); }
  ItemIndex* end() { return items_.data() + size_; }
  const ItemIndex* begin() const { return items_.data(); }
  const ItemIndex* end() const { return items_.data() + size_; }
  const ItemIndex* data() const { return items_.data(); }

 private:
  std::array<ItemIndex, kMax> items_{};
  std::uint32_t size_ = 0;
};

// Why a planned item is in its wave, as facts (ToText(WavePlan, PlannedItem) in English).
struct WaveWhy {
  int cycle_items = 0;        // items of its dependency cycle (0: not in one)
  FewItems after;             // the first 3 items it waits for in other move groups
  int after_more = 0;         // and this many more
  int ready_wave = 0;         // the wave it was ready for (== its wave: not held back)
  WaveBlock held_by;          // when ready_wave < its wave
  bool foundational = false;  // built first, outside the wave's limits
  bool past_eol = false;      // past end of support, so early
};

// One thing that changes: a gap to close, a device to move, a platform to build.
struct WaveItem {
  // The texts that repeat from item to item (org, action, kind, category, group, halls) are
  // interned (core::Name, 4 bytes each), other items are referred to by index and the sentence
  // of why it exists is made from `why` when it is printed: a national plan holds millions.
  // (The members are in an order that leaves no padding.)
  std::string id;     // unique and stable, e.g. "varnamo:esx01:migrate"
  std::string asset;  // the asset's name as imported (or the built thing's name)
  // The items that must land in an earlier wave: indices into WaveProblem::items (into
  // WavePlan::items once planned), in the order of their ids (SortDependencies).
  std::vector<ItemIndex> depends_on;
  std::string reason;  // why a kGap or kOther item exists; "" for the kinds `why` tells in full
  double kw = 0;       // power moved
  double hours = 0;    // effort
  // Hall load this item changes when it lands: + into `hall_in`, - from `hall_out`.
  double hall_kw = 0;
  double hall_positions = 0;  // rack positions (fractional: a device's share of a rack)
  core::Name hall_in;
  core::Name hall_out;
  core::Name org;
  core::Name action;    // upgrade | replace | migrate | retire
  core::Name kind;      // asset kind ("vm", "device", ...), or "build" for things built first
  core::Name category;  // datacenter | network | platform | client ("" when not known)
  core::Name redundancy_group;  // members never all in one wave; "" for none
  int criticality = 1;          // 0 low, 1 medium (default), 2 high, 3 critical
  ItemWhy why;
  bool past_end_of_support = false;
};

// Why the item exists, in English: its `reason`, or the sentence of its `why` ("moves from A to
// H1, rack R01 U12"), then the dependencies FilterWaveItems dropped.
std::string ToText(const WaveItem& item);

// A hall's capacity and its load before the first wave.
struct WaveHall {
  std::string name;
  double positions = 0;
  double power_kw = 0;
  double cooling_kw = 0;
  double positions_used = 0;
  double power_kw_used = 0;
};

struct WaveProblem {
  std::vector<WaveItem> items;
  WaveLimits limits;
  std::vector<WaveHall> halls;
};

struct HallLoad {
  std::string hall;
  double positions_used = 0;
  double power_kw_used = 0;
  // Heat to remove: every kW drawn is a kW of cooling, so it equals power_kw_used; reported
  // beside it because cooling is a limit of its own (the plan keeps both within capacity).
  double cooling_kw_used = 0;
};

struct Wave {
  int number = 0;                // 1-based
  std::vector<ItemIndex> items;  // indices into WavePlan::items, in plan order
  double kw = 0;
  double hours = 0;
  std::vector<std::string> orgs;
  std::vector<HallLoad> halls_after;    // every hall's load after this wave
  std::vector<std::string> over_limit;  // limits this wave breaks (an oversized move group)
  std::string start;                    // yyyy-mm-dd with a timeline (DateWaves), else empty
  std::string end;
  // over_limit as facts: the oversized move group and the limit it breaks.
  std::vector<std::pair<int, WaveBlock>> over_limit_why;
};

struct PlannedItem {
  WaveItem item;  // as planned: its depends_on index WavePlan::items
  int wave = 0;
  int move_group = 0;  // items of one dependency cycle share a group number
  WaveWhy why;         // what it waits for and why this wave, as facts (item.why: the rest)
};

struct MoveGroup {
  int number = 0;
  std::vector<ItemIndex> members;  // indices into WavePlan::items, in id order; more than one
};

struct LowerBound {
  int waves = 0;
  int by_chain = 0;  // longest dependency chain of move groups
  int by_items = 0;
  int by_kw = 0;
  int by_hours = 0;
  int by_redundancy = 0;
};

struct WavePlan {
  std::vector<Wave> waves;
  std::vector<PlannedItem> items;  // in wave order
  std::vector<MoveGroup> cycles;   // move groups formed by dependency cycles
  LowerBound lower_bound;
  std::vector<std::string> warnings;  // e.g. a dependency on an unknown item, ignored
};

// The English sentence of why `item` (one of plan.items) is where it is: why it exists
// (ToText(WaveItem)), then its cycle, what it waits for and why this wave ("after a, b; wave 2:
// the first after its dependencies").
std::string ToText(const WavePlan& plan, const PlannedItem& item);

// The ids of plan items `indices` (a wave's items, a cycle's members, an item's depends_on).
std::vector<std::string> IdsOf(const WavePlan& plan, std::span<const ItemIndex> indices);

// Sorts every item's depends_on by the items' ids and drops repeats: the order in which the plan
// names them (its "after a, b, c" and depends_on).
void SortDependencies(WaveProblem& problem);

// For a caller that names dependencies by id (tests, benchmarks): item k of the problem depends
// on the items whose ids are ids[k] (a missing or shorter list: none), sorted. Returns a warning
// per id not in the problem ("item 'a' depends on unknown item 'ghost'; ignored").
std::vector<std::string> LinkById(WaveProblem& problem,
                                  const std::vector<std::vector<std::string>>& ids);

// Keeps the items whose category is one of `categories` and whose action is one of `actions`
// (an empty list keeps any). A kept item's dependencies on dropped items are removed, and its
// why.outside_filter says how many it had ("waits for 2 items outside the plan's filter").
void FilterWaveItems(WaveProblem& problem, const std::vector<std::string>& categories,
                     const std::vector<std::string>& actions);

// Plans the waves. Fails (kInvalidInput) only on malformed input: duplicate item ids. Cycles,
// oversized groups and full halls never fail the plan: they are reported in it. The items move
// into the plan (pass the problem with std::move when it is not needed again).
core::Result<WavePlan> PlanWaves(WaveProblem problem);

}  // namespace samdrift::planners

#endif  // SAMDRIFT_PLANNERS_WAVES_H_
