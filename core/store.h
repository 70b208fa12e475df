// The SQLite store: one file holding every org's assets, relations and the device-type catalog.
// SQLite stays behind this header; failures come back as Status with ErrorCode::kStore.
#ifndef SAMDRIFT_CORE_STORE_H_
#define SAMDRIFT_CORE_STORE_H_

#include <array>
#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.h"
#include "core/model.h"
#include "core/result.h"

namespace samdrift::core {

enum class OpenMode { kReadOnly, kReadWrite };

// The optional fields whose completeness `stats` reports, and the assets each applies to
// (a field counts only over those; elsewhere it is not missing, it does not apply):
// - vendor, product, version: devices, clients and software (what a technology is made of);
// - serial, site: devices and clients (machines one can walk up to);
// - power_w, u_height: devices of a datacenter, network or platform category located in a hall
//   (hall or rack known: what the hall plan places); position: those of them in a rack;
// - ip: devices, VMs and clients (an `ip` attribute, or an IPAM address naming the machine as
//   its device or virtual machine);
// - criticality: services.
// A value is known when stored: a non-empty text, a number (0 too, and estimates too).
inline constexpr const char* kCompletenessFields[] = {
    "vendor",  "product",  "version",  "serial", "site",
    "power_w", "u_height", "position", "ip",     "criticality"};
inline constexpr std::size_t kCompletenessFieldCount = std::size(kCompletenessFields);

// How many assets a field applies to, and how many of them have it.
struct FieldCount {
  std::size_t applies = 0;
  std::size_t known = 0;
  // known / applies; nullopt where the field applies to no asset (unknown, never 0).
  std::optional<double> Share() const {
    if (applies == 0) return std::nullopt;
    return static_cast<double>(known) / static_cast<double>(applies);
  }
};

// Counts per org and category, for `stats`.
struct StoreStats {
  struct OrgCounts {
    std::map<Category, std::size_t> by_category;
    std::map<AssetKind, std::size_t> by_kind;
    std::size_t total = 0;
    std::size_t warnings = 0;  // import warnings stored with the org's sources
    std::array<FieldCount, kCompletenessFieldCount> completeness;  // as kCompletenessFields
  };
  std::map<std::string, OrgCounts> orgs;  // orgs with assets or stored warnings
  std::size_t total = 0;
  std::size_t relations = 0;
  std::size_t unresolved_relations = 0;
  std::size_t device_types = 0;
  std::size_t sources = 0;
  std::size_t warnings = 0;
};

// Import warnings kept with their sources (Store::ImportWarnings).
struct ImportWarning {
  std::string org;
  Diagnostic warning;  // where.source is the file as the user named it at import
};
struct StoredWarnings {
  struct Count {
    std::string org;
    std::string code;
    std::size_t count = 0;
  };
  std::vector<Count> counts;         // every stored warning, per org and code
  std::vector<ImportWarning> lines;  // the first ones, by org, file, line and column
  std::size_t total = 0;
};

// What Apply() did.
struct ApplySummary {
  std::size_t assets_written = 0;   // every asset row of the batch (several may share a key)
  std::size_t assets_stored = 0;    // the distinct assets those rows went into
  std::size_t assets_replaced = 0;  // rows of earlier imports of the same files, removed first
  std::size_t files_replaced = 0;   // files (org, file name) the store had from earlier imports
  std::size_t relations_written = 0;
  std::size_t device_types_written = 0;
  // Sites, halls and racks the rows name but no file declares, added to the store (net: those
  // of earlier imports that are named again are not counted).
  std::size_t locations_implied = 0;
  std::vector<std::string> orgs;  // the orgs written, sorted
  std::size_t warnings_written = 0;
};

// Which assets to read. Empty `orgs` means all.
struct AssetQuery {
  std::vector<std::string> orgs;
  bool with_attributes = true;
  bool with_relations = true;             // false: Estate::relations stays empty
  std::vector<AssetKind> kinds = {};      // empty: every kind
  std::vector<Category> categories = {};  // empty: every category
};

// An org in the store (one with sources or assets), for `orgs`.
struct OrgInfo {
  std::string id;
  std::string name;  // the display name, else the id
  std::size_t assets = 0;
};

// What Remove() takes out of the store.
struct RemoveSummary {
  std::string org;
  std::vector<std::string> sources;  // the file names removed, sorted
  std::size_t assets = 0;            // rows the files stored (implied locations not counted)
  std::size_t relations = 0;
  std::size_t warnings = 0;
  // Sites, halls and racks that were implied and that no remaining row names, and those a
  // removed file declared that remaining rows still name (now implied).
  std::size_t locations_dropped = 0;
  std::size_t locations_implied = 0;
  bool org_gone = false;  // nothing of the org is left: its display name went too
};

// One write transaction that takes its rows in parts, so that an import can store while it is
// still parsing. Put() as often as needed, then Commit(); a writer destroyed without a
// successful Commit() rolls everything back. The store must outlive it.
class StoreWriter {
 public:
  ~StoreWriter();
  StoreWriter(const StoreWriter&) = delete;
  StoreWriter& operator=(const StoreWriter&) = delete;

  // Writes the batch's assets, relations and device types. The first rows of each (org, file
  // name) remove what earlier imports of that file stored.
  Status Put(const Batch& batch);
  // Keeps the import's warnings (severity warning, with a source; others are skipped) with the
  // source of their file under `org`: the warnings `files` brought before are replaced, and a
  // file that brought warnings but no rows gets a source row of its own (its earlier rows stay,
  // as when it brings nothing). One prepared insert per warning. Call after the last Put().
  Status PutWarnings(const std::string& org, const std::vector<std::string>& files,
                     const std::vector<Diagnostic>& diagnostics);
  // Creates the site, hall and rack assets the rows imply, then commits.
  Result<ApplySummary> Commit();

 private:
  friend class Store;
  struct Impl;
  explicit StoreWriter(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// A Store (and its writers) is used by one thread at a time: the connection is opened without
// SQLite's own locking, which costs a mutex round trip on every call.
class Store {
 public:
  // 2: import warnings (source_warnings); 3: display names of orgs (orgs). Create(), and Open()
  // for writing, upgrade older stores in place; a read-only Open() of an older store asks for
  // 'samdrift init'.
  static constexpr int kSchemaVersion = 3;

  // Creates the schema in a new or empty file. A samdrift store is left as it is (upgraded if
  // older); any other file is refused.
  static Result<std::unique_ptr<Store>> Create(const std::string& path);
  // Opens an existing samdrift store; a missing file or a foreign one is an error.
  static Result<std::unique_ptr<Store>> Open(const std::string& path, OpenMode mode);
  // A private in-memory store with the schema, for tests.
  static Result<std::unique_ptr<Store>> OpenInMemory();

  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  // Stores a batch in one transaction: first removes whatever the same (org, file name) pairs
  // brought before (file name = the last path component of Provenance::source), then writes the
  // batch, then creates the site/hall/rack assets its locations imply. All or nothing.
  Result<ApplySummary> Apply(const Batch& batch);
  // The same in parts: Apply() is Begin(), one Put(), Commit().
  Result<std::unique_ptr<StoreWriter>> Begin();

  // True when an asset of this org, kind and key exists.
  Result<bool> HasAsset(const std::string& org, AssetKind kind, const std::string& key) const;
  // True when an asset of this kind and key exists in any org.
  Result<bool> HasAssetInAnyOrg(AssetKind kind, const std::string& key) const;

  Result<StoreStats> Stats() const;
  Result<std::vector<std::string>> Orgs() const;

  // The orgs with sources or assets, sorted by id, with display names and asset counts.
  Result<std::vector<OrgInfo>> OrgList() const;
  Result<OrgNames> Names() const;
  // Gives an org the store has a display name (empty: none, it shows its id). An org the store
  // lacks is invalid input, with the closest id it has.
  Status SetOrgName(const std::string& org, const std::string& name);

  // Takes out what `org`'s sources brought, or (when `files` is not empty) only those files'
  // (named as at import: the last path component counts): their assets, relations and stored
  // warnings, and the implied sites, halls and racks no remaining row names; the org's display
  // name goes when nothing of it is left. One transaction; with `dry_run` it is rolled back, so
  // the summary says what would go. An unknown org or file is invalid input naming the closest.
  // Exact only for what the files own: an asset belongs to the file that stored it last with
  // WriteMode::kReplace, and kPatch/kFill rows written into another file's asset leave their
  // fields behind (the store keeps no history of fields).
  Result<RemoveSummary> Remove(const std::string& org, const std::vector<std::string>& files,
                               bool dry_run);
  Status ForEachAsset(const AssetQuery& query, const std::function<void(Asset&&)>& visit) const;
  Status ForEachRelation(const std::vector<std::string>& orgs,
                         const std::function<void(Relation&&)>& visit) const;
  Result<Estate> LoadEstate(const AssetQuery& query) const;
  Result<std::vector<DeviceType>> DeviceTypes() const;
  // The stored import warnings of `orgs` (empty: all): counts of all, and the first `max_lines`.
  Result<StoredWarnings> ImportWarnings(const std::vector<std::string>& orgs,
                                        std::size_t max_lines) const;

  // SQLite's PRAGMA integrity_check: "ok" for a sound file, else the problems it lists.
  Result<std::string> IntegrityCheck() const;

  const std::string& path() const { return path_; }

  // Limits the file to `pages` pages (SQLite's max_page_count), for fault tests of a full disk.
  Status LimitPages(long long pages);

 private:
  struct Impl;
  Store(std::string path, std::unique_ptr<Impl> impl);
  std::string path_;
  std::unique_ptr<Impl> impl_;
};

}  // namespace samdrift::core

#endif  // SAMDRIFT_CORE_STORE_H_
