#include "planners/siting.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <numbers>
#include <sstream>
#include <tuple>

#include "core/text.h"
#include "planners/migration.h"

namespace samdrift::planners {
namespace {

constexpr double kEarthRadiusKm = 6371.0088;
constexpr double kBsiMinKm = 200;      // BSI: geo-redundant sites at least 200 km apart
constexpr double kStretchedMaxMs = 5;  // vSAN stretched cluster: round trip under 5 ms
constexpr double kEpsilon = 1e-9;

std::string Fixed(double value, int decimals) {
  std::ostringstream out;
  out.setf(std::ios::fixed);
  out.precision(decimals);
  out << value;
  return out.str();
}

// What every set shares: the estate's totals and the devices and kW in each existing hall today.
struct InHall {
  double kw = 0;
  std::size_t devices = 0;
};
struct Totals {
  double kw = 0;  // devices other than PDUs
  int u = 0;
  std::size_t devices = 0;
  std::map<std::tuple<std::string, std::string, std::string>, InHall> in_hall;
};

Totals Measure(const HallPlanInput& base) {
  Totals t;
  for (const HallDevice& d : base.devices) {
    if (d.pdu) continue;
    t.kw += d.kw;
    t.u += d.u_height;
    ++t.devices;
    if (d.hall.empty()) continue;
    InHall& in = t.in_hall[{d.org, d.site, d.hall}];
    in.kw += d.kw;
    ++in.devices;
  }
  return t;
}

std::vector<std::vector<std::size_t>> Combinations(std::size_t n, std::size_t k) {
  std::vector<std::vector<std::size_t>> out;
  if (k == 0 || k > n) return out;
  std::vector<std::size_t> pick(k);
  for (std::size_t i = 0; i < k; ++i) pick[i] = i;
  while (true) {
    out.push_back(pick);
    std::size_t i = k;
    while (i > 0 && pick[i - 1] == n - k + i - 1) --i;
    if (i == 0) return out;
    ++pick[i - 1];
    for (std::size_t j = i; j < k; ++j) pick[j] = pick[j - 1] + 1;
  }
}

// The largest distance between two halls of the set; nullopt when a hall has no coordinates.
std::optional<double> SetDistance(const SitingInput& in, const std::vector<std::size_t>& set) {
  double widest = 0;
  for (std::size_t a = 0; a < set.size(); ++a) {
    const HallCandidate& x = in.candidates[set[a]];
    if (!x.latitude || !x.longitude) return std::nullopt;
    for (std::size_t b = a + 1; b < set.size(); ++b) {
      const HallCandidate& y = in.candidates[set[b]];
      if (!y.latitude || !y.longitude) return std::nullopt;
      widest =
          std::max(widest, GreatCircleKm(*x.latitude, *x.longitude, *y.latitude, *y.longitude));
    }
  }
  return widest;
}

// The distance, the rules it breaks and what it means, in words.
void CheckDistance(const SitingInput& in, SitingSet& s) {
  if (s.halls.size() < 2) return;
  s.distance_km = SetDistance(in, s.halls);
  if (!s.distance_km) {
    std::vector<std::string> missing;
    for (std::size_t i : s.halls) {
      const HallCandidate& c = in.candidates[i];
      if (!c.latitude || !c.longitude) missing.push_back(c.spec.name);
    }
    s.reasons.push_back("distance unknown (no coordinates for " + core::Join(missing, ", ") +
                        "): the distance rules cannot be checked for this set");
    return;
  }
  const double km = *s.distance_km;
  s.rtt_ms = RoundTripMs(km, in.rules.route_factor);
  if (km < in.rules.min_distance_km) {
    s.breaks.push_back("min_distance_km");
    s.reasons.push_back(Fixed(km, 1) + " km apart, under min_distance_km " +
                        Fixed(in.rules.min_distance_km, 0) +
                        ": one fire, flood or power cut may take both halls");
  }
  if (km > in.rules.max_distance_km) {
    s.breaks.push_back("max_distance_km");
    s.reasons.push_back(Fixed(km, 1) + " km apart, over max_distance_km " +
                        Fixed(in.rules.max_distance_km, 0) +
                        ": too far for synchronous replication and stretched clusters");
  }
  s.reasons.push_back(Fixed(km, 1) + " km apart: a stretched cluster sees a round trip of about " +
                      Fixed(*s.rtt_ms, 2) + " ms (route factor " + Fixed(in.rules.route_factor, 2) +
                      "), " + (*s.rtt_ms < kStretchedMaxMs ? "within" : "past") +
                      " the 5 ms a vSAN stretched cluster allows");
  if (km < kBsiMinKm) {
    s.reasons.push_back(
        "not geo-redundant in BSI's sense (at least 200 km, never under 100 km): a witness at a "
        "third site and a backup copy kept further away must compensate");
  }
}

// A set whose halls cannot hold the estate's U or kW whatever the plan (positions times the
// tallest rack, power, cooling).
bool CapacityTooSmall(const SitingInput& in, const std::vector<std::size_t>& set,
                      const Totals& totals) {
  double positions = 0, power = 0, cooling = 0;
  int tallest = 0;
  for (std::size_t i : set) {
    const HallSpec& h = in.candidates[i].spec;
    positions += std::max<double>(h.positions, static_cast<double>(h.racks.size()));
    power += h.power_kw;
    cooling += h.cooling_kw;
    tallest = std::max(tallest, h.rack_u);
    for (const ExistingRack& r : h.racks) tallest = std::max(tallest, r.u);
  }
  return positions * tallest < totals.u || power + kEpsilon < totals.kw ||
         cooling + kEpsilon < totals.kw;
}

// Every device outside the set's halls moves (its kW, its move's hours); the rest may stay.
double ScoreBound(const SitingInput& in, const std::vector<std::size_t>& set, const Totals& totals,
                  const std::optional<double>& km) {
  InHall staying;
  std::size_t quoted = 0;
  for (std::size_t i : set) {
    quoted += in.candidates[i].running_per_year.has_value();
    const HallSpec& h = in.candidates[i].spec;
    if (!h.Stays()) continue;
    auto it = totals.in_hall.find({h.from_org, h.from_site, h.from_hall});
    if (it == totals.in_hall.end()) continue;
    staying.kw += it->second.kw;
    staying.devices += it->second.devices;
  }
  double bound = in.WeightKwMoved() * std::max(0.0, totals.kw - staying.kw) +
                 in.rules.weight_distance_km * km.value_or(0);
  if (in.cost_bound) {
    bound += in.cost_bound(set.size(), quoted, totals.devices - staying.devices);
  }
  return bound;
}

// Devices the plan moves (placed, not kept) and of them the moves into another hall (a move
// within the hall it stays in is no move item of the plan).
void CountMoves(const HallPlan& plan, SitingSet& s, std::size_t& moves) {
  std::map<std::string, std::string> staying;  // "org/site/hall" -> target hall
  for (const PlannedHall& h : plan.halls) {
    if (!h.from.empty()) staying[h.from] = h.name;
  }
  for (const PlannedHall& h : plan.halls) {
    for (const PlannedRack& r : h.racks) {
      for (const Placement& p : r.devices) {
        if (p.kept) continue;
        const HallDevice& d = plan.devices[p.device];
        ++s.devices_moved;
        s.kw_moved += d.kw;
        auto from = staying.find(d.org + "/" + d.site + "/" + d.hall);
        if (from == staying.end() || from->second != h.name) ++moves;
      }
    }
  }
}

// The set's costs, with the one-off investment of its new halls (unknown ones said).
void Price(const SitingInput& in, const HallPlan& plan, SitingSet& s) {
  SetCosts costs = in.price(s.halls, plan);
  for (std::size_t i : s.halls) {
    const HallCandidate& c = in.candidates[i];
    if (c.spec.Stays()) continue;
    if (!c.investment) {
      s.reasons.push_back("the investment in the new hall " + c.spec.name +
                          " is unknown (siting.candidates: investment): not counted");
      continue;
    }
    costs.investment += *c.investment;
    costs.five_year += *c.investment;
  }
  s.investment = costs.investment;
  s.running_per_year = costs.running_per_year;
  s.five_year = costs.five_year;
  s.hall_running = std::move(costs.halls);
  s.score += costs.five_year;
}

void PlanSet(const SitingInput& in, SitingSet& s) {
  HallPlanInput plan_input = in.base;
  plan_input.halls.clear();
  for (std::size_t k = 0; k < s.halls.size(); ++k) {
    HallSpec spec = in.candidates[s.halls[k]].spec;
    spec.role = k == 0 ? HallRole::kPrimary : HallRole::kSecondary;
    plan_input.halls.push_back(std::move(spec));
  }
  const HallPlan plan = PlanHalls(plan_input);
  s.planned = true;
  std::string first_reason;
  for (const Unplaced& u : plan.unplaced) {
    if (u.limit == Limit::kSparePdu) continue;
    if (s.unfit++ == 0) first_reason = plan.devices[u.device].name + ": " + u.reason;
  }
  s.fits = s.unfit == 0;
  std::size_t moves = 0;
  CountMoves(plan, s, moves);
  s.racks_bought = plan.new_racks;
  s.hours = kDeviceMoveHours * static_cast<double>(moves);
  s.score =
      in.WeightKwMoved() * s.kw_moved + in.rules.weight_distance_km * s.distance_km.value_or(0);
  if (in.price) Price(in, plan, s);
  s.reasons.insert(s.reasons.begin(),
                   s.fits ? "fits: " + std::to_string(s.devices_moved) + " devices move (" +
                                Fixed(s.kw_moved, 1) + " kW), " + std::to_string(s.racks_bought) +
                                " racks to buy"
                          : "does not fit: " + std::to_string(s.unfit) +
                                " devices cannot be placed (first: " + first_reason + ")");
}

// The set's halls by power, the largest first: it is the primary, which takes what has no
// redundancy partner (ties: candidate order).
std::vector<std::size_t> PrimaryFirst(const SitingInput& in, std::vector<std::size_t> set) {
  std::stable_sort(set.begin(), set.end(), [&](std::size_t a, std::size_t b) {
    return in.candidates[a].spec.power_kw > in.candidates[b].spec.power_kw;
  });
  return set;
}

bool Better(const SitingSet& a, const SitingSet& b, const SitingInput& in) {
  auto names = [&](const SitingSet& s) {
    std::vector<std::string> out;
    for (std::size_t i : s.halls) out.push_back(in.candidates[i].spec.name);
    return out;
  };
  auto key = [](const SitingSet& s) {
    return std::make_tuple(!s.Chosen(), !s.planned, s.unfit, s.score, s.racks_bought,
                           s.distance_km.value_or(0));
  };
  if (key(a) != key(b)) return key(a) < key(b);
  return names(a) < names(b);
}

}  // namespace

double GreatCircleKm(double lat1, double lon1, double lat2, double lon2) {
  constexpr double kRad = std::numbers::pi / 180.0;
  const double dlat = (lat2 - lat1) * kRad;
  const double dlon = (lon2 - lon1) * kRad;
  const double h =
      std::sin(dlat / 2) * std::sin(dlat / 2) +
      std::cos(lat1 * kRad) * std::cos(lat2 * kRad) * std::sin(dlon / 2) * std::sin(dlon / 2);
  return 2 * kEarthRadiusKm * std::asin(std::min(1.0, std::sqrt(h)));
}

double RoundTripMs(double km, double route_factor) { return km * route_factor / 100.0; }

SitingResult ChooseHalls(const SitingInput& in) {
  SitingResult result;
  result.candidates = in.candidates.size();
  const Totals totals = Measure(in.base);
  struct Visit {
    SitingSet set;
    double bound = 0;
  };
  std::vector<Visit> visits;
  for (auto& halls : Combinations(in.candidates.size(), static_cast<std::size_t>(in.rules.count))) {
    Visit v;
    v.set.halls = PrimaryFirst(in, std::move(halls));
    CheckDistance(in, v.set);
    v.bound = ScoreBound(in, v.set.halls, totals, v.set.distance_km);
    visits.push_back(std::move(v));
  }
  if (in.prune) {
    std::stable_sort(visits.begin(), visits.end(),
                     [](const Visit& a, const Visit& b) { return a.bound < b.bound; });
  }
  std::optional<double> best;
  for (Visit& v : visits) {
    if (in.prune && (!v.set.breaks.empty() || CapacityTooSmall(in, v.set.halls, totals) ||
                     (best && v.bound > *best + kEpsilon))) {
      ++result.pruned;
      continue;
    }
    PlanSet(in, v.set);
    ++result.planned;
    if (v.set.Chosen() && (!best || v.set.score < *best)) best = v.set.score;
    result.sets.push_back(std::move(v.set));
  }
  std::sort(result.sets.begin(), result.sets.end(),
            [&](const SitingSet& a, const SitingSet& b) { return Better(a, b, in); });
  return result;
}

}  // namespace samdrift::planners
