#include "planners/net_plan.h"

#include <catch2/catch.hpp>
#include <set>

using namespace samdrift;
using planners::Moves;
using planners::NetInput;
using planners::NetOptions;
using planners::NetPlan;
using planners::OverlapKind;

namespace {

core::IpPrefix P(const std::string& text) {
  auto p = core::IpPrefix::Parse(text);
  INFO(text);
  REQUIRE(p.ok());
  return *p;
}

core::IpAddress A(const std::string& text) {
  auto a = core::IpAddress::Parse(text);
  INFO(text);
  REQUIRE(a.ok());
  return *a;
}

struct Estate {
  NetInput input;
  Estate& Prefix(const std::string& org, const std::string& prefix, const std::string& vrf = "",
                 const std::string& description = "") {
    planners::NetPrefix p;
    p.org = org;
    p.prefix = P(prefix);
    p.vrf = vrf;
    p.name = prefix + (vrf.empty() ? "" : " vrf " + vrf);
    p.description = description;
    input.prefixes.push_back(p);
    return *this;
  }
  // `count` consecutive addresses from `first`.
  Estate& Hosts(const std::string& org, const std::string& first, int count = 1,
                const std::string& vrf = "") {
    core::IpAddress a = A(first);
    for (int k = 0; k < count; ++k) {
      input.addresses.push_back({org, a, vrf, "host"});
      auto next = core::FirstPrefixAfter(a, a.width());
      if (next) a = next->network();
    }
    return *this;
  }
  Estate& Vlan(const std::string& org, int vid, const std::string& name,
               const std::string& role = "", bool from_prefix = false) {
    input.vlans.push_back({org, vid, name, role, "", "", from_prefix});
    return *this;
  }
};

// "org prefix kind org prefix -> moves" lines, in plan order.
std::vector<std::string> Conflicts(const NetInput& in, const NetPlan& plan) {
  std::vector<std::string> out;
  for (const auto& c : plan.conflicts) {
    out.push_back(in.prefixes[c.a].org + " " + in.prefixes[c.a].name + " " +
                  std::string(ToString(c.kind)) + " " + in.prefixes[c.b].org + " " +
                  in.prefixes[c.b].name + " -> " +
                  (c.moves == Moves::kA   ? "a"
                   : c.moves == Moves::kB ? "b"
                                          : "both"));
  }
  return out;
}

std::vector<std::string> Renumbered(const NetInput& in, const NetPlan& plan) {
  std::vector<std::string> out;
  for (const auto& r : plan.renumber) {
    out.push_back(in.prefixes[r.prefix].org + " " + in.prefixes[r.prefix].name + " -> " +
                  (r.to ? r.to->ToString() : "none"));
  }
  return out;
}

NetOptions Pool4(const std::string& supernet, int block) {
  NetOptions o;
  o.ipv4 = planners::AddressPool{P(supernet), block};
  return o;
}

}  // namespace

TEST_CASE("adjacent prefixes of two orgs do not collide", "[planners][net]") {
  Estate e;
  e.Prefix("gnosjo", "10.1.0.0/24").Prefix("hylte", "10.1.1.0/24").Prefix("hylte", "10.1.2.0/23");
  NetPlan plan = planners::PlanNetwork(e.input, {});
  CHECK(plan.conflicts.empty());
  CHECK(plan.renumber.empty());
}

TEST_CASE("equal, contains and within, oriented by org order", "[planners][net]") {
  Estate e;
  e.Prefix("varnamo", "10.20.0.0/16")
      .Prefix("vaggeryd", "10.20.128.0/20")
      .Prefix("gislaved", "10.10.0.0/16")
      .Prefix("gnosjo", "10.10.0.0/16")
      .Prefix("gnosjo", "10.0.0.0/12")
      .Hosts("varnamo", "10.20.1.1", 5)
      .Hosts("gislaved", "10.10.1.1", 3)
      .Hosts("gnosjo", "10.10.200.1", 2)
      .Hosts("gnosjo", "10.5.0.1", 1);
  NetOptions options;
  options.org_order = {"gislaved", "gnosjo", "varnamo", "vaggeryd"};
  NetPlan plan = planners::PlanNetwork(e.input, options);
  CHECK(plan.orgs == std::vector<std::string>{"gislaved", "gnosjo", "varnamo", "vaggeryd"});
  CHECK(Conflicts(e.input, plan) ==
        std::vector<std::string>{
            "gislaved 10.10.0.0/16 within gnosjo 10.0.0.0/12 -> a",
            "gislaved 10.10.0.0/16 equal gnosjo 10.10.0.0/16 -> a",
            "varnamo 10.20.0.0/16 contains vaggeryd 10.20.128.0/20 -> b",
        });
  // In use: the org's own addresses, counted in the innermost prefix and every outer one.
  CHECK(plan.in_use[0] == 5);
  CHECK_FALSE(plan.in_use[1]);  // vaggeryd has no address data: unknown, not 0
  CHECK(plan.in_use[2] == 3);
  CHECK(plan.in_use[3] == 2);
  CHECK(plan.in_use[4] == 3);
  // gnosjo's /12 holds gislaved's /16 (3 in use) against its own 3: a tie, and the plan with
  // more prefixes (gnosjo: the /12 and its /16) stays.
  CHECK(Renumbered(e.input, plan) == std::vector<std::string>{"gislaved 10.10.0.0/16 -> none",
                                                              "vaggeryd 10.20.128.0/20 -> none"});
  CHECK(plan.renumber[0].reason ==
        "overlaps gnosjo's 10.0.0.0/12, which stays (3 addresses in use against 3 here; a tie, "
        "the plan with more prefixes stays); no new prefix: the scenario gives no IPv4 supernet "
        "(addressing: supernet, per_org_block)");
  CHECK(plan.renumber[0].how == planners::NewPrefixWhy::kNoSupernet);
  CHECK_FALSE(plan.renumber[0].block);
}

TEST_CASE("the side with more addresses in use stays", "[planners][net]") {
  Estate e;
  e.Prefix("gislaved", "10.10.0.0/16")
      .Prefix("gislaved", "10.10.10.0/24")
      .Prefix("gnosjo", "10.10.0.0/16")
      .Prefix("gnosjo", "10.10.10.0/24")
      .Prefix("gnosjo", "10.10.20.0/24")
      .Hosts("gislaved", "10.10.10.1", 40)
      .Hosts("gnosjo", "10.10.20.1", 10);
  NetOptions options = Pool4("10.0.0.0/8", 14);
  NetPlan plan = planners::PlanNetwork(e.input, options);
  REQUIRE(plan.renumber.size() == 1);
  const auto& r = plan.renumber[0];
  CHECK(e.input.prefixes[r.prefix].org == "gnosjo");
  CHECK(e.input.prefixes[r.prefix].name == "10.10.0.0/16");
  CHECK(r.hosts == 10);
  CHECK(r.moves_with == 2);
  REQUIRE(r.to);
  CHECK(r.to->ToString() == "10.0.0.0/16");  // gnosjo's block is the lowest free one
  CHECK(r.reason ==
        "overlaps gislaved's 10.10.0.0/16, which stays (40 addresses in use against 10 here); "
        "new prefix 10.0.0.0/16: the lowest free /16 in gnosjo's block 10.0.0.0/14");
  // The same as facts, for a reader in another language.
  CHECK(r.why == planners::MoveWhy::kOverlapsKept);
  REQUIRE(r.kept);
  CHECK(e.input.prefixes[*r.kept].org == "gislaved");
  CHECK(e.input.prefixes[*r.kept].name == "10.10.0.0/16");
  CHECK(r.how == planners::NewPrefixWhy::kLowestFree);
  REQUIRE(r.block);
  CHECK(r.block->ToString() == "10.0.0.0/14");
  // gislaved keeps the block its plan lives in.
  REQUIRE(plan.blocks.size() == 2);
  CHECK(plan.blocks[0].org == "gislaved");
  CHECK(plan.blocks[0].block.ToString() == "10.8.0.0/14");
  CHECK(plan.blocks[0].reason == "the block that holds most of its kept prefixes");
  CHECK(plan.blocks[1].org == "gnosjo");
  CHECK(plan.blocks[1].block.ToString() == "10.0.0.0/14");
  // Every conflict between the two plans moves gnosjo's side.
  for (const auto& c : plan.conflicts) CHECK(c.moves == Moves::kB);
  CHECK(plan.conflicts.size() == 5);
}

TEST_CASE("an org without address data has unknown use, and the choice says it rests on it",
          "[planners][net][unknown]") {
  Estate e;
  e.Prefix("gislaved", "10.10.0.0/16")
      .Prefix("gislaved", "10.10.10.0/24")
      .Prefix("gislaved", "2001:db8::/32")  // no IPv6 address in gislaved's data
      .Prefix("gnosjo", "10.10.0.0/16")
      .Prefix("gnosjo", "10.10.20.0/24")
      .Prefix("gnosjo", "10.10.30.0/24")
      .Prefix("hylte", "172.16.0.0/16")
      .Prefix("varnamo", "172.16.8.0/21")
      .Hosts("gislaved", "10.10.10.1", 200);
  NetPlan plan = planners::PlanNetwork(e.input, Pool4("10.0.0.0/8", 14));
  CHECK(plan.in_use[0] == 200);
  CHECK(plan.in_use[1] == 200);
  CHECK_FALSE(plan.in_use[2]);
  CHECK_FALSE(plan.in_use[3]);
  CHECK_FALSE(plan.in_use[4]);
  CHECK_FALSE(plan.in_use[6]);
  REQUIRE(plan.org_addresses.size() == 4);
  CHECK(plan.org_addresses[0] == 200);
  CHECK_FALSE(plan.org_addresses[1]);
  // 200 against unknown is no win: prefixes declared decide (gnosjo 3, gislaved 2), and the
  // reason says the choice rests on unknown use.
  CHECK(Renumbered(e.input, plan) ==
        std::vector<std::string>{"gislaved 10.10.0.0/16 -> 10.0.0.0/16",
                                 "varnamo 172.16.8.0/21 -> 10.12.0.0/21"});
  REQUIRE(plan.renumber.size() == 2);
  CHECK(plan.renumber[0].hosts == 200);
  CHECK(plan.renumber[0].rests_on_unknown);
  CHECK(plan.renumber[0].reason ==
        "overlaps gnosjo's 10.10.0.0/16, which stays (unknown use against 200 here; the choice "
        "rests on unknown use (no address data: gnosjo), so the plan with more prefixes stays); "
        "new prefix 10.0.0.0/16: the lowest free /16 in gislaved's block 10.0.0.0/14");
  // Both unknown: no tie is claimed, the outer prefix stays.
  CHECK_FALSE(plan.renumber[1].hosts);
  CHECK(plan.renumber[1].rests_on_unknown);
  CHECK(plan.renumber[1].reason ==
        "overlaps hylte's 172.16.0.0/16, which stays (unknown use against unknown here; the "
        "choice rests on unknown use (no address data: hylte, varnamo), so the outer prefix or "
        "the org listed first stays); new prefix 10.12.0.0/21: the lowest free /21 in "
        "varnamo's block 10.12.0.0/14");
}

TEST_CASE("a prefix of unknown use holding prefixes of other orgs", "[planners][net][unknown]") {
  Estate e;
  e.Prefix("hylte", "172.16.0.0/16")
      .Prefix("varnamo", "172.16.1.0/24")
      .Prefix("vaggeryd", "172.16.2.0/24")
      .Hosts("varnamo", "172.16.1.1", 20)
      .Hosts("vaggeryd", "172.16.2.1", 20);
  NetPlan plan = planners::PlanNetwork(e.input, {});
  REQUIRE(plan.renumber.size() == 1);
  CHECK(plan.renumber[0].reason ==
        "holds prefixes of other orgs that declare 2 prefixes together against 1 here (unknown "
        "use); the choice rests on unknown use (no address data: hylte), so they stay and this "
        "moves; no new prefix: the scenario gives no IPv4 supernet (addressing: supernet, "
        "per_org_block)");
}

TEST_CASE("a big prefix moves when the prefixes inside it hold more", "[planners][net]") {
  Estate e;
  e.Prefix("hylte", "172.16.0.0/16")
      .Prefix("varnamo", "172.16.1.0/24")
      .Prefix("vaggeryd", "172.16.2.0/24")
      .Hosts("hylte", "172.16.100.1", 30)
      .Hosts("varnamo", "172.16.1.1", 20)
      .Hosts("vaggeryd", "172.16.2.1", 20);
  NetPlan plan = planners::PlanNetwork(e.input, Pool4("10.0.0.0/8", 12));
  CHECK(Renumbered(e.input, plan) ==
        std::vector<std::string>{"hylte 172.16.0.0/16 -> 10.0.0.0/16"});
  REQUIRE(plan.renumber.size() == 1);
  CHECK(plan.renumber[0].reason ==
        "holds prefixes of other orgs with 40 addresses in use together against 30 here; they "
        "stay and this moves; new prefix 10.0.0.0/16: the lowest free /16 in hylte's block "
        "10.0.0.0/12");
}

TEST_CASE("nested several deep across three orgs", "[planners][net]") {
  Estate e;
  e.Prefix("a", "10.0.0.0/8")
      .Prefix("b", "10.1.0.0/16")
      .Prefix("c", "10.1.2.0/24")
      .Prefix("a", "10.1.2.128/25")  // a's own, inside a's /8: no new root
      .Prefix("b", "10.1.2.192/26")
      .Hosts("c", "10.1.2.1", 50)
      .Hosts("b", "10.1.3.1", 20)
      .Hosts("a", "10.9.0.1", 10);
  NetPlan plan = planners::PlanNetwork(e.input, {});
  CHECK(Conflicts(e.input, plan) == std::vector<std::string>{
                                        "a 10.0.0.0/8 contains b 10.1.0.0/16 -> both",
                                        "a 10.0.0.0/8 contains b 10.1.2.192/26 -> both",
                                        "a 10.0.0.0/8 contains c 10.1.2.0/24 -> a",
                                        "a 10.1.2.128/25 within b 10.1.0.0/16 -> both",
                                        "a 10.1.2.128/25 contains b 10.1.2.192/26 -> both",
                                        "a 10.1.2.128/25 within c 10.1.2.0/24 -> a",
                                        "b 10.1.0.0/16 contains c 10.1.2.0/24 -> a",
                                        "b 10.1.2.192/26 within c 10.1.2.0/24 -> a",
                                    });
  // c (50) beats b (20 of its own) inside; together 50 beat a's 10.
  CHECK(Renumbered(e.input, plan) ==
        std::vector<std::string>{"a 10.0.0.0/8 -> none", "b 10.1.0.0/16 -> none"});
  CHECK(plan.renumber[0].moves_with == 1);
  CHECK(plan.renumber[1].moves_with == 1);
  CHECK(plan.renumber[1].reason ==
        "holds prefixes of other orgs with 50 addresses in use together against 20 here; they "
        "stay and this moves; no new prefix: the scenario gives no IPv4 supernet (addressing: "
        "supernet, per_org_block)");
}

TEST_CASE("IPv6, /0, /32 and /128", "[planners][net]") {
  Estate e;
  e.Prefix("a", "2001:db8::/32")
      .Prefix("b", "2001:db8:1::/48")
      .Prefix("b", "2001:db9::/32")
      .Prefix("c", "::/0")
      .Prefix("d", "2001:db8:1::1/128")
      .Prefix("a", "10.1.2.3/32")
      .Prefix("b", "10.1.2.3/32")
      .Prefix("b", "10.1.2.4/32");
  NetPlan plan = planners::PlanNetwork(e.input, {});
  std::vector<std::string> c = Conflicts(e.input, plan);
  std::set<std::string> kinds(c.begin(), c.end());
  CHECK(kinds.count("a 10.1.2.3/32 equal b 10.1.2.3/32 -> b"));
  CHECK(kinds.count("a 2001:db8::/32 contains b 2001:db8:1::/48 -> both") +
            kinds.count("a 2001:db8::/32 contains b 2001:db8:1::/48 -> b") ==
        1);
  CHECK(kinds.count("a 2001:db8::/32 within c ::/0 -> b"));
  CHECK(kinds.count("b 2001:db9::/32 within c ::/0 -> b"));
  CHECK(kinds.count("c ::/0 contains d 2001:db8:1::1/128 -> both"));
  CHECK(kinds.count("b 2001:db8:1::/48 within c ::/0 -> both"));
  CHECK(kinds.count("b 2001:db8:1::/48 contains d 2001:db8:1::1/128 -> both"));
  // IPv4 and IPv6 never meet: ::/0 holds no IPv4 prefix.
  for (const std::string& line : c) {
    CHECK_FALSE(
        (line.find("::/0") != std::string::npos && line.find("10.1.2") != std::string::npos));
  }
  // 4 + 1 + 1 (v6: a-b /48, a-c, a-d, b-c twice, b-d, c-d) + (v4: a-b /32).
  CHECK(c.size() == 8);
}

TEST_CASE("VRFs are separate domains unless the scenario merges them", "[planners][net]") {
  Estate e;
  e.Prefix("a", "10.10.0.0/24", "DMZ")
      .Prefix("b", "10.10.0.0/24", "DMZ")
      .Prefix("c", "10.10.0.0/24", "Skola")
      .Prefix("d", "10.10.0.0/24", "Skola")
      .Prefix("e", "10.10.0.0/24");
  NetPlan separate = planners::PlanNetwork(e.input, {});
  CHECK(separate.conflicts.empty());
  CHECK(separate.domain[0] == "a:vrf DMZ");
  CHECK(separate.domain[4] == "global");

  NetOptions all;
  all.merge_vrfs = true;
  NetPlan merged = planners::PlanNetwork(e.input, all);
  CHECK(Conflicts(e.input, merged) ==
        std::vector<std::string>{"a 10.10.0.0/24 vrf DMZ equal b 10.10.0.0/24 vrf DMZ -> b",
                                 "c 10.10.0.0/24 vrf Skola equal d 10.10.0.0/24 vrf Skola -> b"});
  CHECK(merged.domain[0] == "vrf DMZ");

  NetOptions only_dmz;
  only_dmz.merge_vrfs = true;
  only_dmz.merged_vrfs = {"DMZ"};
  NetPlan some = planners::PlanNetwork(e.input, only_dmz);
  CHECK(Conflicts(e.input, some) ==
        std::vector<std::string>{"a 10.10.0.0/24 vrf DMZ equal b 10.10.0.0/24 vrf DMZ -> b"});
}

TEST_CASE("a prefix declared twice in one org is reported once, not as a conflict",
          "[planners][net]") {
  Estate e;
  e.Prefix("gislaved", "10.10.40.0/24")
      .Prefix("gislaved", "10.10.40.0/24")
      .Prefix("gnosjo", "10.10.0.0/16")
      .Hosts("gislaved", "10.10.40.5", 2);
  e.input.prefixes[1].name = "10.10.40.0/24 (line 7)";
  NetPlan plan = planners::PlanNetwork(e.input, {});
  REQUIRE(plan.duplicates.size() == 1);
  CHECK(plan.duplicates[0] == std::vector<std::size_t>{0, 1});
  CHECK(plan.conflicts.size() == 1);
  CHECK(plan.in_use[0] == 2);
  CHECK(plan.in_use[1] == 2);
}

TEST_CASE("addresses in no prefix of their org are data-quality findings", "[planners][net]") {
  Estate e;
  e.Prefix("varnamo", "10.20.0.0/16")
      .Prefix("vaggeryd", "10.30.10.0/24")
      .Prefix("hylte", "172.16.8.0/21", "Skola")
      .Hosts("vaggeryd", "10.30.10.5")
      .Hosts("vaggeryd", "10.30.10.5")  // seen twice (nmap and GLPI): one address
      .Hosts("vaggeryd", "10.20.7.7")   // in varnamo's plan, not in its own
      .Hosts("vaggeryd", "192.168.1.1")
      .Hosts("vaggeryd", "127.0.0.1")  // loopback: not part of a plan
      .Hosts("hylte", "172.16.8.9");   // no VRF given: found in the org's VRF prefix
  NetPlan plan = planners::PlanNetwork(e.input, {});
  CHECK(plan.addresses_counted == 4);
  REQUIRE(plan.unplanned.size() == 2);
  CHECK(e.input.addresses[plan.unplanned[0].address].address.ToString() == "10.20.7.7");
  REQUIRE(plan.unplanned[0].inside_of);
  CHECK(e.input.prefixes[*plan.unplanned[0].inside_of].org == "varnamo");
  CHECK(e.input.addresses[plan.unplanned[1].address].address.ToString() == "192.168.1.1");
  CHECK_FALSE(plan.unplanned[1].inside_of);
  CHECK(plan.in_use[1] == 1);
  CHECK(plan.in_use[2] == 1);
}

TEST_CASE("new prefixes avoid kept ones and each other", "[planners][net]") {
  Estate e;
  // gislaved keeps 10.0.0.0/16 and 10.1.0.0/24, which lie in the block gnosjo gets.
  e.Prefix("gislaved", "10.0.0.0/16")
      .Prefix("gislaved", "10.1.0.0/24")
      .Prefix("gislaved", "192.168.1.0/24")
      .Prefix("gislaved", "192.168.2.0/24")
      .Prefix("gislaved", "192.168.3.0/25")
      .Prefix("gnosjo", "192.168.1.0/24")
      .Prefix("gnosjo", "192.168.2.0/24")
      .Prefix("gnosjo", "192.168.3.0/24")
      .Hosts("gislaved", "192.168.1.1", 5)
      .Hosts("gislaved", "192.168.2.1", 5)
      .Hosts("gislaved", "192.168.3.1", 5)
      .Hosts("gislaved", "10.0.0.1", 1)
      .Hosts("gnosjo", "192.168.1.200", 1);  // gnosjo's use is known: it loses on counts
  NetOptions options = Pool4("10.0.0.0/15", 16);
  options.org_order = {"gnosjo", "gislaved"};
  NetPlan plan = planners::PlanNetwork(e.input, options);
  // gislaved's kept prefixes make 10.0.0.0/16 its block; gnosjo gets 10.1.0.0/16 and must step
  // around gislaved's kept 10.1.0.0/24 there.
  CHECK(Renumbered(e.input, plan) == std::vector<std::string>{
                                         "gnosjo 192.168.1.0/24 -> 10.1.1.0/24",
                                         "gnosjo 192.168.2.0/24 -> 10.1.2.0/24",
                                         "gnosjo 192.168.3.0/24 -> 10.1.3.0/24",
                                     });
}

TEST_CASE("renumbering says why it cannot place a prefix", "[planners][net]") {
  Estate e;
  e.Prefix("a", "10.0.0.0/16").Prefix("b", "10.0.0.0/16").Hosts("a", "10.0.0.1", 2);
  e.Prefix("a", "10.200.0.0/24").Prefix("c", "10.200.0.0/24").Hosts("a", "10.200.0.1", 2);
  e.Prefix("a", "10.201.0.0/24").Prefix("c", "10.201.0.0/24").Hosts("a", "10.201.0.1", 2);
  {
    NetPlan plan = planners::PlanNetwork(e.input, Pool4("10.0.0.0/8", 20));
    CHECK(Renumbered(e.input, plan) == std::vector<std::string>{"b 10.0.0.0/16 -> none",
                                                                "c 10.200.0.0/24 -> 10.1.16.0/24",
                                                                "c 10.201.0.0/24 -> 10.1.17.0/24"});
    // a's kept /16 fills the first sixteen /20 blocks; a itself gets the block of its /24s.
    CHECK(plan.renumber[0].reason.ends_with(
        "no new prefix: a /16 is larger than b's block 10.1.0.0/20"));
    CHECK(plan.blocks[0].block.ToString() == "10.200.0.0/20");
  }
  {
    NetPlan plan = planners::PlanNetwork(e.input, Pool4("10.0.0.0/8", 9));
    // Two /9 blocks for three orgs: a holds more in the upper one, b gets the lower, c none.
    CHECK(plan.blocks.size() == 2);
    CHECK(plan.renumber[1].reason.ends_with(
        "no new prefix: no /9 block left for c in 10.0.0.0/8 (2 blocks)"));
  }
  {
    // /24 blocks: c's block holds its first /24 and nothing more.
    NetPlan plan = planners::PlanNetwork(e.input, Pool4("10.0.0.0/8", 24));
    REQUIRE(plan.renumber[1].to);
    CHECK(plan.renumber[1].to->ToString() == "10.1.1.0/24");
    CHECK_FALSE(plan.renumber[2].to);
    CHECK(plan.renumber[2].reason.ends_with(
        "no new prefix: c's block 10.1.1.0/24 has no free /24 left"));
  }
}

TEST_CASE("VLAN purposes are compared by normalised name", "[planners][net][vlan]") {
  struct Case {
    const char* text;
    int vid;
    const char* purpose;
  };
  const Case cases[] = {
      {"Servrar", 10, "servrar"},        {"  SERVRAR ", 10, "servrar"},
      {"VLAN10-Servrar", 10, "servrar"}, {"vlan 10 servrar", 10, "servrar"},
      {"Gäst-WLAN", 300, "gast wlan"},   {"GÄST WLAN", 300, "gast wlan"},
      {"Servrar 2", 11, "servrar 2"},    {"Skolnät", 130, "skolnat"},
      {"Management", 99, "management"},  {"", 5, ""},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    CHECK(planners::NormalisePurpose(c.text, c.vid) == c.purpose);
  }
}

TEST_CASE("VLAN clashes, matches and unknown purposes", "[planners][net][vlan]") {
  Estate e;
  e.Vlan("gislaved", 10, "Servrar", "Servrar")
      .Vlan("varnamo", 10, "Servrar", "Servers")  // same name, roles in two languages: a match
      .Vlan("gnosjo", 10, "Klienter", "", true)
      .Vlan("hylte", 99, "Management")
      .Vlan("gnosjo", 99, "VLAN99 management", "", true)
      .Vlan("gislaved", 40, "Skrivare")
      .Vlan("gislaved", 40, "Skrivare Anderstorp")
      .Vlan("varnamo", 40, "Skrivare Anderstorp")
      .Vlan("vaggeryd", 20, "")
      .Vlan("hylte", 20, "Klienter")
      .Vlan("vaggeryd", 50, "", "wlan")
      .Vlan("hylte", 50, "WLAN")
      // gnosjo has a VLAN asset for 77: its prefix rows for 77 are not used.
      .Vlan("gnosjo", 77, "Kameror")
      .Vlan("gnosjo", 77, "Något annat", "", true)
      .Vlan("hylte", 77, "Kameror");
  NetOptions options;
  options.org_order = {"gislaved", "gnosjo", "varnamo", "vaggeryd", "hylte"};
  NetPlan plan = planners::PlanNetwork(e.input, options);
  auto lines = [](const std::vector<planners::VlanPair>& pairs) {
    std::vector<std::string> out;
    for (const auto& p : pairs) {
      std::string a;
      for (const auto& n : p.names_a) a += (a.empty() ? "" : "|") + n;
      std::string b;
      for (const auto& n : p.names_b) b += (b.empty() ? "" : "|") + n;
      out.push_back(std::to_string(p.vid) + " " + p.org_a + " " + a + " / " + p.org_b + " " + b);
    }
    return out;
  };
  CHECK(lines(plan.vlan_conflicts) == std::vector<std::string>{
                                          "10 gislaved Servrar / gnosjo Klienter",
                                          "10 gnosjo Klienter / varnamo Servrar",
                                      });
  CHECK(lines(plan.vlan_matches) ==
        std::vector<std::string>{
            "10 gislaved Servrar / varnamo Servrar",
            "40 gislaved Skrivare|Skrivare Anderstorp / varnamo Skrivare Anderstorp",
            "50 vaggeryd wlan / hylte WLAN",
            "77 gnosjo Kameror / hylte Kameror",
            "99 gnosjo VLAN99 management / hylte Management",
        });
  CHECK(lines(plan.vlan_unknown) == std::vector<std::string>{"20 vaggeryd  / hylte Klienter"});
}
