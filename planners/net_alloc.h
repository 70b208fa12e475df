// Inside planners only: org blocks in the joint supernet and new prefixes for the roots that
// must move (the last step of PlanNetwork; see net_plan.h for the rules).
#ifndef SAMDRIFT_PLANNERS_NET_ALLOC_H_
#define SAMDRIFT_PLANNERS_NET_ALLOC_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "planners/net_plan.h"

namespace samdrift::planners::internal {

// A root prefix of one org in one routing domain.
struct Root {
  std::size_t prefix = 0;  // index into NetInput::prefixes
  std::uint32_t org = 0;   // index into the ordered org list
  std::uint32_t domain = 0;
  std::uint64_t in_use = 0;  // 0 where unknown: only a hint for where an org's block lies
};

struct Allocation {
  std::vector<std::optional<core::IpPrefix>> to;     // per moved root
  std::vector<std::string> how;                      // per moved root: where it went or why not
  std::vector<NewPrefixWhy> how_why;                 // the same as facts
  std::vector<std::optional<core::IpPrefix>> block;  // per moved root: its org's block
  std::vector<OrgBlock> blocks;
};

// Gives each org a block per family (when the options have a pool for it) and each moved root
// the lowest free prefix of its size in its org's block, avoiding every kept root and every other
// new prefix of the same domain.
Allocation Allocate(const NetInput& input, const NetOptions& options,
                    const std::vector<std::string>& orgs, const std::vector<Root>& kept,
                    const std::vector<Root>& moved);

}  // namespace samdrift::planners::internal

#endif  // SAMDRIFT_PLANNERS_NET_ALLOC_H_
