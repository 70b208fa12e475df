#include "core/store_browse.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>

#include <algorithm>
#include <chrono>

#include "core/store_internal.h"

namespace samdrift::core {
using store_internal::DecodeAttributes;
using store_internal::FromSqlite;

namespace {

// A search finding more assets than this pages them by SQL (its total still from the index):
// looking them up by id would cost more than the scan.
constexpr std::size_t kMostIds = 200000;

constexpr const char* kTimedOut = "the query ran past its deadline";

constexpr const char* kColumns =
    "id, org, kind, key, category, name, role, vendor, product, version, serial, site, hall, "
    "rack, position, u_height, power_w, redundancy_group, criticality, eol, estimated, importer, "
    "line, (SELECT name FROM sources WHERE sources.id = assets.source_id), implied";

AssetRow ReadRow(SQLite::Statement& st) {
  AssetRow row;
  Asset& a = row.asset;
  row.id = st.getColumn(0).getInt64();
  row.key = st.getColumn(3).getString();
  a.org = st.getColumn(1).getString();
  a.kind = ParseAssetKind(st.getColumn(2).getString()).value_or(AssetKind::kDevice);
  a.category = ParseCategory(st.getColumn(4).getString()).value_or(Category::kDatacenter);
  a.name = st.getColumn(5).getString();
  Name* texts[] = {&a.role,   &a.vendor, &a.product, &a.version,
                   &a.serial, &a.site,   &a.hall,    &a.rack};
  for (int i = 0; i < 8; ++i) *texts[i] = st.getColumn(6 + i).getString();
  if (!st.getColumn(14).isNull()) a.position = st.getColumn(14).getInt();
  if (!st.getColumn(15).isNull()) a.u_height = st.getColumn(15).getInt();
  if (!st.getColumn(16).isNull()) a.power_w = st.getColumn(16).getDouble();
  a.redundancy_group = st.getColumn(17).getString();
  a.criticality = st.getColumn(18).getString();
  a.eol = st.getColumn(19).getString();
  a.estimated = st.getColumn(20).getInt() != 0;
  a.provenance.importer = st.getColumn(21).getString();
  a.provenance.line = st.getColumn(22).getInt();
  a.provenance.source = st.getColumn(23).getString();
  row.implied = st.getColumn(24).getInt() != 0;
  return row;
}

std::string SortColumn(const std::string& sort) {
  const auto* end = std::end(kBrowseSortKeys);
  return std::find(std::begin(kBrowseSortKeys), end, sort) != end ? sort : "name";
}

// LIKE with '\' escaping the pattern's own % and _.
std::string LikePattern(const std::string& text) {
  std::string out = "%";
  for (char c : text) {
    if (c == '%' || c == '_' || c == '\\') out += '\\';
    out += c;
  }
  return out + "%";
}

// "[1,2,3]": ids for json_each(?), one bound value however many they are.
std::string IdsJson(const std::vector<std::int64_t>& ids) {
  std::string list = "[";
  for (std::int64_t id : ids) list += (list.size() > 1 ? "," : "") + std::to_string(id);
  return list + "]";
}

}  // namespace

struct AssetBrowser::Impl {
  Impl(const std::string& path, int deadline_ms)
      : db(path, SQLite::OPEN_READONLY), path(path), deadline(deadline_ms) {
    sqlite3_progress_handler(db.getHandle(), 1000, &Impl::Progress, this);
  }
  // Non-zero stops the statement (SQLITE_INTERRUPT).
  static int Progress(void* self) {
    auto* impl = static_cast<Impl*>(self);
    if (std::chrono::steady_clock::now() < impl->until) return 0;
    impl->timed_out = true;
    return 1;
  }
  void Start() {
    until = std::chrono::steady_clock::now() + deadline;
    timed_out = false;
  }
  Status Failure(const std::exception& e, std::string_view doing) const {
    if (timed_out) return Status::StoreError(kTimedOut);
    return FromSqlite(e, path, doing);
  }

  // The kept org list, and the text index, with the data_version each was made at.
  bool Fresh(std::int64_t made_at) {
    return db.execAndGet("PRAGMA data_version").getInt64() == made_at;
  }
  std::optional<std::vector<OrgInfo>> orgs;
  std::int64_t orgs_version = 0;
  std::size_t org_counts = 0;
  std::shared_ptr<const AssetTextIndex> index;
  std::int64_t index_version = 0;
  std::size_t indexed_searches = 0;
  std::size_t indexed_details = 0;

  SQLite::Database db;
  std::string path;
  std::chrono::milliseconds deadline;
  std::chrono::steady_clock::time_point until;
  bool timed_out = false;
};

AssetBrowser::AssetBrowser(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
AssetBrowser::~AssetBrowser() = default;

Result<std::unique_ptr<AssetBrowser>> AssetBrowser::Open(const std::string& path, int deadline_ms) {
  try {
    return std::unique_ptr<AssetBrowser>(
        new AssetBrowser(std::make_unique<Impl>(path, deadline_ms)));
  } catch (const std::exception& e) {
    return FromSqlite(e, path, "opening the store");
  }
}

bool BrowseTimedOut(const Status& status) {
  return status.code() == ErrorCode::kStore && status.message() == kTimedOut;
}

// The WHERE clause of a page and its values: the filters, or the ids the text index found.
struct AssetBrowser::Filter {
  std::string where = " WHERE 1";
  std::vector<std::string> values;
  std::optional<std::size_t> total;  // known already (from the index)
  bool by_ids = false;               // the rows are looked up by id, then sorted
};

AssetBrowser::Filter AssetBrowser::FilterOf(const AssetPageQuery& query) {
  Filter filter;
  auto ids = Searched(query);
  if (ids) filter.total = ids->size();
  if (ids && ids->size() <= kMostIds) {
    filter.by_ids = true;
    filter.where = " WHERE id IN (SELECT value FROM json_each(?))";
    filter.values.push_back(IdsJson(*ids));
    return filter;
  }
  auto add = [&](const std::string& sql, const std::string& value) {
    filter.where += " AND " + sql;
    filter.values.push_back(value);
  };
  if (!query.org.empty()) add("org = ?", query.org);
  if (!query.category.empty()) add("category = ?", query.category);
  if (!query.kind.empty()) add("kind = ?", query.kind);
  if (!query.text.empty()) {
    const std::string like = LikePattern(query.text);
    filter.where += " AND (";
    const char* columns[] = {"name", "key", "vendor", "product", "serial", "role"};
    for (const char* column : columns) {
      filter.where +=
          std::string(column == columns[0] ? "" : " OR ") + column + " LIKE ? ESCAPE '\\'";
      filter.values.push_back(like);
    }
    filter.where += ")";
  }
  return filter;
}

std::optional<std::vector<std::int64_t>> AssetBrowser::Searched(const AssetPageQuery& query) {
  if (query.text.empty() || query.text.find('\0') != std::string::npos || !impl_->index ||
      !impl_->Fresh(impl_->index_version)) {
    return std::nullopt;
  }
  ++impl_->indexed_searches;
  return impl_->index->Find(query.text, query.org, query.kind, query.category);
}

Result<AssetPage> AssetBrowser::Page(const AssetPageQuery& query) {
  AssetPage page;
  impl_->Start();
  try {
    const Filter filter = FilterOf(query);
    const std::string& where = filter.where;
    const std::vector<std::string>& values = filter.values;
    const std::string sort = SortColumn(query.sort);
    const char* order = query.descending ? " DESC" : "";
    const char* beyond = query.descending ? "<" : ">";
    page.total = filter.total ? *filter.total : Count(where, values);
    page.indexed = filter.total.has_value();
    // The page's ids first (sorting ids and the sort column only), then its rows' columns.
    std::string sql = "SELECT id FROM assets" + where;
    std::int64_t after_id = 0;
    std::string after_value;
    const std::size_t colon = query.after.find(':');
    if (colon != std::string::npos) {
      after_id = std::stoll(query.after.substr(0, colon));
      after_value = query.after.substr(colon + 1);
      sql += " AND (" + sort + " " + beyond + " ? OR (" + sort + " = ? AND id " + beyond + " ?))";
    }
    // By ids: the planner must not walk an index in `sort`'s order (unary + keeps it off).
    const std::string by = sort + order + ", id" + order;
    sql = std::string("SELECT ") + kColumns + " FROM assets WHERE id IN (" + sql + " ORDER BY " +
          (filter.by_ids ? "+" : "") + by + " LIMIT ? OFFSET ?) ORDER BY +" + by;
    SQLite::Statement st(impl_->db, sql);
    int n = 0;
    for (const std::string& v : values) st.bind(++n, v);
    if (colon != std::string::npos) {
      st.bind(++n, after_value);
      st.bind(++n, after_value);
      st.bind(++n, after_id);
    }
    st.bind(++n, static_cast<std::int64_t>(query.limit));
    st.bind(++n, static_cast<std::int64_t>(colon == std::string::npos ? query.offset : 0));
    std::string last_value;
    while (st.executeStep()) {
      page.rows.push_back(ReadRow(st));
      last_value = st.getColumn(sort.c_str()).getString();
    }
    if (page.rows.size() == query.limit && query.limit > 0) {
      page.next = std::to_string(page.rows.back().id) + ":" + last_value;
    }
  } catch (const std::invalid_argument&) {
    return Status::Usage("after: expected the 'next' of the page before");
  } catch (const std::out_of_range&) {
    return Status::Usage("after: expected the 'next' of the page before");
  } catch (const std::exception& e) {
    return impl_->Failure(e, "paging the assets");
  }
  return page;
}

std::size_t AssetBrowser::Count(const std::string& where, const std::vector<std::string>& values) {
  SQLite::Statement count(impl_->db, "SELECT count(*) FROM assets" + where);
  for (std::size_t i = 0; i < values.size(); ++i) count.bind(static_cast<int>(i + 1), values[i]);
  count.executeStep();
  return static_cast<std::size_t>(count.getColumn(0).getInt64());
}

Result<std::vector<OrgInfo>> AssetBrowser::Orgs() {
  // No deadline: one pass over an index, bounded by the store's size, answered once and kept.
  impl_->until = std::chrono::steady_clock::time_point::max();
  impl_->timed_out = false;
  try {
    if (!impl_->orgs || !impl_->Fresh(impl_->orgs_version)) {
      // The text index, when it is of the store as it is, has counted them already.
      const bool indexed = impl_->index && impl_->Fresh(impl_->index_version);
      impl_->orgs_version =
          indexed ? impl_->index_version : impl_->db.execAndGet("PRAGMA data_version").getInt64();
      impl_->orgs =
          store_internal::ListOrgs(impl_->db, indexed ? &impl_->index->org_counts() : nullptr);
      ++impl_->org_counts;
    }
    return *impl_->orgs;
  } catch (const std::exception& e) {
    impl_->orgs.reset();
    return impl_->Failure(e, "listing orgs");
  }
}

Result<std::int64_t> AssetBrowser::DataVersion() {
  try {
    return impl_->db.execAndGet("PRAGMA data_version").getInt64();
  } catch (const std::exception& e) {
    return FromSqlite(e, impl_->path, "reading the store's version");
  }
}

void AssetBrowser::UseTextIndex(std::shared_ptr<const AssetTextIndex> index, std::int64_t version) {
  impl_->index = std::move(index);
  impl_->index_version = version;
}

bool AssetBrowser::NeedsTextIndex() {
  try {
    return !impl_->index || !impl_->Fresh(impl_->index_version);
  } catch (const std::exception&) {
    return false;  // the next page reports the store's error
  }
}

std::size_t AssetBrowser::org_counts() const { return impl_->org_counts; }
std::size_t AssetBrowser::indexed_searches() const { return impl_->indexed_searches; }
std::size_t AssetBrowser::indexed_details() const { return impl_->indexed_details; }

Result<std::optional<AssetDetail>> AssetBrowser::Detail(const std::string& org, AssetKind kind,
                                                        const std::string& key) {
  impl_->Start();
  try {
    SQLite::Statement st(impl_->db, std::string("SELECT ") + kColumns +
                                        ", attributes FROM assets WHERE org = ? AND kind = ? "
                                        "AND key = ?");
    const std::string kind_name(ToString(kind));
    st.bind(1, org);
    st.bind(2, kind_name);
    st.bind(3, key);
    if (!st.executeStep()) return std::optional<AssetDetail>();
    AssetDetail detail;
    detail.row = ReadRow(st);
    DecodeAttributes(st.getColumn(25).getString(), detail.row.asset.attributes);
    // Relations name their ends by key, with the kind when the importer stated it. With the
    // text index of the store as it is, only the relations it says may name this asset are read
    // (the relations table has no index by end: a scan of it takes a second at national scale).
    std::string candidates;
    if (impl_->index && impl_->Fresh(impl_->index_version)) {
      const std::vector<std::int64_t> ids = impl_->index->RelationsNaming(org, key);
      if (ids.size() <= kMostIds) {
        ++impl_->indexed_details;
        candidates = IdsJson(ids);
      }
    }
    const std::string among =
        candidates.empty() ? "" : "id IN (SELECT value FROM json_each(?4)) AND ";
    SQLite::Statement links(
        impl_->db,
        "SELECT 'out', kind, target_org, target, target_kind, importer, line, "
        "(SELECT name FROM sources WHERE sources.id = relations.source_id) FROM relations "
        "WHERE " +
            among +
            "org = ?1 AND source = ?2 AND source_kind IN ('', ?3) "
            "UNION ALL SELECT 'in', kind, org, source, source_kind, importer, line, "
            "(SELECT name FROM sources WHERE sources.id = relations.source_id) FROM relations "
            "WHERE " +
            among +
            "(target_org = ?1 OR (target_org = '' AND org = ?1)) AND target = ?2 "
            "AND target_kind IN ('', ?3)");
    if (!candidates.empty()) links.bind(4, candidates);
    links.bind(1, org);
    links.bind(2, key);
    links.bind(3, kind_name);
    while (links.executeStep()) {
      AssetLink link;
      link.direction = links.getColumn(0).getString();
      link.kind =
          ParseRelationKind(links.getColumn(1).getString()).value_or(RelationKind::kDependsOn);
      link.org = links.getColumn(2).getString();
      if (link.org.empty()) link.org = org;
      link.key = links.getColumn(3).getString();
      link.asset_kind = links.getColumn(4).getString();
      link.provenance = {links.getColumn(5).getString(), links.getColumn(7).getString(),
                         links.getColumn(6).getInt()};
      detail.links.push_back(std::move(link));
    }
    return std::optional<AssetDetail>(std::move(detail));
  } catch (const std::exception& e) {
    return impl_->Failure(e, "reading an asset");
  }
}

}  // namespace samdrift::core
