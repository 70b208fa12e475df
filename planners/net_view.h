// What `samdrift net` and the report share about address plans: the planner's options taken
// from a scenario, the run itself over assets, and the VLAN clashes grouped per id and purpose.
#ifndef SAMDRIFT_PLANNERS_NET_VIEW_H_
#define SAMDRIFT_PLANNERS_NET_VIEW_H_

#include <functional>
#include <string>
#include <vector>

#include "core/diagnostics.h"
#include "core/model.h"
#include "core/result.h"
#include "planners/net_plan.h"
#include "planners/scenario.h"

namespace samdrift::planners {

// The planner's input (read from the assets) and its plan.
struct NetAnalysis {
  NetInput input;
  NetPlan plan;
};

// The addressing part of a scenario (orgs order, merged VRFs, IPv4 and IPv6 pools).
NetOptions NetOptionsOf(const Scenario& scenario);

// Runs PlanNetwork over the assets `for_each` visits (only the scenario's orgs are read).
// Stored values that do not parse are warnings in `skipped`; a failed visit fails the whole.
core::Result<NetAnalysis> AnalyseNetwork(
    const Scenario& scenario,
    const std::function<core::Status(const std::function<void(const core::Asset&)>&)>& for_each,
    core::Diagnostics& skipped);

// One VLAN id used for one purpose, with the orgs that use it so (sorted). Rows come by id,
// then purpose: as many per id as purposes, not one per pair of orgs.
struct VlanPurpose {
  int vid = 0;
  std::string purpose;  // the names joined, quoted: "\"Klienter\""
  std::vector<std::string> orgs;
};
std::vector<VlanPurpose> GroupVlanPurposes(const std::vector<VlanPair>& pairs);

}  // namespace samdrift::planners

#endif  // SAMDRIFT_PLANNERS_NET_VIEW_H_
