// What every planning command reads, once: the scenario file (optional), the technology catalog
// (bundled plus --catalog files), --date, and from the store (opened once) the estate of the
// scenario's orgs and the device types. The planners get them as a planners::PlanningBase and a
// planners::PipelineRequest (planners/pipeline.h); nothing below tools/ reads a file.
#ifndef SAMDRIFT_TOOLS_PLANNING_INPUTS_H_
#define SAMDRIFT_TOOLS_PLANNING_INPUTS_H_

#include <CLI/CLI.hpp>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/catalog.h"
#include "core/diagnostics.h"
#include "core/result.h"
#include "core/store.h"
#include "planners/pipeline.h"
#include "planners/scenario.h"
#include "tools/command.h"

namespace samdrift::tools {

struct PlanningOptions {
  std::string scenario;                      // --scenario FILE
  std::vector<std::string> catalogs;         // --catalog FILE (repeatable)
  std::string date;                          // --date yyyy-mm-dd (overrides the scenario's)
  std::vector<std::string> only_categories;  // plan --only: the plan's items of these categories
  std::vector<std::string> only_actions;     // plan --actions: the plan's items of these actions
  // Not options: what the command needs of the store (by default every asset and relation)
  // and whether the graph view is built over the estate (then its relations may be freed).
  bool with_relations = true;              // false when no graph will be built
  std::vector<core::AssetKind> kinds;      // empty: every kind
  std::vector<core::Category> categories;  // empty: every category
  planners::GraphNeed graph = planners::GraphNeed::kNone;
  planners::Relations relations = planners::Relations::kKeep;
};

// Adds --scenario, --catalog and (with `with_date`) --date to a command. With `scenarios`,
// --scenario is repeatable and fills it (the caller sets options.scenario to the first).
void AddPlanningOptions(CLI::App& app, PlanningOptions& options, bool with_date,
                        std::vector<std::string>* scenarios = nullptr);

// The files, read and checked before the store is opened: a typo in them is reported first.
struct PlanningFiles {
  std::optional<planners::Scenario> scenario;  // --scenario as written (without --date)
  std::string date;                            // --date, checked
  core::Catalog catalog;
};

struct PlanningInputs {
  std::optional<planners::Scenario> scenario;  // --scenario as written (without --date)
  std::string date;                            // --date, checked
  std::string store_path;
  std::unique_ptr<core::Store> store;  // read-only, when LoadPlanningInputs opened it
  std::shared_ptr<const planners::PlanningBase> base;
  // The scenario with --date applied (planners::ScenarioWithDate); null when neither is given.
  std::optional<planners::Scenario> planned;
  const planners::Scenario* planned_or_null() const { return planned ? &*planned : nullptr; }
  // A request for `steps` with the scenario, the date and the store as the estate's source.
  planners::PipelineRequest Request(planners::Steps steps) const;
};

// Reads a scenario file (docs/cli.md); an empty path is no scenario. A file that is not there is
// a usage error; a file that does not parse is kInvalidInput with the problems in `diagnostics`.
core::Result<std::optional<planners::Scenario>> ReadScenarioFile(const std::string& path,
                                                                 core::Diagnostics& diagnostics);

// Checks --date and reads the scenario and catalog files.
core::Result<PlanningFiles> ReadPlanningFiles(const PlanningOptions& options,
                                              core::Diagnostics& diagnostics);

// Checks the orgs the scenario names (`orgs:`, each hall's `from:`) against the store's: the
// ones it lacks are located errors in `diagnostics` and the status is kInvalidInput.
core::Status CheckScenarioOrgs(const core::Store& store, const planners::Scenario& scenario,
                               core::Diagnostics& diagnostics);

// From `store` the estate of `orgs` (empty: every org) as `options` asks (kinds, categories,
// relations, graph) and the device types, with `catalog`: what the planners share between runs.
core::Result<std::shared_ptr<const planners::PlanningBase>> LoadPlanningBase(
    const core::Store& store, core::Catalog catalog, const PlanningOptions& options,
    const std::vector<std::string>& orgs);

// Reads the files, then from `store` the estate (the scenario's orgs, as `options` needs) and the
// device types. Problems in the files go to `diagnostics`; the status says which step failed
// (usage, invalid input, store).
core::Result<PlanningInputs> LoadPlanningInputs(const core::Store& store,
                                                const PlanningOptions& options,
                                                core::Diagnostics& diagnostics);
// The same, opening the store (read-only) once, after the files are read; it stays open in
// PlanningInputs::store for what the command reads besides.
core::Result<PlanningInputs> LoadPlanningInputs(const GlobalOptions& global,
                                                const PlanningOptions& options,
                                                core::Diagnostics& diagnostics);

}  // namespace samdrift::tools

#endif  // SAMDRIFT_TOOLS_PLANNING_INPUTS_H_
