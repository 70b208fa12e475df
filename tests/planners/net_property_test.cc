// Property tests of the address planner on generated estates: random, nested, colliding prefixes
// in many orgs (IPv4 and IPv6, VRFs merged or not). Each plan is checked against brute force.
#include <catch2/catch.hpp>
#include <functional>
#include <map>
#include <random>
#include <set>

#include "planners/net_plan.h"

using namespace samdrift;
using planners::NetInput;
using planners::NetPlan;

namespace {

core::IpPrefix P(const std::string& text) { return *core::IpPrefix::Parse(text); }

// A random sub-prefix of `outer`, `extra` bits longer (clamped to the family's width).
core::IpPrefix Inside(const core::IpPrefix& outer, int extra, std::mt19937_64& rng) {
  const int length = std::min(outer.length() + extra, outer.network().width());
  const int bits = length - outer.length();
  const std::uint64_t count = bits >= 63 ? ~std::uint64_t{0} : std::uint64_t{1} << bits;
  return *outer.Subprefix(length, rng() % count);
}

core::IpAddress RandomAddress(const core::IpPrefix& p, std::mt19937_64& rng) {
  return Inside(p, p.network().width(), rng).network();
}

struct Generated {
  NetInput input;
  planners::NetOptions options;
};

Generated Generate(std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  Generated g;
  const int orgs = 3 + static_cast<int>(rng() % 10);
  // Popular ranges many orgs pick from: collisions are the point.
  const std::vector<core::IpPrefix> popular = {
      P("10.0.0.0/12"),  P("10.16.0.0/12"), P("172.16.0.0/12"), P("192.168.0.0/16"),
      P("10.10.0.0/16"), P("fd00::/16"),    P("2001:db8::/32")};
  const std::vector<std::string> vrfs = {"", "", "", "DMZ", "Skola"};
  for (int o = 0; o < orgs; ++o) {
    const std::string org = "org" + std::to_string(o);
    const int roots = 1 + static_cast<int>(rng() % 4);
    for (int r = 0; r < roots; ++r) {
      const core::IpPrefix& base = popular[rng() % popular.size()];
      const std::string vrf = vrfs[rng() % vrfs.size()];
      core::IpPrefix root = Inside(base, static_cast<int>(rng() % 9), rng);
      std::vector<core::IpPrefix> mine = {root};
      const int children = static_cast<int>(rng() % 6);
      for (int c = 0; c < children; ++c) {
        mine.push_back(Inside(mine[rng() % mine.size()], 1 + static_cast<int>(rng() % 6), rng));
      }
      if (rng() % 5 == 0) mine.push_back(mine[rng() % mine.size()]);  // declared twice
      for (const core::IpPrefix& p : mine) {
        planners::NetPrefix np;
        np.org = org;
        np.prefix = p;
        np.vrf = vrf;
        np.name = p.ToString();
        g.input.prefixes.push_back(np);
        const int hosts = static_cast<int>(rng() % 4);
        for (int h = 0; h < hosts; ++h) {
          g.input.addresses.push_back({org, RandomAddress(p, rng), vrf, "h"});
        }
      }
    }
    // Addresses outside every plan (no generated prefix reaches 100.64.0.0/10).
    if (rng() % 2)
      g.input.addresses.push_back({org, RandomAddress(P("100.64.0.0/10"), rng), "", "x"});
  }
  g.options.merge_vrfs = rng() % 2 == 0;
  if (g.options.merge_vrfs && rng() % 2) g.options.merged_vrfs = {"DMZ"};
  g.options.ipv4 = planners::AddressPool{P("10.0.0.0/8"), 8 + static_cast<int>(rng() % 8)};
  g.options.ipv6 = planners::AddressPool{P("fd00::/8"), 16 + static_cast<int>(rng() % 16)};
  return g;
}

std::string DomainOf(const planners::NetOptions& o, const std::string& org,
                     const std::string& vrf) {
  if (vrf.empty()) return "global";
  const bool merged =
      o.merge_vrfs &&
      (o.merged_vrfs.empty() || std::count(o.merged_vrfs.begin(), o.merged_vrfs.end(), vrf) > 0);
  return merged ? "vrf " + vrf : org + ":vrf " + vrf;
}

}  // namespace

TEST_CASE("generated estates: conflicts, counts and renumbering hold against brute force",
          "[planners][net][property]") {
  for (std::uint64_t seed = 1; seed <= 60; ++seed) {
    INFO("seed " << seed);
    Generated g = Generate(seed);
    const NetInput& in = g.input;
    NetPlan plan = planners::PlanNetwork(in, g.options);
    const std::size_t n = in.prefixes.size();
    std::vector<std::string> domain(n);
    for (std::size_t i = 0; i < n; ++i)
      domain[i] = DomainOf(g.options, in.prefixes[i].org, in.prefixes[i].vrf);
    CHECK(plan.domain == domain);

    // The first of equal prefixes of one org and domain stands for all of them.
    std::vector<std::size_t> canonical(n);
    for (std::size_t i = 0; i < n; ++i) {
      canonical[i] = i;
      for (std::size_t j = 0; j < i; ++j) {
        if (in.prefixes[j].org == in.prefixes[i].org && domain[j] == domain[i] &&
            in.prefixes[j].prefix == in.prefixes[i].prefix) {
          canonical[i] = j;
          break;
        }
      }
    }

    // Conflicts: every overlapping pair of different orgs in one domain, exactly once.
    std::set<std::pair<std::size_t, std::size_t>> expected;
    for (std::size_t i = 0; i < n; ++i) {
      for (std::size_t j = i + 1; j < n; ++j) {
        if (canonical[i] != i || canonical[j] != j) continue;
        if (in.prefixes[i].org == in.prefixes[j].org || domain[i] != domain[j]) continue;
        if (in.prefixes[i].prefix.Overlaps(in.prefixes[j].prefix)) expected.insert({i, j});
      }
    }
    std::set<std::pair<std::size_t, std::size_t>> found;
    for (const auto& c : plan.conflicts) {
      const auto& a = in.prefixes[c.a];
      const auto& b = in.prefixes[c.b];
      CHECK(a.org < b.org);  // org0 < org1 < ... in the default (alphabetical) order
      const bool kind_ok = (c.kind == planners::OverlapKind::kEqual && a.prefix == b.prefix) ||
                           (c.kind == planners::OverlapKind::kContains && a.prefix != b.prefix &&
                            a.prefix.Contains(b.prefix)) ||
                           (c.kind == planners::OverlapKind::kWithin && a.prefix != b.prefix &&
                            b.prefix.Contains(a.prefix));
      CHECK(kind_ok);
      CHECK(found.insert({std::min(c.a, c.b), std::max(c.a, c.b)}).second);
    }
    CHECK(found == expected);

    // Addresses in use: the org's distinct addresses inside the prefix, in its domain.
    for (std::size_t i = 0; i < n; ++i) {
      std::set<core::IpAddress> inside;
      for (const auto& a : in.addresses) {
        if (a.org == in.prefixes[i].org && DomainOf(g.options, a.org, a.vrf) == domain[i] &&
            in.prefixes[i].prefix.Contains(a.address)) {
          inside.insert(a.address);
        }
      }
      // Unknown (not 0) where the org has no address of the prefix's family at all.
      const bool known = std::any_of(in.addresses.begin(), in.addresses.end(), [&](const auto& a) {
        return a.org == in.prefixes[i].org && a.address.family() == in.prefixes[i].prefix.family();
      });
      INFO(in.prefixes[i].org << " " << in.prefixes[i].prefix.ToString());
      CHECK(plan.in_use[i] == (known ? std::optional<std::uint64_t>(inside.size()) : std::nullopt));
    }

    // Roots: canonical prefixes that no other prefix of their org and domain contains.
    std::set<std::size_t> roots;
    for (std::size_t i = 0; i < n; ++i) {
      if (canonical[i] != i) continue;
      bool inner = false;
      for (std::size_t j = 0; j < n && !inner; ++j) {
        inner = canonical[j] == j && j != i && in.prefixes[j].org == in.prefixes[i].org &&
                domain[j] == domain[i] && in.prefixes[j].prefix.Contains(in.prefixes[i].prefix);
      }
      if (!inner) roots.insert(i);
    }
    std::set<std::size_t> moved;
    for (const auto& r : plan.renumber) {
      CHECK(roots.count(r.prefix) == 1);
      CHECK(moved.insert(r.prefix).second);
    }
    std::vector<std::size_t> kept;
    for (std::size_t i : roots) {
      if (!moved.count(i)) kept.push_back(i);
    }
    // Nothing kept overlaps anything kept of another org.
    for (std::size_t x = 0; x < kept.size(); ++x) {
      for (std::size_t y = x + 1; y < kept.size(); ++y) {
        const auto& a = in.prefixes[kept[x]];
        const auto& b = in.prefixes[kept[y]];
        if (domain[kept[x]] != domain[kept[y]]) continue;
        INFO(a.org << " " << a.prefix.ToString() << " / " << b.org << " " << b.prefix.ToString());
        CHECK_FALSE(a.prefix.Overlaps(b.prefix));
      }
    }
    // Where a root of unknown use overlaps (through a chain of overlaps) a root, use is not
    // compared for it: its tree is blind.
    std::vector<std::size_t> group(n);
    for (std::size_t i = 0; i < n; ++i) group[i] = i;
    std::function<std::size_t(std::size_t)> find = [&](std::size_t i) {
      return group[i] == i ? i : group[i] = find(group[i]);
    };
    for (std::size_t x : roots) {
      for (std::size_t y : roots) {
        if (domain[x] == domain[y] && in.prefixes[x].prefix.Overlaps(in.prefixes[y].prefix)) {
          group[find(x)] = find(y);
        }
      }
    }
    std::set<std::size_t> blind;
    for (std::size_t r : roots) {
      if (!plan.in_use[r]) blind.insert(find(r));
    }
    // The kept set is the best one: no set of non-overlapping roots keeps more addresses in use
    // (then more declared prefixes). Exhaustive over small domains.
    auto weight = [&](std::size_t r) {
      std::uint64_t prefixes = 0;
      for (std::size_t j = 0; j < n; ++j) {
        prefixes += canonical[j] == j && in.prefixes[j].org == in.prefixes[r].org &&
                    domain[j] == domain[r] && in.prefixes[r].prefix.Contains(in.prefixes[j].prefix);
      }
      const std::uint64_t use = blind.count(find(r)) ? 0 : plan.in_use[r].value_or(0);
      return std::make_pair(use, prefixes);
    };
    std::map<std::string, std::vector<std::size_t>> roots_by_domain;
    for (std::size_t r : roots) roots_by_domain[domain[r]].push_back(r);
    for (const auto& [d, list] : roots_by_domain) {
      if (list.size() > 14) continue;
      std::pair<std::uint64_t, std::uint64_t> best{0, 0};
      std::pair<std::uint64_t, std::uint64_t> planned{0, 0};
      for (std::size_t r : list) {
        if (!moved.count(r)) {
          planned.first += weight(r).first;
          planned.second += weight(r).second;
        }
      }
      for (std::uint32_t mask = 0; mask < (1u << list.size()); ++mask) {
        std::pair<std::uint64_t, std::uint64_t> w{0, 0};
        bool ok = true;
        for (std::size_t x = 0; x < list.size() && ok; ++x) {
          if (!(mask >> x & 1)) continue;
          w.first += weight(list[x]).first;
          w.second += weight(list[x]).second;
          for (std::size_t y = x + 1; y < list.size() && ok; ++y) {
            ok = !(mask >> y & 1) ||
                 !in.prefixes[list[x]].prefix.Overlaps(in.prefixes[list[y]].prefix);
          }
        }
        if (ok) best = std::max(best, w);
      }
      INFO("domain " << d);
      CHECK(planned == best);
    }
    // New prefixes: the same size, inside the org's block, clear of every kept root and of
    // every other new prefix in the same domain.
    std::map<std::string, std::vector<core::IpPrefix>> blocks;
    for (const auto& b : plan.blocks) blocks[b.org].push_back(b.block);
    std::vector<std::pair<std::size_t, core::IpPrefix>> proposed;
    for (const auto& r : plan.renumber) {
      if (!r.to) continue;
      const auto& from = in.prefixes[r.prefix];
      CHECK(r.to->length() == from.prefix.length());
      CHECK(r.to->family() == from.prefix.family());
      const auto& mine = blocks[from.org];
      CHECK(std::any_of(mine.begin(), mine.end(),
                        [&](const core::IpPrefix& b) { return b.Contains(*r.to); }));
      for (std::size_t k : kept) {
        if (domain[k] != domain[r.prefix]) continue;
        INFO(r.to->ToString() << " vs kept " << in.prefixes[k].prefix.ToString());
        CHECK_FALSE(r.to->Overlaps(in.prefixes[k].prefix));
      }
      for (const auto& [other, to] : proposed) {
        if (domain[other] != domain[r.prefix]) continue;
        INFO(r.to->ToString() << " vs new " << to.ToString());
        CHECK_FALSE(r.to->Overlaps(to));
      }
      proposed.emplace_back(r.prefix, *r.to);
    }
    // Blocks never overlap.
    for (std::size_t x = 0; x < plan.blocks.size(); ++x) {
      for (std::size_t y = x + 1; y < plan.blocks.size(); ++y) {
        CHECK_FALSE(plan.blocks[x].block.Overlaps(plan.blocks[y].block));
      }
    }
    // Unplanned: exactly the addresses no prefix of their org holds in their domain.
    std::size_t outside = 0;
    std::set<std::tuple<std::string, std::string, core::IpAddress>> seen;
    for (const auto& a : in.addresses) {
      if (!seen.insert({a.org, DomainOf(g.options, a.org, a.vrf), a.address}).second) continue;
      bool held = false;
      for (std::size_t i = 0; i < n && !held; ++i) {
        held = in.prefixes[i].org == a.org && domain[i] == DomainOf(g.options, a.org, a.vrf) &&
               in.prefixes[i].prefix.Contains(a.address);
      }
      if (!held) ++outside;
    }
    CHECK(plan.unplanned.size() == outside);
  }
}
