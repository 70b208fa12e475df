// The availability model of the risk report (planners/risk_model.cc): each component's needs as
// blocks in series and in parallel, today or in the target, and its solution per strongly
// connected component. Internal to planners/risk*.cc.
#ifndef SAMDRIFT_PLANNERS_RISK_MODEL_H_
#define SAMDRIFT_PLANNERS_RISK_MODEL_H_

#include <cstddef>
#include <limits>
#include <string>
#include <vector>

#include "planners/risk_parts.h"

namespace samdrift::planners::risk_model {

using IdSet = std::vector<Id>;  // sorted, unique

// One need of a component: a block of one is a plain need, a block of more is a redundancy of
// which `k` members must be up (1 unless the scenario's k_of_n says more).
struct Block {
  std::vector<Id> ids;
  int k = 1;
};

// What one component needs: blocks in series.
struct Model {
  std::size_t assets = 0;  // vertices [0, assets) are the graph's assets; the rest target halls
  std::vector<double> own;
  std::vector<std::vector<Block>> needs;
  std::vector<std::string> hall_names;  // of the target halls, index - assets
};

// The availability of one component (a strongly connected component of the model): `spof`, the
// components whose failure alone stops it (itself included), and `residual`, what the parallel
// blocks add: availability = prod(own over spof) * residual.
struct State {
  IdSet spof;
  double residual = 1;
  double availability = 0;
  bool unknown = false;
  bool computed = false;
  std::size_t weakest = std::numeric_limits<std::size_t>::max();  // a component, for the path
};

struct Solved {
  std::vector<std::size_t> component;    // per vertex
  std::vector<std::vector<Id>> members;  // per component
  std::vector<State> states;             // per component
  std::vector<std::vector<std::size_t>> cycles;
};

// The model of the estate today, or in the target (devices in their target halls).
Model BuildModel(const RiskInput& in, bool target);
// One pass over the components in reverse topological order.
Solved Solve(const Model& m, const RiskInput& in);

}  // namespace samdrift::planners::risk_model

#endif  // SAMDRIFT_PLANNERS_RISK_MODEL_H_
