// The lifecycle view: per org, which assets run technologies past end of support, or reaching
// it within a horizon (12 months by default), at a planned date.
#ifndef SAMDRIFT_PLANNERS_LIFECYCLE_H_
#define SAMDRIFT_PLANNERS_LIFECYCLE_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/catalog.h"
#include "core/graph.h"
#include "core/model.h"
#include "planners/usage.h"

namespace samdrift::planners {

enum class LifecycleStatus : std::uint8_t { kPast, kSoon };  // "past" | "soon"
std::string_view ToString(LifecycleStatus status);

// One asset facet whose technology is past or near end of support.
struct LifecycleItem {
  std::string org;
  std::string asset;  // name as imported
  std::string key;    // Asset::Key()
  core::AssetKind kind = core::AssetKind::kDevice;
  std::string technology;  // id
  std::string name;        // "Microsoft Windows Server 2012 R2"
  std::string capability;
  std::string end_of_support;           // yyyy-mm-dd
  std::string end_of_extended_support;  // may be empty
  LifecycleStatus status = LifecycleStatus::kPast;
};

// Counts per (org, technology), for the summary table.
struct LifecycleSummary {
  std::string org;
  std::string technology;
  std::string name;
  std::string capability;
  std::string end_of_support;
  LifecycleStatus status = LifecycleStatus::kPast;
  std::size_t assets = 0;
};

struct Lifecycle {
  std::string date;     // the planned date
  std::string horizon;  // date + months: "soon" means end of support in [date, horizon)
  std::vector<LifecycleItem> items;       // sorted by org, status, end of support, asset
  std::vector<LifecycleSummary> summary;  // sorted by org, status, end of support, technology
};

// Assets of `orgs` (all when empty) whose technology's end of support is before `date` (past)
// or before date + `months` (soon). Technologies without a known end of support are left out.
// Software installed on a host is reported as the host.
Lifecycle ComputeLifecycle(const core::Estate& estate, const core::Catalog& catalog,
                           const std::vector<std::string>& orgs, const std::string& date,
                           int months = 12);

// The same from usage already collected (target uses it).
Lifecycle LifecycleFromUsage(const UsageSet& usage, const core::GraphView& graph,
                             const core::Catalog& catalog, const std::string& date,
                             int months = 12);

}  // namespace samdrift::planners

#endif  // SAMDRIFT_PLANNERS_LIFECYCLE_H_
