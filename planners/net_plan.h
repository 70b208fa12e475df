// Address plans across municipalities (`samdrift net`): prefixes that collide between orgs in
// one routing domain, VLAN ids used for different things, data quality, and a renumbering
// proposal inside a joint supernet. Pure computation on plain records; no store, no I/O.
//
// Rules (also in the README):
// - Routing domains: the global table is one domain shared by every org. A VRF is its org's own
//   domain, unless the scenario merges VRFs (`merge_vrfs: true`, or a list of VRF names): then
//   every org's VRF of that name is one shared domain. Observed addresses without a VRF belong
//   to the global table (or, when no global prefix of their org holds them, to the org's VRFs).
// - Conflicts: every pair of prefixes of different orgs in one domain that are equal or nested
//   (sort and sweep, O(n log n + conflicts)). `a` is the org listed first (scenario order, then
//   alphabetical); the kind says what a's prefix is to b's: equal, contains or within.
// - In use: distinct addresses of the prefix's own org (IPAM addresses that are not deprecated,
//   and the `ip` attribute of any asset) inside the prefix, in its domain. Unknown is never zero:
//   an org without a single address of the prefix's family (IPv4 or IPv6) in its data has no
//   address data for the prefix, and its use there is unknown (nullopt), not 0.
// - Renumbering works on each org's outermost prefixes (its roots in the domain: a root moves
//   with everything the org declared inside it). Overlapping roots of different orgs form a tree
//   by containment; the kept set is the one with the most addresses in use that has no two
//   overlapping roots (exact, by dynamic programming over the tree; ties: more prefixes declared,
//   then the outer prefix, then org order). Every other root in the tree moves. Where the use
//   of any root in a tree is unknown, use is not compared anywhere in that tree: the choice
//   rests on the prefixes declared, then the outer prefix, then org order, and each renumbering
//   of the tree says that it rests on unknown use.
// - New prefixes: each org gets one block of the scenario's per_org_block length inside the
//   supernet (preferring the block that already holds most of its kept addresses; the rest in
//   org order, lowest free block first). A moving root gets the lowest prefix of its own size in
//   its org's block that overlaps no kept root and no other new prefix of the domain.
#ifndef SAMDRIFT_PLANNERS_NET_PLAN_H_
#define SAMDRIFT_PLANNERS_NET_PLAN_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/ip.h"

namespace samdrift::planners {

// A declared prefix (NetBox IPAM, networks.csv).
struct NetPrefix {
  std::string org;
  core::IpPrefix prefix;
  std::string vrf;          // empty: the global table
  std::string name;         // the asset's name, e.g. "10.10.0.0/16" or "10.10.40.0/24 (line 7)"
  std::string description;  // what it is for, e.g. "Klienter"
  std::string site;
  std::string role;
  std::string status;
};

// A VLAN id with what it is used for, from a VLAN asset or a prefix that names its VLAN.
struct NetVlan {
  std::string org;
  int vid = 0;
  std::string name;  // the VLAN's name (its purpose), may be empty
  std::string role;
  std::string site;
  std::string group;
  bool from_prefix = false;  // taken from a prefix row; used only when the org has no VLAN asset
};

// An address seen in use: NetBox IPAM addresses and the `ip` attribute of any asset.
struct NetAddress {
  std::string org;
  core::IpAddress address;
  std::string vrf;    // empty: the global table
  std::string asset;  // who holds it (device, VM, client or the IPAM record)
};

struct NetInput {
  std::vector<NetPrefix> prefixes;
  std::vector<NetVlan> vlans;
  std::vector<NetAddress> addresses;
};

// One org family's joint address space: the supernet and the length of each org's block.
struct AddressPool {
  core::IpPrefix supernet;
  int block_length = 0;
};

struct NetOptions {
  std::vector<std::string> org_order;    // listed first, in this order; the rest alphabetically
  bool merge_vrfs = false;               // VRFs of one name across orgs are one domain
  std::vector<std::string> merged_vrfs;  // with merge_vrfs: only these names (empty: all)
  std::optional<AddressPool> ipv4;
  std::optional<AddressPool> ipv6;
};

enum class OverlapKind { kEqual, kContains, kWithin };
std::string_view ToString(OverlapKind kind);

// Which side of a conflict the renumbering moves.
enum class Moves { kA, kB, kBoth };

struct PrefixConflict {
  OverlapKind kind = OverlapKind::kEqual;
  std::size_t a = 0;  // index into NetInput::prefixes
  std::size_t b = 0;
  Moves moves = Moves::kB;
};

struct VlanPair {
  int vid = 0;
  std::string org_a;
  std::string org_b;
  std::vector<std::string> names_a;  // the distinct names each org uses for the id
  std::vector<std::string> names_b;
};

// Why a root prefix moves, and where it went or why it got no new prefix: the facts of
// Renumbering::reason, for a reader in another language.
enum class MoveWhy : std::uint8_t {
  kOverlapsKept,  // overlaps `kept`, which stays
  kHoldsOthers,   // holds other orgs' prefixes, which stay
};
enum class NewPrefixWhy : std::uint8_t {
  kLowestFree,       // `to`: the lowest free prefix of its size in the org's `block`
  kNoSupernet,       // the scenario gives no supernet of its family
  kPoolProblem,      // the scenario's addressing cannot be used (NetPlan's notes say why)
  kNoBlockLeft,      // no block of the supernet left for the org
  kLargerThanBlock,  // larger than the org's `block`
  kBlockFull,        // the org's `block` has no free prefix of its size left
};

struct Renumbering {
  std::size_t prefix = 0;  // the root that moves (index into NetInput::prefixes)
  // Addresses in use inside it (what must be renumbered); nullopt: unknown (no address data).
  std::optional<std::uint64_t> hosts;
  bool rests_on_unknown = false;  // the choice was made without knowing some side's use
  std::size_t moves_with = 0;     // the org's other prefixes inside it, moving along
  std::optional<core::IpPrefix> to;
  std::string reason;
  MoveWhy why = MoveWhy::kOverlapsKept;
  std::optional<std::size_t> kept;  // kOverlapsKept: the prefix that stays (NetInput::prefixes)
  NewPrefixWhy how = NewPrefixWhy::kLowestFree;
  std::optional<core::IpPrefix> block;  // the org's block, when it has one
};

struct OrgBlock {
  std::string org;
  core::IpPrefix block;
  std::string reason;
};

struct UnplannedAddress {
  std::size_t address = 0;               // index into NetInput::addresses
  std::optional<std::size_t> inside_of;  // another org's prefix that holds it, if any
};

struct NetPlan {
  // Per input prefix (duplicates share their first's count); nullopt where the org has no
  // address data for the prefix (see "In use" above).
  std::vector<std::optional<std::uint64_t>> in_use;
  std::vector<std::string> domain;  // per input prefix: "global", "vrf X" or "org:vrf X"
  std::vector<PrefixConflict> conflicts;
  std::vector<VlanPair> vlan_conflicts;  // same id, different purpose
  std::vector<VlanPair> vlan_matches;    // same id, same purpose
  std::vector<VlanPair> vlan_unknown;    // same id, purpose unknown on a side
  std::vector<Renumbering> renumber;
  std::vector<OrgBlock> blocks;
  std::vector<std::vector<std::size_t>> duplicates;  // prefixes declared more than once per org
  std::vector<UnplannedAddress> unplanned;
  std::size_t addresses_counted = 0;  // distinct addresses after removing repeats
  std::vector<std::string> orgs;      // in the order used for a/b
  // Per org (as in `orgs`): distinct addresses; nullopt for an org without any address data.
  std::vector<std::optional<std::uint64_t>> org_addresses;
  std::vector<std::pair<std::string, double>> timings;  // seconds per step, for benchmarks
};

// The whole analysis. Deterministic: the same input gives the same plan.
NetPlan PlanNetwork(const NetInput& input, const NetOptions& options);

// VLAN clashes and matches (part of PlanNetwork; exposed for tests). A VLAN's purpose is its
// name, normalised (case, å/ä/ö, punctuation, the word "vlan" and the id itself ignored); the
// role stands in only where the name is missing. Two orgs clash on an id when they share no
// purpose for it.
void FindVlanClashes(const NetInput& input, const std::vector<std::string>& orgs, NetPlan& plan);
std::string NormalisePurpose(std::string_view text, int vid);

}  // namespace samdrift::planners

#endif  // SAMDRIFT_PLANNERS_NET_PLAN_H_
