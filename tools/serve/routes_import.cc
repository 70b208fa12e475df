// POST /api/import?org=ORG&dry_run=1|0[&format=NAME]: the uploaded files (multipart, any field
// name) through the same importers and the same one-batch import as `samdrift import`. The files
// are parsed in memory under their own base names (as labels in provenance and diagnostics),
// never written to disk.
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

Answer Import(Context& context, const httplib::Request& req) {
  importers::ImportRequest request;
  request.options.org = req.get_param_value("org");
  request.format = req.get_param_value("format");
  const bool dry_run = req.get_param_value("dry_run") != "0";
  request.dry_run = dry_run ? importers::DryRun::kYes : importers::DryRun::kNo;
  if (!core::IsValidOrgId(request.options.org)) {
    return Error(400, "org: '" + request.options.org +
                          "' is not a municipality id (lowercase ASCII, e.g. 'gnosjo')");
  }
  for (const auto& [field, file] : req.files) {
    request.uploads.push_back({Label(file.filename, request.uploads.size() + 1), file.content});
  }
  if (request.uploads.empty()) return Error(400, "no files: send them as multipart/form-data");
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
  auto report = importers::RunImport(request, store, diagnostics);
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

}  // namespace

void AddImportRoutes(httplib::Server& http, Context& context) {
  http.Post("/api/import", [&](const httplib::Request& req, httplib::Response& res) {
    auto lock = context.workspace.Lock();
    Send(res, Import(context, req));
  });
}

}  // namespace samdrift::tools::serve
