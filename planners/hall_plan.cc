#include "planners/hall_plan.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <numeric>
#include <tuple>

#include "planners/hall_rack.h"

namespace samdrift::planners {
namespace {

class Planner {
 public:
  explicit Planner(const HallPlanInput& input) : in_(input) {}

  HallPlan Run();

 private:
  void Attempt(const std::vector<bool>& yielding);
  void BuildRacks();
  void CollectKeepCandidates();
  // Keeps the candidates `which` accepts in place where their rack and hall still take them.
  void KeepPass(const std::function<bool(std::size_t d, int hall)>& which);
  void PlacePool(bool forced);
  void PlacePdus();
  bool PlaceInOpenRack(std::size_t d);
  bool OpenRackFor(std::size_t d);
  void Place(RackState& rack, std::size_t d, int position, bool kept);
  void Finish();

  const HallDevice& Dev(std::size_t d) const { return in_.devices[d]; }
  bool Forced(std::size_t d) const { return sides_[d] != Side::kAny; }
  bool Pinned(std::size_t d) const { return !Dev(d).site_bound.empty(); }
  // A device that cannot keep its place: site-bound ones stay in their hall, the rest move.
  void CannotKeep(std::size_t d);

  const HallPlanInput& in_;
  HallPlan plan_;
  std::vector<Side> sides_;
  std::vector<HallState> halls_;
  std::vector<RackState> racks_;      // creation order: existing racks, then new ones
  std::vector<int> candidate_rack_;   // per device: rack it may keep, or -1
  std::vector<std::size_t> pool_;     // devices to place
  std::vector<bool> done_;            // placed or listed as unplaced
  std::vector<bool> any_candidates_;  // per hall: some device of any side may stay there
};

void Planner::BuildRacks() {
  for (std::size_t h = 0; h < in_.halls.size(); ++h) {
    const HallSpec& spec = in_.halls[h];
    halls_.push_back({&spec, in_.margin});
    std::vector<ExistingRack> existing = spec.racks;
    if (static_cast<int>(existing.size()) > spec.positions && in_.kept != KeptDevices::kAsToday) {
      std::string dropped;
      for (std::size_t i = static_cast<std::size_t>(std::max(0, spec.positions));
           i < existing.size(); ++i) {
        dropped += (dropped.empty() ? "" : ", ") + existing[i].name;
      }
      plan_.notes.push_back(spec.name + ": " + std::to_string(existing.size()) +
                            " existing racks on " + std::to_string(spec.positions) +
                            " positions; the devices of " + dropped + " move");
      existing.resize(static_cast<std::size_t>(std::max(0, spec.positions)));
    }
    for (const ExistingRack& r : existing) {
      RackState rack(static_cast<int>(h), r.name, false, r.u, spec.rack_pdu_u, spec.rack_power_kw,
                     in_.margin);
      rack.slot = ++halls_[h].racks;
      racks_.push_back(std::move(rack));
    }
  }
}

void Planner::CollectKeepCandidates() {
  candidate_rack_.assign(in_.devices.size(), -1);
  std::map<std::tuple<std::string, std::string, std::string, std::string>, int> rack_index;
  for (std::size_t r = 0; r < racks_.size(); ++r) {
    const HallSpec& spec = *halls_[racks_[r].hall].spec;
    if (!spec.Stays()) continue;
    rack_index[{spec.from_org, spec.from_site, spec.from_hall, racks_[r].name}] =
        static_cast<int>(r);
  }
  std::vector<std::size_t> order;
  for (std::size_t d = 0; d < in_.devices.size(); ++d) {
    const HallDevice& dev = Dev(d);
    auto it = rack_index.find({dev.org, dev.site, dev.hall, dev.rack});
    if (it == rack_index.end() || (!dev.position && dev.u_height > 0)) {
      CannotKeep(d);
      continue;
    }
    const RackState& rack = racks_[it->second];
    if (!SideAllows(sides_[d], halls_[rack.hall].spec->role)) {
      CannotKeep(d);
      continue;
    }
    candidate_rack_[d] = it->second;
    if (!Forced(d)) any_candidates_[rack.hall] = true;
    order.push_back(d);
  }
  // Lowest position first; a device overlapping one already blocked, or reaching past the top
  // of its rack, moves.
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return std::tie(candidate_rack_[a], *Dev(a).position, Dev(a).name) <
           std::tie(candidate_rack_[b], *Dev(b).position, Dev(b).name);
  });
  for (std::size_t d : order) {
    RackState& rack = racks_[candidate_rack_[d]];
    const HallDevice& dev = Dev(d);
    const int position = dev.u_height > 0 ? dev.position.value_or(0) : 0;
    if (dev.u_height > 0 && !rack.Free(position, dev.u_height)) {
      candidate_rack_[d] = -1;
      CannotKeep(d);
      continue;
    }
    rack.Mark(position, dev.u_height, kBlocked);
  }
}

void Planner::CannotKeep(std::size_t d) {
  if (!Pinned(d)) {
    pool_.push_back(d);
    return;
  }
  plan_.stays.push_back(Dev(d));
  done_[d] = true;
}

void Planner::KeepPass(const std::function<bool(std::size_t d, int hall)>& which) {
  for (std::size_t d = 0; d < in_.devices.size(); ++d) {
    if (candidate_rack_[d] < 0 || !which(d, racks_[candidate_rack_[d]].hall)) continue;
    RackState& rack = racks_[candidate_rack_[d]];
    HallState& hall = halls_[rack.hall];
    const HallDevice& dev = Dev(d);
    const int position = dev.u_height > 0 ? *dev.position : 0;
    rack.Mark(position, dev.u_height, kFree);
    candidate_rack_[d] = -1;
    if (Pinned(d) ||
        (rack.TakesKw(dev.kw) && (in_.kept == KeptDevices::kAsToday || hall.Takes(dev.kw)))) {
      Place(rack, d, position, true);
    } else {
      pool_.push_back(d);
    }
  }
}

void Planner::Place(RackState& rack, std::size_t d, int position, bool kept) {
  const HallDevice& dev = Dev(d);
  rack.Mark(position, dev.u_height, kOccupied);
  rack.kw += dev.kw;
  if (!dev.pdu) ++rack.non_pdu;
  rack.placed.push_back({d, position, kept});
  halls_[rack.hall].kw += dev.kw;
  done_[d] = true;
}

bool Planner::PlaceInOpenRack(std::size_t d) {
  const HallDevice& dev = Dev(d);
  for (RackState& rack : racks_) {
    if (!SideAllows(sides_[d], halls_[rack.hall].spec->role)) continue;
    if (!rack.TakesKw(dev.kw) || !halls_[rack.hall].Takes(dev.kw)) continue;
    std::optional<int> position = rack.Find(dev.u_height, dev.pdu);
    if (!position) continue;
    Place(rack, d, *position, false);
    return true;
  }
  return false;
}

bool Planner::OpenRackFor(std::size_t d) {
  const HallDevice& dev = Dev(d);
  int best = -1;
  for (std::size_t h = 0; h < halls_.size(); ++h) {
    const HallState& hall = halls_[h];
    const HallSpec& spec = *hall.spec;
    if (!SideAllows(sides_[d], spec.role) || hall.racks >= spec.positions) continue;
    if (!hall.Takes(dev.kw) || dev.kw > spec.rack_power_kw * in_.margin + kEpsilon) continue;
    if (dev.u_height > spec.rack_u - std::min(spec.rack_pdu_u, spec.rack_u)) continue;
    // The hall with the most power (and cooling) left takes the new rack; ties: scenario order.
    if (best < 0 || hall.Left() > halls_[best].Left() + kEpsilon) best = static_cast<int>(h);
  }
  if (best < 0) return false;
  HallState& hall = halls_[best];
  const HallSpec& spec = *hall.spec;
  std::string name;
  for (int n = hall.new_racks + 1;; ++n) {
    char text[16];
    std::snprintf(text, sizeof text, "-N%02d", n);
    name = spec.name + text;
    bool taken = false;
    for (const RackState& r : racks_) taken = taken || (r.hall == best && r.name == name);
    if (!taken) break;
  }
  RackState rack(best, name, true, spec.rack_u, spec.rack_pdu_u, spec.rack_power_kw, in_.margin);
  rack.slot = ++hall.racks;
  ++hall.new_racks;
  racks_.push_back(std::move(rack));
  RackState& placed = racks_.back();
  Place(placed, d, placed.Find(dev.u_height, false).value_or(0), false);
  return true;
}

void Planner::PlacePool(bool forced) {
  std::vector<std::size_t> items;
  for (std::size_t d : pool_) {
    if (!done_[d] && !Dev(d).pdu && Forced(d) == forced) items.push_back(d);
  }
  // First-fit decreasing by the larger of the device's share of a rack's height and power.
  double ref_u = 1, ref_kw = 0;
  for (const HallSpec& h : in_.halls) {
    ref_u = std::max(ref_u, static_cast<double>(h.rack_u - std::min(h.rack_pdu_u, h.rack_u)));
    ref_kw = std::max(ref_kw, h.rack_power_kw);
  }
  if (ref_kw <= 0) ref_kw = 1;
  auto size = [&](std::size_t d) { return std::max(Dev(d).u_height / ref_u, Dev(d).kw / ref_kw); };
  std::stable_sort(items.begin(), items.end(), [&](std::size_t a, std::size_t b) {
    const double sa = size(a), sb = size(b);
    if (std::abs(sa - sb) > kEpsilon) return sa > sb;
    return std::tie(Dev(a).org, Dev(a).name) < std::tie(Dev(b).org, Dev(b).name);
  });
  for (std::size_t d : items) {
    if (PlaceInOpenRack(d) || OpenRackFor(d)) continue;
    plan_.unplaced.push_back(ExplainUnplaced(in_, halls_, racks_, d, sides_[d]));
    done_[d] = true;
  }
}

void Planner::PlacePdus() {
  std::vector<std::size_t> items;
  for (std::size_t d : pool_) {
    if (!done_[d] && Dev(d).pdu) items.push_back(d);
  }
  std::sort(items.begin(), items.end(), [&](std::size_t a, std::size_t b) {
    return std::tie(Dev(a).org, Dev(a).name) < std::tie(Dev(b).org, Dev(b).name);
  });
  // New racks first: they have no PDUs yet; then existing racks with a free PDU zone.
  std::vector<std::size_t> order(racks_.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_partition(order.begin(), order.end(),
                        [&](std::size_t r) { return racks_[r].is_new; });
  for (std::size_t d : items) {
    bool placed = false;
    for (std::size_t r : order) {
      RackState& rack = racks_[r];
      if (rack.non_pdu == 0 || !rack.TakesKw(Dev(d).kw) || !halls_[rack.hall].Takes(Dev(d).kw)) {
        continue;
      }
      if (auto position = rack.Find(Dev(d).u_height, true)) {
        Place(rack, d, *position, false);
        placed = true;
        break;
      }
    }
    if (!placed) {
      Unplaced& spare = plan_.unplaced.emplace_back();
      spare.device = d;
      spare.limit = Limit::kSparePdu;
      spare.reason = "spare PDU: the PDU zone of every rack in use is full";
      done_[d] = true;
    }
  }
}

void Planner::Finish() {
  for (std::size_t h = 0; h < halls_.size(); ++h) {
    const HallSpec& spec = *halls_[h].spec;
    PlannedHall out;
    out.name = spec.name;
    out.role = spec.role;
    out.from = spec.From();
    out.positions = spec.positions;
    out.power_kw = spec.power_kw;
    out.cooling_kw = spec.cooling_kw;
    out.rack_u = spec.rack_u;
    out.rack_power_kw = spec.rack_power_kw;
    for (RackState& r : racks_) {
      if (r.hall != static_cast<int>(h)) continue;
      PlannedRack rack;
      rack.name = r.name;
      rack.is_new = r.is_new;
      rack.slot = r.slot;
      rack.u = r.u;
      rack.u_reserved = std::min(r.reserved, r.u);
      rack.kw_budget = r.budget;
      rack.devices = std::move(r.placed);
      std::sort(rack.devices.begin(), rack.devices.end(),
                [&](const Placement& a, const Placement& b) {
                  return std::tie(a.position, Dev(a.device).name) <
                         std::tie(b.position, Dev(b.device).name);
                });
      int pdu_u = 0;
      for (const Placement& p : rack.devices) {
        rack.u_used += Dev(p.device).u_height;
        rack.kw_used += Dev(p.device).kw;
        if (Dev(p.device).pdu) pdu_u += Dev(p.device).u_height;
      }
      if (r.non_pdu > 0) ++plan_.racks_used;
      if (r.is_new) out.pdus_missing += std::max(0, rack.u_reserved - pdu_u);
      out.power_kw_used += rack.kw_used;
      out.racks.push_back(std::move(rack));
    }
    std::sort(out.racks.begin(), out.racks.end(),
              [](const PlannedRack& a, const PlannedRack& b) { return a.slot < b.slot; });
    out.positions_used = static_cast<int>(out.racks.size());
    out.cooling_kw_used = out.power_kw_used;
    out.new_racks = halls_[h].new_racks;
    plan_.new_racks += out.new_racks;
    plan_.pdus_missing += out.pdus_missing;
    plan_.halls.push_back(std::move(out));
  }
  std::sort(plan_.unplaced.begin(), plan_.unplaced.end(),
            [&](const Unplaced& a, const Unplaced& b) {
              return std::tie(Dev(a.device).org, Dev(a.device).name) <
                     std::tie(Dev(b.device).org, Dev(b.device).name);
            });
  std::vector<std::size_t> all(in_.devices.size());
  std::iota(all.begin(), all.end(), 0);
  plan_.lower_bound = LowerBoundRacks(in_, all);
}

// Devices in a staying hall keep their place first; then the devices the redundancy rule sends
// to a side are placed, then the rest. When a device bound to a side finds no room in that
// side's halls, the devices of any side kept there yield to it: they are kept only after the
// bound devices are placed, and move when that leaves no room. Halls yield one round at a time.
void Planner::Attempt(const std::vector<bool>& yielding) {
  plan_ = HallPlan{};
  plan_.devices = in_.devices;
  plan_.retired = in_.retired;
  plan_.stays = in_.stays;
  plan_.today = in_.today;
  plan_.margin = in_.margin;
  plan_.notes = in_.notes;
  plan_.sides = sides_;
  halls_.clear();
  racks_.clear();
  pool_.clear();
  done_.assign(in_.devices.size(), false);
  any_candidates_.assign(in_.halls.size(), false);
  if (in_.redundancy == RedundancyRule::kSplit) {
    bool primary = false, secondary = false;
    for (const HallSpec& h : in_.halls) {
      (h.role == HallRole::kPrimary ? primary : secondary) = true;
    }
    if (!in_.halls.empty() && !(primary && secondary)) {
      plan_.notes.push_back(
          "redundancy: split needs a primary and a secondary hall; redundancy groups are not "
          "split");
    }
  }
  BuildRacks();
  CollectKeepCandidates();
  KeepPass([&](std::size_t d, int) { return Forced(d) || Pinned(d); });
  KeepPass([&](std::size_t, int hall) { return !yielding[hall]; });
  PlacePool(true);
  KeepPass([&](std::size_t, int) { return true; });
  PlacePool(false);
  PlacePdus();
  Finish();
}

HallPlan Planner::Run() {
  sides_ = AssignSides(in_);
  std::vector<bool> yielding(in_.halls.size(), false);
  for (;;) {
    Attempt(yielding);
    bool more = false;
    for (const Unplaced& u : plan_.unplaced) {
      if (!Forced(u.device) || (u.limit != Limit::kHallPositions && u.limit != Limit::kHallPower &&
                                u.limit != Limit::kHallCooling)) {
        continue;
      }
      for (std::size_t h = 0; h < in_.halls.size(); ++h) {
        if (!yielding[h] && any_candidates_[h] && SideAllows(sides_[u.device], in_.halls[h].role)) {
          yielding[h] = true;
          more = true;
        }
      }
    }
    if (!more) break;
  }
  for (std::size_t h = 0; h < in_.halls.size(); ++h) {
    if (yielding[h]) {
      plan_.notes.push_back(in_.halls[h].name +
                            ": devices that may go to either side yield their places there to "
                            "devices the redundancy rule sends there");
    }
  }
  return std::move(plan_);
}

}  // namespace

HallPlan PlanHalls(const HallPlanInput& input) { return Planner(input).Run(); }

}  // namespace samdrift::planners
