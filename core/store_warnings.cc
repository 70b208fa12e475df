// The import warnings a writer keeps with the sources of their files (WarningWriter).
#include <SQLiteCpp/SQLiteCpp.h>

#include <utility>

#include "core/store_internal.h"

namespace samdrift::core::store_internal {

WarningWriter::WarningWriter(SQLite::Database& db)
    : db_(db), drop_(db, "DELETE FROM source_warnings WHERE source_id = ?1") {}

void WarningWriter::Drop(std::int64_t source_id) {
  drop_.bind(1, source_id);
  drop_.exec();
  drop_.reset();
}

std::optional<std::int64_t> WarningWriter::Source(const SourceIdMap& batch_sources,
                                                  const std::string& org, const std::string& name,
                                                  Missing missing, SQLite::Statement& find,
                                                  SQLite::Statement& create) {
  auto key = std::make_pair(org, name);
  if (auto it = batch_sources.find(key); it != batch_sources.end()) return it->second;
  if (auto it = sources_.find(key); it != sources_.end()) return it->second;
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
  if (id) sources_.emplace(key, *id);
  return id;
}

std::size_t WarningWriter::Put(const SourceIdMap& batch_sources, const std::string& org,
                               const std::vector<std::string>& files,
                               const std::vector<Diagnostic>& diagnostics) {
  SQLite::Statement find(db_, "SELECT id FROM sources WHERE org = ?1 AND name = ?2");
  SQLite::Statement create(db_, "INSERT INTO sources(org, name) VALUES(?1, ?2) RETURNING id");
  for (const std::string& file : files) {
    if (batch_sources.count({org, FileName(file)})) continue;  // the writer has cleared it
    if (auto id = Source(batch_sources, org, FileName(file), Missing::kSkip, find, create)) {
      Drop(*id);
    }
  }
  SQLite::Statement insert(db_,
                           "INSERT INTO source_warnings(source_id, file, line, col, code, "
                           "message) VALUES(?1, ?2, ?3, ?4, ?5, ?6)");
  std::size_t written = 0;
  for (const Diagnostic& d : diagnostics) {
    if (d.severity != Severity::kWarning || d.where.source.empty()) continue;
    auto id = Source(batch_sources, org, FileName(d.where.source), Missing::kCreate, find, create);
    insert.bind(1, *id);
    BindText(insert, 2, d.where.source);
    insert.bind(3, d.where.line);
    insert.bind(4, d.where.column);
    BindText(insert, 5, d.code);
    BindText(insert, 6, d.message);
    insert.exec();
    insert.reset();
    ++written;
  }
  return written;
}

}  // namespace samdrift::core::store_internal
