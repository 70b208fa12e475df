// The network planner's decisions: which prefixes of different orgs overlap, and of overlapping
// roots which stay and which are renumbered (and why), with the new blocks from net_alloc.
#include <algorithm>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/text.h"
#include "planners/net_alloc.h"
#include "planners/net_planner.h"

namespace samdrift::planners::internal {

template <typename W>
std::vector<std::uint32_t> NetPlanner::DomainOrder(bool roots_only, W weight) const {
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

std::vector<std::uint32_t> NetPlanner::Nest(const std::vector<std::uint32_t>& order) const {
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

void NetPlanner::SweepConflicts() {
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

std::string NetPlanner::InUse(std::uint64_t n) const {
  return std::to_string(n) + (n == 1 ? " address" : " addresses") + " in use";
}

std::string NetPlanner::Count(std::uint32_t x) const {
  return Known(x) ? std::to_string(count_[x]) : "unknown";
}

void NetPlanner::FindBlindTrees(const std::vector<std::uint32_t>& roots,
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

std::string NetPlanner::Blind(std::uint32_t x) const {
  return "the choice rests on unknown use (no address data: " + blind_orgs_[x] + ")";
}

std::string NetPlanner::MoveReason(std::uint32_t x, std::uint32_t keeper,
                                   const Weight& children) const {
  std::string why;
  if (keeper != kNone) {
    const std::uint32_t k = keeper;
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
    const std::uint64_t theirs = children.prefixes;
    const std::uint64_t mine = WeightOf(x).prefixes;
    why = std::string("holds prefixes of other orgs that declare ") + std::to_string(theirs) +
          (theirs == 1 ? " prefix" : " prefixes") + " together against " + std::to_string(mine) +
          " here (" + UseOf(x) + "); " + Blind(x) + ", so they stay and this moves";
  } else {
    why = std::string("holds prefixes of other orgs with ") + InUse(children.in_use) +
          " together against " + std::to_string(count_[x]) + " here; they stay and this moves";
  }
  return why;
}

void NetPlanner::DecideRoots() {
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
    kept_by.emplace_back();
    if (keeper[x] != kNone) kept_by.back() = keeper[x];
    reasons.push_back(MoveReason(x, keeper[x], children[x]));
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

}  // namespace samdrift::planners::internal
