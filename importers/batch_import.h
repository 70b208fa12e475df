// One `import` call: read every file, detect or apply its format, parse, check references
// against the batch and the store, then store everything in one transaction or nothing.
#ifndef SAMDRIFT_IMPORTERS_BATCH_IMPORT_H_
#define SAMDRIFT_IMPORTERS_BATCH_IMPORT_H_

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.h"
#include "core/result.h"
#include "core/store.h"
#include "importers/importer.h"

namespace samdrift::importers {

enum class DryRun { kNo, kYes };
// What to do with a file no importer recognises: an error (import), or a warning (demo: the
// bundled samples hold formats whose importers may not exist in this build).
enum class UnknownFormat { kError, kSkip };

// A file already in memory (an upload to `samdrift serve`): `name` labels it in provenance and
// diagnostics as a path would; nothing is read from or written to disk under it.
struct MemoryFile {
  std::string name;
  std::string content;
};

struct ImportRequest {
  std::vector<std::string> paths;   // files or folders (every file below a folder, sorted)
  std::vector<MemoryFile> uploads;  // when not empty: these instead of `paths`
  std::string format;               // empty: detect per file
  ImportOptions options;
  DryRun dry_run = DryRun::kNo;
  UnknownFormat unknown_format = UnknownFormat::kError;
};

struct FileReport {
  std::string path;
  std::string format;
  std::size_t assets = 0;
  std::size_t relations = 0;
  std::size_t device_types = 0;
};

struct ImportReport {
  std::vector<FileReport> files;
  core::ApplySummary stored;  // zero on a dry run
};

// Expands folders into their files (recursively, sorted, hidden files skipped).
core::Result<std::vector<std::string>> ExpandPaths(const std::vector<std::string>& paths);

// What ParseBatch does with one file's content already read: detects the format (unless
// `forced` is given), imports, fills in provenance and checks org ids, then appends to `batch`
// and `reports`. Returns the importer used; nullptr when none recognised the content.
const Importer* ImportContent(std::string_view content, const std::string& path,
                              const Importer* forced, const ImportRequest& request,
                              core::Batch& batch, core::Diagnostics& diagnostics,
                              std::vector<FileReport>& reports,
                              const std::function<void(std::string_view)>& progress = {});

// The checks across the whole batch once every file is in: completes rack halls and checks
// references (the store, when given, is only read).
void FinishBatch(core::Batch& batch, const core::Store* store, core::Diagnostics& diagnostics);

// Parses and checks one batch without touching the store (the store, when given, is only read
// to resolve references). Returns the batch; errors are in `diagnostics`.
core::Batch ParseBatch(const std::vector<std::string>& files, const ImportRequest& request,
                       const core::Store* store, core::Diagnostics& diagnostics,
                       std::vector<FileReport>& reports,
                       const std::function<void(std::string_view)>& progress);

// Reports every reference of `batch` that resolves neither within the batch nor (when `store` is
// given) against the store.
void CheckReferences(const core::Batch& batch, const core::Store* store,
                     core::Diagnostics& diagnostics);

// The whole import. The warnings it diagnoses are stored with their files' sources under
// request.options.org (StoreWriter::PutWarnings). Fails with kInvalidInput when any error was
// diagnosed (nothing stored), kUsage for an unknown format, kStore when the store fails (nothing
// stored).
core::Result<ImportReport> RunImport(const ImportRequest& request, core::Store* store,
                                     core::Diagnostics& diagnostics,
                                     const std::function<void(std::string_view)>& progress = {});

// An org the store does not have yet, within two edits of one it has, is most likely a typo of
// that one ('gnosjoo' for 'gnosjo'): a usage error "org 'gnosjoo' is not in the store; did you
// mean 'gnosjo'? (--new-org creates it)". Ok for an org the store has or one far from all.
core::Status CheckNewOrg(const core::Store& store, const std::string& org);

}  // namespace samdrift::importers

#endif  // SAMDRIFT_IMPORTERS_BATCH_IMPORT_H_
