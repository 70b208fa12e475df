// Why the hall planner left a device out: the limit it met in the halls it was allowed into.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "core/text.h"
#include "planners/hall_rack.h"

namespace samdrift::planners {

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

std::string MarginText(double margin) {
  if (margin >= 1.0 - kEpsilon) return "";
  return " at the design margin of " + std::to_string(static_cast<int>(std::lround(margin * 100))) +
         " %";
}

Unplaced ExplainUnplaced(const HallPlanInput& in, const std::vector<HallState>& halls,
                         const std::vector<RackState>& racks, std::size_t d, Side side) {
  const HallDevice& dev = in.devices[d];
  std::string need = std::to_string(dev.u_height) + " U, " + Kw(dev.kw) + " kW";
  std::vector<const HallState*> eligible;
  for (const HallState& h : halls) {
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
    if (in.halls.empty())
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
    for (const RackState& r : racks) {
      if (halls.data() + r.hall == h) {
        out.max_u = std::max(out.max_u, r.u - std::min(r.reserved, r.u));
      }
    }
    out.max_kw = std::max(out.max_kw, s.rack_power_kw * in.margin);
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
                 MarginText(in.margin) + ")";
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
          "power " + Kw(lack.left_kw) + " of " + Kw(lack.kw) + " kW left" + MarginText(in.margin);
    } else if (h->kw + dev.kw > h->Cooling() + kEpsilon) {
      lack.limit = Limit::kHallCooling;
      lack.left_kw = h->Cooling() - h->kw;
      lack.kw = h->Cooling();
      text =
          "cooling " + Kw(lack.left_kw) + " of " + Kw(lack.kw) + " kW left" + MarginText(in.margin);
    } else {
      text = "all " + std::to_string(lack.positions) + " positions used, no rack with room";
    }
    out.reason += " " + lack.hall + ": " + text + ";";
  }
  out.limit = out.shortfalls.front().limit;
  out.reason.pop_back();
  return out;
}

}  // namespace samdrift::planners
