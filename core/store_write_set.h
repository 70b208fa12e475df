// The batch writer's assets and relations as one statement per chunk: an INSERT ... SELECT (for
// assets ... ON CONFLICT) that reads the chunk's rows through a virtual table over them (no
// staging table, no values bound per row), then the row each asset went into, found by set
// queries. A statement per row cost the store 0.84 s CPU for 284,724 rows, one per 4096-row chunk
// 0.57 s (bench/store_insert_bench.cc). For core/store_write.cc, its test and that benchmark.
#ifndef SAMDRIFT_CORE_STORE_WRITE_SET_H_
#define SAMDRIFT_CORE_STORE_WRITE_SET_H_

#include <SQLiteCpp/SQLiteCpp.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/model.h"

namespace samdrift::core::store_internal {

// One asset of a chunk with the values the writer computes for it.
struct ChunkRow {
  const Asset* asset = nullptr;
  std::string key;  // Key() for halls and racks; others use the asset's name
  std::string attributes;
  std::int64_t source_id = 0;
};

// The values of kFillAsset's ?1 .. ?24 (core/store_write_sql.h): binds without a copy, so the
// row and its asset must outlive the statement's run.
inline constexpr int kRowColumns = 24;
void BindRow(SQLite::Statement& st, const ChunkRow& row);

// Where an asset of a chunk went: its row, and whether the asset added that row (else it merged
// into a row that was there before the asset, stored earlier or by an earlier asset of the chunk).
struct StoredRow {
  std::int64_t row = 0;
  bool added = false;
};

// Registers the virtual table `samdrift_chunk` on the connection while it lives; one at a time.
class ChunkWriter {
 public:
  explicit ChunkWriter(SQLite::Database& db);
  ~ChunkWriter();
  ChunkWriter(const ChunkWriter&) = delete;
  ChunkWriter& operator=(const ChunkWriter&) = delete;

  // The rows to fill before Write(); the caller clears them once it has read Write()'s answer.
  std::vector<ChunkRow>& rows() { return rows_; }
  // Upserts rows() (WriteMode kReplace, or kPatch when `patch`: none is kFill) in their order
  // and appends where each went to `stored`. Throws SQLite exceptions.
  void Write(bool patch, std::vector<StoredRow>& stored);

 private:
  std::int64_t MaxRow();
  // Every row's StoredRow when some merged: their rows looked up by identity in one join.
  void Lookup(std::int64_t before, std::vector<StoredRow>& stored);

  SQLite::Database& db_;
  std::vector<ChunkRow> rows_;
  std::optional<SQLite::Statement> upsert_;
  std::optional<SQLite::Statement> max_row_;
  std::optional<SQLite::Statement> rows_of_;
};

// A relation to insert, with its source's id.
struct RelationRow {
  const Relation* relation = nullptr;
  std::int64_t source_id = 0;
};

// Inserts relations a chunk per statement (kInsertRelations from the virtual table
// `samdrift_relations`, registered while it lives).
class RelationWriter {
 public:
  explicit RelationWriter(SQLite::Database& db);
  ~RelationWriter();
  RelationWriter(const RelationWriter&) = delete;
  RelationWriter& operator=(const RelationWriter&) = delete;

  std::vector<RelationRow>& rows() { return rows_; }
  // Inserts rows() in their order and clears them. Throws SQLite exceptions.
  void Write();

 private:
  SQLite::Database& db_;
  std::vector<RelationRow> rows_;
  std::optional<SQLite::Statement> insert_;
};

}  // namespace samdrift::core::store_internal

#endif  // SAMDRIFT_CORE_STORE_WRITE_SET_H_
