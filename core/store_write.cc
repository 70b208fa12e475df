// The batch writer (StoreWriter): one transaction that replaces what earlier imports of the same
// files stored, writes the rows in parts, keeps the import's warnings and adds the implied
// locations.
#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <utility>

#include "core/store.h"
#include "core/store_internal.h"
#include "core/store_write_set.h"
#include "core/store_write_sql.h"

namespace samdrift::core {
using store_internal::BindText;
using store_internal::DecodeAttributes;
using store_internal::EncodeAttributes;
using store_internal::FileName;
using store_internal::FromSqlite;
using store_internal::ImpliedLocations;
using store_internal::kFillAsset;
using store_internal::kUpsertDeviceType;
using store_internal::NameOf;
namespace {

// The source id of a row's (org, file name), remembering the last one: rows come file by file.
class SourceIds {
 public:
  explicit SourceIds(const store_internal::SourceIdMap& ids) : ids_(ids) {}
  std::int64_t Of(const std::string& org, const std::string& source) {
    if (last_org_ && *last_org_ == org && *last_source_ == source) return last_id_;
    last_id_ = ids_.at({org, FileName(source)});
    last_org_ = &org;
    last_source_ = &source;
    return last_id_;
  }

 private:
  const store_internal::SourceIdMap& ids_;
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

}  // namespace

struct StoreWriter::Impl {
  // Assets per statement at most (a generic CSV's parts are 8192 rows).
  static constexpr std::size_t kChunkRows = 8192;

  Impl(SQLite::Database& database, std::string store_path)
      : db(database),
        path(std::move(store_path)),
        cache(db),
        transaction(db, SQLite::TransactionBehavior::IMMEDIATE),
        list_sources(db, "SELECT name, id FROM sources WHERE org = ?1"),
        insert_source(db, "INSERT INTO sources(org, name, importer) VALUES(?1, ?2, ?3)"),
        touch_source(db,
                     "UPDATE sources SET importer = ?2, "
                     "imported_at = strftime('%Y-%m-%dT%H:%M:%SZ','now') WHERE id = ?1"),
        drop_assets(db, "DELETE FROM assets WHERE source_id = ?1"),
        drop_relations(db, "DELETE FROM relations WHERE source_id = ?1"),
        warnings(db),
        any_rows(db, "SELECT 1 FROM assets WHERE org = ?1 LIMIT 1"),
        chunk(db),
        fill_asset(db, kFillAsset),
        existing_attributes(
            db, "SELECT attributes FROM assets WHERE org = ?1 AND key = ?2 AND kind = ?3"),
        row_of(db, "SELECT id FROM assets WHERE org = ?1 AND key = ?2 AND kind = ?3"),
        relations(db) {}

  // Registers the row's (org, file name): the first time, what earlier imports of that file
  // stored is removed. Rows come file by file, so a repeat of the last pair is skipped early.
  // The org's stored sources are read once: a file it never had (every file of a first import,
  // thousands of agent files) is one insert, with nothing to delete.
  void Touch(const std::string& org, const Provenance& p) {
    if (last_org && *last_org == org && *last_source == p.source) return;
    last_org = &org;
    last_source = &p.source.str();
    if (!orgs.count(org)) {
      orgs.insert(org);
      new_orgs.push_back(org);
      ReadStoredSources(org);
    }
    auto key = std::make_pair(org, FileName(p.source));
    if (sources.count(key)) return;
    auto stored = stored_sources.find(key);
    if (stored == stored_sources.end()) {
      insert_source.bind(1, key.first);
      insert_source.bind(2, key.second);
      insert_source.bind(3, p.importer);
      insert_source.exec();
      insert_source.reset();
      sources.emplace(key, sqlite3_last_insert_rowid(db.getHandle()));
      return;
    }
    const std::int64_t id = stored->second;
    sources.emplace(key, id);
    ++summary.files_replaced;
    touch_source.bind(1, id);
    touch_source.bind(2, p.importer);
    touch_source.exec();
    touch_source.reset();
    drop_assets.bind(1, id);
    const int dropped = drop_assets.exec();
    summary.assets_replaced += static_cast<std::size_t>(dropped);
    // A row this batch wrote into (a patch of an asset the file declared) may be among them.
    if (dropped > 0 && !written_rows.empty()) written_rows_dropped = true;
    drop_assets.reset();
    drop_relations.bind(1, id);
    drop_relations.exec();
    drop_relations.reset();
    warnings.Drop(id);
  }

  void ReadStoredSources(const std::string& org) {
    list_sources.bind(1, org);
    while (list_sources.executeStep()) {
      stored_sources.emplace(std::make_pair(org, list_sources.getColumn(0).getString()),
                             list_sources.getColumn(1).getInt64());
    }
    list_sources.reset();
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

  // The batch's assets in order: runs of kReplace or kPatch assets a chunk per statement,
  // kFill assets one by one (each merges with what its row holds).
  void PutAssets(const std::vector<Asset>& assets, SourceIds& source_ids) {
    bool patch = false;
    for (const Asset& a : assets) {
      const bool is_patch = a.mode == WriteMode::kPatch;
      if (!chunk.rows().empty() &&
          (a.mode == WriteMode::kFill || is_patch != patch || chunk.rows().size() >= kChunkRows)) {
        WriteChunk(patch);
      }
      if (a.mode == WriteMode::kFill) {
        FillAsset(a, source_ids);
        continue;
      }
      patch = is_patch;
      chunk.rows().push_back(RowOf(a, source_ids));
    }
    if (!chunk.rows().empty()) WriteChunk(patch);
  }

  static store_internal::ChunkRow RowOf(const Asset& a, SourceIds& source_ids) {
    store_internal::ChunkRow row{
        &a, {}, EncodeAttributes(a.attributes), source_ids.Of(a.org, a.provenance.source)};
    // Key() of halls and racks; every other kind's is its name.
    if (a.kind == AssetKind::kHall || a.kind == AssetKind::kRack) row.key = a.Key();
    return row;
  }

  void WriteChunk(bool patch) {
    stored.clear();
    chunk.Write(patch, stored);
    for (std::size_t i = 0; i < stored.size(); ++i) Written(*chunk.rows()[i].asset, stored[i]);
    chunk.rows().clear();
  }

  // Keeps where an asset went: its row, and for a fresh org the locations it names, unless it
  // merged into an existing row, whose location may have changed: the org's implied locations
  // are then read back from its rows at Commit().
  void Written(const Asset& a, store_internal::StoredRow row) {
    written_rows.push_back(row.row);
    ++summary.assets_written;
    if (auto it = fresh.find(a.org); it != fresh.end()) {
      if (row.added) {
        it->second.Add(a.kind, a.site, a.hall, a.rack);
      } else {
        fresh.erase(it);
      }
    }
  }

  void FillAsset(const Asset& a, SourceIds& source_ids) {
    const store_internal::ChunkRow row = RowOf(a, source_ids);
    store_internal::BindRow(fill_asset, row);
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
    fill_asset.bind(25, EncodeAttributes(merged));
    // Rowid 0 is never given to a new row: if it is still the last one after the statement,
    // the asset merged into an existing row instead of adding one, whose id is then looked up.
    sqlite3_set_last_insert_rowid(db.getHandle(), 0);
    fill_asset.exec();
    fill_asset.reset();
    const std::int64_t inserted = sqlite3_last_insert_rowid(db.getHandle());
    Written(a, {inserted != 0 ? inserted : MergedRow(a), inserted != 0});
  }

  // The row an asset merged into (its identity's).
  std::int64_t MergedRow(const Asset& a) {
    BindText(row_of, 1, a.org);
    row_of.bind(2, a.Key());
    BindText(row_of, 3, NameOf(a.kind, kAllAssetKinds));
    row_of.executeStep();
    const std::int64_t id = row_of.getColumn(0).getInt64();
    row_of.reset();
    return id;
  }

  void PutRelations(const std::vector<Relation>& all, SourceIds& source_ids) {
    for (const Relation& r : all) {
      relations.rows().push_back({&r, source_ids.Of(r.org, r.provenance.source)});
      if (relations.rows().size() >= kChunkRows) relations.Write();
    }
    relations.Write();
    summary.relations_written += all.size();
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
  store_internal::ImportCache cache;  // before the transaction: restored once it has ended
  SQLite::Transaction transaction;    // first member with a destructor that needs the others gone
  SQLite::Statement list_sources;
  SQLite::Statement insert_source;
  SQLite::Statement touch_source;  // an earlier import's source, imported again
  SQLite::Statement drop_assets;
  SQLite::Statement drop_relations;
  store_internal::WarningWriter warnings;
  SQLite::Statement any_rows;
  store_internal::ChunkWriter chunk;
  SQLite::Statement fill_asset;
  SQLite::Statement existing_attributes;
  SQLite::Statement row_of;
  store_internal::RelationWriter relations;
  store_internal::SourceIdMap sources;         // the sources the batch's rows touched
  store_internal::SourceIdMap stored_sources;  // the written orgs' sources before the batch
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

  std::vector<std::int64_t> written_rows;         // the row of every asset written, in order
  std::vector<store_internal::StoredRow> stored;  // the last chunk's
  bool written_rows_dropped = false;  // a file's earlier rows went after rows were written
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
    w.PutAssets(batch.assets, source_ids);
    w.PutRelations(batch.relations, source_ids);
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
    w.summary.warnings_written += w.warnings.Put(w.sources, org, files, diagnostics);
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
}  // namespace samdrift::core
