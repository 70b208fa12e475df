// Scenario files in the --scenarios folder: list, read, validate as you type, save atomically,
// and the diff of two (GET /api/diff).
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/text.h"
#include "planners/scenario.h"
#include "tools/command.h"
#include "tools/planning_inputs.h"
#include "tools/serve/routes.h"
#include "tools/serve/scenario_diff.h"
#include "tools/serve/scenario_form.h"
#include "tools/serve/scenario_history.h"

namespace samdrift::tools::serve {
namespace fs = std::filesystem;
using nlohmann::ordered_json;

namespace {

bool IsYaml(const fs::path& p) { return p.extension() == ".yaml" || p.extension() == ".yml"; }

Answer List(const Workspace& workspace) {
  ordered_json rows = ordered_json::array();
  std::error_code ec;
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(workspace.scenarios_dir(), ec)) {
    const std::string name = entry.path().filename().string();
    if (entry.is_regular_file(ec) && IsYaml(entry.path()) && ValidScenarioName(name)) {
      files.push_back(entry.path());
    }
  }
  if (ec) return Error(500, "cannot list the scenarios folder: " + ec.message());
  std::sort(files.begin(), files.end());
  for (const fs::path& p : files) {
    rows.push_back({{"name", p.stem().string()},
                    {"file", p.filename().string()},
                    {"bytes", fs::file_size(p, ec)}});
  }
  return Ok({{"dir", workspace.scenarios_dir().string()}, {"scenarios", rows}});
}

// Parses `text` as the CLI does (ParseScenario) and checks its orgs against the store: every
// problem located in `diagnostics` under `source`. False when any is an error.
bool Validate(Workspace& workspace, const std::string& text, const std::string& source,
              core::Diagnostics& diagnostics) {
  auto scenario = planners::ParseScenario(core::ToUtf8(text), source, diagnostics);
  if (!scenario) return false;
  auto store = workspace.Store();
  if (!store.ok()) return true;  // the orgs are checked when it is planned
  return CheckScenarioOrgs(**store, *scenario, diagnostics).ok();
}

void Read(Context& context, const httplib::Request& req, httplib::Response& res) {
  auto path = context.workspace.ScenarioPath(req.matches[1].str());
  if (!path.ok()) return Send(res, Error(400, path.status().message()));
  std::ifstream in(*path, std::ios::binary);
  if (!in) return Send(res, Error(404, "no scenario '" + req.matches[1].str() + "'"));
  std::ostringstream text;
  text << in.rdbuf();
  res.set_header("Cache-Control", "no-store");
  res.set_content(text.str(), "text/yaml; charset=utf-8");
}

void Check(Context& context, const httplib::Request& req, httplib::Response& res) {
  const std::string name = req.has_param("name") ? req.get_param_value("name") : "scenario.yaml";
  core::Diagnostics diagnostics;
  auto lock = context.workspace.Lock();
  const bool valid = Validate(context.workspace, req.body, name, diagnostics);
  Send(res, Ok({{"valid", valid},
                {"errors", DiagnosticsJson(diagnostics)},
                {"form", ScenarioForm(req.body)}}));
}

void Save(Context& context, const httplib::Request& req, httplib::Response& res) {
  const std::string name = req.matches[1].str();
  auto path = context.workspace.ScenarioPath(name);
  if (!path.ok()) return Send(res, Error(400, path.status().message()));
  core::Diagnostics diagnostics;
  auto lock = context.workspace.Lock();
  if (!Validate(context.workspace, req.body, path->filename().string(), diagnostics)) {
    ordered_json body{{"error", "the scenario has errors; nothing saved"},
                      {"errors", DiagnosticsJson(diagnostics)}};
    return Send(res, {422, body.dump()});
  }
  std::error_code ec;
  const bool existed = fs::exists(*path, ec);
  if (existed) {
    core::Status kept = KeepVersion(context.workspace.scenarios_dir(), *path);
    if (!kept.ok()) return Send(res, Error(500, kept.message()));
  }
  // Through a temporary file in the same folder, renamed over: never a half-written scenario.
  core::Status written = WriteOut(path->string(), req.body);
  if (!written.ok()) return Send(res, Error(500, written.message()));
  Send(res, {existed ? 200 : 201,
             ordered_json{{"name", path->stem().string()},
                          {"file", path->filename().string()},
                          {"versions", KeptVersions(context.workspace.scenarios_dir(), *path)},
                          {"warnings", DiagnosticsJson(diagnostics)}}
                 .dump()});
}

// GET .../NAME/history: how many saved versions undo can go back to.
void History(Context& context, const httplib::Request& req, httplib::Response& res) {
  auto path = context.workspace.ScenarioPath(req.matches[1].str());
  if (!path.ok()) return Send(res, Error(400, path.status().message()));
  auto lock = context.workspace.Lock();
  Send(res, Ok({{"name", path->stem().string()},
                {"versions", KeptVersions(context.workspace.scenarios_dir(), *path)}}));
}

// POST .../NAME/undo: the version before the latest save back over the scenario.
void Undo(Context& context, const httplib::Request& req, httplib::Response& res) {
  auto path = context.workspace.ScenarioPath(req.matches[1].str());
  if (!path.ok()) return Send(res, Error(400, path.status().message()));
  auto lock = context.workspace.Lock();
  auto text = UndoSave(context.workspace.scenarios_dir(), *path);
  if (!text.ok()) {
    return Send(res, Error(text.status().code() == core::ErrorCode::kUsage ? 409 : 500,
                           text.status().message()));
  }
  Send(res, Ok({{"name", path->stem().string()},
                {"versions", KeptVersions(context.workspace.scenarios_dir(), *path)},
                {"text", *text}}));
}

}  // namespace

void AddScenarioRoutes(httplib::Server& http, Context& context) {
  http.Get("/api/scenarios", [&](const httplib::Request&, httplib::Response& res) {
    Send(res, List(context.workspace));
  });
  http.Post("/api/scenarios/validate",
            [&](const httplib::Request& req, httplib::Response& res) { Check(context, req, res); });
  http.Get(
      R"(/api/scenarios/([^/]+)/history)",
      [&](const httplib::Request& req, httplib::Response& res) { History(context, req, res); });
  http.Post(R"(/api/scenarios/([^/]+)/undo)",
            [&](const httplib::Request& req, httplib::Response& res) { Undo(context, req, res); });
  http.Get(R"(/api/scenarios/(.+))",
           [&](const httplib::Request& req, httplib::Response& res) { Read(context, req, res); });
  http.Put(R"(/api/scenarios/(.*))",
           [&](const httplib::Request& req, httplib::Response& res) { Save(context, req, res); });
  http.Get("/api/diff", [&](const httplib::Request& req, httplib::Response& res) {
    if (!req.has_param("from") || !req.has_param("to")) {
      return Send(res, Error(400, "diff needs ?from=NAME&to=NAME"));
    }
    auto lock = context.workspace.Lock();
    Send(res,
         ScenarioDiff(context.workspace, req.get_param_value("from"), req.get_param_value("to")));
  });
}

}  // namespace samdrift::tools::serve
