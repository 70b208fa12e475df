// The hall planner's input read from the estate: the datacenter devices with their figures
// resolved (device-type catalog, else a per-role default flagged as estimated) and the
// scenario's target halls resolved against the existing halls and racks.
#ifndef SAMDRIFT_PLANNERS_HALL_INPUT_H_
#define SAMDRIFT_PLANNERS_HALL_INPUT_H_

#include <set>
#include <string>
#include <utility>
#include <vector>

#include "core/diagnostics.h"
#include "core/model.h"
#include "core/result.h"
#include "planners/hall_plan.h"
#include "planners/scenario.h"

namespace samdrift::planners {

// (org, asset name) pairs, e.g. the devices the target retires (its gaps with action retire).
using AssetNames = std::set<std::pair<std::string, std::string>>;

// Builds the input for PlanHalls from the assets of scenario.orgs (all orgs when empty).
// A datacenter device is an asset of kind device, not of category client, located in a hall
// (its hall or rack is known); devices in `retired` go to HallPlanInput::retired.
// Target halls: the scenario's; a hall with `from:` takes its racks (and, where the scenario
// leaves them out, positions, power and cooling) from the existing hall. A scenario without halls
// keeps every existing hall as it is (capacity as recorded, no rack power budget, no PDU zone,
// redundancy none): the plan is then a report of use against capacity.
// A scenario whose datacenter area is not pooled (`pooled:`) is planned as one without halls.
// An unknown `from:` hall is a located error (HAL001) and the result is Invalid, as is a hall
// of keep_halls the store lacks (HAL003) or that is a target hall (HAL004), and a device of
// site_bound it lacks (HAL005).
// What stays (HallPlanInput::stays, each with why in site_bound): every device of a kept hall,
// and site-bound devices (SiteBoundWhy, or named by site_bound) outside the target halls; in a
// target hall a site-bound device is a device of the plan that keeps its place.
// `today` lists every existing hall; margin is the scenario's design_margin.
core::Result<HallPlanInput> BuildHallInput(const core::Estate& estate,
                                           const std::vector<core::DeviceType>& catalog,
                                           const Scenario& scenario, const AssetNames& retired,
                                           core::Diagnostics& diagnostics);

// True for a role that names a power distribution unit ("PDU", "pdu", "Rack PDU").
bool IsPduRole(std::string_view role);

// True for hall power infrastructure that NetBox records as objects of their own (power panels,
// power feeds: roles "power-panel", "power-feed"): they supply racks and occupy no rack units,
// so the plan neither places nor moves them.
bool IsPowerInfrastructureRole(std::string_view role);

// Why a device of this role stays at its site rather than moving into the joint datacenter
// (campus core, building and access switches, access points, the site's firewall or UPS,
// printers, a role naming the site, campus or building, in English or Swedish); empty when the
// role does not bind it.
std::string SiteBoundWhy(std::string_view role);

}  // namespace samdrift::planners

#endif  // SAMDRIFT_PLANNERS_HALL_INPUT_H_
