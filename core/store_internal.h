// What the store's sources (core/store_*.cc: schema, codec, implied, write, read, stats, orgs,
// remove) share behind store.h. Only core/store_*.cc include it.
#ifndef SAMDRIFT_CORE_STORE_INTERNAL_H_
#define SAMDRIFT_CORE_STORE_INTERNAL_H_

#include <SQLiteCpp/SQLiteCpp.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <map>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/model.h"
#include "core/result.h"
#include "core/store.h"

namespace samdrift::core {

// Binds a rack unit (core/compact.h), or NULL when it has none. In samdrift::core, beside the
// type, so that the writer's BindOptional(statement, index, asset.position) finds it.
void BindOptional(SQLite::Statement& st, int index, PackedOptionalInt value);

struct Store::Impl {
  explicit Impl(SQLite::Database database) : db(std::move(database)) {}
  SQLite::Database db;
};

namespace store_internal {

// A failed SQLite call as a store error naming the store and what it was `doing` (busy,
// read-only, full, corrupt ... each in words).
Status FromSqlite(const std::exception& e, const std::string& path, std::string_view doing);

// The page cache of a connection (KiB), and of one while it writes an import: a batch's dirty
// pages that do not fit are spilled to the write-ahead log before the commit, and an index page
// spilled and changed again is written to it again (a 300,000-row CSV with 32 MiB: 171 MB of log
// for a 60 MB store).
inline constexpr int kCacheKib = 32 * 1024;
inline constexpr int kImportCacheKib = 256 * 1024;

// The import's page cache while it lives, then the connection's again.
class ImportCache {
 public:
  explicit ImportCache(SQLite::Database& db) : db_(db) { Set(kImportCacheKib); }
  ~ImportCache() {
    try {
      Set(kCacheKib);
    } catch (...) {  // a connection that cannot take a pragma any more keeps the larger cache
    }
  }
  ImportCache(const ImportCache&) = delete;
  ImportCache& operator=(const ImportCache&) = delete;

 private:
  void Set(int kib) { db_.exec("PRAGMA cache_size = -" + std::to_string(kib)); }
  SQLite::Database& db_;
};

// The orgs with sources or assets, sorted.
std::vector<std::string> OrgIds(SQLite::Database& db);
// The orgs' display names, and every org (sources or assets) with its asset count, sorted by id
// (Store::OrgList, AssetBrowser::Orgs); they throw SQLite's exceptions.
OrgNames ReadOrgNames(SQLite::Database& db);
// With `counts` (each org's assets, counted already) only the orgs of sources are read.
std::vector<OrgInfo> ListOrgs(SQLite::Database& db,
                              const std::map<std::string, std::size_t>* counts = nullptr);
// "the store has no org 'X'; did you mean 'Y'?" (invalid input).
Status UnknownOrg(const std::string& org, const std::vector<std::string>& ids);

// The last path component of a provenance source: the file name sources are kept under.
std::string FileName(const std::string& source);

// The attribute codec (store_codec.cc): an asset's attributes as one column's text. Decoding
// into `out` replaces the values of keys it holds already and appends the others.
std::string EncodeAttributes(std::span<const Attribute> attributes);
void DecodeAttributes(std::string_view text, Attributes& out);
void DecodeAttributes(std::string_view text, std::vector<Attribute>& out);

// Binds without a copy: `value` must stay alive and unchanged until the statement has run.
inline void BindText(SQLite::Statement& st, int index, const std::string& value) {
  st.bindNoCopy(index, value);
}

// The contract names of kinds and categories as long-lived strings, to bind without copying.
template <typename Enum, std::size_t N>
const std::string& NameOf(Enum value, const Enum (&all)[N]) {
  static const std::array<std::string, N> kNames = [&] {
    std::array<std::string, N> names;
    for (std::size_t i = 0; i < N; ++i) names[static_cast<std::size_t>(all[i])] = ToString(all[i]);
    return names;
  }();
  return kNames[static_cast<std::size_t>(value)];
}

// The site, hall and rack assets an org's rows name but nobody declared (implied = 1, category
// datacenter): a rack for each distinct (site, hall, rack), a hall for each (site, hall) named
// by any row or implied rack, a site for each site named by any row, hall or rack. Write()
// leaves an asset already there under the same key as it is.
class ImpliedLocations {
 public:
  // One row's location; a site, hall or rack row does not imply itself.
  void Add(AssetKind kind, const std::string& site, const std::string& hall,
           const std::string& rack);
  // Every location the org's stored rows name (kNamedLocations), in one pass.
  void AddStored(const std::string& org, SQLite::Statement& named);
  // Returns the number of rows inserted.
  std::size_t Write(const std::string& org, SQLite::Statement& insert);

 private:
  std::set<std::array<std::string, 3>> racks_;
  std::set<std::pair<std::string, std::string>> halls_;
  std::set<std::string> sites_;
  std::array<std::string, 3> last_rack_;
  std::pair<std::string, std::string> last_hall_;
  std::string last_site_;
};

// (org, file name) -> source id
using SourceIdMap = std::map<std::pair<std::string, std::string>, std::int64_t>;

// Keeps an import's warnings with the sources of their files, in the writer's transaction
// (StoreWriter::PutWarnings).
class WarningWriter {
 public:
  explicit WarningWriter(SQLite::Database& db);
  // Removes the warnings stored with a source.
  void Drop(std::int64_t source_id);
  // As StoreWriter::PutWarnings; `batch_sources` are the sources the writer's rows have touched
  // (their warnings are gone already). Returns the number of warnings written.
  std::size_t Put(const SourceIdMap& batch_sources, const std::string& org,
                  const std::vector<std::string>& files,
                  const std::vector<Diagnostic>& diagnostics);

 private:
  // The id of (org, file name) for warnings: the batch's source, else a stored one, else (with
  // kCreate) a new source row without assets. Never removes rows: a file that brought warnings
  // and no rows leaves what earlier imports of it stored, like a file that brought nothing.
  enum class Missing { kSkip, kCreate };
  std::optional<std::int64_t> Source(const SourceIdMap& batch_sources, const std::string& org,
                                     const std::string& name, Missing missing,
                                     SQLite::Statement& find, SQLite::Statement& create);

  SQLite::Database& db_;
  SQLite::Statement drop_;
  SourceIdMap sources_;  // of files that brought warnings but no rows in this batch
};

struct ImpliedChange {
  std::size_t dropped = 0;  // implied rows removed
  std::size_t written = 0;  // implied rows written again
};

// Replaces an org's implied sites, halls and racks by those its stored rows name now.
class ImpliedRewriter {
 public:
  explicit ImpliedRewriter(SQLite::Database& db);
  ImpliedChange Rewrite(const std::string& org);
  // The insert of one implied row (org, kind, key, name, site, hall).
  SQLite::Statement& insert_implied() { return insert_implied_; }

 private:
  SQLite::Statement drop_implied_;
  SQLite::Statement named_;
  SQLite::Statement insert_implied_;
};

}  // namespace store_internal
}  // namespace samdrift::core

#endif  // SAMDRIFT_CORE_STORE_INTERNAL_H_
