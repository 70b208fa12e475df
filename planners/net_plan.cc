#include "planners/net_plan.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <numeric>
#include <unordered_map>

#include "core/text.h"
#include "planners/net_alloc.h"

namespace samdrift::planners {
namespace {

constexpr std::uint32_t kNone = ~std::uint32_t{0};

// Loopback, link-local, unspecified, broadcast and multicast say nothing about an address plan.
bool IsPlanAddress(const core::IpAddress& a) {
  static const core::IpPrefix kSkip[] = {
      *core::IpPrefix::Parse("0.0.0.0/32"),     *core::IpPrefix::Parse("127.0.0.0/8"),
      *core::IpPrefix::Parse("169.254.0.0/16"), *core::IpPrefix::Parse("224.0.0.0/3"),
      *core::IpPrefix::Parse("::/128"),         *core::IpPrefix::Parse("::1/128"),
      *core::IpPrefix::Parse("fe80::/10"),      *core::IpPrefix::Parse("ff00::/8"),
  };
  return std::none_of(std::begin(kSkip), std::end(kSkip),
                      [&](const core::IpPrefix& p) { return p.Contains(a); });
}

struct Weight {
  std::uint64_t in_use = 0;
  std::uint64_t prefixes = 0;
  Weight& operator+=(const Weight& o) {
    in_use += o.in_use;
    prefixes += o.prefixes;
    return *this;
  }
  friend auto operator<=>(const Weight&, const Weight&) = default;
};

double Since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

class Planner {
 public:
  Planner(const NetInput& input, const NetOptions& options)
      : in_(input), options_(options), n_(input.prefixes.size()) {}

  NetPlan Run() {
    Step("orgs and domains", [&] {
      OrderOrgs();
      AssignDomains();
    });
    Step("duplicates and org trees", [&] { FindDuplicates(); });
    Step("addresses in use", [&] { CountAddresses(); });
    Step("conflict sweep", [&] { SweepConflicts(); });
    Step("keep set and renumbering", [&] { DecideRoots(); });
    Step("VLANs", [&] { FindVlanClashes(in_, plan_.orgs, plan_); });
    auto started = std::chrono::steady_clock::now();
    // Grouped for reading: by domain, then a's org and prefix, then b's (a prefix's place in
    // the domain order stands for the domain and the prefix).
    std::sort(plan_.conflicts.begin(), plan_.conflicts.end(),
              [&](const PrefixConflict& x, const PrefixConflict& y) {
                return std::make_tuple(dom_[x.a], org_[x.a], place_[x.a], org_[x.b], place_[x.b]) <
                       std::make_tuple(dom_[y.a], org_[y.a], place_[y.a], org_[y.b], place_[y.b]);
              });
    plan_.timings.emplace_back("sorting conflicts", Since(started));
    return std::move(plan_);
  }

 private:
  template <typename F>
  void Step(const char* name, F&& f) {
    auto started = std::chrono::steady_clock::now();
    f();
    plan_.timings.emplace_back(name, Since(started));
  }

  // A contiguous copy: sorts and sweeps touch the prefixes only, not the whole records.
  const core::IpPrefix& P(std::size_t i) const { return prefix_[i]; }
  const std::string& OrgName(std::size_t i) const { return plan_.orgs[org_[i]]; }

  // Records come grouped by org: the last answer is usually the next one too.
  std::uint32_t OrgId(const std::string& org) {
    if (!last_org_ || *last_org_ != org) {
      last_org_ = &org;
      last_org_id_ = org_ids_.at(org);
    }
    return last_org_id_;
  }

  void OrderOrgs() {
    std::vector<std::string> present;
    const std::string* last = nullptr;
    auto note = [&](const std::string& org) {
      if (last && *last == org) return;
      last = &org;
      if (org_ids_.emplace(org, 0).second) present.push_back(org);
    };
    for (const NetPrefix& p : in_.prefixes) note(p.org);
    for (const NetVlan& v : in_.vlans) note(v.org);
    for (const NetAddress& a : in_.addresses) note(a.org);
    std::vector<std::string> ordered;
    for (const std::string& org : options_.org_order) {
      if (org_ids_.count(org) && std::find(ordered.begin(), ordered.end(), org) == ordered.end()) {
        ordered.push_back(org);
      }
    }
    std::sort(present.begin(), present.end());
    for (const std::string& org : present) {
      if (std::find(ordered.begin(), ordered.end(), org) == ordered.end()) ordered.push_back(org);
    }
    for (std::uint32_t k = 0; k < ordered.size(); ++k) org_ids_[ordered[k]] = k;
    plan_.orgs = std::move(ordered);
  }

  bool Merged(const std::string& vrf) const {
    if (!options_.merge_vrfs) return false;
    return options_.merged_vrfs.empty() ||
           std::find(options_.merged_vrfs.begin(), options_.merged_vrfs.end(), vrf) !=
               options_.merged_vrfs.end();
  }

  std::uint32_t DomainOf(const std::string& org, const std::string& vrf) {
    if (vrf.empty()) return 0;
    std::string key = Merged(vrf) ? std::string("vrf ") + vrf : org + ":vrf " + vrf;
    auto [it, inserted] = domain_ids_.emplace(std::move(key), domain_names_.size());
    if (inserted) domain_names_.push_back(it->first);
    return it->second;
  }

  void AssignDomains() {
    domain_names_ = {"global"};
    org_.resize(n_);
    dom_.resize(n_);
    plan_.domain.resize(n_);
    count_.assign(n_, 0);
    prefix_.resize(n_);
    for (std::size_t i = 0; i < n_; ++i) {
      const NetPrefix& p = in_.prefixes[i];
      prefix_[i] = p.prefix;
      org_[i] = OrgId(p.org);
      dom_[i] = DomainOf(p.org, p.vrf);
      plan_.domain[i] = domain_names_[dom_[i]];
    }
  }

  // Sorts by (domain, org, prefix): equal neighbours are duplicates within an org; the rest, per
  // (domain, org) group, nest by a stack into each org's own tree.
  void FindDuplicates() {
    by_org_.resize(n_);
    std::iota(by_org_.begin(), by_org_.end(), 0u);
    std::sort(by_org_.begin(), by_org_.end(), [&](std::uint32_t x, std::uint32_t y) {
      if (dom_[x] != dom_[y]) return dom_[x] < dom_[y];
      if (org_[x] != org_[y]) return org_[x] < org_[y];
      if (P(x) != P(y)) return P(x) < P(y);
      return x < y;
    });
    canonical_.assign(n_, kNone);
    org_parent_.assign(n_, kNone);
    std::vector<std::uint32_t> kept;
    kept.reserve(n_);
    std::vector<std::uint32_t> stack;
    for (std::size_t k = 0; k < n_; ++k) {
      const std::uint32_t x = by_org_[k];
      if (!kept.empty()) {
        const std::uint32_t prev = kept.back();
        if (dom_[prev] == dom_[x] && org_[prev] == org_[x] && P(prev) == P(x)) {
          canonical_[x] = prev;
          if (plan_.duplicates.empty() || plan_.duplicates.back().front() != prev) {
            plan_.duplicates.push_back({prev});
          }
          plan_.duplicates.back().push_back(x);
          continue;
        }
      }
      canonical_[x] = x;
      const bool new_group =
          kept.empty() || dom_[kept.back()] != dom_[x] || org_[kept.back()] != org_[x];
      if (new_group) {
        stack.clear();
        groups_[GroupKey(dom_[x], org_[x])] = {kept.size(), kept.size()};
        org_domains_[org_[x]].push_back(dom_[x]);
      }
      while (!stack.empty() && !P(stack.back()).Contains(P(x))) stack.pop_back();
      org_parent_[x] = stack.empty() ? kNone : stack.back();
      stack.push_back(x);
      kept.push_back(x);
      groups_[GroupKey(dom_[x], org_[x])].second = kept.size();
    }
    by_org_ = std::move(kept);  // canonical prefixes only, same order
  }

  static std::uint64_t GroupKey(std::uint32_t domain, std::uint32_t org) {
    return (static_cast<std::uint64_t>(domain) << 32) | org;
  }

  // The innermost prefix of (domain, org) holding `a`, or kNone.
  std::uint32_t Innermost(std::uint32_t domain, std::uint32_t org, const core::IpAddress& a) {
    auto g = groups_.find(GroupKey(domain, org));
    if (g == groups_.end()) return kNone;
    auto begin = by_org_.begin() + static_cast<std::ptrdiff_t>(g->second.first);
    auto end = by_org_.begin() + static_cast<std::ptrdiff_t>(g->second.second);
    auto it = std::upper_bound(begin, end, a, [&](const core::IpAddress& addr, std::uint32_t i) {
      return addr < P(i).network();
    });
    if (it == begin) return kNone;
    // Any prefix before the candidate that holds `a` contains the candidate: climb its parents.
    for (std::uint32_t x = *(it - 1); x != kNone; x = org_parent_[x]) {
      if (P(x).Contains(a)) return x;
    }
    return kNone;
  }

  void CountAddresses() {
    // Sorted by (org, domain, address) in a compact copy, so that repeats are neighbours.
    struct Seen {
      std::uint32_t org;
      std::uint32_t domain;
      core::IpAddress address;
      std::uint32_t index;
    };
    const std::size_t m = in_.addresses.size();
    std::vector<Seen> seen(m);
    for (std::size_t i = 0; i < m; ++i) {
      const NetAddress& a = in_.addresses[i];
      seen[i] = {OrgId(a.org), DomainOf(a.org, a.vrf), a.address, static_cast<std::uint32_t>(i)};
    }
    std::sort(seen.begin(), seen.end(), [](const Seen& x, const Seen& y) {
      if (x.org != y.org) return x.org < y.org;
      if (x.domain != y.domain) return x.domain < y.domain;
      if (x.address != y.address) return x.address < y.address;
      return x.index < y.index;
    });
    std::vector<std::uint64_t> self(n_, 0);
    std::vector<std::uint64_t> per_org(plan_.orgs.size(), 0);
    has_data_.assign(plan_.orgs.size(), {0, 0});
    for (std::size_t k = 0; k < m; ++k) {
      const Seen& a = seen[k];
      if (k > 0 && seen[k - 1].org == a.org && seen[k - 1].domain == a.domain &&
          seen[k - 1].address == a.address) {
        continue;
      }
      if (!IsPlanAddress(a.address)) continue;
      ++plan_.addresses_counted;
      ++per_org[a.org];
      has_data_[a.org][Family(a.address)] = 1;
      std::uint32_t holder = Innermost(a.domain, a.org, a.address);
      if (holder == kNone && a.domain == 0) {
        for (std::uint32_t d : org_domains_[a.org]) {
          if (d != 0 && (holder = Innermost(d, a.org, a.address)) != kNone) break;
        }
      }
      if (holder == kNone) {
        unplanned_.push_back({a.index, a.domain});
        continue;
      }
      ++self[holder];
    }
    // Children after parents in by_org_: add each to its parent from the back.
    descendants_.assign(n_, 0);
    for (auto it = by_org_.rbegin(); it != by_org_.rend(); ++it) {
      const std::uint32_t x = *it;
      count_[x] += self[x];
      if (org_parent_[x] != kNone) {
        count_[org_parent_[x]] += count_[x];
        descendants_[org_parent_[x]] += descendants_[x] + 1;
      }
    }
    for (std::size_t i = 0; i < n_; ++i) {
      if (canonical_[i] != i) count_[i] = count_[canonical_[i]];
    }
    // Unknown is never zero: an org without address data of the family has no count.
    plan_.in_use.assign(n_, std::nullopt);
    for (std::size_t i = 0; i < n_; ++i) {
      if (Known(static_cast<std::uint32_t>(i))) plan_.in_use[i] = count_[i];
    }
    plan_.org_addresses.assign(plan_.orgs.size(), std::nullopt);
    for (std::size_t k = 0; k < plan_.orgs.size(); ++k) {
      if (has_data_[k][0] || has_data_[k][1]) plan_.org_addresses[k] = per_org[k];
    }
  }

  static int Family(const core::IpAddress& a) { return a.family() == core::IpFamily::kV4 ? 0 : 1; }

  // The org of prefix x has address data of x's family: its use of x is known.
  bool Known(std::uint32_t x) const { return has_data_[org_[x]][Family(P(x).network())]; }

  // Use (unknown counts as none) and prefixes declared: what sorts equal prefixes for display.
  Weight WeightOf(std::uint32_t x) const { return {count_[x], descendants_[x] + 1}; }

  // What the keep decision compares: in a tree of roots where some use is unknown, use is not
  // compared at all (prefixes declared decide), so no side wins on a count the other lacks.
  Weight DecisionWeight(std::uint32_t x) const {
    Weight w = WeightOf(x);
    if (blind_[x]) w.in_use = 0;
    return w;
  }

  // Canonical prefixes sorted by domain and prefix; equal prefixes heaviest first (by
  // `weight`), then by org order, so that the preferred one of equals is the outer one in the
  // containment tree.
  template <typename W>
  std::vector<std::uint32_t> DomainOrder(bool roots_only, W weight) const {
    std::vector<std::uint32_t> order;
    order.reserve(by_org_.size());
    for (std::uint32_t x : by_org_) {
      if (!roots_only || org_parent_[x] == kNone) order.push_back(x);
    }
    std::sort(order.begin(), order.end(), [&](std::uint32_t x, std::uint32_t y) {
      if (dom_[x] != dom_[y]) return dom_[x] < dom_[y];
      if (P(x) != P(y)) return P(x) < P(y);
      if (weight(x) != weight(y)) return weight(x) > weight(y);
      return org_[x] < org_[y];
    });
    return order;
  }

  // Per prefix of `order` (sorted by DomainOrder): the nearest one before it that contains it.
  std::vector<std::uint32_t> Nest(const std::vector<std::uint32_t>& order) const {
    std::vector<std::uint32_t> parent(n_, kNone);
    std::vector<std::uint32_t> stack;
    for (std::uint32_t x : order) {
      while (!stack.empty() && (dom_[stack.back()] != dom_[x] || !P(stack.back()).Contains(P(x)))) {
        stack.pop_back();
      }
      if (!stack.empty()) parent[x] = stack.back();
      stack.push_back(x);
    }
    return parent;
  }

  void SweepConflicts() {
    std::vector<std::uint32_t> order =
        DomainOrder(false, [&](std::uint32_t x) { return WeightOf(x); });
    place_.assign(n_, 0);
    for (std::uint32_t k = 0; k < order.size(); ++k) place_[order[k]] = k;
    dom_parent_.assign(n_, kNone);
    std::vector<std::uint32_t> stack;
    for (std::uint32_t x : order) {
      while (!stack.empty() && (dom_[stack.back()] != dom_[x] || !P(stack.back()).Contains(P(x)))) {
        stack.pop_back();
      }
      if (!stack.empty()) dom_parent_[x] = stack.back();
      for (std::uint32_t y : stack) {
        if (org_[y] == org_[x]) continue;
        PrefixConflict c;
        const bool equal = P(y) == P(x);
        if (org_[y] < org_[x]) {
          c.a = y;
          c.b = x;
          c.kind = equal ? OverlapKind::kEqual : OverlapKind::kContains;
        } else {
          c.a = x;
          c.b = y;
          c.kind = equal ? OverlapKind::kEqual : OverlapKind::kWithin;
        }
        plan_.conflicts.push_back(c);
      }
      stack.push_back(x);
    }
    // Unplanned addresses: another org's prefix that holds them, via the domain tree.
    std::vector<std::uint32_t> by_start = order;
    for (const auto& [address, domain] : unplanned_) {
      const core::IpAddress& a = in_.addresses[address].address;
      UnplannedAddress u{address, std::nullopt};
      auto it = std::upper_bound(by_start.begin(), by_start.end(), std::make_pair(domain, a),
                                 [&](const auto& key, std::uint32_t i) {
                                   return key < std::make_pair(dom_[i], P(i).network());
                                 });
      if (it != by_start.begin()) {
        for (std::uint32_t x = *(it - 1); x != kNone; x = dom_parent_[x]) {
          if (dom_[x] == domain && P(x).Contains(a)) {
            u.inside_of = x;
            break;
          }
        }
      }
      plan_.unplanned.push_back(u);
    }
  }

  std::string Describe(std::uint32_t x) const { return OrgName(x) + "'s " + P(x).ToString(); }

  std::string InUse(std::uint64_t n) const {
    return std::to_string(n) + (n == 1 ? " address" : " addresses") + " in use";
  }

  std::string UseOf(std::uint32_t x) const { return Known(x) ? InUse(count_[x]) : "unknown use"; }
  std::string Count(std::uint32_t x) const {
    return Known(x) ? std::to_string(count_[x]) : "unknown";
  }

  // Marks every root of a tree (roots of different orgs overlapping) in which some root's use
  // is unknown, and names the orgs without address data there, per tree.
  void FindBlindTrees(const std::vector<std::uint32_t>& roots,
                      const std::vector<std::uint32_t>& parent) {
    std::vector<std::uint32_t> top(n_, kNone);
    std::unordered_map<std::uint32_t, std::vector<std::uint32_t>> unknown;  // top -> org ids
    for (std::uint32_t x : roots) {
      top[x] = parent[x] == kNone ? x : top[parent[x]];
      if (Known(x)) continue;
      auto& orgs = unknown[top[x]];
      if (std::find(orgs.begin(), orgs.end(), org_[x]) == orgs.end()) orgs.push_back(org_[x]);
    }
    blind_.assign(n_, 0);
    blind_orgs_.assign(n_, "");
    for (std::uint32_t x : roots) {
      auto it = unknown.find(top[x]);
      if (it == unknown.end()) continue;
      blind_[x] = 1;
      std::vector<std::uint32_t> ids = it->second;
      std::sort(ids.begin(), ids.end());
      std::vector<std::string> names;
      for (std::uint32_t id : ids) names.push_back(plan_.orgs[id]);
      blind_orgs_[x] = core::Join(names, ", ");
    }
  }

  std::string Blind(std::uint32_t x) const {
    return "the choice rests on unknown use (no address data: " + blind_orgs_[x] + ")";
  }

  // Roots of different orgs nest into trees; keep the heaviest set without overlaps (tree DP).
  void DecideRoots() {
    // Trees do not depend on how equal prefixes are ordered: find the blind ones first, then
    // order equals by what the decision compares.
    std::vector<std::uint32_t> roots =
        DomainOrder(true, [&](std::uint32_t x) { return WeightOf(x); });
    FindBlindTrees(roots, Nest(roots));
    roots = DomainOrder(true, [&](std::uint32_t x) { return DecisionWeight(x); });
    const std::vector<std::uint32_t> parent = Nest(roots);
    std::vector<Weight> best(n_);
    std::vector<Weight> children(n_);
    for (auto it = roots.rbegin(); it != roots.rend(); ++it) {
      const std::uint32_t x = *it;
      best[x] = std::max(DecisionWeight(x), children[x]);
      if (parent[x] != kNone) children[parent[x]] += best[x];
    }
    std::vector<std::uint8_t> kept(n_, 0);
    std::vector<std::uint32_t> keeper(n_, kNone);  // the nearest kept ancestor
    std::vector<internal::Root> kept_roots;
    std::vector<internal::Root> moved_roots;
    std::vector<std::string> reasons;
    std::vector<std::optional<std::size_t>> kept_by;  // per moved root: the prefix that stays
    for (std::uint32_t x : roots) {
      const std::uint32_t up = parent[x];
      if (up != kNone) keeper[x] = kept[up] ? up : keeper[up];
      const internal::Root root{x, org_[x], dom_[x], count_[x]};
      if (keeper[x] == kNone && DecisionWeight(x) >= children[x]) {
        kept[x] = 1;
        kept_roots.push_back(root);
        continue;
      }
      moved_roots.push_back(root);
      std::string why;
      kept_by.emplace_back();
      if (keeper[x] != kNone) {
        const std::uint32_t k = keeper[x];
        kept_by.back() = k;
        why = std::string("overlaps ") + Describe(k) + ", which stays (" + UseOf(k) + " against " +
              Count(x) + " here";
        const char* rule = WeightOf(k).prefixes != WeightOf(x).prefixes
                               ? "the plan with more prefixes stays"
                               : "the outer prefix or the org listed first stays";
        if (blind_[x]) {
          why += std::string("; ") + Blind(x) + ", so " + rule;
        } else if (count_[k] == count_[x]) {
          why += std::string("; a tie, ") + rule;
        }
        why += ")";
      } else if (blind_[x]) {
        const std::uint64_t theirs = children[x].prefixes;
        const std::uint64_t mine = WeightOf(x).prefixes;
        why = std::string("holds prefixes of other orgs that declare ") + std::to_string(theirs) +
              (theirs == 1 ? " prefix" : " prefixes") + " together against " +
              std::to_string(mine) + " here (" + UseOf(x) + "); " + Blind(x) +
              ", so they stay and this moves";
      } else {
        why = std::string("holds prefixes of other orgs with ") + InUse(children[x].in_use) +
              " together against " + std::to_string(count_[x]) + " here; they stay and this moves";
      }
      reasons.push_back(std::move(why));
    }
    internal::Allocation alloc =
        internal::Allocate(in_, options_, plan_.orgs, kept_roots, moved_roots);
    plan_.blocks = std::move(alloc.blocks);
    for (std::size_t k = 0; k < moved_roots.size(); ++k) {
      Renumbering r;
      r.prefix = moved_roots[k].prefix;
      r.hosts = plan_.in_use[r.prefix];
      r.rests_on_unknown = blind_[r.prefix];
      r.moves_with = descendants_[r.prefix];
      r.to = alloc.to[k];
      r.reason = reasons[k] + "; " + alloc.how[k];
      r.kept = kept_by[k];
      r.why = r.kept ? MoveWhy::kOverlapsKept : MoveWhy::kHoldsOthers;
      r.how = alloc.how_why[k];
      r.block = alloc.block[k];
      plan_.renumber.push_back(std::move(r));
    }
    // Which side of each conflict moves: the side whose root moves.
    auto root_of = [&](std::uint32_t x) {
      while (org_parent_[x] != kNone) x = org_parent_[x];
      return x;
    };
    for (PrefixConflict& c : plan_.conflicts) {
      const bool a_moves = !kept[root_of(static_cast<std::uint32_t>(c.a))];
      const bool b_moves = !kept[root_of(static_cast<std::uint32_t>(c.b))];
      c.moves = a_moves && b_moves ? Moves::kBoth : a_moves ? Moves::kA : Moves::kB;
    }
  }

  const NetInput& in_;
  const NetOptions& options_;
  const std::size_t n_;
  NetPlan plan_;
  std::unordered_map<std::string, std::uint32_t> org_ids_;
  const std::string* last_org_ = nullptr;
  std::uint32_t last_org_id_ = 0;
  std::unordered_map<std::string, std::uint32_t> domain_ids_;
  std::vector<std::string> domain_names_;
  std::vector<core::IpPrefix> prefix_;
  std::vector<std::uint32_t> org_;
  std::vector<std::uint32_t> dom_;
  std::vector<std::uint32_t> by_org_;  // canonical prefixes by (domain, org, prefix)
  std::vector<std::uint32_t> canonical_;
  std::vector<std::uint32_t> org_parent_;
  std::vector<std::uint32_t> dom_parent_;
  std::vector<std::uint32_t> place_;  // position in the domain order
  std::vector<std::uint64_t> descendants_;
  std::vector<std::uint64_t> count_;  // addresses counted per prefix (0 also where unknown)
  std::vector<std::array<std::uint8_t, 2>> has_data_;  // per org: IPv4, IPv6 addresses seen
  std::vector<std::uint8_t> blind_;      // per root: its tree holds a root of unknown use
  std::vector<std::string> blind_orgs_;  // per blind root: the orgs without address data
  std::unordered_map<std::uint64_t, std::pair<std::size_t, std::size_t>> groups_;
  std::unordered_map<std::uint32_t, std::vector<std::uint32_t>> org_domains_;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> unplanned_;  // (address, domain)
};

}  // namespace

std::string_view ToString(OverlapKind kind) {
  switch (kind) {
    case OverlapKind::kEqual:
      return "equal";
    case OverlapKind::kContains:
      return "contains";
    case OverlapKind::kWithin:
      return "within";
  }
  return "";
}

NetPlan PlanNetwork(const NetInput& input, const NetOptions& options) {
  NetPlan plan = Planner(input, options).Run();
  return plan;
}

}  // namespace samdrift::planners
