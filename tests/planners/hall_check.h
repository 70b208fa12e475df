// Checks every rule of issue 7 on a hall plan; used by the property tests and the golden tests.
#ifndef SAMDRIFT_TESTS_PLANNERS_HALL_CHECK_H_
#define SAMDRIFT_TESTS_PLANNERS_HALL_CHECK_H_

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "planners/hall_plan.h"

namespace samdrift::testing {

// Returns the rules the plan breaks, one line each; empty when it keeps them all.
inline std::vector<std::string> BrokenRules(const planners::HallPlanInput& input,
                                            const planners::HallPlan& plan) {
  using planners::HallRole;
  using planners::Side;
  constexpr double kEps = 1e-6;
  std::vector<std::string> broken;
  auto fail = [&](std::string what) { broken.push_back(std::move(what)); };
  const auto& devices = input.devices;
  if (plan.devices.size() != devices.size()) fail("plan.devices differs from the input");

  // Nothing dropped, nothing twice.
  std::vector<int> seen(devices.size(), 0);
  std::vector<const planners::PlannedHall*> hall_of(devices.size(), nullptr);
  for (const auto& hall : plan.halls) {
    for (const auto& rack : hall.racks) {
      for (const auto& p : rack.devices) {
        if (p.device >= devices.size()) {
          fail("placement of a device index out of range");
          continue;
        }
        ++seen[p.device];
        hall_of[p.device] = &hall;
      }
    }
  }
  for (const auto& u : plan.unplaced) {
    if (u.device >= devices.size()) {
      fail("unplaced device index out of range");
      continue;
    }
    ++seen[u.device];
    if (u.reason.empty()) fail(devices[u.device].name + ": unplaced without a reason");
    if (u.limit == planners::Limit::kSparePdu && !devices[u.device].pdu) {
      fail(devices[u.device].name + ": a spare PDU that is not a PDU");
    }
  }
  for (std::size_t d = 0; d < devices.size(); ++d) {
    if (seen[d] != 1) {
      fail(devices[d].name + ": placed or listed " + std::to_string(seen[d]) + " times");
    }
  }

  // Halls and racks within their limits.
  std::map<std::string, const planners::HallSpec*> specs;
  for (const auto& h : input.halls) specs[h.name] = &h;
  int racks_used = 0, new_racks = 0;
  for (const auto& hall : plan.halls) {
    const planners::HallSpec* spec = specs.count(hall.name) ? specs[hall.name] : nullptr;
    if (!spec) {
      fail(hall.name + ": not a hall of the input");
      continue;
    }
    if (hall.positions_used != static_cast<int>(hall.racks.size())) {
      fail(hall.name + ": positions_used is not the number of racks");
    }
    if (hall.positions_used > spec->positions) fail(hall.name + ": over its positions");
    double kw = 0;
    std::vector<int> slots;
    int hall_new = 0;
    for (const auto& rack : hall.racks) {
      slots.push_back(rack.slot);
      if (rack.is_new) ++hall_new;
      if (rack.kw_budget != spec->rack_power_kw) fail(rack.name + ": budget is not the hall's");
      if (rack.is_new && rack.u != spec->rack_u) fail(rack.name + ": new rack of another height");
      std::vector<int> units(static_cast<std::size_t>(rack.u) + 1, 0);
      double rack_kw = 0;
      int u_used = 0, non_pdu = 0;
      for (const auto& p : rack.devices) {
        const auto& dev = devices[p.device];
        rack_kw += dev.kw;
        u_used += dev.u_height;
        if (!dev.pdu) ++non_pdu;
        if (dev.u_height > 0) {
          if (p.position < 1 || p.position + dev.u_height - 1 > rack.u) {
            fail(dev.name + ": outside rack " + rack.name);
            continue;
          }
          for (int i = p.position; i < p.position + dev.u_height; ++i) {
            if (units[static_cast<std::size_t>(i)]++) {
              fail(dev.name + ": overlaps at U" + std::to_string(i) + " in " + rack.name);
            }
          }
          if (!p.kept && !dev.pdu && p.position <= rack.u_reserved) {
            fail(dev.name + ": moved into the PDU zone of " + rack.name);
          }
          if (!p.kept && dev.pdu && rack.u_reserved > 0 &&
              p.position + dev.u_height - 1 > rack.u_reserved) {
            fail(dev.name + ": a PDU above the PDU zone of " + rack.name);
          }
        }
        if (p.kept) {
          if (!spec->Stays() || dev.org != spec->from_org || dev.site != spec->from_site ||
              dev.hall != spec->from_hall || dev.rack != rack.name ||
              (dev.u_height > 0 && dev.position != p.position)) {
            fail(dev.name + ": kept but not where it was");
          }
        }
      }
      if (rack_kw > rack.kw_budget + kEps) fail(rack.name + ": over its power budget");
      if (std::abs(rack_kw - rack.kw_used) > kEps) fail(rack.name + ": kw_used is wrong");
      if (u_used != rack.u_used) fail(rack.name + ": u_used is wrong");
      if (non_pdu > 0) ++racks_used;
      kw += rack_kw;
    }
    std::sort(slots.begin(), slots.end());
    for (std::size_t i = 0; i < slots.size(); ++i) {
      if (slots[i] != static_cast<int>(i) + 1) fail(hall.name + ": floor slots not 1..n");
    }
    if (hall_new != hall.new_racks) fail(hall.name + ": new_racks is wrong");
    new_racks += hall_new;
    if (std::abs(kw - hall.power_kw_used) > kEps) fail(hall.name + ": power_kw_used is wrong");
    if (kw > spec->power_kw + kEps) fail(hall.name + ": over its power");
    if (hall.cooling_kw_used > spec->cooling_kw + kEps) fail(hall.name + ": over its cooling");
  }
  if (racks_used != plan.racks_used) fail("racks_used is wrong");
  if (new_racks != plan.new_racks) fail("new_racks is wrong");

  // Redundancy: split, and criticals without a partner in a primary hall.
  bool has_primary = false, has_secondary = false;
  for (const auto& h : input.halls)
    (h.role == HallRole::kPrimary ? has_primary : has_secondary) = true;
  const bool split = input.redundancy == planners::RedundancyRule::kSplit;
  std::map<std::pair<std::string, std::string>, std::vector<std::size_t>> groups;
  for (std::size_t d = 0; d < devices.size(); ++d) {
    if (!devices[d].pdu && !devices[d].redundancy_group.empty()) {
      groups[{devices[d].org, devices[d].redundancy_group}].push_back(d);
    }
  }
  if (split && has_primary && has_secondary) {
    for (const auto& [key, members] : groups) {
      if (members.size() < 2) continue;
      const int n = static_cast<int>(members.size());
      int p = 0, s = 0, placed = 0;
      for (std::size_t d : members) {
        if (!hall_of[d]) continue;
        ++placed;
        (hall_of[d]->role == HallRole::kPrimary ? p : s)++;
      }
      if (p > n - n / 2 || s > n - n / 2) {
        fail("group " + key.second + ": " + std::to_string(p) + " primary / " + std::to_string(s) +
             " secondary of " + std::to_string(n));
      }
      if (placed == n && std::abs(p - s) > 1) fail("group " + key.second + ": not split");
    }
  }
  if (split && has_primary) {
    for (std::size_t d = 0; d < devices.size(); ++d) {
      const auto& dev = devices[d];
      if (!dev.critical || dev.pdu || !hall_of[d]) continue;
      auto it = groups.find({dev.org, dev.redundancy_group});
      if (!dev.redundancy_group.empty() && it != groups.end() && it->second.size() >= 2) continue;
      if (hall_of[d]->role != HallRole::kPrimary) {
        fail(dev.name + ": critical without a partner outside the primary side");
      }
    }
  }
  for (std::size_t d = 0; d < devices.size() && d < plan.sides.size(); ++d) {
    if (!hall_of[d]) continue;
    const Side side = plan.sides[d];
    if ((side == Side::kPrimary && hall_of[d]->role != HallRole::kPrimary) ||
        (side == Side::kSecondary && hall_of[d]->role != HallRole::kSecondary)) {
      fail(devices[d].name + ": placed off its side");
    }
  }

  // The bound is a bound.
  if (plan.lower_bound.value !=
      std::max({plan.lower_bound.by_u, plan.lower_bound.by_kw, plan.lower_bound.by_split})) {
    fail("lower bound value is not the largest of its parts");
  }
  std::vector<std::size_t> placed;
  bool every_non_pdu_placed = true;
  for (std::size_t d = 0; d < devices.size(); ++d) {
    if (hall_of[d]) placed.push_back(d);
    if (!hall_of[d] && !devices[d].pdu) every_non_pdu_placed = false;
  }
  const planners::RackBound on_placed = planners::LowerBoundRacks(input, placed);
  if (std::max(on_placed.by_u, on_placed.by_kw) > plan.racks_used) {
    fail("racks used below the U/kW bound of the placed devices");
  }
  if (every_non_pdu_placed && plan.lower_bound.value > plan.racks_used) {
    fail("racks used (" + std::to_string(plan.racks_used) + ") below the lower bound (" +
         std::to_string(plan.lower_bound.value) + ")");
  }
  return broken;
}

}  // namespace samdrift::testing

#endif  // SAMDRIFT_TESTS_PLANNERS_HALL_CHECK_H_
