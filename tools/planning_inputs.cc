#include "tools/planning_inputs.h"

#include <algorithm>
#include <filesystem>

#include "core/date.h"

namespace samdrift::tools {

void AddPlanningOptions(CLI::App& app, PlanningOptions& options, bool with_date) {
  app.add_option("--scenario", options.scenario,
                 "scenario YAML (docs/cli.md): orgs, fixed standards, planned date, effort");
  app.add_option("--catalog", options.catalogs,
                 "extra technology catalog YAML (core/catalog/README.md); repeatable, later "
                 "files override earlier entries");
  if (with_date) {
    app.add_option("--date", options.date,
                   "planned date yyyy-mm-dd for support checks (default: the scenario's, else "
                   "today)");
  }
}

void ReleaseRelations(core::Estate& estate) {
  std::vector<core::Relation>().swap(estate.relations);
}

core::Status CheckScenarioOrgs(const core::Store& store, const planners::Scenario& scenario,
                               core::Diagnostics& diagnostics) {
  const bool names_orgs =
      !scenario.orgs.empty() || std::any_of(scenario.halls.begin(), scenario.halls.end(),
                                            [](const auto& hall) { return !hall.from.empty(); });
  if (!names_orgs) return core::Status::Ok();
  auto known = store.Orgs();
  if (!known.ok()) return known.status();
  if (!planners::CheckScenarioOrgs(scenario, *known, diagnostics)) {
    return core::Status::Invalid(
        "the scenario names orgs that are not in the store; nothing planned");
  }
  return core::Status::Ok();
}

core::Result<PlanningInputs> LoadPlanningInputs(const GlobalOptions& global,
                                                const PlanningOptions& options,
                                                core::Diagnostics& diagnostics) {
  // Check the cheap inputs before opening the store, so a typo in a file is reported first.
  if (!options.date.empty() && !core::IsIsoDate(options.date)) {
    return core::Status::Usage("--date: expected yyyy-mm-dd, got '" + options.date + "'");
  }
  auto store = OpenStore(global, core::OpenMode::kReadOnly);
  if (!store.ok()) return store.status();
  return LoadPlanningInputs(**store, options, diagnostics);
}

core::Result<PlanningInputs> LoadPlanningInputs(const core::Store& store,
                                                const PlanningOptions& options,
                                                core::Diagnostics& diagnostics) {
  PlanningInputs in;
  if (!options.date.empty() && !core::IsIsoDate(options.date)) {
    return core::Status::Usage("--date: expected yyyy-mm-dd, got '" + options.date + "'");
  }
  if (!options.scenario.empty()) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(options.scenario, ec)) {
      return core::Status::Usage("cannot read the scenario '" + options.scenario +
                                 "': no such file");
    }
    auto scenario = planners::LoadScenario(options.scenario, diagnostics);
    if (!scenario.ok()) return scenario.status();
    in.scenario = std::move(scenario).value();
    core::Status named = CheckScenarioOrgs(store, *in.scenario, diagnostics);
    if (!named.ok()) return named;
  }
  if (!options.date.empty()) {
    if (!in.scenario) {
      in.scenario.emplace();
      in.scenario->source = "--date";
    }
    in.scenario->date = options.date;
  }
  auto catalog = core::LoadCatalog(options.catalogs, diagnostics);
  if (!catalog.ok()) return catalog.status();
  in.catalog = std::move(catalog).value();
  core::AssetQuery query;
  if (in.scenario) query.orgs = in.scenario->orgs;
  query.with_relations = options.with_relations;
  query.kinds = options.kinds;
  query.categories = options.categories;
  auto estate = store.LoadEstate(query);
  if (!estate.ok()) return estate.status();
  in.estate = std::move(estate).value();
  return in;
}

}  // namespace samdrift::tools
