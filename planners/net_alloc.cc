#include "planners/net_alloc.h"

#include <algorithm>
#include <map>
#include <unordered_map>

namespace samdrift::planners::internal {
namespace {

__extension__ typedef unsigned __int128 U128;

U128 Value(const core::IpAddress& a) { return (static_cast<U128>(a.high()) << 64) | a.low(); }

std::string Len(int length) {
  std::string out(1, '/');
  out += std::to_string(length);
  return out;
}

// One family's pool with the blocks handed out to orgs.
struct Pool {
  AddressPool pool;
  std::uint64_t block_count = 0;                        // saturated
  std::string problem;                                  // why no block can be given, when not empty
  std::vector<std::optional<core::IpPrefix>> block_of;  // per org
};

Pool MakePool(const AddressPool& given, const NetInput& input, const std::vector<Root>& kept,
              const std::vector<std::string>& orgs, std::vector<OrgBlock>& blocks) {
  Pool p;
  p.pool = given;
  p.block_of.assign(orgs.size(), std::nullopt);
  const core::IpPrefix& super = given.supernet;
  const int width = super.network().width();
  const int extra = given.block_length - super.length();
  if (given.block_length > width || extra < 0) {
    p.problem = std::string("per_org_block ") + Len(given.block_length) +
                " does not fit inside the supernet " + super.ToString();
    return p;
  }
  if (extra > 62) {
    p.problem =
        std::string("per_org_block ") + Len(given.block_length) + " gives more than 2^62 blocks";
    return p;
  }
  p.block_count = std::uint64_t{1} << extra;
  const int block_host = width - given.block_length;
  auto index_of = [&](const core::IpPrefix& prefix) -> std::optional<std::uint64_t> {
    if (!super.Contains(prefix) || prefix.length() < given.block_length) return std::nullopt;
    U128 offset = Value(prefix.network()) - Value(super.network());
    return static_cast<std::uint64_t>(block_host >= 128 ? 0 : offset >> block_host);
  };
  // Preference: the block holding most of an org's kept addresses (each kept root counts its
  // addresses plus one, so that unused prefixes still say where an org lives).
  std::map<std::pair<std::uint32_t, std::uint64_t>, std::uint64_t> score;
  std::map<std::uint64_t, std::uint32_t> covered;  // blocks inside another org's kept root
  for (const Root& r : kept) {
    const core::IpPrefix& prefix = input.prefixes[r.prefix].prefix;
    if (prefix.family() != super.family()) continue;
    if (auto index = index_of(prefix)) score[{r.org, *index}] += r.in_use + 1;
    if (r.domain == 0 && prefix.length() <= given.block_length && super.Contains(prefix)) {
      // Every block inside it is taken by its org's plan.
      const int span = given.block_length - prefix.length();
      if (span < 20) {
        const std::uint64_t first =
            *index_of(core::IpPrefix::Containing(prefix.network(), given.block_length));
        for (std::uint64_t k = 0; k < (std::uint64_t{1} << span); ++k) covered[first + k] = r.org;
      }
    }
  }
  std::vector<std::tuple<std::uint64_t, std::uint32_t, std::uint64_t>> wishes;
  for (const auto& [key, value] : score) wishes.emplace_back(value, key.first, key.second);
  std::sort(wishes.begin(), wishes.end(), [](const auto& x, const auto& y) {
    if (std::get<0>(x) != std::get<0>(y)) return std::get<0>(x) > std::get<0>(y);
    return std::make_pair(std::get<1>(x), std::get<2>(x)) <
           std::make_pair(std::get<1>(y), std::get<2>(y));
  });
  std::map<std::uint64_t, std::uint32_t> taken;
  std::vector<std::string> why(orgs.size());
  for (const auto& [value, org, index] : wishes) {
    if (p.block_of[org] || taken.count(index)) continue;
    auto c = covered.find(index);
    if (c != covered.end() && c->second != org) continue;
    taken[index] = org;
    p.block_of[org] = super.Subprefix(given.block_length, index);
    why[org] = "the block that holds most of its kept prefixes";
  }
  std::uint64_t next = 0;
  for (std::uint32_t org = 0; org < orgs.size(); ++org) {
    if (p.block_of[org]) continue;
    while (next < p.block_count && (taken.count(next) || covered.count(next))) ++next;
    if (next >= p.block_count) break;
    taken[next] = org;
    p.block_of[org] = super.Subprefix(given.block_length, next);
    why[org] = "the lowest free block, in org order";
  }
  for (std::uint32_t org = 0; org < orgs.size(); ++org) {
    if (p.block_of[org]) blocks.push_back({orgs[org], *p.block_of[org], why[org]});
  }
  return p;
}

// Free space of one domain and family: kept roots and new prefixes, by first address.
using Occupied = std::map<core::IpAddress, core::IpAddress>;

}  // namespace

Allocation Allocate(const NetInput& input, const NetOptions& options,
                    const std::vector<std::string>& orgs, const std::vector<Root>& kept,
                    const std::vector<Root>& moved) {
  Allocation out;
  out.to.assign(moved.size(), std::nullopt);
  out.how.assign(moved.size(), "");
  out.how_why.assign(moved.size(), NewPrefixWhy::kLowestFree);
  out.block.assign(moved.size(), std::nullopt);
  std::optional<Pool> pools[2];
  if (options.ipv4) pools[0] = MakePool(*options.ipv4, input, kept, orgs, out.blocks);
  if (options.ipv6) pools[1] = MakePool(*options.ipv6, input, kept, orgs, out.blocks);

  std::map<std::pair<std::uint32_t, int>, Occupied> occupied;  // (domain, family)
  auto family_index = [](const core::IpPrefix& p) {
    return p.family() == core::IpFamily::kV4 ? 0 : 1;
  };
  for (const Root& r : kept) {
    const core::IpPrefix& prefix = input.prefixes[r.prefix].prefix;
    occupied[{r.domain, family_index(prefix)}].emplace(prefix.network(), prefix.last());
  }
  // Largest first within each org and domain, so that small prefixes fill the gaps.
  std::vector<std::size_t> order(moved.size());
  for (std::size_t k = 0; k < order.size(); ++k) order[k] = k;
  std::sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
    const Root& a = moved[x];
    const Root& b = moved[y];
    const core::IpPrefix& pa = input.prefixes[a.prefix].prefix;
    const core::IpPrefix& pb = input.prefixes[b.prefix].prefix;
    return std::make_tuple(a.domain, a.org, family_index(pa), pa.length(), pa) <
           std::make_tuple(b.domain, b.org, family_index(pb), pb.length(), pb);
  });
  // Where the next search for a length starts, per (domain, org, family, length).
  std::map<std::tuple<std::uint32_t, std::uint32_t, int, int>, std::optional<core::IpAddress>>
      cursor;
  for (std::size_t k : order) {
    const Root& r = moved[k];
    const core::IpPrefix& prefix = input.prefixes[r.prefix].prefix;
    const int f = family_index(prefix);
    const char* family = f == 0 ? "IPv4" : "IPv6";
    if (!pools[f]) {
      out.how_why[k] = NewPrefixWhy::kNoSupernet;
      out.how[k] = std::string("no new prefix: the scenario gives no ") + family +
                   " supernet (addressing: supernet, per_org_block)";
      continue;
    }
    const Pool& pool = *pools[f];
    if (!pool.problem.empty()) {
      out.how_why[k] = NewPrefixWhy::kPoolProblem;
      out.how[k] = std::string("no new prefix: ") + pool.problem;
      continue;
    }
    const std::optional<core::IpPrefix>& block = pool.block_of[r.org];
    out.block[k] = block;
    if (!block) {
      out.how_why[k] = NewPrefixWhy::kNoBlockLeft;
      out.how[k] = std::string("no new prefix: no ") + Len(pool.pool.block_length) +
                   " block left for " + orgs[r.org] + " in " + pool.pool.supernet.ToString() +
                   " (" + std::to_string(pool.block_count) + " blocks)";
      continue;
    }
    if (prefix.length() < block->length()) {
      out.how_why[k] = NewPrefixWhy::kLargerThanBlock;
      out.how[k] = std::string("no new prefix: a ") + Len(prefix.length()) + " is larger than " +
                   orgs[r.org] + "'s block " + block->ToString();
      continue;
    }
    Occupied& used = occupied[{r.domain, f}];
    std::optional<core::IpAddress>& at =
        cursor.try_emplace({r.domain, r.org, f, prefix.length()}, block->network()).first->second;
    while (at) {
      const core::IpPrefix candidate = core::IpPrefix::Containing(*at, prefix.length());
      if (!block->Contains(candidate)) {
        at.reset();
        break;
      }
      // Occupied ranges are disjoint: only the last one starting inside or before the candidate
      // can overlap it.
      auto it = used.upper_bound(candidate.last());
      if (it != used.begin() && (--it)->second >= candidate.network()) {
        auto next = core::FirstPrefixAfter(it->second, prefix.length());
        if (next) {
          at = next->network();
        } else {
          at.reset();
        }
        continue;
      }
      used.emplace(candidate.network(), candidate.last());
      out.to[k] = candidate;
      auto next = core::FirstPrefixAfter(candidate.last(), prefix.length());
      if (next) {
        at = next->network();
      } else {
        at.reset();
      }
      break;
    }
    if (out.to[k]) {
      out.how[k] = std::string("new prefix ") + out.to[k]->ToString() + ": the lowest free " +
                   Len(prefix.length()) + " in " + orgs[r.org] + "'s block " + block->ToString();
    } else {
      out.how_why[k] = NewPrefixWhy::kBlockFull;
      out.how[k] = std::string("no new prefix: ") + orgs[r.org] + "'s block " + block->ToString() +
                   " has no free " + Len(prefix.length()) + " left";
    }
  }
  return out;
}

}  // namespace samdrift::planners::internal
