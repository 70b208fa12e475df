// What `compare`, `demo` and `report` share about comparing scenarios: every scenario and costs
// file read and checked first (all problems reported, nothing planned on any), one estate loaded
// for all, then each scenario planned, priced and scored (planners/compare.h).
#ifndef SAMDRIFT_TOOLS_COMPARE_RUN_H_
#define SAMDRIFT_TOOLS_COMPARE_RUN_H_

#include <iosfwd>
#include <memory>
#include <string>
#include <vector>

#include "core/diagnostics.h"
#include "core/result.h"
#include "core/store.h"
#include "planners/compare.h"
#include "planners/pipeline.h"

namespace samdrift::tools {

struct Comparison {
  std::vector<planners::ScenarioComparison> scenarios;  // in the order given
  core::OrgNames org_names;
};

// Reads the scenarios at `paths` and their costs files, checks them against the store and the
// catalog (bundled plus `catalogs`), plans each over one estate and adds the sensitivity.
// Two scenarios of one name are a located error (SCN012); the status says which step failed.
// `jobs`: how many scenarios are planned at once; 0: two on a machine of two cores or more, one
// for an estate of more than 1,000,000 assets (memory). The result and the diagnostics are the
// same for any number.
core::Result<Comparison> CompareScenarios(const core::Store& store,
                                          const std::vector<std::string>& paths,
                                          const std::vector<std::string>& catalogs,
                                          core::Diagnostics& diagnostics, std::size_t jobs = 0);

// The same over `base` (the report's: its graph built, its estate of `base_orgs`, empty for every
// org, its catalog read from `catalogs`), so that the estate is read once; when a scenario names
// an org the base lacks, the scenarios get an estate of their own as above. `planned`, when
// given, is the caller's run over `base` (RunPipeline with kCompareSteps, no --date) of the
// scenario file it names: that scenario is priced from it instead of being planned again.
core::Result<Comparison> CompareScenarios(const core::Store& store,
                                          const std::vector<std::string>& paths,
                                          const std::vector<std::string>& catalogs,
                                          const std::shared_ptr<const planners::PlanningBase>& base,
                                          const std::vector<std::string>& base_orgs,
                                          core::Diagnostics& diagnostics,
                                          const planners::PipelineResult* planned = nullptr);

// The JSON of docs/cli.md ("compare") and the side-by-side table.
std::string CompareJson(const Comparison& comparison);
void PrintCompareTable(const Comparison& comparison, std::ostream& out);

// Money as the tables write it: whole units with thin groups, "1 234 567"; "unknown" for none.
std::string FormatMoney(double amount);

}  // namespace samdrift::tools

#endif  // SAMDRIFT_TOOLS_COMPARE_RUN_H_
