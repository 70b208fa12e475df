// `samdrift halls --choose` (tools/cmd_halls_choose.cc), and the same ranking for the report's
// hall section and `serve`'s GET /api/halls/choose.
#ifndef SAMDRIFT_TOOLS_HALLS_CHOOSE_H_
#define SAMDRIFT_TOOLS_HALLS_CHOOSE_H_

#include <nlohmann/json.hpp>
#include <string>

#include "core/diagnostics.h"
#include "core/result.h"
#include "core/store.h"
#include "planners/pipeline.h"
#include "planners/siting.h"
#include "tools/command.h"
#include "tools/planning_inputs.h"

namespace samdrift::tools {

// The ranking of one scenario's candidate sets (planners/siting.h), after the search: the
// input's price functions are cleared (what they priced is in the sets).
struct HallsChoice {
  planners::Scenario scenario;  // as planned (default without one)
  planners::SitingInput input;
  planners::SitingResult result;
  std::string currency;        // empty: the scenario names no costs file
  double weight_kw_moved = 1;  // SitingInput::WeightKwMoved() of the search
  double seconds = 0;          // the search's time
};

// Every set of siting.count candidate halls planned and ranked over `base`. `run` is the
// scenario's own plan (null without a scenario); when the scenario names a costs file it must
// hold the waves (their pace prices every set). Problems go to `diagnostics`.
core::Result<HallsChoice> ChooseHallsOver(const core::Store& store,
                                          const planners::PlanningBase& base,
                                          const planners::PipelineResult* run,
                                          core::Diagnostics& diagnostics);

// `halls --choose --json` (docs/cli.md).
nlohmann::ordered_json HallsChoiceJson(const HallsChoice& choice);

// `halls --choose`: every set of siting.count candidate halls planned and ranked (docs/cli.md).
int RunHallsChoose(const GlobalOptions& global, PlanningOptions options, Format format);

}  // namespace samdrift::tools

#endif  // SAMDRIFT_TOOLS_HALLS_CHOOSE_H_
