// store_insert_bench: the store's own cost per row in an import, by two ways of handing SQLite
// the rows (issue 23, idea (a) of session 11): `rows`, a statement per row (the assets' upsert
// of core/store_write_sql.h with its chunk's SELECT replaced by one row of parameters, bound by
// the writer's BindRow), and `set`, the writer's way since session 11 (core/store_write_set.h
// ChunkWriter: one INSERT ... SELECT ... ON CONFLICT DO UPDATE per chunk from a virtual table
// over the rows in memory). The rows are the generic CSV's, read beforehand from a table that
// `sqlite3 .import` filled; no parsing or checks are timed, only BEGIN, the upserts and COMMIT
// (with its WAL checkpoint) into an empty store made by `samdrift init`. Prints one line.
//
//   store_insert_bench --stage STAGE.db --store EMPTY_STORE.db --mode rows|set [--chunk N]
#include <SQLiteCpp/SQLiteCpp.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <string>
#include <vector>

#include "core/store_write_set.h"
#include "core/store_write_sql.h"

using namespace samdrift::core;

namespace {

// The staged CSV's rows as the generic CSV importer's assets of org001.
std::vector<Asset> ReadStaged(const char* path) {
  SQLite::Database db(path, SQLite::OPEN_READONLY);
  SQLite::Statement st(db,
                       "SELECT name, kind, role, vendor, product, version, serial, site, hall, "
                       "rack, position, u_height, power_w, redundancy_group, criticality, eol, "
                       "rowid FROM t");
  std::vector<Asset> assets;
  while (st.executeStep()) {
    Asset& a = assets.emplace_back();
    const auto text = [&](int column) { return st.getColumn(column).getString(); };
    a.org = "org001";
    a.name = text(0);
    a.kind = ParseAssetKind(text(1)).value_or(AssetKind::kDevice);
    a.role = text(2);
    a.vendor = text(3);
    a.product = text(4);
    a.version = text(5);
    a.serial = text(6);
    a.site = text(7);
    a.hall = text(8);
    a.rack = text(9);
    if (!text(10).empty()) a.position = std::atoi(text(10).c_str());
    if (!text(11).empty()) a.u_height = std::atoi(text(11).c_str());
    if (!text(12).empty()) a.power_w = std::atof(text(12).c_str());
    a.redundancy_group = text(13);
    a.criticality = text(14);
    a.eol = text(15);
    a.provenance = {"generic-csv", "assets.csv", st.getColumn(16).getInt() + 1};
  }
  return assets;
}

// The assets' upsert as a statement per row: ?1 .. ?24 the row (BindRow), ?25 the patch flag.
std::string RowUpsert() {
  std::string sql = store_internal::kUpsertAssets;
  for (auto at = sql.find("?1 = 1"); at != std::string::npos; at = sql.find("?1 = 1")) {
    sql.replace(at, 2, "?25");
  }
  const auto select = sql.find("SELECT ");
  std::string values = "VALUES(";
  for (int c = 1; c <= store_internal::kRowColumns; ++c) values += "?" + std::to_string(c) + ", ";
  sql.replace(select, sql.find("ON CONFLICT") - select, values + "0)\n");
  return sql;
}

double CpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

void Store(SQLite::Database& db, const std::vector<Asset>& assets, bool set, std::size_t chunk) {
  store_internal::ChunkWriter writer(db);
  SQLite::Statement row_upsert(db, RowUpsert());
  std::vector<store_internal::StoredRow> stored;
  for (std::size_t first = 0; first < assets.size(); first += chunk) {
    const std::size_t last = std::min(assets.size(), first + chunk);
    for (std::size_t i = first; i < last; ++i) {
      writer.rows().push_back({&assets[i], {}, {}, 1});
      if (set) continue;
      store_internal::BindRow(row_upsert, writer.rows().back());
      row_upsert.bind(25, 0);
      row_upsert.exec();
      row_upsert.reset();
    }
    if (set) writer.Write(false, stored);
    writer.rows().clear();
  }
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
  try {
    const std::vector<Asset> assets = ReadStaged(stage);
    SQLite::Database db(store, SQLite::OPEN_READWRITE);
    // As samdrift's writer tunes it (core/store_schema.cc Tune, core/store_internal.h).
    db.exec("PRAGMA synchronous = NORMAL; PRAGMA temp_store = MEMORY; PRAGMA cache_size = -262144");
    const auto wall_start = std::chrono::steady_clock::now();
    const double cpu_start = CpuSeconds();
    db.exec("BEGIN IMMEDIATE");
    Store(db, assets, mode == "set", chunk);
    db.exec("COMMIT");
    const double cpu = CpuSeconds() - cpu_start;
    const double wall =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - wall_start).count();
    std::printf("mode=%s rows=%zu stored=%lld chunk=%zu cpu_s=%.3f wall_s=%.3f\n", mode.c_str(),
                assets.size(),
                static_cast<long long>(db.execAndGet("SELECT count(*) FROM assets").getInt64()),
                chunk, cpu, wall);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "store_insert_bench: %s\n", e.what());
    return 1;
  }
  return 0;
}
