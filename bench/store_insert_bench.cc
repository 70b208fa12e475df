// store_insert_bench: the store's own cost per row in an import, by two ways of handing SQLite
// the rows (issue 23, idea (a) of session 11): `rows`, the writer's way today (the upsert of
// core/store_write_sql.h prepared once, 24 values bound and one step per row), and `set`, one
// INSERT ... SELECT ... ON CONFLICT DO UPDATE per chunk that reads the chunk's rows through a
// virtual table over the rows in memory (no staging table, no binding). The rows are the generic
// CSV's, read beforehand from a table that `sqlite3 .import` filled; no parsing or checks are
// timed, only BEGIN, the inserts and COMMIT (with its WAL checkpoint) into an empty store made by
// `samdrift init`. Prints one line per run: mode, CPU seconds, wall seconds.
//
//   store_insert_bench --stage STAGE.db --store EMPTY_STORE.db --mode rows|set [--chunk N]
#include <sqlite3.h>

#include <array>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <optional>
#include <string>
#include <vector>

#include "core/store_write_sql.h"

namespace {

constexpr int kColumns = 24;  // c1 .. c24 of kUpsertAssets
// The staged CSV's columns, in the file's order.
enum Staged {
  kName,
  kKind,
  kRole,
  kVendor,
  kProduct,
  kVersion,
  kSerial,
  kSite,
  kHall,
  kRack,
  kPosition,
  kUHeight,
  kPowerW,
  kRedundancy,
  kCriticality,
  kEol,
  kStagedColumns
};

struct Row {
  std::array<std::string, kStagedColumns> text;
  std::optional<long long> position, u_height;
  std::optional<double> power_w;
  long long line = 0;
};

const std::string kOrg = "org001", kCategory = "datacenter", kImporter = "generic-csv", kNone;

// One value of a row as the upsert's parameter `column` (1-based) wants it.
struct Value {
  enum { kText, kInt, kReal, kNull } type;
  const std::string* text;
  long long i;
  double r;
};

Value ValueOf(const Row& row, int column) {
  auto text = [](const std::string& s) { return Value{Value::kText, &s, 0, 0}; };
  auto integer = [](std::optional<long long> v) {
    return v ? Value{Value::kInt, nullptr, *v, 0} : Value{Value::kNull, nullptr, 0, 0};
  };
  switch (column) {
    case 1:
      return text(kOrg);
    case 2:
      return text(row.text[kKind]);
    case 3:
      return text(row.text[kName]);
    case 4:
      return text(kCategory);
    case 5:
      return text(row.text[kName]);
    case 6:
      return text(row.text[kRole]);
    case 7:
      return text(row.text[kVendor]);
    case 8:
      return text(row.text[kProduct]);
    case 9:
      return text(row.text[kVersion]);
    case 10:
      return text(row.text[kSerial]);
    case 11:
      return text(row.text[kSite]);
    case 12:
      return text(row.text[kHall]);
    case 13:
      return text(row.text[kRack]);
    case 14:
      return integer(row.position);
    case 15:
      return integer(row.u_height);
    case 16:
      return row.power_w ? Value{Value::kReal, nullptr, 0, *row.power_w}
                         : Value{Value::kNull, nullptr, 0, 0};
    case 17:
      return text(row.text[kRedundancy]);
    case 18:
      return text(row.text[kCriticality]);
    case 19:
      return text(row.text[kEol]);
    case 20:
      return integer(0);
    case 21:
      return text(kNone);
    case 22:
      return integer(1);
    case 23:
      return text(kImporter);
    default:
      return integer(row.line);
  }
}

void Check(int rc, sqlite3* db, const char* what) {
  if (rc == SQLITE_OK || rc == SQLITE_DONE || rc == SQLITE_ROW) return;
  std::fprintf(stderr, "store_insert_bench: %s: %s\n", what, sqlite3_errmsg(db));
  std::exit(1);
}

std::vector<Row> ReadStaged(const char* path) {
  sqlite3* db = nullptr;
  Check(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, nullptr), db, "opening the stage");
  sqlite3_stmt* st = nullptr;
  Check(sqlite3_prepare_v2(db,
                           "SELECT name, kind, role, vendor, product, version, serial, site, "
                           "hall, rack, position, u_height, power_w, redundancy_group, "
                           "criticality, eol, rowid FROM t",
                           -1, &st, nullptr),
        db, "reading the stage");
  std::vector<Row> rows;
  while (sqlite3_step(st) == SQLITE_ROW) {
    Row& row = rows.emplace_back();
    for (int c = 0; c < kStagedColumns; ++c) {
      const auto* t = reinterpret_cast<const char*>(sqlite3_column_text(st, c));
      row.text[c] = t ? t : "";
    }
    auto number = [](const std::string& s) { return s.empty() ? nullptr : s.c_str(); };
    if (const char* p = number(row.text[kPosition])) row.position = std::atoll(p);
    if (const char* p = number(row.text[kUHeight])) row.u_height = std::atoll(p);
    if (const char* p = number(row.text[kPowerW])) row.power_w = std::atof(p);
    row.line = sqlite3_column_int64(st, kStagedColumns) + 1;
  }
  sqlite3_finalize(st);
  sqlite3_close(db);
  return rows;
}

void Result(sqlite3_context* ctx, const Value& v) {
  switch (v.type) {
    case Value::kText:
      sqlite3_result_text(ctx, v.text->data(), static_cast<int>(v.text->size()), SQLITE_STATIC);
      break;
    case Value::kInt:
      sqlite3_result_int64(ctx, v.i);
      break;
    case Value::kReal:
      sqlite3_result_double(ctx, v.r);
      break;
    case Value::kNull:
      sqlite3_result_null(ctx);
      break;
  }
}

void Bind(sqlite3_stmt* st, int index, const Value& v) {
  switch (v.type) {
    case Value::kText:
      sqlite3_bind_text(st, index, v.text->data(), static_cast<int>(v.text->size()), SQLITE_STATIC);
      break;
    case Value::kInt:
      sqlite3_bind_int64(st, index, v.i);
      break;
    case Value::kReal:
      sqlite3_bind_double(st, index, v.r);
      break;
    case Value::kNull:
      sqlite3_bind_null(st, index);
      break;
  }
}

// --- the chunk as a virtual table (eponymous, read-only, one full scan) ----------------------
struct Chunk {
  const Row* begin = nullptr;
  const Row* end = nullptr;
};
Chunk g_chunk;

struct ChunkCursor {
  sqlite3_vtab_cursor base;
  const Row* at;
};

int ChunkConnect(sqlite3* db, void*, int, const char* const*, sqlite3_vtab** out, char**) {
  int rc = sqlite3_declare_vtab(
      db,
      "CREATE TABLE x(c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11, c12, c13, c14, c15, c16, "
      "c17, c18, c19, c20, c21, c22, c23, c24)");
  if (rc != SQLITE_OK) return rc;
  *out = static_cast<sqlite3_vtab*>(sqlite3_malloc(sizeof(sqlite3_vtab)));
  std::memset(*out, 0, sizeof(sqlite3_vtab));
  return SQLITE_OK;
}
int ChunkDisconnect(sqlite3_vtab* vtab) {
  sqlite3_free(vtab);
  return SQLITE_OK;
}
int ChunkBestIndex(sqlite3_vtab*, sqlite3_index_info* info) {
  info->estimatedCost = 1e6;
  return SQLITE_OK;
}
int ChunkOpen(sqlite3_vtab*, sqlite3_vtab_cursor** out) {
  auto* c = static_cast<ChunkCursor*>(sqlite3_malloc(sizeof(ChunkCursor)));
  std::memset(c, 0, sizeof(ChunkCursor));
  *out = &c->base;
  return SQLITE_OK;
}
int ChunkClose(sqlite3_vtab_cursor* c) {
  sqlite3_free(c);
  return SQLITE_OK;
}
int ChunkFilter(sqlite3_vtab_cursor* c, int, const char*, int, sqlite3_value**) {
  reinterpret_cast<ChunkCursor*>(c)->at = g_chunk.begin;
  return SQLITE_OK;
}
int ChunkNext(sqlite3_vtab_cursor* c) {
  ++reinterpret_cast<ChunkCursor*>(c)->at;
  return SQLITE_OK;
}
int ChunkEof(sqlite3_vtab_cursor* c) {
  return reinterpret_cast<ChunkCursor*>(c)->at == g_chunk.end;
}
int ChunkColumn(sqlite3_vtab_cursor* c, sqlite3_context* ctx, int column) {
  Result(ctx, ValueOf(*reinterpret_cast<ChunkCursor*>(c)->at, column + 1));
  return SQLITE_OK;
}
int ChunkRowid(sqlite3_vtab_cursor* c, sqlite3_int64* rowid) {
  *rowid = reinterpret_cast<ChunkCursor*>(c)->at - g_chunk.begin;
  return SQLITE_OK;
}

sqlite3_module ChunkModule() {
  sqlite3_module m{};
  m.xConnect = ChunkConnect;  // xCreate null: eponymous-only
  m.xBestIndex = ChunkBestIndex;
  m.xDisconnect = ChunkDisconnect;
  m.xOpen = ChunkOpen;
  m.xClose = ChunkClose;
  m.xFilter = ChunkFilter;
  m.xNext = ChunkNext;
  m.xEof = ChunkEof;
  m.xColumn = ChunkColumn;
  m.xRowid = ChunkRowid;
  return m;
}

// The writer's upsert (core/store_write_sql.h) as a statement per row: its chunk's SELECT
// replaced by one row of parameters ?2 .. ?25; ?1 (patch) stays.
std::string RowUpsert() {
  std::string sql = samdrift::core::store_internal::kUpsertAssets;
  const auto select = sql.find("SELECT ");
  const auto on = sql.find("ON CONFLICT");
  std::string values = "VALUES(";
  for (int c = 2; c <= kColumns + 1; ++c) values += "?" + std::to_string(c) + ", ";
  values += "0)\n";
  sql.replace(select, on - select, values);
  return sql;
}

double CpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

}  // namespace

int main(int argc, char** argv) {
  const char* stage = nullptr;
  const char* store = nullptr;
  std::string mode = "rows";
  std::size_t chunk = 4096;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--stage")) stage = argv[i + 1];
    if (!std::strcmp(argv[i], "--store")) store = argv[i + 1];
    if (!std::strcmp(argv[i], "--mode")) mode = argv[i + 1];
    if (!std::strcmp(argv[i], "--chunk")) chunk = std::strtoul(argv[i + 1], nullptr, 10);
  }
  if (!stage || !store || (mode != "rows" && mode != "set") || chunk == 0) {
    std::fprintf(stderr,
                 "usage: store_insert_bench --stage STAGE.db --store EMPTY_STORE.db "
                 "--mode rows|set [--chunk N]\n");
    return 2;
  }
  const std::vector<Row> rows = ReadStaged(stage);
  sqlite3* db = nullptr;
  Check(sqlite3_open_v2(store, &db, SQLITE_OPEN_READWRITE, nullptr), db, "opening the store");
  // As samdrift's writer tunes it (core/store_schema.cc Tune, core/store_internal.h ImportCache).
  Check(sqlite3_exec(db,
                     "PRAGMA synchronous = NORMAL; PRAGMA temp_store = MEMORY; "
                     "PRAGMA cache_size = -262144",
                     nullptr, nullptr, nullptr),
        db, "tuning");
  static const sqlite3_module module = ChunkModule();
  Check(sqlite3_create_module(db, "samdrift_chunk", &module, nullptr), db, "the chunk module");
  const std::string sql =
      mode == "rows" ? RowUpsert() : std::string(samdrift::core::store_internal::kUpsertAssets);
  sqlite3_stmt* st = nullptr;

  const auto wall_start = std::chrono::steady_clock::now();
  const double cpu_start = CpuSeconds();
  Check(sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr), db, "BEGIN");
  Check(sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr), db, "preparing the upsert");
  for (std::size_t first = 0; first < rows.size(); first += chunk) {
    const std::size_t last = std::min(rows.size(), first + chunk);
    if (mode == "set") {
      g_chunk = {rows.data() + first, rows.data() + last};
      sqlite3_bind_int(st, 1, 0);
      Check(sqlite3_step(st), db, "the chunk's upsert");
      sqlite3_reset(st);
      continue;
    }
    for (std::size_t r = first; r < last; ++r) {
      sqlite3_bind_int(st, 1, 0);
      for (int c = 1; c <= kColumns; ++c) Bind(st, c + 1, ValueOf(rows[r], c));
      Check(sqlite3_step(st), db, "the row's upsert");
      sqlite3_reset(st);
    }
  }
  sqlite3_finalize(st);
  Check(sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr), db, "COMMIT");
  const double cpu = CpuSeconds() - cpu_start;
  const double wall =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - wall_start).count();
  sqlite3_stmt* count = nullptr;
  sqlite3_prepare_v2(db, "SELECT count(*) FROM assets", -1, &count, nullptr);
  sqlite3_step(count);
  std::printf("mode=%s rows=%zu stored=%lld chunk=%zu cpu_s=%.3f wall_s=%.3f\n", mode.c_str(),
              rows.size(), static_cast<long long>(sqlite3_column_int64(count, 0)), chunk, cpu,
              wall);
  sqlite3_finalize(count);
  sqlite3_close(db);
  return 0;
}
