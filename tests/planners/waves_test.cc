#include "planners/waves.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <map>
#include <random>
#include <set>

using namespace samdrift::planners;

namespace {

WaveItem Item(std::string id, std::string org = "gnosjo") {
  WaveItem item;
  item.id = id;
  item.org = std::move(org);
  item.asset = id;
  item.action = "migrate";
  item.kind = "vm";
  return item;
}

// Items with their dependencies named by id: {"lon", {"eko", "vm-a"}}.
struct Spec {
  std::string id;
  std::vector<std::string> deps;
};
std::vector<WaveItem> Items(const std::vector<Spec>& specs) {
  WaveProblem problem;
  std::vector<std::vector<std::string>> deps;
  for (const Spec& spec : specs) {
    problem.items.push_back(Item(spec.id));
    deps.push_back(spec.deps);
  }
  REQUIRE(LinkById(problem, deps).empty());
  return std::move(problem.items);
}

std::string IdOf(const WavePlan& plan, ItemIndex i) { return plan.items.at(i).item.id; }

// The problem with its items in another order, their dependencies following them.
WaveProblem Shuffled(const WaveProblem& problem, std::mt19937& rng) {
  std::vector<ItemIndex> order(problem.items.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = static_cast<ItemIndex>(i);
  std::shuffle(order.begin(), order.end(), rng);
  std::vector<ItemIndex> position(order.size());
  for (std::size_t k = 0; k < order.size(); ++k) position[order[k]] = static_cast<ItemIndex>(k);
  WaveProblem out = problem;
  for (std::size_t k = 0; k < order.size(); ++k) {
    out.items[k] = problem.items[order[k]];
    for (ItemIndex& dep : out.items[k].depends_on) dep = position[dep];
  }
  return out;
}

std::map<std::string, int> WaveOf(const WavePlan& plan) {
  std::map<std::string, int> out;
  for (const auto& p : plan.items) out[p.item.id] = p.wave;
  return out;
}

// Checks every rule of the plan against its problem.
void CheckRules(const WaveProblem& problem, const WavePlan& plan) {
  auto wave_of = WaveOf(plan);
  REQUIRE(wave_of.size() == problem.items.size());
  std::map<std::string, int> group_of;
  for (const auto& p : plan.items) group_of[p.item.id] = p.move_group;
  std::map<int, std::set<int>> waves_of_group;
  for (const auto& p : plan.items) waves_of_group[p.move_group].insert(p.wave);
  for (const auto& [group, waves] : waves_of_group) CHECK(waves.size() == 1);
  for (const WaveItem& item : problem.items) {
    for (const ItemIndex d : item.depends_on) {
      const std::string& dep = problem.items.at(d).id;
      if (dep == item.id) continue;
      if (group_of[dep] == group_of[item.id]) continue;
      INFO(item.id << " depends on " << dep);
      CHECK(wave_of[dep] < wave_of[item.id]);
    }
  }
  std::map<std::string, int> rg_size;
  for (const auto& item : problem.items) {
    if (!item.redundancy_group.empty()) ++rg_size[item.redundancy_group];
  }
  std::map<std::string, const WaveItem*> by_id;
  for (const auto& item : problem.items) by_id[item.id] = &item;
  for (const Wave& wave : plan.waves) {
    const bool flagged = !wave.over_limit.empty();
    std::map<std::string, int> rg;
    double kw = 0, hours = 0;
    double all_kw = 0;
    int limited_items = 0;
    for (const ItemIndex i : wave.items) {
      const WaveItem& item = *by_id.at(IdOf(plan, i));
      if (!item.redundancy_group.empty()) ++rg[item.redundancy_group];
      all_kw += item.kw;
      if (item.kind == "build") continue;  // built first, outside the wave limits
      ++limited_items;
      kw += item.kw;
      hours += item.hours;
    }
    CHECK(all_kw == Approx(wave.kw));
    if (flagged) {
      std::set<int> groups;
      for (const ItemIndex i : wave.items) groups.insert(group_of[IdOf(plan, i)]);
      CHECK(groups.size() == 1);  // an oversized group goes alone
      continue;
    }
    for (const auto& [group, count] : rg) {
      if (rg_size[group] >= 2) CHECK(count <= std::max(1, rg_size[group] / 2));
      if (rg_size[group] >= 2) CHECK(count < rg_size[group]);
    }
    if (problem.limits.max_items) CHECK(limited_items <= *problem.limits.max_items);
    if (problem.limits.max_kw) CHECK(kw <= *problem.limits.max_kw + 1e-6);
    if (problem.limits.max_hours) CHECK(hours <= *problem.limits.max_hours + 1e-6);
    for (const HallLoad& load : wave.halls_after) {
      for (const WaveHall& hall : problem.halls) {
        if (hall.name != load.hall) continue;
        double cap = std::min(hall.power_kw, hall.cooling_kw);
        CHECK(load.power_kw_used <= std::max(cap, hall.power_kw_used) + 1e-6);
        CHECK(load.positions_used <= std::max(hall.positions, hall.positions_used) + 1e-6);
      }
    }
  }
  CHECK(static_cast<int>(plan.waves.size()) >= plan.lower_bound.waves);
}

WaveProblem RandomProblem(std::mt19937& rng, int n) {
  WaveProblem problem;
  std::uniform_int_distribution<int> coin(0, 99);
  std::uniform_real_distribution<double> kw(0.0, 2.0);
  const char* orgs[] = {"gislaved", "gnosjo", "varnamo", "vaggeryd", "hylte"};
  for (int i = 0; i < n; ++i) {
    WaveItem item = Item("i" + std::to_string(1000 + i), orgs[i % 5]);
    item.kw = kw(rng);
    item.hours = 1 + coin(rng) % 8;
    item.criticality = coin(rng) % 4;
    item.past_end_of_support = coin(rng) < 20;
    if (coin(rng) < 30) item.redundancy_group = "rg" + std::to_string(coin(rng) % (n / 6 + 1));
    if (coin(rng) < 40) {
      item.hall_in = coin(rng) < 50 ? "DC1" : "DC2";
      item.hall_kw = item.kw;
      item.hall_positions = 0.1;
    }
    int deps = coin(rng) % 3;
    for (int d = 0; d < deps; ++d) {
      // Mostly to earlier items, sometimes later ones: that makes cycles.
      int target =
          coin(rng) < 85 ? (i > 0 ? static_cast<int>(rng() % i) : 0) : static_cast<int>(rng() % n);
      item.depends_on.push_back(static_cast<ItemIndex>(target));  // "i" + (1000 + target)
    }
    problem.items.push_back(item);
  }
  problem.limits.max_items = 5 + coin(rng) % 20;
  if (coin(rng) < 70) problem.limits.max_kw = 3 + coin(rng) % 10;
  if (coin(rng) < 70) problem.limits.max_hours = 20 + coin(rng) % 40;
  problem.halls = {{"DC1", 12, 200, 220, 2, 10}, {"DC2", 10, 150, 140, 0, 0}};
  SortDependencies(problem);
  return problem;
}

}  // namespace

TEST_CASE("dependencies come first and cycles move together", "[planners][waves]") {
  WaveProblem problem;
  problem.items = Items({{"platform"},
                         {"vm-a", {"platform"}},
                         {"lon", {"eko", "vm-a"}},
                         {"eko", {"lon"}},
                         {"retire-host", {"vm-a"}}});
  auto plan = PlanWaves(problem);
  REQUIRE(plan.ok());
  auto wave = WaveOf(*plan);
  CHECK(wave["platform"] == 1);
  CHECK(wave["vm-a"] == 2);
  CHECK(wave["lon"] == 3);
  CHECK(wave["eko"] == 3);
  CHECK(wave["retire-host"] == 3);
  REQUIRE(plan->cycles.size() == 1);
  CHECK(IdsOf(*plan, plan->cycles[0].members) == std::vector<std::string>{"eko", "lon"});
  CHECK(plan->lower_bound.by_chain == 3);
  CHECK(plan->lower_bound.waves == 3);
  CheckRules(problem, *plan);
  for (const auto& p : plan->items) {
    if (p.item.id == "lon") {
      CHECK(ToText(*plan, p) ==
            "moves with its dependency cycle (move group 1, 2 items); after vm-a; wave 3: the "
            "first after its dependencies");
    }
  }
}

TEST_CASE("a redundant pair is never moved in one wave", "[planners][waves]") {
  WaveProblem problem;
  WaveItem a = Item("core-a"), b = Item("core-b");
  a.redundancy_group = b.redundancy_group = "core";
  problem.items = {a, b};
  auto plan = PlanWaves(problem);
  REQUIRE(plan.ok());
  CHECK(plan->waves.size() == 2);
  CHECK(plan->lower_bound.by_redundancy == 2);
  CheckRules(problem, *plan);
}

TEST_CASE("limits split waves; an oversized group goes alone and is reported",
          "[planners][waves]") {
  WaveProblem problem;
  problem.limits.max_items = 2;
  problem.items = Items({{"a"}, {"b"}, {"c"}, {"x", {"y"}}, {"y", {"z"}}, {"z", {"x"}}});
  auto plan = PlanWaves(problem);
  REQUIRE(plan.ok());
  CheckRules(problem, *plan);
  bool flagged = false;
  for (const Wave& w : plan->waves) {
    if (!w.over_limit.empty()) {
      flagged = true;
      CHECK(w.items.size() == 3);
      CHECK(w.over_limit[0] == "move group 4 exceeds the wave's item limit (2)");
      REQUIRE(w.over_limit_why.size() == 1);
      CHECK(w.over_limit_why[0].first == 4);
      CHECK(w.over_limit_why[0].second.kind == WaveBlock::Kind::kItemLimit);
    }
  }
  CHECK(flagged);
}

TEST_CASE("past end of support first, then low criticality (pilot first)", "[planners][waves]") {
  WaveProblem problem;
  problem.limits.max_items = 1;
  WaveItem critical = Item("a-critical"), low = Item("b-low"), old = Item("c-old");
  critical.criticality = 3;
  low.criticality = 0;
  old.criticality = 2;
  old.past_end_of_support = true;
  problem.items = {critical, low, old};
  auto plan = PlanWaves(problem);
  REQUIRE(plan.ok());
  auto wave = WaveOf(*plan);
  CHECK(wave["c-old"] == 1);
  CHECK(wave["b-low"] == 2);
  CHECK(wave["a-critical"] == 3);
}

TEST_CASE("hall capacity holds after every wave", "[planners][waves]") {
  WaveProblem problem;
  problem.halls = {{"DC1", 2, 10, 10, 1, 6}};
  WaveItem out = Item("move-out"), in1 = Item("in-1"), in2 = Item("in-2");
  out.hall_out = "DC1";
  out.hall_kw = 4;
  out.hall_positions = 1;
  in1.hall_in = in2.hall_in = "DC1";
  in1.hall_kw = in2.hall_kw = 4;
  in1.hall_positions = in2.hall_positions = 0.5;
  out.criticality = 3;  // would go last on priority alone
  problem.items = {out, in1, in2};
  auto plan = PlanWaves(problem);
  REQUIRE(plan.ok());
  CheckRules(problem, *plan);
  auto wave = WaveOf(*plan);
  CHECK(wave["move-out"] == 1);
  CHECK(wave["in-1"] + wave["in-2"] == 3);
}

TEST_CASE("malformed input: duplicate ids fail; unknown and self dependencies warn",
          "[planners][waves]") {
  WaveProblem problem;
  problem.items = {Item("a"), Item("a")};
  CHECK_FALSE(PlanWaves(problem).ok());
  problem.items = {Item("a")};
  CHECK(LinkById(problem, {{"a", "ghost"}}) ==
        std::vector<std::string>{"item 'a' depends on unknown item 'ghost'; ignored"});
  problem.items[0].depends_on.push_back(7);  // an index outside the problem
  auto plan = PlanWaves(problem);
  REQUIRE(plan.ok());
  CHECK(plan->warnings ==
        std::vector<std::string>{"item 'a' depends on itself; ignored",
                                 "item 'a' depends on item 7, which is not in the plan; ignored"});
  CHECK(IdsOf(*plan, plan->items[0].item.depends_on) == std::vector<std::string>{"a"});
  CHECK(PlanWaves(WaveProblem{}).ok());
}

TEST_CASE("property: every rule holds on random problems, deterministically", "[planners][waves]") {
  std::mt19937 rng(20261127);
  for (int round = 0; round < 60; ++round) {
    WaveProblem problem = RandomProblem(rng, 10 + round * 5);
    auto plan = PlanWaves(problem);
    REQUIRE(plan.ok());
    CheckRules(problem, *plan);
    WaveProblem shuffled = Shuffled(problem, rng);
    auto again = PlanWaves(shuffled);
    REQUIRE(again.ok());
    REQUIRE(again->items.size() == plan->items.size());
    for (std::size_t i = 0; i < plan->items.size(); ++i) {
      CHECK(again->items[i].item.id == plan->items[i].item.id);
      CHECK(again->items[i].wave == plan->items[i].wave);
      CHECK(ToText(*again, again->items[i]) == ToText(*plan, plan->items[i]));
      CHECK(IdsOf(*again, again->items[i].item.depends_on) ==
            IdsOf(*plan, plan->items[i].item.depends_on));
    }
  }
}

TEST_CASE("the lower bound counts an oversized group once, as the plan does", "[planners][waves]") {
  WaveProblem problem;
  problem.limits.max_items = 1;
  problem.limits.max_hours = 5;
  problem.items = Items({{"a", {"b"}}, {"b", {"a"}}});
  problem.items[0].hours = 4;
  problem.items[1].hours = 4;
  problem.items[0].redundancy_group = "pair";
  problem.items[1].redundancy_group = "pair";
  auto plan = PlanWaves(problem);
  REQUIRE(plan.ok());
  CheckRules(problem, *plan);
  CHECK(plan->waves.size() == 1);
  CHECK(plan->lower_bound.by_items == 1);
  CHECK(plan->lower_bound.by_hours == 1);
  CHECK(plan->lower_bound.by_redundancy == 1);
  CHECK(plan->lower_bound.waves == 1);
}

TEST_CASE("property: the lower bound never exceeds the plan's waves on small tight problems",
          "[planners][waves]") {
  std::mt19937 rng(7);
  std::uniform_int_distribution<int> coin(0, 99);
  for (int round = 0; round < 3000; ++round) {
    WaveProblem problem;
    const int n = 1 + coin(rng) % 10;
    for (int i = 0; i < n; ++i) {
      WaveItem item = Item("i" + std::to_string(i), coin(rng) < 50 ? "a" : "b");
      item.kw = (coin(rng) % 40) / 10.0;
      item.hours = coin(rng) % 9;
      if (coin(rng) < 50) item.redundancy_group = "rg" + std::to_string(coin(rng) % 3);
      if (coin(rng) < 30) {
        item.hall_in = "DC1";
        item.hall_kw = item.kw;
        item.hall_positions = 0.5;
      }
      const int deps = coin(rng) % 3;
      for (int d = 0; d < deps; ++d) item.depends_on.push_back(static_cast<ItemIndex>(rng() % n));
      problem.items.push_back(item);
    }
    if (coin(rng) < 80) problem.limits.max_items = 1 + coin(rng) % 3;
    if (coin(rng) < 60) problem.limits.max_kw = 0.5 + (coin(rng) % 30) / 10.0;
    if (coin(rng) < 60) problem.limits.max_hours = 1 + coin(rng) % 10;
    problem.halls = {{"DC1", 3, 4, 3, 1, 1}};
    SortDependencies(problem);
    auto plan = PlanWaves(problem);
    REQUIRE(plan.ok());
    const LowerBound& b = plan->lower_bound;
    const int waves = static_cast<int>(plan->waves.size());
    INFO("round " << round << ": " << waves << " waves, bound " << b.waves << " (chain "
                  << b.by_chain << ", items " << b.by_items << ", kW " << b.by_kw << ", hours "
                  << b.by_hours << ", redundancy " << b.by_redundancy << ")");
    REQUIRE(b.waves <= waves);
    REQUIRE(b.waves == std::max({b.by_chain, b.by_items, b.by_kw, b.by_hours, b.by_redundancy, 1}));
  }
}

TEST_CASE("what everything waits for is built first, outside the wave limits",
          "[planners][waves]") {
  WaveProblem problem;
  problem.limits.max_hours = 20;
  problem.limits.max_items = 2;
  problem.items = Items({{"a"}, {"b"}, {"core"}, {"platform", {"core"}}, {"vm", {"platform"}}});
  for (WaveItem& item : problem.items) item.hours = 10;
  problem.items[0].past_end_of_support = true;  // would otherwise go first
  problem.items[2].kind = "build";
  problem.items[2].hours = 80;
  problem.items[3].kind = "build";
  problem.items[3].hours = 120;
  auto plan = PlanWaves(problem);
  REQUIRE(plan.ok());
  CheckRules(problem, *plan);
  auto wave = WaveOf(*plan);
  CHECK(wave["core"] == 1);
  CHECK(wave["platform"] == 2);
  CHECK(wave["a"] == 1);
  CHECK(wave["b"] == 1);
  CHECK(wave["vm"] == 3);
  REQUIRE(plan->waves.size() == 3);
  CHECK(plan->waves[0].hours == 100);
  CHECK(plan->waves[0].over_limit.empty());
  CHECK(plan->lower_bound.by_hours == 2);
  std::map<std::string, std::string> reason;
  for (const auto& p : plan->items) reason[p.item.id] = ToText(*plan, p);
  CHECK(reason["core"] == "wave 1: nothing to wait for; built first, outside the wave's limits");
  CHECK(reason["platform"] ==
        "after core; wave 2: the first after its dependencies; built first, outside the wave's "
        "limits");
}

TEST_CASE("a filtered plan keeps the chosen items and says what they wait for outside it",
          "[planners][waves]") {
  WaveProblem problem;
  problem.items = Items({{"core"}, {"move", {"core"}}, {"os"}});
  problem.items[0].category = "network";
  problem.items[0].action = "replace";
  problem.items[1].category = "datacenter";
  problem.items[2].category = "platform";
  problem.items[2].action = "upgrade";
  problem.items[1].reason = "moves to DC1";
  SECTION("by category") {
    FilterWaveItems(problem, {"datacenter", "platform"}, {});
    REQUIRE(problem.items.size() == 2);
    CHECK(problem.items[0].id == "move");
    CHECK(problem.items[0].depends_on.empty());
    CHECK(ToText(problem.items[0]) == "moves to DC1; waits for 1 item outside the plan's filter");
    CHECK(problem.items[1].id == "os");
  }
  SECTION("by action") {
    FilterWaveItems(problem, {}, {"migrate", "replace"});
    REQUIRE(problem.items.size() == 2);
    CHECK(problem.items[1].depends_on == std::vector<ItemIndex>{0});
    CHECK(problem.items[0].id == "core");
    CHECK(ToText(problem.items[1]) == "moves to DC1");
  }
}

TEST_CASE("a wave item interns its repeated texts", "[planners][waves]") {
  // Issue 23: a national plan holds millions of items, each once in the problem and once in the
  // plan. The org, action, kind, category, redundancy group and halls are core::Name (4 bytes,
  // not a 32-byte string with a heap copy of a hall name over 15 characters).
  CHECK(sizeof(ItemWhy) <= 24);
  WaveItem a = Item("a");
  a.hall_in = "Region Väst/Serverhall 1";
  WaveItem b = Item("b");
  b.hall_in = std::string("Region Väst/") + "Serverhall 1";
  CHECK(a.hall_in == b.hall_in);
  CHECK(a.hall_in.data() == b.hall_in.data());  // one copy of the text
}

TEST_CASE("an item's reason is also given as facts: its cycle, what it waits for, what held it",
          "[planners][waves]") {
  WaveProblem problem;
  problem.items = Items({{"a"}, {"b"}, {"c"}, {"d"}, {"e"}, {"f", {"a", "b", "c", "d", "e"}}});
  auto plan = PlanWaves(problem);
  REQUIRE(plan.ok());
  // Waits for five items: the facts name the first three and count the rest, as the sentence.
  const PlannedItem& f = plan->items.back();
  REQUIRE(f.item.id == "f");
  CHECK(IdsOf(*plan, f.why.after) == std::vector<std::string>{"a", "b", "c"});
  CHECK(f.why.after_more == 2);
  CHECK(f.why.ready_wave == 2);
  CHECK(ToText(*plan, f) == "after a, b, c and 2 more; wave 2: the first after its dependencies");

  // A cycle of two held back from wave 1 by the item limit (the old item went first).
  problem.items = Items({{"a"}, {"x", {"y"}}, {"y", {"x"}}});
  problem.items[0].past_end_of_support = true;
  problem.limits.max_items = 2;
  plan = PlanWaves(problem);
  REQUIRE(plan.ok());
  std::map<std::string, const PlannedItem*> by_id;
  for (const auto& p : plan->items) by_id[p.item.id] = &p;
  const PlannedItem& x = *by_id["x"];
  CHECK(x.wave == 2);
  CHECK(x.why.cycle_items == 2);
  CHECK(x.why.ready_wave == 1);
  CHECK(x.why.held_by.kind == WaveBlock::Kind::kItemLimit);
  CHECK(x.why.held_by.limit == 2);
  CHECK(ToText(*plan, x) ==
        "moves with its dependency cycle (move group 2, 2 items); wave 2: ready in wave 1 but "
        "held back by the wave's item limit (2)");
  CHECK(by_id["a"]->why.past_eol);
  CHECK(by_id["a"]->why.ready_wave == 1);
}

TEST_CASE("a held-back item's block reads as the planner's English", "[planners][waves]") {
  CHECK(ToText({WaveBlock::Kind::kPriority, 0, "", 0, 0}) ==
        "items placed first (higher priority)");
  CHECK(ToText({WaveBlock::Kind::kKwLimit, 40, "", 0, 0}) == "the wave's kW limit (40.0)");
  CHECK(ToText({WaveBlock::Kind::kHoursLimit, 80.5, "", 0, 0}) == "the wave's hours limit (80.5)");
  CHECK(ToText({WaveBlock::Kind::kRedundancy, 0, "core", 1, 2}) ==
        "redundancy group 'core' (at most 1 of 2 members per wave)");
  CHECK(ToText({WaveBlock::Kind::kHallRoom, 0, "DC1", 0, 0}) == "room in hall 'DC1'");
}

TEST_CASE("a filtered item counts what it waits for outside the filter", "[planners][waves]") {
  WaveProblem problem;
  problem.items = Items({{"core"}, {"move", {"core"}}});
  problem.items[0].category = "network";
  problem.items[1].category = "datacenter";
  FilterWaveItems(problem, {"datacenter"}, {});
  REQUIRE(problem.items.size() == 1);
  CHECK(problem.items[0].why.outside_filter == 1);
}

TEST_CASE("a planned item holds numbers, not texts that printing makes", "[planners][waves]") {
  // Issue 23: a pooled national plan holds millions of items. Its dependencies, what it waits for,
  // a wave's items and a cycle's members are indices, not copies of ids; its sentences are made
  // from the facts when printed. Before: a WaveItem of 320 bytes and a PlannedItem of 464, each
  // with a heap copy of every dependency's id, of its sentence and of the first three it waits
  // for, and each wave a copy of every item's id.
  CHECK(sizeof(WaveItem) <= 216);
  CHECK(sizeof(PlannedItem) <= 296);
  CHECK(sizeof(WaveWhy::after) <= 16);  // in place: no allocation
  WaveProblem problem;
  problem.items = Items({{"core"}, {"b", {"core"}}, {"a", {"core", "b"}}});
  problem.items[0].kind = "build";
  problem.items[0].why.kind = ItemWhy::Kind::kNetworkCore;
  problem.items[0].why.place = "DC1";
  problem.items[1].why.kind = ItemWhy::Kind::kMove;
  problem.items[1].why.place = "S/H/R1";
  problem.items[1].why.rack = "A03";
  problem.items[1].why.u = 16;
  problem.items[1].hall_in = "DC1";
  problem.items[2].why.kind = ItemWhy::Kind::kCutOver;
  CHECK(problem.items[2].depends_on == std::vector<ItemIndex>{1, 0});  // in id order: b, core
  auto plan = PlanWaves(problem);
  REQUIRE(plan.ok());
  REQUIRE(plan->items.size() == 3);
  for (const PlannedItem& p : plan->items) CHECK(p.item.reason.empty());
  CHECK(IdsOf(*plan, plan->waves[0].items) == std::vector<std::string>{"core"});
  CHECK(IdsOf(*plan, plan->waves[1].items) == std::vector<std::string>{"b"});
  CHECK(IdsOf(*plan, plan->waves[2].items) == std::vector<std::string>{"a"});
  CHECK(IdsOf(*plan, plan->items[2].item.depends_on) == std::vector<std::string>{"b", "core"});
  CHECK(ToText(*plan, plan->items[0]) ==
        "built first: the joint network core in DC1 that the devices moving there connect to; "
        "wave 1: nothing to wait for; built first, outside the wave's limits");
  CHECK(ToText(*plan, plan->items[1]) ==
        "moves from S/H/R1 to DC1, rack A03 U16; after core; wave 2: the first after its "
        "dependencies");
  CHECK(ToText(*plan, plan->items[2]) ==
        "cut-over of the service once what it needs has moved; after b, core; wave 3: the first "
        "after its dependencies");
}
