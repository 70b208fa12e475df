// Paging through the store's assets for `samdrift serve` (GET /api/assets): filters, sorting and
// pages by SQL on a connection of its own, never the whole estate per request; one asset's
// attributes, provenance and relations both ways. A query that runs past its deadline stops and
// says so (BrowseTimedOut) instead of holding the caller.
#ifndef SAMDRIFT_CORE_STORE_BROWSE_H_
#define SAMDRIFT_CORE_STORE_BROWSE_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/model.h"
#include "core/result.h"
#include "core/store.h"
#include "core/store_search.h"

namespace samdrift::core {

// The columns a page may be sorted by.
inline constexpr const char* kBrowseSortKeys[] = {"name",   "org",     "kind", "category",
                                                  "vendor", "product", "site", "key"};

struct AssetPageQuery {
  std::string org, category, kind;  // exact filters; empty: all
  std::string text;                 // in name, key, vendor, product, serial or role; empty: all
  std::string sort = "name";        // one of kBrowseSortKeys
  bool descending = false;
  std::size_t offset = 0;  // offset paging (with `after` empty)
  std::size_t limit = 50;
  std::string after;  // key paging: the `next` of the page before; empty: from the start
};

struct AssetRow {
  std::int64_t id = 0;
  std::string key;  // the identity within (org, kind): the name, or a location's path
  Asset asset;      // the columns; attributes only in AssetDetail
  bool implied = false;
};

struct AssetPage {
  std::size_t total = 0;  // rows matching the filters, over all pages
  std::vector<AssetRow> rows;
  std::string next;      // pass as `after` for the next page; empty on the last
  bool indexed = false;  // the text search was answered from the text index (else SQL)
};

struct AssetLink {
  std::string direction;  // "out" (this asset is the relation's source) or "in"
  RelationKind kind = RelationKind::kDependsOn;
  std::string org, key, asset_kind;  // the other end ("" kind: not stated)
  Provenance provenance;
};

struct AssetDetail {
  AssetRow row;
  std::vector<AssetLink> links;
};

class AssetBrowser {
 public:
  // Opens `path` (a samdrift store) read-only; a query past `deadline_ms` fails.
  static Result<std::unique_ptr<AssetBrowser>> Open(const std::string& path, int deadline_ms);
  ~AssetBrowser();

  // A text search (query.text) is answered from the text index when it is given and the store has
  // not changed since (UseTextIndex), else by SQL: the same rows, pages and total.
  Result<AssetPage> Page(const AssetPageQuery& query);
  // Every org with its asset count (Store::OrgList), counted once and kept until the store
  // changes (an import here or from another process: PRAGMA data_version).
  Result<std::vector<OrgInfo>> Orgs();
  // The store's change counter as this connection sees it (PRAGMA data_version).
  Result<std::int64_t> DataVersion();
  // Answers text searches from `index`, built when DataVersion() was `version`, until the store
  // changes. NeedsTextIndex(): none given yet, or the store changed since.
  void UseTextIndex(std::shared_ptr<const AssetTextIndex> index, std::int64_t version);
  bool NeedsTextIndex();
  // Org lists counted, searches answered from the index and asset pages whose relations the
  // index found, since the start (for tests).
  std::size_t org_counts() const;
  std::size_t indexed_searches() const;
  std::size_t indexed_details() const;
  // nullopt when the store has no such asset. Its relations are found through the text index
  // when it is of the store as it is (else by a scan of the relations).
  Result<std::optional<AssetDetail>> Detail(const std::string& org, AssetKind kind,
                                            const std::string& key);

 private:
  struct Impl;
  struct Filter;
  Filter FilterOf(const AssetPageQuery& query);
  // The ids the text index finds for the query; nullopt when SQL answers it.
  std::optional<std::vector<std::int64_t>> Searched(const AssetPageQuery& query);
  std::size_t Count(const std::string& where, const std::vector<std::string>& values);
  explicit AssetBrowser(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// True for the status of a query stopped at its deadline.
bool BrowseTimedOut(const Status& status);

}  // namespace samdrift::core

#endif  // SAMDRIFT_CORE_STORE_BROWSE_H_
