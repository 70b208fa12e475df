#include "planners/net_plan.h"

#include <algorithm>
#include <chrono>
#include <numeric>
#include <tuple>
#include <unordered_map>

#include "planners/net_alloc.h"
#include "planners/net_planner.h"

namespace samdrift::planners {
namespace internal {
namespace {

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

double Since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

template <typename F>
void NetPlanner::Step(const char* name, F&& f) {
  auto started = std::chrono::steady_clock::now();
  f();
  plan_.timings.emplace_back(name, Since(started));
}

NetPlan NetPlanner::Run() {
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

std::uint32_t NetPlanner::OrgId(const std::string& org) {
  if (!last_org_ || *last_org_ != org) {
    last_org_ = &org;
    last_org_id_ = org_ids_.at(org);
  }
  return last_org_id_;
}

void NetPlanner::OrderOrgs() {
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

bool NetPlanner::Merged(const std::string& vrf) const {
  if (!options_.merge_vrfs) return false;
  return options_.merged_vrfs.empty() ||
         std::find(options_.merged_vrfs.begin(), options_.merged_vrfs.end(), vrf) !=
             options_.merged_vrfs.end();
}

std::uint32_t NetPlanner::DomainOf(const std::string& org, const std::string& vrf) {
  if (vrf.empty()) return 0;
  std::string key = Merged(vrf) ? std::string("vrf ") + vrf : org + ":vrf " + vrf;
  auto [it, inserted] = domain_ids_.emplace(std::move(key), domain_names_.size());
  if (inserted) domain_names_.push_back(it->first);
  return it->second;
}

void NetPlanner::AssignDomains() {
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

void NetPlanner::FindDuplicates() {
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

std::uint32_t NetPlanner::Innermost(std::uint32_t domain, std::uint32_t org,
                                    const core::IpAddress& a) {
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

void NetPlanner::CountAddresses() {
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

}  // namespace internal

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
  NetPlan plan = internal::NetPlanner(input, options).Run();
  return plan;
}

}  // namespace samdrift::planners
