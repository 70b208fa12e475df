// Hall planning: the datacenter devices placed into the racks of the target halls. A pure
// function over plain values: BuildHallInput (hall_input.h) reads them from the estate and the
// scenario, PlanHalls places them, the SVG writers (reports/hall_svg.h) and `samdrift halls`
// render.
//
// Rules (issue 7): devices in a hall that stays keep their rack and position where the plan
// allows; everything else goes into racks of the target halls with no rack over its U or power
// budget, no U overlap, no hall over its positions, power or cooling; new racks only on free
// positions. With redundancy split the members of a redundancy group are spread over the primary
// and secondary side (each side at most ceil(n/2) of n), and critical devices without a partner
// go to a primary hall. What cannot be placed is listed with the limit that stopped it.
#ifndef SAMDRIFT_PLANNERS_HALL_PLAN_H_
#define SAMDRIFT_PLANNERS_HALL_PLAN_H_

#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/device_types.h"
#include "core/diagnostics.h"
#include "planners/scenario.h"

namespace samdrift::planners {

inline constexpr double kUnlimited = std::numeric_limits<double>::infinity();

// One device to place, its figures resolved (hall_input.h uses the device-type catalog).
struct HallDevice {
  std::string org;
  std::string name;
  std::string role;
  int u_height = 1;  // 0: zero-U (mounted at the side; takes no rack unit)
  double kw = 0;
  bool estimated = false;  // U height or power is a per-role default, not a fact
  // Where u_height and kw came from: the inventory (kAsset), the device-type catalog (kCatalog,
  // `device_type` names the entry) or the per-role default (kDefault). kNone: a PDU's power.
  core::FigureSource u_source = core::FigureSource::kAsset;
  core::FigureSource power_source = core::FigureSource::kAsset;
  std::string device_type;       // "manufacturer model" of the catalog entry used, else empty
  std::string redundancy_group;  // within its org; empty: none
  bool critical = false;
  bool pdu = false;  // rack furniture: goes into the PDU zone at the bottom of a rack
  // Where it is now; empty/nullopt when unknown.
  std::string site;
  std::string hall;
  std::string rack;
  std::optional<int> position;  // lowest rack unit occupied, 1-based
  // Why the device stays at its site (hall_input.h, SiteBoundWhy): it is never moved into
  // another hall. Empty: it may move. In a hall that stays it keeps its place, past any limit.
  std::string site_bound;
  std::string model;       // "manufacturer model" as the inventory writes it, else empty
  std::string face;        // "front" or "rear" (NetBox's face); empty when not recorded
  bool full_depth = true;  // false for a half-depth device type (is_full_depth: false)
};

// One of today's halls, for the fates of HallFates (hall_today.h).
struct TodayHall {
  std::string org;
  std::string site;
  std::string hall;
  bool kept = false;  // named by keep_halls, or every hall of a plan without target halls
};

struct ExistingRack {
  std::string name;
  int u = 42;
};

// A target hall, resolved against the estate.
struct HallSpec {
  std::string name;
  HallRole role = HallRole::kPrimary;
  // The existing hall that stays (org, site, hall); all empty for a new hall.
  std::string from_org;
  std::string from_site;
  std::string from_hall;
  std::vector<ExistingRack> racks;  // the existing hall's racks, in floor order
  int positions = 0;
  double power_kw = kUnlimited;  // kUnlimited when unknown
  double cooling_kw = kUnlimited;
  int rack_u = 42;           // height of new racks
  double rack_power_kw = 8;  // power budget of every rack in the hall
  int rack_pdu_u = 2;        // U at the bottom of a new rack kept for its PDUs

  bool Stays() const { return !from_org.empty(); }
  std::string From() const;  // "org/site/hall", or empty
};

// Whether a device that may keep its place keeps it past its hall's positions, power or
// cooling. kAsToday is for today's halls as they are (no scenario): what stands there is shown,
// and a hall it takes past a capacity is over (HallOver), not a device left unplaced.
enum class KeptDevices { kWithinCapacity, kAsToday };

struct HallPlanInput {
  std::vector<HallDevice> devices;  // everything to place (retired devices already removed)
  std::vector<HallSpec> halls;
  RedundancyRule redundancy = RedundancyRule::kSplit;
  KeptDevices kept = KeptDevices::kWithinCapacity;
  std::vector<HallDevice> retired;  // what the target retires: reported, never placed
  std::vector<std::string> notes;   // facts about the input worth saying (counts, assumptions)
  // The share of a hall's power and cooling and of a rack's power budget the plan may fill
  // (the scenario's design_margin); devices kept as today (kAsToday) and site-bound devices
  // keep their place past it, and the hall or rack is then past its margin (PastMargin).
  double margin = 1.0;
  std::vector<HallDevice>
      stays;  // devices that stay where they are, never placed; site_bound says why
  std::vector<TodayHall> today;  // every existing hall of the scenario's orgs
};

// A device in a rack of the plan.
struct Placement {
  std::size_t device = 0;  // index into HallPlan::devices
  int position = 0;        // lowest rack unit; 0 for a zero-U device
  bool kept = false;       // stays in the rack and position it has now
};

struct PlannedRack {
  std::string name;
  bool is_new = false;
  int slot = 0;  // floor position, 1-based
  int u = 42;
  int u_reserved = 0;  // PDU zone: units 1..u_reserved take PDUs (and devices kept there) only
  double kw_budget = 8;
  std::vector<Placement> devices;  // by position, lowest first
  int u_used = 0;                  // every device, PDUs included
  double kw_used = 0;
};

struct PlannedHall {
  std::string name;
  HallRole role = HallRole::kPrimary;
  std::string from;  // "org/site/hall" of the existing hall, or empty
  int positions = 0;
  double power_kw = kUnlimited;
  double cooling_kw = kUnlimited;
  int rack_u = 42;
  double rack_power_kw = 8;
  std::vector<PlannedRack> racks;  // existing racks first, then new ones, by slot
  int positions_used = 0;
  double power_kw_used = 0;
  double cooling_kw_used = 0;  // every kW drawn is a kW of heat to remove
  int new_racks = 0;
  int pdus_missing = 0;  // 1 U PDUs new racks need beyond the ones moved into them
};

// The limit that kept a device out of the plan.
enum class Limit : std::uint8_t {
  kRackU,          // taller than the free height of any rack it may go to
  kRackPower,      // draws more than a rack's power budget
  kHallPositions,  // no rack with room and no free position
  kHallPower,
  kHallCooling,
  kNoHall,    // no hall of the side it must go to (e.g. no secondary hall with split)
  kSparePdu,  // a PDU no rack needs: not a limit of the plan
};
std::string_view ToString(Limit limit);  // "rack_u", "rack_kw", "hall_positions", ...

// A hall a device could have gone to and what it lacked (kHallPower, kHallCooling: `left_kw` of
// `kw`; kHallPositions: all `positions` used).
struct HallShortfall {
  std::string hall;
  Limit limit = Limit::kHallPositions;
  double left_kw = 0;
  double kw = 0;
  int positions = 0;
};

struct Unplaced {
  std::size_t device = 0;  // index into HallPlan::devices
  Limit limit = Limit::kRackU;
  std::string reason;  // in words, naming the halls and figures
  // The figures of `reason`, for a reader in another language (kNoHall: HallPlan::sides and the
  // device say the rest): the halls of its side, their racks' largest usable height and power
  // budget (kRackU, kRackPower; at HallPlan::margin), and what each hall lacked.
  std::vector<std::string> halls;
  int max_u = 0;
  double max_kw = 0;
  std::vector<HallShortfall> shortfalls;
};

// A lower bound on the racks any plan needs for the devices (PDUs and devices that fit no rack
// left out): by U, by kW, and by the split rule (each side packed on its own; 0 without split).
struct RackBound {
  int by_u = 0;
  int by_kw = 0;
  int by_split = 0;
  int value = 0;  // the largest of the three
};

// Which side a device must go to.
enum class Side : std::uint8_t { kAny, kPrimary, kSecondary };
std::string_view ToString(Side side);

struct HallPlan {
  std::vector<HallDevice> devices;  // the input's devices; placements refer to them by index
  std::vector<Side> sides;          // per device: the side the rules send it to
  std::vector<PlannedHall> halls;   // in scenario order
  std::vector<Unplaced> unplaced;   // by org, then name
  std::vector<HallDevice> retired;
  // The input's stays, and the site-bound devices a staying hall could not keep in a rack.
  std::vector<HallDevice> stays;
  std::vector<TodayHall> today;
  double margin = 1.0;
  RackBound lower_bound;
  int racks_used = 0;  // racks holding at least one device other than a PDU
  int new_racks = 0;
  int pdus_missing = 0;
  std::vector<std::string> notes;

  // False when a device other than a spare PDU could not be placed.
  bool Feasible() const;
};

// The capacities a hall is past (used more than it has): "positions", "power", "cooling", in
// that order; empty when it is within all three. An unknown (unlimited) capacity is never past.
std::vector<std::string> HallOver(const PlannedHall& hall);

// The capacities a hall uses past `margin` of them but not past the whole ("power", "cooling"),
// and whether a rack draws past `margin` of its power budget: a plan never fills them so, only
// devices kept as they are today or bound to their site can.
std::vector<std::string> PastMargin(const PlannedHall& hall, double margin);
bool PastMargin(const PlannedRack& rack, double margin);

// One warning (HAL010) per device the plan could not place (spare PDUs aside), at `source` (the
// scenario file, or the store when there is none), naming the device, its org and the reason.
void ReportUnplaced(const HallPlan& plan, const std::string& source,
                    core::Diagnostics& diagnostics);

// Places the devices. Deterministic: the same input gives the same plan.
HallPlan PlanHalls(const HallPlanInput& input);

// The side each device must go to under `redundancy` (kAny for all without split or without both
// a primary and a secondary hall, except that criticals without a partner go primary whenever a
// primary hall exists under split). Members of a group prefer the side of the staying hall they
// are in now.
std::vector<Side> AssignSides(const HallPlanInput& input);

// The lower bound for placing exactly the devices given (indices into input.devices; their
// redundancy groups are the groups among them) in racks of input.halls.
RackBound LowerBoundRacks(const HallPlanInput& input, const std::vector<std::size_t>& devices);

// One device's place in the plan, for the wave planner: which hall, rack and unit it goes to.
struct DevicePlacement {
  std::string org;
  std::string asset;
  std::string hall;  // target hall name
  std::string rack;
  int position = 0;
  bool kept = false;
  bool new_rack = false;
  std::string from;  // "site/hall/rack" where it is now, or empty
};
std::vector<DevicePlacement> DevicePlacements(const HallPlan& plan);  // by org, then asset

}  // namespace samdrift::planners

#endif  // SAMDRIFT_PLANNERS_HALL_PLAN_H_
