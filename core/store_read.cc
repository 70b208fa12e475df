// The readers: assets, relations, the estate, device types and stored import warnings.
#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>

#include <optional>
#include <unordered_map>
#include <utility>

#include "core/store.h"
#include "core/store_internal.h"

namespace samdrift::core {
using store_internal::DecodeAttributes;
using store_internal::FromSqlite;
namespace {

constexpr const char* kAssetColumns =
    "org, kind, key, category, name, role, vendor, product, version, serial, site, hall, rack, "
    "position, u_height, power_w, redundancy_group, criticality, eol, estimated, attributes, "
    "importer, line, source_id";

std::string OrgFilter(const std::vector<std::string>& orgs, const char* column) {
  if (orgs.empty()) return "";
  std::string sql = std::string(" WHERE ") + column + " IN (";
  for (std::size_t i = 0; i < orgs.size(); ++i) sql += i ? ",?" : "?";
  return sql + ")";
}

// Binds ?1, ?2, ... to `values` (orgs, or an AssetFilter's values).
void BindAll(SQLite::Statement& st, const std::vector<std::string>& values) {
  for (std::size_t i = 0; i < values.size(); ++i) st.bind(static_cast<int>(i + 1), values[i]);
}

// The WHERE clause of an asset query and its parameters, in order: orgs, kinds, categories.
struct AssetFilter {
  std::string sql;
  std::vector<std::string> values;
};

AssetFilter FilterOf(const AssetQuery& query) {
  AssetFilter filter;
  auto add = [&](const char* column, std::vector<std::string> values) {
    if (values.empty()) return;
    filter.sql += filter.sql.empty() ? " WHERE " : " AND ";
    filter.sql += std::string(column) + " IN (";
    for (std::size_t i = 0; i < values.size(); ++i) filter.sql += i ? ",?" : "?";
    filter.sql += ")";
    filter.values.insert(filter.values.end(), values.begin(), values.end());
  };
  add("org", query.orgs);
  std::vector<std::string> kinds, categories;
  for (AssetKind k : query.kinds) kinds.emplace_back(ToString(k));
  for (Category c : query.categories) categories.emplace_back(ToString(c));
  add("kind", std::move(kinds));
  add("category", std::move(categories));
  return filter;
}

// A query on SQLite's own handle for the loops that read millions of rows: SQLiteCpp's Column
// objects copy a shared pointer each, which showed when loading the estate. Failures throw
// SQLite::Exception like the rest of this file.
class RowReader {
 public:
  RowReader(SQLite::Database& db, const std::string& sql) : db_(db.getHandle()) {
    Check(sqlite3_prepare_v2(db_, sql.c_str(), -1, &row_, nullptr));
  }
  ~RowReader() { sqlite3_finalize(row_); }
  RowReader(const RowReader&) = delete;
  RowReader& operator=(const RowReader&) = delete;

  void Bind(const std::vector<std::string>& values) {
    for (std::size_t i = 0; i < values.size(); ++i) {
      Check(sqlite3_bind_text(row_, static_cast<int>(i + 1), values[i].data(),
                              static_cast<int>(values[i].size()), SQLITE_TRANSIENT));
    }
  }
  bool Next() {
    const int rc = sqlite3_step(row_);
    if (rc == SQLITE_ROW) return true;
    if (rc != SQLITE_DONE) Check(rc);
    return false;
  }
  std::string_view Text(int column) const {
    const unsigned char* text = sqlite3_column_text(row_, column);
    if (!text) return {};
    return {reinterpret_cast<const char*>(text),
            static_cast<std::size_t>(sqlite3_column_bytes(row_, column))};
  }
  std::optional<int> OptionalInt(int column) const {
    if (sqlite3_column_type(row_, column) == SQLITE_NULL) return std::nullopt;
    return sqlite3_column_int(row_, column);
  }
  std::optional<double> OptionalDouble(int column) const {
    if (sqlite3_column_type(row_, column) == SQLITE_NULL) return std::nullopt;
    return sqlite3_column_double(row_, column);
  }
  int Int(int column) const { return sqlite3_column_int(row_, column); }
  std::int64_t Int64(int column) const { return sqlite3_column_int64(row_, column); }

 private:
  void Check(int rc) const {
    if (rc != SQLITE_OK) throw SQLite::Exception(db_, rc);
  }
  sqlite3* db_;
  sqlite3_stmt* row_ = nullptr;
};

// A column of repeated texts read as Names: rows repeat their neighbours' texts (the org, the
// file, the site, the vendor), so the last one is kept and a repeat costs a comparison instead of
// a hash and a look-up in the pool.
class NameColumn {
 public:
  Name operator()(std::string_view text) {
    if (text != last_.view()) last_ = Name(text);
    return last_;
  }

 private:
  Name last_;
};

// The sources' names by id, read once: a sub-query per row cost an index look-up in SQLite for
// each of millions of rows.
class SourceNames {
 public:
  explicit SourceNames(SQLite::Database& db) {
    RowReader row(db, "SELECT id, name FROM sources");
    while (row.Next()) names_.emplace(row.Int64(0), Name(row.Text(1)));
  }
  // The name of the source `column` holds; empty when it is NULL or names no source.
  Name operator()(const RowReader& row, int column) {
    if (!row.OptionalInt(column)) return Name();
    const std::int64_t id = row.Int64(column);
    if (id != last_id_) {
      auto it = names_.find(id);
      last_ = it == names_.end() ? Name() : it->second;
      last_id_ = id;
    }
    return last_;
  }

 private:
  std::unordered_map<std::int64_t, Name> names_;
  std::int64_t last_id_ = -1;
  Name last_;
};

}  // namespace

Result<bool> Store::HasAsset(const std::string& org, AssetKind kind, const std::string& key) const {
  try {
    SQLite::Statement st(impl_->db,
                         "SELECT 1 FROM assets WHERE org = ?1 AND key = ?2 AND kind = ?3");
    st.bind(1, org);
    st.bind(2, key);
    st.bind(3, std::string(ToString(kind)));
    return st.executeStep();
  } catch (const std::exception& e) {
    return FromSqlite(e, path_, "looking up an asset");
  }
}

Result<bool> Store::HasAssetInAnyOrg(AssetKind kind, const std::string& key) const {
  try {
    SQLite::Statement st(impl_->db, "SELECT 1 FROM assets WHERE key = ?1 AND kind = ?2");
    st.bind(1, key);
    st.bind(2, std::string(ToString(kind)));
    return st.executeStep();
  } catch (const std::exception& e) {
    return FromSqlite(e, path_, "looking up an asset");
  }
}

Status Store::ForEachAsset(const AssetQuery& query,
                           const std::function<void(Asset&&)>& visit) const {
  try {
    const AssetFilter filter = FilterOf(query);
    RowReader row(impl_->db, std::string("SELECT ") + kAssetColumns + " FROM assets" + filter.sql +
                                 " ORDER BY id");
    row.Bind(filter.values);
    SourceNames sources(impl_->db);
    NameColumn org, role, vendor, product, version, serial, site, hall, rack, group, criticality,
        eol, importer;
    while (row.Next()) {
      Asset a;
      a.org = org(row.Text(0));
      a.kind = ParseAssetKind(row.Text(1)).value_or(AssetKind::kDevice);
      a.category = ParseCategory(row.Text(3)).value_or(Category::kDatacenter);
      a.name = row.Text(4);
      a.role = role(row.Text(5));
      a.vendor = vendor(row.Text(6));
      a.product = product(row.Text(7));
      a.version = version(row.Text(8));
      a.serial = serial(row.Text(9));
      a.site = site(row.Text(10));
      a.hall = hall(row.Text(11));
      a.rack = rack(row.Text(12));
      a.position = row.OptionalInt(13);
      a.u_height = row.OptionalInt(14);
      a.power_w = row.OptionalDouble(15);
      a.redundancy_group = group(row.Text(16));
      a.criticality = criticality(row.Text(17));
      a.eol = eol(row.Text(18));
      a.estimated = row.Int(19) != 0;
      if (query.with_attributes) DecodeAttributes(row.Text(20), a.attributes);
      a.provenance.importer = importer(row.Text(21));
      a.provenance.line = row.Int(22);
      a.provenance.source = sources(row, 23);
      visit(std::move(a));
    }
    return Status::Ok();
  } catch (const std::exception& e) {
    return FromSqlite(e, path_, "reading assets");
  }
}

Status Store::ForEachRelation(const std::vector<std::string>& orgs,
                              const std::function<void(Relation&&)>& visit) const {
  try {
    RowReader row(
        impl_->db,
        "SELECT org, source, source_kind, kind, target_org, target, target_kind, source_port, "
        "target_port, importer, line, source_id FROM relations" +
            OrgFilter(orgs, "org") + " ORDER BY id");
    row.Bind(orgs);
    SourceNames sources(impl_->db);
    NameColumn org, target_org, source_port, target_port, importer;
    while (row.Next()) {
      Relation r;
      r.org = org(row.Text(0));
      r.source = row.Text(1);
      r.source_kind = ParseAssetKind(row.Text(2));
      r.kind = ParseRelationKind(row.Text(3)).value_or(RelationKind::kDependsOn);
      r.target_org = target_org(row.Text(4));
      r.target = row.Text(5);
      r.target_kind = ParseAssetKind(row.Text(6));
      r.source_port = source_port(row.Text(7));
      r.target_port = target_port(row.Text(8));
      r.provenance.importer = importer(row.Text(9));
      r.provenance.line = row.Int(10);
      r.provenance.source = sources(row, 11);
      visit(std::move(r));
    }
    return Status::Ok();
  } catch (const std::exception& e) {
    return FromSqlite(e, path_, "reading relations");
  }
}

Result<Estate> Store::LoadEstate(const AssetQuery& query) const {
  Estate estate;
  // Reserved up front: growing a vector of millions of assets moves them all several times.
  try {
    auto count_rows = [&](const std::string& table, const AssetFilter& filter) {
      SQLite::Statement count(impl_->db, "SELECT count(*) FROM " + table + filter.sql);
      BindAll(count, filter.values);
      count.executeStep();
      return static_cast<std::size_t>(count.getColumn(0).getInt64());
    };
    estate.assets.reserve(count_rows("assets", FilterOf(query)));
    if (query.with_relations) {
      estate.relations.reserve(count_rows("relations", {OrgFilter(query.orgs, "org"), query.orgs}));
    }
  } catch (const std::exception& e) {
    return FromSqlite(e, path_, "counting rows");
  }
  auto names = Names();
  if (!names.ok()) return names.status();
  estate.org_names = std::move(names).value();
  Status s = ForEachAsset(query, [&](Asset&& a) { estate.assets.push_back(std::move(a)); });
  if (!s.ok()) return s;
  if (!query.with_relations) return estate;
  s = ForEachRelation(query.orgs, [&](Relation&& r) { estate.relations.push_back(std::move(r)); });
  if (!s.ok()) return s;
  return estate;
}

Result<std::vector<DeviceType>> Store::DeviceTypes() const {
  std::vector<DeviceType> types;
  try {
    SQLite::Statement st(impl_->db,
                         "SELECT manufacturer, model, part_number, u_height, full_depth, "
                         "max_draw_w, allocated_draw_w, source, importer, line FROM device_types "
                         "ORDER BY manufacturer, model");
    while (st.executeStep()) {
      DeviceType t;
      t.manufacturer = st.getColumn(0).getString();
      t.model = st.getColumn(1).getString();
      t.part_number = st.getColumn(2).getString();
      t.u_height =
          st.getColumn(3).isNull() ? std::nullopt : std::optional<int>(st.getColumn(3).getInt());
      t.full_depth = st.getColumn(4).getInt() != 0;
      if (!st.getColumn(5).isNull()) t.max_draw_w = st.getColumn(5).getDouble();
      if (!st.getColumn(6).isNull()) t.allocated_draw_w = st.getColumn(6).getDouble();
      t.provenance.source = st.getColumn(7).getString();
      t.provenance.importer = st.getColumn(8).getString();
      t.provenance.line = st.getColumn(9).getInt();
      types.push_back(std::move(t));
    }
  } catch (const std::exception& e) {
    return FromSqlite(e, path_, "reading device types");
  }
  return types;
}

Result<StoredWarnings> Store::ImportWarnings(const std::vector<std::string>& orgs,
                                             std::size_t max_lines) const {
  StoredWarnings out;
  try {
    const std::string from =
        " FROM source_warnings w JOIN sources s ON s.id = w.source_id" + OrgFilter(orgs, "s.org");
    SQLite::Statement counts(impl_->db, "SELECT s.org, w.code, count(*)" + from +
                                            " GROUP BY s.org, w.code ORDER BY s.org, w.code");
    BindAll(counts, orgs);
    while (counts.executeStep()) {
      auto n = static_cast<std::size_t>(counts.getColumn(2).getInt64());
      out.counts.push_back({counts.getColumn(0).getString(), counts.getColumn(1).getString(), n});
      out.total += n;
    }
    SQLite::Statement lines(impl_->db, "SELECT s.org, w.file, w.line, w.col, w.code, w.message" +
                                           from +
                                           " ORDER BY s.org, w.file, w.line, w.col, w.id LIMIT " +
                                           std::to_string(max_lines));
    BindAll(lines, orgs);
    while (lines.executeStep()) {
      ImportWarning w;
      w.org = lines.getColumn(0).getString();
      w.warning.severity = Severity::kWarning;
      w.warning.where.source = lines.getColumn(1).getString();
      w.warning.where.line = lines.getColumn(2).getInt();
      w.warning.where.column = lines.getColumn(3).getInt();
      w.warning.code = lines.getColumn(4).getString();
      w.warning.message = lines.getColumn(5).getString();
      out.lines.push_back(std::move(w));
    }
  } catch (const std::exception& e) {
    return FromSqlite(e, path_, "reading import warnings");
  }
  return out;
}
}  // namespace samdrift::core
