// A read-only graph over an Estate for planners: assets as vertices, relations as typed edges,
// plus the located_in edges implied by location fields. Planners ask for neighbours by relation
// kind and never see store rows; the graph library stays in graph.cc.
#ifndef SAMDRIFT_CORE_GRAPH_H_
#define SAMDRIFT_CORE_GRAPH_H_

#include <compare>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

#include "core/model.h"

namespace samdrift::core {

// Index of an asset in the Estate the view was built from.
struct AssetId {
  std::uint32_t value = 0;
  auto operator<=>(const AssetId&) const = default;
};

enum class Direction { kOut, kIn };

class GraphView {
 public:
  // Resolves every relation by (org, key[, kind]). The estate's assets must outlive the view;
  // its relations are read only here, so a caller that needs no Estate::relations afterwards
  // (nor unresolved(), whose indices point into them) may release them to save memory.
  explicit GraphView(const Estate& estate);
  ~GraphView();
  GraphView(GraphView&&) noexcept;
  GraphView& operator=(GraphView&&) noexcept;

  std::size_t asset_count() const;
  std::size_t edge_count() const;
  const Asset& asset(AssetId id) const;

  // The asset with this key in this org; with several kinds sharing the key, `kind` picks one,
  // else the first non-location asset.
  std::optional<AssetId> Find(std::string_view org, std::string_view key,
                              std::optional<AssetKind> kind = std::nullopt) const;

  // Assets reached from `id` over edges of `kind`, out (id -> x) or in (x -> id).
  std::vector<AssetId> Neighbours(AssetId id, RelationKind kind, Direction direction) const;
  // Every edge once, in a deterministic order.
  void ForEachEdge(const std::function<void(AssetId from, AssetId to, RelationKind)>& visit) const;

  // Indices into Estate::relations whose source or target is not in the estate.
  const std::vector<std::size_t>& unresolved() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace samdrift::core

#endif  // SAMDRIFT_CORE_GRAPH_H_
