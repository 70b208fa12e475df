// `samdrift halls` and `samdrift halls --choose` share what they read: the scenario, the
// estate, the device-type catalog and what the target retires.
#ifndef SAMDRIFT_TOOLS_HALLS_CHOOSE_H_
#define SAMDRIFT_TOOLS_HALLS_CHOOSE_H_

#include <vector>

#include "core/device_types.h"
#include "core/result.h"
#include "core/store.h"
#include "planners/hall_input.h"
#include "planners/scenario.h"
#include "tools/command.h"
#include "tools/planning_inputs.h"

namespace samdrift::tools {

struct HallsInputs {
  PlanningInputs inputs;
  planners::Scenario scenario;  // the default scenario without --scenario
  std::vector<core::DeviceType> device_types;
  planners::AssetNames retired;  // the target's retire gaps (none without a scenario)
};

core::Result<HallsInputs> LoadHallsInputs(const core::Store& store, PlanningOptions options,
                                          core::Diagnostics& diagnostics);

// `halls --choose`: every set of siting.count candidate halls planned and ranked (docs/cli.md).
int RunHallsChoose(const core::Store& store, const PlanningOptions& options, Format format);

}  // namespace samdrift::tools

#endif  // SAMDRIFT_TOOLS_HALLS_CHOOSE_H_
