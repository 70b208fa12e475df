// The redundancy rule (which side each device must go to) and the lower bound on racks.
#include <algorithm>
#include <cmath>
#include <map>
#include <utility>

#include "planners/hall_plan.h"
#include "planners/hall_rack.h"

namespace samdrift::planners {
namespace {

using GroupKey = std::pair<std::string, std::string>;  // (org, redundancy group)

// Members of each redundancy group among `devices` (PDUs never count).
std::map<GroupKey, std::vector<std::size_t>> Groups(const HallPlanInput& input,
                                                    const std::vector<std::size_t>& devices) {
  std::map<GroupKey, std::vector<std::size_t>> groups;
  for (std::size_t d : devices) {
    const HallDevice& dev = input.devices[d];
    // Site-bound devices stay at their site: no side of a split takes them.
    if (dev.pdu || dev.redundancy_group.empty() || !dev.site_bound.empty()) continue;
    groups[{dev.org, dev.redundancy_group}].push_back(d);
  }
  return groups;
}

bool HasRole(const HallPlanInput& input, HallRole role) {
  return std::any_of(input.halls.begin(), input.halls.end(),
                     [&](const HallSpec& h) { return h.role == role; });
}

// Smallest whole number >= value, forgiving rounding noise.
int CeilDiv(double value, double capacity) {
  if (value <= kEpsilon || capacity <= 0) return 0;
  return static_cast<int>(std::ceil(value / capacity - 1e-9));
}

// The fewest racks for a load `total` split in two, at least `fp` on the primary side (racks of
// capacity `cp`) and at least `fs` on the secondary side (capacity `cs`). The count is piecewise
// constant in the primary share x; its minimum lies at an end of the range or where x or
// total - x is a whole number of racks.
int MinSplit(double total, double fp, double fs, double cp, double cs) {
  auto racks = [&](double x) { return CeilDiv(x, cp) + CeilDiv(total - x, cs); };
  const double lo = fp, hi = total - fs;
  int best = std::min(racks(lo), racks(std::max(lo, hi)));
  constexpr int kMaxSteps = 1000000;  // a rack holds at least 1 U or 1 W: plenty
  int steps = 0;
  for (double x = std::ceil(lo / cp - 1e-9) * cp; x <= hi + kEpsilon && steps < kMaxSteps;
       x += cp, ++steps) {
    best = std::min(best, racks(x));
  }
  for (double m = std::ceil(fs / cs - 1e-9); total - m * cs >= lo - kEpsilon && steps < kMaxSteps;
       ++m, ++steps) {
    if (total - m * cs <= hi + kEpsilon) best = std::min(best, racks(total - m * cs));
  }
  // Not every candidate was tried: fall back to a count that is surely no higher.
  if (steps >= kMaxSteps) best = std::min(best, CeilDiv(total, std::max(cp, cs)));
  return best;
}

// The most a rack of this hall can hold, in units and kW.
int RackUnits(const HallSpec& h) {
  int units = h.positions > 0 ? h.rack_u - std::min(h.rack_pdu_u, h.rack_u) : 0;
  // Kept devices may sit anywhere in an existing rack, its PDU zone included.
  for (const ExistingRack& r : h.racks) units = std::max(units, r.u);
  return units;
}

}  // namespace

std::vector<Side> AssignSides(const HallPlanInput& input) {
  std::vector<Side> sides(input.devices.size(), Side::kAny);
  if (input.redundancy != RedundancyRule::kSplit) return sides;
  const bool primary = HasRole(input, HallRole::kPrimary);
  const bool secondary = HasRole(input, HallRole::kSecondary);

  // The side of the staying hall a device is in now, if any.
  auto preferred = [&](const HallDevice& dev) -> Side {
    for (const HallSpec& h : input.halls) {
      if (h.Stays() && h.from_org == dev.org && h.from_site == dev.site &&
          h.from_hall == dev.hall) {
        return h.role == HallRole::kPrimary ? Side::kPrimary : Side::kSecondary;
      }
    }
    return Side::kAny;
  };

  std::vector<std::size_t> all(input.devices.size());
  for (std::size_t d = 0; d < all.size(); ++d) all[d] = d;
  const auto groups = Groups(input, all);
  auto by_name = [&](std::size_t a, std::size_t b) {
    return input.devices[a].name < input.devices[b].name;
  };
  if (primary && secondary) {
    for (const auto& [key, members] : groups) {
      if (members.size() < 2) continue;
      const int n = static_cast<int>(members.size());
      std::vector<std::size_t> want_p, want_s, free;
      for (std::size_t d : members) {
        const Side s = preferred(input.devices[d]);
        (s == Side::kPrimary ? want_p : s == Side::kSecondary ? want_s : free).push_back(d);
      }
      int quota_p = n - n / 2, quota_s = n / 2;
      if (n % 2 == 1 && want_s.size() > want_p.size()) std::swap(quota_p, quota_s);
      double kw_p = 0, kw_s = 0;
      auto give = [&](std::size_t d, Side s) {
        sides[d] = s;
        (s == Side::kPrimary ? kw_p : kw_s) += input.devices[d].kw;
        --(s == Side::kPrimary ? quota_p : quota_s);
      };
      std::sort(want_p.begin(), want_p.end(), by_name);
      std::sort(want_s.begin(), want_s.end(), by_name);
      for (std::size_t d : want_p) quota_p > 0 ? give(d, Side::kPrimary) : free.push_back(d);
      for (std::size_t d : want_s) quota_s > 0 ? give(d, Side::kSecondary) : free.push_back(d);
      // The rest, heaviest first, to the side with room and the lighter load so far.
      std::sort(free.begin(), free.end(), [&](std::size_t a, std::size_t b) {
        if (input.devices[a].kw != input.devices[b].kw) {
          return input.devices[a].kw > input.devices[b].kw;
        }
        return input.devices[a].name < input.devices[b].name;
      });
      for (std::size_t d : free) {
        if (quota_s == 0 || (quota_p > 0 && kw_p <= kw_s)) {
          give(d, Side::kPrimary);
        } else {
          give(d, Side::kSecondary);
        }
      }
    }
  }
  if (primary) {
    for (std::size_t d = 0; d < input.devices.size(); ++d) {
      const HallDevice& dev = input.devices[d];
      if (!dev.critical || dev.pdu || !dev.site_bound.empty()) continue;
      auto it = dev.redundancy_group.empty() ? groups.end()
                                             : groups.find({dev.org, dev.redundancy_group});
      if (it == groups.end() || it->second.size() < 2) sides[d] = Side::kPrimary;
    }
  }
  return sides;
}

RackBound LowerBoundRacks(const HallPlanInput& input, const std::vector<std::size_t>& devices) {
  RackBound bound;
  int units = 0, units_p = 0, units_s = 0;
  double kw = 0, kw_p = 0, kw_s = 0;
  for (const HallSpec& h : input.halls) {
    const int u = RackUnits(h);
    const double rack_kw = h.rack_power_kw * input.margin;  // what the plan fills of a rack
    units = std::max(units, u);
    kw = std::max(kw, rack_kw);
    if (h.role == HallRole::kPrimary) {
      units_p = std::max(units_p, u);
      kw_p = std::max(kw_p, rack_kw);
    } else {
      units_s = std::max(units_s, u);
      kw_s = std::max(kw_s, rack_kw);
    }
  }
  // Devices that fit some rack, PDUs left out (they live in the PDU zones).
  std::vector<std::size_t> counted;
  double total_u = 0, total_kw = 0;
  for (std::size_t d : devices) {
    const HallDevice& dev = input.devices[d];
    if (dev.pdu || dev.u_height > units || dev.kw > kw + kEpsilon) continue;
    counted.push_back(d);
    total_u += std::max(0, dev.u_height);
    total_kw += dev.kw;
  }
  // Devices over half a rack never share one, so each needs its own.
  int big_u = 0, big_kw = 0;
  for (std::size_t d : counted) {
    big_u += 2 * input.devices[d].u_height > units ? 1 : 0;
    big_kw += 2 * input.devices[d].kw > kw + kEpsilon ? 1 : 0;
  }
  bound.by_u = std::max(CeilDiv(total_u, units), big_u);
  bound.by_kw = std::max(CeilDiv(total_kw, kw), big_kw);

  const bool split = input.redundancy == RedundancyRule::kSplit &&
                     HasRole(input, HallRole::kPrimary) && HasRole(input, HallRole::kSecondary);
  if (split && units_p > 0 && units_s > 0 && kw_p > 0 && kw_s > 0) {
    // Any plan puts at least floor(n/2) members of a group of n on each side (at least the
    // lightest ones) and every critical device without a partner on the primary side.
    const auto groups = Groups(input, counted);
    double fp_u = 0, fs_u = 0, fp_kw = 0, fs_kw = 0;
    for (const auto& [key, members] : groups) {
      if (members.size() < 2) continue;
      std::vector<double> us, kws;
      for (std::size_t d : members) {
        us.push_back(std::max(0, input.devices[d].u_height));
        kws.push_back(input.devices[d].kw);
      }
      std::sort(us.begin(), us.end());
      std::sort(kws.begin(), kws.end());
      for (std::size_t i = 0; i < members.size() / 2; ++i) {
        fp_u += us[i];
        fs_u += us[i];
        fp_kw += kws[i];
        fs_kw += kws[i];
      }
    }
    for (std::size_t d : counted) {
      const HallDevice& dev = input.devices[d];
      if (!dev.critical || !dev.site_bound.empty()) continue;
      auto it = dev.redundancy_group.empty() ? groups.end()
                                             : groups.find({dev.org, dev.redundancy_group});
      if (it != groups.end() && it->second.size() >= 2) continue;
      fp_u += std::max(0, dev.u_height);
      fp_kw += dev.kw;
    }
    bound.by_split = std::max(MinSplit(total_u, fp_u, fs_u, units_p, units_s),
                              MinSplit(total_kw, fp_kw, fs_kw, kw_p, kw_s));
  }
  bound.value = std::max({bound.by_u, bound.by_kw, bound.by_split});
  return bound;
}

}  // namespace samdrift::planners
