// The sites, halls and racks the rows name but no file declares (ImpliedLocations), and their
// rewrite when rows go (ImpliedRewriter).
#include <SQLiteCpp/SQLiteCpp.h>

#include "core/store_internal.h"

namespace samdrift::core::store_internal {
namespace {

// The locations an org's rows name: one row per distinct (class, site, hall, rack), where class
// is the kind for sites, halls and racks (a rack does not imply itself) and '' for the rest.
// ImplyLocations() turns them into the site, hall and rack assets nobody declared.
constexpr const char* kNamedLocations = R"sql(
SELECT DISTINCT CASE WHEN kind IN ('site', 'hall', 'rack') THEN kind ELSE '' END, site, hall, rack
FROM assets WHERE org = ?1 AND (site <> '' OR hall <> '' OR rack <> ''))sql";
constexpr const char* kInsertImplied = R"sql(
INSERT OR IGNORE INTO assets(org, kind, key, category, name, site, hall, implied)
VALUES(?1, ?2, ?3, 'datacenter', ?4, ?5, ?6, 1))sql";

}  // namespace

void ImpliedLocations::Add(AssetKind kind, const std::string& site, const std::string& hall,
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

void ImpliedLocations::AddStored(const std::string& org, SQLite::Statement& named) {
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

std::size_t ImpliedLocations::Write(const std::string& org, SQLite::Statement& insert) {
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

ImpliedRewriter::ImpliedRewriter(SQLite::Database& db)
    : drop_implied_(db, "DELETE FROM assets WHERE org = ?1 AND implied = 1"),
      named_(db, kNamedLocations),
      insert_implied_(db, kInsertImplied) {}

ImpliedChange ImpliedRewriter::Rewrite(const std::string& org) {
  ImpliedChange change;
  drop_implied_.bind(1, org);
  change.dropped = static_cast<std::size_t>(drop_implied_.exec());
  drop_implied_.reset();
  ImpliedLocations implied;
  implied.AddStored(org, named_);
  change.written = implied.Write(org, insert_implied_);
  return change;
}

}  // namespace samdrift::core::store_internal
