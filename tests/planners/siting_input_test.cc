// The siting scenario keys (planners/scenario.cc) and the candidates read from an estate
// (planners/siting_input.h): their values, defaults and every problem's full text.
#include "planners/siting_input.h"

#include <catch2/catch.hpp>

#include "tests/planners/scenario_util.h"

using namespace samdrift;
using core::Asset;
using core::AssetKind;
using samdrift::testing::Problems;

namespace {

std::vector<std::string> Lines(const core::Diagnostics& d) {
  std::vector<std::string> lines;
  for (const auto& item : d.items()) lines.push_back(core::FormatDiagnostic(item));
  return lines;
}

Asset Located(Asset a, int line) {
  a.provenance = {"test", a.kind == AssetKind::kSite ? "sites.csv" : "halls.csv", line};
  return a;
}

Asset Site(std::string org, std::string name, std::string lat, std::string lon, int line) {
  Asset a;
  a.org = std::move(org);
  a.kind = AssetKind::kSite;
  a.name = std::move(name);
  if (!lat.empty()) a.SetAttr("latitude", lat);
  if (!lon.empty()) a.SetAttr("longitude", lon);
  return Located(std::move(a), line);
}

Asset Hall(std::string org, std::string site, std::string name, bool capacity, int line) {
  Asset a;
  a.org = std::move(org);
  a.kind = AssetKind::kHall;
  a.site = std::move(site);
  a.name = std::move(name);
  if (capacity) {
    a.SetAttr("positions", "6");
    a.SetAttr("power_kw", "24");
    a.SetAttr("cooling_kw", "23");
  }
  return Located(std::move(a), line);
}

planners::Scenario Parse(const std::string& yaml) {
  core::Diagnostics d;
  auto s = planners::ParseScenario(yaml, "s.yaml", d);
  INFO(Lines(d).size());
  REQUIRE(s);
  REQUIRE(d.total() == 0);
  return *s;
}

}  // namespace

TEST_CASE("siting keys parse: rules, weights and new halls with their costs", "[siting]") {
  const planners::Scenario s = Parse(R"(name: x
costs: costs.yaml
siting:
  count: 3
  min_distance_km: 10
  max_distance_km: 80,5
  route_factor: 1.2
  weights: {kw_moved: 500, distance_km: 1000}
  candidates:
    - {name: Nybygge, site: Värnamo industriområde, latitude: 57.18, longitude: "14,04", positions: 10, power_kw: 60, cooling_kw: 70, investment: 6000000}
    - {name: Hyrd, latitude: -33.9, longitude: -151.2, positions: 4, power_kw: 20, cooling_kw: 20}
)");
  CHECK(s.siting.count == 3);
  CHECK(s.siting.min_distance_km == 10);
  CHECK(s.siting.max_distance_km == 80.5);
  CHECK(s.siting.route_factor == 1.2);
  CHECK(s.siting.weight_kw_moved == 500);
  CHECK(s.siting.weight_distance_km == 1000);
  REQUIRE(s.siting.candidates.size() == 2);
  const planners::SitingCandidate& n = s.siting.candidates[0];
  CHECK(n.name == "Nybygge");
  CHECK(n.site == "Värnamo industriområde");
  CHECK(n.latitude == 57.18);
  CHECK(n.longitude == 14.04);
  CHECK(n.positions == 10);
  CHECK(n.power_kw == 60);
  CHECK(n.cooling_kw == 70);
  CHECK(n.investment == 6000000);
  CHECK(n.where.line == 10);
  CHECK(s.siting.candidates[1].latitude == -33.9);
  CHECK_FALSE(s.siting.candidates[1].investment);  // unknown, not 0

  // Without `siting:` the documented defaults; the kW weight is unset (0 with costs, else 1).
  const planners::Scenario d = Parse("name: y\n");
  CHECK(d.siting.count == 2);
  CHECK(d.siting.min_distance_km == 5);
  CHECK(d.siting.max_distance_km == 100);
  CHECK(d.siting.route_factor == 1.5);
  CHECK_FALSE(d.siting.weight_kw_moved);
  CHECK(d.siting.weight_distance_km == 0);
  CHECK(d.siting.candidates.empty());
}

TEST_CASE("siting key problems are located scenario errors", "[siting]") {
  CHECK(Problems(R"(siting:
  count: 0
  min_distance_km: 50
  max_distance_km: 20
  route_factor: 0.5
  wieghts: {}
  candidates:
    - {name: A, latitude: 91, longitude: 14, positions: 4, power_kw: 10, cooling_kw: 10}
    - {name: B, latitude: 57, longitude: 190, positions: 4, power_kw: 10}
    - {name: C, site: Gnosjö}
)") == std::vector<std::string>{
           "s.yaml:6:3: error[SCN002]: unknown key 'wieghts' in siting; did you mean "
           "'weights'?",
           "s.yaml:2:10: error[SCN001]: siting: count: must be at least 1",
           "s.yaml:5:17: error[SCN001]: siting: route_factor: must be at least 1 (a fibre "
           "route is never shorter than the great circle)",
           "s.yaml:2:3: error[SCN001]: siting: min_distance_km must not exceed max_distance_km",
           "s.yaml:8:27: error[SCN001]: siting: candidates: latitude: expected decimal degrees "
           "from -90 to 90, got '91'",
           "s.yaml:9:42: error[SCN001]: siting: candidates: longitude: expected decimal "
           "degrees from -180 to 180, got '190'",
           "s.yaml:9:7: error[SCN001]: siting: candidates: 'B' needs cooling_kw (its "
           "capacity: rack positions, IT power and cooling in kW)",
           "s.yaml:10:7: error[SCN001]: siting: candidates: 'C' needs positions, power_kw, "
           "cooling_kw (its capacity: rack positions, IT power and cooling in kW)",
       });
}

TEST_CASE("candidates from the estate: SIT001-SIT004 in full", "[siting]") {
  core::Estate e;
  e.assets.push_back(Site("gislaved", "Kommunhuset", "57.3000", "13.5500", 2));
  e.assets.push_back(Site("gnosjo", "Kommunhus", "91", "13,7333", 3));  // out of range
  e.assets.push_back(Site("hylte", "Kommunhus", "", "", 4));            // none given
  e.assets.push_back(Hall("gislaved", "Kommunhuset", "Datahallen", true, 5));
  e.assets.push_back(Hall("gnosjo", "Kommunhus", "Serverrummet", true, 6));
  e.assets.push_back(Hall("hylte", "Kommunhus", "Serverrum 1", false, 7));
  planners::Scenario scenario;
  scenario.source = "s.yaml";
  scenario.siting.candidates.push_back(
      {"Nybygge", "", std::nullopt, std::nullopt, 10, 60, 70, std::nullopt, std::nullopt,
       {"s.yaml", 9, 7}});
  core::Diagnostics d;
  auto in = planners::BuildSitingInput(e, {}, scenario, {}, d);
  REQUIRE(in.ok());
  CHECK(Lines(d) ==
        std::vector<std::string>{
            "sites.csv:3: warning[SIT001]: site 'Kommunhus' (gnosjo): latitude '91' is not "
            "decimal degrees from -90 to 90; its distance is unknown",
            "halls.csv:7: warning[SIT003]: hall 'hylte/Kommunhus/Serverrum 1' has no "
            "positions, power_kw, cooling_kw recorded: as a candidate its positions are its "
            "racks and its power or cooling is taken as unlimited",
            "halls.csv:7: warning[SIT002]: hall 'hylte/Kommunhus/Serverrum 1': site "
            "'Kommunhus' has no latitude/longitude; distances to it are unknown",
            "s.yaml:9:7: warning[SIT002]: candidate 'Nybygge' has no latitude/longitude; "
            "distances to it are unknown",
        });
  REQUIRE(in->candidates.size() == 4);
  CHECK(in->candidates[0].latitude == 57.3);
  CHECK(in->candidates[0].longitude == 13.55);
  CHECK_FALSE(in->candidates[1].latitude);  // out of range: unknown, never 0

  // A set with a hall without coordinates: its distance is unknown (not 0 km), said, and its
  // distance rules are not checked.
  planners::SitingInput two = *in;
  two.candidates.resize(2);
  const planners::SitingResult r = planners::ChooseHalls(two);
  REQUIRE(r.sets.size() == 1);
  CHECK_FALSE(r.sets[0].distance_km);
  CHECK(r.sets[0].breaks.empty());
  CHECK(std::find(r.sets[0].reasons.begin(), r.sets[0].reasons.end(),
                  "distance unknown (no coordinates for gnosjo/Kommunhus/Serverrummet): the "
                  "distance rules cannot be checked for this set") != r.sets[0].reasons.end());

  scenario.siting.count = 5;
  scenario.siting.where = {"s.yaml", 4, 10};
  core::Diagnostics d5;
  auto five = planners::BuildSitingInput(e, {}, scenario, {}, d5);
  CHECK_FALSE(five.ok());
  CHECK(Lines(d5).back() ==
        "s.yaml:4:10: error[SIT004]: siting: count 5 is more than the 4 candidate halls");
}
