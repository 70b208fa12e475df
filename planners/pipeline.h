// The planning pipeline: one function from (estate, catalog, scenario, date) to the results every
// planning command and the report use: the target (standards and gaps), the hall plan, the
// migration waves (dated with the scenario's timeline) and the risk view. No file or store is
// read here: tools/ reads the inputs once and calls RunPipeline, as often as it needs (several
// scenarios over one estate, a re-plan after a change), with the same base.
#ifndef SAMDRIFT_PLANNERS_PIPELINE_H_
#define SAMDRIFT_PLANNERS_PIPELINE_H_

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/catalog.h"
#include "core/diagnostics.h"
#include "core/graph.h"
#include "core/model.h"
#include "core/result.h"
#include "planners/hall_input.h"
#include "planners/hall_plan.h"
#include "planners/risk.h"
#include "planners/scenario.h"
#include "planners/target.h"
#include "planners/usage.h"
#include "planners/waves.h"

namespace samdrift::planners {

// What every run reads and none changes: the estate, the technology catalog, the device-type
// catalog and the graph view over the estate, built once. Shared (std::shared_ptr) between runs.
struct PlanningBase {
  core::Estate estate;
  core::Catalog catalog;
  std::vector<core::DeviceType> device_types;
  std::unique_ptr<const core::GraphView> graph;  // over `estate`; null when not built
  // The estate matched against the catalog, once per org list, for every run (with the graph).
  std::unique_ptr<UsageMemo> usage = std::make_unique<UsageMemo>();
};

// Whether MakePlanningBase builds the graph view (the target, waves and risk follow relations).
enum class GraphNeed { kNone, kBuild };
// Whether the estate's relations are freed once the graph is built: at national scale they are
// a quarter of the estate's memory, and only the graph (and GraphView::unresolved) reads them.
// Without the graph they are kept (a run builds its own graph from them).
enum class Relations { kKeep, kRelease };

std::shared_ptr<const PlanningBase> MakePlanningBase(core::Estate estate, core::Catalog catalog,
                                                     std::vector<core::DeviceType> device_types,
                                                     GraphNeed graph, Relations relations);

// The steps a run computes. A step computes what it needs: waves need the target and the hall
// plan, risk needs all three. The hall plan leaves out what the target retires when the target
// is computed; without it (`halls` with no scenario) nothing is retired.
enum class Step : unsigned { kTarget = 1, kHalls = 2, kWaves = 4, kRisk = 8 };
class Steps {
 public:
  constexpr Steps(Step step) : bits_(static_cast<unsigned>(step)) {}  // NOLINT: implicit on purpose
  constexpr Steps operator|(Steps other) const { return Steps(bits_ | other.bits_); }
  constexpr bool Has(Step step) const { return (bits_ & static_cast<unsigned>(step)) != 0; }

 private:
  constexpr explicit Steps(unsigned bits) : bits_(bits) {}
  unsigned bits_;
};
constexpr Steps operator|(Step a, Step b) { return Steps(a) | b; }

// What the caller reads afterwards. kWavesOnly (`samdrift plan`) drops the run's hold on the
// base and frees the target and hall plan as soon as the wave problem is built, so that at
// national scale they and the wave planner's own data are not in memory at once (a caller that
// passes its only reference to the base frees the estate and graph there too). Only `waves`,
// `scenario` and `org_names` remain. A run that computes the risk keeps everything.
enum class PipelineKeep { kEverything, kWavesOnly };

struct PipelineRequest {
  // The scenario; null: the default (every org of the estate, the existing halls as they are).
  const Scenario* scenario = nullptr;
  std::string date;  // yyyy-mm-dd overriding the scenario's planned date; empty: the scenario's
  Steps steps = Step::kWaves;
  PipelineKeep keep = PipelineKeep::kEverything;
  // `plan --only` / `--actions`: the waves' items of these categories and actions (empty: all).
  std::vector<std::string> only_categories;
  std::vector<std::string> only_actions;
  // Where the estate came from (the store's path), for diagnostics about it when no scenario
  // file is named (a device that no hall can take, HAL010).
  std::string estate_source;
  // Called after each step with its name ("target planned"), for timing; may be empty.
  std::function<void(std::string_view)> trace;
};

// A run's results: nothing in them points into the request; the target's gaps refer to the
// base's estate and catalog, which `base` keeps while the target is kept.
struct PipelineResult {
  Scenario scenario;  // the one planned with (the default when none), the date applied
  core::OrgNames org_names;
  std::shared_ptr<const PlanningBase> base;  // set with `target`
  std::optional<TargetPlan> target;
  std::optional<HallPlan> halls;
  std::optional<WavePlan> waves;
  std::optional<RiskReport> risk;
  // The risk view's own warnings (RSK001-RSK003): `samdrift risk` prints them, the report not.
  core::Diagnostics risk_warnings;
};

// The scenario a run plans with: `scenario` (null: none given) with `date` (yyyy-mm-dd; empty:
// none) over its planned date; a date alone gives the default scenario with source "--date".
// Null when neither is given: planners then use their defaults (PlanTarget: today, every org).
std::optional<Scenario> ScenarioWithDate(const Scenario* scenario, const std::string& date);

// The devices the target retires (its retire gaps), which the hall plan does not place.
AssetNames RetiredByTarget(const TargetPlan& target);

// Runs the requested steps over `base`. Problems go to `diagnostics`; a failed step fails the
// run. Pass the base by std::move with PipelineKeep::kWavesOnly to free it early.
core::Result<PipelineResult> RunPipeline(std::shared_ptr<const PlanningBase> base,
                                         const PipelineRequest& request,
                                         core::Diagnostics& diagnostics);

}  // namespace samdrift::planners

#endif  // SAMDRIFT_PLANNERS_PIPELINE_H_
