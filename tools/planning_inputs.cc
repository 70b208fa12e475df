#include "tools/planning_inputs.h"

#include "core/date.h"

namespace samdrift::tools {

void AddPlanningOptions(CLI::App& app, PlanningOptions& options, bool with_date) {
  app.add_option("--scenario", options.scenario,
                 "scenario YAML (CONTRACT.md): orgs, fixed standards, planned date, effort");
  app.add_option("--catalog", options.catalogs,
                 "extra technology catalog YAML (core/catalog/README.md); repeatable, later "
                 "files override earlier entries");
  if (with_date) {
    app.add_option("--date", options.date,
                   "planned date yyyy-mm-dd for support checks (default: the scenario's, else "
                   "today)");
  }
}

core::Result<PlanningInputs> LoadPlanningInputs(const GlobalOptions& global,
                                                const PlanningOptions& options,
                                                core::Diagnostics& diagnostics) {
  PlanningInputs in;
  if (!options.date.empty() && !core::IsIsoDate(options.date)) {
    return core::Status::Usage("--date: expected yyyy-mm-dd, got '" + options.date + "'");
  }
  if (!options.scenario.empty()) {
    auto scenario = planners::LoadScenario(options.scenario, diagnostics);
    if (!scenario.ok()) return scenario.status();
    in.scenario = std::move(scenario).value();
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
  auto store = OpenStore(global, core::OpenMode::kReadOnly);
  if (!store.ok()) return store.status();
  core::AssetQuery query;
  if (in.scenario) query.orgs = in.scenario->orgs;
  auto estate = (*store)->LoadEstate(query);
  if (!estate.ok()) return estate.status();
  in.estate = std::move(estate).value();
  return in;
}

}  // namespace samdrift::tools
