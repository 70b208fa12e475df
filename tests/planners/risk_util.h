// Shared by the risk tests: a chain of components, the risk pass on an estate, the names of
// single points.
#ifndef SAMDRIFT_TESTS_PLANNERS_RISK_UTIL_H_
#define SAMDRIFT_TESTS_PLANNERS_RISK_UTIL_H_

#include <string>
#include <vector>

#include "core/graph.h"
#include "planners/risk.h"
#include "tests/planners/estate_util.h"

namespace samdrift::testing {

// A service on `inner` components in a row (a chain: each needs the next).
inline core::Estate Chain() {
  core::Estate e;
  e.assets = {MakeAsset("k", core::AssetKind::kService, "Kedja"),
              MakeAsset("k", core::AssetKind::kVm, "vm"),
              MakeAsset("k", core::AssetKind::kDevice, "host"),
              MakeAsset("k", core::AssetKind::kDevice, "san")};
  e.relations = {MakeRelation("k", "Kedja", core::RelationKind::kDependsOn, "vm"),
                 MakeRelation("k", "vm", core::RelationKind::kRunsOn, "host"),
                 MakeRelation("k", "host", core::RelationKind::kDependsOn, "san")};
  return e;
}

inline planners::RiskReport Risk(const core::Estate& e, const planners::Scenario* scenario,
                                 core::Diagnostics& d) {
  core::GraphView graph(e);
  return planners::ComputeRisk({&e, &graph, scenario, nullptr, {}}, d);
}

inline std::vector<std::string> SpofNames(const std::vector<planners::SinglePoint>& points) {
  std::vector<std::string> names;
  for (const auto& p : points) names.push_back(p.asset);
  return names;
}

}  // namespace samdrift::testing

#endif  // SAMDRIFT_TESTS_PLANNERS_RISK_UTIL_H_
