#include "reports/export_dot.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "core/graph.h"
#include "core/text.h"

namespace samdrift::reports {
namespace {

using core::AssetKind;
using core::RelationKind;

std::string_view Shape(AssetKind kind) {
  switch (kind) {
    case AssetKind::kSite:
      return "house";
    case AssetKind::kHall:
      return "tab";
    case AssetKind::kRack:
      return "box3d";
    case AssetKind::kDevice:
      return "box";
    case AssetKind::kCluster:
      return "doubleoctagon";
    case AssetKind::kVm:
      return "component";
    case AssetKind::kClient:
      return "note";
    case AssetKind::kSoftware:
      return "cds";
    case AssetKind::kNetwork:
      return "hexagon";
    case AssetKind::kService:
      return "ellipse";
  }
  return "box";
}

struct EdgeStyle {
  std::string_view color;
  std::string_view style;
};
EdgeStyle StyleOf(RelationKind kind) {
  switch (kind) {
    case RelationKind::kLocatedIn:
      return {"gray50", "dotted"};
    case RelationKind::kConnectedTo:
      return {"royalblue", "bold"};
    case RelationKind::kRunsOn:
      return {"darkgreen", "solid"};
    case RelationKind::kMemberOf:
      return {"purple", "dashed"};
    case RelationKind::kDependsOn:
      return {"firebrick", "solid"};
    case RelationKind::kInstalledOn:
      return {"darkorange3", "solid"};
    case RelationKind::kPoweredBy:
      return {"goldenrod", "dashed"};
  }
  return {"black", "solid"};
}

// Fill colours per municipality, in the order the orgs sort; more orgs reuse the palette.
constexpr std::string_view kPalette[] = {"#cfe2f3", "#d9ead3", "#fff2cc", "#f4cccc",
                                         "#d9d2e9", "#fce5cd", "#d0e0e3", "#ead1dc"};

template <typename T>
bool Selected(const std::vector<T>& filter, const T& value) {
  return filter.empty() || std::find(filter.begin(), filter.end(), value) != filter.end();
}

}  // namespace

std::string DotQuote(std::string_view text) {
  std::string out = "\"";
  for (char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if (ch == '"' || ch == '\\') {
      out += '\\';
      out += ch;
    } else if (ch == '\n') {
      out += "\\n";
    } else if (c >= 0x20 && c != 0x7F) {
      out += ch;
    }
  }
  out += '"';
  return out;
}

DotExport WriteDot(const core::Estate& estate, const DotFilter& filter) {
  DotExport result;
  core::GraphView graph(estate);
  result.unresolved = graph.unresolved().size();

  std::vector<bool> keep(graph.asset_count());
  for (std::uint32_t i = 0; i < graph.asset_count(); ++i) {
    const core::Asset& a = graph.asset({i});
    keep[i] = Selected(filter.orgs, a.org.str()) && Selected(filter.categories, a.category);
  }
  struct Edge {
    std::uint32_t from, to;
    RelationKind kind;
  };
  std::vector<Edge> edges;
  std::set<std::tuple<std::uint32_t, std::uint32_t, int>> seen;
  graph.ForEachEdge([&](core::AssetId from, core::AssetId to, RelationKind kind) {
    if (!keep[from.value] || !keep[to.value] || !Selected(filter.relations, kind)) return;
    if (!seen.insert({from.value, to.value, static_cast<int>(kind)}).second) return;
    edges.push_back({from.value, to.value, kind});
  });
  if (!filter.relations.empty()) {
    std::vector<bool> touched(keep.size());
    for (const Edge& e : edges) touched[e.from] = touched[e.to] = true;
    keep = touched;
  }

  // Nodes in a stable order: org, kind, key.
  std::vector<std::uint32_t> order;
  for (std::uint32_t i = 0; i < keep.size(); ++i) {
    if (keep[i]) order.push_back(i);
  }
  auto identity = [&](std::uint32_t i) {
    const core::Asset& a = graph.asset({i});
    return std::make_tuple(a.org, static_cast<int>(a.kind), a.Key());
  };
  std::sort(order.begin(), order.end(),
            [&](std::uint32_t x, std::uint32_t y) { return identity(x) < identity(y); });
  std::map<std::uint32_t, std::size_t> number;
  for (std::size_t n = 0; n < order.size(); ++n) number[order[n]] = n + 1;
  auto node_id = [&](std::uint32_t i) { return "n" + std::to_string(number[i]); };
  std::map<std::string, std::string_view> colour;
  for (std::uint32_t i : order) colour.emplace(graph.asset({i}).org, "");
  std::size_t next = 0;
  for (auto& [org, c] : colour) c = kPalette[next++ % std::size(kPalette)];

  std::string& out = result.dot;
  out += "digraph samdrift {\n";
  out += "  graph [charset=\"UTF-8\", rankdir=LR, fontname=\"Helvetica\", label=\"samdrift\"];\n";
  out += "  node [style=filled, fontname=\"Helvetica\", fontsize=10];\n";
  out += "  edge [fontname=\"Helvetica\", fontsize=8];\n";
  std::string current_org;
  bool in_cluster = false;
  std::size_t cluster = 0;
  for (std::uint32_t i : order) {
    const core::Asset& a = graph.asset({i});
    if (!in_cluster || a.org != current_org) {
      if (in_cluster) out += "  }\n";
      current_org = a.org;
      in_cluster = true;
      out += "  subgraph cluster_" + std::to_string(++cluster) + " {\n";
      out += "    label=" + DotQuote(core::DisplayName(estate.org_names, a.org)) + ";\n";
    }
    out += "    " + node_id(i) + " [label=" + DotQuote(a.name) +
           ", shape=" + std::string(Shape(a.kind)) + ", fillcolor=" + DotQuote(colour[a.org]) +
           ", tooltip=" + DotQuote(std::string(core::ToString(a.kind)) + " " + a.Key()) + "];\n";
  }
  if (in_cluster) out += "  }\n";
  std::sort(edges.begin(), edges.end(), [&](const Edge& x, const Edge& y) {
    return std::make_tuple(number[x.from], number[x.to], static_cast<int>(x.kind)) <
           std::make_tuple(number[y.from], number[y.to], static_cast<int>(y.kind));
  });
  for (const Edge& e : edges) {
    EdgeStyle s = StyleOf(e.kind);
    out += "  " + node_id(e.from) + " -> " + node_id(e.to) +
           " [label=" + DotQuote(core::ToString(e.kind)) + ", color=" + std::string(s.color) +
           ", style=" + std::string(s.style) + "];\n";
  }
  out += "}\n";
  result.nodes = order.size();
  result.edges = edges.size();
  return result;
}

}  // namespace samdrift::reports
