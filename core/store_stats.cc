// What `stats` counts: assets per org, category and kind, relations, warnings, and how complete
// the optional fields are (Store::Stats, Store::Orgs).
#include <SQLiteCpp/SQLiteCpp.h>

#include <array>
#include <set>
#include <utility>

#include "core/store.h"
#include "core/store_internal.h"

namespace samdrift::core {
using store_internal::DecodeAttributes;
using store_internal::FromSqlite;
namespace {

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

// Assets per org, category and kind.
void CountAssets(SQLite::Database& db, StoreStats& stats) {
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
}

// Relations (and those that resolve to no asset), device types and sources.
void CountTotals(SQLite::Database& db, StoreStats& stats) {
  stats.relations =
      static_cast<std::size_t>(db.execAndGet("SELECT count(*) FROM relations").getInt64());
  stats.unresolved_relations = static_cast<std::size_t>(db.execAndGet(kCountUnresolved).getInt64());
  stats.device_types =
      static_cast<std::size_t>(db.execAndGet("SELECT count(*) FROM device_types").getInt64());
  stats.sources =
      static_cast<std::size_t>(db.execAndGet("SELECT count(*) FROM sources").getInt64());
}

// Stored import warnings per org.
void CountWarnings(SQLite::Database& db, StoreStats& stats) {
  SQLite::Statement warnings(db,
                             "SELECT s.org, count(*) FROM source_warnings w "
                             "JOIN sources s ON s.id = w.source_id GROUP BY s.org");
  while (warnings.executeStep()) {
    auto n = static_cast<std::size_t>(warnings.getColumn(1).getInt64());
    stats.orgs[warnings.getColumn(0).getString()].warnings += n;
    stats.warnings += n;
  }
}

// How many assets each field applies to, and how many have it.
void CountCompleteness(SQLite::Database& db, StoreStats& stats) {
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
}

// Machines without an `ip` attribute still know their ip when an IPAM address (NetBox
// ip-addresses.csv) names them as the device or VM that holds it.
void CountIpamHolders(SQLite::Database& db, StoreStats& stats) {
  std::set<std::pair<std::string, std::string>> holders;
  SQLite::Statement addresses(db,
                              "SELECT org, attributes FROM assets WHERE kind = 'network' AND "
                              "instr(attributes, 'address' || char(31)) > 0");
  while (addresses.executeStep()) {
    Attributes attributes;
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
}

}  // namespace

Result<StoreStats> Store::Stats() const {
  StoreStats stats;
  try {
    SQLite::Database& db = impl_->db;
    CountAssets(db, stats);
    CountTotals(db, stats);
    CountWarnings(db, stats);
    CountCompleteness(db, stats);
    CountIpamHolders(db, stats);
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

}  // namespace samdrift::core
