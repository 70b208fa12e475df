// POST /api/import?org=ORG&dry_run=1|0[&format=NAME][&new_org=1][&job=1]: the uploaded files
// (multipart, any field name) through the same importers and the same one-batch import as
// `samdrift import`, with its check of org typos. The files are parsed in memory under their own
// base names (as labels in provenance and diagnostics), never written to disk. With job=1 the
// import runs on a thread of its own and GET /api/import/jobs/ID tells the files done of the total.
#include <cstdio>

#include "core/text.h"
#include "importers/batch_import.h"
#include "tools/serve/routes.h"

namespace samdrift::tools::serve {
using nlohmann::ordered_json;

namespace {

// The client's file name as a label: its last component (a browser sends a folder's files with
// their relative paths), or "upload-N" when it has none.
std::string Label(const std::string& filename, std::size_t n) {
  const std::size_t slash = filename.find_last_of("/\\");
  std::string base = slash == std::string::npos ? filename : filename.substr(slash + 1);
  return base.empty() ? "upload-" + std::to_string(n) : base;
}

ordered_json ReportJson(const importers::ImportReport& report, bool dry_run) {
  ordered_json files = ordered_json::array();
  for (const importers::FileReport& f : report.files) {
    files.push_back({{"file", f.path},
                     {"format", f.format},
                     {"assets", f.assets},
                     {"relations", f.relations},
                     {"device_types", f.device_types}});
  }
  ordered_json stored = nullptr;
  if (!dry_run) {
    stored = {{"assets", report.stored.assets_stored},
              {"relations", report.stored.relations_written},
              {"device_types", report.stored.device_types_written},
              {"replaced", report.stored.assets_replaced},
              {"implied", report.stored.locations_implied}};
  }
  return {{"dry_run", dry_run}, {"files", files}, {"stored", stored}};
}

// The request's parameters and files, checked; an error answer when they do not make an import.
std::optional<Answer> ReadImport(const httplib::Request& req, importers::ImportRequest& request,
                                 bool& new_org) {
  request.options.org = req.get_param_value("org");
  request.format = req.get_param_value("format");
  request.dry_run =
      req.get_param_value("dry_run") != "0" ? importers::DryRun::kYes : importers::DryRun::kNo;
  new_org = req.get_param_value("new_org") == "1";
  if (!core::IsValidOrgId(request.options.org)) {
    return Error(400, "org: '" + request.options.org +
                          "' is not a municipality id (lowercase ASCII, e.g. 'gnosjo')");
  }
  for (const auto& [field, file] : req.files) {
    request.uploads.push_back({Label(file.filename, request.uploads.size() + 1), file.content});
  }
  if (request.uploads.empty()) return Error(400, "no files: send them as multipart/form-data");
  return std::nullopt;
}

// The import itself, under the workspace's lock; `progress` gets the importer's lines.
Answer Import(Context& context, const importers::ImportRequest& request, bool new_org,
              const std::function<void(std::string_view)>& progress) {
  const bool dry_run = request.dry_run == importers::DryRun::kYes;
  core::Diagnostics diagnostics;
  std::unique_ptr<core::Store> writable;
  core::Store* store = nullptr;
  if (dry_run) {
    auto read_only = context.workspace.Store();
    if (!read_only.ok()) return Failed(read_only.status(), diagnostics);
    store = *read_only;
  } else {
    auto opened = core::Store::Open(context.workspace.db(), core::OpenMode::kReadWrite);
    if (!opened.ok()) return Failed(opened.status(), diagnostics);
    writable = std::move(opened).value();
    store = writable.get();
  }
  if (!new_org) {
    // The CLI's check: an org near one the store has is a likely typo, at the org field.
    core::Status typo = importers::CheckNewOrg(*store, request.options.org);
    if (!typo.ok()) {
      return {400, ordered_json{{"error", typo.message()}, {"field", "org"}}.dump()};
    }
  }
  auto report = importers::RunImport(request, store, diagnostics, progress);
  writable.reset();
  if (!report.ok()) return Failed(report.status(), diagnostics);
  ordered_json body = ReportJson(*report, dry_run);
  body["org"] = request.options.org;
  body["warnings"] = DiagnosticsJson(diagnostics);
  if (!dry_run) {
    context.workspace.Invalidate();  // the next request plans over the new estate
    core::Status loaded = context.workspace.Load();
    if (!loaded.ok()) return Failed(loaded, {});
  }
  return Ok(body);
}

// "[3/120] name.csv (generic-csv)", the importer's line as it starts a file: 2 files done of 120.
void CountFile(std::string_view line, ImportJob& job) {
  std::size_t at = 0, total = 0;
  if (std::sscanf(std::string(line).c_str(), "[%zu/%zu]", &at, &total) == 2 && at > 0) {
    job.done = at - 1;
    job.total = total;
  }
}

ordered_json JobJson(std::size_t id, const ImportJob& job) {
  ordered_json out{{"job", id},
                   {"state", job.finished ? "done" : "running"},
                   {"files_done", job.finished ? job.total.load() : job.done.load()},
                   {"files_total", job.total.load()}};
  if (job.finished) {
    out["status"] = job.answer.status;
    out["result"] = ordered_json::parse(job.answer.body);
  }
  return out;
}

// POST .../import?job=1: the import on a thread of its own; 202 with the job's id at once.
Answer StartJob(Context& context, importers::ImportRequest request, bool new_org) {
  auto job = std::make_shared<ImportJob>();
  job->total = request.uploads.size();
  std::lock_guard guard(context.jobs.mutex);
  const std::size_t id = ++context.jobs.last;
  context.jobs.by_id[id] = job;
  if (context.jobs.by_id.size() > ImportJobs::kKept) {
    context.jobs.by_id.erase(context.jobs.by_id.begin());  // the oldest
  }
  context.jobs.threads.emplace_back([&context, job, new_org, request = std::move(request)] {
    auto lock = context.workspace.Lock();
    Answer answer =
        Import(context, request, new_org, [&](std::string_view line) { CountFile(line, *job); });
    std::lock_guard done(context.jobs.mutex);
    job->answer = std::move(answer);
    job->finished = true;
  });
  return {202, JobJson(id, *job).dump()};
}

}  // namespace

void AddImportRoutes(httplib::Server& http, Context& context) {
  http.Post("/api/import", [&](const httplib::Request& req, httplib::Response& res) {
    importers::ImportRequest request;
    bool new_org = false;
    if (auto bad = ReadImport(req, request, new_org)) return Send(res, *bad);
    if (req.get_param_value("job") == "1") {
      return Send(res, StartJob(context, std::move(request), new_org));
    }
    auto lock = context.workspace.Lock();
    Send(res, Import(context, request, new_org, {}));
  });
  http.Get(R"(/api/import/jobs/(\d{1,9}))",
           [&](const httplib::Request& req, httplib::Response& res) {
             std::lock_guard guard(context.jobs.mutex);
             auto it = context.jobs.by_id.find(std::stoul(req.matches[1].str()));
             if (it == context.jobs.by_id.end()) return Send(res, Error(404, "no such import job"));
             Send(res, Ok(JobJson(it->first, *it->second)));
           });
}

void JoinImportJobs(Context& context) {
  std::vector<std::thread> threads;
  {
    std::lock_guard guard(context.jobs.mutex);
    threads.swap(context.jobs.threads);
  }
  for (std::thread& t : threads) t.join();
}

}  // namespace samdrift::tools::serve
