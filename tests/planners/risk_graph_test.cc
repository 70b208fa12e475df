// Risk on small graphs: single points, k of n and random graphs checked by brute force and
// against Boost's articulation points.
#include <catch2/catch.hpp>
#include <map>
#include <random>

#include "planners/availability.h"
#include "planners/risk.h"
#include "tests/planners/estate_util.h"
#include "tests/planners/risk_util.h"

using namespace samdrift;
using core::AssetKind;
using core::RelationKind;
using testing::Chain;
using testing::Lines;
using testing::MakeAsset;
using testing::MakeRelation;
using testing::Risk;
using testing::SpofNames;

namespace {}  // namespace

namespace {

// A diamond: the service needs a redundancy pair (web1, web2), each of which needs `bottom`.
core::Estate Diamond(const std::string& bottom_name) {
  core::Estate e;
  core::Asset a = MakeAsset("k", AssetKind::kVm, "web1");
  core::Asset b = MakeAsset("k", AssetKind::kVm, "web2");
  a.redundancy_group = b.redundancy_group = "webb";
  e.assets = {MakeAsset("k", AssetKind::kService, "Webb"), a, b,
              MakeAsset("k", AssetKind::kDevice, bottom_name)};
  e.relations = {MakeRelation("k", "Webb", RelationKind::kDependsOn, "web1"),
                 MakeRelation("k", "Webb", RelationKind::kDependsOn, "web2"),
                 MakeRelation("k", "web1", RelationKind::kRunsOn, bottom_name),
                 MakeRelation("k", "web2", RelationKind::kRunsOn, bottom_name)};
  return e;
}

// A service on a redundancy group of three VMs, each on its own host.
core::Estate ThreeOfAKind() {
  core::Estate e;
  e.assets = {MakeAsset("k", AssetKind::kService, "Portal")};
  for (const char* n : {"1", "2", "3"}) {
    core::Asset vm = MakeAsset("k", AssetKind::kVm, std::string("vm") + n);
    vm.redundancy_group = "portal";
    e.assets.push_back(vm);
    e.assets.push_back(MakeAsset("k", AssetKind::kDevice, std::string("host") + n));
    e.relations.push_back(
        MakeRelation("k", "Portal", RelationKind::kDependsOn, std::string("vm") + n));
    e.relations.push_back(
        MakeRelation("k", std::string("vm") + n, RelationKind::kRunsOn, std::string("host") + n));
  }
  return e;
}

}  // namespace

TEST_CASE("single points: a chain has every inner vertex, a redundant diamond none",
          "[planners][risk]") {
  core::Diagnostics d;
  auto chain = Risk(Chain(), nullptr, d);
  CHECK(SpofNames(chain.services[0].single_points) ==
        std::vector<std::string>{"host", "san", "vm"});
  CHECK(*chain.services[0].availability_today == Approx(0.9995 * 0.999 * 0.999));
  // The pair's members are no single point; what both stand on is (the diamond's bottom is a
  // common cause, not an inner vertex).
  auto diamond = Risk(Diamond("host"), nullptr, d);
  CHECK(SpofNames(diamond.services[0].single_points) == std::vector<std::string>{"host"});
  CHECK(Lines(d).empty());
}

TEST_CASE("k of n: two of three must be up, by hand", "[planners][risk]") {
  const core::Estate e = ThreeOfAKind();
  const double member = 0.9995 * 0.999;  // VM on its host
  core::Diagnostics d;
  auto one = Risk(e, nullptr, d);
  CHECK(*one.services[0].availability_today ==
        Approx(1 - (1 - member) * (1 - member) * (1 - member)));
  planners::Scenario scenario;
  scenario.k_of_n = {{"portal", 2}};
  auto two = Risk(e, &scenario, d);
  // 2 of 3: p^3 + 3 p^2 (1 - p).
  const double two_of_three = member * member * member + 3 * member * member * (1 - member);
  CHECK(*two.services[0].availability_today == Approx(two_of_three));
  CHECK(two.services[0].single_points.empty());
  // All three: in series, each VM and host a single point. "k/portal" names the org's group.
  scenario.k_of_n = {{"k/portal", 3}};
  auto three = Risk(e, &scenario, d);
  CHECK(*three.services[0].availability_today == Approx(member * member * member));
  CHECK(three.services[0].single_points.size() == 6);
  CHECK(Lines(d).empty());
}

TEST_CASE("k of n: a host two of three members share is a single point when two must be up",
          "[planners][risk]") {
  core::Estate e = ThreeOfAKind();
  e.relations[3] = MakeRelation("k", "vm2", RelationKind::kRunsOn, "host1");  // vm1, vm2 share
  planners::Scenario scenario;
  scenario.k_of_n = {{"portal", 2}};
  core::Diagnostics d;
  auto report = Risk(e, &scenario, d);
  // host1 down leaves only vm3: it is in series; the rest (vm1, vm2, vm3 on host3) 2 of 3.
  CHECK(SpofNames(report.services[0].single_points) == std::vector<std::string>{"host1"});
  const double vm = 0.9995, vm3 = 0.9995 * 0.999;
  const double rest = vm * vm * vm3 + vm * vm * (1 - vm3) + 2 * vm * (1 - vm) * vm3;
  CHECK(*report.services[0].availability_today == Approx(0.999 * rest));
}

TEST_CASE("k of n larger than the group, or naming no group: located warnings",
          "[planners][risk]") {
  core::Diagnostics parse;
  auto scenario = planners::ParseScenario(R"(availability:
  k_of_n:
    portal: 4
    nosuch: 2
)",
                                          "s.yaml", parse);
  REQUIRE(scenario);
  CHECK(Lines(parse).empty());
  core::Diagnostics d;
  auto report = Risk(ThreeOfAKind(), &*scenario, d);
  CHECK(Lines(d) == std::vector<std::string>{
                        "s.yaml:3:5: warning[RSK004]: availability: k_of_n: portal needs 4 "
                        "members up, but k/portal has 3; all of them must be up",
                        "s.yaml:4:5: warning[RSK005]: availability: k_of_n: no redundancy group "
                        "or cluster named 'nosuch'; ignored"});
  const double member = 0.9995 * 0.999;
  CHECK(*report.services[0].availability_today == Approx(member * member * member));

  core::Diagnostics bad;
  CHECK_FALSE(
      planners::ParseScenario("availability:\n  k_of_n: {portal: 0, web: two}\n", "s.yaml", bad));
  CHECK(Lines(bad) ==
        std::vector<std::string>{
            "s.yaml:2:20: error[SCN001]: availability: k_of_n: portal: must be at least 1, got '0'",
            "s.yaml:2:28: error[SCN001]: availability: k_of_n: web: expected a whole number, got "
            "'two'"});
}

TEST_CASE("on graphs of alternatives the single points are Boost's articulation points",
          "[planners][risk]") {
  // Random layered graphs: a service needs one or more of layer 1, each of those one or more of
  // layer 2, ...; every layer is one redundancy group, so a component's needs are alternatives
  // (1 of n) and the bottom layer stands on the ground. There, a single point of the service is
  // exactly a vertex separating it from the ground: an articulation point of the undirected
  // graph of what the service reaches plus the ground (every vertex lies on a simple path from
  // the service to the ground).
  std::mt19937 random(19);
  for (int round = 0; round < 300; ++round) {
    const int layers = 1 + static_cast<int>(random() % 4);
    std::vector<std::vector<std::string>> names(layers + 1);
    core::Estate e;
    e.assets.push_back(MakeAsset("k", AssetKind::kService, "S"));
    names[0] = {"S"};
    for (int l = 1; l <= layers; ++l) {
      const int width = 1 + static_cast<int>(random() % 3);
      for (int i = 0; i < width; ++i) {
        core::Asset a =
            MakeAsset("k", AssetKind::kDevice, "d" + std::to_string(l) + "_" + std::to_string(i));
        a.redundancy_group = "layer" + std::to_string(l);
        names[l].push_back(a.name);
        e.assets.push_back(a);
      }
    }
    std::map<std::string, std::size_t> index;
    for (std::size_t i = 0; i < e.assets.size(); ++i) index[e.assets[i].name] = i;
    std::vector<std::pair<std::size_t, std::size_t>> edges;
    for (int l = 0; l < layers; ++l) {
      for (const std::string& from : names[l]) {
        std::vector<std::string> to;
        for (const std::string& t : names[l + 1]) {
          if (random() % 2 == 0) to.push_back(t);
        }
        if (to.empty()) to.push_back(names[l + 1][random() % names[l + 1].size()]);
        for (const std::string& t : to) {
          e.relations.push_back(MakeRelation("k", from, RelationKind::kDependsOn, t));
          edges.emplace_back(index[from], index[t]);
        }
      }
    }
    // What the service reaches, plus the ground below the bottom layer's reached vertices.
    std::vector<bool> reached(e.assets.size(), false);
    reached[0] = true;
    for (const auto& [a, b] : edges) {  // edges are in layer order
      if (reached[a]) reached[b] = true;
    }
    const std::size_t ground = e.assets.size();
    std::vector<std::pair<std::size_t, std::size_t>> kept;
    for (const auto& [a, b] : edges) {
      if (reached[a]) kept.emplace_back(a, b);
    }
    for (const std::string& bottom : names[layers]) {
      if (reached[index[bottom]]) kept.emplace_back(index[bottom], ground);
    }
    std::vector<std::string> expected;
    for (std::size_t v : planners::ArticulationPoints(ground + 1, kept)) {
      if (v != 0 && v != ground) expected.push_back(e.assets[v].name);
    }
    std::sort(expected.begin(), expected.end());
    core::Diagnostics d;
    auto report = Risk(e, nullptr, d);
    INFO("round " << round);
    CHECK(SpofNames(report.services[0].single_points) == expected);
  }
}

namespace {

// A random dependency DAG of devices under one service: each component depends on some later
// ones; a device may belong to one of three redundancy groups, each with a random k (k_of_n).
struct RandomDag {
  core::Estate estate;
  planners::Scenario scenario;
  std::vector<std::vector<std::size_t>> needs;  // per vertex, the later vertices it depends on
  std::vector<std::string> group;               // per vertex, "" for none
  std::map<std::string, int> k;
};

RandomDag MakeRandomDag(std::mt19937& random) {
  RandomDag g;
  const std::size_t n = 2 + random() % 10;
  g.estate.assets.push_back(MakeAsset("k", AssetKind::kService, "S"));
  g.group.push_back("");
  for (std::size_t i = 1; i < n; ++i) {
    core::Asset a = MakeAsset("k", AssetKind::kDevice, "d" + std::to_string(100 + i));
    if (random() % 2 == 0) a.redundancy_group = "g" + std::to_string(random() % 3);
    g.group.push_back(a.redundancy_group);
    g.estate.assets.push_back(std::move(a));
  }
  for (int j = 0; j < 3; ++j) g.k["g" + std::to_string(j)] = 1 + static_cast<int>(random() % 3);
  for (const auto& [name, k] : g.k) g.scenario.k_of_n[name] = k;
  g.needs.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t j = i + 1; j < n; ++j) {
      if (random() % 3 != 0 && !(i == 0 && g.needs[0].empty() && j == n - 1)) continue;
      g.needs[i].push_back(j);
      g.estate.relations.push_back(MakeRelation("k", g.estate.assets[i].name,
                                                RelationKind::kDependsOn, g.estate.assets[j].name));
    }
  }
  return g;
}

// Whether `v` is up when only `failed` is down, straight from the model's rules: needs of one
// redundancy group are one block of which k (at most all of them) must be up, the rest series.
bool UpWithout(const RandomDag& g, std::size_t v, std::size_t failed) {
  if (v == failed) return false;
  std::map<std::string, std::pair<int, int>> blocks;  // group -> (needed, up)
  for (std::size_t t : g.needs[v]) {
    const bool up = UpWithout(g, t, failed);
    if (g.group[t].empty()) {
      if (!up) return false;
      continue;
    }
    auto& [needed, count] = blocks[g.group[t]];
    ++needed;
    count += up;
  }
  for (const auto& [name, block] : blocks) {
    if (block.second < std::min(block.first, g.k.at(name))) return false;
  }
  return true;
}

}  // namespace

TEST_CASE("single points on random graphs of series, parallel and k-of-n needs: brute force",
          "[planners][risk]") {
  // Beyond graphs of alternatives Boost's articulation points are not single points (two needs
  // in series form a cycle in the undirected graph; k-of-n has no graph notion at all): the
  // one-pass set algebra is checked against failing each component alone.
  std::mt19937 random(20);
  for (int round = 0; round < 500; ++round) {
    const RandomDag g = MakeRandomDag(random);
    std::vector<std::string> expected;
    for (std::size_t x = 1; x < g.estate.assets.size(); ++x) {
      if (!UpWithout(g, 0, x)) expected.push_back(g.estate.assets[x].name);
    }
    core::Diagnostics d;  // RSK004 when a group's k is larger than the members a device needs
    auto report = Risk(g.estate, &g.scenario, d);
    INFO("round " << round);
    REQUIRE(report.services.size() == 1);
    CHECK(SpofNames(report.services[0].single_points) == expected);
  }
}
