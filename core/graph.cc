#include "core/graph.h"

#include <algorithm>
#include <bit>
#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <boost/range/iterator_range.hpp>
#include <string>
#include <utility>

namespace samdrift::core {
namespace {

using Csr =
    boost::compressed_sparse_row_graph<boost::bidirectionalS, boost::no_property, RelationKind,
                                       boost::no_property, std::uint32_t, std::uint32_t>;

bool IsLocation(AssetKind kind) {
  return kind == AssetKind::kSite || kind == AssetKind::kHall || kind == AssetKind::kRack;
}

// Does Asset::Key() equal `key`? Without building the hall's or rack's key.
bool KeyEquals(const Asset& a, std::string_view key) {
  auto take = [&key](std::string_view part) {
    if (!key.starts_with(part)) return false;
    key.remove_prefix(part.size());
    return true;
  };
  auto take_slash = [&key] {
    if (!key.starts_with('/')) return false;
    key.remove_prefix(1);
    return true;
  };
  switch (a.kind) {
    case AssetKind::kHall:
      return take(a.site) && take_slash() && key == a.name;
    case AssetKind::kRack:
      return take(a.site) && take_slash() && take(a.hall) && take_slash() && key == a.name;
    default:
      return key == a.name;
  }
}

std::uint64_t HashOf(std::string_view org, std::string_view key) {
  const std::size_t h = std::hash<std::string_view>()(key);
  return (h ^ std::hash<std::string_view>()(org)) * 0x9E3779B97F4A7C15ull;
}

// The assets by (org, key): an open-addressing table of asset indices (8 bytes a slot, two to
// four slots an asset) instead of a hash map of strings to vectors, which cost a string, a vector
// and a node per asset and cache misses per look-up (15 % of `plan`'s CPU at 29 orgs, perf).
// Linear probing without deletions keeps the assets that share a key in the order they were
// added, so a lookup visits them in estate order.
class KeyIndex {
 public:
  explicit KeyIndex(const std::vector<Asset>& assets) : assets_(assets) {
    std::size_t size = std::bit_ceil(std::max<std::size_t>(16, assets.size() * 2));
    slots_.assign(size, Slot{});
    mask_ = size - 1;
    for (std::uint32_t i = 0; i < assets.size(); ++i) {
      const Asset& a = assets[i];
      const bool plain = a.kind != AssetKind::kHall && a.kind != AssetKind::kRack;
      const std::uint64_t hash = plain ? HashOf(a.org, a.name) : HashOf(a.org, a.Key());
      std::size_t at = hash & mask_;
      while (slots_[at].asset_plus_one != 0) at = (at + 1) & mask_;
      slots_[at] = Slot{Tag(hash), i + 1};
    }
  }

  // Calls `visit(index)` for each asset with this org and key, in estate order, until it returns
  // true.
  template <typename Visit>
  void ForEach(std::string_view org, std::string_view key, Visit&& visit) const {
    const std::uint64_t hash = HashOf(org, key);
    const std::uint32_t tag = Tag(hash);
    for (std::size_t at = hash & mask_; slots_[at].asset_plus_one != 0; at = (at + 1) & mask_) {
      const Slot slot = slots_[at];
      if (slot.tag != tag) continue;
      const std::uint32_t i = slot.asset_plus_one - 1;
      const Asset& a = assets_[i];
      if (a.org == org && KeyEquals(a, key) && visit(i)) return;
    }
  }

 private:
  struct Slot {
    std::uint32_t tag = 0;
    std::uint32_t asset_plus_one = 0;  // 0: empty
  };
  static std::uint32_t Tag(std::uint64_t hash) { return static_cast<std::uint32_t>(hash >> 32); }

  const std::vector<Asset>& assets_;
  std::vector<Slot> slots_;
  std::size_t mask_ = 0;
};

}  // namespace

struct GraphView::Impl {
  explicit Impl(const Estate& e) : estate(&e), by_key(e.assets) {}

  const Estate* estate = nullptr;
  KeyIndex by_key;
  Csr graph;
  std::vector<std::size_t> unresolved;

  std::optional<std::uint32_t> Find(std::string_view org, std::string_view key,
                                    std::optional<AssetKind> kind) const {
    if (auto exact = FindExact(org, key, kind)) return exact;
    std::string_view host = ShortHostName(key);
    if (host.empty()) return std::nullopt;
    return FindExact(org, host, kind);
  }

  std::optional<std::uint32_t> FindExact(std::string_view org, std::string_view key,
                                         std::optional<AssetKind> kind) const {
    std::optional<std::uint32_t> found, fallback;
    by_key.ForEach(org, key, [&](std::uint32_t i) {
      const AssetKind k = estate->assets[i].kind;
      if (kind ? k == *kind : !IsLocation(k)) {
        found = i;
        return true;
      }
      if (!kind && !fallback) fallback = i;
      return false;
    });
    if (found) return found;
    return kind ? std::nullopt : fallback;
  }
};

GraphView::GraphView(const Estate& estate) : impl_(std::make_unique<Impl>(estate)) {
  const auto n = static_cast<std::uint32_t>(estate.assets.size());

  std::vector<std::pair<std::uint32_t, std::uint32_t>> edges;
  std::vector<RelationKind> kinds;
  edges.reserve(estate.relations.size() + estate.assets.size());
  kinds.reserve(edges.capacity());
  for (std::size_t r = 0; r < estate.relations.size(); ++r) {
    const Relation& rel = estate.relations[r];
    auto from = impl_->Find(rel.org, rel.source, rel.source_kind);
    auto to = impl_->Find(rel.TargetOrg(), rel.target, rel.target_kind);
    if (!from || !to) {
      impl_->unresolved.push_back(r);
      continue;
    }
    edges.emplace_back(*from, *to);
    kinds.push_back(rel.kind);
  }
  // located_in from the location fields: device -> rack -> hall -> site.
  for (std::uint32_t i = 0; i < n; ++i) {
    const Asset& a = estate.assets[i];
    std::optional<std::uint32_t> parent;
    if (a.kind == AssetKind::kSite) continue;
    if (a.kind != AssetKind::kRack && a.kind != AssetKind::kHall && !a.rack.empty()) {
      parent = impl_->Find(a.org, RackKey(a.site, a.hall, a.rack), AssetKind::kRack);
    } else if (a.kind != AssetKind::kHall && !a.hall.empty()) {
      parent = impl_->Find(a.org, HallKey(a.site, a.hall), AssetKind::kHall);
    } else if (!a.site.empty()) {
      parent = impl_->Find(a.org, a.site, AssetKind::kSite);
    }
    if (parent && *parent != i) {
      edges.emplace_back(i, *parent);
      kinds.push_back(RelationKind::kLocatedIn);
    }
  }
  impl_->graph =
      Csr(boost::edges_are_unsorted_multi_pass, edges.begin(), edges.end(), kinds.begin(), n);
}

GraphView::~GraphView() = default;
GraphView::GraphView(GraphView&&) noexcept = default;
GraphView& GraphView::operator=(GraphView&&) noexcept = default;

std::size_t GraphView::asset_count() const { return impl_->estate->assets.size(); }
std::size_t GraphView::edge_count() const { return boost::num_edges(impl_->graph); }
const Asset& GraphView::asset(AssetId id) const { return impl_->estate->assets[id.value]; }

std::optional<AssetId> GraphView::Find(std::string_view org, std::string_view key,
                                       std::optional<AssetKind> kind) const {
  auto i = impl_->Find(org, key, kind);
  if (!i) return std::nullopt;
  return AssetId{*i};
}

std::vector<AssetId> GraphView::Neighbours(AssetId id, RelationKind kind,
                                           Direction direction) const {
  std::vector<AssetId> out;
  const Csr& g = impl_->graph;
  if (direction == Direction::kOut) {
    for (auto e : boost::make_iterator_range(boost::out_edges(id.value, g))) {
      if (g[e] == kind) out.push_back(AssetId{static_cast<std::uint32_t>(boost::target(e, g))});
    }
  } else {
    for (auto e : boost::make_iterator_range(boost::in_edges(id.value, g))) {
      if (g[e] == kind) out.push_back(AssetId{static_cast<std::uint32_t>(boost::source(e, g))});
    }
  }
  return out;
}

void GraphView::ForEachEdge(
    const std::function<void(AssetId, AssetId, RelationKind)>& visit) const {
  const Csr& g = impl_->graph;
  for (auto e : boost::make_iterator_range(boost::edges(g))) {
    visit(AssetId{static_cast<std::uint32_t>(boost::source(e, g))},
          AssetId{static_cast<std::uint32_t>(boost::target(e, g))}, g[e]);
  }
}

const std::vector<std::size_t>& GraphView::unresolved() const { return impl_->unresolved; }

}  // namespace samdrift::core
