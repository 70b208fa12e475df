// The batch writer's chunks (core/store_write_set.h): a chunk of assets is one statement, and
// the writer learns the row each asset went into and whether the asset added it; a chunk of
// relations is one statement too.
#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <string>
#include <vector>

#include "core/store.h"
#include "core/store_write_set.h"

using namespace samdrift::core;
using store_internal::ChunkWriter;
using store_internal::StoredRow;

namespace {

// A new store's file (the schema of Store::Create), then opened as a plain connection.
std::string NewStore(const std::string& name) {
  auto dir = std::filesystem::temp_directory_path() / "samdrift-chunk-test";
  std::filesystem::create_directories(dir);
  const std::string path = (dir / name).string();
  for (const char* s : {"", "-wal", "-shm"}) std::filesystem::remove(path + s);
  REQUIRE(Store::Create(path).ok());
  return path;
}

Asset Device(std::string name, std::string site) {
  Asset a;
  a.org = "gnosjo";
  a.name = std::move(name);
  a.site = std::move(site);
  a.provenance = {"test", "a.csv", 1};
  return a;
}

// The statements of each kind the connection runs: "INSERT" or "SELECT" by their first word.
int CountRuns(unsigned, void* counts, void* statement, void*) {
  const std::string sql = sqlite3_sql(static_cast<sqlite3_stmt*>(statement));
  auto& runs = *static_cast<std::vector<std::string>*>(counts);
  runs.push_back(sql.substr(sql.find_first_not_of(" \n"), 6));
  return 0;
}

void Write(ChunkWriter& chunk, const std::vector<Asset>& assets, std::vector<StoredRow>& stored) {
  for (const Asset& a : assets) {
    store_internal::ChunkRow& row = chunk.rows().emplace_back();
    row.asset = &a;
    row.source_id = 1;
  }
  chunk.Write(false, stored);
  chunk.rows().clear();
}

}  // namespace

TEST_CASE("a chunk of assets is stored by one statement, each asset in a new row", "[store]") {
  SQLite::Database db(NewStore("one.db"), SQLite::OPEN_READWRITE);
  ChunkWriter chunk(db);
  std::vector<std::string> runs;
  sqlite3_trace_v2(db.getHandle(), SQLITE_TRACE_STMT, CountRuns, &runs);
  const std::vector<Asset> assets = {Device("esx01", "A"), Device("esx02", "B"),
                                     Device("esx03", "C")};
  std::vector<StoredRow> stored;
  Write(chunk, assets, stored);
  sqlite3_trace_v2(db.getHandle(), 0, nullptr, nullptr);
  // The largest id before and after, and the one upsert: no statement per row, no lookup.
  CHECK(runs == std::vector<std::string>{"SELECT", "INSERT", "SELECT"});
  REQUIRE(stored.size() == 3);
  for (std::size_t i = 0; i < 3; ++i) {
    CHECK(stored[i].row == static_cast<std::int64_t>(i + 1));
    CHECK(stored[i].added);
  }
  CHECK(
      db.execAndGet(
            "SELECT group_concat(key || '@' || site, ' ') FROM (SELECT * FROM assets ORDER BY id)")
          .getString() == "esx01@A esx02@B esx03@C");
}

TEST_CASE("assets of a chunk that merge are told apart from those that add a row", "[store]") {
  SQLite::Database db(NewStore("merge.db"), SQLite::OPEN_READWRITE);
  ChunkWriter chunk(db);
  std::vector<StoredRow> stored;
  Write(chunk, {Device("esx01", "A"), Device("esx02", "A")}, stored);
  stored.clear();
  // esx02 is there already, esx03 is new and comes twice: its second row merges into its first.
  Write(chunk, {Device("esx02", "B"), Device("esx03", "C"), Device("esx03", "D")}, stored);
  REQUIRE(stored.size() == 3);
  CHECK(stored[0].row == 2);
  CHECK_FALSE(stored[0].added);
  CHECK(stored[1].row == 3);
  CHECK(stored[1].added);
  CHECK(stored[2].row == 3);
  CHECK_FALSE(stored[2].added);
  CHECK(
      db.execAndGet(
            "SELECT group_concat(key || '@' || site, ' ') FROM (SELECT * FROM assets ORDER BY id)")
          .getString() == "esx01@A esx02@B esx03@D");
}

TEST_CASE("a chunk of relations is inserted by one statement, in order", "[store]") {
  SQLite::Database db(NewStore("relations.db"), SQLite::OPEN_READWRITE);
  store_internal::RelationWriter writer(db);
  std::vector<Relation> relations(3);
  const char* targets[] = {"san01", "esx02", "vc01"};
  for (int i = 0; i < 3; ++i) {
    relations[i].org = "gnosjo";
    relations[i].source = "esx01";
    relations[i].target = targets[i];
    relations[i].target_org = i == 2 ? "vaggeryd" : "";
    relations[i].source_kind = AssetKind::kDevice;
    relations[i].provenance = {"test", "r.csv", i + 2};
    writer.rows().push_back({&relations[i], 7});
  }
  std::vector<std::string> runs;
  sqlite3_trace_v2(db.getHandle(), SQLITE_TRACE_STMT, CountRuns, &runs);
  writer.Write();
  sqlite3_trace_v2(db.getHandle(), 0, nullptr, nullptr);
  CHECK(runs == std::vector<std::string>{"INSERT"});
  CHECK(writer.rows().empty());
  CHECK(db.execAndGet("SELECT group_concat(source || '>' || target_org || ':' || target || ' ' || "
                      "source_kind || target_kind || ' ' || source_id || ' ' || line, ', ') "
                      "FROM (SELECT * FROM relations ORDER BY id)")
            .getString() ==
        "esx01>gnosjo:san01 device 7 2, esx01>gnosjo:esx02 device 7 3, "
        "esx01>vaggeryd:vc01 device 7 4");
}
