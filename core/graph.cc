#include "core/graph.h"

#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <boost/range/iterator_range.hpp>
#include <string>
#include <unordered_map>
#include <utility>

namespace samdrift::core {
namespace {

using Csr =
    boost::compressed_sparse_row_graph<boost::bidirectionalS, boost::no_property, RelationKind,
                                       boost::no_property, std::uint32_t, std::uint32_t>;

std::string IndexKey(std::string_view org, std::string_view key) {
  std::string k;
  k.reserve(org.size() + key.size() + 1);
  k += org;
  k += '\0';
  k += key;
  return k;
}

bool IsLocation(AssetKind kind) {
  return kind == AssetKind::kSite || kind == AssetKind::kHall || kind == AssetKind::kRack;
}

}  // namespace

struct GraphView::Impl {
  const Estate* estate = nullptr;
  std::unordered_map<std::string, std::vector<std::uint32_t>> by_key;
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
    auto it = by_key.find(IndexKey(org, key));
    if (it == by_key.end()) return std::nullopt;
    std::optional<std::uint32_t> fallback;
    for (std::uint32_t i : it->second) {
      AssetKind k = estate->assets[i].kind;
      if (kind) {
        if (k == *kind) return i;
      } else if (!IsLocation(k)) {
        return i;
      } else if (!fallback) {
        fallback = i;
      }
    }
    return kind ? std::nullopt : fallback;
  }
};

GraphView::GraphView(const Estate& estate) : impl_(std::make_unique<Impl>()) {
  impl_->estate = &estate;
  const auto n = static_cast<std::uint32_t>(estate.assets.size());
  impl_->by_key.reserve(estate.assets.size());
  for (std::uint32_t i = 0; i < n; ++i) {
    const Asset& a = estate.assets[i];
    impl_->by_key[IndexKey(a.org, a.Key())].push_back(i);
  }

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
