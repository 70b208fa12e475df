// Availability block math for the risk planner: independent components in series, in parallel
// and k-of-n, and articulation points (single points of failure) of small undirected graphs.
// Plain values in and out; Boost.Graph stays in availability.cc.
#ifndef SAMDRIFT_PLANNERS_AVAILABILITY_H_
#define SAMDRIFT_PLANNERS_AVAILABILITY_H_

#include <cstddef>
#include <utility>
#include <vector>

namespace samdrift::planners {

// Every block must be up: the product of their availabilities (1 for none).
double Series(const std::vector<double>& blocks);
// At least one block must be up: 1 - prod(1 - a) (0 for none).
double Parallel(const std::vector<double>& blocks);
// At least `k` of the blocks must be up (independent, each with its own availability): the sum
// over the up-sets of k or more blocks, computed in O(n*k). k <= 0 is 1; k > n is 0.
double KOfN(int k, const std::vector<double>& blocks);

// The articulation points of an undirected graph of `vertices` vertices (a vertex whose removal
// disconnects its component), sorted. A chain a-b-c-d has b and c; a diamond has none.
std::vector<std::size_t> ArticulationPoints(
    std::size_t vertices, const std::vector<std::pair<std::size_t, std::size_t>>& edges);

// The components of a directed graph with more than one vertex, or one vertex with an edge to
// itself (dependency cycles), each sorted, in order of their smallest vertex. `component`
// receives every vertex's strongly connected component number; the numbers are a reverse
// topological order (an edge u->v between components has component[u] > component[v]).
std::vector<std::vector<std::size_t>> DependencyCycles(
    std::size_t vertices, const std::vector<std::pair<std::size_t, std::size_t>>& edges,
    std::vector<std::size_t>& component);

}  // namespace samdrift::planners

#endif  // SAMDRIFT_PLANNERS_AVAILABILITY_H_
