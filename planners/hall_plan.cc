#include "planners/hall_plan.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <numeric>
#include <tuple>

#include "core/text.h"
#include "planners/hall_rack.h"

namespace samdrift::planners {
namespace {

bool SideAllows(Side side, HallRole role) {
  switch (side) {
    case Side::kAny:
      return true;
    case Side::kPrimary:
      return role == HallRole::kPrimary;
    case Side::kSecondary:
      return role == HallRole::kSecondary;
  }
  return true;
}

std::string Kw(double kw) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f", kw);
  return text;
}

// " at the design margin of 80 %" when the plan fills less than the whole capacity.
std::string MarginText(double margin) {
  if (margin >= 1.0 - kEpsilon) return "";
  return " at the design margin of " + std::to_string(static_cast<int>(std::lround(margin * 100))) +
         " %";
}

struct HallState {
  const HallSpec* spec = nullptr;
  double margin = 1.0;  // the share of power and cooling the plan fills
  double kw = 0;
  int racks = 0;  // positions used
  int new_racks = 0;

  double Power() const { return spec->power_kw * margin; }
  double Cooling() const { return spec->cooling_kw * margin; }
  double Left() const { return std::min(Power(), Cooling()) - kw; }
  bool Takes(double add) const {
    return kw + add <= Power() + kEpsilon && kw + add <= Cooling() + kEpsilon;
  }
};

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
  Unplaced Explain(std::size_t d) const;
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
    plan_.unplaced.push_back(Explain(d));
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

Unplaced Planner::Explain(std::size_t d) const {
  const HallDevice& dev = Dev(d);
  const Side side = sides_[d];
  std::string need = std::to_string(dev.u_height) + " U, " + Kw(dev.kw) + " kW";
  std::vector<const HallState*> eligible;
  for (const HallState& h : halls_) {
    if (SideAllows(side, h.spec->role)) eligible.push_back(&h);
  }
  if (eligible.empty()) {
    std::string why =
        side == Side::kPrimary ? "must go to a primary hall" : "must go to a secondary hall";
    if (side == Side::kSecondary || !dev.redundancy_group.empty()) {
      why += " (redundancy: split, group '" + dev.redundancy_group + "')";
    } else if (dev.critical) {
      why += " (critical without a redundant partner)";
    }
    if (in_.halls.empty())
      why = "the scenario has no target halls";
    else
      why += ", but the scenario has none";
    Unplaced out;
    out.device = d;
    out.limit = Limit::kNoHall;
    out.reason = std::move(why);
    return out;
  }
  Unplaced out;
  out.device = d;
  for (const HallState* h : eligible) {
    const HallSpec& s = *h->spec;
    if (s.positions > 0) {
      out.max_u = std::max(out.max_u, s.rack_u - std::min(s.rack_pdu_u, s.rack_u));
    }
    for (const RackState& r : racks_) {
      if (halls_.data() + r.hall == h) {
        out.max_u = std::max(out.max_u, r.u - std::min(r.reserved, r.u));
      }
    }
    out.max_kw = std::max(out.max_kw, s.rack_power_kw * in_.margin);
    out.halls.push_back(s.name);
  }
  if (dev.u_height > out.max_u) {
    out.reason = "is " + std::to_string(dev.u_height) +
                 " U, taller than any rack's usable height in " + core::Join(out.halls, ", ") +
                 " (" + std::to_string(out.max_u) + " U)";
    return out;
  }
  if (dev.kw > out.max_kw + kEpsilon) {
    out.limit = Limit::kRackPower;
    out.reason = "draws " + Kw(dev.kw) + " kW, more than a rack's power budget in " +
                 core::Join(out.halls, ", ") + " (" + Kw(out.max_kw) + " kW" +
                 MarginText(in_.margin) + ")";
    return out;
  }
  out.reason = "needs " + need + ":";
  for (const HallState* h : eligible) {
    HallShortfall& lack = out.shortfalls.emplace_back();
    lack.hall = h->spec->name;
    lack.positions = h->spec->positions;
    std::string text;
    if (h->kw + dev.kw > h->Power() + kEpsilon) {
      lack.limit = Limit::kHallPower;
      lack.left_kw = h->Power() - h->kw;
      lack.kw = h->Power();
      text =
          "power " + Kw(lack.left_kw) + " of " + Kw(lack.kw) + " kW left" + MarginText(in_.margin);
    } else if (h->kw + dev.kw > h->Cooling() + kEpsilon) {
      lack.limit = Limit::kHallCooling;
      lack.left_kw = h->Cooling() - h->kw;
      lack.kw = h->Cooling();
      text = "cooling " + Kw(lack.left_kw) + " of " + Kw(lack.kw) + " kW left" +
             MarginText(in_.margin);
    } else {
      text = "all " + std::to_string(lack.positions) + " positions used, no rack with room";
    }
    out.reason += " " + lack.hall + ": " + text + ";";
  }
  out.limit = out.shortfalls.front().limit;
  out.reason.pop_back();
  return out;
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

std::string HallSpec::From() const {
  return Stays() ? from_org + "/" + from_site + "/" + from_hall : std::string();
}

std::string_view ToString(Limit limit) {
  switch (limit) {
    case Limit::kRackU:
      return "rack_u";
    case Limit::kRackPower:
      return "rack_kw";
    case Limit::kHallPositions:
      return "hall_positions";
    case Limit::kHallPower:
      return "hall_kw";
    case Limit::kHallCooling:
      return "hall_cooling";
    case Limit::kNoHall:
      return "no_hall";
    case Limit::kSparePdu:
      return "spare_pdu";
  }
  return "";
}

std::string_view ToString(Side side) {
  switch (side) {
    case Side::kAny:
      return "any";
    case Side::kPrimary:
      return "primary";
    case Side::kSecondary:
      return "secondary";
  }
  return "";
}

bool HallPlan::Feasible() const {
  return std::all_of(unplaced.begin(), unplaced.end(),
                     [](const Unplaced& u) { return u.limit == Limit::kSparePdu; });
}

HallPlan PlanHalls(const HallPlanInput& input) { return Planner(input).Run(); }

std::vector<std::string> PastMargin(const PlannedHall& hall, double margin) {
  std::vector<std::string> past;
  auto check = [&](double used, double capacity, const char* what) {
    if (used > capacity * margin + kEpsilon && used <= capacity + kEpsilon) past.push_back(what);
  };
  check(hall.power_kw_used, hall.power_kw, "power");
  check(hall.cooling_kw_used, hall.cooling_kw, "cooling");
  return past;
}

bool PastMargin(const PlannedRack& rack, double margin) {
  return rack.kw_used > rack.kw_budget * margin + kEpsilon;
}

std::vector<std::string> HallOver(const PlannedHall& hall) {
  std::vector<std::string> over;
  if (hall.positions_used > hall.positions) over.push_back("positions");
  if (hall.power_kw_used > hall.power_kw + kEpsilon) over.push_back("power");
  if (hall.cooling_kw_used > hall.cooling_kw + kEpsilon) over.push_back("cooling");
  return over;
}

void ReportUnplaced(const HallPlan& plan, const std::string& source,
                    core::Diagnostics& diagnostics) {
  for (const Unplaced& u : plan.unplaced) {
    if (u.limit == Limit::kSparePdu) continue;
    const HallDevice& d = plan.devices[u.device];
    diagnostics.Warning({source, 0, 0}, "HAL010",
                        "device '" + d.name + "' of " + d.org + " not placed (" +
                            std::string(ToString(u.limit)) + "): " + u.reason);
  }
}

std::vector<DevicePlacement> DevicePlacements(const HallPlan& plan) {
  std::vector<DevicePlacement> out;
  for (const PlannedHall& hall : plan.halls) {
    for (const PlannedRack& rack : hall.racks) {
      for (const Placement& p : rack.devices) {
        const HallDevice& dev = plan.devices[p.device];
        std::string from;
        if (!dev.hall.empty())
          from = dev.site + "/" + dev.hall + (dev.rack.empty() ? "" : "/" + dev.rack);
        out.push_back({dev.org, dev.name, hall.name, rack.name, p.position, p.kept, rack.is_new,
                       std::move(from)});
      }
    }
  }
  std::sort(out.begin(), out.end(), [](const DevicePlacement& a, const DevicePlacement& b) {
    return std::tie(a.org, a.asset) < std::tie(b.org, b.asset);
  });
  return out;
}

}  // namespace samdrift::planners
