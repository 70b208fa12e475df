// The orgs of the store and their display names (Store::OrgList, Names, SetOrgName).
#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <map>

#include "core/store.h"
#include "core/store_internal.h"
#include "core/text.h"

namespace samdrift::core {
using store_internal::FromSqlite;

namespace store_internal {

std::vector<std::string> OrgIds(SQLite::Database& db) {
  std::vector<std::string> ids;
  SQLite::Statement st(db, "SELECT org FROM sources UNION SELECT org FROM assets ORDER BY 1");
  while (st.executeStep()) ids.push_back(st.getColumn(0).getString());
  return ids;
}

Status UnknownOrg(const std::string& org, const std::vector<std::string>& ids) {
  const std::string closest = ClosestName(org, ids);
  return Status::Invalid("the store has no org '" + org + "'" +
                         (closest.empty() ? "" : "; did you mean '" + closest + "'?"));
}

OrgNames ReadOrgNames(SQLite::Database& db) {
  OrgNames names;
  SQLite::Statement st(db, "SELECT id, name FROM orgs WHERE name <> ''");
  while (st.executeStep()) names.emplace(st.getColumn(0).getString(), st.getColumn(1).getString());
  return names;
}

std::vector<OrgInfo> ListOrgs(SQLite::Database& db,
                              const std::map<std::string, std::size_t>* counted) {
  const OrgNames names = ReadOrgNames(db);
  // One pass over the (org, key, kind) index counts every org's assets; the orgs of sources
  // without assets are added (ordered by id, as OrgIds).
  std::map<std::string, std::size_t> counts =
      counted ? *counted : std::map<std::string, std::size_t>();
  SQLite::Statement st(db, counted ? "SELECT DISTINCT org, 0 FROM sources"
                                   : "SELECT org, count(*) FROM assets GROUP BY org "
                                     "UNION ALL SELECT DISTINCT org, 0 FROM sources");
  while (st.executeStep()) {
    counts[st.getColumn(0).getString()] += static_cast<std::size_t>(st.getColumn(1).getInt64());
  }
  std::vector<OrgInfo> orgs;
  for (const auto& [id, assets] : counts) orgs.push_back({id, DisplayName(names, id), assets});
  return orgs;
}

}  // namespace store_internal

Result<OrgNames> Store::Names() const {
  try {
    return store_internal::ReadOrgNames(impl_->db);
  } catch (const std::exception& e) {
    return FromSqlite(e, path_, "reading org names");
  }
}

Result<std::vector<OrgInfo>> Store::OrgList() const {
  try {
    return store_internal::ListOrgs(impl_->db);
  } catch (const std::exception& e) {
    return FromSqlite(e, path_, "listing orgs");
  }
}

Status Store::SetOrgName(const std::string& org, const std::string& name) {
  try {
    SQLite::Transaction t(impl_->db, SQLite::TransactionBehavior::IMMEDIATE);
    const std::vector<std::string> ids = store_internal::OrgIds(impl_->db);
    if (std::find(ids.begin(), ids.end(), org) == ids.end()) {
      return store_internal::UnknownOrg(org, ids);
    }
    SQLite::Statement st(impl_->db,
                         "INSERT INTO orgs(id, name) VALUES(?1, ?2) "
                         "ON CONFLICT(id) DO UPDATE SET name = excluded.name");
    st.bind(1, org);
    st.bind(2, name);
    st.exec();
    t.commit();
    return Status::Ok();
  } catch (const std::exception& e) {
    return FromSqlite(e, path_, "naming an org");
  }
}

}  // namespace samdrift::core
