// The batch writer's assets, a chunk per statement (see core/store_write_set.h): the virtual
// table samdrift_chunk over ChunkWriter::rows() and the statements that read it.
#include "core/store_write_set.h"

#include <sqlite3.h>

#include <cstdint>
#include <cstring>
#include <optional>

#include "core/store_internal.h"
#include "core/store_write_sql.h"

namespace samdrift::core::store_internal {
namespace {

constexpr const char* kAssetTable = "samdrift_chunk";
constexpr const char* kRelationTable = "samdrift_relations";

// The tables' columns, in kUpsertAssets' and kInsertRelations' order.
constexpr const char* kAssetColumns =
    "CREATE TABLE x(c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11, c12, c13, c14, c15, c16, c17, "
    "c18, c19, c20, c21, c22, c23, c24)";
constexpr const char* kRelationColumns =
    "CREATE TABLE x(c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11, c12)";

// Column `column` (0-based: ?1 .. ?24 of kFillAsset, c1 .. c24 of kUpsertAssets) of a row,
// handed to `put` as a std::string, an int64, a double or std::nullopt (NULL).
template <typename Put>
void Column(const ChunkRow& row, int column, Put&& put) {
  const Asset& a = *row.asset;
  const auto optional = [&](PackedOptionalInt v) {
    v ? put(static_cast<std::int64_t>(*v)) : put(std::nullopt);
  };
  switch (column) {
    case 0:
      return put(a.org.str());
    case 1:
      return put(NameOf(a.kind, kAllAssetKinds));
    case 2:
      return put(row.key.empty() ? a.name : row.key);
    case 3:
      return put(NameOf(a.category, kAllCategories));
    case 4:
      return put(a.name);
    case 5:
      return put(a.role.str());
    case 6:
      return put(a.vendor.str());
    case 7:
      return put(a.product.str());
    case 8:
      return put(a.version.str());
    case 9:
      return put(a.serial.str());
    case 10:
      return put(a.site.str());
    case 11:
      return put(a.hall.str());
    case 12:
      return put(a.rack.str());
    case 13:
      return optional(a.position);
    case 14:
      return optional(a.u_height);
    case 15:
      return a.power_w ? put(*a.power_w) : put(std::nullopt);
    case 16:
      return put(a.redundancy_group.str());
    case 17:
      return put(a.criticality.str());
    case 18:
      return put(a.eol.str());
    case 19:
      return put(std::int64_t{a.estimated ? 1 : 0});
    case 20:
      return put(row.attributes);
    case 21:
      return put(row.source_id);
    case 22:
      return put(a.provenance.importer.str());
    default:
      return put(std::int64_t{a.provenance.line});
  }
}

// Column `column` (0-based, c1 .. c12 of kInsertRelations) of a relation row.
template <typename Put>
void Column(const RelationRow& row, int column, Put&& put) {
  static const std::string kNoKind;
  const Relation& r = *row.relation;
  switch (column) {
    case 0:
      return put(r.org.str());
    case 1:
      return put(r.source);
    case 2:
      return put(r.source_kind ? NameOf(*r.source_kind, kAllAssetKinds) : kNoKind);
    case 3:
      return put(NameOf(r.kind, kAllRelationKinds));
    case 4:
      return put(r.TargetOrg());
    case 5:
      return put(r.target);
    case 6:
      return put(r.target_kind ? NameOf(*r.target_kind, kAllAssetKinds) : kNoKind);
    case 7:
      return put(r.source_port);
    case 8:
      return put(r.target_port);
    case 9:
      return put(row.source_id);
    case 10:
      return put(r.provenance.importer.str());
    default:
      return put(std::int64_t{r.provenance.line});
  }
}

// Hands a column's value to SQLite as a virtual table's column (`ctx`) or a bound parameter.
struct ToResult {
  sqlite3_context* ctx;
  void operator()(const std::string& s) const {
    sqlite3_result_text(ctx, s.data(), static_cast<int>(s.size()), SQLITE_STATIC);
  }
  void operator()(std::int64_t v) const { sqlite3_result_int64(ctx, v); }
  void operator()(double v) const { sqlite3_result_double(ctx, v); }
  void operator()(std::nullopt_t) const { sqlite3_result_null(ctx); }
};
struct ToParameter {
  SQLite::Statement& st;
  int index;
  void operator()(const std::string& s) const { st.bindNoCopy(index, s); }
  void operator()(std::int64_t v) const { st.bind(index, v); }
  void operator()(double v) const { st.bind(index, v); }
  void operator()(std::nullopt_t) const { st.bind(index); }
};

// The virtual tables: a scan of a vector of rows in order; the rowid is a row's index.
template <typename Row>
struct Table {
  sqlite3_vtab base;
  const std::vector<Row>* rows;
};
template <typename Row>
struct Cursor {
  sqlite3_vtab_cursor base;
  const std::vector<Row>* rows;
  std::size_t at;
};

template <typename Row>
const char* Declaration();
template <>
const char* Declaration<ChunkRow>() {
  return kAssetColumns;
}
template <>
const char* Declaration<RelationRow>() {
  return kRelationColumns;
}

template <typename Row>
int Connect(sqlite3* db, void* aux, int, const char* const*, sqlite3_vtab** out, char**) {
  if (int rc = sqlite3_declare_vtab(db, Declaration<Row>()); rc != SQLITE_OK) return rc;
  auto* table = static_cast<Table<Row>*>(sqlite3_malloc(sizeof(Table<Row>)));
  if (table == nullptr) return SQLITE_NOMEM;
  std::memset(table, 0, sizeof(Table<Row>));
  table->rows = static_cast<const std::vector<Row>*>(aux);
  *out = &table->base;
  return SQLITE_OK;
}
int Disconnect(sqlite3_vtab* table) {
  sqlite3_free(table);
  return SQLITE_OK;
}
int BestIndex(sqlite3_vtab*, sqlite3_index_info* info) {
  // One plan, a full scan: small, so that a join reads the rows first.
  info->estimatedCost = 1000;
  info->estimatedRows = 1000;
  return SQLITE_OK;
}
template <typename Row>
int Open(sqlite3_vtab* table, sqlite3_vtab_cursor** out) {
  auto* cursor = static_cast<Cursor<Row>*>(sqlite3_malloc(sizeof(Cursor<Row>)));
  if (cursor == nullptr) return SQLITE_NOMEM;
  std::memset(cursor, 0, sizeof(Cursor<Row>));
  cursor->rows = reinterpret_cast<Table<Row>*>(table)->rows;
  *out = &cursor->base;
  return SQLITE_OK;
}
int Close(sqlite3_vtab_cursor* cursor) {
  sqlite3_free(cursor);
  return SQLITE_OK;
}
template <typename Row>
Cursor<Row>& CursorOf(sqlite3_vtab_cursor* cursor) {
  return *reinterpret_cast<Cursor<Row>*>(cursor);
}
template <typename Row>
int Filter(sqlite3_vtab_cursor* cursor, int, const char*, int, sqlite3_value**) {
  CursorOf<Row>(cursor).at = 0;
  return SQLITE_OK;
}
template <typename Row>
int Next(sqlite3_vtab_cursor* cursor) {
  ++CursorOf<Row>(cursor).at;
  return SQLITE_OK;
}
template <typename Row>
int Eof(sqlite3_vtab_cursor* cursor) {
  return CursorOf<Row>(cursor).at >= CursorOf<Row>(cursor).rows->size() ? 1 : 0;
}
template <typename Row>
int ColumnOf(sqlite3_vtab_cursor* cursor, sqlite3_context* ctx, int column) {
  const Cursor<Row>& c = CursorOf<Row>(cursor);
  Column((*c.rows)[c.at], column, ToResult{ctx});
  return SQLITE_OK;
}
template <typename Row>
int Rowid(sqlite3_vtab_cursor* cursor, sqlite3_int64* rowid) {
  *rowid = static_cast<sqlite3_int64>(CursorOf<Row>(cursor).at);
  return SQLITE_OK;
}

template <typename Row>
const sqlite3_module& Module() {
  static const sqlite3_module module = [] {
    sqlite3_module m{};
    m.xConnect = Connect<Row>;  // no xCreate: eponymous only, the table is there while registered
    m.xBestIndex = BestIndex;
    m.xDisconnect = Disconnect;
    m.xOpen = Open<Row>;
    m.xClose = Close;
    m.xFilter = Filter<Row>;
    m.xNext = Next<Row>;
    m.xEof = Eof<Row>;
    m.xColumn = ColumnOf<Row>;
    m.xRowid = Rowid<Row>;
    return m;
  }();
  return module;
}

void Check(int rc, sqlite3* db) {
  if (rc != SQLITE_OK) throw SQLite::Exception(db, rc);
}

}  // namespace

void BindRow(SQLite::Statement& st, const ChunkRow& row) {
  for (int column = 0; column < kRowColumns; ++column) {
    Column(row, column, ToParameter{st, column + 1});
  }
}

ChunkWriter::ChunkWriter(SQLite::Database& db) : db_(db) {
  Check(sqlite3_create_module_v2(db.getHandle(), kAssetTable, &Module<ChunkRow>(), &rows_, nullptr),
        db.getHandle());
  upsert_.emplace(db, kUpsertAssets);
  max_row_.emplace(db, "SELECT coalesce(max(id), 0) FROM assets");
  // CROSS JOIN: the chunk is the outer loop, each row found by the identity index.
  rows_of_.emplace(db,
                   "SELECT c.rowid, a.id FROM samdrift_chunk AS c CROSS JOIN assets AS a "
                   "ON a.org = c.c1 AND a.key = c.c3 AND a.kind = c.c2");
}

ChunkWriter::~ChunkWriter() {
  // The statements go first: they hold the table the module is asked to drop.
  upsert_.reset();
  max_row_.reset();
  rows_of_.reset();
  sqlite3_create_module_v2(db_.getHandle(), kAssetTable, nullptr, nullptr, nullptr);
}

std::int64_t ChunkWriter::MaxRow() {
  max_row_->executeStep();
  const std::int64_t id = max_row_->getColumn(0).getInt64();
  max_row_->reset();
  return id;
}

void ChunkWriter::Write(bool patch, std::vector<StoredRow>& stored) {
  if (rows_.empty()) return;
  const std::int64_t before = MaxRow();
  upsert_->bind(1, patch ? 1 : 0);
  upsert_->exec();
  upsert_->reset();
  // New rows take the largest id + 1 (no AUTOINCREMENT), so the rows the chunk added are
  // before + 1 .. after, one per asset in order when every asset added one.
  const std::int64_t added = MaxRow() - before;
  if (added == static_cast<std::int64_t>(rows_.size())) {
    for (std::int64_t i = 1; i <= added; ++i) stored.push_back({before + i, true});
  } else {
    Lookup(before, stored);
  }
}

void ChunkWriter::Lookup(std::int64_t before, std::vector<StoredRow>& stored) {
  const std::size_t first = stored.size();
  stored.resize(first + rows_.size());
  while (rows_of_->executeStep()) {
    const auto i = static_cast<std::size_t>(rows_of_->getColumn(0).getInt64());
    stored[first + i].row = rows_of_->getColumn(1).getInt64();
  }
  rows_of_->reset();
  // A row after `before` was added by the first asset of the chunk that went into it.
  std::vector<bool> seen(rows_.size(), false);
  for (std::size_t i = first; i < stored.size(); ++i) {
    const std::int64_t offset = stored[i].row - before - 1;
    if (offset < 0 || seen[static_cast<std::size_t>(offset)]) continue;
    seen[static_cast<std::size_t>(offset)] = true;
    stored[i].added = true;
  }
}

RelationWriter::RelationWriter(SQLite::Database& db) : db_(db) {
  Check(sqlite3_create_module_v2(db.getHandle(), kRelationTable, &Module<RelationRow>(), &rows_,
                                 nullptr),
        db.getHandle());
  insert_.emplace(db, kInsertRelations);
}

RelationWriter::~RelationWriter() {
  insert_.reset();  // first: it holds the table the module is asked to drop
  sqlite3_create_module_v2(db_.getHandle(), kRelationTable, nullptr, nullptr, nullptr);
}

void RelationWriter::Write() {
  if (rows_.empty()) return;
  insert_->exec();
  insert_->reset();
  rows_.clear();
}

}  // namespace samdrift::core::store_internal
