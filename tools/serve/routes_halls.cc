// GET /api/halls/choose?scenario=NAME: which halls should remain, as `halls --choose --json`
// answers for the scenario (tools/halls_choose.h); the Hallar page shows it and writes a set's
// `scenario_halls` into the scenario through PUT /api/scenarios/NAME.
#include <filesystem>

#include "planners/pipeline.h"
#include "tools/halls_choose.h"
#include "tools/planning_inputs.h"
#include "tools/serve/routes.h"

namespace samdrift::tools::serve {
namespace fs = std::filesystem;

namespace {

// As RunHallsChoose: with a scenario its own plan first (to the waves when it names a costs file,
// whose pace prices every set), then every set planned and ranked.
Answer Choose(Workspace& workspace, const fs::path& path) {
  core::Diagnostics diagnostics;
  auto store = workspace.Store();
  if (!store.ok()) return Failed(store.status(), diagnostics);
  auto scenario = ReadScenarioFile(path.string(), diagnostics);
  if (!scenario.ok()) return Failed(scenario.status(), diagnostics);
  if (*scenario) {
    if (auto s = CheckScenarioOrgs(**store, **scenario, diagnostics); !s.ok()) {
      return Failed(s, diagnostics);
    }
  }
  auto base = workspace.PlanningBaseFor(*scenario ? (*scenario)->orgs : std::vector<std::string>{});
  if (!base.ok()) return Failed(base.status(), diagnostics);
  std::optional<planners::PipelineResult> run;
  if (*scenario) {
    planners::PipelineRequest request;
    request.scenario = &**scenario;
    request.estate_source = (*store)->path();
    request.steps = (*scenario)->costs.empty() ? planners::Steps(planners::Step::kTarget)
                                               : planners::Steps(planners::Step::kWaves);
    auto result = planners::RunPipeline(*base, request, diagnostics);
    if (!result.ok()) return Failed(result.status(), diagnostics);
    run = std::move(result).value();
  }
  auto choice = ChooseHallsOver(**store, **base, run ? &*run : nullptr, diagnostics);
  if (!choice.ok()) return Failed(choice.status(), diagnostics);
  return Ok(HallsChoiceJson(*choice));
}

}  // namespace

void AddHallsRoutes(httplib::Server& http, Context& context) {
  http.Get("/api/halls/choose", [&](const httplib::Request& req, httplib::Response& res) {
    auto lock = context.workspace.Lock();
    fs::path path;
    if (req.has_param("scenario")) {
      auto named = context.workspace.ScenarioPath(req.get_param_value("scenario"));
      if (!named.ok()) return Send(res, Error(400, named.status().message()));
      std::error_code ec;
      if (!fs::is_regular_file(*named, ec)) {
        return Send(res, Error(404, "no scenario '" + req.get_param_value("scenario") + "'"));
      }
      path = *named;
    }
    Send(res, context.workspace.Cached("halls/choose", path,
                                       [&] { return Choose(context.workspace, path); }));
  });
}

}  // namespace samdrift::tools::serve
