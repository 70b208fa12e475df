// Store::Remove: takes out what an org's sources brought, as if they had never been imported.
#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <filesystem>
#include <map>

#include "core/store.h"
#include "core/store_internal.h"
#include "core/text.h"

namespace samdrift::core {
using store_internal::FromSqlite;

namespace {

// Runs `sql` with ?1 = `id`; returns the rows changed.
std::size_t Delete(SQLite::Database& db, const char* sql, std::int64_t id) {
  SQLite::Statement st(db, sql);
  st.bind(1, id);
  return static_cast<std::size_t>(st.exec());
}

}  // namespace

Result<RemoveSummary> Store::Remove(const std::string& org, const std::vector<std::string>& files,
                                    bool dry_run) {
  RemoveSummary summary;
  summary.org = org;
  try {
    SQLite::Database& db = impl_->db;
    SQLite::Transaction transaction(db, SQLite::TransactionBehavior::IMMEDIATE);
    const std::vector<std::string> ids = store_internal::OrgIds(db);
    if (std::find(ids.begin(), ids.end(), org) == ids.end()) {
      return store_internal::UnknownOrg(org, ids);
    }
    std::map<std::string, std::int64_t> sources;  // the org's, by file name
    SQLite::Statement list(db, "SELECT name, id FROM sources WHERE org = ?1");
    list.bind(1, org);
    while (list.executeStep()) {
      sources.emplace(list.getColumn(0).getString(), list.getColumn(1).getInt64());
    }
    std::map<std::string, std::int64_t> chosen;
    if (files.empty()) chosen = sources;
    for (const std::string& file : files) {
      const std::string name = std::filesystem::path(file).filename().string();
      auto it = sources.find(name);
      if (it == sources.end()) {
        std::vector<std::string> names;
        for (const auto& [n, id] : sources) names.push_back(n);
        const std::string closest = ClosestName(name, names);
        return Status::Invalid("org '" + org + "' has no source '" + name + "'" +
                               (closest.empty() ? "" : "; did you mean '" + closest + "'?"));
      }
      chosen.insert(*it);
    }
    for (const auto& [name, id] : chosen) {
      summary.sources.push_back(name);
      summary.warnings += Delete(db, "DELETE FROM source_warnings WHERE source_id = ?1", id);
      summary.assets += Delete(db, "DELETE FROM assets WHERE source_id = ?1", id);
      summary.relations += Delete(db, "DELETE FROM relations WHERE source_id = ?1", id);
      Delete(db, "DELETE FROM sources WHERE id = ?1", id);
    }
    store_internal::ImpliedRewriter implied(db);
    const store_internal::ImpliedChange change = implied.Rewrite(org);
    if (change.dropped > change.written)
      summary.locations_dropped = change.dropped - change.written;
    if (change.written > change.dropped)
      summary.locations_implied = change.written - change.dropped;
    SQLite::Statement left(db,
                           "SELECT 1 FROM sources WHERE org = ?1 UNION ALL "
                           "SELECT 1 FROM assets WHERE org = ?1 LIMIT 1");
    left.bind(1, org);
    summary.org_gone = !left.executeStep();
    left.reset();
    if (summary.org_gone) {
      SQLite::Statement drop(db, "DELETE FROM orgs WHERE id = ?1");
      drop.bind(1, org);
      drop.exec();
    }
    if (!dry_run) transaction.commit();  // else the transaction's end rolls everything back
  } catch (const std::exception& e) {
    return FromSqlite(e, path_, "removing sources");
  }
  return summary;
}

}  // namespace samdrift::core
