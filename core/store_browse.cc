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
  // Each its own assignment: some of these fields are core::Name (interned), some strings.
  auto text = [&](int column) { return st.getColumn(column).getString(); };
  a.role = text(6);
  a.vendor = text(7);
  a.product = text(8);
  a.version = text(9);
  a.serial = text(10);
  a.site = text(11);
  a.hall = text(12);
  a.rack = text(13);
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

Result<AssetPage> AssetBrowser::Page(const AssetPageQuery& query) {
  std::string where = " WHERE 1";
  std::vector<std::string> values;
  auto add = [&](const std::string& sql, const std::string& value) {
    where += " AND " + sql;
    values.push_back(value);
  };
  if (!query.org.empty()) add("org = ?", query.org);
  if (!query.category.empty()) add("category = ?", query.category);
  if (!query.kind.empty()) add("kind = ?", query.kind);
  if (!query.text.empty()) {
    const std::string like = LikePattern(query.text);
    where += " AND (";
    const char* columns[] = {"name", "key", "vendor", "product", "serial", "role"};
    for (const char* column : columns) {
      where += std::string(column == columns[0] ? "" : " OR ") + column + " LIKE ? ESCAPE '\\'";
      values.push_back(like);
    }
    where += ")";
  }
  const std::string sort = SortColumn(query.sort);
  const char* order = query.descending ? " DESC" : "";
  const char* beyond = query.descending ? "<" : ">";
  AssetPage page;
  impl_->Start();
  try {
    SQLite::Statement count(impl_->db, "SELECT count(*) FROM assets" + where);
    for (std::size_t i = 0; i < values.size(); ++i) count.bind(static_cast<int>(i + 1), values[i]);
    count.executeStep();
    page.total = static_cast<std::size_t>(count.getColumn(0).getInt64());
    std::string sql = std::string("SELECT ") + kColumns + " FROM assets" + where;
    std::int64_t after_id = 0;
    std::string after_value;
    const std::size_t colon = query.after.find(':');
    if (colon != std::string::npos) {
      after_id = std::stoll(query.after.substr(0, colon));
      after_value = query.after.substr(colon + 1);
      sql += " AND (" + sort + " " + beyond + " ? OR (" + sort + " = ? AND id " + beyond + " ?))";
    }
    sql += " ORDER BY " + sort + order + ", id" + order + " LIMIT ? OFFSET ?";
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
    // Relations name their ends by key, with the kind when the importer stated it.
    SQLite::Statement links(
        impl_->db,
        "SELECT 'out', kind, target_org, target, target_kind, importer, line, "
        "(SELECT name FROM sources WHERE sources.id = relations.source_id) FROM relations "
        "WHERE org = ?1 AND source = ?2 AND source_kind IN ('', ?3) "
        "UNION ALL SELECT 'in', kind, org, source, source_kind, importer, line, "
        "(SELECT name FROM sources WHERE sources.id = relations.source_id) FROM relations "
        "WHERE (target_org = ?1 OR (target_org = '' AND org = ?1)) AND target = ?2 "
        "AND target_kind IN ('', ?3)");
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
