#include "planners/siting.h"

#include <catch2/catch.hpp>
#include <random>

using namespace samdrift;
using planners::HallCandidate;
using planners::SitingInput;
using planners::SitingResult;

namespace {

HallCandidate Candidate(std::string name, std::optional<double> lat, std::optional<double> lon,
                        int positions = 10, double kw = 100) {
  HallCandidate c;
  c.spec.name = std::move(name);
  c.spec.positions = positions;
  c.spec.power_kw = kw;
  c.spec.cooling_kw = kw;
  c.latitude = lat;
  c.longitude = lon;
  return c;
}

planners::HallDevice Device(std::string name, double kw) {
  planners::HallDevice d;
  d.org = "org";
  d.name = std::move(name);
  d.role = "server";
  d.u_height = 2;
  d.kw = kw;
  return d;
}

const planners::SitingSet& SetOf(const SitingResult& r, const SitingInput& in, std::string a,
                                 std::string b) {
  for (const auto& s : r.sets) {
    if (in.candidates[s.halls[0]].spec.name == a && in.candidates[s.halls[1]].spec.name == b) {
      return s;
    }
  }
  FAIL("no set " << a << " + " << b);
  return r.sets.front();
}

}  // namespace

TEST_CASE("great-circle distance between known city pairs", "[siting]") {
  // Haversine figures on the mean earth radius (6371.0088 km).
  CHECK(planners::GreatCircleKm(51.5074, -0.1278, 48.8566, 2.3522) == Approx(343.6).margin(1));
  CHECK(planners::GreatCircleKm(59.3293, 18.0686, 57.7089, 11.9746) == Approx(397.6).margin(1));
  CHECK(planners::GreatCircleKm(40.7128, -74.0060, 34.0522, -118.2437) == Approx(3936).margin(5));
  CHECK(planners::GreatCircleKm(57.1856, 14.0403, 57.1856, 14.0403) == 0);
  // Antipodes: half the circumference, no NaN from rounding.
  CHECK(planners::GreatCircleKm(0, 0, 0, 180) == Approx(20015.1).margin(1));
  CHECK(planners::RoundTripMs(100, 1.5) == Approx(1.5));
}

TEST_CASE("distance rules: too near, too far, unknown", "[siting]") {
  SitingInput in;
  in.base.devices = {Device("a", 1)};
  in.candidates = {Candidate("Värnamo", 57.1856, 14.0403), Candidate("Bredaryd", 57.1700, 13.7400),
                   Candidate("Nära", 57.1900, 14.0500), Candidate("Okänd", std::nullopt, 14.0)};
  const SitingResult r = planners::ChooseHalls(in);
  REQUIRE(r.sets.size() == 6);
  CHECK(r.planned == 6);
  const auto& near = SetOf(r, in, "Värnamo", "Nära");
  const std::vector<std::string> min_rule{"min_distance_km"};
  CHECK(near.breaks == min_rule);
  CHECK_FALSE(near.Chosen());
  CHECK(near.reasons.at(1) ==
        "0.8 km apart, under min_distance_km 5: one fire, flood or power cut may take both halls");
  const auto& unknown = SetOf(r, in, "Värnamo", "Okänd");
  CHECK(unknown.breaks.empty());
  CHECK_FALSE(unknown.distance_km.has_value());
  CHECK(unknown.reasons.at(1) ==
        "distance unknown (no coordinates for Okänd): the distance rules cannot be checked for "
        "this set");
  const auto& ok = SetOf(r, in, "Värnamo", "Bredaryd");
  CHECK(ok.breaks.empty());
  CHECK(ok.Chosen());
  CHECK(ok.reasons.back() ==
        "not geo-redundant in BSI's sense (at least 200 km, never under 100 km): a witness at a "
        "third site and a backup copy kept further away must compensate");
  // The chosen set is first, rule breakers after every set that may be chosen.
  CHECK(r.sets.front().Chosen());
  CHECK_FALSE(r.sets.back().Chosen());

  in.rules.max_distance_km = 10;
  const SitingResult far = planners::ChooseHalls(in);
  const std::vector<std::string> max_rule{"max_distance_km"};
  CHECK(SetOf(far, in, "Värnamo", "Bredaryd").breaks == max_rule);
}

TEST_CASE("a set too small for the estate does not fit and is never chosen", "[siting]") {
  SitingInput in;
  in.base.redundancy = planners::RedundancyRule::kNone;
  for (int i = 0; i < 6; ++i) in.base.devices.push_back(Device("d" + std::to_string(i), 5));
  in.candidates = {Candidate("Liten", 57.0, 14.0, 1, 4), Candidate("Stor", 57.2, 14.0, 10, 20),
                   Candidate("Mellan", 57.4, 14.0, 10, 20)};
  const SitingResult r = planners::ChooseHalls(in);
  const auto& small = SetOf(r, in, "Stor", "Liten");  // the larger hall is the primary
  CHECK_FALSE(small.fits);
  CHECK_FALSE(small.Chosen());
  CHECK(in.candidates[r.sets.front().halls[0]].spec.name == "Stor");
  in.prune = true;
  const SitingResult pruned = planners::ChooseHalls(in);
  CHECK(pruned.pruned == 2);  // Liten's sets cannot hold 30 kW: skipped without planning
  CHECK(pruned.planned == 1);
}

TEST_CASE("the pruned search finds the best set of the full search", "[siting][property]") {
  std::mt19937 rng(24);
  std::uniform_real_distribution<double> lat(56.5, 58.5), lon(12.5, 15.5), kw(0.1, 3.0);
  std::uniform_int_distribution<int> halls(4, 9), devices(5, 40), positions(1, 6), count(2, 3);
  std::size_t total_pruned = 0;
  for (int round = 0; round < 40; ++round) {
    SitingInput in;
    in.rules.count = count(rng);
    const int n = halls(rng);
    for (int h = 0; h < n; ++h) {
      HallCandidate c = Candidate("H" + std::to_string(h), lat(rng), lon(rng), positions(rng),
                                  std::uniform_real_distribution<double>(5, 60)(rng));
      if (h % 2 == 0) {  // today's hall with two racks
        c.spec.from_org = "org";
        c.spec.from_site = "S" + std::to_string(h);
        c.spec.from_hall = "Hall";
        c.spec.racks = {{"R1", 42}, {"R2", 42}};
        c.spec.positions = std::max(c.spec.positions, 2);
      }
      in.candidates.push_back(std::move(c));
    }
    const int d = devices(rng);
    for (int i = 0; i < d; ++i) {
      auto dev = Device("d" + std::to_string(i), kw(rng));
      dev.redundancy_group = i % 5 == 0 ? "g" + std::to_string(i / 10) : "";
      const int h = 2 * (i % ((n + 1) / 2));
      dev.site = "S" + std::to_string(h);
      dev.hall = "Hall";
      dev.rack = i % 2 ? "R1" : "R2";
      dev.position = 1 + 2 * (i / 2 % 20);
      in.base.devices.push_back(std::move(dev));
    }
    in.rules.weight_distance_km = round % 3 == 0 ? 0.05 : 0;
    if (round % 2 == 1) {  // priced: per hall, per device moved, and something per candidate
      in.price = [](const std::vector<std::size_t>& set, const planners::HallPlan& plan) {
        double moved = 0;
        for (const auto& p : planners::DevicePlacements(plan)) moved += p.kept ? 0 : 1;
        const double cost = 1000.0 * static_cast<double>(set.size()) + 50 * moved +
                            7.0 * static_cast<double>(set.front());
        return planners::SetCosts{cost, 0, cost, {}};
      };
      in.cost_bound = [](std::size_t halls, std::size_t, std::size_t moving) {
        return 1000.0 * static_cast<double>(halls) + 50.0 * static_cast<double>(moving);
      };
    }
    const SitingResult full = planners::ChooseHalls(in);
    in.prune = true;
    const SitingResult pruned = planners::ChooseHalls(in);
    INFO("round " << round);
    REQUIRE(full.planned == full.sets.size());
    CHECK(pruned.planned + pruned.pruned == full.planned);
    total_pruned += pruned.pruned;
    const bool any = full.sets.front().Chosen();
    const bool pruned_has_sets = !pruned.sets.empty();
    REQUIRE((pruned_has_sets || !any));
    if (any) {
      CHECK(pruned.sets.front().halls == full.sets.front().halls);
      CHECK(pruned.sets.front().score == Approx(full.sets.front().score));
    } else {
      CHECK((pruned.sets.empty() || !pruned.sets.front().Chosen()));
    }
  }
  CHECK(total_pruned > 0);  // the bounds did skip sets
}
