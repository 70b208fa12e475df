// The target planner's class, shared by its two files: target_standards.cc (the use counted, the
// standards fixed and proposed) and target.cc (the gaps). Internal to planners/.
#ifndef SAMDRIFT_PLANNERS_TARGET_PLANNER_H_
#define SAMDRIFT_PLANNERS_TARGET_PLANNER_H_

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "planners/target.h"
#include "planners/usage.h"

namespace samdrift::planners::target_internal {

using core::AssetId;
using core::Technology;

struct LineStats {
  std::set<std::string> orgs;
  std::size_t assets = 0;
};

struct ProductStats {
  std::set<std::string> orgs;
  std::size_t assets = 0;
  std::map<int, LineStats> lines;  // technology index (version level) -> use
};

struct CapabilityStats {
  std::set<std::string> orgs;
  std::size_t assets = 0;
  std::map<std::string, ProductStats> products;          // product id -> use
  std::map<std::string, std::set<std::string>> vendors;  // vendor id -> orgs
};

class Planner {
 public:
  // `graph`: a view over `estate` the caller already has, else null (the planner builds one).
  // `usage`: CollectUsage of the scenario's orgs the caller already has, else null.
  Planner(const core::Estate& estate, const core::GraphView* graph, const core::Catalog& catalog,
          const UsageSet* usage, const Scenario* scenario, core::Diagnostics& diagnostics)
      : estate_(estate),
        catalog_(catalog),
        scenario_(scenario),
        diagnostics_(diagnostics),
        graph_(graph ? *graph : own_graph_.emplace(estate)),
        usage_(usage) {}

  core::Result<TargetPlan> Run();

 private:
  const std::string& OrgOf(const planners::Usage& u) const { return graph_.asset(u.carrier).org; }

  void Count();

  std::string UsageText(const std::string& capability, const std::string& product_id) const;

  core::SourceLocation Where(const std::string& capability) const;

  // The capabilities the catalog knows and the estate uses, sorted.
  std::vector<std::string> Capabilities() const;

  // `standards: {CAPABILITY: free}`: each org keeps choosing; the capability must be known.
  bool FreeStandard(const std::string& capability, const std::vector<std::string>& capabilities);

  // A standard of an area the scenario does not pool says so: each org keeps its own.
  void MarkAreasNotPooled();

  bool FixedStandards(const std::vector<std::string>& capabilities);

  // True when some asset uses a technology of t's product as `capability`.
  bool UsedAs(const Technology& t, const std::string& capability) const;

  void Fill(Standard& s, const Technology* t) const;

  // The version of `product` to propose, or nullptr when none is supported.
  const Technology* ChooseVersion(const std::string& product, const ProductStats& stats,
                                  std::string& why) const;

  void ProposeStandards();

  const Standard* StandardFor(const std::string& capability) const;

  Gap NewGap(AssetId carrier, const std::string& capability) const;

  void Finish(Gap& g, const Technology* from);

  // Whether the carrier's server hardware is past end of support. The first call indexes the
  // server usages once (a scan per host made this quadratic: minutes at national scale).
  bool HardwarePast(AssetId carrier);

  void Gaps();

  // VMs on a host, a cluster or a host of a cluster whose hypervisor changes product move to the
  // standard platform. A VM is on what it runs_on and on a cluster it is a member_of; what it
  // is on changes when its own hypervisor does, or (a cluster) a member host's, or (a host) its
  // cluster's.
  void MigrateWorkloads(const std::unordered_map<std::uint32_t, std::size_t>& changes);

  const core::Estate& estate_;
  const core::Catalog& catalog_;
  const Scenario* scenario_;
  core::Diagnostics& diagnostics_;
  std::optional<core::GraphView> own_graph_;  // declared before graph_, which may refer to it
  const core::GraphView& graph_;
  const UsageSet* usage_;  // the caller's, else own_usage_
  UsageSet own_usage_;
  std::map<std::string, CapabilityStats> caps_;
  TargetPlan plan_;
  bool hardware_indexed_ = false;
  std::unordered_map<std::uint32_t, bool> hardware_past_;  // carrier -> first server usage's flag
};

}  // namespace samdrift::planners::target_internal

#endif  // SAMDRIFT_PLANNERS_TARGET_PLANNER_H_
