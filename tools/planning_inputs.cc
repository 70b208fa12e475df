#include "tools/planning_inputs.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/date.h"
#include "core/text.h"
#include "tools/trace.h"

namespace samdrift::tools {
namespace {

core::Result<PlanningInputs> LoadFromStore(const core::Store& store, PlanningFiles files,
                                           const PlanningOptions& options,
                                           core::Diagnostics& diagnostics) {
  PlanningInputs in;
  in.scenario = std::move(files.scenario);
  in.date = std::move(files.date);
  in.store_path = store.path();
  in.planned = planners::ScenarioWithDate(in.scenario ? &*in.scenario : nullptr, in.date);
  if (in.scenario) {
    core::Status named = CheckScenarioOrgs(store, *in.scenario, diagnostics);
    if (!named.ok()) return named;
  }
  auto base = LoadPlanningBase(store, std::move(files.catalog), options,
                               in.scenario ? in.scenario->orgs : std::vector<std::string>{});
  if (!base.ok()) return base.status();
  in.base = std::move(base).value();
  return in;
}

}  // namespace

core::Result<std::shared_ptr<const planners::PlanningBase>> LoadPlanningBase(
    const core::Store& store, core::Catalog catalog, const PlanningOptions& options,
    const std::vector<std::string>& orgs) {
  core::AssetQuery query;
  query.orgs = orgs;
  query.with_relations = options.with_relations;
  query.kinds = options.kinds;
  query.categories = options.categories;
  auto estate = store.LoadEstate(query);
  if (!estate.ok()) return estate.status();
  Trace("estate loaded");
  auto device_types = store.DeviceTypes();
  if (!device_types.ok()) return device_types.status();
  auto base =
      planners::MakePlanningBase(std::move(estate).value(), std::move(catalog),
                                 std::move(device_types).value(), options.graph, options.relations);
  if (options.graph == planners::GraphNeed::kBuild) Trace("graph built");
  return base;
}

void AddPlanningOptions(CLI::App& app, PlanningOptions& options, bool with_date,
                        std::vector<std::string>* scenarios) {
  if (scenarios) {
    app.add_option("--scenario", *scenarios,
                   "scenario YAML (docs/cli.md); repeat to compare alternatives: the first is "
                   "detailed, all are compared");
  } else {
    app.add_option("--scenario", options.scenario,
                   "scenario YAML (docs/cli.md): orgs, fixed standards, planned date, effort");
  }
  app.add_option("--catalog", options.catalogs,
                 "extra technology catalog YAML (core/catalog/README.md); repeatable, later "
                 "files override earlier entries");
  if (with_date) {
    app.add_option("--date", options.date,
                   "planned date yyyy-mm-dd for support checks (default: the scenario's, else "
                   "today)");
  }
}

planners::PipelineRequest PlanningInputs::Request(planners::Steps steps) const {
  planners::PipelineRequest request;
  request.scenario = scenario ? &*scenario : nullptr;
  request.date = date;
  request.steps = steps;
  request.estate_source = store_path;
  request.trace = Trace;
  return request;
}

core::Result<std::optional<planners::Scenario>> ReadScenarioFile(const std::string& path,
                                                                 core::Diagnostics& diagnostics) {
  if (path.empty()) return std::optional<planners::Scenario>();
  std::error_code ec;
  std::ifstream in(path, std::ios::binary);
  if (!std::filesystem::is_regular_file(path, ec) || !in) {
    return core::Status::Usage("cannot read the scenario '" + path + "': no such file");
  }
  std::ostringstream text;
  text << in.rdbuf();
  auto scenario = planners::ParseScenario(core::ToUtf8(text.str()), path, diagnostics);
  if (!scenario) return core::Status::Invalid("invalid scenario '" + path + "'; nothing planned");
  planners::ResolveCostsPath(path, *scenario);
  return scenario;
}

core::Result<PlanningFiles> ReadPlanningFiles(const PlanningOptions& options,
                                              core::Diagnostics& diagnostics) {
  if (!options.date.empty() && !core::IsIsoDate(options.date)) {
    return core::Status::Usage("--date: expected yyyy-mm-dd, got '" + options.date + "'");
  }
  PlanningFiles files;
  files.date = options.date;
  auto scenario = ReadScenarioFile(options.scenario, diagnostics);
  if (!scenario.ok()) return scenario.status();
  files.scenario = std::move(scenario).value();
  auto catalog = core::LoadCatalog(options.catalogs, diagnostics);
  if (!catalog.ok()) return catalog.status();
  files.catalog = std::move(catalog).value();
  return files;
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

core::Result<PlanningInputs> LoadPlanningInputs(const core::Store& store,
                                                const PlanningOptions& options,
                                                core::Diagnostics& diagnostics) {
  auto files = ReadPlanningFiles(options, diagnostics);
  if (!files.ok()) return files.status();
  return LoadFromStore(store, std::move(files).value(), options, diagnostics);
}

core::Result<PlanningInputs> LoadPlanningInputs(const GlobalOptions& global,
                                                const PlanningOptions& options,
                                                core::Diagnostics& diagnostics) {
  Trace("start");
  auto files = ReadPlanningFiles(options, diagnostics);
  if (!files.ok()) return files.status();
  auto store = OpenStore(global, core::OpenMode::kReadOnly);
  if (!store.ok()) return store.status();
  auto in = LoadFromStore(**store, std::move(files).value(), options, diagnostics);
  if (in.ok()) in->store = std::move(store).value();
  return in;
}

}  // namespace samdrift::tools
