// Opening and creating the store: the schema, its upgrade in place, how SQLite is tuned, and
// the store errors SQLite failures become.
#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>

#include <cctype>
#include <cstdio>
#include <filesystem>
#include <utility>

#include "core/store.h"
#include "core/store_internal.h"

namespace samdrift::core {
using store_internal::FromSqlite;
namespace {

constexpr int kApplicationId = 0x53414D44;  // "SAMD"
constexpr int kBusyTimeoutMs = 5000;

constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS sources(
  id INTEGER PRIMARY KEY,
  org TEXT NOT NULL,
  name TEXT NOT NULL,
  importer TEXT NOT NULL DEFAULT '',
  imported_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),
  UNIQUE(org, name));
CREATE TABLE IF NOT EXISTS assets(
  id INTEGER PRIMARY KEY,
  org TEXT NOT NULL,
  kind TEXT NOT NULL,
  key TEXT NOT NULL,
  category TEXT NOT NULL,
  name TEXT NOT NULL,
  role TEXT NOT NULL DEFAULT '',
  vendor TEXT NOT NULL DEFAULT '',
  product TEXT NOT NULL DEFAULT '',
  version TEXT NOT NULL DEFAULT '',
  serial TEXT NOT NULL DEFAULT '',
  site TEXT NOT NULL DEFAULT '',
  hall TEXT NOT NULL DEFAULT '',
  rack TEXT NOT NULL DEFAULT '',
  position INTEGER,
  u_height INTEGER,
  power_w REAL,
  redundancy_group TEXT NOT NULL DEFAULT '',
  criticality TEXT NOT NULL DEFAULT '',
  eol TEXT NOT NULL DEFAULT '',
  estimated INTEGER NOT NULL DEFAULT 0,
  attributes TEXT NOT NULL DEFAULT '',
  source_id INTEGER,
  importer TEXT NOT NULL DEFAULT '',
  line INTEGER NOT NULL DEFAULT 0,
  implied INTEGER NOT NULL DEFAULT 0);
CREATE UNIQUE INDEX IF NOT EXISTS assets_identity ON assets(org, key, kind);
CREATE INDEX IF NOT EXISTS assets_by_source ON assets(source_id);
CREATE TABLE IF NOT EXISTS relations(
  id INTEGER PRIMARY KEY,
  org TEXT NOT NULL,
  source TEXT NOT NULL,
  source_kind TEXT NOT NULL DEFAULT '',
  kind TEXT NOT NULL,
  target_org TEXT NOT NULL,
  target TEXT NOT NULL,
  target_kind TEXT NOT NULL DEFAULT '',
  source_port TEXT NOT NULL DEFAULT '',
  target_port TEXT NOT NULL DEFAULT '',
  source_id INTEGER,
  importer TEXT NOT NULL DEFAULT '',
  line INTEGER NOT NULL DEFAULT 0);
CREATE INDEX IF NOT EXISTS relations_by_source ON relations(source_id);
CREATE TABLE IF NOT EXISTS device_types(
  id INTEGER PRIMARY KEY,
  manufacturer TEXT NOT NULL,
  model TEXT NOT NULL,
  part_number TEXT NOT NULL DEFAULT '',
  u_height INTEGER,
  full_depth INTEGER NOT NULL DEFAULT 1,
  max_draw_w REAL,
  allocated_draw_w REAL,
  source TEXT NOT NULL DEFAULT '',
  importer TEXT NOT NULL DEFAULT '',
  line INTEGER NOT NULL DEFAULT 0,
  UNIQUE(manufacturer, model));
CREATE TABLE IF NOT EXISTS source_warnings(
  id INTEGER PRIMARY KEY,
  source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
  file TEXT NOT NULL,
  line INTEGER NOT NULL DEFAULT 0,
  col INTEGER NOT NULL DEFAULT 0,
  code TEXT NOT NULL DEFAULT '',
  message TEXT NOT NULL DEFAULT '');
CREATE INDEX IF NOT EXISTS source_warnings_by_source ON source_warnings(source_id);
CREATE TRIGGER IF NOT EXISTS sources_drop_warnings AFTER DELETE ON sources BEGIN
  DELETE FROM source_warnings WHERE source_id = old.id;
END;
CREATE TABLE IF NOT EXISTS orgs(
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL DEFAULT '');
)sql";

// Reads application_id and user_version; throws SQLite exceptions on files that are not SQLite.
std::pair<int, int> ReadIdentity(SQLite::Database& db) {
  int app = db.execAndGet("PRAGMA application_id").getInt();
  int version = db.execAndGet("PRAGMA user_version").getInt();
  return {app, version};
}

void WriteSchema(SQLite::Database& db) {
  SQLite::Transaction t(db, SQLite::TransactionBehavior::IMMEDIATE);
  db.exec(kSchema);
  db.exec("PRAGMA application_id = " + std::to_string(kApplicationId));
  db.exec("PRAGMA user_version = " + std::to_string(Store::kSchemaVersion));
  t.commit();
}

// SQLite keeps memory statistics behind a global mutex, taken on every allocation; samdrift
// never reads them. Must run before SQLite initialises, i.e. before the first connection.
void ConfigureSqliteOnce() {
  static const bool configured = [] {
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    return true;
  }();
  (void)configured;
}

// True when reading failed because SQLite could not create the WAL index (the -shm file) beside
// the store: its folder is read-only.
bool NoWalIndex(const std::exception& e) {
  const auto* se = dynamic_cast<const SQLite::Exception*>(&e);
  const int code = se ? se->getErrorCode() & 0xff : SQLITE_ERROR;
  return code == SQLITE_READONLY || code == SQLITE_CANTOPEN;
}

// True when the store's -wal file holds changes not yet in the store file: an import is writing
// it, or one was stopped.
bool HasWalChanges(const std::string& path) {
  std::error_code ec;
  const auto wal = std::filesystem::file_size(path + "-wal", ec);
  return !ec && wal > 0;
}

// The store as an SQLite URI with immutable=1: SQLite reads the file as it is, with no lock and
// no file beside it. The path is made absolute and percent-encoded.
std::string ImmutableUri(const std::string& path) {
  std::error_code ec;
  std::string absolute = std::filesystem::absolute(path, ec).string();
  if (ec) absolute = path;
  std::string uri = "file://";
  for (unsigned char c : absolute) {
    if (std::isalnum(c) ||
        std::string_view("/-._~").find(static_cast<char>(c)) != std::string_view::npos) {
      uri += static_cast<char>(c);
    } else {
      char hex[4];
      std::snprintf(hex, sizeof hex, "%%%02X", c);
      uri += hex;
    }
  }
  return uri + "?immutable=1";
}

void Tune(SQLite::Database& db, OpenMode mode) {
  db.exec("PRAGMA foreign_keys = OFF");
  if (mode == OpenMode::kReadWrite) {
    db.exec("PRAGMA synchronous = NORMAL");
    db.exec("PRAGMA cache_size = -" + std::to_string(store_internal::kCacheKib));
    db.exec("PRAGMA temp_store = MEMORY");
  }
}

}  // namespace

Status store_internal::FromSqlite(const std::exception& e, const std::string& path,
                                  std::string_view doing) {
  int code = SQLITE_ERROR;
  if (const auto* se = dynamic_cast<const SQLite::Exception*>(&e)) code = se->getErrorCode();
  const std::string where = "store '" + path + "'";
  switch (code & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return Status::StoreError(where + " is busy: another samdrift process is writing it; " +
                                "nothing was changed, try again when it has finished");
    case SQLITE_READONLY:
      return Status::StoreError(where + " cannot be written (read-only file or folder); " +
                                "nothing was changed");
    case SQLITE_FULL:
      return Status::StoreError(where + " is full (disk full or size limit reached) while " +
                                std::string(doing) + "; nothing was changed");
    case SQLITE_NOTADB:
      return Status::StoreError("'" + path + "' is not a samdrift store (not an SQLite database)");
    case SQLITE_CORRUPT:
      return Status::StoreError(where + " is corrupt (" + e.what() + ")");
    case SQLITE_CANTOPEN:
      return Status::StoreError("cannot open " + where + ": " + e.what());
    case SQLITE_IOERR:
      return Status::StoreError("I/O error on " + where + " while " + std::string(doing) + ": " +
                                e.what());
    default:
      return Status::StoreError(where + ": " + std::string(doing) + ": " + e.what());
  }
}

Store::Store(std::string path, std::unique_ptr<Impl> impl)
    : path_(std::move(path)), impl_(std::move(impl)) {}
Store::~Store() = default;

Result<std::unique_ptr<Store>> Store::Create(const std::string& path) {
  ConfigureSqliteOnce();
  try {
    std::error_code ec;
    bool existed = std::filesystem::exists(path, ec) && std::filesystem::file_size(path, ec) > 0;
    SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE | SQLite::OPEN_NOMUTEX,
                        kBusyTimeoutMs);
    auto [app, version] = ReadIdentity(db);
    if (existed && app != kApplicationId) {
      bool empty = db.execAndGet("SELECT count(*) FROM sqlite_schema").getInt() == 0;
      if (!empty || app != 0) {
        return Status::StoreError("'" + path +
                                  "' is an SQLite database but not a samdrift store; refusing "
                                  "to touch it");
      }
    }
    if (app == kApplicationId && version > kSchemaVersion) {
      return Status::StoreError("store '" + path + "' has schema version " +
                                std::to_string(version) + ", newer than this samdrift (" +
                                std::to_string(kSchemaVersion) + ")");
    }
    // 16 KiB pages for a new file (SQLite fixes the size once the first table exists): a bulk
    // import writes each page to the WAL and again at the checkpoint, one system call per page
    // or frame, and four times fewer of them cut a 300,000-row import by a tenth.
    if (app != kApplicationId) db.exec("PRAGMA page_size = 16384");
    db.exec("PRAGMA journal_mode = WAL");
    WriteSchema(db);
    Tune(db, OpenMode::kReadWrite);
    return std::unique_ptr<Store>(new Store(path, std::make_unique<Impl>(std::move(db))));
  } catch (const std::exception& e) {
    return FromSqlite(e, path, "creating the store");
  }
}

Result<std::unique_ptr<Store>> Store::Open(const std::string& path, OpenMode mode) {
  ConfigureSqliteOnce();
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) {
    return Status::StoreError("no samdrift store at '" + path +
                              "' (create one with 'samdrift init')");
  }
  // Opens `name` (the path, or its immutable URI) and checks that it is a samdrift store.
  const auto open = [&](const std::string& name, int flags) -> Result<std::unique_ptr<Store>> {
    SQLite::Database db(name, flags, kBusyTimeoutMs);
    auto [app, version] = ReadIdentity(db);
    if (app != kApplicationId) {
      return Status::StoreError("'" + path + "' is not a samdrift store");
    }
    if (version > kSchemaVersion) {
      return Status::StoreError("store '" + path + "' has schema version " +
                                std::to_string(version) + ", newer than this samdrift (" +
                                std::to_string(kSchemaVersion) + ")");
    }
    if (version < kSchemaVersion) {
      if (mode == OpenMode::kReadOnly) {
        return Status::StoreError("store '" + path +
                                  "' has an older schema; run 'samdrift init' to upgrade it");
      }
      WriteSchema(db);
    }
    Tune(db, mode);
    return std::unique_ptr<Store>(new Store(path, std::make_unique<Impl>(std::move(db))));
  };
  const int flags = (mode == OpenMode::kReadOnly ? SQLite::OPEN_READONLY : SQLite::OPEN_READWRITE) |
                    SQLite::OPEN_NOMUTEX;
  try {
    return open(path, flags);
  } catch (const std::exception& e) {
    if (mode != OpenMode::kReadOnly || !NoWalIndex(e))
      return FromSqlite(e, path, "opening the store");
  }
  // A read-only folder (a share mounted read-only): SQLite cannot create the -shm file that
  // reading a WAL store needs. A closed store needs none: with no changes in a -wal file, every
  // committed change is in the store file, which is then read as it is (see ImmutableUri).
  if (HasWalChanges(path)) {
    return Status::StoreError("store '" + path +
                              "' is in a read-only folder and has changes not yet in the store "
                              "file (an import is writing it or was stopped); read it once the "
                              "import is done, or where its folder can be written");
  }
  try {
    return open(ImmutableUri(path), flags | SQLite::OPEN_URI);
  } catch (const std::exception& e) {
    return FromSqlite(e, path, "opening the store");
  }
}

Result<std::unique_ptr<Store>> Store::OpenInMemory() {
  ConfigureSqliteOnce();
  try {
    SQLite::Database db(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    WriteSchema(db);
    return std::unique_ptr<Store>(new Store(":memory:", std::make_unique<Impl>(std::move(db))));
  } catch (const std::exception& e) {
    return FromSqlite(e, ":memory:", "creating the store");
  }
}

Status Store::LimitPages(long long pages) {
  try {
    impl_->db.exec("PRAGMA max_page_count = " + std::to_string(pages));
    return Status::Ok();
  } catch (const std::exception& e) {
    return FromSqlite(e, path_, "limiting its size");
  }
}

Result<std::string> Store::IntegrityCheck() const {
  try {
    SQLite::Statement st(impl_->db, "PRAGMA integrity_check");
    std::string out;
    while (st.executeStep()) {
      if (!out.empty()) out += '\n';
      out += st.getColumn(0).getString();
    }
    return out;
  } catch (const std::exception& e) {
    return FromSqlite(e, path_, "checking integrity");
  }
}
}  // namespace samdrift::core
