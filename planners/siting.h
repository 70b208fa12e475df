// Which halls should remain (`samdrift halls --choose`, issue 24): every set of `siting.count`
// candidate halls (today's halls and the scenario's new ones) planned with the hall planner and
// measured, checked against the distance rules and ranked by a documented score. A pure function
// over plain values; the tool reads the candidates' coordinates and builds the planner's input.
//
// Score (lower is better): the set's cost over five years (when `price` is given: the costs
// file, planners/siting_costs.h) + weight_kw_moved × kW moved + weight_distance_km × distance
// (km); weight_kw_moved defaults to 0 with a price and to 1 without one, weight_distance_km to
// 0. A set that does not fit or breaks a rule is never chosen (ranked after every set that may
// be). Ties: fewer racks bought, then the shorter distance, then the names.
// Pruning (at scale): sets are visited by a lower bound on their score (the devices outside the
// set's halls must move: their kW, and with a price the cost of their moves and of the set's
// halls); a set whose positions, power or cooling cannot hold the estate (capacity bound) or
// whose lower bound exceeds the best chosen score so far (cost bound) is skipped without
// planning and counted in `pruned`; so is, when pruning, a set that breaks a distance rule (it
// could never be chosen).
#ifndef SAMDRIFT_PLANNERS_SITING_H_
#define SAMDRIFT_PLANNERS_SITING_H_

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "planners/hall_plan.h"
#include "planners/scenario.h"

namespace samdrift::planners {

// Great-circle distance in km between two points in decimal degrees (haversine, mean earth
// radius 6371.0088 km).
double GreatCircleKm(double lat1, double lon1, double lat2, double lon2);

// Round trip a stretched cluster sees over `km` of great-circle distance: light in fibre covers
// about 100 km per ms one way-and-back (200 000 km/s, both directions), times the route factor.
double RoundTripMs(double km, double route_factor);

struct HallCandidate {
  HallSpec spec;  // name, from_* (existing hall) and capacity; role is set per set
  std::optional<double> latitude;
  std::optional<double> longitude;
  // A new hall's one-off cost (siting.candidates: investment); nullopt for today's halls and
  // when not given (then unknown: said in the set's reasons, not counted).
  std::optional<double> investment;
  // A new hall's running cost per year as quoted (siting.candidates: running_per_year); nullopt:
  // priced from the costs file's hall, rack and kW prices, as today's halls are.
  std::optional<double> running_per_year;
};

struct SitingSet {
  // Indices into the candidates; the first, the one with the most power, is the primary.
  std::vector<std::size_t> halls;
  bool planned = false;
  bool fits = false;
  std::size_t unfit = 0;  // devices the plan could not place (spare PDUs aside)
  std::size_t devices_moved = 0;
  double kw_moved = 0;
  int racks_bought = 0;
  double hours = 0;  // of the moves (kDeviceMoveHours each, none within a hall that stays)
  std::optional<double> distance_km;  // the largest distance between two halls of the set
  std::optional<double> rtt_ms;
  std::vector<std::string> breaks;  // "min_distance_km", "max_distance_km"
  std::vector<std::string> reasons;
  // With a price: investment (purchases and work), running cost per year in the target and the
  // five-year total (compare's figures for the scenario with this set as its halls).
  std::optional<double> investment;
  std::optional<double> running_per_year;
  std::optional<double> five_year;
  // With a price: each hall's own running cost per year, in `halls` order (its quoted figure, or
  // the hall, its racks in use and its kW at the costs file's prices; nullopt: a price missing).
  // running_per_year adds licences and the power of site-bound devices.
  std::vector<std::optional<double>> hall_running;
  double score = 0;
  bool Chosen() const { return planned && fits && breaks.empty(); }
};

struct SitingResult {
  std::vector<SitingSet> sets;  // best first
  std::size_t candidates = 0;
  std::size_t planned = 0;
  std::size_t pruned = 0;
};

// A set's costs (SitingSet's investment, running_per_year, five_year).
struct SetCosts {
  double investment = 0;
  double running_per_year = 0;
  double five_year = 0;
  std::vector<std::optional<double>> halls;  // SitingSet::hall_running
};

struct SitingInput {
  HallPlanInput base;  // devices, retired, redundancy (halls ignored)
  std::vector<HallCandidate> candidates;
  Siting rules;
  bool prune = false;
  // Prices a planned set (indices into candidates, its plan); empty: costs unknown.
  std::function<SetCosts(const std::vector<std::size_t>& set, const HallPlan& plan)> price;
  // A lower bound on the five-year cost of any set of `halls` halls, `quoted` of them running at
  // a quoted cost (HallCandidate::running_per_year, which may be below the costs file's price of
  // a hall), from which `moving` devices must move; given with `price`.
  std::function<double(std::size_t halls, std::size_t quoted, std::size_t moving)> cost_bound;

  // The weight per kW moved: the scenario's, else 0 with a price and 1 without.
  double WeightKwMoved() const { return rules.weight_kw_moved.value_or(price ? 0.0 : 1.0); }
};

SitingResult ChooseHalls(const SitingInput& input);

}  // namespace samdrift::planners

#endif  // SAMDRIFT_PLANNERS_SITING_H_
