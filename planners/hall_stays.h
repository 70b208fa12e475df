// Internal to the hall input (hall_input.cc, hall_stays.cc): the scenario's keep_halls and
// site_bound names checked against the store.
#ifndef SAMDRIFT_PLANNERS_HALL_STAYS_H_
#define SAMDRIFT_PLANNERS_HALL_STAYS_H_

#include <set>
#include <string>
#include <vector>

#include "core/diagnostics.h"
#include "core/model.h"
#include "planners/hall_input.h"
#include "planners/scenario.h"

namespace samdrift::planners {

// The halls keep_halls names ("org/site/hall"), each one of `known` (every existing hall, same
// form): an unknown one is a located error (HAL003) naming the closest, one that is also a
// target hall's `from` too (HAL004).
std::set<std::string> KeptHalls(const Scenario& scenario, const std::vector<std::string>& known,
                                core::Diagnostics& diagnostics);

// The devices site_bound names, (org, asset name) of a device in the estate: an unknown one is
// a located error (HAL005) naming the closest device of that org.
AssetNames SiteBoundNames(const Scenario& scenario, const core::Estate& estate,
                          core::Diagnostics& diagnostics);

}  // namespace samdrift::planners

#endif  // SAMDRIFT_PLANNERS_HALL_STAYS_H_
