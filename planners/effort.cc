#include "planners/effort.h"

#include <algorithm>

#include "core/text.h"
#include "planners/scenario.h"

namespace samdrift::planners {
namespace {

constexpr std::string_view kActionNames[] = {"upgrade", "replace", "migrate", "retire"};

int ActionIndex(std::string_view action) {
  for (int i = 0; i < 4; ++i) {
    if (kActionNames[i] == action) return i;
  }
  return -1;
}

}  // namespace

EffortTable EffortTable::Defaults() {
  EffortTable t;
  using K = core::AssetKind;
  //                     upgrade replace migrate retire   (hours per asset)
  t.by_kind_[K::kDevice] = {4, 16, 8, 4};
  t.by_kind_[K::kVm] = {3, 8, 2, 1};
  t.by_kind_[K::kClient] = {1, 2, 1, 0.5};
  t.by_kind_[K::kSoftware] = {1, 4, 2, 0.5};
  t.by_kind_[K::kCluster] = {16, 40, 24, 8};
  t.by_kind_[K::kService] = {8, 40, 16, 8};
  t.by_kind_[K::kSite] = {0, 0, 0, 0};
  t.by_kind_[K::kHall] = {0, 0, 0, 0};
  t.by_kind_[K::kRack] = {2, 8, 8, 2};
  t.by_kind_[K::kNetwork] = {1, 4, 4, 1};
  // Capabilities whose work differs from their kind's default.
  t.by_capability_["hypervisor"] = {6, 16, 8, 4};
  t.by_capability_["server"] = {4, 8, 8, 4};
  t.by_capability_["storage"] = {8, 80, 40, 8};
  t.by_capability_["backup"] = {4, 40, 16, 4};
  t.by_capability_["backup-appliance"] = {4, 24, 16, 4};
  t.by_capability_["core-switch"] = {8, 40, 16, 4};
  t.by_capability_["dc-switch"] = {8, 32, 16, 4};
  t.by_capability_["firewall"] = {8, 40, 16, 4};
  t.by_capability_["router"] = {4, 16, 8, 2};
  t.by_capability_["access-switch"] = {2, 4, 4, 1};
  t.by_capability_["wireless"] = {0.5, 1, 1, 0.5};
  t.by_capability_["printer"] = {0.5, 2, 1, 0.5};
  t.by_capability_["server-os"] = {6, 16, 4, 2};
  t.by_capability_["client-os"] = {1.5, 3, 1, 0.5};
  t.by_capability_["client-hw"] = {0.5, 2, 1, 0.5};
  return t;
}

double EffortTable::Hours(core::AssetKind kind, std::string_view capability, int action) const {
  if (action < 0 || action > 3) return 0;
  auto cap = by_capability_.find(capability);
  if (cap != by_capability_.end() && cap->second[static_cast<std::size_t>(action)] >= 0) {
    return cap->second[static_cast<std::size_t>(action)];
  }
  auto k = by_kind_.find(kind);
  if (k != by_kind_.end()) return k->second[static_cast<std::size_t>(action)];
  return 0;
}

core::Status EffortTable::Apply(const Scenario& scenario,
                                const std::vector<std::string>& capabilities,
                                core::Diagnostics& diagnostics) {
  const std::size_t errors = diagnostics.error_count();
  std::vector<std::string> subjects;
  for (core::AssetKind k : core::kAllAssetKinds) subjects.emplace_back(core::ToString(k));
  for (const std::string& c : capabilities) subjects.push_back(c);
  for (const auto& [c, row] : by_capability_) subjects.push_back(c);
  const std::vector<std::string> actions(std::begin(kActionNames), std::end(kActionNames));
  for (const auto& [key, hours] : scenario.effort_hours) {
    core::SourceLocation where{scenario.source, 0, 0};
    if (auto it = scenario.locations.find("effort." + key); it != scenario.locations.end()) {
      where = it->second;
    }
    std::string subject, action = key;
    if (std::size_t slash = key.find('/'); slash != std::string::npos) {
      subject = key.substr(0, slash);
      action = key.substr(slash + 1);
    }
    const int index = ActionIndex(action);
    if (index < 0) {
      std::string closest = core::ClosestName(action, actions);
      diagnostics.Error(where, "TGT003",
                        "effort: unknown action '" + action + "' in '" + key + "'" +
                            (closest.empty() ? "; expected upgrade, replace, migrate or retire"
                                             : "; did you mean '" + closest + "'?"));
      continue;
    }
    if (subject.empty()) {  // "migrate: 2": every row
      for (auto& [k, row] : by_kind_) row[static_cast<std::size_t>(index)] = hours;
      for (auto& [c, row] : by_capability_) row[static_cast<std::size_t>(index)] = hours;
      continue;
    }
    if (auto kind = core::ParseAssetKind(subject)) {
      by_kind_[*kind][static_cast<std::size_t>(index)] = hours;
      continue;
    }
    if (std::find(subjects.begin(), subjects.end(), subject) == subjects.end()) {
      std::string closest = core::ClosestName(subject, subjects);
      diagnostics.Error(where, "TGT002",
                        "effort: '" + subject + "' is neither an asset kind nor a capability" +
                            (closest.empty() ? "" : "; did you mean '" + closest + "'?"));
      continue;
    }
    auto [it, inserted] = by_capability_.try_emplace(subject);
    if (inserted) it->second = EffortRow{-1, -1, -1, -1};  // filled from the kind per gap
    it->second[static_cast<std::size_t>(index)] = hours;
  }
  if (diagnostics.error_count() > errors) {
    return core::Status::Invalid("the scenario's effort table has errors");
  }
  return core::Status::Ok();
}

}  // namespace samdrift::planners
