#include "planners/migration.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

namespace samdrift::planners {

std::string GapItemId(const Gap& gap) {
  return gap.org() + ":" + gap.key() + ":" + gap.capability();
}

namespace {

int CriticalityRank(const std::string& text) {
  if (text == "low") return 0;
  if (text == "high") return 2;
  if (text == "critical") return 3;
  return 1;
}

class Builder {
 public:
  Builder(const core::Estate& estate, const core::GraphView& graph, const Scenario& scenario)
      : estate_(estate),
        graph_(graph),
        scenario_(scenario),
        first_item_of_(graph.asset_count(), kNoItem) {}

  // With `owned` (the same plan as `target`) the gaps are freed once they are items.
  WaveProblem Build(const TargetPlan* target, const HallPlan* halls, TargetPlan* owned = nullptr) {
    problem_.limits = scenario_.waves;
    // Reserved once: at national scale a vector of millions of items that grows holds its old
    // and its new buffer at once (at most: a build item per hall, every device moved, every gap,
    // the platform build).
    std::size_t services = 0;
    for (std::uint32_t a = 0; a < graph_.asset_count(); ++a) {
      services += graph_.asset(core::AssetId{a}).kind == core::AssetKind::kService;
    }
    problem_.items.reserve((halls ? halls->halls.size() + halls->devices.size() : 0) +
                           (target ? target->gaps.size() + 1 : 0) + services);
    next_item_.reserve(problem_.items.capacity());
    if (halls) AddHalls(*halls);
    if (target) AddGaps(*target, owned);
    if (halls) AddMoves(*halls);
    AddServices(target ? target->effort : EffortTable::Defaults());
    AddModelDependencies();
    SortDependencies(problem_);
    return std::move(problem_);
  }

 private:
  static constexpr std::uint32_t kNoItem = UINT32_MAX;

  // Adds an item for `asset` (none for what is built first): the asset's items form a list
  // through next_item_, so that model dependencies find them by asset id. Returns its index.
  ItemIndex Add(WaveItem item, std::optional<core::AssetId> asset) {
    const auto index = static_cast<std::uint32_t>(problem_.items.size());
    next_item_.push_back(kNoItem);
    if (asset) {
      std::uint32_t* slot = &first_item_of_[asset->value];
      while (*slot != kNoItem) slot = &next_item_[*slot];  // keep the items in order
      *slot = index;
    }
    problem_.items.push_back(std::move(item));
    return index;
  }

  template <typename Visit>
  void ForEachItemOf(core::AssetId asset, Visit visit) const {
    for (std::uint32_t i = first_item_of_[asset.value]; i != kNoItem; i = next_item_[i]) visit(i);
  }

  const core::Asset* AssetOf(std::optional<core::AssetId> id) const {
    return id ? &graph_.asset(*id) : nullptr;
  }

  void FillFromAsset(WaveItem& item, const core::Asset* asset) const {
    if (!asset) return;
    item.criticality = CriticalityRank(asset->criticality);
    if (!asset->redundancy_group.empty()) {
      item.redundancy_group = asset->org + "/" + asset->redundancy_group;
    }
  }

  void AddHalls(const HallPlan& plan) {
    for (const PlannedHall& hall : plan.halls) {
      WaveHall h;
      h.name = hall.name;
      h.positions = hall.positions;
      h.power_kw = std::isfinite(hall.power_kw) ? hall.power_kw : 0;
      h.cooling_kw = std::isfinite(hall.cooling_kw) ? hall.cooling_kw : 0;
      // Before the first wave a staying hall holds what it keeps.
      for (const PlannedRack& rack : hall.racks) {
        bool any_kept = false;
        for (const Placement& p : rack.devices) {
          if (!p.kept) continue;
          any_kept = true;
          h.power_kw_used += plan.devices[p.device].kw;
        }
        if (any_kept) h.positions_used += 1;
      }
      problem_.halls.push_back(h);
      hall_rack_u_[hall.name] = hall.rack_u > 0 ? hall.rack_u : 42;
      if (hall.role == HallRole::kPrimary && primary_hall_.empty()) primary_hall_ = hall.name;
      // No joint network core where the scenario does not pool the network (scenario.h).
      if (!scenario_.Pooled(core::Category::kNetwork)) continue;

      WaveItem build;
      build.id = "build:" + hall.name + ":network";
      build.org = kJointOrg;
      build.asset = "network core in " + hall.name;
      build.action = "replace";
      build.kind = "build";
      build.category = "network";
      build.hours = kHallNetworkHours;
      build.criticality = 0;
      build.why.kind = ItemWhy::Kind::kNetworkCore;
      build.why.place = hall.name;
      build.why.hall = hall.name;
      hall_network_[hall.name] = Add(std::move(build), std::nullopt);
    }
  }

  void AddGaps(const TargetPlan& target, TargetPlan* owned) {
    const Standard* hypervisor = nullptr;
    for (const Standard& s : target.standards) {
      if (s.capability == "hypervisor") hypervisor = &s;
    }
    std::optional<ItemIndex> platform_item;
    auto platform = [&]() {
      if (platform_item || !hypervisor) return platform_item;
      WaveItem build;
      build.id = "build:platform:" + hypervisor->technology;
      build.org = kJointOrg;
      build.asset = hypervisor->name + " platform" +
                    (primary_hall_.empty() ? std::string() : " in " + primary_hall_);
      build.action = "replace";
      build.kind = "build";
      build.category = "platform";
      build.hours = 120;
      build.criticality = 0;
      build.why.kind = ItemWhy::Kind::kPlatform;
      build.why.place = hypervisor->name;
      build.why.hall = primary_hall_;
      if (auto network = hall_network_.find(primary_hall_); network != hall_network_.end()) {
        build.depends_on.push_back(network->second);
      }
      platform_item = Add(std::move(build), std::nullopt);
      return platform_item;
    };
    for (std::size_t k = 0; k < target.gaps.size(); ++k) {
      const Gap& gap = target.gaps[k];
      WaveItem item;
      item.id = GapItemId(gap);
      item.org = gap.org();
      item.action = std::string(ToString(gap.action));
      item.kind = std::string(core::ToString(gap.kind));
      item.category = std::string(core::ToString(gap.category));
      item.hours = gap.effort_hours;
      item.past_end_of_support = gap.past_end_of_support;
      item.why.kind = ItemWhy::Kind::kGap;
      item.asset = gap.asset();
      item.reason = gap.reason();
      const auto asset = graph_.Find(gap.org(), gap.key(), gap.kind);
      FillFromAsset(item, AssetOf(asset));
      if (gap.kind == core::AssetKind::kVm &&
          (gap.action == GapAction::kMigrate || gap.action == GapAction::kReplace)) {
        if (const auto p = platform()) item.depends_on.push_back(*p);
      }
      Add(std::move(item), asset);
    }
    if (owned) owned->gaps = {};
  }

  void AddMoves(const HallPlan& plan) {
    std::map<std::pair<std::string, std::string>, const HallDevice*> devices;
    for (const HallDevice& d : plan.devices) devices[{d.org, d.name}] = &d;
    std::map<std::string, std::string> staying;  // "org/site/hall" -> target hall
    for (const PlannedHall& hall : plan.halls) {
      if (!hall.from.empty()) staying[hall.from] = hall.name;
    }
    for (const DevicePlacement& p : DevicePlacements(plan)) {
      if (p.kept) continue;
      auto it = devices.find({p.org, p.asset});
      const HallDevice* device = it == devices.end() ? nullptr : it->second;
      WaveItem item;
      item.id = p.org + ":" + p.asset + ":move";
      item.org = p.org;
      item.asset = p.asset;
      item.action = "migrate";
      item.kind = "device";
      item.category = "datacenter";
      item.hall_in = p.hall;
      if (device) {
        item.kw = device->kw;
        item.hall_kw = device->kw;
        item.hall_positions =
            static_cast<double>(std::max(device->u_height, 0)) / hall_rack_u_[p.hall];
        auto from = staying.find(device->org + "/" + device->site + "/" + device->hall);
        if (from != staying.end()) {
          if (from->second == p.hall) continue;  // a move within the hall it stays in
          item.hall_out = from->second;
        }
      }
      item.hours = kDeviceMoveHours;
      item.why.kind = ItemWhy::Kind::kMove;
      item.why.place = p.from;
      item.why.rack = p.rack;
      item.why.u = p.position;
      item.why.new_rack = p.new_rack;
      const auto asset = graph_.Find(p.org, p.asset);
      FillFromAsset(item, AssetOf(asset));
      auto network = hall_network_.find(p.hall);
      if (network != hall_network_.end()) item.depends_on.push_back(network->second);
      Add(std::move(item), asset);
    }
  }

  bool HasItems(core::AssetId asset) const { return first_item_of_[asset.value] != kNoItem; }

  // Visits the assets `service` needs (depends_on, transitively) that have items, passing
  // through those that have none (with kThroughServices also through services without items);
  // each asset once per call.
  enum class Through { kOtherAssets, kThroughServices };
  template <typename Visit>
  void ForEachNeededWithItems(core::AssetId service, Through through, Visit visit) {
    ++stamp_;
    std::vector<core::AssetId> stack = {service};
    seen_[service.value] = stamp_;
    while (!stack.empty()) {
      const core::AssetId at = stack.back();
      stack.pop_back();
      for (core::AssetId next :
           graph_.Neighbours(at, core::RelationKind::kDependsOn, core::Direction::kOut)) {
        if (seen_[next.value] == stamp_) continue;
        seen_[next.value] = stamp_;
        if (HasItems(next)) {
          visit(next);
        } else if (through == Through::kThroughServices ||
                   graph_.asset(next).kind != core::AssetKind::kService) {
          stack.push_back(next);
        }
      }
    }
  }

  // A service whose own needs (depends_on, transitively through assets that are not services)
  // have items gets an item of its own: the cut-over of the service (action migrate, kind
  // service, the effort table's service/migrate hours) once everything it needs has moved or
  // changed. It waits for the nearest items on every path of what it needs, through other
  // services too. A service that needs only other services (an ArchiMate ApplicationService
  // in front of its component, a portal in front of systems) switches with them and gets no
  // item; nor does a service that already has one (a gap of its own), whose items wait through
  // the model's depends_on. Services that need each other then form a cycle: one move group.
  void AddServices(const EffortTable& effort) {
    seen_.assign(graph_.asset_count(), 0);
    std::vector<core::AssetId> cut_over;
    for (std::uint32_t a = 0; a < graph_.asset_count(); ++a) {
      const core::AssetId id{a};
      if (graph_.asset(id).kind != core::AssetKind::kService || HasItems(id)) continue;
      bool any = false;
      ForEachNeededWithItems(id, Through::kOtherAssets, [&](core::AssetId) { any = true; });
      if (any) cut_over.push_back(id);
    }
    const double hours = effort.Hours(core::AssetKind::kService, "", 2);  // migrate
    for (core::AssetId id : cut_over) {
      const core::Asset& service = graph_.asset(id);
      WaveItem item;
      item.id = service.org + ":" + service.Key() + ":cutover";
      item.org = service.org;
      item.asset = service.name;
      item.action = "migrate";
      item.kind = "service";
      item.category = std::string(core::ToString(service.category));
      item.hours = hours;
      item.why.kind = ItemWhy::Kind::kCutOver;
      FillFromAsset(item, &service);
      Add(std::move(item), id);
    }
    // Then what each cut-over waits for (another service's cut-over stops the search: its item
    // carries the rest).
    for (core::AssetId id : cut_over) {
      std::vector<ItemIndex> deps;
      ForEachNeededWithItems(id, Through::kThroughServices, [&](core::AssetId needed) {
        ForEachItemOf(needed, [&](std::uint32_t j) { deps.push_back(j); });
      });
      ForEachItemOf(id, [&](std::uint32_t i) {
        auto& mine = problem_.items[i].depends_on;
        mine.insert(mine.end(), deps.begin(), deps.end());
      });
    }
    seen_ = {};
  }

  // depends_on and runs_on in the model become dependencies between the assets' items. What a
  // VM runs on waits for the VM's items (it leaves first): its host and the host's cluster, or
  // its cluster (runs_on, or a VM's member_of) and the cluster's member hosts.
  void AddModelDependencies() {
    auto wait = [&](core::AssetId waiting, core::AssetId first) {
      ForEachItemOf(waiting, [&](std::uint32_t j) {
        ForEachItemOf(first, [&](std::uint32_t i) { problem_.items[j].depends_on.push_back(i); });
      });
    };
    graph_.ForEachEdge([&](core::AssetId from, core::AssetId to, core::RelationKind kind) {
      if (kind == core::RelationKind::kDependsOn) {
        wait(from, to);
        return;
      }
      const bool on_cluster = graph_.asset(to).kind == core::AssetKind::kCluster;
      if (kind == core::RelationKind::kMemberOf &&
          !(on_cluster && graph_.asset(from).kind == core::AssetKind::kVm)) {
        return;
      }
      if (kind != core::RelationKind::kRunsOn && kind != core::RelationKind::kMemberOf) return;
      wait(to, from);
      if (!HasItems(from)) return;
      for (core::AssetId other :
           graph_.Neighbours(to, core::RelationKind::kMemberOf,
                             on_cluster ? core::Direction::kIn : core::Direction::kOut)) {
        const core::AssetKind k = graph_.asset(other).kind;
        if (on_cluster ? k == core::AssetKind::kDevice : k == core::AssetKind::kCluster) {
          wait(other, from);
        }
      }
    });
  }

  const core::Estate& estate_;
  const core::GraphView& graph_;
  const Scenario& scenario_;
  WaveProblem problem_;
  std::vector<std::uint32_t> first_item_of_;  // per asset id: its first item, or kNoItem
  std::vector<std::uint32_t> next_item_;      // per item: the same asset's next item
  std::vector<std::uint32_t> seen_;           // per asset: the stamp of the last search that saw it
  std::uint32_t stamp_ = 0;
  std::map<std::string, ItemIndex> hall_network_;  // hall -> its network core's item
  std::map<std::string, int> hall_rack_u_;
  std::string primary_hall_;
};

}  // namespace

WaveProblem BuildWaveProblem(const core::Estate& estate, const core::GraphView& graph,
                             const TargetPlan* target, const HallPlan* halls,
                             const Scenario& scenario) {
  return Builder(estate, graph, scenario).Build(target, halls);
}

WaveProblem BuildWaveProblem(const core::Estate& estate, const core::GraphView& graph,
                             TargetPlan&& target, const HallPlan* halls, const Scenario& scenario) {
  return Builder(estate, graph, scenario).Build(&target, halls, &target);
}

}  // namespace samdrift::planners
