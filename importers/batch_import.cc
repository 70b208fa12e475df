#include "importers/batch_import.h"

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <exception>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <mutex>
#include <optional>
#include <sstream>
#include <thread>
#include <unordered_set>
#include <utility>

#include "core/text.h"
#include "importers/file_content.h"
#include "importers/machine_names.h"
#include "importers/rack_halls.h"
#include "importers/registry.h"

namespace samdrift::importers {
namespace fs = std::filesystem;
namespace {

bool IsHidden(const fs::path& p) {
  const std::string name = p.filename().string();
  return !name.empty() && name[0] == '.';
}

std::string IdentityKey(std::string_view org, core::AssetKind kind, std::string_view key) {
  std::string k(org);
  k += '\0';
  k += core::ToString(kind);
  k += '\0';
  k += key;
  return k;
}

}  // namespace

void CheckReferences(const core::Batch& batch, const core::Store* store,
                     core::Diagnostics& diagnostics) {
  if (batch.references.empty()) return;
  std::unordered_set<std::string> present;
  std::unordered_set<std::string> present_any_org;
  present.reserve(batch.assets.size() * 2);
  for (const core::Asset& a : batch.assets) {
    present.insert(IdentityKey(a.org, a.kind, a.Key()));
    present_any_org.insert(IdentityKey("", a.kind, a.Key()));
  }
  for (const core::Reference& ref : batch.references) {
    const bool any_org = ref.scope == core::ReferenceScope::kAnyOrg;
    if (present.count(IdentityKey(ref.org, ref.kind, ref.key))) continue;
    if (any_org && present_any_org.count(IdentityKey("", ref.kind, ref.key))) continue;
    if (store) {
      auto found = any_org ? store->HasAssetInAnyOrg(ref.kind, ref.key)
                           : store->HasAsset(ref.org, ref.kind, ref.key);
      if (found.ok() && *found) continue;
    }
    diagnostics.Error(ref.where, ref.code, ref.message);
  }
}

core::Result<std::vector<std::string>> ExpandPaths(const std::vector<std::string>& paths) {
  std::vector<std::string> files;
  for (const std::string& path : paths) {
    std::error_code ec;
    if (fs::is_directory(path, ec)) {
      std::vector<std::string> found;
      for (auto it = fs::recursive_directory_iterator(path, ec);
           !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (IsHidden(it->path())) {
          if (it->is_directory()) it.disable_recursion_pending();
          continue;
        }
        if (it->is_regular_file()) found.push_back(it->path().string());
      }
      if (ec) return core::Status::Invalid(path + ": error[IO002]: cannot list the folder");
      std::sort(found.begin(), found.end());
      files.insert(files.end(), found.begin(), found.end());
    } else if (fs::exists(path, ec)) {
      // Reading a named pipe, device or socket would wait for a writer or never end.
      const fs::file_type type = fs::status(path, ec).type();
      if (type != fs::file_type::regular) {
        const char* what = type == fs::file_type::fifo        ? "a named pipe (FIFO)"
                           : type == fs::file_type::character ? "a character device"
                           : type == fs::file_type::block     ? "a block device"
                           : type == fs::file_type::socket    ? "a socket"
                                                              : "a special file";
        return core::Status::Invalid(
            path + ": error[IO004]: this is " + what +
            ", not a regular file; save its content to a file and import that");
      }
      files.push_back(path);
    } else {
      return core::Status::Invalid(path + ": error[IO001]: no such file or folder");
    }
  }
  if (files.empty()) return core::Status::Invalid("error[IO003]: no files to import");
  return files;
}

const Importer* ImportContent(std::string_view content, const std::string& path,
                              const Importer* forced, const ImportRequest& request,
                              core::Batch& batch, core::Diagnostics& diagnostics,
                              std::vector<FileReport>& reports,
                              const std::function<void(std::string_view)>& progress) {
  const Importer* importer = forced;
  if (!importer) {
    importer = DetectImporter(content);
  }
  if (!importer) {
    if (request.unknown_format == UnknownFormat::kSkip) {
      diagnostics.Warning({path, 0, 0}, "FMT002", "no importer reads this format yet; skipped");
    } else {
      diagnostics.Error({path, 0, 0}, "FMT001",
                        "cannot tell which format this is; name it with --format (see "
                        "'samdrift formats')");
    }
    return nullptr;
  }
  if (progress) progress(path + " (" + std::string(importer->Name()) + ")");
  // Provenance the importer left out, and the org id every asset needs.
  auto finish_assets = [&](std::vector<core::Asset>& assets) {
    for (core::Asset& a : assets) {
      if (a.provenance.source.empty()) a.provenance.source = path;
      if (a.provenance.importer.empty()) a.provenance.importer = importer->Name();
      // Every machine of the batch holds its name, not only those named by MachineNames.
      if (request.options.machine_names) request.options.machine_names->Hold(a);
      if (!core::IsValidOrgId(a.org)) {
        diagnostics.Error({path, a.provenance.line, 0}, "ORG001",
                          "asset '" + a.name + "' has no valid org id ('" + a.org +
                              "'); ids are lowercase ASCII like 'gnosjo'");
      }
    }
  };
  core::Batch file_batch;
  if (batch.sink) {
    file_batch.sink = [&](std::vector<core::Asset>& chunk) {
      finish_assets(chunk);
      batch.sink(chunk);
    };
  }
  importer->Import(content, path, request.options, file_batch, diagnostics);
  FileReport report{path, std::string(importer->Name()),
                    file_batch.assets.size() + file_batch.handed_over, file_batch.relations.size(),
                    file_batch.device_types.size()};
  finish_assets(file_batch.assets);
  if (batch.sink) {
    // Importers that keep a whole file's assets: what may go early goes now, file by file.
    auto held =
        std::stable_partition(file_batch.assets.begin(), file_batch.assets.end(),
                              [](const core::Asset& a) { return !core::Batch::CanHand(a); });
    std::vector<core::Asset> early(std::make_move_iterator(held),
                                   std::make_move_iterator(file_batch.assets.end()));
    file_batch.assets.erase(held, file_batch.assets.end());
    batch.Hand(early);
  }
  for (core::Relation& r : file_batch.relations) {
    if (r.provenance.source.empty()) r.provenance.source = path;
    if (r.provenance.importer.empty()) r.provenance.importer = importer->Name();
  }
  for (core::DeviceType& t : file_batch.device_types) {
    if (t.provenance.source.empty()) t.provenance.source = path;
    if (t.provenance.importer.empty()) t.provenance.importer = importer->Name();
  }
  if (batch.relation_sink && !file_batch.relations.empty()) {
    batch.relation_sink(file_batch.relations);
  }
  reports.push_back(std::move(report));
  batch.Append(std::move(file_batch));
  return importer;
}

void FinishBatch(core::Batch& batch, const core::Store* store, core::Diagnostics& diagnostics) {
  CompleteRackHalls(batch, store, diagnostics);
  CheckReferences(batch, store, diagnostics);
}

namespace {

// The machines the store holds for the import's org (--org), but for what the batch's files
// brought before (replaced by this import): the names other machines hold. Call it before the
// parsing starts (it reads the store).
core::Status LoadStoredMachines(const core::Store* store, const ImportRequest& request,
                                const std::vector<std::string>& files, MachineNames& names) {
  if (!store || request.options.org_source != OrgSource::kOption) return core::Status::Ok();
  std::unordered_set<std::string> replaced;
  for (const std::string& file : files) replaced.insert(fs::path(file).filename().string());
  core::AssetQuery query;
  query.orgs = {request.options.org};
  query.with_relations = false;
  query.kinds = {core::AssetKind::kDevice, core::AssetKind::kVm, core::AssetKind::kClient};
  return store->ForEachAsset(query, [&](core::Asset&& a) {
    if (!replaced.count(a.provenance.source)) names.Hold(a);
  });
}

// Reads and imports every file into `batch` (whose sink, when set, receives assets early);
// machines are named apart in `names`.
void ParseFiles(const std::vector<std::string>& files, const ImportRequest& batch_request,
                MachineNames& names, core::Batch& batch, core::Diagnostics& diagnostics,
                std::vector<FileReport>& reports,
                const std::function<void(std::string_view)>& progress) {
  ImportRequest request = batch_request;
  request.options.machine_names = &names;
  const Importer* forced = request.format.empty() ? nullptr : FindImporter(request.format);
  std::size_t index = 0;
  std::function<void(std::string_view)> progress_line;
  if (progress) {
    progress_line = [&](std::string_view line) {
      progress("[" + std::to_string(index) + "/" + std::to_string(files.size()) + "] " +
               std::string(line));
    };
  }
  for (const std::string& path : files) {
    ++index;
    if (!request.uploads.empty()) {
      ImportContent(request.uploads[index - 1].content, path, forced, request, batch, diagnostics,
                    reports, progress_line);
      continue;
    }
    auto content = FileContent::Open(path);
    if (!content) {
      diagnostics.Error({path, 0, 0}, "IO001", "cannot read the file");
      continue;
    }
    ImportContent(content->view(), path, forced, request, batch, diagnostics, reports,
                  progress_line);
  }
}

// Parts of the batch (assets and relations) from the parsing thread to the storing one.
// Bounded, so that a parser far ahead of the store waits instead of holding every file's rows.
// Stored parts come back empty and are handed out again: fresh memory costs a page fault per
// page, reused memory does not.
struct Part {
  std::vector<core::Asset> assets;
  std::vector<core::Relation> relations;
  std::size_t size() const { return assets.size() + relations.size(); }
};

class PartQueue {
 public:
  // Takes the part's rows; leaves it empty, with a recycled part's capacity when there is one.
  void Push(Part& part) {
    {
      std::unique_lock lock(mutex_);
      space_.wait(lock, [&] { return parts_.size() < kMaxParts; });
      parts_.push_back(std::move(part));
      part = Part();
      if (!spare_.empty()) {
        part = std::move(spare_.back());
        spare_.pop_back();
      }
      ready_.notify_one();
    }
    // The stored rows are freed here, by the thread that made them, not by the storing one
    // (a tenth of the store thread's time in a bulk import went to freeing them).
    part.assets.clear();
    part.relations.clear();
  }
  // Takes back a stored part (its rows are freed when it is handed out again).
  void Recycle(Part&& part) {
    std::lock_guard lock(mutex_);
    if (spare_.size() < kMaxParts) spare_.push_back(std::move(part));
  }
  void Close() {
    std::lock_guard lock(mutex_);
    closed_ = true;
    ready_.notify_one();
  }
  // The next part; nullopt once closed and empty.
  std::optional<Part> Pop() {
    std::unique_lock lock(mutex_);
    ready_.wait(lock, [&] { return !parts_.empty() || closed_; });
    if (parts_.empty()) return std::nullopt;
    Part part = std::move(parts_.front());
    parts_.pop_front();
    space_.notify_one();
    return part;
  }

 private:
  static constexpr std::size_t kMaxParts = 4;
  std::mutex mutex_;
  std::condition_variable ready_, space_;
  std::deque<Part> parts_;
  std::vector<Part> spare_;
  bool closed_ = false;
};

// The import into the store: one thread parses, this one stores what the importers hand over
// meanwhile; the rest of the batch is checked and stored at the end, in the same transaction.
core::Result<ImportReport> ParseAndStore(const std::vector<std::string>& files,
                                         const ImportRequest& request, core::Store& store,
                                         core::Diagnostics& diagnostics,
                                         const std::function<void(std::string_view)>& progress) {
  MachineNames names;
  if (core::Status s = LoadStoredMachines(&store, request, files, names); !s.ok()) return s;
  auto writer = store.Begin();
  if (!writer.ok()) return writer.status();
  const std::size_t earlier = diagnostics.items().size();  // the caller's, not this import's
  ImportReport report;
  core::Batch batch;
  PartQueue queue;
  // What importers hand over is gathered into parts of about kPart rows (a GLPI file brings a
  // few assets and relations, a CSV chunk 8,192 assets).
  constexpr std::size_t kPart = 8192;
  Part gathered;
  batch.sink = [&](std::vector<core::Asset>& assets) {
    if (gathered.size() == 0 && assets.size() >= kPart) {
      // A whole chunk goes as it is, and the importer gets a recycled chunk's memory back.
      std::swap(gathered.assets, assets);
      queue.Push(gathered);
      std::swap(gathered.assets, assets);
      assets.clear();
      return;
    }
    gathered.assets.insert(gathered.assets.end(), std::make_move_iterator(assets.begin()),
                           std::make_move_iterator(assets.end()));
    assets.clear();
    if (gathered.size() >= kPart) queue.Push(gathered);
  };
  batch.relation_sink = [&](std::vector<core::Relation>& relations) {
    gathered.relations.insert(gathered.relations.end(), std::make_move_iterator(relations.begin()),
                              std::make_move_iterator(relations.end()));
    relations.clear();
    if (gathered.size() >= kPart) queue.Push(gathered);
  };
  std::exception_ptr failure;  // what the parser threw, rethrown here once it has stopped
  std::thread parser([&] {
    try {
      ParseFiles(files, request, names, batch, diagnostics, report.files, progress);
      if (gathered.size() > 0) queue.Push(gathered);
    } catch (...) {
      failure = std::current_exception();
    }
    queue.Close();
  });
  core::Status stored = core::Status::Ok();
  core::Batch part;
  while (auto next = queue.Pop()) {
    if (stored.ok()) {  // after a failure, keep draining so that the parser can finish
      part.assets = std::move(next->assets);
      part.relations = std::move(next->relations);
      stored = (*writer)->Put(part);
      next->assets = std::move(part.assets);
      next->relations = std::move(part.relations);
    }
    queue.Recycle(std::move(*next));
  }
  parser.join();
  if (failure) std::rethrow_exception(failure);
  if (!stored.ok()) return stored;
  batch.sink = nullptr;
  batch.relation_sink = nullptr;
  FinishBatch(batch, &store, diagnostics);
  if (diagnostics.has_errors()) {
    return core::Status::Invalid(std::to_string(diagnostics.error_count()) +
                                 " error(s); nothing was stored");
  }
  if (core::Status put = (*writer)->Put(batch); !put.ok()) return put;
  // The warnings stay with their files' sources (under --org), for the report.
  const std::vector<core::Diagnostic> found(diagnostics.items().begin() + earlier,
                                            diagnostics.items().end());
  if (core::Status put = (*writer)->PutWarnings(request.options.org, files, found); !put.ok()) {
    return put;
  }
  auto summary = (*writer)->Commit();
  if (!summary.ok()) return summary.status();
  report.stored = *summary;
  return report;
}

}  // namespace

core::Batch ParseBatch(const std::vector<std::string>& files, const ImportRequest& request,
                       const core::Store* store, core::Diagnostics& diagnostics,
                       std::vector<FileReport>& reports,
                       const std::function<void(std::string_view)>& progress) {
  core::Batch batch;
  MachineNames names;
  // A store that cannot be read holds no machines (it is only read for the checks).
  (void)LoadStoredMachines(store, request, files, names);
  ParseFiles(files, request, names, batch, diagnostics, reports, progress);
  FinishBatch(batch, store, diagnostics);
  return batch;
}

core::Result<ImportReport> RunImport(const ImportRequest& request, core::Store* store,
                                     core::Diagnostics& diagnostics,
                                     const std::function<void(std::string_view)>& progress) {
  if (!request.format.empty() && !FindImporter(request.format)) {
    std::vector<std::string> names;
    for (const Importer* i : AllImporters()) names.emplace_back(i->Name());
    std::string closest = core::ClosestName(request.format, names);
    return core::Status::Usage("unknown format '" + request.format + "'" +
                               (closest.empty() ? "" : "; did you mean '" + closest + "'?") +
                               " (see 'samdrift formats')");
  }
  if (request.options.org_source == OrgSource::kOption &&
      !core::IsValidOrgId(request.options.org)) {
    return core::Status::Usage("--org '" + request.options.org +
                               "' is not a municipality id (lowercase ASCII, e.g. 'gnosjo')");
  }
  std::vector<std::string> uploaded;
  for (const MemoryFile& file : request.uploads) uploaded.push_back(file.name);
  auto files = request.uploads.empty() ? ExpandPaths(request.paths)
                                       : core::Result<std::vector<std::string>>(uploaded);
  if (!files.ok()) return files.status();

  if (request.dry_run == DryRun::kNo && store != nullptr) {
    return ParseAndStore(*files, request, *store, diagnostics, progress);
  }
  ImportReport report;
  core::Batch batch = ParseBatch(*files, request, store, diagnostics, report.files, progress);
  if (diagnostics.has_errors()) {
    return core::Status::Invalid(std::to_string(diagnostics.error_count()) +
                                 " error(s); nothing was stored");
  }
  if (request.dry_run == DryRun::kYes || store == nullptr) return report;
  auto stored = store->Apply(batch);
  if (!stored.ok()) return stored.status();
  report.stored = *stored;
  return report;
}

}  // namespace samdrift::importers
