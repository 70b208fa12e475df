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
// gap's from_name, to_name, capability, via, via_cluster and end of support; Gap::reason() makes
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
//
// A gap holds facts, not texts (a national estate has millions of gaps): the asset, the
// technologies and the host it leaves refer to the estate's assets and the catalog's
// technologies, which outlive the plan (the catalog's references stay valid for its lifetime;
// the estate is not changed while plans made from it are in use). The texts are made when read.
struct Gap {
  const core::Asset* subject = nullptr;  // the asset that must change
  // The capability whose standard it misses: an interned text (InternCapability), never null
  // in a planned gap.
  const std::string* capability_id = nullptr;
  // What it has now (product level when the version is unknown); for a migrate, its platform's.
  const core::Technology* from_technology = nullptr;
  // The standard's technology; null when the target has none for the capability (kNoTarget).
  const core::Technology* to_technology = nullptr;
  const core::Asset* via_asset = nullptr;          // for migrate: the host or cluster it leaves
  const core::Asset* via_cluster_asset = nullptr;  // for migrate from a host: its cluster
  double effort_hours = 0;
  core::AssetKind kind = core::AssetKind::kDevice;
  core::Category category = core::Category::kPlatform;
  GapAction action = GapAction::kUpgrade;
  GapWhy why = GapWhy::kOtherProduct;
  bool past_end_of_support = false;  // `from` is past end of support at the planned date
  bool version_unknown = false;      // same product as the standard, version not recognised

  const std::string& org() const;
  const std::string& asset() const;  // the asset's name as imported
  // Asset::Key(), with (org, kind) the identity in the store and GraphView.
  std::string key() const;
  const std::string& capability() const;
  const std::string& from() const;            // technology id it has now, or empty
  const std::string& from_name() const;       // "VMware ESXi 6.7"
  const std::string& to() const;              // the standard's technology id, or empty
  const std::string& to_name() const;         // the standard's name, "VMware ESXi 8.0", or empty
  const std::string& end_of_support() const;  // of `from`, or empty when unknown
  std::string via() const;          // for migrate: the key of the host or cluster it leaves
  std::string via_cluster() const;  // for migrate from a host: the key of its cluster, or empty
  std::string reason() const;       // in words (English): `why` and its figures
};

// The one copy of a capability's id that gaps refer to (thread-safe; the catalog has a few).
const std::string* InternCapability(std::string_view capability);

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
