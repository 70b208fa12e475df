#include "planners/target.h"

#include <algorithm>
#include <map>
#include <set>
#include <sstream>
#include <tuple>
#include <unordered_map>

#include "core/date.h"
#include "core/graph.h"
#include "core/text.h"
#include "planners/usage.h"

namespace samdrift::planners {
namespace {

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

std::string Plural(std::size_t n, std::string_view one, std::string_view many) {
  return std::to_string(n) + " " + std::string(n == 1 ? one : many);
}

std::string Support(const Technology& t, const std::string& date) {
  if (t.end_of_support.empty()) return "no end of support known";
  if (t.end_of_support < date) return "past end of support since " + t.end_of_support;
  if (t.end_of_support < core::AddMonths(date, 12)) {
    return "supported until " + t.end_of_support + " (within 12 months)";
  }
  return "supported until " + t.end_of_support;
}

bool Supported(const Technology& t, const std::string& date) {
  return t.end_of_support.empty() || t.end_of_support >= date;
}

class Planner {
 public:
  // `graph`: a view over `estate` the caller already has, else null (the planner builds one).
  Planner(const core::Estate& estate, const core::GraphView* graph, const core::Catalog& catalog,
          const Scenario* scenario, core::Diagnostics& diagnostics)
      : estate_(estate),
        catalog_(catalog),
        scenario_(scenario),
        diagnostics_(diagnostics),
        graph_(graph ? *graph : own_graph_.emplace(estate)) {}

  core::Result<TargetPlan> Run() {
    plan_.date = scenario_ && !scenario_->date.empty() ? scenario_->date : core::TodayIso();
    usage_ = CollectUsage(estate_, graph_, catalog_,
                          scenario_ ? scenario_->orgs : std::vector<std::string>{});
    plan_.orgs = usage_.orgs;
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
    plan_.lifecycle = LifecycleFromUsage(usage_, graph_, catalog_, plan_.date);
    for (const Gap& g : plan_.gaps) plan_.total_effort_hours += g.effort_hours;
    return std::move(plan_);
  }

 private:
  const std::string& OrgOf(const planners::Usage& u) const { return graph_.asset(u.carrier).org; }

  void Count() {
    for (const planners::Usage& u : usage_.usages) {
      const Technology& t = catalog_.technology(u.technology);
      const std::string& org = OrgOf(u);
      CapabilityStats& c = caps_[u.capability];
      c.orgs.insert(org);
      ++c.assets;
      c.vendors[t.vendor_id].insert(org);
      ProductStats& p = c.products[t.product_id];
      p.orgs.insert(org);
      ++p.assets;
      if (u.level == core::MatchLevel::kVersion) {
        LineStats& l = p.lines[u.technology];
        l.orgs.insert(org);
        ++l.assets;
      }
    }
  }

  std::string UsageText(const std::string& capability, const std::string& product_id) const {
    auto c = caps_.find(capability);
    if (c == caps_.end()) return "not in use";
    auto p = c->second.products.find(product_id);
    const std::size_t orgs = p == c->second.products.end() ? 0 : p->second.orgs.size();
    const std::size_t assets = p == c->second.products.end() ? 0 : p->second.assets;
    return "used by " + std::to_string(orgs) + " of " + std::to_string(plan_.orgs.size()) +
           " municipalities, " + std::to_string(assets) + " of " +
           std::to_string(c->second.assets) + " " + UnitOf(capability);
  }

  core::SourceLocation Where(const std::string& capability) const {
    auto it = scenario_->locations.find("standards." + capability);
    if (it != scenario_->locations.end()) return it->second;
    return {scenario_->source, 0, 0};
  }

  // The capabilities the catalog knows and the estate uses, sorted.
  std::vector<std::string> Capabilities() const {
    std::vector<std::string> capabilities;
    for (std::size_t i = 0; i < catalog_.technology_count(); ++i) {
      capabilities.push_back(catalog_.technology(static_cast<int>(i)).capability);
    }
    for (const auto& [c, stats] : caps_) capabilities.push_back(c);
    std::sort(capabilities.begin(), capabilities.end());
    capabilities.erase(std::unique(capabilities.begin(), capabilities.end()), capabilities.end());
    return capabilities;
  }

  // `standards: {CAPABILITY: free}`: each org keeps choosing; the capability must be known.
  bool FreeStandard(const std::string& capability, const std::vector<std::string>& capabilities) {
    if (!std::binary_search(capabilities.begin(), capabilities.end(), capability)) {
      const std::string closest = core::ClosestName(capability, capabilities);
      diagnostics_.Error(Where(capability), "TGT006",
                         "standards: " + capability +
                             ": free for a capability the catalog does not know" +
                             (closest.empty() ? "" : "; did you mean '" + closest + "'?"));
      return false;
    }
    Standard s;
    s.capability = capability;
    s.source = StandardSource::kScenario;
    s.technology = kFreeStandard;
    s.name = "free (each municipality chooses)";
    s.reason = "fixed by the scenario: each municipality keeps choosing its own " + capability +
               "; no gaps";
    Fill(s, nullptr);
    if (auto c = caps_.find(capability); c != caps_.end() && !c->second.products.empty()) {
      if (const Technology* t = catalog_.Find(c->second.products.begin()->first)) {
        s.category = CategoryFor(*t, capability);
      }
    }
    plan_.standards.push_back(std::move(s));
    return true;
  }

  // A standard of an area the scenario does not pool says so: each org keeps its own.
  void MarkAreasNotPooled() {
    if (!scenario_ || !scenario_->pooled) return;
    for (Standard& s : plan_.standards) {
      if (scenario_->Pooled(s.category)) continue;
      s.pooled = false;
      s.reason += "; area " + std::string(core::ToString(s.category)) +
                  " not pooled: each municipality keeps its own, no gaps";
    }
  }

  bool FixedStandards(const std::vector<std::string>& capabilities) {
    bool ok = true;
    for (const auto& [capability, id] : scenario_->standards) {
      if (id == kFreeStandard) {
        ok = FreeStandard(capability, capabilities) && ok;
        continue;
      }
      Standard s;
      s.capability = capability;
      s.source = StandardSource::kScenario;
      if (id == "none") {
        s.technology = "none";
        s.name = "none (retired)";
        s.reason = "fixed by the scenario: the target has no " + capability + "; retire what runs";
        Fill(s, nullptr);
        plan_.standards.push_back(std::move(s));
        continue;
      }
      const Technology* t = catalog_.Find(id);
      if (!t) {
        std::string closest = catalog_.ClosestId(id);
        diagnostics_.Error(Where(capability), "TGT001",
                           "standards: " + capability + ": unknown technology '" + id + "'" +
                               (closest.empty() ? "" : "; did you mean '" + closest + "'?"));
        ok = false;
        continue;
      }
      if (t->capability != capability && !UsedAs(*t, capability)) {
        diagnostics_.Error(Where(capability), "TGT004",
                           "standards: " + capability + ": '" + id + "' is a " + t->capability +
                               " technology, not " + capability);
        ok = false;
        continue;
      }
      if (!Supported(*t, plan_.date)) {
        diagnostics_.Warning(Where(capability), "TGT005",
                             "standards: " + capability + ": " + t->name +
                                 " is past end of support (" + t->end_of_support + ") at " +
                                 plan_.date);
      }
      s.technology = t->id;
      s.name = t->name;
      s.category = CategoryFor(*t, capability);
      s.end_of_support = t->end_of_support;
      Fill(s, t);
      s.reason = "fixed by the scenario; " + t->vendor + " " + t->product + " " +
                 UsageText(capability, t->product_id) + ", " +
                 std::to_string(s.assets_on_standard) + " already on " + t->name + "; " +
                 Support(*t, plan_.date);
      plan_.standards.push_back(std::move(s));
    }
    return ok;
  }

  // True when some asset uses a technology of t's product as `capability`.
  bool UsedAs(const Technology& t, const std::string& capability) const {
    auto c = caps_.find(capability);
    return c != caps_.end() && c->second.products.count(t.product_id);
  }

  void Fill(Standard& s, const Technology* t) const {
    auto c = caps_.find(s.capability);
    if (c == caps_.end()) return;
    s.assets = c->second.assets;
    if (!t) return;
    auto p = c->second.products.find(t->product_id);
    if (p == c->second.products.end()) return;
    s.orgs_using = static_cast<int>(p->second.orgs.size());
    if (t->product_level()) {
      s.assets_on_standard = p->second.assets;
    } else {
      for (const auto& [tech, line] : p->second.lines) {
        if (catalog_.technology(tech).id == t->id) s.assets_on_standard += line.assets;
      }
    }
  }

  // The version of `product` to propose, or nullptr when none is supported.
  const Technology* ChooseVersion(const std::string& product, const ProductStats& stats,
                                  std::string& why) const {
    std::vector<const Technology*> versions = catalog_.VersionsOf(product);
    if (versions.size() == 1 && versions[0]->product_level()) {  // no version lines
      why = "";
      return Supported(*versions[0], plan_.date) ? versions[0] : nullptr;
    }
    // Lines in use and supported; those run by at least two orgs (or by every org that uses the
    // product, when fewer) first; then the newest; then the most orgs and assets.
    const std::size_t threshold = std::min<std::size_t>(2, stats.orgs.size());
    const Technology* best = nullptr;
    const LineStats* best_line = nullptr;
    std::tuple<bool, int, std::size_t, std::size_t> best_key{};
    for (const auto& [tech, line] : stats.lines) {
      const Technology& t = catalog_.technology(tech);
      if (t.product_level() || !Supported(t, plan_.date)) continue;
      auto key = std::tuple(line.orgs.size() >= threshold, t.rank, line.orgs.size(), line.assets);
      if (!best || key > best_key || (key == best_key && t.id < best->id)) {
        best = &t;
        best_line = &line;
        best_key = key;
      }
    }
    if (best) {
      why = best->name + " is the newest supported version in use (" +
            Plural(best_line->orgs.size(), "municipality", "municipalities") + ", " +
            std::to_string(best_line->assets) + " " + UnitOf(best->capability) + ")";
      return best;
    }
    // Nothing in use is supported: the newest supported version the catalog knows.
    for (const Technology* t : versions) {
      if (!t->product_level() && Supported(*t, plan_.date) && !t->end_of_support.empty()) {
        why = "nothing in use is supported; " + t->name + " is the newest supported version";
        return t;
      }
    }
    for (const Technology* t : versions) {
      if (!t->product_level() && Supported(*t, plan_.date)) {
        why = "nothing in use is supported; " + t->name + " is the newest version in the catalog";
        return t;
      }
    }
    return nullptr;
  }

  void ProposeStandards() {
    for (const auto& [capability, stats] : caps_) {
      if (scenario_ && scenario_->standards.count(capability)) continue;
      // Products by orgs, then orgs of their vendor in this capability, then assets, then id.
      std::vector<std::pair<std::string, const ProductStats*>> products;
      for (const auto& [id, p] : stats.products) products.emplace_back(id, &p);
      // Through a reference, not the binding: clang 14 cannot capture structured bindings.
      const auto& vendors = stats.vendors;
      auto vendor_orgs = [&](const std::string& product) {
        const Technology* t = catalog_.Find(product);
        if (!t) return std::size_t{0};
        auto v = vendors.find(t->vendor_id);
        return v == vendors.end() ? std::size_t{0} : v->second.size();
      };
      std::stable_sort(products.begin(), products.end(), [&](const auto& a, const auto& b) {
        auto ka = std::tuple(a.second->orgs.size(), vendor_orgs(a.first), a.second->assets);
        auto kb = std::tuple(b.second->orgs.size(), vendor_orgs(b.first), b.second->assets);
        if (ka != kb) return ka > kb;
        return a.first < b.first;
      });
      Standard s;
      s.capability = capability;
      s.source = StandardSource::kProposed;
      std::vector<std::string> skipped;
      for (const auto& [product, p] : products) {
        std::string why;
        const Technology* t = ChooseVersion(product, *p, why);
        if (!t) {
          const Technology* pt = catalog_.Find(product);
          skipped.push_back((pt ? pt->vendor + " " + pt->product : product) +
                            " (nothing supported at " + plan_.date + ")");
          continue;
        }
        s.technology = t->id;
        s.name = t->name;
        s.category = CategoryFor(*t, capability);
        s.end_of_support = t->end_of_support;
        Fill(s, t);
        std::string reason = t->vendor + " " + t->product + " " + UsageText(capability, product);
        if (!why.empty()) reason += "; " + why;
        reason += "; " + Support(*t, plan_.date);
        // Say what it was weighed against.
        for (const auto& [other, q] : products) {
          if (other == product) continue;
          const Technology* ot = catalog_.Find(other);
          reason += "; ahead of " + (ot ? ot->vendor + " " + ot->product : other) + " (" +
                    Plural(q->orgs.size(), "municipality", "municipalities") + ", " +
                    std::to_string(q->assets) + " " + UnitOf(capability) + ")";
          break;
        }
        if (p->orgs.size() <= 1 && plan_.orgs.size() > 1) {
          reason += "; no product is shared by two municipalities: a choice, not an inheritance";
        }
        for (const std::string& k : skipped) reason += "; skipped " + k;
        s.reason = std::move(reason);
        break;
      }
      if (s.technology.empty()) {
        s.name = "none proposed";
        s.reason = "nothing in use or in the catalog is supported at " + plan_.date +
                   ": choose a standard in the scenario";
        Fill(s, nullptr);
      }
      plan_.standards.push_back(std::move(s));
    }
  }

  const Standard* StandardFor(const std::string& capability) const {
    for (const Standard& s : plan_.standards) {
      if (s.capability == capability) return &s;
    }
    return nullptr;
  }

  Gap NewGap(AssetId carrier, const std::string& capability) const {
    const core::Asset& a = graph_.asset(carrier);
    Gap g;
    g.org = a.org;
    g.asset = a.name;
    g.key = a.Key();
    g.kind = a.kind;
    g.category = a.category;
    g.capability = capability;
    return g;
  }

  void Finish(Gap& g, const Technology* from, std::string reason) {
    if (from) {
      g.from = from->id;
      g.from_name = from->name;
      g.end_of_support = from->end_of_support;
      g.past_end_of_support = !from->end_of_support.empty() && from->end_of_support < plan_.date;
    }
    g.effort_hours =
        plan_.effort.Hours(g.kind,
                           g.kind == core::AssetKind::kVm && g.action == GapAction::kMigrate
                               ? std::string_view()
                               : std::string_view(g.capability),
                           static_cast<int>(g.action));
    if (g.past_end_of_support) reason += "; past end of support since " + g.end_of_support;
    g.reason = std::move(reason);
  }

  // True when the carrier's own server hardware is past end of support.
  // Whether the carrier's server hardware is past end of support. The first call indexes the
  // server usages once (a scan per host made this quadratic: minutes at national scale).
  bool HardwarePast(AssetId carrier) {
    if (!hardware_indexed_) {
      hardware_indexed_ = true;
      for (const planners::Usage& u : usage_.usages) {
        if (u.capability != "server") continue;
        const Technology& t = catalog_.technology(u.technology);
        hardware_past_.emplace(u.carrier.value,
                               !t.end_of_support.empty() && t.end_of_support < plan_.date);
      }
    }
    auto it = hardware_past_.find(carrier.value);
    return it != hardware_past_.end() && it->second;
  }
  bool hardware_indexed_ = false;
  std::unordered_map<std::uint32_t, bool> hardware_past_;  // carrier -> first server usage's flag

  void Gaps() {
    std::unordered_map<std::uint32_t, std::size_t> platform_changes;  // host -> gap index
    for (const planners::Usage& u : usage_.usages) {
      const Standard* s = StandardFor(u.capability);
      if (!s || s->technology.empty() || s->technology == kFreeStandard) continue;
      const Technology& t = catalog_.technology(u.technology);
      if (scenario_ && !scenario_->Pooled(CategoryFor(t, u.capability))) continue;
      Gap g = NewGap(u.carrier, u.capability);
      if (s->technology == "none") {
        g.action = GapAction::kRetire;
        g.to = "";
        g.why = GapWhy::kNoTarget;
        Finish(g, &t, t.name + ": the target has no " + u.capability);
        plan_.gaps.push_back(std::move(g));
        continue;
      }
      const Technology* st = catalog_.Find(s->technology);
      g.to = st->id;
      g.to_name = st->name;
      if (t.id == st->id) continue;
      std::string reason;
      if (t.product_id == st->product_id) {
        if (st->product_level()) continue;  // the standard is the product, any version
        if (u.level == core::MatchLevel::kProduct) {
          g.version_unknown = true;
          g.why = GapWhy::kVersionUnknown;
          g.action = t.hardware ? GapAction::kReplace : GapAction::kUpgrade;
          reason = t.name + ", model or version not recognised: check it against " + st->name;
        } else if (t.hardware) {
          g.action = GapAction::kReplace;
          g.why = GapWhy::kOtherModel;
          reason = t.name + " -> " + st->name + ": another model, replaced";
        } else if (t.rank < st->rank) {
          g.action = GapAction::kUpgrade;
          g.why = GapWhy::kNewerVersion;
          reason = t.name + " -> " + st->name + ": same product, newer version";
        } else {
          g.action = GapAction::kReplace;
          g.why = GapWhy::kNewerThanStandard;
          reason = t.name + " is newer than the standard " + st->name +
                   ": reinstall the standard or raise the standard";
        }
      } else if (u.capability == "hypervisor" && HardwarePast(u.carrier)) {
        g.action = GapAction::kRetire;
        g.why = GapWhy::kPlatformPastSupport;
        reason = t.name + " -> " + st->name +
                 ": another platform on hardware past end of support; retire the host, its "
                 "workloads migrate";
      } else {
        g.action = GapAction::kReplace;
        reason = t.name + " -> " + st->name + ": another product in place";
        g.why = GapWhy::kOtherProduct;
        if (u.capability == "hypervisor") {
          reason += "; its workloads migrate";
          g.why = GapWhy::kOtherPlatform;
        }
      }
      Finish(g, &t, std::move(reason));
      if (u.capability == "hypervisor" && t.product_id != st->product_id) {
        platform_changes[u.carrier.value] = plan_.gaps.size();
      }
      plan_.gaps.push_back(std::move(g));
    }
    MigrateWorkloads(platform_changes);
    std::sort(plan_.gaps.begin(), plan_.gaps.end(), [](const Gap& a, const Gap& b) {
      return std::tie(a.org, a.capability, a.asset, a.key) <
             std::tie(b.org, b.capability, b.asset, b.key);
    });
  }

  // VMs on a host, a cluster or a host of a cluster whose hypervisor changes product move to the
  // standard platform. A VM is on what it runs_on and on a cluster it is a member_of; what it
  // is on changes when its own hypervisor does, or (a cluster) a member host's, or (a host) its
  // cluster's.
  void MigrateWorkloads(const std::unordered_map<std::uint32_t, std::size_t>& changes) {
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
      std::string via, cluster_key;
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
          via = graph_.asset(host).Key();
          if (!is_cluster && m != host) cluster_key = graph_.asset(m).Key();
          break;
        }
        if (platform) break;
      }
      if (!platform) continue;
      Gap g = NewGap(AssetId{i}, "hypervisor");
      g.action = GapAction::kMigrate;
      g.to = s->technology;
      g.via = via;
      g.via_cluster = cluster_key;
      g.to_name = s->name;
      g.why = GapWhy::kWorkloadMoves;
      g.from = platform->from;
      g.from_name = platform->from_name;
      g.end_of_support = platform->end_of_support;
      g.past_end_of_support = platform->past_end_of_support;
      g.effort_hours = plan_.effort.Hours(g.kind, "", static_cast<int>(GapAction::kMigrate));
      const std::string cluster = cluster_key.empty() ? "" : " in cluster " + cluster_key;
      g.reason = "runs on " + via + cluster + " (" + platform->from_name + "), which changes to " +
                 s->name + ": move the workload to the standard platform";
      plan_.gaps.push_back(std::move(g));
    }
  }

  const core::Estate& estate_;
  const core::Catalog& catalog_;
  const Scenario* scenario_;
  core::Diagnostics& diagnostics_;
  std::optional<core::GraphView> own_graph_;  // declared before graph_, which may refer to it
  const core::GraphView& graph_;
  UsageSet usage_;
  std::map<std::string, CapabilityStats> caps_;
  TargetPlan plan_;
};

}  // namespace

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
  return Planner(estate, nullptr, catalog, scenario, diagnostics).Run();
}

core::Result<TargetPlan> PlanTarget(const core::Estate& estate, const core::GraphView& graph,
                                    const core::Catalog& catalog, const Scenario* scenario,
                                    core::Diagnostics& diagnostics) {
  return Planner(estate, &graph, catalog, scenario, diagnostics).Run();
}

}  // namespace samdrift::planners
