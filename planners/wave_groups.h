// The move groups of a wave problem (waves.cc's first steps, internal to planners/): the items
// in id order, their dependency cycles condensed into groups, each group's totals, the longest
// chain of groups and the lower bound on the number of waves.
#ifndef SAMDRIFT_PLANNERS_WAVE_GROUPS_H_
#define SAMDRIFT_PLANNERS_WAVE_GROUPS_H_

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/result.h"
#include "planners/waves.h"

namespace samdrift::planners::internal {

inline constexpr double kEpsilon = 1e-9;

// Items that move together: one item, or the items of one dependency cycle.
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
  std::optional<WaveBlock> first_block;  // why it could not go in the first wave it was ready for
  int ready_wave = 0;
};

struct MoveGroups {
  std::vector<Group> groups;                   // numbered by their first member in id order
  std::vector<std::size_t> group_of;           // item -> group
  std::map<std::string, int> redundancy_size;  // redundancy group -> items in the problem

  // At most this many members of a redundancy group move in one wave.
  int RedundancyCap(const std::string& group) const;
};

// Groups the items; fails on a duplicate id. Dependencies on an index outside the items and on
// the item itself are ignored with a warning in `plan`; each cycle is listed in plan.cycles (its
// members: indices into `items`).
core::Result<MoveGroups> FormMoveGroups(const std::vector<WaveItem>& items, WavePlan& plan);

// The lower bound on waves (see planners/README.md), never more than the planner achieves.
LowerBound BoundWaves(const MoveGroups& moves, const WaveLimits& limits, std::size_t items);

}  // namespace samdrift::planners::internal

#endif  // SAMDRIFT_PLANNERS_WAVE_GROUPS_H_
