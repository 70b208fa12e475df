// What every planning command reads: the scenario (optional), the technology catalog (bundled
// plus --catalog files) and the estate of the scenario's orgs. Used by overlap, target,
// lifecycle and the later planners (plan, halls, report) so they see the same standards.
#ifndef SAMDRIFT_TOOLS_PLANNING_INPUTS_H_
#define SAMDRIFT_TOOLS_PLANNING_INPUTS_H_

#include <CLI/CLI.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/catalog.h"
#include "core/diagnostics.h"
#include "core/result.h"
#include "core/store.h"
#include "planners/scenario.h"
#include "tools/command.h"

namespace samdrift::tools {

struct PlanningOptions {
  std::string scenario;                      // --scenario FILE
  std::vector<std::string> catalogs;         // --catalog FILE (repeatable)
  std::string date;                          // --date yyyy-mm-dd (overrides the scenario's)
  std::vector<std::string> only_categories;  // plan --only: the plan's items of these categories
  std::vector<std::string> only_actions;     // plan --actions: the plan's items of these actions
  // Not options: what the command needs of the store (by default every asset and relation).
  bool with_relations = true;              // false when no graph will be built
  std::vector<core::AssetKind> kinds;      // empty: every kind
  std::vector<core::Category> categories;  // empty: every category
};

// Adds --scenario, --catalog and (with `with_date`) --date to a command.
void AddPlanningOptions(CLI::App& app, PlanningOptions& options, bool with_date);

struct PlanningInputs {
  std::optional<planners::Scenario> scenario;
  core::Catalog catalog;
  core::Estate estate;
  const planners::Scenario* scenario_or_null() const { return scenario ? &*scenario : nullptr; }
};

// Frees the estate's relations (a GraphView built over it no longer needs them): at national
// scale they are a quarter of the estate's memory.
void ReleaseRelations(core::Estate& estate);

// Checks the orgs the scenario names (`orgs:`, each hall's `from:`) against the store's: the
// ones it lacks are located errors in `diagnostics` and the status is kInvalidInput.
core::Status CheckScenarioOrgs(const core::Store& store, const planners::Scenario& scenario,
                               core::Diagnostics& diagnostics);

// Reads scenario, catalog and estate (read-only store). Problems in the files go to
// `diagnostics`; the status says which step failed (usage, invalid input, store).
core::Result<PlanningInputs> LoadPlanningInputs(const GlobalOptions& global,
                                                const PlanningOptions& options,
                                                core::Diagnostics& diagnostics);
// The same from a store that is already open (demo).
core::Result<PlanningInputs> LoadPlanningInputs(const core::Store& store,
                                                const PlanningOptions& options,
                                                core::Diagnostics& diagnostics);

}  // namespace samdrift::tools

#endif  // SAMDRIFT_TOOLS_PLANNING_INPUTS_H_
