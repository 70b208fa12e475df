#include "planners/hall_plan.h"

#include <catch2/catch.hpp>
#include <numeric>
#include <random>

#include "tests/planners/hall_check.h"

using namespace samdrift;
using planners::HallDevice;
using planners::HallPlanInput;
using planners::HallRole;
using planners::HallSpec;
using planners::Limit;

namespace {

HallSpec Hall(std::string name, HallRole role, int positions, double power_kw) {
  HallSpec h;
  h.name = std::move(name);
  h.role = role;
  h.positions = positions;
  h.power_kw = power_kw;
  h.cooling_kw = power_kw;
  return h;
}

HallDevice Device(std::string name, int u, double kw, std::string group = "",
                  bool critical = false) {
  HallDevice d;
  d.org = "org";
  d.name = std::move(name);
  d.role = "server";
  d.u_height = u;
  d.kw = kw;
  d.redundancy_group = std::move(group);
  d.critical = critical;
  return d;
}

// Where each device went: "hall/rack@position", or "unplaced:limit".
std::map<std::string, std::string> Where(const planners::HallPlan& plan) {
  std::map<std::string, std::string> out;
  for (const auto& p : planners::DevicePlacements(plan)) {
    out[p.asset] =
        p.hall + "/" + p.rack + "@" + std::to_string(p.position) + (p.kept ? " kept" : "");
  }
  for (const auto& u : plan.unplaced) {
    out[plan.devices[u.device].name] = "unplaced:" + std::string(ToString(u.limit));
  }
  return out;
}

std::string HallOf(const std::map<std::string, std::string>& where, const std::string& name) {
  const std::string& w = where.at(name);
  return w.substr(0, w.find('/'));
}

// A random estate: halls (some staying, with racks), devices in and out of them, groups,
// criticals, PDUs, and now and then a device no rack can take.
HallPlanInput RandomEstate(std::uint32_t seed) {
  std::mt19937 rng(seed);
  auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  auto real = [&](double lo, double hi) {
    return std::uniform_real_distribution<double>(lo, hi)(rng);
  };
  HallPlanInput in;
  in.redundancy = pick(0, 3) ? planners::RedundancyRule::kSplit : planners::RedundancyRule::kNone;
  const int halls = pick(0, 4);
  for (int h = 0; h < halls; ++h) {
    HallSpec spec =
        Hall("H" + std::to_string(h), pick(0, 1) ? HallRole::kPrimary : HallRole::kSecondary,
             pick(0, 10), pick(0, 5) ? real(5, 80) : planners::kUnlimited);
    spec.cooling_kw = pick(0, 5) ? real(5, 80) : planners::kUnlimited;
    spec.rack_u = pick(20, 48);
    spec.rack_power_kw = real(2, 12);
    spec.rack_pdu_u = pick(0, 3);
    if (pick(0, 1)) {
      spec.from_org = "org" + std::to_string(pick(0, 2));
      spec.from_site = "S" + std::to_string(h);
      spec.from_hall = "Hall";
      const int racks = pick(0, spec.positions + 2);
      for (int r = 0; r < racks; ++r) {
        spec.racks.push_back({"R" + std::to_string(r), pick(20, 48)});
      }
    }
    in.halls.push_back(spec);
  }
  const int devices = pick(0, 160);
  for (int i = 0; i < devices; ++i) {
    HallDevice d;
    d.org = "org" + std::to_string(pick(0, 2));
    d.name = "dev" + std::to_string(i);
    d.role = "server";
    d.u_height = pick(0, 20) ? pick(1, 6) : (pick(0, 1) ? 0 : pick(30, 60));
    d.kw = pick(0, 30) ? real(0, 2.5) : real(5, 20);
    d.estimated = pick(0, 5) == 0;
    if (pick(0, 2) == 0) d.redundancy_group = "g" + std::to_string(pick(0, 6));
    d.critical = pick(0, 3) == 0;
    if (pick(0, 15) == 0) {
      d.pdu = true;
      d.role = "PDU";
      d.u_height = 1;
      d.kw = 0;
    }
    if (halls > 0 && pick(0, 1)) {
      const HallSpec& h = in.halls[static_cast<std::size_t>(pick(0, halls - 1))];
      d.site = h.from_site.empty() ? "Elsewhere" : h.from_site;
      d.hall = "Hall";
      if (!h.racks.empty() && pick(0, 4)) {
        d.rack =
            h.racks[static_cast<std::size_t>(pick(0, static_cast<int>(h.racks.size()) - 1))].name;
        if (pick(0, 6)) d.position = pick(1, 46);
      }
    }
    in.devices.push_back(d);
  }
  return in;
}

}  // namespace

TEST_CASE("every rule holds on generated estates", "[planners][halls][property]") {
  int with_unplaced = 0, with_kept = 0, with_split = 0;
  for (std::uint32_t seed = 1; seed <= 400; ++seed) {
    const HallPlanInput in = RandomEstate(seed);
    const planners::HallPlan plan = planners::PlanHalls(in);
    INFO("seed " << seed);
    CHECK(testing::BrokenRules(in, plan) == std::vector<std::string>{});
    // Deterministic.
    const planners::HallPlan again = planners::PlanHalls(in);
    CHECK(Where(plan) == Where(again));
    with_unplaced += plan.unplaced.empty() ? 0 : 1;
    for (const auto& p : planners::DevicePlacements(plan)) {
      if (p.kept) {
        ++with_kept;
        break;
      }
    }
    for (const auto s : plan.sides) {
      if (s == planners::Side::kSecondary) {
        ++with_split;
        break;
      }
    }
  }
  // The generator reaches the interesting cases.
  CHECK(with_unplaced > 20);
  CHECK(with_kept > 20);
  CHECK(with_split > 20);
}

TEST_CASE("roomy estates: everything placed, kept where it stands, close to the bound",
          "[planners][halls][property]") {
  for (std::uint32_t seed = 1; seed <= 100; ++seed) {
    std::mt19937 rng(seed);
    auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
    HallPlanInput in;
    HallSpec a = Hall("DC1", HallRole::kPrimary, 60, 1000);
    a.from_org = "org";
    a.from_site = "S";
    a.from_hall = "H";
    a.racks = {{"A01", 42}, {"A02", 42}};
    in.halls = {a, Hall("DC2", HallRole::kSecondary, 60, 1000)};
    for (int i = 0; i < 120; ++i) {
      HallDevice d = Device("d" + std::to_string(1000 + i), pick(1, 4), pick(1, 20) / 10.0);
      if (i % 3 == 0) d.redundancy_group = "g" + std::to_string(i % 7);
      if (i < 12) {  // in A01/A02 without overlaps, no group, not critical
        d.redundancy_group.clear();
        d.u_height = 2;
        d.kw = 0.3;
        d.site = "S";
        d.hall = "H";
        d.rack = i % 2 ? "A01" : "A02";
        d.position = 3 + 2 * (i / 2);
      }
      in.devices.push_back(d);
    }
    const auto plan = planners::PlanHalls(in);
    INFO("seed " << seed);
    REQUIRE(testing::BrokenRules(in, plan) == std::vector<std::string>{});
    CHECK(plan.unplaced.empty());
    for (const auto& p : planners::DevicePlacements(plan)) {
      if (!in.devices[0].name.empty() && p.from == "S/H/A01") CHECK(p.kept);
      if (p.from == "S/H/A02") CHECK(p.kept);
    }
    // First-fit decreasing stays within two racks of the bound here.
    CHECK(plan.racks_used <= plan.lower_bound.value + 2);
  }
}

TEST_CASE("a pair goes one to each side, a cluster about half each", "[planners][halls]") {
  HallPlanInput in;
  in.halls = {Hall("DC1", HallRole::kPrimary, 10, 100), Hall("DC2", HallRole::kSecondary, 10, 100)};
  in.devices = {Device("fw1", 1, 0.2, "fw"), Device("fw2", 1, 0.2, "fw")};
  for (int i = 1; i <= 5; ++i)
    in.devices.push_back(Device("esx" + std::to_string(i), 2, 0.5, "cl"));
  const auto plan = planners::PlanHalls(in);
  REQUIRE(testing::BrokenRules(in, plan).empty());
  const auto where = Where(plan);
  CHECK(HallOf(where, "fw1") != HallOf(where, "fw2"));
  int in_dc1 = 0;
  for (int i = 1; i <= 5; ++i) in_dc1 += HallOf(where, "esx" + std::to_string(i)) == "DC1";
  CHECK(in_dc1 == 3);
}

TEST_CASE("group members in a staying hall: half stay, half move", "[planners][halls]") {
  HallPlanInput in;
  HallSpec dc1 = Hall("DC1", HallRole::kPrimary, 4, 100);
  dc1.from_org = "org";
  dc1.from_site = "Stadshuset";
  dc1.from_hall = "Serverhall 1";
  dc1.racks = {{"A01", 42}, {"A02", 42}};
  in.halls = {dc1, Hall("DC2", HallRole::kSecondary, 4, 100)};
  for (int i = 1; i <= 4; ++i) {
    HallDevice d = Device("esx0" + std::to_string(i), 2, 0.6, "prod");
    d.site = "Stadshuset";
    d.hall = "Serverhall 1";
    d.rack = i % 2 ? "A01" : "A02";
    d.position = 10 + 2 * i;
    in.devices.push_back(d);
  }
  const auto plan = planners::PlanHalls(in);
  REQUIRE(testing::BrokenRules(in, plan).empty());
  const auto where = Where(plan);
  CHECK(where.at("esx01") == "DC1/A01@12 kept");
  CHECK(where.at("esx02") == "DC1/A02@14 kept");
  CHECK(HallOf(where, "esx03") == "DC2");
  CHECK(HallOf(where, "esx04") == "DC2");
  CHECK(plan.halls[1].new_racks == 1);
}

TEST_CASE("a critical device without a partner leaves a secondary hall", "[planners][halls]") {
  HallPlanInput in;
  HallSpec dc2 = Hall("DC2", HallRole::kSecondary, 4, 100);
  dc2.from_org = "org";
  dc2.from_site = "K";
  dc2.from_hall = "D";
  dc2.racks = {{"R1", 42}};
  in.halls = {Hall("DC1", HallRole::kPrimary, 4, 100), dc2};
  HallDevice lonely = Device("lic01", 1, 0.3, "", true);
  lonely.site = "K";
  lonely.hall = "D";
  lonely.rack = "R1";
  lonely.position = 5;
  HallDevice plain = lonely;
  plain.name = "web01";
  plain.critical = false;
  plain.position = 7;
  in.devices = {lonely, plain};
  const auto where = Where(planners::PlanHalls(in));
  CHECK(HallOf(where, "lic01") == "DC1");
  CHECK(where.at("web01") == "DC2/R1@7 kept");
}

TEST_CASE("what does not fit is listed with the limit that stopped it", "[planners][halls]") {
  HallPlanInput in;
  HallSpec dc1 = Hall("DC1", HallRole::kPrimary, 1, 3);
  dc1.rack_power_kw = 8;
  in.halls = {dc1};
  in.devices = {Device("tall", 44, 0.1), Device("hot", 1, 9), Device("a", 1, 2.5),
                Device("b", 1, 1)};
  const auto plan = planners::PlanHalls(in);
  REQUIRE(testing::BrokenRules(in, plan).empty());
  const auto where = Where(plan);
  CHECK(where.at("tall") == "unplaced:rack_u");
  CHECK(where.at("hot") == "unplaced:rack_kw");
  CHECK(where.at("a") == "DC1/DC1-N01@3");
  CHECK(where.at("b") == "unplaced:hall_kw");
  CHECK_FALSE(plan.Feasible());
  std::map<std::string, std::string> reasons;
  for (const auto& u : plan.unplaced) reasons[plan.devices[u.device].name] = u.reason;
  CHECK(reasons["tall"] == "is 44 U, taller than any rack's usable height in DC1 (40 U)");
  CHECK(reasons["hot"] == "draws 9.0 kW, more than a rack's power budget in DC1 (8.0 kW)");
  CHECK(reasons["b"] == "needs 1 U, 1.0 kW: DC1: power 0.5 of 3.0 kW left");
  // The same as facts, for a reader in another language.
  for (const auto& u : plan.unplaced) {
    INFO(plan.devices[u.device].name);
    CHECK(u.halls == std::vector<std::string>{"DC1"});
    CHECK(u.max_u == 40);
    CHECK(u.max_kw == 8);
    if (plan.devices[u.device].name != "b") CHECK(u.shortfalls.empty());
    if (plan.devices[u.device].name != "b") continue;
    REQUIRE(u.shortfalls.size() == 1);
    CHECK(u.shortfalls[0].hall == "DC1");
    CHECK(u.shortfalls[0].limit == planners::Limit::kHallPower);
    CHECK(u.shortfalls[0].left_kw == Approx(0.5));
    CHECK(u.shortfalls[0].kw == Approx(3.0));
  }
}

TEST_CASE("cooling and positions are limits too", "[planners][halls]") {
  HallPlanInput in;
  HallSpec dc1 = Hall("DC1", HallRole::kPrimary, 1, 20);
  dc1.cooling_kw = 5;
  in.halls = {dc1};
  in.devices = {Device("a", 30, 4), Device("b", 1, 2), Device("c", 20, 0.5)};
  const auto plan = planners::PlanHalls(in);
  REQUIRE(testing::BrokenRules(in, plan).empty());
  const auto where = Where(plan);
  CHECK(where.at("a") == "DC1/DC1-N01@3");
  CHECK(where.at("b") == "unplaced:hall_cooling");
  CHECK(where.at("c") == "unplaced:hall_positions");
}

TEST_CASE("split without a secondary hall: a note, and nothing forced", "[planners][halls]") {
  HallPlanInput in;
  in.halls = {Hall("DC1", HallRole::kPrimary, 4, 100)};
  in.devices = {Device("fw1", 1, 0.2, "fw"), Device("fw2", 1, 0.2, "fw")};
  const auto plan = planners::PlanHalls(in);
  CHECK(plan.unplaced.empty());
  REQUIRE(plan.notes.size() == 1);
  CHECK(plan.notes[0] ==
        "redundancy: split needs a primary and a secondary hall; redundancy groups are not split");
}

TEST_CASE("a secondary-only scenario cannot take a critical device", "[planners][halls]") {
  HallPlanInput in;
  in.halls = {Hall("DC2", HallRole::kSecondary, 4, 100), Hall("DC3", HallRole::kSecondary, 4, 100)};
  in.devices = {Device("crit", 1, 0.2, "", true)};
  const auto plan = planners::PlanHalls(in);
  // No primary hall: the critical rule has nowhere to send it, so it is not forced.
  CHECK(plan.unplaced.empty());
}

TEST_CASE("moved PDUs fill the PDU zones of new racks; the rest are spare", "[planners][halls]") {
  HallPlanInput in;
  in.halls = {Hall("DC1", HallRole::kPrimary, 4, 100)};
  in.devices = {Device("srv", 2, 0.5)};
  for (const char* name : {"pdu-a", "pdu-b", "pdu-c"}) {
    HallDevice p = Device(name, 1, 0);
    p.pdu = true;
    p.role = "PDU";
    in.devices.push_back(p);
  }
  const auto plan = planners::PlanHalls(in);
  REQUIRE(testing::BrokenRules(in, plan).empty());
  const auto where = Where(plan);
  CHECK(where.at("srv") == "DC1/DC1-N01@3");
  CHECK(where.at("pdu-a") == "DC1/DC1-N01@1");
  CHECK(where.at("pdu-b") == "DC1/DC1-N01@2");
  CHECK(where.at("pdu-c") == "unplaced:spare_pdu");
  CHECK(plan.Feasible());
  CHECK(plan.pdus_missing == 0);
  CHECK(plan.racks_used == 1);
}

TEST_CASE("the lower bound counts U, kW and the split", "[planners][halls]") {
  HallPlanInput in;
  in.halls = {Hall("DC1", HallRole::kPrimary, 10, 100), Hall("DC2", HallRole::kSecondary, 10, 100)};
  // 100 U by 40 usable: 3 racks; 10 kW by 8: 2 racks.
  for (int i = 0; i < 50; ++i) in.devices.push_back(Device("d" + std::to_string(i), 2, 0.2));
  std::vector<std::size_t> all(in.devices.size());
  std::iota(all.begin(), all.end(), 0);
  auto bound = planners::LowerBoundRacks(in, all);
  CHECK(bound.by_u == 3);
  CHECK(bound.by_kw == 2);
  CHECK(bound.by_split == 3);
  // Two members of a group are on different sides, so in different racks, however light.
  in.devices = {Device("a", 1, 3, "g"), Device("b", 1, 3, "g")};
  all = {0, 1};
  bound = planners::LowerBoundRacks(in, all);
  CHECK(bound.by_kw == 1);
  CHECK(bound.by_split == 2);
  CHECK(bound.value == 2);
  // Items over half a rack's budget never share a rack: three 5 kW devices need 3 racks of 8.
  in.devices = {Device("a", 1, 5, "g"), Device("b", 1, 5, "g"), Device("c", 1, 5, "g")};
  all = {0, 1, 2};
  bound = planners::LowerBoundRacks(in, all);
  CHECK(bound.by_kw == 3);
  CHECK(bound.by_split == 2);
  CHECK(bound.value == 3);
  in.redundancy = planners::RedundancyRule::kNone;
  CHECK(planners::LowerBoundRacks(in, all).by_split == 0);
}
