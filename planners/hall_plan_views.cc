// What the hall plan's readers ask of it: names of its enums, its feasibility, what lies past
// the design margin or over capacity, its unplaced devices as diagnostics, every device's place.
#include <algorithm>
#include <string>
#include <tuple>
#include <vector>

#include "planners/hall_plan.h"
#include "planners/hall_rack.h"

namespace samdrift::planners {

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
