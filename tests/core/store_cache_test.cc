// The import's page cache (core/store_internal.h: ImportCache): large while a batch is written,
// so that its dirty pages are not spilled to the write-ahead log and read back before the commit.
#include <SQLiteCpp/SQLiteCpp.h>

#include <catch2/catch.hpp>

#include "core/store_internal.h"

namespace {

int CacheSize(SQLite::Database& db) { return db.execAndGet("PRAGMA cache_size").getInt(); }

}  // namespace

TEST_CASE("an import writes with a 256 MiB page cache, then the connection has 32 MiB again",
          "[store]") {
  using namespace samdrift::core::store_internal;
  SQLite::Database db(":memory:", SQLite::OPEN_READWRITE);
  db.exec("PRAGMA cache_size = -" + std::to_string(kCacheKib));
  {
    ImportCache cache(db);
    CHECK(CacheSize(db) == -256 * 1024);
  }
  CHECK(CacheSize(db) == -32 * 1024);
}
