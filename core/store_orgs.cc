// The orgs of the store and their display names (Store::OrgList, Names, SetOrgName).
#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>

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

}  // namespace store_internal

Result<OrgNames> Store::Names() const {
  OrgNames names;
  try {
    SQLite::Statement st(impl_->db, "SELECT id, name FROM orgs WHERE name <> ''");
    while (st.executeStep()) {
      names.emplace(st.getColumn(0).getString(), st.getColumn(1).getString());
    }
  } catch (const std::exception& e) {
    return FromSqlite(e, path_, "reading org names");
  }
  return names;
}

Result<std::vector<OrgInfo>> Store::OrgList() const {
  auto names = Names();
  if (!names.ok()) return names.status();
  std::vector<OrgInfo> orgs;
  try {
    for (std::string& id : store_internal::OrgIds(impl_->db)) {
      orgs.push_back({id, DisplayName(*names, id), 0});
    }
    SQLite::Statement counts(impl_->db, "SELECT org, count(*) FROM assets GROUP BY org");
    while (counts.executeStep()) {
      const std::string org = counts.getColumn(0).getString();
      for (OrgInfo& o : orgs) {
        if (o.id == org) o.assets = static_cast<std::size_t>(counts.getColumn(1).getInt64());
      }
    }
  } catch (const std::exception& e) {
    return FromSqlite(e, path_, "listing orgs");
  }
  return orgs;
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
