// Migration waves: order the plan's items so that dependencies come first, tightly coupled items
// (dependency cycles) move together, redundancy groups never move whole in one wave, per-wave
// limits and hall capacity hold. Deterministic: the same problem gives the same plan.
#ifndef SAMDRIFT_PLANNERS_WAVES_H_
#define SAMDRIFT_PLANNERS_WAVES_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/result.h"
#include "planners/scenario.h"

namespace samdrift::planners {

// Why an item exists, as facts beside its English `reason` (the report renders them in its
// language): what made it and the figures its sentence names.
struct ItemWhy {
  enum class Kind : std::uint8_t {
    kOther,        // only the sentence (an item a caller made)
    kGap,          // a gap of the target (its reason is the gap's: planners::GapWhy)
    kNetworkCore,  // built first: the joint network core in hall `place`
    kPlatform,     // built first: the standard platform `place` (the hypervisor's name)
    kMove,         // a device moving from `place` ("" unknown) to item.hall_in, rack `rack` U`u`
    kCutOver,      // a service's cut-over once what it needs has moved
  };
  Kind kind = Kind::kOther;
  std::string place;
  std::string hall;  // kNetworkCore, kPlatform: where it is built ("" for the platform: unknown)
  std::string rack;
  int u = 0;
  bool new_rack = false;
  int outside_filter = 0;  // dependencies FilterWaveItems dropped ("waits for 2 items outside")
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
  std::string name;
  int cap = 0;
  int size = 0;
};
// The English text: "the wave's kW limit (40.0)", "room in hall 'H'", ...
std::string ToText(const WaveBlock& block);

// Why a planned item is in its wave, as facts beside PlannedItem::reason.
struct WaveWhy {
  int cycle_items = 0;             // items of its dependency cycle (0: not in one)
  std::vector<std::string> after;  // the first 3 items it waits for in other move groups
  int after_more = 0;              // and this many more
  int ready_wave = 0;              // the wave it was ready for (== its wave: not held back)
  WaveBlock held_by;               // when ready_wave < its wave
  bool foundational = false;       // built first, outside the wave's limits
  bool past_eol = false;           // past end of support, so early
};

// One thing that changes: a gap to close, a device to move, a platform to build.
struct WaveItem {
  std::string id;  // unique and stable, e.g. "varnamo:esx01:migrate"
  std::string org;
  std::string asset;     // the asset's name as imported (or the built thing's name)
  std::string action;    // upgrade | replace | migrate | retire
  std::string kind;      // asset kind ("vm", "device", ...), or "build" for things built first
  std::string category;  // datacenter | network | platform | client ("" when not known)
  double kw = 0;         // power moved
  double hours = 0;      // effort
  bool past_end_of_support = false;
  int criticality = 1;           // 0 low, 1 medium (default), 2 high, 3 critical
  std::string redundancy_group;  // members never all in one wave; "" for none
  // Hall load this item changes when it lands: + into `hall_in`, - from `hall_out`.
  std::string hall_in;
  std::string hall_out;
  double hall_kw = 0;
  double hall_positions = 0;            // rack positions (fractional: a device's share of a rack)
  std::vector<std::string> depends_on;  // ids of items that must land in an earlier wave
  std::string reason;                   // why the item exists (from the gap or the hall plan)
  ItemWhy why;                          // the same as facts
};

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
  int number = 0;                  // 1-based
  std::vector<std::string> items;  // ids, in plan order
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
  WaveItem item;  // as planned; its reason has moved into `reason`
  int wave = 0;
  int move_group = 0;  // items of one dependency cycle share a group number
  std::string reason;  // item's reason plus what it waits for and why this wave
  WaveWhy why;         // what it waits for and why this wave, as facts (item.why: the rest)
};

struct MoveGroup {
  int number = 0;
  std::vector<std::string> members;  // item ids; more than one for a dependency cycle
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

// Keeps the items whose category is one of `categories` and whose action is one of `actions`
// (an empty list keeps any). A kept item's dependencies on dropped items are removed, and its
// reason says how many it had ("waits for 2 items outside the plan's filter").
void FilterWaveItems(WaveProblem& problem, const std::vector<std::string>& categories,
                     const std::vector<std::string>& actions);

// Plans the waves. Fails (kInvalidInput) only on malformed input: duplicate item ids. Cycles,
// oversized groups and full halls never fail the plan: they are reported in it. The items move
// into the plan (pass the problem with std::move when it is not needed again).
core::Result<WavePlan> PlanWaves(WaveProblem problem);

}  // namespace samdrift::planners

#endif  // SAMDRIFT_PLANNERS_WAVES_H_
