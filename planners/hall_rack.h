// Internal to the hall planner (hall_plan.cc, hall_rules.cc, hall_explain.cc): one rack's units
// and one hall's load while planning, and why a device found no place.
#ifndef SAMDRIFT_PLANNERS_HALL_RACK_H_
#define SAMDRIFT_PLANNERS_HALL_RACK_H_

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "planners/hall_plan.h"

namespace samdrift::planners {

inline constexpr double kEpsilon = 1e-9;

// The state of one rack unit.
enum Cell : std::uint8_t {
  kFree = 0,
  kOccupied = 1,
  kBlocked = 2,  // held for a device that may keep its place, until the plan decides
};

struct RackState {
  RackState(int hall_index, std::string rack_name, bool new_rack, int height, int pdu_u,
            double kw_budget, double fill = 1.0)
      : hall(hall_index),
        name(std::move(rack_name)),
        is_new(new_rack),
        u(height),
        reserved(std::clamp(pdu_u, 0, height)),
        budget(kw_budget),
        usable(kw_budget * fill),
        cells(static_cast<std::size_t>(std::max(0, height)), kFree) {}

  int hall;
  std::string name;
  bool is_new;
  int slot = 0;
  int u;
  int reserved;  // units 1..reserved take PDUs only
  double budget;
  double usable;  // the budget times the design margin: what the plan fills
  double kw = 0;
  int non_pdu = 0;
  std::vector<Placement> placed;
  std::vector<std::uint8_t> cells;  // cells[i] is unit i + 1

  bool TakesKw(double add) const { return kw + add <= usable + kEpsilon; }

  // True when units position..position+height-1 lie in the rack and are all free.
  bool Free(int position, int height) const {
    if (height <= 0) return true;
    if (position < 1 || position + height - 1 > u) return false;
    for (int i = position; i < position + height; ++i) {
      if (cells[static_cast<std::size_t>(i - 1)] != kFree) return false;
    }
    return true;
  }

  void Mark(int position, int height, std::uint8_t state) {
    for (int i = std::max(1, position); i < position + height && i <= u; ++i) {
      cells[static_cast<std::size_t>(i - 1)] = state;
    }
  }

  // The lowest position with `height` free units: PDUs in the PDU zone (anywhere when the rack
  // has none), everything else above it. Zero-U devices take position 0.
  std::optional<int> Find(int height, bool pdu) const {
    if (height <= 0) return 0;
    int lo = 1, hi = u;
    if (pdu && reserved > 0) {
      hi = reserved;
    } else if (!pdu) {
      lo = reserved + 1;
    }
    int run = 0;
    for (int i = lo; i <= hi; ++i) {
      run = cells[static_cast<std::size_t>(i - 1)] == kFree ? run + 1 : 0;
      if (run == height) return i - height + 1;
    }
    return std::nullopt;
  }
};

// One target hall's load while planning.
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

// Whether a device bound to `side` may go to a hall of `role`.
bool SideAllows(Side side, HallRole role);
// "12.5": kW as the planner's sentences write them.
std::string Kw(double kw);
// " at the design margin of 80 %" when the plan fills less than the whole capacity.
std::string MarginText(double margin);

// Why device `d` (bound to `side`) found no place in `halls` and `racks`: the limit it met, with
// the figures, and the English sentence.
Unplaced ExplainUnplaced(const HallPlanInput& in, const std::vector<HallState>& halls,
                         const std::vector<RackState>& racks, std::size_t d, Side side);

}  // namespace samdrift::planners

#endif  // SAMDRIFT_PLANNERS_HALL_RACK_H_
