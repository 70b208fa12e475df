// Which technology each asset runs, per capability: the catalog's facets of every asset, with
// software attributed to what it is installed on (a hypervisor written as a software row
// "installed_on" a host counts for the host, once; a cluster's platform counts for the cluster
// unless its member hosts name their own). Shared by overlap, target and lifecycle.
#ifndef SAMDRIFT_PLANNERS_USAGE_H_
#define SAMDRIFT_PLANNERS_USAGE_H_

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/catalog.h"
#include "core/graph.h"
#include "core/model.h"

namespace samdrift::planners {

// One (asset, capability) and the technology found for it.
struct Usage {
  core::AssetId carrier;  // the asset that runs it (a software row's host, else the asset)
  core::AssetId source;   // the asset whose fields named it
  std::string capability;
  int technology = -1;  // Catalog::technology() index (product level when the version is unknown)
  core::MatchLevel level = core::MatchLevel::kVersion;
  int vendor = -1;
};

// A facet the catalog did not recognise as a product (vendor only, or nothing).
struct UnmatchedFacet {
  core::AssetId asset;
  core::AssetFacet facet;
};

struct UsageSet {
  std::vector<Usage> usages;  // by carrier, then capability; one per (carrier, capability)
  std::vector<UnmatchedFacet> unmatched;
  std::vector<std::string> orgs;  // the orgs considered, sorted
};

// `orgs` empty: every org of the estate. The view must be built from `estate`.
UsageSet CollectUsage(const core::Estate& estate, const core::GraphView& graph,
                      const core::Catalog& catalog, const std::vector<std::string>& orgs);

// CollectUsage made once per org list and kept: the scenarios of a comparison, and the target
// and pricing of each, match the same estate against the same catalog. Safe to call from several
// threads (one computes, the others wait); the catalog's matching is not, so every call for one
// catalog goes through one memo. Lists of the same orgs in another order share an entry, and a
// list naming exactly the estate's orgs shares the empty list's (every org): CollectUsage gives
// the same for them.
class UsageMemo {
 public:
  // `computed` (optional) is set to whether this call matched the estate.
  const UsageSet& Get(const core::Estate& estate, const core::GraphView& graph,
                      const core::Catalog& catalog, const std::vector<std::string>& orgs,
                      bool* computed = nullptr);
  std::size_t computations() const;  // how often Get matched the estate

 private:
  std::vector<std::string> Key(const core::Estate& estate, const std::vector<std::string>& orgs);

  mutable std::mutex mutex_;
  std::optional<std::set<std::string>> estate_orgs_;
  std::map<std::vector<std::string>, std::unique_ptr<const UsageSet>> sets_;
  std::size_t computations_ = 0;
};

// The category a technology counts in for `capability` (a server OS used as a client OS is a
// client technology).
core::Category CategoryFor(const core::Technology& technology, const std::string& capability);

// Words for counting assets of a capability: "hosts", "switches", "clients", ...
std::string UnitOf(const std::string& capability);

}  // namespace samdrift::planners

#endif  // SAMDRIFT_PLANNERS_USAGE_H_
