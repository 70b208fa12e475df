// The API's routes, by area; each file adds its own to the server. Only tools/serve includes the
// HTTP library.
#ifndef SAMDRIFT_TOOLS_SERVE_ROUTES_H_
#define SAMDRIFT_TOOLS_SERVE_ROUTES_H_

#include <httplib.h>

#include <memory>
#include <string>

#include "core/store_browse.h"
#include "tools/serve/answer.h"
#include "tools/serve/server.h"
#include "tools/serve/workspace.h"

namespace samdrift::tools::serve {

struct Context {
  ServeOptions options;
  std::string token;
  Workspace workspace;
  std::unique_ptr<core::AssetBrowser> browser;  // opened on the first asset query (workspace lock)
};

// Writes `answer` as the JSON response.
void Send(httplib::Response& res, const Answer& answer);

void AddViewRoutes(httplib::Server& http, Context& context);      // server.cc
void AddAssetRoutes(httplib::Server& http, Context& context);     // routes_assets.cc
void AddScenarioRoutes(httplib::Server& http, Context& context);  // routes_scenarios.cc
void AddImportRoutes(httplib::Server& http, Context& context);    // routes_import.cc
void AddHallsRoutes(httplib::Server& http, Context& context);     // routes_halls.cc
void AddStaticRoutes(httplib::Server& http);                      // routes_static.cc

}  // namespace samdrift::tools::serve

#endif  // SAMDRIFT_TOOLS_SERVE_ROUTES_H_
