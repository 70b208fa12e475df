// The target architecture: one standard technology per capability (fixed by the scenario or
// proposed), and each org's gap to it: every asset whose technology differs, with the action it
// needs and an effort estimate in hours. The wave and hall planners consume the gaps.
#ifndef SAMDRIFT_PLANNERS_TARGET_H_
#define SAMDRIFT_PLANNERS_TARGET_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/catalog.h"
#include "core/diagnostics.h"
#include "core/graph.h"
#include "core/model.h"
#include "core/result.h"
#include "planners/effort.h"
#include "planners/lifecycle.h"
#include "planners/scenario.h"
#include "planners/usage.h"

namespace samdrift::planners {

// docs/cli.md: upgrade (same product, newer version), replace (another product in place),
// migrate (move the workload or device elsewhere), retire.
enum class GapAction : std::uint8_t { kUpgrade, kReplace, kMigrate, kRetire };
inline constexpr GapAction kAllGapActions[] = {GapAction::kUpgrade, GapAction::kReplace,
                                               GapAction::kMigrate, GapAction::kRetire};
std::string_view ToString(GapAction action);
std::optional<GapAction> ParseGapAction(std::string_view text);

enum class StandardSource : std::uint8_t { kScenario, kProposed };
std::string_view ToString(StandardSource source);

struct Standard {
  std::string capability;  // "hypervisor"
  std::string technology;  // "vmware-esxi-8"
  std::string name;        // "VMware ESXi 8"
  core::Category category = core::Category::kPlatform;
  StandardSource source = StandardSource::kProposed;
  // In words: "used by 4 of 5 municipalities, 57 of 64 hosts; supported until 2027-10-11".
  std::string reason;
  std::string end_of_support;  // of the standard, or empty when unknown
  int orgs_using = 0;          // orgs with at least one asset of the standard's product
  std::size_t assets = 0;      // assets of this capability (all technologies)
  std::size_t assets_on_standard = 0;
  bool pooled = true;  // false: its area is not pooled (scenario `pooled:`), so it has no gaps
};

// Why a gap exists, as a fact a report renders in its own language (reports/i18n.cc) from the
// gap's from_name, to_name, capability, via, via_cluster and end of support; Gap::reason keeps
// the same fact as an English sentence for JSON and the CLI.
enum class GapWhy : std::uint8_t {
  kNoTarget,             // the target has no technology for the capability: retire
  kVersionUnknown,       // same product, model or version not recognised
  kOtherModel,           // same hardware product, another model: replaced
  kNewerVersion,         // same product, the standard is newer
  kNewerThanStandard,    // same product, newer than the standard
  kPlatformPastSupport,  // another hypervisor on hardware past end of support: retire the host
  kOtherProduct,         // another product in place
  kOtherPlatform,        // another hypervisor in place; its workloads migrate
  kWorkloadMoves,        // a VM whose host or cluster changes platform moves to the standard
};

// One asset that must change to reach a standard. An asset has at most one gap per capability;
// a retired asset has only its retire gap.
struct Gap {
  std::string org;
  std::string asset;  // the asset's name as imported
  std::string key;    // Asset::Key(), with (org, kind) the identity in the store and GraphView
  core::AssetKind kind = core::AssetKind::kDevice;
  core::Category category = core::Category::kPlatform;
  std::string capability;  // the capability whose standard it misses
  std::string from;        // technology id it has now (product level when the version is unknown)
  std::string from_name;   // "VMware ESXi 6.7"
  std::string to;          // the standard's technology id
  GapAction action = GapAction::kUpgrade;
  double effort_hours = 0;
  bool past_end_of_support = false;  // `from` is past end of support at the planned date
  std::string end_of_support;        // of `from`, or empty when unknown
  bool version_unknown = false;      // same product as the standard, version not recognised
  std::string via;          // for migrate: the key of the host or cluster the workload leaves
  std::string via_cluster;  // for migrate from a host: the key of its cluster, or empty
  std::string to_name;      // the standard's name, "VMware ESXi 8.0"
  GapWhy why = GapWhy::kOtherProduct;
  std::string reason;  // in words (English): `why` and its figures
};

struct TargetPlan {
  std::string date;                 // the planned date used (yyyy-mm-dd)
  std::vector<std::string> orgs;    // the orgs considered, sorted
  std::vector<Standard> standards;  // sorted by category, then capability
  std::vector<Gap> gaps;            // sorted by org, capability, asset
  Lifecycle lifecycle;
  EffortTable effort;  // the table used (defaults plus the scenario's overrides)
  double total_effort_hours = 0;
};

// Computes the standards and gaps for the estate's assets of `scenario.orgs` (all when empty)
// at `scenario.date` (today when empty). The scenario may be null (nothing fixed). Problems in
// the scenario that only the catalog can see (an unknown technology id, a standard whose
// capability differs from its key, an unknown effort subject) are reported as located errors
// and the result fails with Invalid; a fixed standard past end of support is a warning.
// `free` (kFreeStandard) leaves a capability to each org: no gaps (a free capability the catalog
// does not know is TGT006); an area the scenario does not pool has no gaps either.
core::Result<TargetPlan> PlanTarget(const core::Estate& estate, const core::Catalog& catalog,
                                    const Scenario* scenario, core::Diagnostics& diagnostics);
// The same with a graph view over `estate` that the caller has already built.
core::Result<TargetPlan> PlanTarget(const core::Estate& estate, const core::GraphView& graph,
                                    const core::Catalog& catalog, const Scenario* scenario,
                                    core::Diagnostics& diagnostics);
// The same with the estate already matched against the catalog: `usage` is CollectUsage(estate,
// graph, catalog, the scenario's orgs), as a PlanningBase's UsageMemo keeps it for every run.
core::Result<TargetPlan> PlanTarget(const core::Estate& estate, const core::GraphView& graph,
                                    const core::Catalog& catalog, const UsageSet& usage,
                                    const Scenario* scenario, core::Diagnostics& diagnostics);

}  // namespace samdrift::planners

#endif  // SAMDRIFT_PLANNERS_TARGET_H_
