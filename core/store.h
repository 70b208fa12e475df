// The SQLite store: one file holding every org's assets, relations and the device-type catalog.
// SQLite stays behind this header; failures come back as Status with ErrorCode::kStore.
#ifndef SAMDRIFT_CORE_STORE_H_
#define SAMDRIFT_CORE_STORE_H_

#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/model.h"
#include "core/result.h"

namespace samdrift::core {

enum class OpenMode { kReadOnly, kReadWrite };

// Counts per org and category, for `stats`.
struct StoreStats {
  struct OrgCounts {
    std::map<Category, std::size_t> by_category;
    std::map<AssetKind, std::size_t> by_kind;
    std::size_t total = 0;
  };
  std::map<std::string, OrgCounts> orgs;
  std::size_t total = 0;
  std::size_t relations = 0;
  std::size_t unresolved_relations = 0;
  std::size_t device_types = 0;
  std::size_t sources = 0;
};

// What Apply() did.
struct ApplySummary {
  std::size_t assets_written = 0;
  std::size_t assets_replaced = 0;  // rows of earlier imports of the same files, removed first
  std::size_t relations_written = 0;
  std::size_t device_types_written = 0;
  // Sites, halls and racks the rows name but no file declares, added to the store (net: those
  // of earlier imports that are named again are not counted).
  std::size_t locations_implied = 0;
  std::vector<std::string> orgs;  // the orgs written, sorted
};

// Which assets to read. Empty `orgs` means all.
struct AssetQuery {
  std::vector<std::string> orgs;
  bool with_attributes = true;
  bool with_relations = true;  // false: Estate::relations stays empty
};

// Everything a planner needs, read in one go.
struct Estate {
  std::vector<Asset> assets;
  std::vector<Relation> relations;
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
  static constexpr int kSchemaVersion = 1;

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
  Status ForEachAsset(const AssetQuery& query, const std::function<void(Asset&&)>& visit) const;
  Status ForEachRelation(const std::vector<std::string>& orgs,
                         const std::function<void(Relation&&)>& visit) const;
  Result<Estate> LoadEstate(const AssetQuery& query) const;
  Result<std::vector<DeviceType>> DeviceTypes() const;

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
