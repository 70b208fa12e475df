#include "planners/availability.h"

#include <algorithm>
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/biconnected_components.hpp>
#include <boost/graph/strong_components.hpp>
#include <iterator>

namespace samdrift::planners {

double Series(const std::vector<double>& blocks) {
  double up = 1;
  for (double a : blocks) up *= a;
  return up;
}

double Parallel(const std::vector<double>& blocks) {
  double down = 1;
  for (double a : blocks) down *= 1 - a;
  return 1 - down;
}

double KOfN(int k, const std::vector<double>& blocks) {
  if (k <= 0) return 1;
  const std::size_t need = static_cast<std::size_t>(k);
  if (need > blocks.size()) return 0;
  // up[j]: probability that exactly j of the blocks seen so far are up, j < need; the last cell
  // collects "need or more".
  std::vector<double> up(need + 1, 0);
  up[0] = 1;
  for (double a : blocks) {
    up[need] += up[need - 1] * a;
    for (std::size_t j = need - 1; j > 0; --j) up[j] = up[j] * (1 - a) + up[j - 1] * a;
    up[0] *= 1 - a;
  }
  return up[need];
}

std::vector<std::size_t> ArticulationPoints(
    std::size_t vertices, const std::vector<std::pair<std::size_t, std::size_t>>& edges) {
  using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;
  Graph g(vertices);
  for (const auto& [a, b] : edges) {
    if (a != b) boost::add_edge(a, b, g);
  }
  std::vector<std::size_t> points;
  boost::articulation_points(g, std::back_inserter(points));
  std::sort(points.begin(), points.end());
  points.erase(std::unique(points.begin(), points.end()), points.end());
  return points;
}

std::vector<std::vector<std::size_t>> DependencyCycles(
    std::size_t vertices, const std::vector<std::pair<std::size_t, std::size_t>>& edges,
    std::vector<std::size_t>& component) {
  using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS>;
  Graph g(vertices);
  std::vector<bool> self_loop(vertices, false);
  for (const auto& [a, b] : edges) {
    if (a == b) {
      self_loop[a] = true;
    } else {
      boost::add_edge(a, b, g);
    }
  }
  component.assign(vertices, 0);
  const std::size_t count = vertices == 0 ? 0 : boost::strong_components(g, component.data());
  std::vector<std::vector<std::size_t>> members(count);
  for (std::size_t v = 0; v < vertices; ++v) members[component[v]].push_back(v);
  std::vector<std::vector<std::size_t>> cycles;
  for (auto& m : members) {
    if (m.size() > 1 || (m.size() == 1 && self_loop[m[0]])) cycles.push_back(std::move(m));
  }
  std::sort(cycles.begin(), cycles.end());
  return cycles;
}

}  // namespace samdrift::planners
