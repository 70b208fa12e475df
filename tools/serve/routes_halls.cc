// GET /api/halls/choose?scenario=NAME: which halls should remain, as `halls --choose --json`
// answers for the scenario (tools/halls_choose.h); the Hallar page shows it and writes a set's
// `scenario_halls` into the scenario through PUT /api/scenarios/NAME. GET /api/halls/elevations:
// one hall's racks drawn front and rear, the report's SVG (reports/hall_svg.h).
#include <filesystem>

#include "planners/pipeline.h"
#include "reports/hall_svg.h"
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

// Every rack of the planned hall `name`, front and rear, as the report draws them.
Answer Elevations(const planners::PipelineResult& run, const std::string& name,
                  reports::Lang lang) {
  const planners::HallPlan& plan = *run.halls;
  for (const planners::PlannedHall& hall : plan.halls) {
    if (hall.name != name) continue;
    const reports::OrgColours colours = reports::ColoursForOrgs(plan, run.org_names);
    nlohmann::ordered_json racks = nlohmann::ordered_json::array();
    for (const planners::PlannedRack& rack : hall.racks) {
      racks.push_back({{"name", rack.name},
                       {"svg", reports::RackElevationSvg(plan, hall, rack, colours, lang)}});
    }
    return Ok({{"hall", name}, {"racks", racks}});
  }
  return Error(404, "no hall '" + name + "' in the plan");
}

// The scenario file ?scenario=NAME names (none: an empty path), or the error to answer.
std::optional<Answer> ScenarioParam(Context& context, const httplib::Request& req, fs::path& path) {
  if (!req.has_param("scenario")) return std::nullopt;
  auto named = context.workspace.ScenarioPath(req.get_param_value("scenario"));
  if (!named.ok()) return Error(400, named.status().message());
  std::error_code ec;
  if (!fs::is_regular_file(*named, ec)) {
    return Error(404, "no scenario '" + req.get_param_value("scenario") + "'");
  }
  path = *named;
  return std::nullopt;
}

}  // namespace

void AddHallsRoutes(httplib::Server& http, Context& context) {
  http.Get("/api/halls/choose", [&](const httplib::Request& req, httplib::Response& res) {
    auto lock = context.workspace.Lock();
    fs::path path;
    if (auto bad = ScenarioParam(context, req, path)) return Send(res, *bad);
    Send(res, context.workspace.Cached("halls/choose", path,
                                       [&] { return Choose(context.workspace, path); }));
  });
  http.Get("/api/halls/elevations", [&](const httplib::Request& req, httplib::Response& res) {
    const std::string hall = req.get_param_value("hall");
    const std::string lang = req.has_param("lang") ? req.get_param_value("lang") : "en";
    if (hall.empty()) return Send(res, Error(400, "elevations need ?hall=NAME"));
    if (lang != "sv" && lang != "en") {
      return Send(res, Error(400, "lang must be sv or en, not '" + lang + "'"));
    }
    auto lock = context.workspace.Lock();
    fs::path path;
    if (auto bad = ScenarioParam(context, req, path)) return Send(res, *bad);
    const reports::Lang drawn = lang == "sv" ? reports::Lang::kSv : reports::Lang::kEn;
    Send(res, context.workspace.Cached("halls/elevations\n" + lang + "\n" + hall, path, [&] {
      return context.workspace.WithRun(
          path, [&](const planners::PipelineResult& run) { return Elevations(run, hall, drawn); });
    }));
  });
}

}  // namespace samdrift::tools::serve
