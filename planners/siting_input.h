// The input of ChooseHalls (siting.h) read from the estate and the scenario: every existing hall
// of the scenario's orgs and every `siting.candidates` entry as a candidate, with its capacity
// (as `halls --scenario` resolves it, so the chosen set planned there gives the same plan) and
// its site's coordinates (site attributes `latitude`/`longitude`).
#ifndef SAMDRIFT_PLANNERS_SITING_INPUT_H_
#define SAMDRIFT_PLANNERS_SITING_INPUT_H_

#include <vector>

#include "core/diagnostics.h"
#include "core/model.h"
#include "core/result.h"
#include "planners/hall_input.h"
#include "planners/siting.h"

namespace samdrift::planners {

// Problems are located: a site's coordinates out of range (SIT001, warning, at the site's
// record; the distance is then unknown), a hall without coordinates (SIT002, warning, at the
// hall's record), an existing hall without recorded positions or power (SIT003, warning),
// `siting.count` larger than the candidates (SIT004, error at the scenario's `siting:`).
core::Result<SitingInput> BuildSitingInput(const core::Estate& estate,
                                           const std::vector<core::DeviceType>& catalog,
                                           const Scenario& scenario, const AssetNames& retired,
                                           core::Diagnostics& diagnostics);

// The scenario `halls --scenario` plans for a set: `scenario` with the set's halls as its
// target halls (the first primary), each existing hall by `from:`.
Scenario ScenarioForSet(const Scenario& scenario, const std::vector<HallCandidate>& candidates,
                        const std::vector<std::size_t>& set);

}  // namespace samdrift::planners

#endif  // SAMDRIFT_PLANNERS_SITING_INPUT_H_
