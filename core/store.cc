#include "core/store.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <optional>
#include <set>
#include <utility>

#include "core/store_internal.h"

namespace samdrift::core {
using store_internal::FromSqlite;
namespace {

constexpr int kApplicationId = 0x53414D44;  // "SAMD"
constexpr int kBusyTimeoutMs = 5000;
constexpr char kAttrKeySep = '\x1f';
constexpr char kAttrSep = '\x1e';

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

constexpr const char* kAssetColumns =
    "org, kind, key, category, name, role, vendor, product, version, serial, site, hall, rack, "
    "position, u_height, power_w, redundancy_group, criticality, eol, estimated, attributes, "
    "importer, line, (SELECT name FROM sources WHERE sources.id = assets.source_id)";

constexpr const char* kUpsertAsset = R"sql(
INSERT INTO assets(org, kind, key, category, name, role, vendor, product, version, serial,
                   site, hall, rack, position, u_height, power_w, redundancy_group, criticality,
                   eol, estimated, attributes, source_id, importer, line, implied)
VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19,
       ?20, ?21, ?22, ?23, ?24, 0)
ON CONFLICT(org, key, kind) DO UPDATE SET
  category = CASE WHEN ?25 = 1 THEN category ELSE excluded.category END,
  name = excluded.name,
  role = COALESCE(NULLIF(excluded.role, ''), role),
  vendor = COALESCE(NULLIF(excluded.vendor, ''), vendor),
  product = COALESCE(NULLIF(excluded.product, ''), product),
  version = COALESCE(NULLIF(excluded.version, ''), version),
  serial = COALESCE(NULLIF(excluded.serial, ''), serial),
  site = COALESCE(NULLIF(excluded.site, ''), site),
  hall = COALESCE(NULLIF(excluded.hall, ''), hall),
  rack = COALESCE(NULLIF(excluded.rack, ''), rack),
  position = COALESCE(excluded.position, position),
  u_height = COALESCE(excluded.u_height, u_height),
  power_w = COALESCE(excluded.power_w, power_w),
  redundancy_group = COALESCE(NULLIF(excluded.redundancy_group, ''), redundancy_group),
  criticality = COALESCE(NULLIF(excluded.criticality, ''), criticality),
  eol = COALESCE(NULLIF(excluded.eol, ''), eol),
  estimated = CASE WHEN excluded.power_w IS NOT NULL OR excluded.u_height IS NOT NULL
                   THEN excluded.estimated ELSE estimated END,
  attributes = CASE WHEN excluded.attributes = '' THEN attributes
                    WHEN attributes = '' THEN excluded.attributes
                    ELSE attributes || char(30) || excluded.attributes END,
  source_id = CASE WHEN ?25 = 1 AND source_id IS NOT NULL THEN source_id
                   ELSE excluded.source_id END,
  importer = CASE WHEN ?25 = 1 AND source_id IS NOT NULL THEN importer ELSE excluded.importer END,
  line = CASE WHEN ?25 = 1 AND source_id IS NOT NULL THEN line ELSE excluded.line END,
  implied = 0
RETURNING id
)sql";

// WriteMode::kFill: what is already there wins; only empty fields are filled. ?25 carries the
// merged attributes (the existing keys first, new keys appended), computed by the caller.
constexpr const char* kFillAsset = R"sql(
INSERT INTO assets(org, kind, key, category, name, role, vendor, product, version, serial,
                   site, hall, rack, position, u_height, power_w, redundancy_group, criticality,
                   eol, estimated, attributes, source_id, importer, line, implied)
VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19,
       ?20, ?21, ?22, ?23, ?24, 0)
ON CONFLICT(org, key, kind) DO UPDATE SET
  category = CASE WHEN implied = 1 THEN excluded.category ELSE category END,
  name = CASE WHEN implied = 1 THEN excluded.name ELSE name END,
  role = COALESCE(NULLIF(role, ''), excluded.role),
  vendor = COALESCE(NULLIF(vendor, ''), excluded.vendor),
  product = COALESCE(NULLIF(product, ''), excluded.product),
  version = COALESCE(NULLIF(version, ''), excluded.version),
  serial = COALESCE(NULLIF(serial, ''), excluded.serial),
  site = COALESCE(NULLIF(site, ''), excluded.site),
  hall = COALESCE(NULLIF(hall, ''), excluded.hall),
  rack = COALESCE(NULLIF(rack, ''), excluded.rack),
  position = COALESCE(position, excluded.position),
  u_height = COALESCE(u_height, excluded.u_height),
  power_w = COALESCE(power_w, excluded.power_w),
  redundancy_group = COALESCE(NULLIF(redundancy_group, ''), excluded.redundancy_group),
  criticality = COALESCE(NULLIF(criticality, ''), excluded.criticality),
  eol = COALESCE(NULLIF(eol, ''), excluded.eol),
  estimated = CASE WHEN power_w IS NULL AND u_height IS NULL THEN excluded.estimated
                   ELSE estimated END,
  attributes = ?25,
  importer = CASE WHEN source_id IS NULL THEN excluded.importer ELSE importer END,
  line = CASE WHEN source_id IS NULL THEN excluded.line ELSE line END,
  source_id = COALESCE(source_id, excluded.source_id),
  implied = 0
RETURNING id
)sql";

constexpr const char* kInsertRelation = R"sql(
INSERT INTO relations(org, source, source_kind, kind, target_org, target, target_kind,
                      source_port, target_port, source_id, importer, line)
VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)
)sql";

constexpr const char* kUpsertDeviceType = R"sql(
INSERT INTO device_types(manufacturer, model, part_number, u_height, full_depth, max_draw_w,
                         allocated_draw_w, source, importer, line)
VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
ON CONFLICT(manufacturer, model) DO UPDATE SET
  part_number = excluded.part_number, u_height = excluded.u_height,
  full_depth = excluded.full_depth, max_draw_w = excluded.max_draw_w,
  allocated_draw_w = excluded.allocated_draw_w, source = excluded.source,
  importer = excluded.importer, line = excluded.line
)sql";

// Relations whose source or target names no asset, exactly or (for DNS names) by the host part;
// see ShortHostName() in core/model.h, which this mirrors.
constexpr const char* kCountUnresolved = R"sql(
SELECT count(*) FROM relations r WHERE
  (NOT EXISTS (SELECT 1 FROM assets a WHERE a.org = r.target_org AND a.key = r.target
               AND (r.target_kind = '' OR a.kind = r.target_kind))
   AND NOT (instr(r.target, '.') > 1 AND substr(r.target, 1, 1) NOT BETWEEN '0' AND '9'
            AND instr(r.target, '/') = 0 AND instr(r.target, ':') = 0
            AND EXISTS (SELECT 1 FROM assets a WHERE a.org = r.target_org
                        AND a.key = substr(r.target, 1, instr(r.target, '.') - 1)
                        AND (r.target_kind = '' OR a.kind = r.target_kind))))
  OR
  (NOT EXISTS (SELECT 1 FROM assets a WHERE a.org = r.org AND a.key = r.source
               AND (r.source_kind = '' OR a.kind = r.source_kind))
   AND NOT (instr(r.source, '.') > 1 AND substr(r.source, 1, 1) NOT BETWEEN '0' AND '9'
            AND instr(r.source, '/') = 0 AND instr(r.source, ':') = 0
            AND EXISTS (SELECT 1 FROM assets a WHERE a.org = r.org
                        AND a.key = substr(r.source, 1, instr(r.source, '.') - 1)
                        AND (r.source_kind = '' OR a.kind = r.source_kind))))
)sql";

// The locations an org's rows name: one row per distinct (class, site, hall, rack), where class
// is the kind for sites, halls and racks (a rack does not imply itself) and '' for the rest.
// ImplyLocations() turns them into the site, hall and rack assets nobody declared.
constexpr const char* kNamedLocations = R"sql(
SELECT DISTINCT CASE WHEN kind IN ('site', 'hall', 'rack') THEN kind ELSE '' END, site, hall, rack
FROM assets WHERE org = ?1 AND (site <> '' OR hall <> '' OR rack <> ''))sql";
constexpr const char* kInsertImplied = R"sql(
INSERT OR IGNORE INTO assets(org, kind, key, category, name, site, hall, implied)
VALUES(?1, ?2, ?3, 'datacenter', ?4, ?5, ?6, 1))sql";

std::string FileName(const std::string& source) {
  return std::filesystem::path(source).filename().string();
}

std::string Clean(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (c != kAttrKeySep && c != kAttrSep) out += c;
  }
  return out;
}

std::string EncodeAttributes(const std::vector<Attribute>& attributes) {
  std::string out;
  for (const Attribute& a : attributes) {
    if (!out.empty()) out += kAttrSep;
    out += Clean(a.key);
    out += kAttrKeySep;
    out += Clean(a.value);
  }
  return out;
}

void DecodeAttributes(std::string_view text, std::vector<Attribute>& out) {
  while (!text.empty()) {
    std::size_t end = text.find(kAttrSep);
    std::string_view item = text.substr(0, end);
    std::size_t sep = item.find(kAttrKeySep);
    if (sep != std::string_view::npos) {
      std::string key(item.substr(0, sep));
      std::string value(item.substr(sep + 1));
      bool replaced = false;
      for (Attribute& a : out) {
        if (a.key == key) {
          a.value = std::move(value);
          replaced = true;
          break;
        }
      }
      if (!replaced) out.push_back({std::move(key), std::move(value)});
    }
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
}

// Binds without a copy: `value` must stay alive and unchanged until the statement has run.
void BindText(SQLite::Statement& st, int index, const std::string& value) {
  st.bindNoCopy(index, value);
}

// The contract names of kinds and categories as long-lived strings, to bind without copying.
template <typename Enum, std::size_t N>
const std::string& NameOf(Enum value, const Enum (&all)[N]) {
  static const std::array<std::string, N> kNames = [&] {
    std::array<std::string, N> names;
    for (std::size_t i = 0; i < N; ++i) names[static_cast<std::size_t>(all[i])] = ToString(all[i]);
    return names;
  }();
  return kNames[static_cast<std::size_t>(value)];
}

// The source id of a row's (org, file name), remembering the last one: rows come file by file.
class SourceIds {
 public:
  explicit SourceIds(const std::map<std::pair<std::string, std::string>, std::int64_t>& ids)
      : ids_(ids) {}
  std::int64_t Of(const std::string& org, const std::string& source) {
    if (last_org_ && *last_org_ == org && *last_source_ == source) return last_id_;
    last_id_ = ids_.at({org, FileName(source)});
    last_org_ = &org;
    last_source_ = &source;
    return last_id_;
  }

 private:
  const std::map<std::pair<std::string, std::string>, std::int64_t>& ids_;
  const std::string* last_org_ = nullptr;
  const std::string* last_source_ = nullptr;
  std::int64_t last_id_ = 0;
};

template <typename T>
void BindOptional(SQLite::Statement& st, int index, const std::optional<T>& value) {
  if (value) {
    st.bind(index, *value);
  } else {
    st.bind(index);
  }
}

// The site, hall and rack assets an org's rows name but nobody declared (implied = 1, category
// datacenter): a rack for each distinct (site, hall, rack), a hall for each (site, hall) named
// by any row or implied rack, a site for each site named by any row, hall or rack. Write()
// leaves an asset already there under the same key as it is.
class ImpliedLocations {
 public:
  // One row's location; a site, hall or rack row does not imply itself.
  void Add(AssetKind kind, const std::string& site, const std::string& hall,
           const std::string& rack) {
    // Rows of one rack or hall tend to come together: skip a set while its entry repeats.
    if (!rack.empty() && kind != AssetKind::kRack &&
        !(rack == last_rack_[2] && hall == last_rack_[1] && site == last_rack_[0])) {
      last_rack_ = {site, hall, rack};
      racks_.insert(last_rack_);
    }
    if (!hall.empty() && kind != AssetKind::kHall &&
        !(hall == last_hall_.second && site == last_hall_.first)) {
      last_hall_ = {site, hall};
      halls_.insert(last_hall_);
    }
    if (!site.empty() && kind != AssetKind::kSite && site != last_site_) {
      last_site_ = site;
      sites_.insert(site);
    }
  }

  // Every location the org's stored rows name (kNamedLocations), in one pass.
  void AddStored(const std::string& org, SQLite::Statement& named) {
    named.bind(1, org);
    while (named.executeStep()) {
      const std::string cls = named.getColumn(0).getString();
      AssetKind kind = cls == "rack"   ? AssetKind::kRack
                       : cls == "hall" ? AssetKind::kHall
                       : cls == "site" ? AssetKind::kSite
                                       : AssetKind::kDevice;
      Add(kind, named.getColumn(1).getString(), named.getColumn(2).getString(),
          named.getColumn(3).getString());
    }
    named.reset();
  }

  // Returns the number of rows inserted.
  std::size_t Write(const std::string& org, SQLite::Statement& insert) {
    std::size_t inserted = 0;
    for (const auto& [site, hall, rack] : racks_) {
      if (!hall.empty()) halls_.emplace(site, hall);
      if (!site.empty()) sites_.insert(site);
    }
    for (const auto& [site, hall] : halls_) {
      if (!site.empty()) sites_.insert(site);
    }
    static const std::string kRack = "rack", kHall = "hall", kSite = "site", kNone;
    auto put = [&](const std::string& kind, const std::string& key, const std::string& name,
                   const std::string& site, const std::string& hall) {
      BindText(insert, 1, org);
      BindText(insert, 2, kind);
      BindText(insert, 3, key);
      BindText(insert, 4, name);
      BindText(insert, 5, site);
      BindText(insert, 6, hall);
      inserted += static_cast<std::size_t>(insert.exec());
      insert.reset();
    };
    for (const auto& [site, hall, rack] : racks_) {
      put(kRack, RackKey(site, hall, rack), rack, site, hall);
    }
    for (const auto& [site, hall] : halls_) put(kHall, HallKey(site, hall), hall, site, kNone);
    for (const std::string& site : sites_) put(kSite, site, site, kNone, kNone);
    return inserted;
  }

 private:
  std::set<std::array<std::string, 3>> racks_;
  std::set<std::pair<std::string, std::string>> halls_;
  std::set<std::string> sites_;
  std::array<std::string, 3> last_rack_;
  std::pair<std::string, std::string> last_hall_;
  std::string last_site_;
};

}  // namespace

store_internal::ImpliedRewriter::ImpliedRewriter(SQLite::Database& db)
    : drop_implied_(db, "DELETE FROM assets WHERE org = ?1 AND implied = 1"),
      named_(db, kNamedLocations),
      insert_implied_(db, kInsertImplied) {}

store_internal::ImpliedChange store_internal::ImpliedRewriter::Rewrite(const std::string& org) {
  ImpliedChange change;
  drop_implied_.bind(1, org);
  change.dropped = static_cast<std::size_t>(drop_implied_.exec());
  drop_implied_.reset();
  ImpliedLocations implied;
  implied.AddStored(org, named_);
  change.written = implied.Write(org, insert_implied_);
  return change;
}

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

namespace {

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
    db.exec("PRAGMA cache_size = -32768");
    db.exec("PRAGMA temp_store = MEMORY");
  }
}

}  // namespace

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

struct StoreWriter::Impl {
  Impl(SQLite::Database& database, std::string store_path)
      : db(database),
        path(std::move(store_path)),
        transaction(db, SQLite::TransactionBehavior::IMMEDIATE),
        upsert_source(db,
                      "INSERT INTO sources(org, name, importer) VALUES(?1, ?2, ?3) "
                      "ON CONFLICT(org, name) DO UPDATE SET importer = excluded.importer, "
                      "imported_at = strftime('%Y-%m-%dT%H:%M:%SZ','now') RETURNING id"),
        drop_assets(db, "DELETE FROM assets WHERE source_id = ?1"),
        drop_relations(db, "DELETE FROM relations WHERE source_id = ?1"),
        drop_warnings(db, "DELETE FROM source_warnings WHERE source_id = ?1"),
        any_rows(db, "SELECT 1 FROM assets WHERE org = ?1 LIMIT 1"),
        upsert_asset(db, kUpsertAsset),
        fill_asset(db, kFillAsset),
        existing_attributes(
            db, "SELECT attributes FROM assets WHERE org = ?1 AND key = ?2 AND kind = ?3"),
        insert_relation(db, kInsertRelation) {}

  // Registers the row's (org, file name): the first time, what earlier imports of that file
  // stored is removed. Rows come file by file, so a repeat of the last pair is skipped early.
  void Touch(const std::string& org, const Provenance& p) {
    if (last_org && *last_org == org && *last_source == p.source) return;
    last_org = &org;
    last_source = &p.source;
    if (!orgs.count(org)) {
      orgs.insert(org);
      new_orgs.push_back(org);
    }
    auto key = std::make_pair(org, FileName(p.source));
    if (sources.count(key)) return;
    upsert_source.bind(1, key.first);
    upsert_source.bind(2, key.second);
    upsert_source.bind(3, p.importer);
    upsert_source.executeStep();
    std::int64_t id = upsert_source.getColumn(0).getInt64();
    upsert_source.reset();
    sources.emplace(key, id);
    drop_assets.bind(1, id);
    const int dropped = drop_assets.exec();
    summary.assets_replaced += static_cast<std::size_t>(dropped);
    // A row this batch wrote into (a patch of an asset the file declared) may be among them.
    if (dropped > 0 && !written_rows.empty()) written_rows_dropped = true;
    drop_assets.reset();
    drop_relations.bind(1, id);
    drop_relations.exec();
    drop_relations.reset();
    DropWarnings(id);
  }

  void DropWarnings(std::int64_t source_id) {
    drop_warnings.bind(1, source_id);
    drop_warnings.exec();
    drop_warnings.reset();
  }

  // The id of (org, file name) for warnings: the batch's source, else a stored one, else (with
  // kCreate) a new source row without assets. Never removes rows: a file that brought warnings
  // and no rows leaves what earlier imports of it stored, like a file that brought nothing.
  enum class Missing { kSkip, kCreate };
  std::optional<std::int64_t> WarningSource(const std::string& org, const std::string& name,
                                            Missing missing, SQLite::Statement& find,
                                            SQLite::Statement& create) {
    auto key = std::make_pair(org, name);
    if (auto it = sources.find(key); it != sources.end()) return it->second;
    if (auto it = warning_sources.find(key); it != warning_sources.end()) return it->second;
    std::optional<std::int64_t> id;
    find.bind(1, org);
    find.bind(2, name);
    if (find.executeStep()) id = find.getColumn(0).getInt64();
    find.reset();
    if (!id && missing == Missing::kCreate) {
      create.bind(1, org);
      create.bind(2, name);
      create.executeStep();
      id = create.getColumn(0).getInt64();
      create.reset();
    }
    if (id) warning_sources.emplace(key, *id);
    return id;
  }

  void PutWarnings(const std::string& org, const std::vector<std::string>& files,
                   const std::vector<Diagnostic>& diagnostics) {
    SQLite::Statement find(db, "SELECT id FROM sources WHERE org = ?1 AND name = ?2");
    SQLite::Statement create(db, "INSERT INTO sources(org, name) VALUES(?1, ?2) RETURNING id");
    for (const std::string& file : files) {
      if (sources.count({org, FileName(file)})) continue;  // Touch() has cleared it
      if (auto id = WarningSource(org, FileName(file), Missing::kSkip, find, create)) {
        DropWarnings(*id);
      }
    }
    SQLite::Statement insert(db,
                             "INSERT INTO source_warnings(source_id, file, line, col, code, "
                             "message) VALUES(?1, ?2, ?3, ?4, ?5, ?6)");
    for (const Diagnostic& d : diagnostics) {
      if (d.severity != Severity::kWarning || d.where.source.empty()) continue;
      auto id = WarningSource(org, FileName(d.where.source), Missing::kCreate, find, create);
      insert.bind(1, *id);
      BindText(insert, 2, d.where.source);
      insert.bind(3, d.where.line);
      insert.bind(4, d.where.column);
      BindText(insert, 5, d.code);
      BindText(insert, 6, d.message);
      insert.exec();
      insert.reset();
      ++summary.warnings_written;
    }
  }

  // Orgs seen for the first time in this Put() that have no rows left once their replaced files
  // are gone: their implied locations are collected from the rows written, not read back.
  void CheckFreshOrgs() {
    for (const std::string& org : new_orgs) {
      any_rows.bind(1, org);
      if (!any_rows.executeStep()) fresh.emplace(org, ImpliedLocations());
      any_rows.reset();
    }
    new_orgs.clear();
  }

  void PutAsset(const Asset& a, SourceIds& source_ids) {
    const bool is_fill = a.mode == WriteMode::kFill;
    SQLite::Statement& insert_asset = is_fill ? fill_asset : upsert_asset;
    BindText(insert_asset, 1, a.org);
    BindText(insert_asset, 2, NameOf(a.kind, kAllAssetKinds));
    if (a.kind == AssetKind::kHall || a.kind == AssetKind::kRack) {
      key = a.Key();
      BindText(insert_asset, 3, key);
    } else {
      BindText(insert_asset, 3, a.name);  // Key() of every other kind
    }
    BindText(insert_asset, 4, NameOf(a.category, kAllCategories));
    BindText(insert_asset, 5, a.name);
    BindText(insert_asset, 6, a.role);
    BindText(insert_asset, 7, a.vendor);
    BindText(insert_asset, 8, a.product);
    BindText(insert_asset, 9, a.version);
    BindText(insert_asset, 10, a.serial);
    BindText(insert_asset, 11, a.site);
    BindText(insert_asset, 12, a.hall);
    BindText(insert_asset, 13, a.rack);
    BindOptional(insert_asset, 14, a.position);
    BindOptional(insert_asset, 15, a.u_height);
    BindOptional(insert_asset, 16, a.power_w);
    BindText(insert_asset, 17, a.redundancy_group);
    BindText(insert_asset, 18, a.criticality);
    BindText(insert_asset, 19, a.eol);
    insert_asset.bind(20, a.estimated ? 1 : 0);
    attributes = EncodeAttributes(a.attributes);
    BindText(insert_asset, 21, attributes);
    insert_asset.bind(22, source_ids.Of(a.org, a.provenance.source));
    BindText(insert_asset, 23, a.provenance.importer);
    insert_asset.bind(24, a.provenance.line);
    if (is_fill) {
      // Existing keys keep their values; keys the asset does not have yet are appended.
      std::vector<Attribute> merged;
      existing_attributes.bind(1, a.org);
      existing_attributes.bind(2, a.Key());
      existing_attributes.bind(3, std::string(ToString(a.kind)));
      if (existing_attributes.executeStep()) {
        DecodeAttributes(existing_attributes.getColumn(0).getString(), merged);
      }
      existing_attributes.reset();
      for (const Attribute& attribute : a.attributes) {
        bool present = false;
        for (const Attribute& m : merged) present = present || m.key == attribute.key;
        if (!present) merged.push_back(attribute);
      }
      insert_asset.bind(25, EncodeAttributes(merged));
    } else {
      insert_asset.bind(25, a.mode == WriteMode::kPatch ? 1 : 0);
    }
    // Rowid 0 is never given to a new row: if it is still the last one after the statement,
    // the asset merged into an existing row instead of adding one.
    sqlite3_set_last_insert_rowid(db.getHandle(), 0);
    insert_asset.executeStep();
    written_rows.push_back(insert_asset.getColumn(0).getInt64());
    insert_asset.reset();
    ++summary.assets_written;
    if (auto it = fresh.find(a.org); it != fresh.end()) {
      if (sqlite3_last_insert_rowid(db.getHandle()) == 0) {
        // No new row: the asset merged into one written earlier, whose location may have
        // changed. The org's implied locations are then read back from its rows at Commit().
        fresh.erase(it);
      } else {
        it->second.Add(a.kind, a.site, a.hall, a.rack);
      }
    }
  }

  void PutRelation(const Relation& r, SourceIds& source_ids) {
    static const std::string kNoKind;
    BindText(insert_relation, 1, r.org);
    BindText(insert_relation, 2, r.source);
    BindText(insert_relation, 3, r.source_kind ? NameOf(*r.source_kind, kAllAssetKinds) : kNoKind);
    BindText(insert_relation, 4, NameOf(r.kind, kAllRelationKinds));
    BindText(insert_relation, 5, r.TargetOrg());
    BindText(insert_relation, 6, r.target);
    BindText(insert_relation, 7, r.target_kind ? NameOf(*r.target_kind, kAllAssetKinds) : kNoKind);
    BindText(insert_relation, 8, r.source_port);
    BindText(insert_relation, 9, r.target_port);
    insert_relation.bind(10, source_ids.Of(r.org, r.provenance.source));
    BindText(insert_relation, 11, r.provenance.importer);
    insert_relation.bind(12, r.provenance.line);
    insert_relation.exec();
    insert_relation.reset();
    ++summary.relations_written;
  }

  void PutDeviceTypes(const std::vector<DeviceType>& types) {
    if (types.empty()) return;
    SQLite::Statement insert_type(db, kUpsertDeviceType);
    for (const DeviceType& t : types) {
      BindText(insert_type, 1, t.manufacturer);
      BindText(insert_type, 2, t.model);
      BindText(insert_type, 3, t.part_number);
      BindOptional(insert_type, 4, t.u_height);
      insert_type.bind(5, t.full_depth ? 1 : 0);
      BindOptional(insert_type, 6, t.max_draw_w);
      BindOptional(insert_type, 7, t.allocated_draw_w);
      insert_type.bind(8, FileName(t.provenance.source));
      BindText(insert_type, 9, t.provenance.importer);
      insert_type.bind(10, t.provenance.line);
      insert_type.exec();
      insert_type.reset();
      ++summary.device_types_written;
    }
  }

  // The implied sites, halls and racks of every org written: from the rows written for fresh
  // orgs, else recomputed from all the org's rows.
  void WriteImplied(ApplySummary& summary) {
    store_internal::ImpliedRewriter implied(db);
    for (const std::string& org : orgs) {
      auto it = fresh.find(org);
      if (it != fresh.end()) {
        summary.locations_implied += it->second.Write(org, implied.insert_implied());
        continue;
      }
      const store_internal::ImpliedChange change = implied.Rewrite(org);
      if (change.written > change.dropped) {
        summary.locations_implied += change.written - change.dropped;
      }
    }
  }

  SQLite::Database& db;
  std::string path;
  SQLite::Transaction transaction;  // first member with a destructor that needs the others gone
  SQLite::Statement upsert_source;
  SQLite::Statement drop_assets;
  SQLite::Statement drop_relations;
  SQLite::Statement drop_warnings;
  SQLite::Statement any_rows;
  SQLite::Statement upsert_asset;
  SQLite::Statement fill_asset;
  SQLite::Statement existing_attributes;
  SQLite::Statement insert_relation;
  // (org, file name) -> source id
  std::map<std::pair<std::string, std::string>, std::int64_t> sources;
  // (org, file name) -> source id of files that brought warnings but no rows in this batch
  std::map<std::pair<std::string, std::string>, std::int64_t> warning_sources;
  std::set<std::string> orgs;
  std::vector<std::string> new_orgs;
  std::map<std::string, ImpliedLocations> fresh;
  const std::string* last_org = nullptr;
  const std::string* last_source = nullptr;
  // The distinct rows the batch's assets went into, for ApplySummary::assets_stored.
  std::size_t CountStored() {
    std::sort(written_rows.begin(), written_rows.end());
    written_rows.erase(std::unique(written_rows.begin(), written_rows.end()), written_rows.end());
    if (!written_rows_dropped) return written_rows.size();
    SQLite::Statement exists(db, "SELECT 1 FROM assets WHERE id = ?1");
    std::size_t n = 0;
    for (std::int64_t id : written_rows) {
      exists.bind(1, id);
      n += exists.executeStep() ? 1 : 0;
      exists.reset();
    }
    return n;
  }

  std::string key;
  std::string attributes;
  std::vector<std::int64_t> written_rows;  // the row of every asset written, in order
  bool written_rows_dropped = false;       // a file's earlier rows went after rows were written
  ApplySummary summary;
  bool failed = false;
};

StoreWriter::StoreWriter(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
StoreWriter::~StoreWriter() = default;

Status StoreWriter::Put(const Batch& batch) {
  Impl& w = *impl_;
  if (w.failed) return Status::StoreError("store '" + w.path + "': an earlier write failed");
  try {
    w.last_org = w.last_source = nullptr;  // the last batch's rows are gone
    for (const Asset& a : batch.assets) w.Touch(a.org, a.provenance);
    for (const Relation& r : batch.relations) w.Touch(r.org, r.provenance);
    w.last_org = w.last_source = nullptr;
    w.CheckFreshOrgs();
    SourceIds source_ids(w.sources);
    for (const Asset& a : batch.assets) w.PutAsset(a, source_ids);
    for (const Relation& r : batch.relations) w.PutRelation(r, source_ids);
    w.PutDeviceTypes(batch.device_types);
    return Status::Ok();
  } catch (const std::exception& e) {
    w.failed = true;
    return FromSqlite(e, w.path, "storing the import");
  }
}

Status StoreWriter::PutWarnings(const std::string& org, const std::vector<std::string>& files,
                                const std::vector<Diagnostic>& diagnostics) {
  Impl& w = *impl_;
  if (w.failed) return Status::StoreError("store '" + w.path + "': an earlier write failed");
  try {
    w.PutWarnings(org, files, diagnostics);
    return Status::Ok();
  } catch (const std::exception& e) {
    w.failed = true;
    return FromSqlite(e, w.path, "storing the import's warnings");
  }
}

Result<ApplySummary> StoreWriter::Commit() {
  Impl& w = *impl_;
  if (w.failed) return Status::StoreError("store '" + w.path + "': an earlier write failed");
  try {
    w.WriteImplied(w.summary);
    w.summary.assets_stored = w.CountStored();
    w.summary.orgs.assign(w.orgs.begin(), w.orgs.end());
    w.transaction.commit();
    return w.summary;
  } catch (const std::exception& e) {
    w.failed = true;
    return FromSqlite(e, w.path, "storing the import");
  }
}

Result<std::unique_ptr<StoreWriter>> Store::Begin() {
  try {
    return std::unique_ptr<StoreWriter>(
        new StoreWriter(std::make_unique<StoreWriter::Impl>(impl_->db, path_)));
  } catch (const std::exception& e) {
    return FromSqlite(e, path_, "starting the import");
  }
}

Result<ApplySummary> Store::Apply(const Batch& batch) {
  auto writer = Begin();
  if (!writer.ok()) return writer.status();
  if (Status put = (*writer)->Put(batch); !put.ok()) return put;
  return (*writer)->Commit();
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

namespace {

// Completeness per (org, kind, category, located in a hall, in a rack): how many assets, and how
// many have each of kCompletenessFields (in that order; ip: the `ip` attribute).
constexpr const char* kCompleteness = R"sql(
SELECT org, kind, category, hall != '' OR rack != '', rack != '', count(*),
  sum(vendor != ''), sum(product != ''), sum(version != ''), sum(serial != ''), sum(site != ''),
  sum(power_w IS NOT NULL), sum(u_height IS NOT NULL), sum(position IS NOT NULL),
  sum(substr(attributes, 1, 3) = 'ip' || char(31) OR instr(attributes, char(30) || 'ip' || char(31)) > 0),
  sum(criticality != '')
FROM assets GROUP BY 1, 2, 3, 4, 5)sql";

// Machines without an `ip` attribute, to be matched against the IPAM addresses' holders.
constexpr const char* kMachinesWithoutIp = R"sql(
SELECT org, kind, category, hall != '' OR rack != '', rack != '', name FROM assets
WHERE kind IN ('device', 'vm', 'client') AND NOT (substr(attributes, 1, 3) = 'ip' || char(31)
  OR instr(attributes, char(30) || 'ip' || char(31)) > 0))sql";

// Which fields (kCompletenessFields order) apply to an asset; the rules are in store.h.
std::array<bool, kCompletenessFieldCount> FieldsApplying(AssetKind kind, Category category,
                                                         bool in_hall, bool in_rack) {
  const bool machine =
      kind == AssetKind::kDevice || kind == AssetKind::kVm || kind == AssetKind::kClient;
  const bool product =
      kind == AssetKind::kDevice || kind == AssetKind::kClient || kind == AssetKind::kSoftware;
  const bool physical = kind == AssetKind::kDevice || kind == AssetKind::kClient;
  const bool placed = kind == AssetKind::kDevice && category != Category::kClient && in_hall;
  return {product, product, product,           physical, physical,
          placed,  placed,  placed && in_rack, machine,  kind == AssetKind::kService};
}

constexpr std::size_t kIpField = 8;
static_assert(std::string_view(kCompletenessFields[kIpField]) == "ip");

}  // namespace

Result<StoreStats> Store::Stats() const {
  StoreStats stats;
  try {
    SQLite::Database& db = impl_->db;
    SQLite::Statement counts(db,
                             "SELECT org, category, kind, count(*) FROM assets "
                             "GROUP BY org, category, kind ORDER BY org");
    while (counts.executeStep()) {
      std::string org = counts.getColumn(0).getString();
      auto category = ParseCategory(counts.getColumn(1).getString());
      auto kind = ParseAssetKind(counts.getColumn(2).getString());
      auto n = static_cast<std::size_t>(counts.getColumn(3).getInt64());
      StoreStats::OrgCounts& c = stats.orgs[org];
      if (category) c.by_category[*category] += n;
      if (kind) c.by_kind[*kind] += n;
      c.total += n;
      stats.total += n;
    }
    stats.relations =
        static_cast<std::size_t>(db.execAndGet("SELECT count(*) FROM relations").getInt64());
    stats.unresolved_relations =
        static_cast<std::size_t>(db.execAndGet(kCountUnresolved).getInt64());
    stats.device_types =
        static_cast<std::size_t>(db.execAndGet("SELECT count(*) FROM device_types").getInt64());
    stats.sources =
        static_cast<std::size_t>(db.execAndGet("SELECT count(*) FROM sources").getInt64());
    SQLite::Statement warnings(db,
                               "SELECT s.org, count(*) FROM source_warnings w "
                               "JOIN sources s ON s.id = w.source_id GROUP BY s.org");
    while (warnings.executeStep()) {
      auto n = static_cast<std::size_t>(warnings.getColumn(1).getInt64());
      stats.orgs[warnings.getColumn(0).getString()].warnings += n;
      stats.warnings += n;
    }
    SQLite::Statement fields(db, kCompleteness);
    while (fields.executeStep()) {
      auto kind = ParseAssetKind(fields.getColumn(1).getString());
      auto category = ParseCategory(fields.getColumn(2).getString());
      if (!kind || !category) continue;
      StoreStats::OrgCounts& c = stats.orgs[fields.getColumn(0).getString()];
      const auto applies = FieldsApplying(*kind, *category, fields.getColumn(3).getInt() != 0,
                                          fields.getColumn(4).getInt() != 0);
      const auto n = static_cast<std::size_t>(fields.getColumn(5).getInt64());
      for (std::size_t f = 0; f < kCompletenessFieldCount; ++f) {
        if (!applies[f]) continue;
        c.completeness[f].applies += n;
        c.completeness[f].known += static_cast<std::size_t>(fields.getColumn(6 + f).getInt64());
      }
    }
    // IPAM addresses (NetBox ip-addresses.csv) name the device or VM that holds them.
    std::set<std::pair<std::string, std::string>> holders;
    SQLite::Statement addresses(db,
                                "SELECT org, attributes FROM assets WHERE kind = 'network' AND "
                                "instr(attributes, 'address' || char(31)) > 0");
    while (addresses.executeStep()) {
      std::vector<Attribute> attributes;
      DecodeAttributes(addresses.getColumn(1).getString(), attributes);
      for (const Attribute& a : attributes) {
        if ((a.key == "device" || a.key == "virtual_machine") && !a.value.empty()) {
          holders.emplace(addresses.getColumn(0).getString(), a.value);
        }
      }
    }
    if (!holders.empty()) {
      SQLite::Statement machines(db, kMachinesWithoutIp);
      while (machines.executeStep()) {
        std::pair<std::string, std::string> key{machines.getColumn(0).getString(),
                                                machines.getColumn(5).getString()};
        if (!holders.count(key)) continue;
        auto kind = ParseAssetKind(machines.getColumn(1).getString());
        auto category = ParseCategory(machines.getColumn(2).getString());
        if (!kind || !category) continue;
        const auto applies = FieldsApplying(*kind, *category, machines.getColumn(3).getInt() != 0,
                                            machines.getColumn(4).getInt() != 0);
        if (applies[kIpField]) ++stats.orgs[key.first].completeness[kIpField].known;
      }
    }
  } catch (const std::exception& e) {
    return FromSqlite(e, path_, "counting");
  }
  return stats;
}

Result<std::vector<std::string>> Store::Orgs() const {
  std::vector<std::string> orgs;
  try {
    SQLite::Statement st(impl_->db, "SELECT DISTINCT org FROM assets ORDER BY org");
    while (st.executeStep()) orgs.push_back(st.getColumn(0).getString());
  } catch (const std::exception& e) {
    return FromSqlite(e, path_, "listing orgs");
  }
  return orgs;
}

namespace {

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

 private:
  void Check(int rc) const {
    if (rc != SQLITE_OK) throw SQLite::Exception(db_, rc);
  }
  sqlite3* db_;
  sqlite3_stmt* row_ = nullptr;
};

}  // namespace

Status Store::ForEachAsset(const AssetQuery& query,
                           const std::function<void(Asset&&)>& visit) const {
  try {
    const AssetFilter filter = FilterOf(query);
    RowReader row(impl_->db, std::string("SELECT ") + kAssetColumns + " FROM assets" + filter.sql +
                                 " ORDER BY id");
    row.Bind(filter.values);
    while (row.Next()) {
      Asset a;
      a.org = row.Text(0);
      a.kind = ParseAssetKind(row.Text(1)).value_or(AssetKind::kDevice);
      a.category = ParseCategory(row.Text(3)).value_or(Category::kDatacenter);
      a.name = row.Text(4);
      a.role = row.Text(5);
      a.vendor = row.Text(6);
      a.product = row.Text(7);
      a.version = row.Text(8);
      a.serial = row.Text(9);
      a.site = row.Text(10);
      a.hall = row.Text(11);
      a.rack = row.Text(12);
      a.position = row.OptionalInt(13);
      a.u_height = row.OptionalInt(14);
      a.power_w = row.OptionalDouble(15);
      a.redundancy_group = row.Text(16);
      a.criticality = row.Text(17);
      a.eol = row.Text(18);
      a.estimated = row.Int(19) != 0;
      if (query.with_attributes) DecodeAttributes(row.Text(20), a.attributes);
      a.provenance.importer = row.Text(21);
      a.provenance.line = row.Int(22);
      a.provenance.source = row.Text(23);
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
        "target_port, importer, line, (SELECT name FROM sources WHERE sources.id = "
        "relations.source_id) FROM relations" +
            OrgFilter(orgs, "org") + " ORDER BY id");
    row.Bind(orgs);
    while (row.Next()) {
      Relation r;
      r.org = row.Text(0);
      r.source = row.Text(1);
      r.source_kind = ParseAssetKind(row.Text(2));
      r.kind = ParseRelationKind(row.Text(3)).value_or(RelationKind::kDependsOn);
      r.target_org = row.Text(4);
      r.target = row.Text(5);
      r.target_kind = ParseAssetKind(row.Text(6));
      r.source_port = row.Text(7);
      r.target_port = row.Text(8);
      r.provenance.importer = row.Text(9);
      r.provenance.line = row.Int(10);
      r.provenance.source = row.Text(11);
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
