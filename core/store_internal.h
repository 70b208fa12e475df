// What the store's sources (store.cc, store_orgs.cc, store_remove.cc) share behind store.h.
// Only core/store*.cc include it.
#ifndef SAMDRIFT_CORE_STORE_INTERNAL_H_
#define SAMDRIFT_CORE_STORE_INTERNAL_H_

#include <SQLiteCpp/SQLiteCpp.h>

#include <cstddef>
#include <exception>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "core/store.h"

namespace samdrift::core {

struct Store::Impl {
  explicit Impl(SQLite::Database database) : db(std::move(database)) {}
  SQLite::Database db;
};

namespace store_internal {

// A failed SQLite call as a store error naming the store and what it was `doing` (busy,
// read-only, full, corrupt ... each in words).
Status FromSqlite(const std::exception& e, const std::string& path, std::string_view doing);

// The orgs with sources or assets, sorted.
std::vector<std::string> OrgIds(SQLite::Database& db);
// "the store has no org 'X'; did you mean 'Y'?" (invalid input).
Status UnknownOrg(const std::string& org, const std::vector<std::string>& ids);

struct ImpliedChange {
  std::size_t dropped = 0;  // implied rows removed
  std::size_t written = 0;  // implied rows written again
};

// Replaces an org's implied sites, halls and racks by those its stored rows name now.
class ImpliedRewriter {
 public:
  explicit ImpliedRewriter(SQLite::Database& db);
  ImpliedChange Rewrite(const std::string& org);
  // The insert of one implied row (org, kind, key, name, site, hall).
  SQLite::Statement& insert_implied() { return insert_implied_; }

 private:
  SQLite::Statement drop_implied_;
  SQLite::Statement named_;
  SQLite::Statement insert_implied_;
};

}  // namespace store_internal
}  // namespace samdrift::core

#endif  // SAMDRIFT_CORE_STORE_INTERNAL_H_
