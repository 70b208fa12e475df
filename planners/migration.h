// The migration plan's items, from the target's gaps and the hall plan, with their dependencies
// from the model; PlanWaves (waves.h) orders them. This is where the domain meets the scheduler.
#ifndef SAMDRIFT_PLANNERS_MIGRATION_H_
#define SAMDRIFT_PLANNERS_MIGRATION_H_

#include <string>

#include "core/graph.h"
#include "core/model.h"
#include "planners/hall_plan.h"
#include "planners/scenario.h"
#include "planners/target.h"
#include "planners/waves.h"

namespace samdrift::planners {

// The org of items that belong to no municipality: what the joint organisation builds first.
inline constexpr const char* kJointOrg = "joint";

// Hours of one device's move into a target hall (its item's hours), and of the network core
// built first in each target hall when the scenario pools the network.
inline constexpr double kDeviceMoveHours = 4;
inline constexpr double kHallNetworkHours = 80;

// The id of the plan item made from `gap`: "org:key:capability".
std::string GapItemId(const Gap& gap);

// Items:
// - every gap (upgrade, replace, migrate, retire) with the target's effort estimate;
// - every device the hall plan moves into a target hall (action migrate, its kW and rack share
//   counted against that hall);
// - what must exist first (kind "build"): the network core of each target hall, which every
//   device moving into the hall waits for, and the standard hypervisor platform in the primary
//   hall, which every migrating VM waits for.
// Dependencies: A depends_on B in the model makes A's items wait for B's; a host's items wait
// for the items of the VMs that run on it (the host is emptied first).
WaveProblem BuildWaveProblem(const core::Estate& estate, const core::GraphView& graph,
                             const TargetPlan* target, const HallPlan* halls,
                             const Scenario& scenario);
// The same for a caller that needs only the waves: the gaps' names and reasons move into the
// items and `target.gaps` is left empty (at national scale the gaps and the items would
// otherwise both be in memory).
WaveProblem BuildWaveProblem(const core::Estate& estate, const core::GraphView& graph,
                             TargetPlan&& target, const HallPlan* halls, const Scenario& scenario);

}  // namespace samdrift::planners

#endif  // SAMDRIFT_PLANNERS_MIGRATION_H_
