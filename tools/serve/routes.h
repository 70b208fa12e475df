// The API's routes, by area; each file adds its own to the server. Only tools/serve includes the
// HTTP library.
#ifndef SAMDRIFT_TOOLS_SERVE_ROUTES_H_
#define SAMDRIFT_TOOLS_SERVE_ROUTES_H_

#include <httplib.h>

#include <atomic>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "core/store_browse.h"
#include "tools/serve/answer.h"
#include "tools/serve/server.h"
#include "tools/serve/workspace.h"

namespace samdrift::tools::serve {

// An import running on a thread of its own (POST /api/import?job=1): its files done of the total
// while it runs (the importer's progress), then its answer.
struct ImportJob {
  std::atomic<std::size_t> done = 0, total = 0;
  std::atomic<bool> finished = false;
  Answer answer;  // once finished (under ImportJobs::mutex)
};

struct ImportJobs {
  static constexpr std::size_t kKept = 32;  // the latest jobs whose state can be asked
  std::mutex mutex;
  std::size_t last = 0;
  std::map<std::size_t, std::shared_ptr<ImportJob>> by_id;  // the job's number
  std::vector<std::thread> threads;
};

struct Context {
  ServeOptions options;
  std::string token;
  Workspace workspace;
  // Opened on the first asset query; used under browser_mutex, not the workspace's lock, so that
  // asset pages are answered while a view is planned or the planning base loads.
  std::unique_ptr<core::AssetBrowser> browser;
  std::mutex browser_mutex;
  ImportJobs jobs;
  // The asset list's text index (core/store_search.h), built on a thread of its own at the start
  // and again when a search finds the store changed; searches go to SQL meanwhile.
  std::thread indexer;
  std::atomic<bool> indexing = false, stop_indexing = false;
};

// Writes `answer` as the JSON response.
void Send(httplib::Response& res, const Answer& answer);

void AddViewRoutes(httplib::Server& http, Context& context);      // server.cc
void AddAssetRoutes(httplib::Server& http, Context& context);     // routes_assets.cc
void AddScenarioRoutes(httplib::Server& http, Context& context);  // routes_scenarios.cc
void AddImportRoutes(httplib::Server& http, Context& context);    // routes_import.cc
void AddHallsRoutes(httplib::Server& http, Context& context);     // routes_halls.cc
void JoinImportJobs(Context& context);
// Starts building the text index (ServeOptions::text_index; routes_assets.cc), and stops it.
void StartTextIndex(Context& context);
void StopTextIndex(Context& context);  // waits for the imports still running (routes_import.cc)
void AddStaticRoutes(httplib::Server& http);  // routes_static.cc

}  // namespace samdrift::tools::serve

#endif  // SAMDRIFT_TOOLS_SERVE_ROUTES_H_
