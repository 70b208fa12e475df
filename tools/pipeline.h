// The planning pipeline shared by `plan`, `report` and `demo`: target (gaps), hall plan and
// migration waves, computed once from the same inputs.
#ifndef SAMDRIFT_TOOLS_PIPELINE_H_
#define SAMDRIFT_TOOLS_PIPELINE_H_

#include <memory>
#include <optional>

#include "core/graph.h"
#include "planners/hall_input.h"
#include "planners/hall_plan.h"
#include "planners/target.h"
#include "planners/waves.h"
#include "tools/command.h"
#include "tools/planning_inputs.h"

namespace samdrift::tools {

struct Pipeline {
  PlanningInputs inputs;
  std::unique_ptr<core::GraphView> graph;  // over inputs.estate
  planners::Scenario scenario;             // the scenario used (the default when none given)
  planners::TargetPlan target;
  planners::HallPlan halls;
  planners::WavePlan waves;
};

// What the caller reads afterwards. kWavesOnly (`samdrift plan`) frees the estate, graph, target
// and hall plan as soon as the wave problem is built, so that at national scale they and the
// wave planner's own data are not in memory at once; only `waves` (and `scenario`) remain.
enum class PipelineKeep { kEverything, kWavesOnly };

// The devices the target retires (its retire gaps), which the hall plan does not place: the one
// set `plan`, `report` and `halls` all use.
planners::AssetNames RetiredByTarget(const planners::TargetPlan& target);

// Runs target, halls and waves. Problems go to `diagnostics`; a failed step fails the whole.
core::Result<std::unique_ptr<Pipeline>> RunPipeline(const GlobalOptions& global,
                                                    const PlanningOptions& options,
                                                    core::Diagnostics& diagnostics,
                                                    PipelineKeep keep = PipelineKeep::kEverything);

}  // namespace samdrift::tools

#endif  // SAMDRIFT_TOOLS_PIPELINE_H_
