// Internal to the network planner (net_plan.cc, net_roots.cc): the state of one run of
// PlanNetwork over the prefixes, VLANs and addresses of every org, kept as indices into the input.
#ifndef SAMDRIFT_PLANNERS_NET_PLANNER_H_
#define SAMDRIFT_PLANNERS_NET_PLANNER_H_

#include <array>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "planners/net_plan.h"

namespace samdrift::planners::internal {

inline constexpr std::uint32_t kNone = ~std::uint32_t{0};

// What decides which of overlapping prefixes stays: addresses in use, then prefixes declared.
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

class NetPlanner {
 public:
  NetPlanner(const NetInput& input, const NetOptions& options)
      : in_(input), options_(options), n_(input.prefixes.size()) {}

  NetPlan Run();

 private:
  // Runs `f` and records its time in the plan's timings under `name`.
  template <typename F>
  void Step(const char* name, F&& f);

  // A contiguous copy: sorts and sweeps touch the prefixes only, not the whole records.
  const core::IpPrefix& P(std::size_t i) const { return prefix_[i]; }
  const std::string& OrgName(std::size_t i) const { return plan_.orgs[org_[i]]; }

  // Records come grouped by org: the last answer is usually the next one too.
  std::uint32_t OrgId(const std::string& org);

  void OrderOrgs();

  bool Merged(const std::string& vrf) const;

  std::uint32_t DomainOf(const std::string& org, const std::string& vrf);

  void AssignDomains();

  // Sorts by (domain, org, prefix): equal neighbours are duplicates within an org; the rest, per
  // (domain, org) group, nest by a stack into each org's own tree.
  void FindDuplicates();

  static std::uint64_t GroupKey(std::uint32_t domain, std::uint32_t org) {
    return (static_cast<std::uint64_t>(domain) << 32) | org;
  }

  // The innermost prefix of (domain, org) holding `a`, or kNone.
  std::uint32_t Innermost(std::uint32_t domain, std::uint32_t org, const core::IpAddress& a);

  void CountAddresses();

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
  std::vector<std::uint32_t> DomainOrder(bool roots_only, W weight) const;

  // Per prefix of `order` (sorted by DomainOrder): the nearest one before it that contains it.
  std::vector<std::uint32_t> Nest(const std::vector<std::uint32_t>& order) const;

  void SweepConflicts();

  std::string Describe(std::uint32_t x) const { return OrgName(x) + "'s " + P(x).ToString(); }

  std::string InUse(std::uint64_t n) const;

  std::string UseOf(std::uint32_t x) const { return Known(x) ? InUse(count_[x]) : "unknown use"; }
  std::string Count(std::uint32_t x) const;

  // Marks every root of a tree (roots of different orgs overlapping) in which some root's use
  // is unknown, and names the orgs without address data there, per tree.
  void FindBlindTrees(const std::vector<std::uint32_t>& roots,
                      const std::vector<std::uint32_t>& parent);

  std::string Blind(std::uint32_t x) const;

  // Why root `x` moves: it overlaps `keeper`, the nearest kept root above it (kNone: none), or
  // it holds other orgs' roots weighing `children` together, which stay.
  std::string MoveReason(std::uint32_t x, std::uint32_t keeper, const Weight& children) const;

  // Roots of different orgs nest into trees; keep the heaviest set without overlaps (tree DP).
  void DecideRoots();

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

}  // namespace samdrift::planners::internal

#endif  // SAMDRIFT_PLANNERS_NET_PLANNER_H_
