// The JSON each command prints with --json, one function per command: the CLI prints it and
// `samdrift serve` answers it (GET /api/NAME), so the two can never differ.
#ifndef SAMDRIFT_TOOLS_JSON_VIEWS_H_
#define SAMDRIFT_TOOLS_JSON_VIEWS_H_

#include <nlohmann/json.hpp>
#include <vector>

#include "core/catalog.h"
#include "core/diagnostics.h"
#include "core/result.h"
#include "core/store.h"
#include "planners/overlap.h"
#include "planners/pipeline.h"
#include "planners/risk.h"
#include "planners/scenario.h"
#include "planners/target.h"
#include "planners/waves.h"

namespace samdrift::tools {

core::Result<nlohmann::ordered_json> StatsJson(const core::Store& store);  // cmd_stats.cc
nlohmann::ordered_json OrgsJson(const std::vector<core::OrgInfo>& orgs);   // cmd_orgs.cc
nlohmann::ordered_json OverlapJson(const planners::Overlap& overlap,       // cmd_overlap.cc
                                   const core::Catalog& catalog);
nlohmann::ordered_json TargetJson(const planners::TargetPlan& plan);  // cmd_target.cc
nlohmann::ordered_json PlanJson(const planners::WavePlan& plan);      // cmd_plan.cc
nlohmann::ordered_json RiskJson(const planners::RiskReport& report);  // cmd_risk.cc
// The hall plan of `result` with today's halls' fates (cmd_halls.cc).
nlohmann::ordered_json HallsJson(const planners::PipelineResult& result);
// The steps `halls` runs and what it reads of the store (options.kinds, categories, relations,
// graph), by whether options.scenario names a scenario (cmd_halls.cc).
struct PlanningOptions;
planners::Steps HallSteps(PlanningOptions& options);
// `net` over the store's orgs of `scenario`; what the analysis skips goes to `skipped`
// (cmd_net.cc).
core::Result<nlohmann::ordered_json> NetJson(const core::Store& store,
                                             const planners::Scenario& scenario,
                                             core::Diagnostics& skipped);
// `compare` is CompareJson (compare_run.h).

}  // namespace samdrift::tools

#endif  // SAMDRIFT_TOOLS_JSON_VIEWS_H_
