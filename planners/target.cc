#include "planners/target.h"

#include <algorithm>
#include <set>
#include <tuple>

#include "core/date.h"
#include "core/graph.h"
#include "planners/target_planner.h"

namespace samdrift::planners {
namespace target_internal {

core::Result<TargetPlan> Planner::Run() {
  plan_.date = scenario_ && !scenario_->date.empty() ? scenario_->date : core::TodayIso();
  if (!usage_) {
    own_usage_ = CollectUsage(estate_, graph_, catalog_,
                              scenario_ ? scenario_->orgs : std::vector<std::string>{});
    usage_ = &own_usage_;
  }
  plan_.orgs = usage_->orgs;
  Count();
  bool failed = false;
  plan_.effort = EffortTable::Defaults();
  if (scenario_) {
    std::vector<std::string> capabilities = Capabilities();
    failed = !plan_.effort.Apply(*scenario_, capabilities, diagnostics_).ok();
    failed = !FixedStandards(capabilities) || failed;
  }
  if (failed) return core::Status::Invalid("the scenario does not fit the catalog");
  ProposeStandards();
  MarkAreasNotPooled();
  std::sort(plan_.standards.begin(), plan_.standards.end(),
            [](const Standard& a, const Standard& b) {
              return std::tie(a.category, a.capability) < std::tie(b.category, b.capability);
            });
  Gaps();
  plan_.lifecycle = LifecycleFromUsage(*usage_, graph_, catalog_, plan_.date);
  for (const Gap& g : plan_.gaps) plan_.total_effort_hours += g.effort_hours;
  return std::move(plan_);
}

const Standard* Planner::StandardFor(const std::string& capability) const {
  for (const Standard& s : plan_.standards) {
    if (s.capability == capability) return &s;
  }
  return nullptr;
}

Gap Planner::NewGap(AssetId carrier, const std::string& capability) const {
  const core::Asset& a = graph_.asset(carrier);
  Gap g;
  g.subject = &a;
  g.kind = a.kind;
  g.category = a.category;
  g.capability_id = InternCapability(capability);
  return g;
}

void Planner::Finish(Gap& g, const Technology* from) {
  if (from) {
    g.from_technology = from;
    g.past_end_of_support = !from->end_of_support.empty() && from->end_of_support < plan_.date;
  }
  g.effort_hours =
      plan_.effort.Hours(g.kind,
                         g.kind == core::AssetKind::kVm && g.action == GapAction::kMigrate
                             ? std::string_view()
                             : std::string_view(g.capability()),
                         static_cast<int>(g.action));
}

bool Planner::HardwarePast(AssetId carrier) {
  if (!hardware_indexed_) {
    hardware_indexed_ = true;
    for (const planners::Usage& u : usage_->usages) {
      if (u.capability != "server") continue;
      const Technology& t = catalog_.technology(u.technology);
      hardware_past_.emplace(u.carrier.value,
                             !t.end_of_support.empty() && t.end_of_support < plan_.date);
    }
  }
  auto it = hardware_past_.find(carrier.value);
  return it != hardware_past_.end() && it->second;
}

void Planner::Gaps() {
  std::unordered_map<std::uint32_t, std::size_t> platform_changes;  // host -> gap index
  for (const planners::Usage& u : usage_->usages) {
    const Standard* s = StandardFor(u.capability);
    if (!s || s->technology.empty() || s->technology == kFreeStandard) continue;
    const Technology& t = catalog_.technology(u.technology);
    if (scenario_ && !scenario_->Pooled(CategoryFor(t, u.capability))) continue;
    Gap g = NewGap(u.carrier, u.capability);
    if (s->technology == "none") {
      g.action = GapAction::kRetire;
      g.why = GapWhy::kNoTarget;
      Finish(g, &t);
      plan_.gaps.push_back(std::move(g));
      continue;
    }
    const Technology* st = catalog_.Find(s->technology);
    g.to_technology = st;
    if (t.id == st->id) continue;
    if (t.product_id == st->product_id) {
      if (st->product_level()) continue;  // the standard is the product, any version
      if (u.level == core::MatchLevel::kProduct) {
        g.version_unknown = true;
        g.why = GapWhy::kVersionUnknown;
        g.action = t.hardware ? GapAction::kReplace : GapAction::kUpgrade;
      } else if (t.hardware) {
        g.action = GapAction::kReplace;
        g.why = GapWhy::kOtherModel;
      } else if (t.rank < st->rank) {
        g.action = GapAction::kUpgrade;
        g.why = GapWhy::kNewerVersion;
      } else {
        g.action = GapAction::kReplace;
        g.why = GapWhy::kNewerThanStandard;
      }
    } else if (u.capability == "hypervisor" && HardwarePast(u.carrier)) {
      g.action = GapAction::kRetire;
      g.why = GapWhy::kPlatformPastSupport;
    } else {
      g.action = GapAction::kReplace;
      g.why = u.capability == "hypervisor" ? GapWhy::kOtherPlatform : GapWhy::kOtherProduct;
    }
    Finish(g, &t);
    if (u.capability == "hypervisor" && t.product_id != st->product_id) {
      platform_changes[u.carrier.value] = plan_.gaps.size();
    }
    plan_.gaps.push_back(std::move(g));
  }
  MigrateWorkloads(platform_changes);
  // By org, capability, asset name, then key (which differs from the name only for sites,
  // halls and racks: made only for a tie).
  std::sort(plan_.gaps.begin(), plan_.gaps.end(), [](const Gap& a, const Gap& b) {
    if (auto c = std::tie(a.org(), a.capability(), a.asset()) <=>
                 std::tie(b.org(), b.capability(), b.asset());
        c != 0) {
      return c < 0;
    }
    return a.subject != b.subject && a.key() < b.key();
  });
}

void Planner::MigrateWorkloads(const std::unordered_map<std::uint32_t, std::size_t>& changes) {
  if (changes.empty()) return;
  const Standard* s = StandardFor("hypervisor");
  std::set<std::string> wanted(plan_.orgs.begin(), plan_.orgs.end());
  const auto n = static_cast<std::uint32_t>(estate_.assets.size());
  for (std::uint32_t i = 0; i < n; ++i) {
    const core::Asset& vm = estate_.assets[i];
    if (vm.kind != core::AssetKind::kVm || !wanted.count(vm.org)) continue;
    std::vector<AssetId> on =
        graph_.Neighbours(AssetId{i}, core::RelationKind::kRunsOn, core::Direction::kOut);
    for (AssetId c :
         graph_.Neighbours(AssetId{i}, core::RelationKind::kMemberOf, core::Direction::kOut)) {
      if (graph_.asset(c).kind == core::AssetKind::kCluster) on.push_back(c);
    }
    const Gap* platform = nullptr;
    const core::Asset* via = nullptr;
    const core::Asset* cluster = nullptr;
    for (AssetId host : on) {
      const bool is_cluster = graph_.asset(host).kind == core::AssetKind::kCluster;
      std::vector<AssetId> related =
          graph_.Neighbours(host, core::RelationKind::kMemberOf,
                            is_cluster ? core::Direction::kIn : core::Direction::kOut);
      related.insert(related.begin(), host);
      for (AssetId m : related) {
        auto it = changes.find(m.value);
        if (it == changes.end()) continue;
        platform = &plan_.gaps[it->second];
        via = &graph_.asset(host);
        if (!is_cluster && m != host) cluster = &graph_.asset(m);
        break;
      }
      if (platform) break;
    }
    if (!platform) continue;
    Gap g = NewGap(AssetId{i}, "hypervisor");
    g.action = GapAction::kMigrate;
    g.to_technology = catalog_.Find(s->technology);
    g.via_asset = via;
    g.via_cluster_asset = cluster;
    g.why = GapWhy::kWorkloadMoves;
    g.from_technology = platform->from_technology;
    g.past_end_of_support = platform->past_end_of_support;
    g.effort_hours = plan_.effort.Hours(g.kind, "", static_cast<int>(GapAction::kMigrate));
    plan_.gaps.push_back(std::move(g));
  }
}

}  // namespace target_internal

std::string_view ToString(GapAction action) {
  switch (action) {
    case GapAction::kUpgrade:
      return "upgrade";
    case GapAction::kReplace:
      return "replace";
    case GapAction::kMigrate:
      return "migrate";
    case GapAction::kRetire:
      return "retire";
  }
  return "upgrade";
}

std::optional<GapAction> ParseGapAction(std::string_view text) {
  for (GapAction a : kAllGapActions) {
    if (ToString(a) == text) return a;
  }
  return std::nullopt;
}

std::string_view ToString(StandardSource source) {
  return source == StandardSource::kScenario ? "scenario" : "proposed";
}

core::Result<TargetPlan> PlanTarget(const core::Estate& estate, const core::Catalog& catalog,
                                    const Scenario* scenario, core::Diagnostics& diagnostics) {
  return target_internal::Planner(estate, nullptr, catalog, nullptr, scenario, diagnostics).Run();
}

core::Result<TargetPlan> PlanTarget(const core::Estate& estate, const core::GraphView& graph,
                                    const core::Catalog& catalog, const Scenario* scenario,
                                    core::Diagnostics& diagnostics) {
  return target_internal::Planner(estate, &graph, catalog, nullptr, scenario, diagnostics).Run();
}

core::Result<TargetPlan> PlanTarget(const core::Estate& estate, const core::GraphView& graph,
                                    const core::Catalog& catalog, const UsageSet& usage,
                                    const Scenario* scenario, core::Diagnostics& diagnostics) {
  return target_internal::Planner(estate, &graph, catalog, &usage, scenario, diagnostics).Run();
}

}  // namespace samdrift::planners
