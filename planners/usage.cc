#include "planners/usage.h"

#include <algorithm>
#include <cstdint>
#include <numeric>
#include <set>
#include <unordered_map>
#include <utility>

namespace samdrift::planners {

namespace {

// By carrier, then capability (one usage each), as std::stable_sort did: on numbers (the
// carrier, the capability's rank among the catalog's few, the position) instead of comparing
// strings and moving the usages n log n times (a sixth of the match at 29 orgs).
// `capability_ids` numbers every capability of `usages`.
void SortByCarrier(std::vector<Usage>& usages,
                   const std::unordered_map<std::string, std::uint64_t>& capability_ids) {
  std::vector<const std::string*> names(capability_ids.size());
  for (const auto& [name, id] : capability_ids) names[id] = &name;
  std::vector<std::uint32_t> by_name(names.size());
  std::iota(by_name.begin(), by_name.end(), 0);
  std::sort(by_name.begin(), by_name.end(),
            [&](std::uint32_t a, std::uint32_t b) { return *names[a] < *names[b]; });
  std::vector<std::uint64_t> rank(names.size());
  for (std::uint32_t r = 0; r < by_name.size(); ++r) rank[by_name[r]] = r;

  std::vector<std::pair<std::uint64_t, std::uint32_t>> order(usages.size());
  for (std::uint32_t i = 0; i < usages.size(); ++i) {
    const Usage& u = usages[i];
    order[i] = {std::uint64_t{u.carrier.value} << 32 | rank[capability_ids.at(u.capability)], i};
  }
  std::sort(order.begin(), order.end());
  std::vector<Usage> sorted;
  sorted.reserve(usages.size());
  for (const auto& [key, i] : order) sorted.push_back(std::move(usages[i]));
  usages = std::move(sorted);
}

}  // namespace

UsageSet CollectUsage(const core::Estate& estate, const core::GraphView& graph,
                      const core::Catalog& catalog, const std::vector<std::string>& orgs) {
  UsageSet out;
  std::set<std::string> wanted(orgs.begin(), orgs.end());
  std::set<std::string> seen;
  for (const core::Asset& a : estate.assets) {
    if (wanted.empty() || wanted.count(a.org)) seen.insert(a.org);
  }
  out.orgs.assign(seen.begin(), seen.end());
  if (!wanted.empty()) {  // named orgs without assets still appear
    for (const std::string& o : orgs) {
      if (!seen.count(o)) out.orgs.push_back(o);
    }
    std::sort(out.orgs.begin(), out.orgs.end());
  }

  // (carrier, capability) -> index into out.usages. The key is numeric: a string key made and
  // hashed per facet was half of the time here at national scale (perf, session 10).
  std::unordered_map<std::string, std::uint64_t> capability_ids;  // the catalog's few
  std::unordered_map<std::uint64_t, std::size_t> slot;
  auto key_of = [&](core::AssetId carrier, const std::string& capability) {
    const std::uint64_t id =
        capability_ids.try_emplace(capability, capability_ids.size()).first->second;
    return id << 32 | carrier.value;
  };
  const auto n = static_cast<std::uint32_t>(estate.assets.size());
  for (std::uint32_t i = 0; i < n; ++i) {
    const core::Asset& a = estate.assets[i];
    if (!wanted.empty() && !wanted.count(a.org)) continue;
    std::vector<core::AssetFacet> facets = catalog.Facets(a);
    if (facets.empty()) continue;
    core::AssetId self{i};
    core::AssetId carrier = self;
    if (a.kind == core::AssetKind::kSoftware) {
      // A host first; a cluster only when the software is on no host (an ArchiMate
      // SystemSoftware assigned to the cluster Node).
      for (bool clusters : {false, true}) {
        for (core::RelationKind kind :
             {core::RelationKind::kInstalledOn, core::RelationKind::kRunsOn}) {
          for (core::AssetId host : graph.Neighbours(self, kind, core::Direction::kOut)) {
            core::AssetKind k = graph.asset(host).kind;
            if (clusters ? k == core::AssetKind::kCluster
                         : (k == core::AssetKind::kDevice || k == core::AssetKind::kVm ||
                            k == core::AssetKind::kClient)) {
              carrier = host;
              break;
            }
          }
          if (carrier != self) break;
        }
        if (carrier != self) break;
      }
    }
    const bool cluster = a.kind == core::AssetKind::kCluster;
    const bool on_cluster = graph.asset(carrier).kind == core::AssetKind::kCluster;
    for (core::AssetFacet& f : facets) {
      if (f.match.level < core::MatchLevel::kProduct || f.capability.empty()) {
        // A cluster type that names nothing the catalog knows ("Lagringsreplikering") is a
        // grouping word, not a technology.
        if (!cluster || f.match.level == core::MatchLevel::kVendor) {
          out.unmatched.push_back({self, std::move(f)});
        }
        continue;
      }
      // An OS on a cluster ("Windows Server Failover Cluster 2019", or such a software row
      // installed_on it) is the feature its hosts cluster with; their OS counts on them.
      if (on_cluster && (f.capability == "server-os" || f.capability == "client-os")) continue;
      Usage u{carrier, self, f.capability, f.match.technology, f.match.level, f.match.vendor};
      auto [it, inserted] = slot.emplace(key_of(carrier, f.capability), out.usages.size());
      if (inserted) {
        out.usages.push_back(std::move(u));
      } else if (u.level > out.usages[it->second].level) {
        out.usages[it->second] = std::move(u);
      }
    }
  }
  // A cluster stands for its hosts where they say nothing: its technology for a capability
  // (its hypervisor) counts once, for the cluster, unless a member host has its own for that
  // capability (GLPI, lshw, NetBox platform); then the hosts count and the cluster not again.
  std::erase_if(out.usages, [&](const Usage& u) {
    if (graph.asset(u.carrier).kind != core::AssetKind::kCluster) return false;
    for (core::AssetId m :
         graph.Neighbours(u.carrier, core::RelationKind::kMemberOf, core::Direction::kIn)) {
      if (graph.asset(m).kind == core::AssetKind::kDevice && slot.count(key_of(m, u.capability))) {
        return true;
      }
    }
    return false;
  });
  SortByCarrier(out.usages, capability_ids);
  return out;
}

std::vector<std::string> UsageMemo::Key(const core::Estate& estate,
                                        const std::vector<std::string>& orgs) {
  if (orgs.empty()) return orgs;
  if (!estate_orgs_) {
    estate_orgs_.emplace();
    for (const core::Asset& a : estate.assets) estate_orgs_->insert(a.org);
  }
  const std::set<std::string> named(orgs.begin(), orgs.end());
  if (named.size() != orgs.size()) return orgs;  // a repeat: CollectUsage may list it twice
  if (named == *estate_orgs_) return {};
  return {named.begin(), named.end()};  // the order named does not change the result
}

const UsageSet& UsageMemo::Get(const core::Estate& estate, const core::GraphView& graph,
                               const core::Catalog& catalog, const std::vector<std::string>& orgs,
                               bool* computed) {
  std::lock_guard lock(mutex_);
  auto [it, added] = sets_.try_emplace(Key(estate, orgs));
  if (added) {
    it->second = std::make_unique<const UsageSet>(CollectUsage(estate, graph, catalog, it->first));
    ++computations_;
  }
  if (computed) *computed = added;
  return *it->second;
}

std::size_t UsageMemo::computations() const {
  std::lock_guard lock(mutex_);
  return computations_;
}

core::Category CategoryFor(const core::Technology& t, const std::string& capability) {
  if (capability == t.capability) return t.category;
  for (const char* c : {"client-os", "client-hw", "phone", "phone-os", "tablet", "printer"}) {
    if (capability == c) return core::Category::kClient;
  }
  if (capability == "server-os") return core::Category::kPlatform;
  return t.category;
}

std::string UnitOf(const std::string& capability) {
  static const std::pair<const char*, const char*> kUnits[] = {
      {"hypervisor", "hosts"},
      {"server", "servers"},
      {"server-os", "servers and VMs"},
      {"client-os", "clients"},
      {"client-hw", "clients"},
      {"printer", "printers"},
      {"wireless", "access points"},
      {"firewall", "firewalls"},
      {"core-switch", "switches"},
      {"access-switch", "switches"},
      {"dc-switch", "switches"},
      {"storage", "systems"},
      {"router", "routers"},
      {"phone", "phones"},
      {"ups", "UPSs"},
      {"pdu", "PDUs"},
  };
  for (const auto& [cap, unit] : kUnits) {
    if (capability == cap) return unit;
  }
  return "assets";
}

}  // namespace samdrift::planners
